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
from typing import Any, Dict, List, Literal, Mapping, Optional, Protocol, Sequence, TypedDict, Union

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


# ---------------------------------------------------------------- readiness, recovery and plan rules
# (requests' nested inputs first, then the responses; see docs/readiness.md,
# docs/recovery.md and docs/rules.md)

HrvIndex = Literal["rmssd_ms", "ln_rmssd", "sdnn_ms"]
WellnessScale = Literal["lower_is_better", "higher_is_better"]
HrvAboveBand = Literal["note", "minor"]
ReadinessMode = Literal["combined", "kiviniemi", "javaloyes"]
Rating = Literal["missing", "not_enough_data", "normal", "note", "minor", "major"]
ReadinessStatus = Literal["go", "go_easy", "rest"]
MarkerName = Literal[
    "hrv", "resting_hr", "sleep", "wellness", "session_rpe", "form", "body_systems", "illness", "injury"
]
WarningSignKind = Literal[
    "persistent_fatigue",
    "resting_hr_rising",
    "hrv_falling_cv_rising",
    "performance_decline",
    "performance_plateau",
    "high_monotony",
    "load_spike",
]
Adaptation = Literal["as_planned", "easy_run", "cross_training", "mobility", "rest"]
ActiveRecoveryKind = Literal["full_rest", "walk", "easy_cycling", "swim_or_pool_running", "yoga_mobility"]
RuleId = Literal[
    "weekly_progression",
    "cutback_week",
    "hard_spacing",
    "hard_days_in_a_row",
    "hard_per_week",
    "rest_day",
    "easy_share",
    "long_run_share",
    "quality_caps",
    "ctl_ramp",
    "taper_before_race",
]
Severity = Literal["info", "warning", "critical"]
RuleScope = Literal["planned", "completed", "both"]


class Hrv(TypedDict):
    """A morning HRV reading: rMSSD in ms (1–300) or ln rMSSD (0–5.71); SDNN is refused."""

    value: float
    index: HrvIndex


class Wellness(TypedDict, total=False):
    """Wellness items on a 1–7 scale (direction: ``ReadinessOptions["wellness_scale"]``);
    the first four make the Hooper index (4–28)."""

    sleep_quality: float
    fatigue: float
    stress: float
    soreness: float
    mood: float
    motivation: float
    appetite: float


class _DayMarkersRequired(TypedDict):
    date: DateLike


class DayMarkers(_DayMarkersRequired, total=False):
    """One morning's markers; any of them may be missing."""

    hrv: Hrv
    resting_hr_bpm: float
    #: The device or method of the HRV and resting-HR readings: a change starts a new baseline.
    source: str
    sleep_h: float
    wellness: Wellness
    planned_rpe: float
    felt_rpe: float
    ill: bool
    injury_pain: bool


class EngineState(TypedDict, total=False):
    """Outputs of the fitness-fatigue engine for today: form as % of fitness
    (``pmc``'s ``form_pct``) and the body systems not yet ready (``recovery_state``)."""

    form_pct: float
    systems_not_ready: int


class ReadinessOptions(TypedDict, total=False):
    """Windows (days), thresholds and the decision mode; every one is optional."""

    mode: ReadinessMode
    baseline_days: int
    wellness_baseline_days: int
    min_baseline_days: int
    rolling_days: int
    min_rolling_days: int
    swc_sd: float
    hrv_above_band: HrvAboveBand
    rhr_minor_bpm: float
    rhr_major_bpm: float
    sleep_minor_h: float
    sleep_major_h: float
    wellness_z: float
    wellness_scale: WellnessScale
    felt_harder_rpe: float


class DatedLoads(TypedDict):
    """Daily loads (AU or TSS) from ``start``, one per day."""

    start: DateLike
    values: FloatSeries


class RuleParams(TypedDict, total=False):
    """Parameters of the plan rules (fractions as 0–1, hours, minutes); every one is optional."""

    max_weekly_increase: float
    critical_weekly_increase: float
    max_weeks_without_cutback: int
    cutback_fraction: float
    min_hours_between_hard: float
    max_hard_per_week: int
    min_easy_share: float
    max_long_run_share: float
    max_long_run_min: float
    max_ctl_ramp: float
    max_race_week_share: float


