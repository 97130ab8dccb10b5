//! WebAssembly bindings (placeholder until the binding module lands).
