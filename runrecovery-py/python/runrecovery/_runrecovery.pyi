"""The compiled binding of runrecovery-core's operations layer (see ``runrecovery``)."""

from typing import Any, List, Mapping

from .types import OperationInfo

__version__: str
__all__ = ["call", "operations", "error_codes", "__version__"]

def call(operation: str, request: Mapping[str, Any]) -> Any:
    """Runs the operation ``operation`` on ``request`` (a dict of its fields) and returns the response dict.

    Raises a ``runrecovery.errors.RunRecoveryError`` subclass for every rejected request.
    """

def operations() -> List[OperationInfo]:
    """Every operation: a list of dicts with ``name``, ``module``, ``summary`` and ``series``."""

def error_codes() -> List[str]:
    """Every error code the core can return."""
