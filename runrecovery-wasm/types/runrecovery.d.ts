// TypeScript declarations of the runrecovery WebAssembly package, written by
// hand from runrecovery-core/src/ops.rs (the request and response structs)
// and the types they use. build.sh copies this file into pkg-node/ and
// pkg-web/ as runrecovery_wasm.d.ts (the web build adds init/initSync).
// js-tests/types.test.ts checks it against every vector case's input and
// output, the enum strings the library accepts, its error codes, the
// manifest of operations and the exports wasm-bindgen generates.
//
// Conventions, the same in Rust, Python and JS:
// - one function per operation, camelCase (`zone_table` → `zoneTable`),
//   taking one options object whose keys are snake_case;
// - an optional key may be left out or set to `null`/`undefined` (its
//   default applies);
// - enums are snake_case strings;
// - the operation's numeric series come back as `Float64Array`s, booleans
//   and series with gaps (`null`) as plain arrays;
// - every failure is thrown as a `RunRecoveryError`.

// ------------------------------------------------------------------ scalars

/** A calendar day, ISO 8601 `"YYYY-MM-DD"` (years 1900–2200 are accepted). */
export type DateString = string;
/** A calendar day as input: a `"YYYY-MM-DD"` string, or a `Date` standing for its **UTC** calendar day. */
export type DateInput = DateString | Date;
/** A clock time, `"HH:MM:SS"` (or `"HH:MM"`). */
export type TimeString = string;
/** A local date and time, `"YYYY-MM-DDTHH:MM:SS"`. */
export type DateTimeString = string;
/** A UTC date and time, `"YYYY-MM-DDTHH:MM:SSZ"` (nothing else: no offset, no fraction). */
export type UtcDateTimeString = string;

/** A list of numbers: an array or any non-BigInt typed array. NaN and ±Infinity are rejected (`not_finite`). */
export type NumberList =
  | readonly number[]
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Int16Array
  | Uint16Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray;

/** Seiler's three intensity zones. */
export type SeilerZone = 1 | 2 | 3;

// ------------------------------------------------------------------ enums

/** Biological sex, used only where a published formula has sex-specific coefficients. */
export type Sex = 'male' | 'female';
/** Age-based HRmax equation: Tanaka (default) `208 − 0.7·age`, Fox `220 − age`, Gellish `207 − 0.7·age`. */
export type HrMaxFormula = 'tanaka' | 'fox' | 'gellish';
/** What kind of session this is. Quality sessions: tempo, threshold, intervals, hills, race. */
export type SessionKind =
  | 'rest'
  | 'recovery'
  | 'easy'
  | 'long'
  | 'tempo'
  | 'threshold'
  | 'intervals'
  | 'hills'
  | 'strides'
  | 'race'
  | 'cross_training'
  | 'strength'
  | 'mobility'
  | 'walk';
/** The modality of a `cross_training` session. */
export type Modality = 'cycling' | 'swimming' | 'pool_running' | 'elliptical' | 'rowing' | 'skiing' | 'other';
/** Whether a session happened (`completed`, default) or is `planned` (Rust `session::Status`). */
export type SessionStatus = 'completed' | 'planned';
/** Repeated sessions in a log: `reject` (default), `drop_exact` (keep one exact copy), `keep_last` (a later conflicting entry wins). */
export type DuplicatePolicy = 'reject' | 'drop_exact' | 'keep_last';
/** A zone system. */
export type ZoneSystem =
  | 'hr_max'
  | 'hr_reserve'
  | 'lthr_friel'
  | 'lthr_golden_cheetah'
  | 'pace_threshold'
  | 'pace_daniels'
  | 'power_cp'
  | 'rpe';
/** What a zone system measures. */
export type Measure = 'heart_rate' | 'pace' | 'power' | 'rpe';
/** The shape of a training-intensity distribution (Treff et al. 2019). */
export type DistributionType = 'polarized' | 'pyramidal' | 'threshold' | 'high_intensity' | 'base' | 'other';
/** How to score a session's load; `auto` (default) picks the best method the data supports. */
export type LoadMethod =
  | 'auto'
  | 'session_rpe'
  | 'banister_trimp'
  | 'edwards_trimp'
  | 'lucia_trimp'
  | 'rtss'
  | 'power_tss'
  | 'hr_tss';
/** Banister TRIMP coefficients: `sex_specific` (default, needs `athlete.sex`) or `golden_cheetah` (male coefficients for everyone). */
export type TrimpCoefficients = 'sex_specific' | 'golden_cheetah';
/** A session lacking the data for the method: `error` (default) or count it as `zero`. */
export type MissingData = 'error' | 'zero';
/** Which sessions of a log count: `completed` (default), `planned` or `both`. */
export type Include = 'completed' | 'planned' | 'both';
/** Weeks: ISO `calendar` weeks, Monday to Sunday (default), or `rolling` 7-day windows. */
export type WeekMode = 'calendar' | 'rolling';
/** The standard deviation in monotony: `sample` (ddof 1, default) or `population` (ddof 0). */
export type SdKind = 'sample' | 'population';
/** One of Daniels' training intensities (E, M, T, I, R). */
export type Intensity = 'easy' | 'marathon' | 'threshold' | 'interval' | 'repetition';
/** A body system that recovers at its own speed. */
export type BodySystem = 'metabolic' | 'muscular' | 'neuromuscular' | 'structural';
/** Carbohydrate availability after sessions: `adequate` (default) or `low` (glycogen refills ~10× slower). */
export type Carbohydrate = 'adequate' | 'low';
/** How one body system stands. */
export type SystemStatus = 'fresh' | 'ready' | 'recovering' | 'fatigued';
/** EWMA gain: `exponential` `1 − e^(−1/N)` (default) or `linear` `1/N`. */
export type Gain = 'exponential' | 'linear';
/** Form shown on the `next_day` (`CTL(d−1) − ATL(d−1)`, default) or the `same_day` (`CTL(d) − ATL(d)`). */
export type FormDay = 'next_day' | 'same_day';
/** ACWR: `coupled_rolling` (default), `uncoupled_rolling` or `ewma`. */
export type AcwrMethod = 'coupled_rolling' | 'uncoupled_rolling' | 'ewma';
/** EWMA decay: `williams` `λ = 2/(N+1)` (default) or `half_life` (N is the half-life in days). */
export type EwmaDecay = 'williams' | 'half_life';
/** The EWMA before the first day: `first_load` (default) or `zero`. */
export type EwmaSeed = 'first_load' | 'zero';
/** Gabbett's (2016) bands: < 0.8 `low`, 0.8–1.3 `sweet_spot`, 1.3–1.5 `caution`, > 1.5 `high`. */
export type AcwrBand = 'low' | 'sweet_spot' | 'caution' | 'high';
/** Why a day has no ratio. */
export type AcwrGap = 'not_enough_data' | 'low_coverage' | 'zero_chronic';
/** Banister: today's load acts on today (`same_day`, default) or from tomorrow (`next_day`). */
export type LoadTiming = 'same_day' | 'next_day';
/** Which HRV index a value is; `sdnn_ms` is a different quantity and is rejected rather than mixed in. */
export type HrvIndex = 'rmssd_ms' | 'ln_rmssd' | 'sdnn_ms';
/** Wellness scale direction: `lower_is_better` (1 = best, Hooper; default) or `higher_is_better` (7 = best). */
export type WellnessScale = 'lower_is_better' | 'higher_is_better';
/** What HRV above the band means: a `note` (default) or a `minor` flag (Le Meur 2013). */
export type HrvAboveBand = 'note' | 'minor';
/** The readiness decision: `combined` markers (default), `kiviniemi` (HRV only) or `javaloyes` (HRV only, 7-day mean). */
export type ReadinessMode = 'combined' | 'kiviniemi' | 'javaloyes';
/** A marker's rating. */
export type MarkerRating = 'missing' | 'not_enough_data' | 'normal' | 'note' | 'minor' | 'major';
/** The day's decision: train as planned (`go`), scale back (`go_easy`) or `rest` (Rust `readiness::Status`). */
export type ReadinessStatus = 'go' | 'go_easy' | 'rest';
/** The markers a readiness verdict is given for. */
export type MarkerName =
  | 'hrv'
  | 'resting_hr'
  | 'sleep'
  | 'wellness'
  | 'session_rpe'
  | 'form'
  | 'body_systems'
  | 'illness'
  | 'injury';
/** Warning signs of under-recovery. */
export type WarningSignName =
  | 'persistent_fatigue'
  | 'resting_hr_rising'
  | 'hrv_falling_cv_rising'
  | 'performance_decline'
  | 'performance_plateau'
  | 'high_monotony'
  | 'load_spike';
/** What to do instead of the planned session. */
export type Adaptation = 'as_planned' | 'easy_run' | 'cross_training' | 'mobility' | 'rest';
/** Active-recovery options. */
export type ActiveRecoveryOption = 'full_rest' | 'walk' | 'easy_cycling' | 'swim_or_pool_running' | 'yoga_mobility';
/** How serious a plan-rule finding is. */
export type Severity = 'info' | 'warning' | 'critical';
/** Which sessions the plan rules look at: `planned`, `completed` or `both` (default) (Rust `rules::Scope`). */
export type RuleScope = 'planned' | 'completed' | 'both';
/** The plan rules, in the order they run. */
export type RuleId =
  | 'weekly_progression'
  | 'cutback_week'
  | 'hard_spacing'
  | 'hard_days_in_a_row'
  | 'hard_per_week'
  | 'rest_day'
  | 'easy_share'
  | 'long_run_share'
  | 'quality_caps'
  | 'ctl_ramp'
  | 'taper_before_race';

