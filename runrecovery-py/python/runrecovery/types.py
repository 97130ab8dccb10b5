"""Types of runrecovery's requests and responses, for type checkers and editors.

Every request and response is a plain ``dict`` at run time; these
``TypedDict``\\ s describe their keys (snake_case, units in the names, the
same keys as in Rust and JavaScript). Dates cross as ``"YYYY-MM-DD"``
strings; requests also accept ``datetime.date``, ``datetime.datetime``
(its date), pandas ``Timestamp`` and ``numpy.datetime64``. Series fields of
responses are NumPy arrays.
"""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, TypedDict, Union

from numpy import bool_, datetime64, float64
from numpy.typing import NDArray

# ---------------------------------------------------------------- plain values

#: A calendar day: ``"YYYY-MM-DD"``, a ``date``, a ``datetime`` (its own date) or a ``numpy.datetime64``.
DateLike = Union[str, datetime.date, datetime64]
#: Dates in order: a list or tuple of ``DateLike``, a ``datetime64`` array or a pandas ``DatetimeIndex``.
DateSeries = Union[Sequence[DateLike], NDArray[Any]]
#: A time of day: ``"HH:MM:SS"`` or a ``datetime.time``.
TimeLike = Union[str, datetime.time]
#: A 1-D series of numbers: a list, a tuple or a NumPy array.
FloatSeries = Union[Sequence[float], NDArray[Any]]

HrMaxFormula = Literal["tanaka", "fox", "gellish"]
Sex = Literal["male", "female"]
DuplicatePolicy = Literal["reject", "drop_exact", "keep_last"]
ZoneSystem = Literal[
    "hr_max", "hr_reserve", "lthr_friel", "lthr_golden_cheetah", "pace_threshold", "pace_daniels", "power_cp", "rpe"
]
Measure = Literal["heart_rate", "pace", "power", "rpe"]
SessionKind = Literal[
    "rest",
    "recovery",
    "easy",
    "long",
    "tempo",
    "threshold",
    "intervals",
    "hills",
    "strides",
    "race",
    "cross_training",
    "strength",
    "mobility",
    "walk",
]
Modality = Literal["cycling", "swimming", "pool_running", "elliptical", "rowing", "skiing", "other"]
Status = Literal["completed", "planned"]
LoadMethod = Literal[
    "auto", "session_rpe", "banister_trimp", "edwards_trimp", "lucia_trimp", "rtss", "power_tss", "hr_tss"
]
TrimpCoefficients = Literal["sex_specific", "golden_cheetah"]
MissingData = Literal["error", "zero"]
Include = Literal["completed", "planned", "both"]
WeekMode = Literal["calendar", "rolling"]
SdKind = Literal["sample", "population"]
Gain = Literal["exponential", "linear"]
FormDay = Literal["next_day", "same_day"]
AcwrMethod = Literal["coupled_rolling", "uncoupled_rolling", "ewma"]
EwmaDecay = Literal["williams", "half_life"]
EwmaSeed = Literal["first_load", "zero"]
AcwrBand = Literal["low", "sweet_spot", "caution", "high"]
AcwrGap = Literal["not_enough_data", "low_coverage", "zero_chronic"]
LoadTiming = Literal["same_day", "next_day"]
BodySystem = Literal["metabolic", "muscular", "neuromuscular", "structural"]
Carbohydrate = Literal["adequate", "low"]
SystemStatus = Literal["fresh", "ready", "recovering", "fatigued"]
Intensity = Literal["easy", "marathon", "threshold", "interval", "repetition"]
DistributionType = Literal["polarized", "pyramidal", "threshold", "high_intensity", "base", "other"]

# ---------------------------------------------------------------- inputs


class Athlete(TypedDict, total=False):
    """An athlete's profile; every value is optional."""

    name: str
    age_years: float
    sex: Sex
    body_mass_kg: float
    hr_max_bpm: float
    hr_max_formula: HrMaxFormula
    hr_rest_bpm: float
    lthr_bpm: float
    vt1_hr_bpm: float
    vt2_hr_bpm: float
    threshold_pace_s_per_km: float
    critical_power_w: float
    vdot: float


class HrBin(TypedDict):
    """Time spent around one heart rate."""

    hr_bpm: float
    seconds: float


class _SessionRequired(TypedDict):
    date: DateLike
    kind: SessionKind
    duration_s: float


class Session(_SessionRequired, total=False):
    """One training session, planned or completed."""

    id: str
    start_time: TimeLike
    modality: Modality
    status: Status
    distance_m: float
    rpe: float
    avg_hr_bpm: float
    hr_histogram: List[HrBin]
    avg_power_w: float
    normalized_power_w: float
    graded_pace_s_per_km: float
    elevation_gain_m: float
    temperature_c: float
    humidity_pct: float
    notes: str


