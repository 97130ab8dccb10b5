"""The compiled binding of runrecovery-core's operations layer (see ``runrecovery``)."""

from typing import Any, Dict, List, Mapping, Optional

from numpy import float64
from numpy.typing import NDArray

from .types import OperationInfo

__version__: str
__all__ = ["call", "operations", "error_codes", "pmc_batch", "acwr_batch", "banister_fit_batch", "__version__"]

def call(operation: str, request: Mapping[str, Any]) -> Any:
    """Runs the operation ``operation`` on ``request`` (a dict of its fields) and returns the response dict.

    Raises a ``runrecovery.errors.RunRecoveryError`` subclass for every rejected request.
    """

def operations() -> List[OperationInfo]:
    """Every operation: a list of dicts with ``name``, ``module``, ``summary`` and ``series``."""

def error_codes() -> List[str]:
    """Every error code the core can return."""

def pmc_batch(
    loads: NDArray[float64], request: Mapping[str, Any], out: Optional[Mapping[str, Any]] = None
) -> Dict[str, Any]:
    """``pmc_batch`` on a C-contiguous float64 matrix (athletes × days), read in place;
    ``request`` holds the other fields; results are written into ``out``'s arrays when given."""

def acwr_batch(
    loads: NDArray[float64], request: Mapping[str, Any], out: Optional[Mapping[str, Any]] = None
) -> Dict[str, Any]:
    """``acwr_batch`` on a C-contiguous float64 matrix (athletes × days); ``ratio`` is NaN where there is none."""

def banister_fit_batch(loads: NDArray[float64], tests: NDArray[float64], request: Mapping[str, Any]) -> Dict[str, Any]:
    """``banister_fit_batch`` on C-contiguous float64 matrices (NaN in ``tests`` = no test):
    the ``athletes`` list plus per-athlete columns."""