/** Every error code the library throws (`error.code`); stable across versions and languages. */
export type ErrorCode =
  | 'not_finite'
  | 'out_of_range'
  | 'missing_field'
  | 'unsorted_dates'
  | 'duplicate_date'
  | 'duplicate_session'
  | 'conflicting_sessions'
  | 'empty'
  | 'invalid_date'
  | 'invalid_input'
  | 'unsupported_schema_version'
  | 'inconsistent'
  | 'unknown_operation';

// ------------------------------------------------------------------ athlete, session, log

/** An athlete's profile (input). Every value is optional; present values are range-checked. */
export interface Athlete {
  /** A display name. */
  name?: string | null;
  /** Age, years (5–110). */
  age_years?: number | null;
  /** For sex-specific coefficients (Banister TRIMP). */
  sex?: Sex | null;
  /** Body mass, kg (20–250). */
  body_mass_kg?: number | null;
  /** Measured maximal heart rate, bpm (100–230); wins over any estimate. */
  hr_max_bpm?: number | null;
  /** The estimator used when HRmax was not measured (default `tanaka`). */
  hr_max_formula?: HrMaxFormula | null;
  /** Resting (morning) heart rate, bpm (25–120). */
  hr_rest_bpm?: number | null;
  /** Lactate-threshold heart rate, bpm (Friel's 30-min test). */
  lthr_bpm?: number | null;
  /** Heart rate at the first ventilatory threshold, bpm. */
  vt1_hr_bpm?: number | null;
  /** Heart rate at the second ventilatory threshold, bpm. */
  vt2_hr_bpm?: number | null;
  /** Threshold pace (about 1 h race pace), s/km (120–900). */
  threshold_pace_s_per_km?: number | null;
  /** Running critical power (or run FTP), W (30–1000). */
  critical_power_w?: number | null;
  /** Daniels' VDOT, ml/kg/min (15–90). */
  vdot?: number | null;
}

/** An athlete as the library writes it: absent values left out, `hr_max_formula` always present. */
export interface CanonicalAthlete {
  name?: string;
  age_years?: number;
  sex?: Sex;
  body_mass_kg?: number;
  hr_max_bpm?: number;
  hr_max_formula: HrMaxFormula;
  hr_rest_bpm?: number;
  lthr_bpm?: number;
  vt1_hr_bpm?: number;
  vt2_hr_bpm?: number;
  threshold_pace_s_per_km?: number;
  critical_power_w?: number;
  vdot?: number;
}

/** Time spent around one heart rate (a bin of a histogram). */
export interface HrBin {
  /** Heart rate, bpm. */
  hr_bpm: number;
  /** Time at that heart rate, s. */
  seconds: number;
}

/** One training session (input). Only `date`, `kind` and `duration_s` are required. */
export interface Session {
  /** An identifier from the source (device or app); used to detect conflicts. */
  id?: string | null;
  /** Calendar date, local to the athlete. */
  date: DateInput;
  /** Local start time (orders sessions within a day). */
  start_time?: TimeString | null;
  /** What kind of session. */
  kind: SessionKind;
  /** Cross-training modality (only for `cross_training`). */
  modality?: Modality | null;
  /** `completed` (default) or `planned`. */
  status?: SessionStatus | null;
  /** Moving duration, s (0 only for rest; at most 24 h). */
  duration_s: number;
  /** Distance, m. */
  distance_m?: number | null;
  /** Session RPE on Foster's CR-10 scale (0–10). */
  rpe?: number | null;
  /** Average heart rate, bpm. */
  avg_hr_bpm?: number | null;
  /** Time at each heart rate, for zone-based TRIMPs. */
  hr_histogram?: readonly HrBin[] | null;
  /** Average running power, W. */
  avg_power_w?: number | null;
  /** Normalized power, W (falls back to average power). */
  normalized_power_w?: number | null;
  /** Grade-adjusted pace, s/km (falls back to distance/duration). */
  graded_pace_s_per_km?: number | null;
  /** Elevation gain, m. */
  elevation_gain_m?: number | null;
  /** Air temperature, °C. */
  temperature_c?: number | null;
  /** Relative humidity, %. */
  humidity_pct?: number | null;
  /** Free text. */
  notes?: string | null;
}

/** A session as the library writes it: absent values left out, `status` always present. */
export interface CanonicalSession {
  id?: string;
  date: DateString;
  start_time?: TimeString;
  kind: SessionKind;
  modality?: Modality;
  status: SessionStatus;
  duration_s: number;
  distance_m?: number;
  rpe?: number;
  avg_hr_bpm?: number;
  hr_histogram?: HrBin[];
  avg_power_w?: number;
  normalized_power_w?: number;
  graded_pace_s_per_km?: number;
  elevation_gain_m?: number;
  temperature_c?: number;
  humidity_pct?: number;
  notes?: string;
}

/** A training log document (what is saved and loaded), schema version 1. No other keys are accepted. */
export interface LogDocument {
  /** The schema version; this version reads and writes 1 (`unsupported_schema_version` otherwise). */
  schema_version: 1;
  /** The athlete the log belongs to; operations use it unless given their own `athlete`. */
  athlete?: Athlete | null;
  /** The sessions, in any order (at least one). */
  sessions: readonly Session[];
}

/** A log document as the library writes it: sorted, current schema. */
export interface CanonicalLogDocument {
  schema_version: 1;
  athlete?: CanonicalAthlete;
  sessions: CanonicalSession[];
}

// ------------------------------------------------------------------ shared option and result shapes

/** The PMC conventions used (every value filled in). */
export interface PmcOptions {
  /** Fitness (CTL) time constant, days (42). */
  fitness_days: number;
  /** Fatigue (ATL) time constant, days (7). */
  fatigue_days: number;
  gain: Gain;
  form_day: FormDay;
  /** Fitness the day before the first (0). */
  fitness_seed: number;
  /** Fatigue the day before the first (0). */
  fatigue_seed: number;
}

/** The ACWR options used (every value filled in). */
export interface AcwrOptions {
  method: AcwrMethod;
  /** Acute window, days (7). */
  acute_days: number;
  /** Chronic window, days (28). */
  chronic_days: number;
  decay: EwmaDecay;
  seed: EwmaSeed;
  /** Minimum share of logged days in the chronic window (0.75). */
  min_coverage: number;
}

/** The five parameters of the Banister model. */
export interface BanisterParams {
  /** Baseline performance. */
  p0: number;
  /** Fitness gain (≥ 0). */
  k1: number;
  /** Fitness time constant, days (1–120). */
  tau1: number;
  /** Fatigue gain (≥ 0). */
  k2: number;
  /** Fatigue time constant, days (1–120, below `tau1`). */
  tau2: number;
}

/** The supercompensation model's constants (input); every one is optional. */
export interface RecoveryOptions {
  /** Glycogen time constant, h (10). */
  metabolic_tau_h?: number | null;
  /** Glycogen time constant after heavy muscle damage, h (48). */
  metabolic_damaged_tau_h?: number | null;
  /** Muscle time constant, h (48). */
  muscular_tau_h?: number | null;
  /** Longest muscle time constant after a very large dose, h (168). */
  muscular_max_tau_h?: number | null;
  /** Neuromuscular time constant, h (24). */
  neuromuscular_tau_h?: number | null;
  /** Structural time constant, h (72). */
  structural_tau_h?: number | null;
  /** Multiplies every time constant (> 1: slower, e.g. after illness) (1). */
  recovery_speed_factor?: number | null;
  /** Muscle τ grows with the dose and heavy damage slows glycogen (true). */
  dose_dependent?: boolean | null;
  /** Carbohydrate availability (`adequate`). */
  carbohydrate?: Carbohydrate | null;
  /** A system counts as ready at or below this residual fatigue (0.3). */
  ready_below?: number | null;
  /** A session stresses a system when its kind weight is at least this (0.5). */
  stress_weight?: number | null;
  /** Hard sessions at least this many hours apart (48; 0 disables). */
  min_hours_between_hard?: number | null;
  /** Clock hour for sessions without a start time and for daily states (8). */
  day_hour?: number | null;
  /** How session doses are scored (default `session_rpe`). */
  method?: LoadMethod | null;
  /** The load of one reference hard session (default: 100 for TSS methods, 420 AU for session-RPE). */
  reference_load?: number | null;
  /** Days searched for the next quality session (14). */
  horizon_days?: number | null;
}

/** Sessions scored by each method (methods that scored none are absent). */
export type MethodCounts = { [M in LoadMethod]?: number };

// ------------------------------------------------------------------ athlete operations

/** Request of `estimateHrMax`. */
export interface EstimateHrMaxRequest {
  /** Age, years (5–110). */
  age_years: number;
  /** The formula (default `tanaka`). */
  formula?: HrMaxFormula | null;
}
/** Response of `estimateHrMax`. */
export interface EstimateHrMaxResponse {
  /** HRmax, bpm. */
  hr_max_bpm: number;
  /** The formula used. */
  formula: HrMaxFormula;
  /** Its citation. */
  source: string;
}

/** Request of `resolveAthlete`. */
export interface ResolveAthleteRequest {
  athlete: Athlete;
}
/** A value that was estimated rather than measured, with its method. */
export interface EstimatedValue {
  /** The profile field that was filled. */
  field: string;
  /** The estimate. */
  value: number;
  /** The published method (citation). */
  method: string;
}
/** Response of `resolveAthlete`: the profile with every estimable value filled in. */
export interface ResolvedAthlete {
  /** The profile; `hr_max_bpm` still holds only a measured value. */
  athlete: CanonicalAthlete;
  /** HRmax used by the models (measured or estimated), bpm. */
  hr_max_bpm: number | null;
  /** Threshold pace used by the models (given or estimated), s/km. */
  threshold_pace_s_per_km: number | null;
  /** What was estimated, and how. */
  estimated: EstimatedValue[];
}

