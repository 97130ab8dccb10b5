"""Training logs in and out: pandas DataFrames, records, CSV files and JSON text.

Nothing here computes or checks a model: rows become session dicts (blank
cells and NaN/None dropped, dates written ``YYYY-MM-DD``) and the core's
``read_log`` validates the log, its errors renamed to point at the row and
column they came from.

Columns are the session fields of ``docs/log-format.md`` (see
:data:`SESSION_COLUMNS`), one session per row:

======================  =====================================================
``date``                ``YYYY-MM-DD`` text, ``date``, ``datetime`` or pandas
                        ``Timestamp`` (a tz-aware one counts by its local date)
``start_time``          ``HH:MM:SS`` text or ``datetime.time``
``kind``                ``easy``, ``long``, ``intervals``, ``race``… (required)
``modality``            for ``cross_training``: ``cycling``, ``swimming``…
``status``              ``completed`` (default) or ``planned``
``duration_s``          s (required)
``distance_m``          m
``rpe``                 CR-10
``avg_hr_bpm``          bpm
``hr_histogram``        a list of ``{"hr_bpm", "seconds"}`` (JSON text in CSV)
``avg_power_w``, ``normalized_power_w``,   W, W, s/km, m, °C, %
``graded_pace_s_per_km``, ``elevation_gain_m``,
``temperature_c``, ``humidity_pct``
``id``, ``notes``       text
======================  =====================================================

An error in a row names it: ``field`` is ``rows[i].column`` with ``i`` the
row's position among the data rows (from 0), ``row`` and ``column`` say the
same, and the message gives the row as a person counts it (in a CSV file,
``rows[i]`` is row ``i + 2``: row 1 is the header).

>>> import io, runrecovery as rr
>>> text = "date,kind,duration_s,rpe\\n2026-03-02,easy,3000,3\\n2026-03-04,intervals,3600,11\\n"
>>> try:
...     rr.read_log_csv(io.StringIO(text))
... except rr.OutOfRangeError as e:
...     print(e.field, e.row, e.column)
...     print(e)
rows[1].rpe 3 rpe
row 3 of the CSV (row 1 is the header), column rpe: 11 is out of range (expected 0 to 10 (CR-10))
"""

from __future__ import annotations

import csv
import datetime
import importlib
import io
import json
import math
import os
import re
import typing
from typing import IO, Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple, Union

from . import _runrecovery
from ._core import _call
from .errors import InvalidInputError, Path, RunRecoveryError
from .types import AthleteLike, DuplicatePolicy, LogDocument, LogLike, Session

__all__ = [
    "SESSION_COLUMNS",
    "sessions_from_dataframe",
    "log_from_dataframe",
    "log_to_dataframe",
    "from_records",
    "read_log_csv",
    "from_json",
    "to_json",
]

#: The session fields, in the order :func:`log_to_dataframe` writes them.
SESSION_COLUMNS: Tuple[str, ...] = (
    "date",
    "start_time",
    "kind",
    "modality",
    "status",
    "duration_s",
    "distance_m",
    "rpe",
    "avg_hr_bpm",
    "hr_histogram",
    "avg_power_w",
    "normalized_power_w",
    "graded_pace_s_per_km",
    "elevation_gain_m",
    "temperature_c",
    "humidity_pct",
    "id",
    "notes",
)

#: Numeric session fields: their CSV cells are read as numbers.
_NUMBER_COLUMNS = frozenset(k for k, v in typing.get_type_hints(Session).items() if v is float)

_SESSION_FIELD = re.compile(r"^log\.sessions\[(\d+)\]\.?(.*)$")
_MISSING_FIELD = re.compile(r"missing field `(\w+)`")

PathOrBuffer = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]


# ---------------------------------------------------------------- cells to session fields


