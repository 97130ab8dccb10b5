"""pandas in and out: a ``Series`` of daily loads on a ``DatetimeIndex`` (or of
test results), a markers ``DataFrame`` for readiness, and :func:`to_pandas`.

The adapters turn pandas objects into the request's plain values, then run the
operation through ``_call``; pandas itself is optional and never imported here
(a pandas object can only come from an imported pandas)."""

from __future__ import annotations

import importlib
import re as _re
import sys
from typing import Any, Dict, List, Mapping, Optional, Tuple

from ._core import _call
from .errors import RunRecoveryError
from .errors import from_core as _core_error

#: DataFrame columns that hold the day's HRV (the column name is the index: ms or ln ms).
_HRV_COLUMNS = ("rmssd_ms", "ln_rmssd")
#: DataFrame columns that hold the wellness items (1–7).
_WELLNESS_COLUMNS = ("sleep_quality", "fatigue", "stress", "soreness", "mood", "motivation", "appetite")


def _missing_cell(value: Any) -> bool:
    """None, NaN, pandas NA/NaT and NumPy NaN/NaT scalars: a marker not recorded that day."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(value, float):
        return value != value
    dtype = getattr(value, "dtype", None)
    if dtype is not None and getattr(value, "ndim", None) == 0:  # a NumPy scalar
        if dtype.kind == "f":
            return bool(value != value)
        if dtype.kind in "mM":
            return str(value) == "NaT"
    return False


def _cell(value: Any) -> Any:
    """A NumPy scalar as the plain Python value (other values as they are)."""
    item = getattr(value, "item", None)
    return item() if callable(item) and getattr(value, "ndim", None) == 0 else value


def _markers_of(frame: Any, pd: Any) -> Tuple[List[Dict[str, Any]], List[Dict[str, Optional[str]]]]:
    """The rows of a markers DataFrame as ``DayMarkers`` dicts (no formula: cells
    are moved, not computed), and for each row which column each field came from."""
    columns = [str(c) for c in frame.columns]
    from_index = "date" not in columns and (isinstance(frame.index, pd.DatetimeIndex) or frame.index.name == "date")
    days: List[Dict[str, Any]] = []
    origins: List[Dict[str, Optional[str]]] = []
    for i, (label, values) in enumerate(zip(frame.index, frame.itertuples(index=False, name=None))):
        day: Dict[str, Any] = {}
        origin: Dict[str, Optional[str]] = {}
        if from_index:
            day["date"], origin["date"] = label, None
        hrv_from: List[str] = []
        wellness: Dict[str, Any] = {}
        for column, value in zip(columns, values):
            if _missing_cell(value):
                continue
            value = _cell(value)
            if column in _HRV_COLUMNS:
                day["hrv"], origin["hrv"] = {"value": value, "index": column}, column
                hrv_from.append(column)
            elif column in _WELLNESS_COLUMNS:
                wellness[column] = value
                origin[f"wellness.{column}"] = column
            else:
                day[column], origin[column] = value, column
                if column == "hrv":
                    hrv_from.append(column)
        if len(hrv_from) > 1:
            raise _core_error(
                "inconsistent",
                f"markers[{i}].hrv: {' and '.join(hrv_from)} are both given (give one HRV reading per day)",
                f"markers[{i}].hrv",
                None,
            )
        if wellness:
            if "wellness" in day:
                raise _core_error(
                    "inconsistent",
                    f"markers[{i}].wellness: both a wellness column and item columns "
                    f"({', '.join(wellness)}) are given (give one or the other)",
                    f"markers[{i}].wellness",
                    None,
                )
            day["wellness"] = wellness
        days.append(day)
        origins.append(origin)
    return days, origins


_MARKER_FIELD = _re.compile(r"markers\[(\d+)\](?:\.(.*))?$")


def _at_cell(err: RunRecoveryError, origins: List[Dict[str, Optional[str]]]) -> RunRecoveryError:
    """Adds ``row`` (position from 0) and ``column`` to the core's error on
    ``markers[i]...`` when the markers were a DataFrame; the field stays the core's."""
    match = _MARKER_FIELD.match(err.field or "")
    if match and int(match[1]) < len(origins):
        i, rest = int(match[1]), match[2] or ""
        origin = origins[i]
        parts = rest.split(".")
        key = next((k for k in (".".join(parts[:2]), parts[0]) if k in origin), None)
        err.row = i
        err.column = origin[key] if key is not None else None
    return err