// ------------------------------------------------------------------ log operations

/** Request of `readLog`. */
export interface ReadLogRequest {
  /** The log document. */
  log: LogDocument;
  /** Duplicate policy (default `reject`). */
  duplicates?: DuplicatePolicy | null;
}
/** Response of `readLog`. */
export interface ReadLogResponse {
  /** The canonical document (sorted, current schema). */
  log: CanonicalLogDocument;
  /** Number of sessions kept. */
  sessions: number;
  /** Completed sessions. */
  completed: number;
  /** Planned sessions. */
  planned: number;
  /** First date. */
  first_date: DateString;
  /** Last date. */
  last_date: DateString;
}

/** Request of `dailySeries`. */
export interface DailySeriesRequest {
  /** Strictly increasing dates. */
  dates: readonly DateInput[];
  /** One value (≥ 0) per date. */
  values: NumberList;
}
/** Response of `dailySeries`. */
export interface DailySeriesResponse {
  /** First day. */
  start: DateString;
  /** Last day. */
  end: DateString;
  /** One value per calendar day (0 where no date was given). */
  values: Float64Array;
  /** Whether the day had a value. */
  logged: boolean[];
}

// ------------------------------------------------------------------ zones

/** Request of `zoneTable`. */
export interface ZoneTableRequest {
  athlete: Athlete;
  system: ZoneSystem;
}
/** One zone of a table, with bounds in the system's unit. */
export interface Zone {
  /** Short name (`Z1`, `Z5a`, `E`…). */
  name: string;
  /** What the zone is for. */
  description: string;
  /** Lower bound in the reference unit (fraction: 0.85 = 85 %; CR-10 points for RPE). */
  lower_fraction: number;
  /** Bound at the easy end (for pace: the slower pace; null for the easiest pace zone). */
  from: number | null;
  /** Bound at the hard end (for pace: the faster pace; null for the top zone). */
  to: number | null;
  /** Seiler zone. */
  seiler: SeilerZone;
}
/** Response of `zoneTable`: an athlete's zone table. */
export interface ZoneTable {
  system: ZoneSystem;
  /** What is measured. */
  measure: Measure;
  /** Unit of `from`/`to`: `bpm`, `s/km`, `W` or `CR-10`. */
  unit: 'bpm' | 's/km' | 'W' | 'CR-10';
  /** The reference value the fractions apply to (HRmax, LTHR, threshold pace…). */
  reference: number;
  /** The zones, easiest first. */
  zones: Zone[];
  /** Where the percentages come from. */
  source: string;
}

/** Request of `classify`. */
export interface ClassifyRequest {
  athlete: Athlete;
  system: ZoneSystem;
  /** The value in the system's unit (bpm, s/km, W, CR-10). */
  value: number;
}
/** Response of `classify` and `classifySession`. */
export interface Classification {
  /** Zone index in the table (0 = easiest). */
  zone: number;
  /** Zone name. */
  name: string;
  /** Seiler zone. */
  seiler: SeilerZone;
}

/** Request of `classifySession`. */
export interface ClassifySessionRequest {
  athlete: Athlete;
  system: ZoneSystem;
  /** Classified by its average (heart rate, pace, power or RPE). */
  session: Session;
}

/** Request of `intensityDistribution`. */
export interface IntensityDistributionRequest {
  log: LogDocument;
  /** The athlete (default: the log's). */
  athlete?: Athlete | null;
  system: ZoneSystem;
  /** First day counted. */
  start?: DateInput | null;
  /** Last day counted. */
  end?: DateInput | null;
}
/** Treff's polarization index with its edge rules. */
export interface Polarization {
  /** `log10((Z1/Z2)·Z3·100)` in a.u.; null when not meaningful. */
  index: number | null;
  /** Whether the distribution is polarized (index > 2.00). */
  polarized: boolean;
  distribution: DistributionType;
  /** Which edge rule applied, if any. */
  note: string | null;
}
/** Response of `intensityDistribution`: time in zone of a log. */
export interface IntensityDistribution {
  system: ZoneSystem;
  /** Zone names, in table order. */
  zone_names: string[];
  /** Seconds in each zone of the table. */
  zone_seconds: number[];
  /** Seconds in Seiler zones 1, 2, 3. */
  seiler_seconds: [number, number, number];
  /** Fractions of classified time in Seiler zones 1, 2, 3. */
  seiler_fractions: [number, number, number];
  /** Seconds of sessions without data for this system. */
  unclassified_seconds: number;
  /** Sessions counted. */
  sessions: number;
  polarization: Polarization;
  /** Share of classified time in Seiler zone 1. */
  easy_fraction: number;
  /** Whether at least 80 % of classified time is easy. */
  meets_80_20: boolean;
}

/** Request of `polarizationIndex`: time (any unit) or fractions in Seiler zones 1–3. */
export interface PolarizationRequest {
  z1: number;
  z2: number;
  z3: number;
}

// ------------------------------------------------------------------ performance

/** A race result; the request of `vdotFromRace`. */
export interface Race {
  /** Distance, m. */
  distance_m: number;
  /** Time, s. */
  time_s: number;
}
/** Response of `vdotFromRace`. */
export interface VdotResponse {
  /** VDOT, ml/kg/min. */
  vdot: number;
}

/** Request of `equivalentTime`. */
export interface EquivalentTimeRequest {
  vdot: number;
  /** Target distance, m. */
  distance_m: number;
}
/** A predicted race time (`equivalentTime`, `riegelPredict`, `cameronPredict`). */
export interface RaceTime {
  /** Time, s. */
  time_s: number;
  /** Average pace, s/km. */
  pace_s_per_km: number;
}

/** Request of `trainingPaces`. */
export interface TrainingPacesRequest {
  /** VDOT (15–90). */
  vdot: number;
}
/** A training pace band. */
export interface TrainingPace {
  intensity: Intensity;
  /** Lower fraction of VDOT. */
  fraction_low: number;
  /** Upper fraction of VDOT. */
  fraction_high: number;
  /** Slowest pace of the band, s/km. */
  slow_s_per_km: number;
  /** Fastest pace of the band, s/km. */
  fast_s_per_km: number;
  /** The pace to aim for, s/km. */
  target_s_per_km: number;
}
/** Response of `trainingPaces`. */
export interface TrainingPacesResponse {
  /** E, M, T, I, R. */
  paces: TrainingPace[];
}

/** Request of `riegelPredict` and `cameronPredict`. */
export interface PredictRequest {
  /** Race distance, m. */
  distance_m: number;
  /** Race time, s. */
  time_s: number;
  /** Target distance, m. */
  to_distance_m: number;
  /** Riegel exponent (default 1.06; ignored by Cameron). */
  exponent?: number | null;
}

/** Request of `riegelExponent`. */
export interface TwoRacesRequest {
  first: Race;
  /** Over a different distance. */
  second: Race;
}
/** Response of `riegelExponent`. */
export interface ExponentResponse {
  exponent: number;
}

// ------------------------------------------------------------------ load

/** Request of `sessionLoad`. */
export interface SessionLoadRequest {
  session: Session;
  /** The athlete (default: empty profile). */
  athlete?: Athlete | null;
  /** Method (default `auto`). */
  method?: LoadMethod | null;
  /** Banister coefficients (default `sex_specific`). */
  trimp_coefficients?: TrimpCoefficients | null;
}
/** Response of `sessionLoad`: a session's load and how it was computed. */
export interface SessionLoad {
  /** The load. */
  value: number;
  /** The method used (never `auto`). */
  method: Exclude<LoadMethod, 'auto'>;
  /** `TSS` (1 h at threshold = 100) or `AU`. */
  unit: 'TSS' | 'AU';
}

/** Request of `dailyLoads` and `weeklySummary`. */
export interface LogLoadRequest {
  log: LogDocument;
  /** The athlete (default: the log's). */
  athlete?: Athlete | null;
  /** Method (default `auto`). */
  method?: LoadMethod | null;
  trimp_coefficients?: TrimpCoefficients | null;
  /** Sessions lacking data: `error` (default) or `zero`. */
  missing?: MissingData | null;
  /** Which sessions count (default `completed`). */
  include?: Include | null;
  /** First day (default: the log's first). */
  start?: DateInput | null;
  /** Last day (default: the log's last). */
  end?: DateInput | null;
  /** Weeks: `calendar` (default) or `rolling` (weeklySummary only). */
  week?: WeekMode | null;
  /** SD for monotony: `sample` (default) or `population` (weeklySummary only). */
  sd?: SdKind | null;
}
/** Response of `dailyLoads`. */
export interface DailyLoadsResponse {
  /** First day. */
  start: DateString;
  /** Last day. */
  end: DateString;
  /** Load per day. */
  load: Float64Array;
  /** Whether anything was logged that day (a rest session counts). */
  logged: boolean[];
  /** Sessions scored by each method. */
  methods: MethodCounts;
  /** Sessions counted as zero for lack of data (with `missing: 'zero'`). */
  zeroed_sessions: number;
  /** Set when TSS-scale and AU-scale loads were summed together. */
  warning: string | null;
}