def _missing(value: Any) -> bool:
    """None, NaN, pandas NA/NaT, NumPy NaT and blank text: a field left out."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(value, float):
        return math.isnan(value)
    dtype = getattr(value, "dtype", None)
    if dtype is not None and getattr(value, "ndim", None) == 0:  # a NumPy scalar
        if dtype.kind == "f":
            return bool(math.isnan(value))
        if dtype.kind in "mM":
            return str(value) == "NaT"
    return False


def _date_text(value: Any) -> Any:
    """A date cell as ``YYYY-MM-DD`` (text passes as written, for the core to judge)."""
    if isinstance(value, datetime.datetime):  # also a pandas Timestamp: its own (local) date
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if getattr(getattr(value, "dtype", None), "kind", None) == "M":  # numpy.datetime64
        return str(value.astype("datetime64[D]"))
    return value.strip() if isinstance(value, str) else value


def _number(text: str) -> Any:
    """A CSV number; text that is not one passes as written (the core names the field)."""
    for parse in (int, float):
        try:
            return parse(text)
        except ValueError:
            pass
    return text


def _field(column: str, value: Any, from_text: bool) -> Any:
    """One cell as the session field's value (plain Python types, JSON-ready)."""
    if column == "date":
        return _date_text(value)
    if isinstance(value, str):
        value = value.strip()
        if from_text and column in _NUMBER_COLUMNS:
            return _number(value)
        if column == "hr_histogram":
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value
    if isinstance(value, datetime.time):
        return value.isoformat()
    tolist = getattr(value, "tolist", None)  # NumPy scalars and arrays
    return tolist() if callable(tolist) else value


def _session(row: Mapping[Any, Any], from_text: bool = False) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, (list, tuple, dict)) or not _missing(value):
            column = str(key).strip()
            out[column] = _field(column, value, from_text)
    return out


# ---------------------------------------------------------------- errors to rows and columns


def _at_rows(err: RunRecoveryError, where: Callable[[int], Tuple[int, str]], strip_log: bool = True) -> RunRecoveryError:
    """The core's error on ``log.sessions[i].x`` as the same class on ``rows[i].x``;
    ``where(i)`` gives the row number kept in ``.row`` and how the message says it."""
    field = err.field or ""
    path = err.path
    message = str(err)
    if message.startswith(field + ": "):
        message = message[len(field) + 2 :]
    row: Optional[int] = None
    column: Optional[str] = None
    new_path: Optional[Path] = None
    match = _SESSION_FIELD.match(field)
    if match:
        i, rest = int(match[1]), match[2]
        column = re.split(r"[.\[]", rest, maxsplit=1)[0] or None
        if path is not None:
            new_path = ("rows",) + path[2:]
        if column is None:
            missing = _MISSING_FIELD.search(message)
            column = rest = missing[1] if missing else ""
            column = column or None
            if new_path is not None and column is not None:
                new_path = new_path + (column,)
        row, said = where(i)
        new_field = f"rows[{i}]" + (f".{rest}" if rest else "")
        text = f"{said}, column {column}: {message}" if column else f"{said}: {message}"
    elif field == "log.sessions":
        new_field, text, new_path = "rows", f"rows: {message}", ("rows",)
    else:
        strip = strip_log and field.startswith("log.")
        new_field = field[4:] if strip else field
        new_path = path[1:] if strip and path is not None else path
        text = f"{new_field}: {message}"
    out = type(err)(text, code=err.code, field=new_field, value=err.value, path=new_path)
    out.row, out.column = row, column
    return out


def _read(
    sessions: List[Dict[str, Any]],
    athlete: Optional[AthleteLike],
    duplicates: Optional[DuplicatePolicy],
    where: Callable[[int], Tuple[int, str]],
) -> LogDocument:
    """The canonical log of these sessions, by the core's read_log."""
    log: Dict[str, Any] = {"schema_version": 1, "sessions": sessions}
    if athlete is not None:
        log["athlete"] = dict(athlete)
    request: Dict[str, Any] = {"log": log}
    if duplicates is not None:
        request["duplicates"] = duplicates
    try:
        out = _runrecovery.call("read_log", request)
    except RunRecoveryError as e:
        raise _at_rows(e, where) from None
    return typing.cast(LogDocument, out["log"])


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")  # optional: imported on use
    except ImportError:
        raise ImportError("this needs pandas: pip install pandas (or pip install ./runrecovery-py[pandas])") from None


# ---------------------------------------------------------------- pandas


