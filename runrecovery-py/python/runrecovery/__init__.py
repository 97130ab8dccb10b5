"""runrecovery: the science of training and recovery for runners.

Zones, race equivalents and training paces, training load per session and
per day, weekly monotony, strain and ramp: every formula lives in the Rust
core (``runrecovery-core``); this package is a thin binding. Each operation
is a function taking keyword arguments (snake_case, units in the names, the
same keys as the Rust and JavaScript APIs) and returning a ``dict``; long
series come back as NumPy arrays. Dates are ``"YYYY-MM-DD"`` strings, or
``date`` / ``datetime`` / pandas ``Timestamp`` objects on the way in.

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

import functools
import inspect
import sys
from typing import Any, Callable, List, Mapping, Optional, Tuple, TypeVar, cast

from . import _runrecovery
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
from .types import (
    AthleteLike,
    Classification,
    DailyLoadsResponse,
    DailySeriesResponse,
    DateLike,
    DateSeries,
    DuplicatePolicy,
    EstimateHrMaxResponse,
    ExponentResponse,
    FloatSeries,
    HrMaxFormula,
    Include,
    IntensityDistribution,
    LoadMethod,
    LogLike,
    MissingData,
    OperationInfo,
    Polarization,
    RaceLike,
    RaceTime,
    ReadLogResponse,
    ResolvedAthlete,
    SdKind,
    SessionLike,
    SessionLoad,
    TrainingPacesResponse,
    TrimpCoefficients,
    VdotResponse,
    WeeklyLoadsResponse,
    WeeklySummaryResponse,
    WeekMode,
    ZoneSystem,
    ZoneTable,
)

__version__: str = _runrecovery.__version__

__all__ = [
    # athlete
    "estimate_hr_max",
    "resolve_athlete",
    # log
    "read_log",
    "daily_series",
    # zones
    "zone_table",
    "classify",
    "classify_session",
    "intensity_distribution",
    "polarization_index",
    # performance
    "vdot_from_race",
    "equivalent_time",
    "training_paces",
    "riegel_predict",
    "riegel_exponent",
    "cameron_predict",
    # load
    "session_load",
    "daily_loads",
    "weekly_loads",
    "weekly_summary",
    # helpers
    "operations",
    "to_pandas",
    "__version__",
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

_F = TypeVar("_F", bound=Callable[..., Any])


def _call(operation: str, request: Mapping[str, Any]) -> Any:
    """Runs one core operation (``None`` values are dropped, so the core's defaults apply)."""
    return _runrecovery.call(operation, request)


def _operation(fn: _F) -> _F:
    """Marks an operation function: keyword arguments only, and a missing or
    unknown field reaches the core, which raises ``InvalidInputError`` naming
    it, exactly as in Rust and JavaScript (rather than Python's ``TypeError``)."""
    params = inspect.signature(fn).parameters
    required = frozenset(n for n, p in params.items() if p.default is inspect.Parameter.empty)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args:
            raise TypeError(f"{fn.__name__}() takes keyword arguments only, e.g. {fn.__name__}({next(iter(params))}=...)")
        if required - kwargs.keys() or kwargs.keys() - params.keys():
            return _call(fn.__name__, kwargs)
        return fn(**kwargs)

    return cast(_F, wrapper)


def operations() -> List[OperationInfo]:
    """Every operation of the library, in data-flow order: ``name``, ``module``,
    ``summary`` and ``series`` (the response fields returned as NumPy arrays).

    >>> [op["name"] for op in operations()][:2]
    ['estimate_hr_max', 'resolve_athlete']
    """
    return cast(List[OperationInfo], _runrecovery.operations())


# ---------------------------------------------------------------- athlete


@_operation
def estimate_hr_max(*, age_years: float, formula: Optional[HrMaxFormula] = None) -> EstimateHrMaxResponse:
    """HRmax from age by Tanaka (default), Fox or Gellish.

    ``age_years`` in years (5–110); ``hr_max_bpm`` in bpm. ``formula`` is
    ``"tanaka"`` (208 − 0.7·age), ``"fox"`` (220 − age) or ``"gellish"``
    (207 − 0.7·age).

    >>> estimate_hr_max(age_years=40)["hr_max_bpm"]
    180.0
    >>> estimate_hr_max(age_years=30, formula="fox")["hr_max_bpm"]
    190.0
    """
    return _call("estimate_hr_max", locals())


@_operation
def resolve_athlete(*, athlete: AthleteLike) -> ResolvedAthlete:
    """Validate a profile and fill what can be estimated, saying how.

    Heart rates in bpm, paces in s/km, power in W, body mass in kg. A
    measured value always wins; HRmax is estimated from age, threshold pace
    from VDOT (Daniels' T pace).

    >>> r = resolve_athlete(athlete={"age_years": 40, "vdot": 50})
    >>> r["hr_max_bpm"], [e["field"] for e in r["estimated"]]
    (180.0, ['hr_max_bpm', 'threshold_pace_s_per_km'])
    """
    return _call("resolve_athlete", locals())


# ---------------------------------------------------------------- log


@_operation
def read_log(*, log: LogLike, duplicates: Optional[DuplicatePolicy] = None) -> ReadLogResponse:
    """Validate a log document: sorted, duplicates handled, current schema.

    ``log`` is ``{"schema_version": 1, "athlete": {...}, "sessions": [...]}``
    (durations in s, distances in m); ``duplicates`` is ``"reject"``
    (default), ``"drop_exact"`` or ``"keep_last"``.

    >>> r = read_log(log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 3000, "rpe": 8},
    ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3}]})
    >>> r["sessions"], r["first_date"], r["log"]["sessions"][0]["kind"]
    (2, '2026-03-02', 'easy')
    """
    return _call("read_log", locals())


@_operation
def daily_series(*, dates: DateSeries, values: FloatSeries) -> DailySeriesResponse:
    """A calendar-day series from dated values: gaps filled with 0 and marked not logged.

    ``dates`` strictly increasing (strings, dates, a pandas ``DatetimeIndex``…),
    one value (≥ 0, in any unit) per date. ``values`` and ``logged`` come back
    as NumPy arrays, one element per day from ``start`` to ``end``.

    >>> s = daily_series(dates=["2026-03-02", "2026-03-05"], values=[10, 20])
    >>> s["start"], s["end"], s["values"].tolist()
    ('2026-03-02', '2026-03-05', [10.0, 0.0, 0.0, 20.0])
    """
    return _call("daily_series", locals())


# ---------------------------------------------------------------- zones


@_operation
def zone_table(*, athlete: AthleteLike, system: ZoneSystem) -> ZoneTable:
    """An athlete's zones in one system, with bounds in bpm, s/km, W or CR-10.

    Each zone has ``from`` (easy end) and ``to`` (hard end) in the table's
    ``unit``, and its Seiler zone (1–3).

    >>> t = zone_table(athlete={"lthr_bpm": 170}, system="lthr_friel")
    >>> t["unit"], t["zones"][1]["name"], t["zones"][1]["from"]
    ('bpm', 'Z2', 144.5)
    """
    return _call("zone_table", locals())


@_operation
def classify(*, athlete: AthleteLike, system: ZoneSystem, value: float) -> Classification:
    """The zone of a heart rate, pace, power or RPE value.

    ``value`` in the system's unit: bpm, s/km, W or CR-10. ``zone`` is the
    index in the table (0 = easiest).

    >>> classify(athlete={"lthr_bpm": 170}, system="lthr_friel", value=150)["name"]
    'Z2'
    """
    return _call("classify", locals())


@_operation
def classify_session(*, athlete: AthleteLike, system: ZoneSystem, session: SessionLike) -> Classification:
    """The zone of a whole session by its average.

    The average heart rate (bpm), pace (s/km), power (W) or RPE (CR-10) of
    the session, whichever the system measures.

    >>> classify_session(athlete={}, system="rpe",
    ...                  session={"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3})["seiler"]
    1
    """
    return _call("classify_session", locals())


@_operation
def intensity_distribution(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    system: ZoneSystem,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
) -> IntensityDistribution:
    """Time in zone of a log, Seiler's 3 zones, polarization index, 80/20 check.

    Seconds per zone and fractions of classified time; ``athlete`` defaults
    to the log's; ``start`` and ``end`` bound the days counted (inclusive).

    >>> d = intensity_distribution(system="rpe", log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 4800, "rpe": 3},
    ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 1200, "rpe": 8}]})
    >>> d["seiler_seconds"], d["easy_fraction"], d["meets_80_20"]
    ([4800.0, 0.0, 1200.0], 0.8, True)
    """
    return _call("intensity_distribution", locals())


@_operation
def polarization_index(*, z1: float, z2: float, z3: float) -> Polarization:
    """Treff's polarization index with its edge rules.

    ``z1``, ``z2``, ``z3``: time (any unit) or fractions in Seiler's zones;
    the index is ``log10((Z1/Z2)·Z3·100)`` in a.u., polarized above 2.00.

    >>> p = polarization_index(z1=0.80, z2=0.05, z3=0.15)
    >>> round(p["index"], 2), p["polarized"], p["distribution"]
    (2.38, True, 'polarized')
    """
    return _call("polarization_index", locals())


# ---------------------------------------------------------------- performance


@_operation
def vdot_from_race(*, distance_m: float, time_s: float) -> VdotResponse:
    """Daniels-Gilbert VDOT from a race.

    ``distance_m`` in m, ``time_s`` in s; VDOT in ml/kg/min.

    >>> round(vdot_from_race(distance_m=5000, time_s=1200)["vdot"], 2)
    49.81
    """
    return _call("vdot_from_race", locals())


@_operation
def equivalent_time(*, vdot: float, distance_m: float) -> RaceTime:
    """The race time with the same VDOT over another distance.

    ``vdot`` in ml/kg/min, ``distance_m`` in m; ``time_s`` in s and
    ``pace_s_per_km`` in s/km.

    >>> round(equivalent_time(vdot=49.81, distance_m=5000)["time_s"])
    1200
    """
    return _call("equivalent_time", locals())


@_operation
def training_paces(*, vdot: float) -> TrainingPacesResponse:
    """Daniels' E, M, T, I, R paces for a VDOT.

    ``vdot`` in ml/kg/min; each band's paces in s/km.

    >>> [p["intensity"] for p in training_paces(vdot=50)["paces"]]
    ['easy', 'marathon', 'threshold', 'interval', 'repetition']
    """
    return _call("training_paces", locals())


@_operation
def riegel_predict(
    *, distance_m: float, time_s: float, to_distance_m: float, exponent: Optional[float] = None
) -> RaceTime:
    """Riegel's race-time prediction.

    ``t2 = t1 · (d2/d1)^exponent`` (default exponent 1.06); distances in m,
    times in s, pace in s/km.

    >>> round(riegel_predict(distance_m=10000, time_s=2400, to_distance_m=20000)["time_s"], 1)
    5003.8
    """
    return _call("riegel_predict", locals())


@_operation
def riegel_exponent(*, first: RaceLike, second: RaceLike) -> ExponentResponse:
    """A personal Riegel exponent from two races.

    Each race is ``{"distance_m": ..., "time_s": ...}`` (m, s), over different distances.

    >>> round(riegel_exponent(first={"distance_m": 10000, "time_s": 2400},
    ...                       second={"distance_m": 20000, "time_s": 5003.8})["exponent"], 3)
    1.06
    """
    return _call("riegel_exponent", locals())


@_operation
def cameron_predict(
    *, distance_m: float, time_s: float, to_distance_m: float, exponent: Optional[float] = None
) -> RaceTime:
    """Cameron's race-time prediction.

    Distances in m, times in s, pace in s/km (``exponent`` is ignored: it
    belongs to Riegel's model, which shares this request).

    >>> r = cameron_predict(distance_m=10000, time_s=2400, to_distance_m=21097.5)
    >>> 5000 < r["time_s"] < 5600
    True
    """
    return _call("cameron_predict", locals())


# ---------------------------------------------------------------- load


@_operation
def session_load(
    *,
    session: SessionLike,
    athlete: Optional[AthleteLike] = None,
    method: Optional[LoadMethod] = None,
    trimp_coefficients: Optional[TrimpCoefficients] = None,
) -> SessionLoad:
    """The load of one session by a chosen or automatic method.

    ``method`` is ``"auto"`` (default: the best the data supports),
    ``"session_rpe"`` (RPE × min, AU), ``"banister_trimp"``,
    ``"edwards_trimp"``, ``"lucia_trimp"`` (AU), ``"rtss"``, ``"power_tss"``
    or ``"hr_tss"`` (TSS); the result says which it used and its ``unit``.

    >>> session_load(session={"date": "2026-03-02", "kind": "tempo", "duration_s": 1800, "rpe": 6})
    {'method': 'session_rpe', 'unit': 'AU', 'value': 180.0}
    """
    return _call("session_load", locals())


@_operation
def daily_loads(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    method: Optional[LoadMethod] = None,
    trimp_coefficients: Optional[TrimpCoefficients] = None,
    missing: Optional[MissingData] = None,
    include: Optional[Include] = None,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    week: Optional[WeekMode] = None,
    sd: Optional[SdKind] = None,
) -> DailyLoadsResponse:
    """Calendar-day loads of a log, missing days explicit.

    ``load`` (in the method's unit, AU or TSS) and ``logged`` are NumPy
    arrays with one element per day from ``start`` to ``end``; a day without
    any session has load 0 and ``logged`` False. ``week`` and ``sd`` are
    read by :func:`weekly_summary` only. See :func:`to_pandas`.

    >>> d = daily_loads(log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3},
    ...     {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8}]})
    >>> d["start"], d["load"].tolist(), d["logged"].tolist()
    ('2026-03-02', [150.0, 0.0, 480.0], [True, False, True])
    """
    return _call("daily_loads", locals())


@_operation
def weekly_loads(
    *,
    start: Optional[DateLike] = None,
    loads: FloatSeries,
    week: Optional[WeekMode] = None,
    sd: Optional[SdKind] = None,
) -> WeeklyLoadsResponse:
    """Monotony, strain and ramp over 7-day windows of daily loads.

    ``loads``: one load per day from ``start`` (any unit, ≥ 0). Monotony
    (Foster 1998) = mean / SD of the week's daily loads; strain = weekly
    load × monotony; ``load_change_pct`` in %. ``week`` is ``"calendar"``
    (default, Monday–Sunday) or ``"rolling"``; ``sd`` is ``"sample"``
    (default) or ``"population"``.

    ``loads`` may be a pandas ``Series`` with a ``DatetimeIndex`` and no
    ``start``: its dates (naive or tz-aware, as local dates) go through
    :func:`daily_series`, so days missing from the index count as 0 and
    unsorted or repeated dates raise. With ``start`` given, values are read
    in order and any index is ignored.

    >>> w = weekly_loads(start="2026-03-02", loads=[300, 0, 500, 300, 0, 700, 300])["weeks"][0]
    >>> w["load"], round(w["monotony"], 3), round(w["strain"])
    (2100.0, 1.192, 2503)
    """
    if start is None:
        dated = _dated(loads)
        if dated is not None:
            start, loads = dated
    return _call("weekly_loads", {"start": start, "loads": loads, "week": week, "sd": sd})


@_operation
def weekly_summary(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    method: Optional[LoadMethod] = None,
    trimp_coefficients: Optional[TrimpCoefficients] = None,
    missing: Optional[MissingData] = None,
    include: Optional[Include] = None,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    week: Optional[WeekMode] = None,
    sd: Optional[SdKind] = None,
) -> WeeklySummaryResponse:
    """Weekly volume, load, monotony, strain and ramp of a log.

    ``weeks`` as in :func:`weekly_loads` (load in the method's unit);
    ``volume`` per calendar week: durations in s, distances in m, changes in %.

    >>> s = weekly_summary(log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "distance_m": 9000, "rpe": 3},
    ...     {"date": "2026-03-10", "kind": "easy", "duration_s": 3600, "distance_m": 10000, "rpe": 3}]})
    >>> [w["load"] for w in s["weeks"]], [v["run_distance_m"] for v in s["volume"]]
    ([150.0, 180.0], [9000.0, 10000.0])
    """
    return _call("weekly_summary", locals())


# ---------------------------------------------------------------- pandas


def _dated(loads: Any) -> Optional[Tuple[str, Any]]:
    """``(start, values)`` of a pandas Series with a DatetimeIndex, through the
    core's ``daily_series`` (which fills gaps and rejects disorder); else None."""
    pd = sys.modules.get("pandas")
    if pd is None or not isinstance(loads, pd.Series) or not isinstance(loads.index, pd.DatetimeIndex):
        return None
    daily = _call("daily_series", {"dates": loads.index, "values": loads.to_numpy()})
    return daily["start"], daily["values"]


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
        import pandas as pd
    except ImportError:
        raise ImportError(
            "runrecovery.to_pandas needs pandas: pip install pandas (or runrecovery[pandas])"
        ) from None
    if "start" not in result:
        raise KeyError(f"to_pandas needs a result with a 'start' date; this one has {sorted(result)}")
    values = result[field]
    index = pd.date_range(start=result["start"], periods=len(values), freq="D", name="date")
    return pd.Series(values, index=index, name=field)
