"""The exceptions of runrecovery: one class per stable error code.

Every error the library raises is a :class:`RunRecoveryError`, itself a
:class:`ValueError`, carrying

- ``code``: the stable snake_case code (the same in Rust, Python and JS),
- ``field``: the path of the offending value, e.g. ``session.rpe`` or ``loads[3]``,
- ``path``: the same path as a tuple of keys (``str``) and indices (``int``),
  e.g. ``("loads", 3)``; ``()`` for the whole request (``field`` ``$``),
- ``value``: the rejected value as text, or ``None`` when there is none,
- ``row`` and ``column``: where in a table (CSV, DataFrame) the value was, or ``None``,

and the core's message as ``str(exc)``.

>>> import runrecovery
>>> try:
...     runrecovery.estimate_hr_max(age_years=500)
... except runrecovery.OutOfRangeError as e:
...     print(e.code, e.field, e.value, e.path)
out_of_range age_years 500 ('age_years',)
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple, Type, Union

__all__ = [
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
    "ERROR_CLASSES",
    "Path",
    "from_core",
]

#: An error's path: keys (``str``) and list indices (``int``), outermost first.
Path = Tuple[Union[str, int], ...]


class RunRecoveryError(ValueError):
    """Base class of every runrecovery error (a ``ValueError``).

    A code this version does not know (from a newer core) is raised as this class.
    """

    code: str = "error"
    field: Optional[str]
    #: ``field`` as segments (as the core built it; never parsed from ``field``),
    #: ``None`` only for an error made by hand without one.
    path: Optional[Path]
    value: Optional[str]
    #: For an error in a table (CSV file, DataFrame, records; see ``runrecovery.io``):
    #: the row (a CSV file's row number counting the header as 1, else the position
    #: from 0) and the column; ``None`` otherwise.
    row: Optional[int] = None
    column: Optional[str] = None

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        field: Optional[str] = None,
        value: Optional[str] = None,
        path: Optional[Path] = None,
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.field = field
        self.path = path
        self.value = value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r}, code={self.code!r}, field={self.field!r}, value={self.value!r})"


class NotFiniteError(RunRecoveryError):
    """A number is NaN or infinite."""

    code = "not_finite"


class OutOfRangeError(RunRecoveryError):
    """A number (or count) is outside the range the model accepts."""

    code = "out_of_range"


class MissingFieldError(RunRecoveryError):
    """A value needed by the chosen method is absent."""

    code = "missing_field"


class UnsortedDatesError(RunRecoveryError):
    """Dates that must be strictly increasing are not."""

    code = "unsorted_dates"


class DuplicateDateError(RunRecoveryError):
    """The same date appears twice where each date must be unique."""

    code = "duplicate_date"


class DuplicateSessionError(RunRecoveryError):
    """The same session appears twice in a log."""

    code = "duplicate_session"


class ConflictingSessionsError(RunRecoveryError):
    """Two sessions claim the same identity (id, or date and start time) but differ."""

    code = "conflicting_sessions"


class EmptyInputError(RunRecoveryError):
    """A collection that must hold something is empty."""

    code = "empty"


class InvalidDateError(RunRecoveryError):
    """A date or time could not be read."""

    code = "invalid_date"


class InvalidInputError(RunRecoveryError):
    """A request could not be read: unknown, missing or mistyped fields."""

    code = "invalid_input"


class UnsupportedSchemaVersionError(RunRecoveryError):
    """A log document's ``schema_version`` is not one this version reads."""

    code = "unsupported_schema_version"


class InconsistentInputError(RunRecoveryError):
    """Two inputs that must agree do not (lengths, threshold order...)."""

    code = "inconsistent"


class UnknownOperationError(RunRecoveryError):
    """A name passed to the operations layer is not an operation."""

    code = "unknown_operation"


#: The class raised for each error code: the one place codes map to classes.
ERROR_CLASSES: Dict[str, Type[RunRecoveryError]] = {
    cls.code: cls
    for cls in (
        NotFiniteError,
        OutOfRangeError,
        MissingFieldError,
        UnsortedDatesError,
        DuplicateDateError,
        DuplicateSessionError,
        ConflictingSessionsError,
        EmptyInputError,
        InvalidDateError,
        InvalidInputError,
        UnsupportedSchemaVersionError,
        InconsistentInputError,
        UnknownOperationError,
    )
}


def from_core(
    code: str, message: str, field: Optional[str], value: Optional[str], path: Optional[Path] = None
) -> RunRecoveryError:
    """The exception for a core error (the binding calls this; a new code gets the base class)."""
    cls = ERROR_CLASSES.get(code, RunRecoveryError)
    return cls(message, code=code, field=field, value=value, path=path)