def _series_request(request: Dict[str, Any], pd: Any) -> Dict[str, Any]:
    """``loads`` and ``tests`` given as pandas Series on a DatetimeIndex, as the request's objects."""
    out = dict(request)
    loads, tests = request.get("loads"), request.get("tests")
    if isinstance(loads, pd.Series) and isinstance(loads.index, pd.DatetimeIndex):
        try:
            daily = _call("daily_series", {"dates": loads.index, "values": loads.to_numpy()})
        except RunRecoveryError as e:  # named as the Series: loads.index[i] or loads[i]
            field = _re.sub(
                r"^(?:series\.)?(dates|values)", lambda m: "loads.index" if m[1] == "dates" else "loads", e.field or ""
            )
            message = str(e)
            if e.field and message.startswith(e.field):
                message = field + message[len(e.field) :]
            raise _core_error(e.code, message, field, e.value) from None
        out["loads"] = {"start": daily["start"], "values": daily["values"]}
    if isinstance(tests, pd.Series) and isinstance(tests.index, pd.DatetimeIndex):
        out["tests"] = [
            {"date": date, "value": _cell(value)} for date, value in zip(tests.index, tests.to_numpy())
            if not _missing_cell(value)
        ]
    return out


def readiness_call(operation: str, request: Mapping[str, Any]) -> Any:
    """:func:`_call`, after turning a markers DataFrame (and, for
    ``warning_signs``, loads and tests Series) into the request's lists."""
    pd = sys.modules.get("pandas")  # a DataFrame can only come from an imported pandas
    if pd is None:
        return _call(operation, request)
    request = _series_request(dict(request), pd)
    if not isinstance(request.get("markers"), pd.DataFrame):
        return _call(operation, request)
    markers, origins = _markers_of(request["markers"], pd)
    try:
        return _call(operation, {**request, "markers": markers})
    except RunRecoveryError as e:
        raise _at_cell(e, origins) from None


def dated_call(operation: str, request: Dict[str, Any]) -> Any:
    """:func:`_call`, after :func:`_dated` (``loads`` as a pandas Series on a DatetimeIndex)."""
    return _call(operation, _dated(request))


def _dated(request: Dict[str, Any]) -> Dict[str, Any]:
    """A request whose ``loads`` is a pandas Series on a DatetimeIndex and whose
    ``start`` is None gets ``start``, ``loads`` (and ``logged``, where the
    operation has it) from the core's ``daily_series`` of that series, which
    fills missing days with 0 and rejects unsorted or repeated dates."""
    loads = request.get("loads")
    pd = sys.modules.get("pandas")
    if (
        request.get("start") is not None
        or pd is None
        or not isinstance(loads, pd.Series)
        or not isinstance(loads.index, pd.DatetimeIndex)
    ):
        return request
    daily = _call("daily_series", {"dates": loads.index, "values": loads.to_numpy()})
    out = {**request, "start": daily["start"], "loads": daily["values"]}
    if "logged" in request and request["logged"] is None:
        out["logged"] = daily["logged"]
    return out


def to_pandas(result: Mapping[str, Any], field: str) -> Any:
    """A series field of a result that has a ``start`` date, as a pandas
    ``Series`` on a daily ``DatetimeIndex`` named ``date``.

    pandas is optional (``pip install runrecovery[pandas]``); it is imported here.

    >>> d = daily_series(dates=["2026-03-02", "2026-03-04"], values=[300, 500])
    >>> s = to_pandas(d, "values")
    >>> str(s.index[1].date()), float(s.iloc[1]), s.index.freqstr
    ('2026-03-03', 0.0, 'D')
    """
    try:
        pd = importlib.import_module("pandas")  # optional: imported on use
    except ImportError:
        raise ImportError(
            "runrecovery.to_pandas needs pandas: pip install pandas (or runrecovery[pandas])"
        ) from None
    if "start" not in result:
        raise KeyError(f"to_pandas needs a result with a 'start' date; this one has {sorted(result)}")
    values = result[field]
    index = pd.date_range(start=result["start"], periods=len(values), freq="D", name="date")
    return pd.Series(values, index=index, name=field)