class _LogDocumentRequired(TypedDict):
    schema_version: int
    sessions: List[Session]


class LogDocument(_LogDocumentRequired, total=False):
    """A training log document (``schema_version`` 1)."""

    athlete: Athlete


class Race(TypedDict):
    """A race result."""

    distance_m: float
    time_s: float


class BanisterParams(TypedDict):
    """The five parameters of Banister's impulse-response model."""

    p0: float
    k1: float
    tau1: float
    k2: float
    tau2: float


class PerformanceTest(TypedDict):
    """A dated performance test (higher is better)."""

    date: DateLike
    value: float


class RecoveryOptions(TypedDict, total=False):
    """Constants of the body-systems recovery model; every one is optional."""

    metabolic_tau_h: float
    metabolic_damaged_tau_h: float
    muscular_tau_h: float
    muscular_max_tau_h: float
    neuromuscular_tau_h: float
    structural_tau_h: float
    recovery_speed_factor: float
    dose_dependent: bool
    carbohydrate: Carbohydrate
    ready_below: float
    stress_weight: float
    min_hours_between_hard: float
    day_hour: float
    method: LoadMethod
    reference_load: float
    horizon_days: int


AthleteLike = Union[Athlete, Mapping[str, Any]]
SessionLike = Union[Session, Mapping[str, Any]]
LogLike = Union[LogDocument, Mapping[str, Any]]
RaceLike = Union[Race, Mapping[str, Any]]
ParamsLike = Union[BanisterParams, Mapping[str, Any]]
TestLike = Union[PerformanceTest, Mapping[str, Any]]
RecoveryOptionsLike = Union[RecoveryOptions, Mapping[str, Any]]

# ---------------------------------------------------------------- responses


class OperationInfo(TypedDict):
    """One operation of the library."""

    name: str
    module: str
    summary: str
    series: List[str]


class EstimateHrMaxResponse(TypedDict):
    hr_max_bpm: float
    formula: HrMaxFormula
    source: str


class EstimatedValue(TypedDict):
    field: str
    value: float
    method: str


class ResolvedAthlete(TypedDict):
    athlete: Athlete
    hr_max_bpm: Optional[float]
    threshold_pace_s_per_km: Optional[float]
    estimated: List[EstimatedValue]


class ReadLogResponse(TypedDict):
    log: LogDocument
    sessions: int
    completed: int
    planned: int
    first_date: str
    last_date: str


class DailySeriesResponse(TypedDict):
    start: str
    end: str
    values: NDArray[float64]
    logged: NDArray[bool_]


#: One zone; ``from`` is a Python keyword, hence the functional form.
Zone = TypedDict(
    "Zone",
    {
        "name": str,
        "description": str,
        "lower_fraction": float,
        "from": Optional[float],
        "to": Optional[float],
        "seiler": int,
    },
)


class ZoneTable(TypedDict):
    system: ZoneSystem
    measure: Measure
    unit: str
    reference: float
    zones: List[Zone]
    source: str


class Classification(TypedDict):
    zone: int
    name: str
    seiler: int


class Polarization(TypedDict):
    index: Optional[float]
    polarized: bool
    distribution: DistributionType
    note: Optional[str]


class IntensityDistribution(TypedDict):
    system: ZoneSystem
    zone_names: List[str]
    zone_seconds: List[float]
    seiler_seconds: List[float]
    seiler_fractions: List[float]
    unclassified_seconds: float
    sessions: int
    polarization: Polarization
    easy_fraction: float
    meets_80_20: bool


class VdotResponse(TypedDict):
    vdot: float


class RaceTime(TypedDict):
    time_s: float
    pace_s_per_km: float


class TrainingPace(TypedDict):
    intensity: Intensity
    fraction_low: float
    fraction_high: float
    slow_s_per_km: float
    fast_s_per_km: float
    target_s_per_km: float


class TrainingPacesResponse(TypedDict):
    paces: List[TrainingPace]


class ExponentResponse(TypedDict):
    exponent: float


class SessionLoad(TypedDict):
    value: float
    method: LoadMethod
    unit: str


class DailyLoadsResponse(TypedDict):
    start: str
    end: str
    load: NDArray[float64]
    logged: NDArray[bool_]
    methods: Dict[str, int]
    zeroed_sessions: int
    warning: Optional[str]


class WeekLoad(TypedDict):
    start: str
    end: str
    days: int
    logged_days: int
    load: float
    mean: float
    sd: Optional[float]
    monotony: Optional[float]
    strain: Optional[float]
    load_change_pct: Optional[float]