def _rows_of(df: Any) -> Tuple[List[Dict[str, Any]], List[Any]]:
    """The rows of a DataFrame as dicts, with their index labels. A DataFrame
    without a ``date`` column takes its dates from a DatetimeIndex (or an
    index named ``date``)."""
    pd = _pandas()
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"expected a pandas DataFrame, got {type(df).__name__}")
    labels = list(df.index)
    if "date" not in df.columns and (isinstance(df.index, pd.DatetimeIndex) or df.index.name == "date"):
        df = df.rename_axis("date").reset_index()
    return df.to_dict("records"), labels


def sessions_from_dataframe(df: Any) -> List[Session]:
    """The sessions of a DataFrame, one per row, in row order (not validated).

    Columns are session fields (:data:`SESSION_COLUMNS`); NaN, None, NaT and
    blank cells leave the field out; dates (text, ``date``, ``Timestamp``,
    tz-aware as local dates, or a ``DatetimeIndex`` when there is no ``date``
    column) become ``YYYY-MM-DD``. The result is JSON-ready.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"date": pd.to_datetime(["2026-03-02", "2026-03-04"]),
    ...                    "kind": ["easy", "intervals"], "duration_s": [3000, 3600], "rpe": [3, None]})
    >>> sessions_from_dataframe(df)
    [{'date': '2026-03-02', 'kind': 'easy', 'duration_s': 3000, 'rpe': 3.0}, {'date': '2026-03-04', 'kind': 'intervals', 'duration_s': 3600}]
    """
    rows, _ = _rows_of(df)
    return typing.cast(List[Session], [_session(r) for r in rows])


def log_from_dataframe(
    df: Any, athlete: Optional[AthleteLike] = None, *, duplicates: Optional[DuplicatePolicy] = None
) -> LogDocument:
    """A validated log document from a DataFrame of sessions (one per row).

    Rows are read as in :func:`sessions_from_dataframe`; the core's
    ``read_log`` then validates and sorts them (``duplicates`` as there). The
    athlete is ``athlete``, else ``df.attrs["athlete"]`` (which
    :func:`log_to_dataframe` sets), else none. An error names the row by its
    position (``rows[i].column``, ``.row == i``) and its index label.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"date": ["2026-03-04", "2026-03-02"], "kind": ["intervals", "easy"],
    ...                    "duration_s": [3600, 3000], "rpe": [8, 3]})
    >>> log = log_from_dataframe(df, athlete={"age_years": 34})
    >>> [s["date"] for s in log["sessions"]], log["athlete"]["age_years"]
    (['2026-03-02', '2026-03-04'], 34.0)
    >>> try:
    ...     log_from_dataframe(df.assign(rpe=[8, 12]))
    ... except RunRecoveryError as e:
    ...     print(e.code, e.field, "|", e)
    out_of_range rows[1].rpe | DataFrame row iloc[1] (index 1), column rpe: 12 is out of range (expected 0 to 10 (CR-10))
    """
    rows, labels = _rows_of(df)
    if athlete is None:
        athlete = df.attrs.get("athlete")

    def where(i: int) -> Tuple[int, str]:
        return i, f"DataFrame row iloc[{i}]" + (f" (index {labels[i]!r})" if i < len(labels) else "")

    return _read([_session(r) for r in rows], athlete, duplicates, where)


