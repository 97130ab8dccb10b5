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

import functools
import importlib
import inspect
import os
import sys
from typing import Any, Callable, Dict, FrozenSet, List, Mapping, Optional, Sequence, TypeVar, Union, cast

from . import _runrecovery, plot
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
    AcwrMethod,
    AcwrResponse,
    AthleteLike,
    BanisterFit,
    Classification,
    DailyLoadsResponse,
    DailySeriesResponse,
    DateLike,
    DateSeries,
    DuplicatePolicy,
    EstimateHrMaxResponse,
    EwmaDecay,
    EwmaSeed,
    ExponentResponse,
    FloatSeries,
    FormDay,
    Gain,
    HrMaxFormula,
    ImpulseResponse,
    Include,
    IntensityDistribution,
    LoadMethod,
    LoadTiming,
    LogPmcResponse,
    LogLike,
    MissingData,
    NextQualitySession,
    OperationInfo,
    ParamsLike,
    PerformanceResponse,
    PmcResponse,
    Polarization,
    RaceLike,
    RaceTime,
    ReadLogResponse,
    RecoveryOptionsLike,
    RecoveryState,
    ResolvedAthlete,
    SdKind,
    SessionKind,
    SessionLike,
    SessionLoad,
    TestLike,
    TimeLike,
    TrainingPacesResponse,
    TrimpCoefficients,
    VdotResponse,
    WeeklyLoadsResponse,
    WeeklySummaryResponse,
    WeekMode,
    ZoneSystem,
    ZoneTable,
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
    # model
    "pmc",
    "log_pmc",
    "acwr",
    "banister_simulate",
    "banister_response",
    "banister_fit",
    "banister_forecast",
    "pmc_batch",
    "acwr_batch",
    "banister_fit_batch",
    # supercompensation
    "recovery_state",
    "next_quality_session",
    # readiness, recovery and plan rules
    "readiness",
    "readiness_baselines",
    "warning_signs",
    "adapt_session",
    "recovery_prescription",
    "check_rules",
    # Busso's model and tapers
    "busso_simulate",
    "busso_fit",
    "taper_apply",
    "taper_score",
    "taper_optimize",
    # plans
    "generate_plan",
    "replan_week",
    # calendar
    "to_icalendar",
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

_F = TypeVar("_F", bound=Callable[..., Any])


def _call(operation: str, request: Mapping[str, Any]) -> Any:
    """Runs one core operation (``None`` values are dropped, so the core's defaults apply).

    A dict response comes back as a :class:`Result` (a ``dict`` that notebooks
    show as a table)."""
    out = _runrecovery.call(operation, request)
    return Result(out, operation=operation) if isinstance(out, dict) else out


def _operation(fn: _F) -> _F:
    """Marks an operation function: keyword arguments only, and a missing or
    unknown field reaches the core, which raises ``InvalidInputError`` naming
    it, exactly as in Rust and JavaScript (rather than Python's ``TypeError``)."""
    params = inspect.signature(fn).parameters
    required = frozenset(n for n, p in params.items() if p.default is inspect.Parameter.empty)

    python_only: FrozenSet[str] = getattr(fn, "_python_only", frozenset())

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args:
            raise TypeError(f"{fn.__name__}() takes keyword arguments only, e.g. {fn.__name__}({next(iter(params))}=...)")
        if required - kwargs.keys() or kwargs.keys() - params.keys():
            return _call(fn.__name__, {k: v for k, v in kwargs.items() if k not in python_only})
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
    logged: Optional[Sequence[bool]] = None,
    week: Optional[WeekMode] = None,
    sd: Optional[SdKind] = None,
) -> WeeklyLoadsResponse:
    """Monotony, strain and ramp over 7-day windows of daily loads.

    ``loads``: one load per day from ``start`` (any unit, ≥ 0). Monotony
    (Foster 1998) = mean / SD of the week's daily loads; strain = weekly
    load × monotony; ``load_change_pct`` in %. ``week`` is ``"calendar"``
    (default, Monday–Sunday) or ``"rolling"``; ``sd`` is ``"sample"``
    (default) or ``"population"``. ``logged`` (optional, one bool per day)
    marks the days with data, for ``logged_days``.

    ``loads`` may be a pandas ``Series`` on a ``DatetimeIndex`` with no
    ``start`` (see :func:`pmc`): the gaps are then filled with 0 and marked
    not logged.

    >>> w = weekly_loads(start="2026-03-02", loads=[300, 0, 500, 300, 0, 700, 300])["weeks"][0]
    >>> w["load"], round(w["monotony"], 3), round(w["strain"])
    (2100.0, 1.192, 2503)
    """
    return _call("weekly_loads", _dated(locals()))


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


# ---------------------------------------------------------------- model


@_operation
def pmc(
    *,
    start: Optional[DateLike] = None,
    loads: FloatSeries,
    logged: Optional[Sequence[bool]] = None,
    fitness_days: Optional[float] = None,
    fatigue_days: Optional[float] = None,
    gain: Optional[Gain] = None,
    form_day: Optional[FormDay] = None,
    fitness_seed: Optional[float] = None,
    fatigue_seed: Optional[float] = None,
) -> PmcResponse:
    """Fitness (CTL), fatigue (ATL), form (TSB) and ramp of a daily load series.

    ``loads``: one load per day from ``start`` (AU or TSS); fitness, fatigue
    and form (NumPy arrays) are in the loads' unit per day; time constants in
    days (42 and 7); ``gain`` ``"exponential"`` (default) or ``"linear"``
    (1/N, TrainingPeaks); ``form_day`` ``"next_day"`` (default: yesterday's
    fitness − fatigue) or ``"same_day"``; ``ramp`` is the 7-day fitness change.

    ``loads`` may be a pandas ``Series`` on a ``DatetimeIndex`` with no
    ``start`` (here, in :func:`acwr`, :func:`weekly_loads` and
    :func:`banister_fit`): its dates (naive or tz-aware, as local dates) go
    through :func:`daily_series`, so days missing from the index count as 0
    (and as not logged), and unsorted or repeated dates raise. With
    ``start`` given, values are read in order and any index is ignored.

    >>> p = pmc(start="2026-01-01", loads=[100, 0, 50])
    >>> p["fitness"].round(2).tolist(), p["end"]
    ([2.35, 2.3, 3.42], '2026-01-03')
    """
    return _call("pmc", _dated(locals()))