/** Request of `weeklyLoads`. */
export interface WeeklyLoadsRequest {
  /** Date of the first load. */
  start: DateInput;
  /** One load per day. */
  loads: NumberList;
  /** Whether each day was logged (default: all), for `logged_days`. */
  logged?: readonly boolean[] | null;
  /** Weeks: `calendar` (default) or `rolling`. */
  week?: WeekMode | null;
  /** SD: `sample` (default) or `population`. */
  sd?: SdKind | null;
}
/** Load statistics of one 7-day window. */
export interface WeekLoad {
  /** First day of the window. */
  start: DateString;
  /** Last day of the window. */
  end: DateString;
  /** Days of the window inside the series (7 unless cut by the series' ends). */
  days: number;
  /** Days with something logged. */
  logged_days: number;
  /** Sum of daily loads. */
  load: number;
  /** Mean daily load. */
  mean: number;
  /** SD of daily loads (rest days as 0). */
  sd: number | null;
  /** mean / SD; null for an incomplete week or an SD of 0. */
  monotony: number | null;
  /** load × monotony; null with monotony. */
  strain: number | null;
  /** Change of load from the previous window, % (null if that was 0). */
  load_change_pct: number | null;
}
/** Response of `weeklyLoads`. */
export interface WeeklyLoadsResponse {
  /** One entry per window. */
  weeks: WeekLoad[];
}

/** Volume of one calendar week. */
export interface WeekVolume {
  /** Monday of the week. */
  week_start: DateString;
  /** Completed sessions. */
  sessions: number;
  /** Total duration, s. */
  duration_s: number;
  /** Total distance, m. */
  distance_m: number;
  /** Running duration, s. */
  run_duration_s: number;
  /** Running distance, m. */
  run_distance_m: number;
  /** Change of total duration from the previous week, %. */
  duration_change_pct: number | null;
  /** Change of running distance from the previous week, %. */
  run_distance_change_pct: number | null;
}
/** Response of `weeklySummary`. */
export interface WeeklySummaryResponse {
  /** Load windows (calendar weeks or rolling). */
  weeks: WeekLoad[];
  /** Volume per calendar week. */
  volume: WeekVolume[];
  methods: MethodCounts;
  warning: string | null;
}

// ------------------------------------------------------------------ model

/** Request of `pmc`. */
export interface PmcRequest {
  /** Date of the first load. */
  start: DateInput;
  /** One load per calendar day (≥ 0). */
  loads: NumberList;
  /** Whether each day was logged (default: all). */
  logged?: readonly boolean[] | null;
  /** Fitness time constant, days (42). */
  fitness_days?: number | null;
  /** Fatigue time constant, days (7). */
  fatigue_days?: number | null;
  gain?: Gain | null;
  form_day?: FormDay | null;
  /** Fitness the day before `start` (0). */
  fitness_seed?: number | null;
  /** Fatigue the day before `start` (0). */
  fatigue_seed?: number | null;
}
/** Response of `pmc`: fitness (CTL), fatigue (ATL), form (TSB) per day. */
export interface PmcResponse {
  /** First day. */
  start: DateString;
  /** Last day. */
  end: DateString;
  /** Fitness (CTL) at the end of each day. */
  fitness: Float64Array;
  /** Fatigue (ATL) at the end of each day. */
  fatigue: Float64Array;
  /** Form (TSB) on each day, per `form_day`. */
  form: Float64Array;
  /** Form as % of fitness (null while fitness is 0). */
  form_pct: (number | null)[];
  /** Fitness change over 7 days (null for the first 7 days). */
  ramp: (number | null)[];
  /** Share of logged days in the fitness window ending each day. */
  fitness_coverage: number[];
  /** Share of logged days in the fatigue window ending each day. */
  fatigue_coverage: number[];
  /** The conventions used. */
  options: PmcOptions;
}

/** Request of `logPmc`. */
export interface LogPmcRequest {
  log: LogDocument;
  /** The athlete (default: the log's). */
  athlete?: Athlete | null;
  /** Load method (default `auto`). */
  method?: LoadMethod | null;
  trimp_coefficients?: TrimpCoefficients | null;
  /** Sessions lacking data: `error` (default) or `zero`. */
  missing?: MissingData | null;
  /** Completed sessions count up to this day, planned ones after it (default: the last completed session's date). */
  today?: DateInput | null;
  /** Project to this day (default: the log's last date). */
  end?: DateInput | null;
  fitness_days?: number | null;
  fatigue_days?: number | null;
  gain?: Gain | null;
  form_day?: FormDay | null;
  /** Fitness the day before the log's first day (0). */
  fitness_seed?: number | null;
  /** Fatigue the day before the log's first day (0). */
  fatigue_seed?: number | null;
}
/** Response of `logPmc`: the PMC of a log, projected through its planned sessions. */
export interface LogPmcResponse extends PmcResponse {
  /** The daily loads used (completed up to `today`, planned after). */
  load: Float64Array;
  /** The day separating history from projection. */
  today: DateString;
  methods: MethodCounts;
  warning: string | null;
}

/** Request of `acwr`. */
export interface AcwrRequest {
  /** Date of the first load. */
  start: DateInput;
  /** One load per calendar day. */
  loads: NumberList;
  /** Whether each day was logged (default: all). */
  logged?: readonly boolean[] | null;
  method?: AcwrMethod | null;
  /** Acute window, days (7). */
  acute_days?: number | null;
  /** Chronic window, days (28). */
  chronic_days?: number | null;
  decay?: EwmaDecay | null;
  seed?: EwmaSeed | null;
  /** Minimum share of logged days in the chronic window (0.75). */
  min_coverage?: number | null;
}
/** Response of `acwr` (one entry per day). */
export interface AcwrResponse {
  /** First day. */
  start: DateString;
  /** Acute load. */
  acute: Float64Array;
  /** Chronic load. */
  chronic: Float64Array;
  /** acute / chronic, null when not meaningful. */
  ratio: (number | null)[];
  /** Gabbett's band, null with the ratio. */
  band: (AcwrBand | null)[];
  /** Why the ratio is null. */
  gap: (AcwrGap | null)[];
  /** The options used. */
  options: AcwrOptions;
}

/** Request of `banisterSimulate`. */
export interface BanisterSimulateRequest {
  /** One load per calendar day. */
  loads: NumberList;
  params: BanisterParams;
  timing?: LoadTiming | null;
}
/** Response of `banisterSimulate` and `banisterForecast`. */
export interface PerformanceResponse {
  /** Predicted performance per day. */
  performance: Float64Array;
}

/** Request of `banisterResponse`. */
export interface BanisterResponseRequest {
  params: BanisterParams;
}
/** Response of `banisterResponse`: one session's response per unit load. */
export interface ImpulseResponse {
  /** Days until the response crosses zero (0 when k2 ≤ k1). */
  t_n: number;
  /** Days until the response peaks. */
  t_star: number;
  /** The peak response per unit load. */
  peak: number;
  /** The response on the session day itself, `k1 − k2`. */
  initial: number;
}

/** A dated performance test. */
export interface PerformanceTest {
  /** The day of the test (inside the load series). */
  date: DateInput;
  /** The result (higher is better, e.g. a VDOT or a speed). */
  value: number;
}
/** Request of `banisterFit`. */
export interface BanisterFitRequest {
  /** Date of the first load. */
  start: DateInput;
  /** One load per calendar day. */
  loads: NumberList;
  /** The tests, in date order, inside the series. */
  tests: readonly PerformanceTest[];
  /** Hold τ1 fixed. */
  fixed_tau1?: number | null;
  /** Hold τ2 fixed. */
  fixed_tau2?: number | null;
  timing?: LoadTiming | null;
}
/** Response of `banisterFit`: a fitted model and how well it fits. */
export interface BanisterFit {
  params: BanisterParams;
  /** Sum of squared errors at the tests. */
  sse: number;
  /** Root mean squared error. */
  rmse: number;
  /** Coefficient of determination (null when the tests do not vary). */
  r2: number | null;
  /** SSE of the starting guess, never lower than `sse`. */
  initial_sse: number;
  /** Number of tests. */
  tests: number;
  /** Free parameters. */
  free_parameters: number;
  /** Too few tests, optimum on a bound, ill-conditioning. */
  warnings: string[];
}

/** Request of `banisterForecast`. */
export interface BanisterForecastRequest {
  /** The daily loads so far. */
  loads: NumberList;
  /** The planned daily loads from the next day on (at least one). */
  planned_loads: NumberList;
  params: BanisterParams;
  timing?: LoadTiming | null;
}

/**
 * A matrix for the batch functions: one row per athlete (plain arrays or
 * typed arrays, all of one length), or one flat row-major `Float64Array`
 * with `days` (the row length) beside it: the fastest form. Results come
 * back in the same form (rows as `Float64Array`s, or flat plus `days`).
 */
export type BatchMatrix = readonly NumberList[] | Float64Array;

/**
 * Daily loads of many athletes, one row each (all of one length): an array of
 * rows (each a `Float64Array` — copied in one go — another typed array or an
 * array of numbers), or one flat row-major `Float64Array` with `days` (the row
 * length) beside it, the fastest form. Results come back in the same form.
 */
export type LoadMatrix = readonly NumberList[] | Float64Array;