class DataFrameLike(Protocol):
    """A pandas ``DataFrame`` (pandas is optional, so only its shape is named here)."""

    @property
    def columns(self) -> Any: ...

    @property
    def index(self) -> Any: ...


class SeriesLike(Protocol):
    """A pandas ``Series`` (only its shape is named here)."""

    @property
    def index(self) -> Any: ...

    @property
    def dtype(self) -> Any: ...


DayMarkersLike = Union[DayMarkers, Mapping[str, Any]]
#: Daily markers in date order, today last: a list of ``DayMarkers`` dicts, or
#: a pandas ``DataFrame`` with one row per day (see :func:`runrecovery.readiness`).
MarkersLike = Union[Sequence[DayMarkersLike], DataFrameLike]
EngineStateLike = Union[EngineState, Mapping[str, Any]]
ReadinessOptionsLike = Union[ReadinessOptions, Mapping[str, Any]]
#: ``{"start", "values"}``, or a pandas ``Series`` of daily loads on a ``DatetimeIndex``.
DatedLoadsLike = Union[DatedLoads, Mapping[str, Any], SeriesLike]
#: ``[{"date", "value"}]``, or a pandas ``Series`` of test results on a ``DatetimeIndex``.
TestsLike = Union[Sequence[Union[PerformanceTest, Mapping[str, Any]]], SeriesLike]
RuleParamsLike = Union[RuleParams, Mapping[str, Any]]


class MarkerFinding(TypedDict):
    """One marker's verdict. ``value``: ln rMSSD for HRV, bpm, h, the number of
    flagged wellness items, the RPE gap, form %...; ``band``: ``[low, high]``."""

    marker: MarkerName
    rating: Rating
    value: Optional[float]
    baseline: Optional[float]
    band: Optional[List[float]]
    reason: str


class Readiness(TypedDict):
    """Today's decision: ``score`` 0–100, ``confidence`` 0–1."""

    date: str
    status: ReadinessStatus
    score: float
    confidence: float
    markers: List[MarkerFinding]
    majors: int
    minors: int
    summary: str


class HrvBaseline(TypedDict):
    """The HRV baseline of a day, in ln rMSSD; ``rolling_cv_pct`` in %."""

    mean: float
    sd: float
    days: int
    rolling_mean: Optional[float]
    rolling_cv_pct: Optional[float]


class BaselineDay(TypedDict):
    """One day's baselines (``None`` while too young); resting HR in bpm."""

    date: str
    ln_rmssd: Optional[float]
    hrv: Optional[HrvBaseline]
    resting_hr_bpm: Optional[float]
    resting_hr_baseline: Optional[float]
    resting_hr_sd: Optional[float]
    hooper: Optional[float]


class ReadinessBaselines(TypedDict):
    days: List[BaselineDay]


class Evidence(TypedDict):
    """A dated value behind a warning sign (bpm, ln rMSSD, rating, test result, ratio...)."""

    date: str
    value: float


class WarningSign(TypedDict):
    sign: WarningSignKind
    evidence: List[Evidence]
    recommendation: str


class WarningSigns(TypedDict):
    signs: List[WarningSign]


class AdaptedSession(TypedDict):
    """The session to do today, what changed and why, and the readiness it followed."""

    action: Adaptation
    session: Session
    reason: str
    readiness: Readiness


class CarbohydrateAdvice(TypedDict):
    """Grams (g) and g/kg/day bands as ``[low, high]``."""

    grams_per_hour: Optional[List[float]]
    first_4h_grams: Optional[List[float]]
    daily_grams: List[float]
    daily_g_per_kg: List[float]
    note: str


class ProteinAdvice(TypedDict):
    grams: List[float]
    every_h: List[float]
    note: str


class FluidAdvice(TypedDict):
    lost_kg: Optional[float]
    litres: Optional[List[float]]
    note: str


class SleepAdvice(TypedDict):
    target_h: List[float]
    nap_min: Optional[List[float]]
    note: str


class ActiveRecoveryOption(TypedDict):
    option: ActiveRecoveryKind
    minutes: List[float]
    reason: str


class Prescription(TypedDict):
    """What to do after a session; ``active_recovery`` best first."""

    carbohydrate: CarbohydrateAdvice
    protein: ProteinAdvice
    fluid: FluidAdvice
    sleep: SleepAdvice
    active_recovery: List[ActiveRecoveryOption]