@_operation
def log_pmc(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    method: Optional[LoadMethod] = None,
    trimp_coefficients: Optional[TrimpCoefficients] = None,
    missing: Optional[MissingData] = None,
    today: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    fitness_days: Optional[float] = None,
    fatigue_days: Optional[float] = None,
    gain: Optional[Gain] = None,
    form_day: Optional[FormDay] = None,
    fitness_seed: Optional[float] = None,
    fatigue_seed: Optional[float] = None,
) -> LogPmcResponse:
    """The PMC of a log, projected to a future date through its planned sessions.

    Completed sessions count up to ``today`` (default: the last completed
    session's date), planned ones after it, up to ``end``. ``load``,
    ``fitness``, ``fatigue`` and ``form`` are NumPy arrays in the load
    method's unit; the PMC options are those of :func:`pmc`.

    >>> p = log_pmc(log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3},
    ...     {"date": "2026-03-04", "kind": "long", "duration_s": 6000, "rpe": 5, "status": "planned"}]})
    >>> p["today"], p["load"].tolist()
    ('2026-03-02', [150.0, 0.0, 500.0])
    """
    return _call("log_pmc", locals())


@_operation
def acwr(
    *,
    start: Optional[DateLike] = None,
    loads: FloatSeries,
    logged: Optional[Sequence[bool]] = None,
    method: Optional[AcwrMethod] = None,
    acute_days: Optional[int] = None,
    chronic_days: Optional[int] = None,
    decay: Optional[EwmaDecay] = None,
    seed: Optional[EwmaSeed] = None,
    min_coverage: Optional[float] = None,
) -> AcwrResponse:
    """Acute:chronic workload ratio (coupled, uncoupled or EWMA) with Gabbett's bands.

    ``loads``: one load per day from ``start`` (any unit); windows in days
    (7 and 28); ``acute`` and ``chronic`` are NumPy arrays in the loads'
    unit; ``ratio`` is unitless, ``None`` where ``gap`` says why; ``band`` is
    ``low`` (< 0.8), ``sweet_spot``, ``caution`` or ``high`` (> 1.5). A
    pandas ``Series`` on a ``DatetimeIndex`` may stand for ``start`` and
    ``loads`` (see :func:`pmc`).

    >>> a = acwr(start="2026-01-01", loads=[50] * 27 + [400])
    >>> a["ratio"][-1], a["band"][-1], a["gap"][0]
    (1.6, 'high', 'not_enough_data')
    """
    return _call("acwr", _dated(locals()))


@_operation
def banister_simulate(*, loads: FloatSeries, params: ParamsLike, timing: Optional[LoadTiming] = None) -> PerformanceResponse:
    """Banister impulse-response performance for a daily load series.

    ``p(t) = p0 + k1·Σ w(s)·e^(−(t−s)/τ1) − k2·Σ w(s)·e^(−(t−s)/τ2)``; time
    constants in days, performance in the unit of ``p0``. ``timing``
    ``"same_day"`` (default) or ``"next_day"``.

    >>> r = banister_simulate(loads=[100, 0], params={"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11})
    >>> r["performance"].round(2).tolist()
    [30.0, 32.39]
    """
    return _call("banister_simulate", locals())


@_operation
def banister_response(*, params: ParamsLike) -> ImpulseResponse:
    """One session's response: zero crossing, peak day, peak.

    ``t_n`` and ``t_star`` in days; ``peak`` and ``initial`` per unit of load.

    >>> r = banister_response(params={"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11})
    >>> round(r["t_n"], 1), round(r["t_star"], 1)
    (16.0, 36.5)
    """
    return _call("banister_response", locals())


@_operation
def banister_fit(
    *,
    start: Optional[DateLike] = None,
    loads: FloatSeries,
    tests: Sequence[TestLike],
    fixed_tau1: Optional[float] = None,
    fixed_tau2: Optional[float] = None,
    timing: Optional[LoadTiming] = None,
) -> BanisterFit:
    """Fit the Banister model to performance tests (variable projection).

    ``loads`` one per day from ``start``; ``tests`` ``[{"date", "value"}]``
    in date order inside the series; ``fixed_tau1`` / ``fixed_tau2`` (days)
    hold a time constant. A pandas ``Series`` on a ``DatetimeIndex`` may
    stand for ``start`` and ``loads`` (see :func:`pmc`).

    >>> truth = {"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11}
    >>> loads = [60.0, 0, 80, 40, 0, 90, 30] * 20
    >>> perf = banister_simulate(loads=loads, params=truth)["performance"]
    >>> import datetime
    >>> tests = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=d), "value": perf[d]}
    ...          for d in range(3, 140, 4)]
    >>> fit = banister_fit(start="2026-01-01", loads=loads, tests=tests, fixed_tau1=45, fixed_tau2=11)
    >>> round(fit["params"]["k1"], 3), round(fit["params"]["k2"], 3), fit["free_parameters"]
    (0.1, 0.3, 3)
    """
    return _call("banister_fit", _dated(locals()))