/** Request of `pmcBatch`. */
export interface PmcBatchRequest {
  /** One row of daily loads per athlete, or a flat `Float64Array` with `days`. */
  loads: LoadMatrix;
  /** The row length when `loads` is flat. */
  days?: number | null;
  /** Only each athlete's last day (one value per athlete). */
  latest?: boolean | null;
  fitness_days?: number | null;
  fatigue_days?: number | null;
  gain?: Gain | null;
  form_day?: FormDay | null;
  fitness_seed?: number | null;
  fatigue_seed?: number | null;
}
/** Response of `pmcBatch` for rows: one `Float64Array` per athlete. */
export interface PmcBatchRows {
  fitness: Float64Array[];
  fatigue: Float64Array[];
  form: Float64Array[];
}
/** Response of `pmcBatch` for a flat `loads`: flat row-major arrays and their row length. */
export interface PmcBatchFlat {
  fitness: Float64Array;
  fatigue: Float64Array;
  form: Float64Array;
  days: number;
}
/** Response of `pmcBatch` with `latest: true`: one value per athlete. */
export interface PmcBatchLatest {
  fitness: Float64Array;
  fatigue: Float64Array;
  form: Float64Array;
}
/** Response of `pmcBatch`. */
export type PmcBatchResponse = PmcBatchRows | PmcBatchFlat | PmcBatchLatest;

/** Request of `acwrBatch` (every day counts as logged). */
export interface AcwrBatchRequest {
  /** One row of daily loads per athlete, or a flat `Float64Array` with `days`. */
  loads: LoadMatrix;
  /** The row length when `loads` is flat. */
  days?: number | null;
  method?: AcwrMethod | null;
  acute_days?: number | null;
  chronic_days?: number | null;
  decay?: EwmaDecay | null;
  seed?: EwmaSeed | null;
}
/** Response of `acwrBatch` for rows; `ratio` is NaN where no ratio is meaningful. */
export interface AcwrBatchRows {
  acute: Float64Array[];
  chronic: Float64Array[];
  ratio: Float64Array[];
}
/** Response of `acwrBatch` for a flat `loads`. */
export interface AcwrBatchFlat {
  acute: Float64Array;
  chronic: Float64Array;
  ratio: Float64Array;
  days: number;
}
/** Response of `acwrBatch`. */
export type AcwrBatchResponse = AcwrBatchRows | AcwrBatchFlat;

/** Request of `banisterFitBatch`. */
export interface BanisterFitBatchRequest {
  /** One row of daily loads per athlete, or a flat `Float64Array` with `days`. */
  loads: LoadMatrix;
  /** Test results in the same shape; NaN, `null` or `undefined` where there was no test. */
  tests: ReadonlyArray<NumberList | ReadonlyArray<number | null | undefined>> | Float64Array;
  /** The row length when the matrices are flat. */
  days?: number | null;
  fixed_tau1?: number | null;
  fixed_tau2?: number | null;
  timing?: LoadTiming | null;
}
/** One athlete's outcome in a batch fit: `fit`, or `error_code` and `error`. */
export interface BatchFitOutcome {
  fit: BanisterFit | null;
  error_code: ErrorCode | null;
  error: string | null;
}
/** Response of `banisterFitBatch`: the outcomes, and the same as columns (NaN for a failed athlete). */
export interface BanisterFitBatchResponse {
  /** One outcome per athlete. */
  athletes: BatchFitOutcome[];
  p0: Float64Array;
  k1: Float64Array;
  tau1: Float64Array;
  k2: Float64Array;
  tau2: Float64Array;
  sse: Float64Array;
  rmse: Float64Array;
  /** NaN also where the tests do not vary. */
  r2: Float64Array;
  /** Per athlete, null for a success. */
  error_code: (ErrorCode | null)[];
  /** Per athlete, null for a success. */
  error: (string | null)[];
}

// ------------------------------------------------------------------ Busso

/** The six parameters of Busso's variable dose-response model. */
export interface BussoParams {
  /** Baseline performance. */
  p0: number;
  /** Fitness gain (≥ 0). */
  k1: number;
  /** Fitness time constant, days (1–1000). */
  tau1: number;
  /** Growth of the fatigue gain per unit of recent load (≥ 0). */
  k3: number;
  /** Fatigue time constant, days (1–1000). */
  tau2: number;
  /** Time constant of the fatigue gain's memory of load, days (1–1000). */
  tau3: number;
}
/** Request of `bussoSimulate`. */
export interface BussoSimulateRequest {
  /** One load per calendar day. */
  loads: NumberList;
  params: BussoParams;
}
/** Request of `bussoFit`. */
export interface BussoFitRequest {
  /** Date of the first load. */
  start: DateInput;
  /** One load per calendar day. */
  loads: NumberList;
  /** The tests, in date order, inside the series (at least 6). */
  tests: readonly PerformanceTest[];
}
/** Response of `bussoFit`: a fitted Busso model. */
export interface BussoFit {
  params: BussoParams;
  /** Sum of squared errors at the tests. */
  sse: number;
  /** Root mean squared error. */
  rmse: number;
  /** Coefficient of determination (null when the tests do not vary). */
  r2: number | null;
  /** SSE of the best grid point, never lower than `sse`. */
  initial_sse: number;
  /** Number of tests. */
  tests: number;
  /** Too few tests, optimum on a bound. */
  warnings: string[];
}

// ------------------------------------------------------------------ readiness

/** A morning HRV reading. */
export interface Hrv {
  /** The value, in the index's unit. */
  value: number;
  index: HrvIndex;
}
/** Wellness items on a 1–7 scale (direction: `options.wellness_scale`). */
export interface Wellness {
  /** Sleep quality (Hooper). */
  sleep_quality?: number | null;
  /** Fatigue (Hooper). */
  fatigue?: number | null;
  /** Stress (Hooper). */
  stress?: number | null;
  /** Muscle soreness (Hooper). */
  soreness?: number | null;
  mood?: number | null;
  motivation?: number | null;
  appetite?: number | null;
}
/** One day's markers. */
export interface DayMarkers {
  /** The day. */
  date: DateInput;
  /** Morning HRV. */
  hrv?: Hrv | null;
  /** Morning resting heart rate, bpm. */
  resting_hr_bpm?: number | null;
  /** Device or method of the HRV and resting-HR measurements; a change starts a new baseline. */
  source?: string | null;
  /** Last night's sleep, h. */
  sleep_h?: number | null;
  wellness?: Wellness | null;
  /** The RPE yesterday's (or today's) session was planned at. */
  planned_rpe?: number | null;
  /** The RPE it was felt at. */
  felt_rpe?: number | null;
  /** Ill today (forces rest). */
  ill?: boolean | null;
  /** Pain that may be an injury (forces rest from running). */
  injury_pain?: boolean | null;
}
/** Outputs of the fitness-fatigue engine that join the readiness decision. */
export interface EngineState {
  /** Form as % of fitness (TSB / CTL × 100); below −30 % is a minor flag. */
  form_pct?: number | null;
  /** Body systems still above the ready threshold (from `recoveryState`); 2 or more is a minor flag. */
  systems_not_ready?: number | null;
}
/** Baseline windows and thresholds (all optional). */
export interface ReadinessOptions {
  mode?: ReadinessMode | null;
  /** HRV and resting-HR baseline window, days (60). */
  baseline_days?: number | null;
  /** Wellness baseline window, days (28). */
  wellness_baseline_days?: number | null;
  /** Valid days before a baseline exists (14). */
  min_baseline_days?: number | null;
  /** Rolling window for the HRV mean, days (7). */
  rolling_days?: number | null;
  /** Valid days needed in the rolling window (3). */
  min_rolling_days?: number | null;
  /** Smallest worthwhile change, in baseline SDs (0.5). */
  swc_sd?: number | null;
  hrv_above_band?: HrvAboveBand | null;
  /** Resting HR: minor flag above baseline, bpm (3). */
  rhr_minor_bpm?: number | null;
  /** Resting HR: major flag above baseline, bpm (5). */
  rhr_major_bpm?: number | null;
  /** Sleep: minor below, h (7). */
  sleep_minor_h?: number | null;
  /** Sleep: major below, h (5). */
  sleep_major_h?: number | null;
  /** Wellness: an item is flagged at this many SDs worse than its baseline (1). */
  wellness_z?: number | null;
  wellness_scale?: WellnessScale | null;
  /** Felt RPE this much above planned is flagged (2). */
  felt_harder_rpe?: number | null;
}

/** Request of `readiness`. */
export interface ReadinessRequest {
  /** Daily markers in date order, today last. */
  markers: readonly DayMarkers[];
  /** The engine's outputs for today, when known. */
  engine?: EngineState | null;
  options?: ReadinessOptions | null;
}
/** One marker's verdict. */
export interface MarkerFinding {
  marker: MarkerName;
  rating: MarkerRating;
  /** Today's value (ln rMSSD for HRV; bpm; h; flagged items; RPE gap). */
  value: number | null;
  /** The baseline it was compared with. */
  baseline: number | null;
  /** The band or threshold, where there is one: [low, high]. */
  band: [number, number] | null;
  /** Why it counts, in words. */
  reason: string;
}
/** Response of `readiness`: today's readiness. */
export interface Readiness {
  /** The day (the last in the markers). */
  date: DateString;
  status: ReadinessStatus;
  /** 0–100. */
  score: number;
  /** 0–1: how much of the picture is known (markers present × baseline maturity). */
  confidence: number;
  /** Every marker's verdict. */
  markers: MarkerFinding[];
  /** Major flags. */
  majors: number;
  /** Minor flags. */
  minors: number;
  /** The decision in words. */
  summary: string;
}