def log_to_dataframe(log: LogLike) -> Any:
    """A DataFrame of a log's sessions, one per row, sorted as the core sorts them.

    Columns: the session fields present in the log, in the order of
    :data:`SESSION_COLUMNS`; ``date`` as ``datetime64`` (calendar dates, no
    time zone), numbers as floats (NaN where absent), ``hr_histogram`` as
    lists. The athlete goes to ``df.attrs["athlete"]``, so
    :func:`log_from_dataframe` gives the log back.

    >>> df = log_to_dataframe({"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8},
    ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000}]})
    >>> list(df.columns), df["rpe"].tolist()
    (['date', 'kind', 'status', 'duration_s', 'rpe'], [nan, 8.0])
    >>> log_from_dataframe(df)["sessions"][1]
    {'date': '2026-03-04', 'duration_s': 3600.0, 'kind': 'intervals', 'rpe': 8.0, 'status': 'completed'}
    """
    pd = _pandas()
    doc: Dict[str, Any] = dict(_validated(log))
    sessions: List[Dict[str, Any]] = doc["sessions"]
    present = {k for s in sessions for k in s}
    columns = [c for c in SESSION_COLUMNS if c in present] + sorted(present - set(SESSION_COLUMNS))
    data: Dict[str, Any] = {}
    for c in columns:
        values = [s.get(c) for s in sessions]
        if c == "date":
            data[c] = pd.to_datetime(values)
        elif c in _NUMBER_COLUMNS:
            data[c] = pd.Series([math.nan if v is None else v for v in values], dtype="float64")
        else:
            data[c] = pd.Series(values, dtype="object")
    df = pd.DataFrame(data, columns=columns)
    if doc.get("athlete") is not None:
        df.attrs["athlete"] = doc["athlete"]
    return df


# ---------------------------------------------------------------- records and CSV


def from_records(
    records: Iterable[Mapping[str, Any]],
    athlete: Optional[AthleteLike] = None,
    *,
    duplicates: Optional[DuplicatePolicy] = None,
) -> LogDocument:
    """A validated log document from session records (dicts, e.g. ``df.to_dict("records")``).

    Cells are read as in :func:`sessions_from_dataframe` (None, NaN and blank
    text dropped, dates to ``YYYY-MM-DD``); errors name ``rows[i].column``
    (``i`` from 0).

    >>> log = from_records([{"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": None}])
    >>> log["sessions"]
    [{'date': '2026-03-02', 'duration_s': 3000.0, 'kind': 'easy', 'status': 'completed'}]
    """
    sessions = [_session(r) for r in records]

    def where(i: int) -> Tuple[int, str]:
        return i, f"records[{i}]"

    return _read(sessions, athlete, duplicates, where)


def _open_text(path_or_buffer: PathOrBuffer) -> Tuple[IO[str], Callable[[], Any]]:
    """A text stream, and what to do when done (close a file we opened, let go of a
    caller's binary stream without closing it)."""
    if isinstance(path_or_buffer, (str, os.PathLike)):
        f = open(path_or_buffer, encoding="utf-8-sig", newline="")
        return f, f.close
    if isinstance(path_or_buffer.read(0), bytes):
        wrapper = io.TextIOWrapper(typing.cast(IO[bytes], path_or_buffer), encoding="utf-8-sig", newline="")
        return wrapper, wrapper.detach
    return typing.cast(IO[str], path_or_buffer), lambda: None