@_operation
def banister_forecast(
    *, loads: FloatSeries, planned_loads: FloatSeries, params: ParamsLike, timing: Optional[LoadTiming] = None
) -> PerformanceResponse:
    """Predicted performance over planned loads after a history.

    ``loads``: the daily loads so far; ``planned_loads``: one per day from
    the next day on; ``performance`` (a NumPy array, unit of ``p0``) has one
    value per planned day.

    >>> f = banister_forecast(loads=[100], planned_loads=[0, 0],
    ...                       params={"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11})
    >>> f["performance"].round(2).tolist()
    [32.39, 34.55]
    """
    return _call("banister_forecast", locals())


# ---------------------------------------------------------------- supercompensation


@_operation
def recovery_state(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    date: DateLike,
    time: Optional[TimeLike] = None,
    options: Optional[RecoveryOptionsLike] = None,
) -> RecoveryState:
    """Each body system's residual fatigue and status at a moment.

    The moment is ``date`` at ``options["day_hour"]`` (08:00 by default) or
    at ``time`` (``"HH:MM:SS"`` or a ``datetime.time``; a ``datetime`` given
    as ``date`` counts by its date only). Fatigue of the metabolic,
    muscular, neuromuscular and structural systems is unitless (1 = one
    reference session just done); ``hours_to_ready`` in hours; time constants
    in ``options`` in hours.

    >>> s = recovery_state(date="2026-03-04", log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8}]})
    >>> s["at"], s["limiting_system"], [x["status"] for x in s["systems"]]
    ('2026-03-04T08:00:00', 'neuromuscular', ['fresh', 'recovering', 'recovering', 'ready'])
    """
    return _call("recovery_state", locals())


@_operation
def next_quality_session(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    today: DateLike,
    kind: Optional[SessionKind] = None,
    options: Optional[RecoveryOptionsLike] = None,
) -> NextQualitySession:
    """The earliest safe day and the best day for the next quality session.

    ``kind`` of the planned session (default ``"intervals"``); sessions
    completed up to ``today`` count. ``earliest`` and ``best`` are dates;
    ``days`` lists each candidate day with its fatigue per body system
    (unitless), whether it is safe, and the expected response.

    >>> n = next_quality_session(today="2026-03-03", log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8}]})
    >>> n["earliest"], n["best"]
    ('2026-03-05', '2026-03-07')
    """
    return _call("next_quality_session", locals())


# ---------------------------------------------------------------- readiness, recovery and plan rules

import re as _re  # noqa: E402
from typing import Tuple  # noqa: E402

from .errors import from_core as _core_error  # noqa: E402
from .types import (  # noqa: E402
    AdaptedSession,
    DatedLoadsLike,
    EngineStateLike,
    MarkersLike,
    Prescription,
    Readiness,
    ReadinessBaselines,
    ReadinessOptionsLike,
    RuleId,
    RuleParamsLike,
    RulesReport,
    RuleScope,
    TestsLike,
    WarningSigns,
)

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


def _readiness_call(operation: str, request: Mapping[str, Any]) -> Any:
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


@_operation
def readiness(
    *,
    markers: MarkersLike,
    engine: Optional[EngineStateLike] = None,
    options: Optional[ReadinessOptionsLike] = None,
) -> Readiness:
    """Today's readiness: go, go easy or rest, a score, confidence and every marker's verdict.

    ``markers``: one dict per morning in date order, today last, each with a
    ``date`` and any of ``hrv`` (``{"value", "index"}``: rMSSD in ms with
    ``"rmssd_ms"``, or ln rMSSD with ``"ln_rmssd"``), ``resting_hr_bpm``
    (bpm), ``sleep_h`` (h), ``wellness`` (items 1–7: ``sleep_quality``,
    ``fatigue``, ``stress``, ``soreness``, ``mood``, ``motivation``,
    ``appetite``), ``planned_rpe`` / ``felt_rpe`` (CR-10), ``source`` (the
    device: a change starts a new baseline), ``ill``, ``injury_pain``. Each
    marker is rated against the athlete's own baseline of the days before
    (``options``: windows in days, thresholds in bpm, h and SDs; ``mode``
    ``"combined"``, ``"kiviniemi"`` or ``"javaloyes"``). ``engine``:
    ``{"form_pct": ..., "systems_not_ready": ...}`` from :func:`pmc` and
    :func:`recovery_state`, when known. ``score`` is 0–100, ``confidence``
    0–1; each marker's ``value`` is ln rMSSD for HRV, bpm, h...

    ``markers`` may be a pandas ``DataFrame``, one row per day, dated by a
    ``DatetimeIndex`` (or a ``date`` column), with columns named like the
    fields above: an ``rmssd_ms`` or ``ln_rmssd`` column becomes ``hrv``, the
    wellness item columns become ``wellness``; an empty cell (NaN, None, NaT)
    is a marker not recorded that day. An error in a cell also says its
    ``row`` (position from 0) and ``column``.

    >>> import datetime
    >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
    ...          "hrv": {"value": 60 + i % 5, "index": "rmssd_ms"},
    ...          "resting_hr_bpm": 48 + i % 3, "sleep_h": 8} for i in range(40)]
    >>> r = readiness(markers=days)
    >>> r["date"], r["status"], r["score"], [(m["marker"], m["rating"]) for m in r["markers"]][:3]
    ('2026-02-09', 'go', 100.0, [('hrv', 'normal'), ('resting_hr', 'normal'), ('sleep', 'normal')])
    >>> days[-1].update(resting_hr_bpm=57, sleep_h=4.5)   # +8 bpm and a short night
    >>> r = readiness(markers=days)
    >>> r["status"], r["majors"], r["score"]
    ('rest', 2, 50.0)
    >>> import pandas as pd
    >>> df = pd.DataFrame({"rmssd_ms": [60.0 + i % 5 for i in range(40)], "sleep_h": 8.0,
    ...                    "fatigue": [3.0] * 39 + [6.0]},
    ...                   index=pd.date_range("2026-01-01", periods=40))
    >>> readiness(markers=df)["markers"][3]["rating"]
    'minor'
    """
    return _readiness_call("readiness", locals())


