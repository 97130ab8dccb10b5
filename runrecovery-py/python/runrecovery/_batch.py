"""The NumPy paths of the batch operations (athletes × days): matrices are read
in place by ``_runrecovery.pmc_batch`` and friends, which run with the GIL
released and hand back float64 arrays (see the generated ``pmc_batch``,
``acwr_batch`` and ``banister_fit_batch`` for the arguments)."""

from __future__ import annotations

from typing import Any, Mapping, cast

import numpy as _np

from . import _runrecovery
from ._core import _call, _plain
from .errors import from_core as _from_core
from .types import AcwrBatchResponse, BanisterFitBatchResponse, PmcBatchResponse


def _matrix(operation: str, field: str, request: Mapping[str, Any]) -> Any:
    """``request[field]`` as a C-contiguous float64 matrix (the array itself when
    it already is one: no copy). What NumPy cannot read as a matrix (ragged
    rows, strings, other dimensions) goes to the core operation, so the error
    is the operation's own (``inconsistent`` at ``loads[1]``, say)."""
    try:
        array = _np.ascontiguousarray(request[field], dtype=_np.float64)
    except (TypeError, ValueError) as e:
        why = str(e)
    else:
        if array.ndim == 2:
            return array
        why = f"expected a matrix (athletes × days), got {array.ndim} dimension(s)"
    _call(operation, {k: _plain(v) for k, v in request.items() if k != "out"})
    raise _from_core("invalid_input", f"{field}: {why}", field, None, (field,))


def _options(request: Mapping[str, Any], *matrices: str) -> dict:
    """The request's other fields (the binding drops the ``None`` ones)."""
    return {k: v for k, v in request.items() if k not in matrices and k != "out"}


def pmc_batch(operation: str, request: Mapping[str, Any]) -> PmcBatchResponse:
    matrix = _matrix(operation, "loads", request)
    return cast(PmcBatchResponse, _runrecovery.pmc_batch(matrix, _options(request, "loads"), request.get("out")))


def acwr_batch(operation: str, request: Mapping[str, Any]) -> AcwrBatchResponse:
    matrix = _matrix(operation, "loads", request)
    return cast(AcwrBatchResponse, _runrecovery.acwr_batch(matrix, _options(request, "loads"), request.get("out")))


def banister_fit_batch(operation: str, request: Mapping[str, Any]) -> BanisterFitBatchResponse:
    loads = _matrix(operation, "loads", request)
    tests = _matrix(operation, "tests", request)
    return cast(
        BanisterFitBatchResponse,
        _runrecovery.banister_fit_batch(loads, tests, _options(request, "loads", "tests")),
    )
