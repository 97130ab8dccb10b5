"""How an operation function reaches the core: ``_call`` and the ``_operation``
decorator that the generated functions (``_api.py``) and the adapters use."""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable, FrozenSet, List, Mapping, TypeVar, cast

import numpy as _np

from . import _runrecovery
from .result import Result
from .types import OperationInfo

_F = TypeVar("_F", bound=Callable[..., Any])


def _call(operation: str, request: Mapping[str, Any]) -> Any:
    """Runs one core operation (``None`` values are dropped, so the core's defaults apply).

    A dict response comes back as a :class:`Result` (a ``dict`` that notebooks
    show as a table)."""
    out = _runrecovery.call(operation, request)
    return Result(out, operation=operation) if isinstance(out, dict) else out


def _plain(value: Any) -> Any:
    """A matrix as nested lists, for the generic path (the walker takes 1-D arrays only)."""
    return value.tolist() if isinstance(value, _np.ndarray) and value.ndim > 1 else value


def _operation(fn: _F) -> _F:
    """Marks an operation function: keyword arguments only, and a missing or
    unknown field reaches the core (matrices as lists, Python-only parameters
    left out), which raises ``InvalidInputError`` naming it, exactly as in
    Rust and JavaScript (rather than Python's ``TypeError``)."""
    params = inspect.signature(fn).parameters
    required = frozenset(n for n, p in params.items() if p.default is inspect.Parameter.empty)

    python_only: FrozenSet[str] = getattr(fn, "_python_only", frozenset())

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args:
            raise TypeError(f"{fn.__name__}() takes keyword arguments only, e.g. {fn.__name__}({next(iter(params))}=...)")
        if required - kwargs.keys() or kwargs.keys() - params.keys():
            return _call(fn.__name__, {k: _plain(v) for k, v in kwargs.items() if k not in python_only})
        return fn(**kwargs)

    return cast(_F, wrapper)


def _python_only(*names: str) -> Callable[[_F], _F]:
    """Marks parameters of an operation function that the core does not take
    (conveniences such as ``path``), under :func:`_operation`."""

    def mark(fn: _F) -> _F:
        setattr(fn, "_python_only", frozenset(names))
        return fn

    return mark


def operations() -> List[OperationInfo]:
    """Every operation of the library, in data-flow order: ``name``, ``module``,
    ``summary`` and ``series`` (the response fields returned as NumPy arrays).

    >>> [op["name"] for op in operations()][:2]
    ['estimate_hr_max', 'resolve_athlete']
    """
    return cast(List[OperationInfo], _runrecovery.operations())