@_operation
def readiness_baselines(*, markers: MarkersLike, options: Optional[ReadinessOptionsLike] = None) -> ReadinessBaselines:
    """Each day's personal baselines (HRV mean and SD, resting HR, Hooper sum), for charts.

    ``markers`` and ``options`` as in :func:`readiness` (a DataFrame too).
    One entry per marker day: ``ln_rmssd`` (ln ms) and its baseline ``hrv``
    (``mean`` and ``sd`` of ln rMSSD, ``days``, the ``rolling_mean`` and
    ``rolling_cv_pct`` in %; the band is ``mean ± swc_sd·sd``), the resting
    HR and its baseline mean and SD (bpm), the Hooper sum (4–28). Baselines
    are ``None`` until ``min_baseline_days`` valid days (14) precede the day.

    >>> import datetime
    >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
    ...          "resting_hr_bpm": 48 + i % 3} for i in range(16)]
    >>> b = readiness_baselines(markers=days)["days"]
    >>> b[13]["resting_hr_baseline"], round(b[15]["resting_hr_baseline"], 2), b[15]["hrv"]
    (None, 49.0, None)
    """
    return _readiness_call("readiness_baselines", locals())


@_operation
def warning_signs(
    *,
    markers: MarkersLike,
    log: Optional[LogLike] = None,
    loads: Optional[DatedLoadsLike] = None,
    method: Optional[LoadMethod] = None,
    tests: Optional[TestsLike] = None,
    options: Optional[ReadinessOptionsLike] = None,
) -> WarningSigns:
    """Warning signs of under-recovery over the last weeks, with evidence and advice.

    Up to the last day of ``markers`` (as in :func:`readiness`, a DataFrame
    too). The load-based signs (``high_monotony``, ``load_spike``) need the
    daily loads: a ``log`` (its completed sessions, by ``method``, default
    ``"session_rpe"``) or ``loads`` ``{"start", "values"}`` (AU or TSS, one
    per day; or a pandas ``Series`` on a ``DatetimeIndex``, gaps counting
    as 0), not both. ``tests``: ``[{"date", "value"}]`` in date order,
    higher is better (or a ``Series`` on a ``DatetimeIndex``, NaN = no
    test), for ``performance_decline`` and ``performance_plateau``. Each
    sign has its ``evidence`` (dates and values: bpm, ln rMSSD, ratings,
    test results, ratios) and a ``recommendation``.

    >>> import datetime
    >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
    ...          "resting_hr_bpm": 48 + i % 3 + max(0, i - 25) * 0.6} for i in range(40)]
    >>> s = warning_signs(markers=days, loads={"start": "2026-01-01", "values": [60.0] * 40})
    >>> [x["sign"] for x in s["signs"]]
    ['resting_hr_rising', 'high_monotony']
    >>> s["signs"][0]["evidence"][-1]
    {'date': '2026-02-09', 'value': 56.4}
    """
    return _readiness_call("warning_signs", locals())


@_operation
def adapt_session(
    *,
    planned: SessionLike,
    markers: MarkersLike,
    engine: Optional[EngineStateLike] = None,
    options: Optional[ReadinessOptionsLike] = None,
) -> AdaptedSession:
    """Today's planned session adapted to today's readiness, with the reason.

    ``planned``: today's session (durations in s, distances in m);
    ``markers``, ``engine`` and ``options`` as in :func:`readiness` (a
    DataFrame too). ``action`` is ``"as_planned"``, ``"easy_run"`` (at most
    45 min), ``"cross_training"``, ``"mobility"`` or ``"rest"``; ``session``
    is the session to do, ``reason`` says why and ``readiness`` is the
    readiness it followed.

    >>> import datetime
    >>> days = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
    ...          "resting_hr_bpm": 48 + i % 3, "sleep_h": 8} for i in range(40)]
    >>> days[-1].update(resting_hr_bpm=57)   # +8 bpm: one major marker, go easy
    >>> a = adapt_session(markers=days, planned={"date": "2026-02-09", "kind": "intervals",
    ...                                          "duration_s": 3600, "rpe": 8, "status": "planned"})
    >>> a["readiness"]["status"], a["action"], a["session"]["kind"], a["session"]["duration_s"]
    ('go_easy', 'easy_run', 'easy', 2700.0)
    """
    return _readiness_call("adapt_session", locals())