/** Request of `readinessBaselines`. */
export interface BaselinesRequest {
  /** Daily markers in date order. */
  markers: readonly DayMarkers[];
  options?: ReadinessOptions | null;
}
/** The HRV baseline of a day (ln rMSSD). */
export interface HrvBaseline {
  /** Mean ln rMSSD of the baseline window. */
  mean: number;
  /** Its SD. */
  sd: number;
  /** Valid days in the window. */
  days: number;
  /** The rolling mean of ln rMSSD, if enough days. */
  rolling_mean: number | null;
  /** Coefficient of variation of ln rMSSD over the rolling window, %. */
  rolling_cv_pct: number | null;
}
/** One day of the baseline series. */
export interface BaselineDay {
  date: DateString;
  /** ln rMSSD today. */
  ln_rmssd: number | null;
  /** The HRV baseline (null while too young). */
  hrv: HrvBaseline | null;
  /** Resting HR today. */
  resting_hr_bpm: number | null;
  /** Resting-HR baseline mean. */
  resting_hr_baseline: number | null;
  /** Resting-HR baseline SD. */
  resting_hr_sd: number | null;
  /** Hooper sum today. */
  hooper: number | null;
}
/** Response of `readinessBaselines`. */
export interface BaselinesResponse {
  /** One entry per marker day. */
  days: BaselineDay[];
}

/** Daily loads given directly. */
export interface DatedLoads {
  /** The first day. */
  start: DateInput;
  /** One load per day. */
  values: NumberList;
}
/** Request of `warningSigns`: markers, and a log or the loads (not both). */
export interface WarningSignsRequest {
  /** Daily markers in date order, today last. */
  markers: readonly DayMarkers[];
  /** A training log (its completed sessions give the daily loads, by `method`). */
  log?: LogDocument | null;
  /** Or the daily loads directly. */
  loads?: DatedLoads | null;
  /** Load method for the log (default `session_rpe`). */
  method?: LoadMethod | null;
  /** Performance tests, in date order (higher is better). */
  tests?: readonly PerformanceTest[] | null;
  options?: ReadinessOptions | null;
}
/** A dated value. */
export interface Evidence {
  date: DateString;
  /** The value (bpm, ln rMSSD, rating, test result, ratio…). */
  value: number;
}
/** A warning sign over weeks, with its evidence. */
export interface WarningSign {
  sign: WarningSignName;
  /** Dates and values behind it. */
  evidence: Evidence[];
  /** What to do, in plain words. */
  recommendation: string;
}
/** Response of `warningSigns`. */
export interface WarningSignsResponse {
  /** The signs found (empty: none). */
  signs: WarningSign[];
}

/** Request of `adaptSession`. */
export interface AdaptSessionRequest {
  /** Today's planned session. */
  planned: Session;
  /** Daily markers in date order, today last. */
  markers: readonly DayMarkers[];
  engine?: EngineState | null;
  options?: ReadinessOptions | null;
}
/** Response of `adaptSession`: the session to do today, why, and the readiness it follows. */
export interface AdaptSessionResponse {
  /** What changed. */
  action: Adaptation;
  /** The session to do. */
  session: CanonicalSession;
  /** Why, in plain words. */
  reason: string;
  readiness: Readiness;
}

// ------------------------------------------------------------------ recovery

/** Request of `recoveryPrescription`. */
export interface RecoveryPrescriptionRequest {
  /** The session just done. */
  session: Session;
  /** Body mass, kg (default: the athlete's; one of the two is needed). */
  body_mass_kg?: number | null;
  /** The athlete (for body mass). */
  athlete?: Athlete | null;
  /** Hours until the next session. */
  hours_to_next_session?: number | null;
  /** Body mass before the session, kg. */
  pre_mass_kg?: number | null;
  /** Body mass after, kg. */
  post_mass_kg?: number | null;
  /** Fluid drunk during the session, L. */
  fluid_drunk_l?: number | null;
  /** Sweat loss measured another way, L. */
  sweat_loss_l?: number | null;
  /** Hours of training per day this block. */
  training_h_per_day?: number | null;
  /** Last night's sleep, h. */
  last_sleep_h?: number | null;
  /** Deeply fatigued (or readiness said rest). */
  deeply_fatigued?: boolean | null;
  ill?: boolean | null;
  /** Pain that may be an injury. */
  injury_pain?: boolean | null;
  /** In a heavy training block. */
  heavy_block?: boolean | null;
}
/** A range [low, high]. */
export type Range = [number, number];
/** Carbohydrate advice (Rust `recovery::Carbohydrate`). */
export interface CarbohydrateAdvice {
  /** g per hour for the first 4 h, when the next session is within 24 h. */
  grams_per_hour: Range | null;
  /** Over those 4 h, g. */
  first_4h_grams: Range | null;
  /** Today's total target, g. */
  daily_grams: Range;
  /** g/kg/day band used. */
  daily_g_per_kg: Range;
  /** Why, and the source. */
  note: string;
}
/** Protein advice. */
export interface ProteinAdvice {
  /** Soon after the session and at each later feed, g. */
  grams: Range;
  /** Repeat every this many hours. */
  every_h: Range;
  note: string;
}
/** Fluid advice. */
export interface FluidAdvice {
  /** Body mass (or sweat) lost, kg. */
  lost_kg: number | null;
  /** To drink over the next hours, L. */
  litres: Range | null;
  note: string;
}
/** Sleep advice. */
export interface SleepAdvice {
  /** Tonight's target, h. */
  target_h: Range;
  /** A nap, when it helps: minutes. */
  nap_min: Range | null;
  note: string;
}
/** One active-recovery option. */
export interface ActiveRecovery {
  option: ActiveRecoveryOption;
  /** Suggested duration, min (0 for rest). */
  minutes: Range;
  /** Why it ranks here. */
  reason: string;
}
/** Response of `recoveryPrescription`: everything to do after a session. */
export interface Prescription {
  carbohydrate: CarbohydrateAdvice;
  protein: ProteinAdvice;
  fluid: FluidAdvice;
  sleep: SleepAdvice;
  /** Active-recovery options, best first. */
  active_recovery: ActiveRecovery[];
}

// ------------------------------------------------------------------ plan rules

/** Every rule's parameters (all optional). */
export interface RuleParams {
  /** Largest weekly increase of running volume, fraction (0.10). */
  max_weekly_increase?: number | null;
  /** An increase above this is critical (0.30). */
  critical_weekly_increase?: number | null;
  /** Most weeks in a row without a cutback (3). */
  max_weeks_without_cutback?: number | null;
  /** A cutback week is at least this much below the highest of the 3 before (0.20). */
  cutback_fraction?: number | null;
  /** Hours between hard sessions (48). */
  min_hours_between_hard?: number | null;
  /** Most hard sessions a week (3). */
  max_hard_per_week?: number | null;
  /** Fewest easy share of running time (0.80). */
  min_easy_share?: number | null;
  /** Largest long-run share of the week's running (0.30). */
  max_long_run_share?: number | null;
  /** Longest long run, min (150). */
  max_long_run_min?: number | null;
  /** Largest fitness ramp per week, TSS-equivalent (8). */
  max_ctl_ramp?: number | null;
  /** The week before a race at most this share of the pre-taper weeks (0.80). */
  max_race_week_share?: number | null;
}
/** Request of `checkRules`. */
export interface CheckRulesRequest {
  /** The log or plan document. */
  log: LogDocument;
  /** The athlete (default: the document's). */
  athlete?: Athlete | null;
  /** A goal race date (planned race sessions count too). */
  goal_race?: DateInput | null;
  /** Only these rules (default: all). */
  rules?: readonly RuleId[] | null;
  /** `planned`, `completed` or `both` (default). */
  scope?: RuleScope | null;
  params?: RuleParams | null;
}
/** One rule's finding. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The dates involved. */
  dates: DateString[];
  /** What is wrong, in plain words. */
  message: string;
  /** A concrete fix. */
  fix: string;
}
/** Response of `checkRules`. */
export interface CheckRulesResponse {
  /** The findings, by date. */
  findings: Finding[];
  /** The rules that ran. */
  rules: RuleId[];
}

// ------------------------------------------------------------------ taper

/** The shape of a taper's volume reduction (tagged by `kind`). */
export type TaperShape =
  | { kind: 'step' }
  | { kind: 'linear' }
  /** An exponential decrease with time constant `tau_days` (2–30). */
  | { kind: 'exponential'; tau_days: number }
  /** A reduction, then the last 3 days raised by `rise` (0–0.5). */
  | { kind: 'two_phase'; rise: number };
/** A taper (input; every field optional). */
export interface TaperSpec {
  /** Length, days before the race (8–21; 14). */
  length_days?: number | null;
  /** Mean volume reduction over the taper (0.41–0.60; 0.5). */
  volume_cut?: number | null;
  /** Shape (exponential, τ = 5 days). */
  shape?: TaperShape | null;
  /** Share of the taper's easy sessions dropped (0–0.2; 0). */
  frequency_cut?: number | null;
}
/** A taper as used (every field filled in). */
export interface ResolvedTaperSpec {
  length_days: number;
  volume_cut: number;
  shape: TaperShape;
  frequency_cut: number;
}
/** The model a taper is scored with (tagged by `kind`; default `default_busso`). */
export type TaperModel =
  | { kind: 'default_busso' }
  | { kind: 'busso'; params: BussoParams }
  | { kind: 'banister'; params: BanisterParams };

/** Request of `taperApply`. */
export interface TaperApplyRequest {
  /** The plan (a log document with planned sessions). */
  log: LogDocument;
  /** The race day. */
  race_date: DateInput;
  taper?: TaperSpec | null;
}
/** Response of `taperApply`. */
export interface TaperedPlan {
  /** The document with the taper applied. */
  plan: CanonicalLogDocument;
  /** The daily factors, from the first taper day. */
  factors: number[];
  /** The first taper day. */
  taper_start: DateString;
  /** Planned running time over the taper days before, s. */
  volume_before_s: number;
  /** And after, s. */
  volume_after_s: number;
  /** Sessions dropped by the frequency cut. */
  dropped_sessions: number;
}