def read_log_csv(
    path_or_buffer: PathOrBuffer,
    athlete: Optional[AthleteLike] = None,
    *,
    duplicates: Optional[DuplicatePolicy] = None,
    delimiter: str = ",",
) -> LogDocument:
    """A validated log document from a CSV file of sessions (a header row, then one session per row).

    ``path_or_buffer`` is a path or an open text (or binary, UTF-8) file.
    The header names session fields (:data:`SESSION_COLUMNS`; surrounding
    spaces are ignored, an unknown name is an error); a blank cell leaves the
    field out; numeric fields are read as numbers (a cell that is not one,
    or ``nan``, is the core's error); ``hr_histogram`` cells hold JSON.

    An error names the row and column: ``field`` ``rows[i].column``, where
    data row ``i`` (from 0) is row ``i + 2`` of the file counting the header
    as row 1; ``.row`` is that row number and ``.column`` the column.

    >>> import io
    >>> csv_text = '''date,kind,duration_s,distance_m,rpe,avg_hr_bpm
    ... 2026-03-02,easy,3000,9000,3,140
    ... 2026-03-04,intervals,3600,,8,
    ... '''
    >>> log = read_log_csv(io.StringIO(csv_text), athlete={"hr_max_bpm": 188})
    >>> [(s["kind"], s.get("distance_m")) for s in log["sessions"]]
    [('easy', 9000.0), ('intervals', None)]
    >>> try:
    ...     read_log_csv(io.StringIO(csv_text.replace("3600", "1h")))
    ... except RunRecoveryError as e:
    ...     print(e.code, e.field, e.row, e.column)
    invalid_input rows[1].duration_s 3 duration_s
    """
    stream, done = _open_text(path_or_buffer)
    try:
        reader = csv.reader(stream, delimiter=delimiter)
        header = next(reader, None)
        if header is None or not any(h.strip() for h in header):
            raise InvalidInputError("the CSV has no header row (expected session fields such as date,kind,duration_s)", field="rows", path=("rows",))
        names = [h.strip() for h in header]
        for j, name in enumerate(names):
            if not name:
                raise InvalidInputError(f"column {j + 1} of the header has no name", field="columns", path=("columns",))
            if name in names[:j]:
                raise InvalidInputError(f"column {name!r} appears twice in the header", field=name, path=(name,))
        sessions: List[Dict[str, Any]] = []
        for i, cells in enumerate(reader):
            if len(cells) > len(names) and any(c.strip() for c in cells[len(names) :]):
                err = InvalidInputError(
                    f"row {i + 2} of the CSV (row 1 is the header): {len(cells)} cells, but the header names {len(names)} columns",
                    field=f"rows[{i}]",
                    path=("rows", i),
                )
                err.row = i + 2
                raise err
            sessions.append(_session(dict(zip(names, cells)), from_text=True))
    finally:
        done()

    def where(i: int) -> Tuple[int, str]:
        return i + 2, f"row {i + 2} of the CSV (row 1 is the header)"

    # Blank lines are records with no cells: kept (as sessions with no date, an
    # error) only when followed by data, so rows[i] stays row i + 2 of the file.
    while sessions and not sessions[-1]:
        sessions.pop()
    return _read(sessions, athlete, duplicates, where)


# ---------------------------------------------------------------- JSON


def from_json(text: Union[str, bytes]) -> LogDocument:
    """A validated log document from its JSON text (the core's ``read_log``).

    The document is sorted and in the current schema; errors name the field
    within the document (``sessions[3].rpe``), ``$`` for text that is not JSON.

    >>> log = from_json('{"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": 3000}]}')
    >>> log["sessions"][0]["kind"], to_json(log) == to_json(from_json(to_json(log)))
    ('easy', True)
    >>> try:
    ...     from_json('{"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": -5}]}')
    ... except RunRecoveryError as e:
    ...     print(e.code, e.field)
    out_of_range sessions[0].duration_s
    """
    try:
        doc = json.loads(text)
    except ValueError as e:
        raise InvalidInputError(f"$: not valid JSON: {e}", field="$", path=()) from None
    return _validated(doc)


def _validated(doc: Any) -> LogDocument:
    try:
        out = _runrecovery.call("read_log", {"log": doc})
    except RunRecoveryError as e:
        field = e.field or ""
        if field == "log" or field.startswith("log.") or field.startswith("log["):
            new = field[4:] if field.startswith("log.") else ("$" if field == "log" else field[3:])
            message = str(e)
            if message.startswith(field + ": "):
                message = message[len(field) + 2 :]
            path = e.path[1:] if e.path is not None else None
            raise type(e)(f"{new}: {message}", code=e.code, field=new, value=e.value, path=path) from None
        raise
    return typing.cast(LogDocument, out["log"])


def to_json(log: LogLike, *, indent: Optional[int] = None) -> str:
    """A log document as JSON text, validated and in canonical form (sorted, current schema).

    ``indent`` as in :func:`json.dumps`; non-ASCII text is kept as is.

    >>> to_json({"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": 3000}]})
    '{"schema_version": 1, "sessions": [{"date": "2026-03-02", "duration_s": 3000.0, "kind": "easy", "status": "completed"}]}'
    """
    return json.dumps(_validated(log), ensure_ascii=False, indent=indent)


def _icalendar_call(operation: str, request: Mapping[str, Any]) -> Any:
    """``to_icalendar``: the core writes the file's text; ``path`` (Python's
    own, never sent to the core) also writes it there, byte for byte (UTF-8,
    CRLF line endings kept)."""
    request = dict(request)
    path = request.pop("path")
    out = _call(operation, request)
    if path is not None:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(out["ics"])
    return out