@_operation
def recovery_prescription(
    *,
    session: SessionLike,
    body_mass_kg: Optional[float] = None,
    athlete: Optional[AthleteLike] = None,
    hours_to_next_session: Optional[float] = None,
    pre_mass_kg: Optional[float] = None,
    post_mass_kg: Optional[float] = None,
    fluid_drunk_l: Optional[float] = None,
    sweat_loss_l: Optional[float] = None,
    training_h_per_day: Optional[float] = None,
    last_sleep_h: Optional[float] = None,
    deeply_fatigued: Optional[bool] = None,
    ill: Optional[bool] = None,
    injury_pain: Optional[bool] = None,
    heavy_block: Optional[bool] = None,
) -> Prescription:
    """Fuel, fluid, sleep and active recovery after a session, scaled to the athlete.

    ``session``: the session just done; ``body_mass_kg`` in kg (default: the
    ``athlete``'s); ``hours_to_next_session`` in h (unknown: more than 24 h);
    ``pre_mass_kg`` / ``post_mass_kg`` in kg with ``fluid_drunk_l`` in L, or
    ``sweat_loss_l`` in L; ``training_h_per_day`` (h/day, this block) and
    ``last_sleep_h`` (h); the flags (default False) ``deeply_fatigued``,
    ``ill``, ``injury_pain``, ``heavy_block``. Bands are ``[low, high]``:
    carbohydrate in g/h, g and g/kg/day, protein in g every so many h,
    fluid in L (kg lost), sleep in h, naps and active recovery in min.

    >>> p = recovery_prescription(session={"date": "2026-03-03", "kind": "intervals",
    ...                                    "duration_s": 4200, "rpe": 8},
    ...                           body_mass_kg=60, hours_to_next_session=20)
    >>> p["carbohydrate"]["grams_per_hour"], p["protein"]["grams"], p["sleep"]["target_h"]
    ([60.0, 72.0], [18.0, 18.0], [8.0, 10.0])
    >>> [a["option"] for a in p["active_recovery"]][:2]
    ['swim_or_pool_running', 'easy_cycling']
    """
    return _call("recovery_prescription", locals())


@_operation
def check_rules(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    goal_race: Optional[DateLike] = None,
    rules: Optional[Sequence[RuleId]] = None,
    scope: Optional[RuleScope] = None,
    params: Optional[RuleParamsLike] = None,
) -> RulesReport:
    """Run the recovery-aware plan rules over planned and/or completed sessions.

    ``rules``: the rule ids to run (default all: ``weekly_progression``,
    ``cutback_week``, ``hard_spacing``, ``hard_days_in_a_row``,
    ``hard_per_week``, ``rest_day``, ``easy_share``, ``long_run_share``,
    ``quality_caps``, ``ctl_ramp``, ``taper_before_race``); ``scope``
    ``"planned"``, ``"completed"`` or ``"both"`` (default); ``goal_race`` a
    race date; ``params`` the rules' parameters (fractions 0–1, hours,
    minutes, TSS-equivalent per week). Each finding has its ``rule``,
    ``severity`` (``"info"``, ``"warning"``, ``"critical"``), the ``dates``
    involved, a ``message`` and a ``fix``; ``rules`` lists the rules that ran.

    >>> plan = {"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "status": "planned"},
    ...     {"date": "2026-03-04", "kind": "tempo", "duration_s": 2700, "status": "planned"}]}
    >>> f = check_rules(log=plan, rules=["hard_spacing"])["findings"][0]
    >>> f["rule"], f["severity"], f["dates"]
    ('hard_spacing', 'critical', ['2026-03-03', '2026-03-04'])
    """
    return _call("check_rules", locals())


# ---------------------------------------------------------------- Busso's model and tapers

from .types import (  # noqa: E402
    BussoFit,
    BussoParamsLike,
    TaperModelLike,
    TaperOptimum,
    TaperScore,
    TaperSpecLike,
    TaperedPlan,
)


@_operation
def busso_simulate(*, loads: FloatSeries, params: BussoParamsLike) -> PerformanceResponse:
    """Busso's variable dose-response performance for a daily load series.

    ``p(n) = p0 + k1·Σ w(i)·e^(−(n−i)/τ1) − Σ k2(i)·w(i)·e^(−(n−i)/τ2)`` with
    the fatigue gain ``k2(i) = k3·Σ_(j≤i) w(j)·e^(−(i−j)/τ3)`` growing with
    recent load (Busso 2003); time constants in days, performance in the
    unit of ``p0``, one value per day (a NumPy array; today's load acts today).

    >>> params = {"p0": 0, "k1": 1, "tau1": 42, "k3": 0.01, "tau2": 7, "tau3": 5}
    >>> busso_simulate(loads=[100, 0, 0, 50], params=params)["performance"].round(2).tolist()
    [0.0, 10.96, 20.2, 25.52]
    """
    return _call("busso_simulate", locals())


@_operation
def busso_fit(*, start: Optional[DateLike] = None, loads: FloatSeries, tests: Sequence[TestLike]) -> BussoFit:
    """Fit Busso's variable dose-response model to performance tests.

    ``loads`` one per day from ``start``; ``tests`` ``[{"date", "value"}]``
    in date order inside the series (higher is better). Variable
    projection: least squares for ``p0``, ``k1``, ``k3`` (≥ 0) inside a
    search over ``tau1``, ``tau2``, ``tau3`` (days). A pandas ``Series`` on
    a ``DatetimeIndex`` may stand for ``start`` and ``loads`` (see :func:`pmc`).

    >>> truth = {"p0": 50, "k1": 0.08, "tau1": 40, "k3": 0.002, "tau2": 8, "tau3": 4}
    >>> loads = [60.0, 0, 80, 40, 0, 90, 30] * 30
    >>> perf = busso_simulate(loads=loads, params=truth)["performance"]
    >>> import datetime
    >>> tests = [{"date": datetime.date(2026, 1, 1) + datetime.timedelta(days=d), "value": perf[d]}
    ...          for d in range(3, len(loads), 5)]
    >>> fit = busso_fit(start="2026-01-01", loads=loads, tests=tests)
    >>> {k: round(v, 3) for k, v in fit["params"].items()} == truth, fit["tests"]
    (True, 42)
    """
    return _call("busso_fit", _dated(locals()))