class WeeklyLoadsResponse(TypedDict):
    weeks: List[WeekLoad]


class WeekVolume(TypedDict):
    week_start: str
    sessions: int
    duration_s: float
    distance_m: float
    run_duration_s: float
    run_distance_m: float
    duration_change_pct: Optional[float]
    run_distance_change_pct: Optional[float]


class WeeklySummaryResponse(TypedDict):
    weeks: List[WeekLoad]
    volume: List[WeekVolume]
    methods: Dict[str, int]
    warning: Optional[str]


class PmcOptions(TypedDict):
    fitness_days: float
    fatigue_days: float
    gain: Gain
    form_day: FormDay
    fitness_seed: float
    fatigue_seed: float


class PmcResponse(TypedDict):
    start: str
    end: str
    fitness: NDArray[float64]
    fatigue: NDArray[float64]
    form: NDArray[float64]
    form_pct: List[Optional[float]]
    ramp: List[Optional[float]]
    fitness_coverage: List[float]
    fatigue_coverage: List[float]
    options: PmcOptions


class LogPmcResponse(PmcResponse):
    load: NDArray[float64]
    today: str
    methods: Dict[str, int]
    warning: Optional[str]


class AcwrOptions(TypedDict):
    method: AcwrMethod
    acute_days: int
    chronic_days: int
    decay: EwmaDecay
    seed: EwmaSeed
    min_coverage: float


class AcwrResponse(TypedDict):
    start: str
    acute: NDArray[float64]
    chronic: NDArray[float64]
    ratio: List[Optional[float]]
    band: List[Optional[AcwrBand]]
    gap: List[Optional[AcwrGap]]
    options: AcwrOptions


class PerformanceResponse(TypedDict):
    performance: NDArray[float64]


class ImpulseResponse(TypedDict):
    t_n: float
    t_star: float
    peak: float
    initial: float


class BanisterFit(TypedDict):
    params: BanisterParams
    sse: float
    rmse: float
    r2: Optional[float]
    initial_sse: float
    tests: int
    free_parameters: int
    warnings: List[str]


class SystemState(TypedDict):
    system: BodySystem
    fatigue: float
    status: SystemStatus
    hours_to_ready: float


class RecoveryState(TypedDict):
    at: str
    systems: List[SystemState]
    limiting_system: BodySystem
    overall: SystemStatus


class CandidateDay(TypedDict):
    date: str
    fatigue: List[float]
    safe: bool
    response: float


class NextQualitySession(TypedDict):
    kind: SessionKind
    earliest: str
    best: str
    last_hard_session: Optional[str]
    window_start: Optional[str]
    window_end: Optional[str]
    stressed_systems: List[BodySystem]
    reason: str
    days: List[CandidateDay]


# ---------------------------------------------------------------- batch (athletes × days)

#: A matrix of numbers, one row per athlete and one column per day: a 2-D
#: NumPy array (float64 and C-contiguous is read without a copy), a list of
#: equal-length rows, or a pandas ``DataFrame`` (rows = athletes).
MatrixLike = Union[NDArray[Any], Sequence[Sequence[float]]]
#: Test results in the loads' shape: NaN (or ``None`` in lists) where there was no test.
TestMatrixLike = Union[NDArray[Any], Sequence[Sequence[Optional[float]]]]


class PmcBatchResponse(TypedDict):
    """athletes × days float64 matrices (1-D per athlete with ``latest=True``)."""

    fitness: NDArray[float64]
    fatigue: NDArray[float64]
    form: NDArray[float64]


class AcwrBatchResponse(TypedDict):
    """athletes × days float64 matrices; ``ratio`` is NaN where no ratio is meaningful."""

    acute: NDArray[float64]
    chronic: NDArray[float64]
    ratio: NDArray[float64]


class BatchFitOutcome(TypedDict):
    """One athlete's outcome: a fit, or the error code and message."""

    fit: Optional[BanisterFit]
    error_code: Optional[str]
    error: Optional[str]


class BanisterFitBatchResponse(TypedDict):
    """The core operation's per-athlete list, plus one float64 column per
    parameter and statistic (NaN for a failed athlete, and ``r2`` when the
    tests do not vary) and the per-athlete ``error_code`` / ``error``."""

    athletes: List[BatchFitOutcome]
    p0: NDArray[float64]
    k1: NDArray[float64]
    tau1: NDArray[float64]
    k2: NDArray[float64]
    tau2: NDArray[float64]
    sse: NDArray[float64]
    rmse: NDArray[float64]
    r2: NDArray[float64]
    error_code: List[Optional[str]]
    error: List[Optional[str]]