/** Request of `taperScore`. */
export interface TaperScoreRequest {
  /** History and plan in one document. */
  log: LogDocument;
  /** The athlete (default: the document's). */
  athlete?: Athlete | null;
  /** The race day. */
  race_date: DateInput;
  taper?: TaperSpec | null;
  /** Load method (default `session_rpe`). */
  method?: LoadMethod | null;
  /** The model (default `{ kind: 'default_busso' }`). */
  model?: TaperModel | null;
}
/** A taper's projected race day (response of `taperScore`). */
export interface TaperScore {
  /** The taper (null for the plan without one). */
  spec: ResolvedTaperSpec | null;
  /** Fitness on race morning. */
  fitness: number;
  /** Fatigue on race morning. */
  fatigue: number;
  /** Form on race morning (next-day convention). */
  form: number;
  /** Predicted performance on race day (the model's units; higher is better). */
  performance: number;
}

/** Request of `taperOptimize`. */
export interface TaperOptimizeRequest {
  /** History and plan in one document (at least 21 days before the race). */
  log: LogDocument;
  athlete?: Athlete | null;
  race_date: DateInput;
  /** Load method (default `session_rpe`). */
  method?: LoadMethod | null;
  model?: TaperModel | null;
  /** How many runners-up (0–100; 5). */
  alternatives?: number | null;
}
/** Response of `taperOptimize`. */
export interface TaperOptimum {
  /** The best taper's score. */
  best: TaperScore;
  /** The next best, best first. */
  alternatives: TaperScore[];
  /** Candidates scored. */
  candidates: number;
  /** The score without any taper (the plan as it is). */
  no_taper: TaperScore;
}

// ------------------------------------------------------------------ plan

/** A weekday as chrono writes it (`Mon` … `Sun`; full names are accepted too). */
export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';
/** Experience level. */
export type Experience = 'novice' | 'intermediate' | 'experienced';

/** Request of `generatePlan`. */
export interface GeneratePlanRequest {
  /** The first day of the plan. */
  start: DateInput;
  /** The race day (at least 3 weeks after `start`). */
  race_date: DateInput;
  /** The race distance, m. */
  race_distance_m: number;
  /** A goal time, s. */
  goal_time_s?: number | null;
  /** Current weekly running distance, km. */
  weekly_km: number;
  /** Current long run, km. */
  long_run_km?: number | null;
  /** VDOT (or give the athlete's). */
  vdot?: number | null;
  /** Days available for running (default: every day). */
  available_days?: Weekday[] | null;
  /** The long run's day (default Sunday). */
  long_run_day?: Weekday | null;
  experience?: Experience | null;
  /** Quality sessions a week besides the long run (1–3). */
  hard_sessions_per_week?: number | null;
  athlete?: Athlete | null;
}
/** One planned session with its targets. */
export interface PlannedSession {
  session: Session;
  /** The week of the plan (1 = first). */
  week: number;
  /** `base`, `build`, `peak`, `taper` or `race`. */
  phase: string;
  /** Target pace, s/km. */
  target_pace_s_per_km: number | null;
  target_zone: Intensity | null;
  /** Why this session. */
  purpose: string;
}
/** Response of `generatePlan`. */
export interface Plan {
  sessions: PlannedSession[];
  /** The plan as a log document. */
  document: LogDocument;
  /** Planned running distance per week, km. */
  weekly_km: number[];
  vdot: number;
  /** The weekly progression used. */
  progression: number;
  notes: string[];
}
/** Request of `replanWeek`. */
export interface ReplanRequest {
  /** The plan and what was done, in one document. */
  log: LogDocument;
  today: DateInput;
  readiness?: ReadinessStatus | null;
}
/** A change made by re-planning. */
export interface PlanChange {
  date: string;
  /** `moved`, `dropped`, `eased` or `rest`. */
  action: string;
  to: string | null;
  reason: string;
}
/** Response of `replanWeek`. */
export interface Replan {
  document: LogDocument;
  changes: PlanChange[];
}

// ------------------------------------------------------------------ calendar

/** Request of `toIcalendar`. */
export interface ToIcalendarRequest {
  /** The log document (a plan's `document`, or any log). */
  log: LogDocument;
  /** Which sessions (default `planned`). */
  include?: Include | null;
  /** Rest sessions too (default `false`: a rest day is not an event to attend). */
  include_rest?: boolean | null;
  /** The calendar's name, `X-WR-CALNAME` (default `"runrecovery plan"`; any text, escaped). */
  calendar_name?: string | null;
  /** Every event's DTSTAMP (default: the log's first date at `00:00:00Z`; the library reads no clock). */
  stamp?: UtcDateTimeString | null;
}
/** Response of `toIcalendar`: an iCalendar file (RFC 5545). */
export interface Calendar {
  /** The file's text: CRLF line endings, lines folded at 75 octets. */
  ics: string;
  /** The number of events (`VEVENT`s). */
  events: number;
}

// ------------------------------------------------------------------ supercompensation

/** Request of `recoveryState`. */
export interface RecoveryStateRequest {
  log: LogDocument;
  /** The athlete (default: the log's). */
  athlete?: Athlete | null;
  /** The day (the state is taken at `options.day_hour`, 8 h by default). */
  date: DateInput;
  /** A clock time instead of `day_hour`. */
  time?: TimeString | null;
  /** Model constants. */
  options?: RecoveryOptions | null;
}
/** One body system's state. */
export interface SystemState {
  system: BodySystem;
  /** Residual fatigue, in reference hard sessions. */
  fatigue: number;
  status: SystemStatus;
  /** Hours until it is at or below `ready_below` with no more training (720 at most). */
  hours_to_ready: number;
}
/** Response of `recoveryState`: every system's state at a moment. */
export interface RecoveryState {
  /** The moment. */
  at: DateTimeString;
  /** The four systems: metabolic, muscular, neuromuscular, structural. */
  systems: SystemState[];
  /** The most fatigued system. */
  limiting_system: BodySystem;
  /** The worst status. */
  overall: SystemStatus;
}

/** Request of `nextQualitySession`. */
export interface NextQualitySessionRequest {
  log: LogDocument;
  /** The athlete (default: the log's). */
  athlete?: Athlete | null;
  /** Today (sessions completed up to today count). */
  today: DateInput;
  /** The kind of the next quality session (default `intervals`). */
  kind?: SessionKind | null;
  options?: RecoveryOptions | null;
}
/** A day in the next-quality-session search. */
export interface CandidateDay {
  date: DateString;
  /** Residual fatigue of each system (metabolic, muscular, neuromuscular, structural) at `day_hour`. */
  fatigue: [number, number, number, number];
  /** Whether every stressed system is ready and the 48 h rule holds. */
  safe: boolean;
  /** The last hard session's supercompensation response (a.u.; > 0 above baseline). */
  response: number;
}
/** Response of `nextQualitySession`. */
export interface NextQualitySession {
  /** The kind planned. */
  kind: SessionKind;
  /** The first day it is safe. */
  earliest: DateString;
  /** The best day: the highest supercompensation response on or after `earliest`. */
  best: DateString;
  /** The last hard session, if any. */
  last_hard_session: DateString | null;
  /** The last hard session's supercompensation window: first day above baseline. */
  window_start: DateString | null;
  /** Last day the response stays above half its peak. */
  window_end: DateString | null;
  /** Systems the planned kind stresses. */
  stressed_systems: BodySystem[];
  /** Why the earliest day is not today, in words. */
  reason: string;
  /** The days searched. */
  days: CandidateDay[];
}

// ------------------------------------------------------------------ the operations

/** Every operation by its snake_case name: its request and response types. */
export interface Operations {
  estimate_hr_max: { request: EstimateHrMaxRequest; response: EstimateHrMaxResponse };
  resolve_athlete: { request: ResolveAthleteRequest; response: ResolvedAthlete };
  read_log: { request: ReadLogRequest; response: ReadLogResponse };
  zone_table: { request: ZoneTableRequest; response: ZoneTable };
  classify: { request: ClassifyRequest; response: Classification };
  classify_session: { request: ClassifySessionRequest; response: Classification };
  intensity_distribution: { request: IntensityDistributionRequest; response: IntensityDistribution };
  polarization_index: { request: PolarizationRequest; response: Polarization };
  vdot_from_race: { request: Race; response: VdotResponse };
  equivalent_time: { request: EquivalentTimeRequest; response: RaceTime };
  training_paces: { request: TrainingPacesRequest; response: TrainingPacesResponse };
  riegel_predict: { request: PredictRequest; response: RaceTime };
  riegel_exponent: { request: TwoRacesRequest; response: ExponentResponse };
  cameron_predict: { request: PredictRequest; response: RaceTime };
  daily_series: { request: DailySeriesRequest; response: DailySeriesResponse };
  session_load: { request: SessionLoadRequest; response: SessionLoad };
  daily_loads: { request: LogLoadRequest; response: DailyLoadsResponse };
  weekly_loads: { request: WeeklyLoadsRequest; response: WeeklyLoadsResponse };
  weekly_summary: { request: LogLoadRequest; response: WeeklySummaryResponse };
  pmc: { request: PmcRequest; response: PmcResponse };
  log_pmc: { request: LogPmcRequest; response: LogPmcResponse };
  acwr: { request: AcwrRequest; response: AcwrResponse };
  banister_simulate: { request: BanisterSimulateRequest; response: PerformanceResponse };
  banister_response: { request: BanisterResponseRequest; response: ImpulseResponse };
  banister_fit: { request: BanisterFitRequest; response: BanisterFit };
  banister_forecast: { request: BanisterForecastRequest; response: PerformanceResponse };
  pmc_batch: { request: PmcBatchRequest; response: PmcBatchResponse };
  acwr_batch: { request: AcwrBatchRequest; response: AcwrBatchResponse };
  banister_fit_batch: { request: BanisterFitBatchRequest; response: BanisterFitBatchResponse };
  readiness: { request: ReadinessRequest; response: Readiness };
  readiness_baselines: { request: BaselinesRequest; response: BaselinesResponse };
  warning_signs: { request: WarningSignsRequest; response: WarningSignsResponse };
  adapt_session: { request: AdaptSessionRequest; response: AdaptSessionResponse };
  recovery_prescription: { request: RecoveryPrescriptionRequest; response: Prescription };
  check_rules: { request: CheckRulesRequest; response: CheckRulesResponse };
  recovery_state: { request: RecoveryStateRequest; response: RecoveryState };
  next_quality_session: { request: NextQualitySessionRequest; response: NextQualitySession };
  busso_simulate: { request: BussoSimulateRequest; response: PerformanceResponse };
  busso_fit: { request: BussoFitRequest; response: BussoFit };
  taper_apply: { request: TaperApplyRequest; response: TaperedPlan };
  taper_score: { request: TaperScoreRequest; response: TaperScore };
  taper_optimize: { request: TaperOptimizeRequest; response: TaperOptimum };
  generate_plan: { request: GeneratePlanRequest; response: Plan };
  replan_week: { request: ReplanRequest; response: Replan };
  to_icalendar: { request: ToIcalendarRequest; response: Calendar };
}
/** An operation's snake_case name. */
export type OperationName = keyof Operations;