@_operation
def taper_apply(*, log: LogLike, race_date: DateLike, taper: Optional[TaperSpecLike] = None) -> TaperedPlan:
    """Apply a taper (length, volume cut, shape) to a plan's final days, intensity kept.

    ``taper``: ``length_days`` (8–21, default 14), ``volume_cut`` (the mean
    cut, 0.41–0.60, default 0.5), ``shape`` (``{"kind": "step"}``,
    ``"linear"``, ``{"kind": "exponential", "tau_days": 5}`` (default) or
    ``{"kind": "two_phase", "rise": 0.25}``) and ``frequency_cut`` (share
    of easy sessions dropped, 0–0.2). Sessions keep their kind and RPE;
    their duration (s) and distance (m) fall by each day's ``factors``.
    ``volume_before_s`` / ``volume_after_s``: planned running time of the
    taper days, s.

    >>> import datetime
    >>> plan = {"schema_version": 1, "sessions": [
    ...     {"date": datetime.date(2026, 5, 4) + datetime.timedelta(days=i), "kind": "easy",
    ...      "duration_s": 3600, "rpe": 4, "status": "planned"} for i in range(21)]}
    >>> t = taper_apply(log=plan, race_date="2026-05-25",
    ...                 taper={"length_days": 10, "volume_cut": 0.5, "shape": {"kind": "step"}})
    >>> t["taper_start"], t["factors"][:2], t["volume_before_s"], t["volume_after_s"]
    ('2026-05-15', [0.5, 0.5], 36000.0, 18000.0)
    >>> t["plan"]["sessions"][-1]["duration_s"]
    1800.0
    """
    return _call("taper_apply", locals())


@_operation
def taper_score(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    race_date: DateLike,
    taper: Optional[TaperSpecLike] = None,
    method: Optional[LoadMethod] = None,
    model: Optional[TaperModelLike] = None,
) -> TaperScore:
    """Project fitness, fatigue, form and predicted performance on race day for a taper.

    ``log``: history (completed sessions) and plan (planned sessions, which
    get the taper) in one document; ``taper`` as in :func:`taper_apply`;
    loads by ``method`` (default ``"session_rpe"``, AU). Fitness, fatigue
    and form are the PMC's (42/7 days) on race morning; ``performance`` is
    the ``model``'s (higher is better, in its units):
    ``{"kind": "default_busso"}`` (default, relative units),
    ``{"kind": "busso", "params": ...}`` or ``{"kind": "banister", "params": ...}``.

    >>> import datetime
    >>> day = datetime.date(2026, 3, 2)
    >>> log = {"schema_version": 1, "sessions": [
    ...     {"date": day + datetime.timedelta(days=i), "kind": "intervals" if i % 7 == 1 else "easy",
    ...      "duration_s": 3600, "rpe": 8 if i % 7 == 1 else 3,
    ...      "status": "completed" if i < 28 else "planned"} for i in range(56)]}
    >>> race = day + datetime.timedelta(days=56)
    >>> none = taper_score(log=log, race_date=race, taper={"length_days": 10, "volume_cut": 0.41})
    >>> deep = taper_score(log=log, race_date=race, taper={"length_days": 10, "volume_cut": 0.6})
    >>> deep["form"] > none["form"], deep["fitness"] < none["fitness"]
    (True, True)
    """
    return _call("taper_score", locals())


@_operation
def taper_optimize(
    *,
    log: LogLike,
    athlete: Optional[AthleteLike] = None,
    race_date: DateLike,
    method: Optional[LoadMethod] = None,
    model: Optional[TaperModelLike] = None,
    alternatives: Optional[int] = None,
) -> TaperOptimum:
    """The best taper for this athlete among 1078 candidates, with the runners-up.

    ``log``, ``method`` and ``model`` as in :func:`taper_score` (at least 21
    days before ``race_date``). Candidates: lengths 8–21 days × cuts
    0.41–0.60 × shapes (step, linear, exponential τ 3, 5, 8 days, two-phase
    rise 0.2 and 0.3); ``best`` by predicted performance (ties: higher
    form), ``alternatives`` runners-up (default 5), and ``no_taper``, the
    plan as it is.

    >>> import datetime
    >>> day = datetime.date(2026, 3, 2)
    >>> log = {"schema_version": 1, "sessions": [
    ...     {"date": day + datetime.timedelta(days=i), "kind": "intervals" if i % 7 == 1 else "easy",
    ...      "duration_s": 3600, "rpe": 8 if i % 7 == 1 else 3,
    ...      "status": "completed" if i < 28 else "planned"} for i in range(56)]}
    >>> o = taper_optimize(log=log, race_date=day + datetime.timedelta(days=56), alternatives=2)
    >>> o["candidates"], len(o["alternatives"]), o["best"]["performance"] > o["no_taper"]["performance"]
    (1078, 2, True)
    """
    return _call("taper_optimize", locals())


from .types import Experience, GeneratedPlan, ReadinessStatus, Replan, Weekday  # noqa: E402


@_operation
def generate_plan(
    *,
    start: DateLike,
    race_date: DateLike,
    race_distance_m: float,
    weekly_km: float,
    goal_time_s: Optional[float] = None,
    long_run_km: Optional[float] = None,
    vdot: Optional[float] = None,
    available_days: Optional[Sequence[Weekday]] = None,
    long_run_day: Optional[Weekday] = None,
    experience: Optional[Experience] = None,
    hard_sessions_per_week: Optional[int] = None,
    athlete: Optional[AthleteLike] = None,
) -> GeneratedPlan:
    """A periodized plan to a goal race that passes every plan rule.

    Base → build → peak → taper from ``start`` to ``race_date`` (at least 3
    weeks), growing the current ``weekly_km`` by at most 8 % a week with a
    cutback every 4th week; long run on ``long_run_day`` (``"Sun"`` by
    default), quality sessions 48 h apart on ``available_days``; paces from
    ``vdot`` (Daniels). ``sessions`` carry the targets (pace in s/km, zone,
    purpose); ``document`` is the plan as a log document; ``weekly_km`` in km.

    >>> p = generate_plan(start="2027-01-04", race_date="2027-03-14", race_distance_m=5000,
    ...                   weekly_km=20, vdot=45, experience="novice")
    >>> p["sessions"][-1]["session"]["kind"], p["document"]["schema_version"]
    ('race', 1)
    """
    return _call("generate_plan", locals())


