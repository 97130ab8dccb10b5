"""runrecovery: the science of training and recovery for runners.

Zones, race equivalents and training paces, training load per session and
per day, weekly monotony, strain and ramp: every formula lives in the Rust
core (``runrecovery-core``); this package is a thin binding. Each operation
is a function taking keyword arguments (snake_case, units in the names, the
same keys as the Rust and JavaScript APIs) and returning a ``dict``; long
series come back as NumPy arrays. Dates are ``"YYYY-MM-DD"`` strings, or
``date`` / ``datetime`` / pandas ``Timestamp`` objects on the way in.
Results are :class:`Result` dicts, shown as tables in notebooks. Training
logs come in and go out as DataFrames, CSV files, records and JSON text
(:mod:`runrecovery.io`: :func:`read_log_csv`, :func:`log_from_dataframe`,
:func:`log_to_dataframe`, :func:`from_json`...), and :mod:`runrecovery.plot`
draws the PMC, the recovery of each body system and the next quality session.

>>> import runrecovery as rr
>>> rr.vdot_from_race(distance_m=5000, time_s=20 * 60)["vdot"]  # doctest: +ELLIPSIS
49.8...
>>> daily = rr.daily_series(dates=["2026-03-02", "2026-03-04"], values=[300, 500])
>>> daily["values"].tolist(), daily["logged"].tolist()
([300.0, 0.0, 500.0], [True, False, True])

Bad input raises a :class:`RunRecoveryError` subclass (a ``ValueError``)
with a stable ``code``, the ``field`` and the ``value``:

>>> try:
...     rr.session_load(session={"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 11})
... except rr.OutOfRangeError as e:
...     print(e.code, e.field, e.value)
out_of_range session.rpe 11
"""

from __future__ import annotations

from . import _api, _runrecovery, plot
from ._api import *  # noqa: F403  (the operations, one generated function each)
from ._api import __all__ as __all__  # their names, in data-flow order (mypy reads the exports here)
from ._core import operations
from ._pandas import to_pandas
from .errors import (
    ConflictingSessionsError,
    DuplicateDateError,
    DuplicateSessionError,
    EmptyInputError,
    InconsistentInputError,
    InvalidDateError,
    InvalidInputError,
    MissingFieldError,
    NotFiniteError,
    OutOfRangeError,
    RunRecoveryError,
    UnknownOperationError,
    UnsortedDatesError,
    UnsupportedSchemaVersionError,
)
from .io import (
    SESSION_COLUMNS,
    from_json,
    from_records,
    log_from_dataframe,
    log_to_dataframe,
    read_log_csv,
    sessions_from_dataframe,
    to_json,
)
from .result import Result

__version__: str = _runrecovery.__version__

__all__ = list(__all__)  # a copy: the helpers, the I/O functions, the errors follow
__all__ += [
    # helpers
    "operations",
    "to_pandas",
    "__version__",
    # logs in and out (runrecovery.io), results, charts (runrecovery.plot)
    "SESSION_COLUMNS",
    "sessions_from_dataframe",
    "log_from_dataframe",
    "log_to_dataframe",
    "from_records",
    "read_log_csv",
    "from_json",
    "to_json",
    "Result",
    "plot",
    # errors
    "RunRecoveryError",
    "NotFiniteError",
    "OutOfRangeError",
    "MissingFieldError",
    "UnsortedDatesError",
    "DuplicateDateError",
    "DuplicateSessionError",
    "ConflictingSessionsError",
    "EmptyInputError",
    "InvalidDateError",
    "InvalidInputError",
    "UnsupportedSchemaVersionError",
    "InconsistentInputError",
    "UnknownOperationError",
]

#: The examples of the functions defined in private modules, for
#: ``doctest.testmod(runrecovery)`` (which only looks at this module's own).
__test__ = {name: globals()[name] for name in ("operations", "to_pandas", *_api.__all__)}
