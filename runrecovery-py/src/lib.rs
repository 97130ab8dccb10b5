//! Python bindings (placeholder until the binding module lands).