@_operation
def replan_week(
    *,
    log: LogLike,
    today: DateLike,
    readiness: Optional[ReadinessStatus] = None,
) -> Replan:
    """The rest of this week re-planned after missed, shortened or harder sessions and today's readiness.

    ``log`` holds the plan (planned sessions) and what was done (completed
    sessions). A missed hard session moves to a later easy day only where it
    keeps 48 h from every hard session, else it is dropped (never crammed);
    ``changes`` explains each change (``moved``, ``dropped``, ``eased``, ``rest``).

    >>> plan = {"schema_version": 1, "sessions": [
    ...     {"date": "2027-01-05", "kind": "intervals", "duration_s": 3300, "status": "planned"},
    ...     {"date": "2027-01-06", "kind": "easy", "duration_s": 2400, "status": "planned"},
    ...     {"date": "2027-01-10", "kind": "long", "duration_s": 5400, "status": "planned"}]}
    >>> [c["action"] for c in replan_week(log=plan, today="2027-01-06")["changes"]]
    ['moved']
    """
    return _call("replan_week", locals())


# ---------------------------------------------------------------- calendar

from .types import Calendar  # noqa: E402


@_operation
@_python_only("path")
def to_icalendar(
    *,
    log: LogLike,
    include: Optional[Include] = None,
    include_rest: Optional[bool] = None,
    calendar_name: Optional[str] = None,
    stamp: Optional[str] = None,
    path: Optional[Union[str, os.PathLike[str]]] = None,
) -> Calendar:
    """A plan's (or any log's) sessions as an iCalendar (.ics) file for calendar apps.

    One event per session of ``log`` (a plan's ``document`` or any log):
    ``include`` ``"planned"`` (default), ``"completed"`` or ``"both"``; rest
    days only with ``include_rest=True``. A session without a ``start_time``
    is an all-day event; with one, a local-time event lasting its duration in
    whole minutes. The summary reads ``"Easy run 8 km · 40 min"``, the
    description holds the notes (a plan's purpose) and the target RPE.
    ``calendar_name`` defaults to ``"runrecovery plan"``; ``stamp`` (every
    event's DTSTAMP, a UTC ``"YYYY-MM-DDTHH:MM:SSZ"``) to the log's first date
    at midnight, as the library reads no clock. ``ics`` is the file's text
    (RFC 5545: CRLF line endings, lines folded at 75 octets); ``path`` also
    writes it there (UTF-8, line endings kept).

    >>> plan = generate_plan(start="2027-01-04", race_date="2027-03-14", race_distance_m=5000,
    ...                      weekly_km=20, vdot=45, experience="novice")
    >>> cal = to_icalendar(log=plan["document"], calendar_name="Spring 5K", stamp="2027-01-01T08:00:00Z")
    >>> cal["events"] == sum(s["kind"] != "rest" for s in plan["document"]["sessions"])
    True
    >>> cal["ics"].split("\\r\\n")[:2]
    ['BEGIN:VCALENDAR', 'VERSION:2.0']
    >>> [line for line in cal["ics"].split("\\r\\n") if line.startswith("SUMMARY")][-1]
    'SUMMARY:Race 5 km · 22 min'
    """
    request = dict(locals())
    path = request.pop("path")
    out = cast(Calendar, _call("to_icalendar", request))
    if path is not None:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(out["ics"])
    return out


# ---------------------------------------------------------------- batch (athletes × days)

import numpy as _np  # noqa: E402  (a dependency of the package; used by the batch functions only)

from .errors import from_core as _from_core  # noqa: E402
from .types import (  # noqa: E402
    AcwrBatchResponse,
    BanisterFitBatchResponse,
    MatrixLike,
    PmcBatchResponse,
    TestMatrixLike,
)


def _plain(value: Any) -> Any:
    """A matrix as nested lists, for the generic path (the walker takes 1-D arrays only)."""
    return value.tolist() if isinstance(value, _np.ndarray) and value.ndim > 1 else value


def _batch_operation(fn: _F) -> _F:
    """:func:`_operation` for the batch functions: keyword arguments only; a
    missing or unknown field goes to the core operation (matrices as lists,
    ``out`` left out), which raises ``InvalidInputError`` naming it."""
    params = inspect.signature(fn).parameters
    required = frozenset(n for n, p in params.items() if p.default is inspect.Parameter.empty)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args:
            raise TypeError(f"{fn.__name__}() takes keyword arguments only, e.g. {fn.__name__}({next(iter(params))}=...)")
        if required - kwargs.keys() or kwargs.keys() - params.keys():
            return _call(fn.__name__, {k: _plain(v) for k, v in kwargs.items() if k != "out"})
        return fn(**kwargs)

    return cast(_F, wrapper)


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
    raise _from_core("invalid_input", f"{field}: {why}", field, None)