/** An entry of `operations()`. */
export interface OperationInfo {
  /** The snake_case name (the function is its camelCase form). */
  name: OperationName;
  /** The core module it belongs to. */
  module: 'athlete' | 'log' | 'zones' | 'performance' | 'load' | 'model' | 'readiness' | 'recovery' | 'rules' | 'taper' | 'supercompensation';
  /** One line on what it does. */
  summary: string;
  /** Top-level response fields that are numeric series. */
  series: string[];
}

/** What every function of this package throws (`err.name === "RunRecoveryError"`). */
export interface RunRecoveryError extends Error {
  name: 'RunRecoveryError';
  /** Stable snake_case code. */
  code: ErrorCode;
  /** Dotted path of the offending input, e.g. `session.rpe`, `log.sessions[3].date` or `loads[3]`. */
  field: string;
  /** The rejected value as text, when there is one. */
  value: string | undefined;
}

/** HRmax from age by Tanaka (default), Fox or Gellish. */
export function estimateHrMax(options: EstimateHrMaxRequest): EstimateHrMaxResponse;
/** Validates a profile and fills what can be estimated, saying how. */
export function resolveAthlete(options: ResolveAthleteRequest): ResolvedAthlete;
/** Validates a log document: sorted, duplicates handled, current schema. */
export function readLog(options: ReadLogRequest): ReadLogResponse;
/** An athlete's zones in one system, with bounds in bpm, s/km, W or CR-10. */
export function zoneTable(options: ZoneTableRequest): ZoneTable;
/** The zone of a heart rate, pace, power or RPE value. */
export function classify(options: ClassifyRequest): Classification;
/** The zone of a whole session by its average. */
export function classifySession(options: ClassifySessionRequest): Classification;
/** Time in zone of a log, Seiler's 3 zones, polarization index, 80/20 check. */
export function intensityDistribution(options: IntensityDistributionRequest): IntensityDistribution;
/** Treff's polarization index with its edge rules. */
export function polarizationIndex(options: PolarizationRequest): Polarization;
/** Daniels-Gilbert VDOT from a race. */
export function vdotFromRace(options: Race): VdotResponse;
/** The race time with the same VDOT over another distance. */
export function equivalentTime(options: EquivalentTimeRequest): RaceTime;
/** Daniels' E, M, T, I, R paces for a VDOT. */
export function trainingPaces(options: TrainingPacesRequest): TrainingPacesResponse;
/** Riegel's race-time prediction. */
export function riegelPredict(options: PredictRequest): RaceTime;
/** A personal Riegel exponent from two races. */
export function riegelExponent(options: TwoRacesRequest): ExponentResponse;
/** Cameron's race-time prediction. */
export function cameronPredict(options: PredictRequest): RaceTime;
/** A calendar-day series from dated values: gaps filled with 0 and marked not logged. */
export function dailySeries(options: DailySeriesRequest): DailySeriesResponse;
/** The load of one session by a chosen or automatic method. */
export function sessionLoad(options: SessionLoadRequest): SessionLoad;
/** Calendar-day loads of a log, missing days explicit. */
export function dailyLoads(options: LogLoadRequest): DailyLoadsResponse;
/** Monotony, strain and ramp over 7-day windows of daily loads. */
export function weeklyLoads(options: WeeklyLoadsRequest): WeeklyLoadsResponse;
/** Weekly volume, load, monotony, strain and ramp of a log. */
export function weeklySummary(options: LogLoadRequest): WeeklySummaryResponse;
/** Fitness (CTL), fatigue (ATL), form (TSB) and ramp of a daily load series. */
export function pmc(options: PmcRequest): PmcResponse;
/** The PMC of a log, projected to a future date through its planned sessions. */
export function logPmc(options: LogPmcRequest): LogPmcResponse;
/** Acute:chronic workload ratio (coupled, uncoupled or EWMA) with Gabbett's bands. */
export function acwr(options: AcwrRequest): AcwrResponse;
/** Banister impulse-response performance for a daily load series. */
export function banisterSimulate(options: BanisterSimulateRequest): PerformanceResponse;
/** One session's response: zero crossing, peak day, peak. */
export function banisterResponse(options: BanisterResponseRequest): ImpulseResponse;
/** Fits the Banister model to performance tests (variable projection). */
export function banisterFit(options: BanisterFitRequest): BanisterFit;
/** Predicted performance over planned loads after a history. */
export function banisterForecast(options: BanisterForecastRequest): PerformanceResponse;
/** The PMC of many athletes (athletes × days), or only each athlete's latest day. */
export function pmcBatch(options: PmcBatchRequest & { latest: true }): PmcBatchLatest;
export function pmcBatch(options: PmcBatchRequest & { loads: Float64Array; latest?: false | null }): PmcBatchFlat;
export function pmcBatch(options: PmcBatchRequest & { loads: readonly NumberList[]; latest?: false | null }): PmcBatchRows;
export function pmcBatch(options: PmcBatchRequest): PmcBatchResponse;
/** The ACWR of many athletes (athletes × days); NaN where no ratio is meaningful. */
export function acwrBatch(options: AcwrBatchRequest & { loads: Float64Array }): AcwrBatchFlat;
export function acwrBatch(options: AcwrBatchRequest & { loads: readonly NumberList[] }): AcwrBatchRows;
export function acwrBatch(options: AcwrBatchRequest): AcwrBatchResponse;
/** Banister fits of many athletes (tests as a matrix with null where no test). */
export function banisterFitBatch(options: BanisterFitBatchRequest): BanisterFitBatchResponse;
/** Today's readiness: go, go easy or rest, a score, confidence and every marker's verdict. */
export function readiness(options: ReadinessRequest): Readiness;
/** Each day's personal baselines (HRV mean and SD, resting HR, Hooper sum), for charts. */
export function readinessBaselines(options: BaselinesRequest): BaselinesResponse;
/** Warning signs of under-recovery over the last weeks, with evidence and advice. */
export function warningSigns(options: WarningSignsRequest): WarningSignsResponse;
/** Today's planned session adapted to today's readiness, with the reason. */
export function adaptSession(options: AdaptSessionRequest): AdaptSessionResponse;
/** Fuel, fluid, sleep and active recovery after a session, scaled to the athlete. */
export function recoveryPrescription(options: RecoveryPrescriptionRequest): Prescription;
/** Runs the recovery-aware plan rules over planned and/or completed sessions. */
export function checkRules(options: CheckRulesRequest): CheckRulesResponse;
/** Each body system's residual fatigue and status at a moment. */
export function recoveryState(options: RecoveryStateRequest): RecoveryState;
/** The earliest safe day and the best day for the next quality session. */
export function nextQualitySession(options: NextQualitySessionRequest): NextQualitySession;
/** Busso's variable dose-response performance for a daily load series. */
export function bussoSimulate(options: BussoSimulateRequest): PerformanceResponse;
/** Fits Busso's variable dose-response model to performance tests. */
export function bussoFit(options: BussoFitRequest): BussoFit;
/** Applies a taper (length, volume cut, shape) to a plan's final days, intensity kept. */
export function taperApply(options: TaperApplyRequest): TaperedPlan;
/** Projects fitness, fatigue, form and predicted performance on race day for a taper. */
export function taperScore(options: TaperScoreRequest): TaperScore;
/** The best taper for this athlete among 1078 candidates, with the runners-up. */
export function taperOptimize(options: TaperOptimizeRequest): TaperOptimum;
/** A periodized plan to a goal race that passes every plan rule. */
export function generatePlan(options: GeneratePlanRequest): Plan;
/** The rest of this week re-planned after missed, shortened or harder sessions and today's readiness. */
export function replanWeek(options: ReplanRequest): Replan;
/** A plan's (or any log's) sessions as an iCalendar (.ics) file for calendar apps. */
export function toIcalendar(options: ToIcalendarRequest): Calendar;

/** Every operation, in data-flow order. */
export function operations(): OperationInfo[];
/** Every error code the library can throw. */
export function errorCodes(): ErrorCode[];
/** The library version (the same as the Rust crates and the Python package). */
export function version(): string;