class RuleFinding(TypedDict):
    rule: RuleId
    severity: Severity
    dates: List[str]
    message: str
    fix: str


class RulesReport(TypedDict):
    """The findings by date, and the rules that ran."""

    findings: List[RuleFinding]
    rules: List[RuleId]


# ---------------------------------------------------------------- Busso's model and tapers
# (see docs/model.md and docs/taper.md)


class BussoParams(TypedDict):
    """Busso's variable dose-response model: ``p0`` in the tests' unit, gains
    ``k1``, ``k3`` (≥ 0) and time constants ``tau1``, ``tau2``, ``tau3`` in days."""

    p0: float
    k1: float
    tau1: float
    k3: float
    tau2: float
    tau3: float


class BussoFit(TypedDict):
    params: BussoParams
    sse: float
    rmse: float
    r2: Optional[float]
    initial_sse: float
    tests: int
    warnings: List[str]


class StepTaper(TypedDict):
    """The same reduction every day."""

    kind: Literal["step"]


class LinearTaper(TypedDict):
    """A linear decrease."""

    kind: Literal["linear"]


class ExponentialTaper(TypedDict):
    """An exponential decrease, time constant ``tau_days`` in days (2–30)."""

    kind: Literal["exponential"]
    tau_days: float


class TwoPhaseTaper(TypedDict):
    """A reduction, then the last 3 days raised by ``rise`` (0–0.5)."""

    kind: Literal["two_phase"]
    rise: float


TaperShape = Union[StepTaper, LinearTaper, ExponentialTaper, TwoPhaseTaper]


class TaperSpec(TypedDict, total=False):
    """A taper; every field is optional in a request (defaults: 14 days, 0.5,
    exponential with τ = 5 days, no frequency cut)."""

    length_days: int
    volume_cut: float
    shape: TaperShape
    frequency_cut: float


class DefaultBussoModel(TypedDict):
    """Busso's model with default constants scaled to the athlete (the default)."""

    kind: Literal["default_busso"]


class FittedBussoModel(TypedDict):
    kind: Literal["busso"]
    params: Union[BussoParams, Mapping[str, Any]]


class FittedBanisterModel(TypedDict):
    kind: Literal["banister"]
    params: Union[BanisterParams, Mapping[str, Any]]


TaperModel = Union[DefaultBussoModel, FittedBussoModel, FittedBanisterModel]
BussoParamsLike = Union[BussoParams, Mapping[str, Any]]
TaperSpecLike = Union[TaperSpec, Mapping[str, Any]]
TaperModelLike = Union[TaperModel, Mapping[str, Any]]


class TaperedPlan(TypedDict):
    """The plan with the taper applied; running time in s."""

    plan: LogDocument
    factors: List[float]
    taper_start: str
    volume_before_s: float
    volume_after_s: float
    dropped_sessions: int


class TaperScore(TypedDict):
    """Race morning's fitness, fatigue and form, and the predicted performance
    (the model's units, higher is better); ``spec`` is ``None`` without a taper."""

    spec: Optional[TaperSpec]
    fitness: float
    fatigue: float
    form: float
    performance: float


class TaperOptimum(TypedDict):
    best: TaperScore
    alternatives: List[TaperScore]
    candidates: int
    no_taper: TaperScore


# ---------------------------------------------------------------- plans

#: A weekday as the core writes it (full names are accepted too).
Weekday = Literal["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
Experience = Literal["novice", "intermediate", "experienced"]


class PlannedSession(TypedDict):
    session: Session
    week: int
    phase: str
    target_pace_s_per_km: Optional[float]
    target_zone: Optional[Intensity]
    purpose: str


class GeneratedPlan(TypedDict):
    sessions: List[PlannedSession]
    document: LogDocument
    weekly_km: List[float]
    vdot: float
    progression: float
    notes: List[str]


class PlanChange(TypedDict):
    date: str
    action: str
    to: Optional[str]
    reason: str


class Replan(TypedDict):
    document: LogDocument
    changes: List[PlanChange]


# ---------------------------------------------------------------- calendar


class Calendar(TypedDict):
    """An iCalendar file (RFC 5545): its text (CRLF line endings) and its number of events."""

    ics: str
    events: int


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