@_batch_operation
def pmc_batch(
    *,
    loads: MatrixLike,
    latest: Optional[bool] = None,
    fitness_days: Optional[float] = None,
    fatigue_days: Optional[float] = None,
    gain: Optional[Gain] = None,
    form_day: Optional[FormDay] = None,
    fitness_seed: Optional[float] = None,
    fatigue_seed: Optional[float] = None,
    out: Optional[Mapping[str, Any]] = None,
) -> PmcBatchResponse:
    """The PMC of many athletes (athletes × days), or only each athlete's latest day.

    ``loads``: one row of daily loads per athlete (AU or TSS), every row the
    same length: a 2-D NumPy array (float64 and C-contiguous is read in
    place; anything else goes through ``np.ascontiguousarray(loads,
    dtype=np.float64)``), a list of rows or a pandas ``DataFrame`` (rows =
    athletes). The options are those of :func:`pmc`, for every athlete.
    ``fitness``, ``fatigue`` and ``form`` come back as athletes × days float64
    arrays, or with ``latest=True`` as one value per athlete (its last day).
    The core reads the loads without a copy and runs with the GIL released.

    ``out``: ``{"fitness": ..., "fatigue": ..., "form": ...}`` of writeable,
    C-contiguous float64 arrays of the result's shape (a previous result
    will do): the results are written there and those arrays returned, so a
    loop over batches allocates nothing. An error (a bad load, say) may
    leave them partly written.

    >>> import numpy as np
    >>> loads = np.array([[100.0, 0.0, 50.0], [0.0, 30.0, 30.0]])
    >>> p = pmc_batch(loads=loads)
    >>> p["fitness"].shape, p["fitness"][0].round(2).tolist()
    ((2, 3), [2.35, 2.3, 3.42])
    >>> pmc_batch(loads=loads, latest=True)["fitness"].round(2).tolist()
    [3.42, 1.4]
    >>> again = pmc_batch(loads=2 * loads, out=p)
    >>> again["fitness"] is p["fitness"], p["fitness"][0].round(2).tolist()
    (True, [4.71, 4.59, 6.84])
    """
    request = dict(locals())
    matrix = _matrix("pmc_batch", "loads", request)
    options = {k: v for k, v in request.items() if k not in ("loads", "out")}
    return cast(PmcBatchResponse, _runrecovery.pmc_batch(matrix, options, out))


@_batch_operation
def acwr_batch(
    *,
    loads: MatrixLike,
    method: Optional[AcwrMethod] = None,
    acute_days: Optional[int] = None,
    chronic_days: Optional[int] = None,
    decay: Optional[EwmaDecay] = None,
    seed: Optional[EwmaSeed] = None,
    out: Optional[Mapping[str, Any]] = None,
) -> AcwrBatchResponse:
    """The ACWR of many athletes (athletes × days); null where no ratio is meaningful.

    ``loads`` as in :func:`pmc_batch` (every day counts as logged); the
    options are those of :func:`acwr`. ``acute``, ``chronic`` (in the loads'
    unit) and ``ratio`` come back as athletes × days float64 arrays, the
    ratio **NaN** where :func:`acwr` gives ``None`` (the chronic window is
    not full yet, or the chronic load is 0). ``out`` as in
    :func:`pmc_batch`, with keys ``acute``, ``chronic`` and ``ratio``.

    >>> import numpy as np
    >>> a = acwr_batch(loads=[[50.0] * 27 + [400.0], [60.0] * 28])
    >>> a["ratio"][:, -1].round(2).tolist(), bool(np.isnan(a["ratio"][0, 0]))
    ([1.6, 1.0], True)
    """
    request = dict(locals())
    matrix = _matrix("acwr_batch", "loads", request)
    options = {k: v for k, v in request.items() if k not in ("loads", "out")}
    return cast(AcwrBatchResponse, _runrecovery.acwr_batch(matrix, options, out))


@_batch_operation
def banister_fit_batch(
    *,
    loads: MatrixLike,
    tests: TestMatrixLike,
    fixed_tau1: Optional[float] = None,
    fixed_tau2: Optional[float] = None,
    timing: Optional[LoadTiming] = None,
) -> BanisterFitBatchResponse:
    """Banister fits of many athletes (tests as a matrix with null where no test).

    ``loads`` as in :func:`pmc_batch`; ``tests`` in the same shape, with the
    test result on its day and NaN (or ``None`` in lists) on days without
    one. The options are those of :func:`banister_fit`, for every athlete.
    The fits run with the GIL released, spread over the CPU's cores. One
    athlete's failure (too few tests, say) does not stop the others:

    - ``athletes``: per athlete, ``{"fit": ..., "error_code": ..., "error": ...}``
      as the core operation gives it (``fit`` as :func:`banister_fit`'s result);
    - ``p0``, ``k1``, ``tau1``, ``k2``, ``tau2``, ``sse``, ``rmse``, ``r2``:
      float64 columns, one value per athlete, NaN for a failed athlete
      (and for ``r2`` when the tests do not vary);
    - ``error_code``, ``error``: lists, ``None`` for a successful fit.

    >>> import numpy as np
    >>> truth = {"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11}
    >>> loads = np.tile([60.0, 0, 80, 40, 0, 90, 30], (2, 20))
    >>> perf = banister_simulate(loads=loads[0], params=truth)["performance"]
    >>> tests = np.full(loads.shape, np.nan)
    >>> tests[0, 3::4] = perf[3::4]
    >>> f = banister_fit_batch(loads=loads, tests=tests, fixed_tau1=45, fixed_tau2=11)
    >>> f["k1"].round(3).tolist(), f["error_code"]
    ([0.1, nan], [None, 'empty'])
    >>> f["athletes"][0]["fit"]["free_parameters"], f["athletes"][1]["error"]
    (3, 'athletes[1].tests: is empty (expected performance tests to fit)')
    """
    request = dict(locals())
    loads_matrix = _matrix("banister_fit_batch", "loads", request)
    tests_matrix = _matrix("banister_fit_batch", "tests", request)
    options = {k: v for k, v in request.items() if k not in ("loads", "tests")}
    return cast(BanisterFitBatchResponse, _runrecovery.banister_fit_batch(loads_matrix, tests_matrix, options))


# ---------------------------------------------------------------- pandas


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
