//! Field blocks shared by several requests, written once and pasted by [`request!`].
//!
//! A request struct names a block with `..block,` among its fields; the block's
//! fields land there, in order, and a method that turns them into the
//! domain's options is added (`..pmc_options` gives `pmc_options()`). serde's
//! `#[serde(flatten)]` would read the block from a buffer, losing the exact
//! path of a bad value and `deny_unknown_fields`; pasting keeps both.
//!
//! | block | fields | method |
//! |---|---|---|
//! | `daily_loads` | `start`, `loads`, `logged` | — |
//! | `log_loads` | `log`, `athlete`, `method`, `trimp_coefficients`, `missing` | `load_options()` |
//! | `pmc_options` | `fitness_days`, `fatigue_days`, `gain`, `form_day`, `fitness_seed`, `fatigue_seed` | `pmc_options()` |
//! | `acwr_options` | `method`, `acute_days`, `chronic_days`, `decay`, `seed` | `acwr_options(min_coverage)` |
//! | `fit_options` | `fixed_tau1`, `fixed_tau2`, `timing` | `fit_options()` |

/// Defines a request struct whose `..block,` entries are replaced by the
/// block's fields (see the module doc).
macro_rules! request {
    ($(#[$m:meta])* pub struct $name:ident { $($body:tt)* }) => {
        request!(@munch [$(#[$m])*] $name [] [] [$($body)*]);
    };
    (@munch [$($m:tt)*] $name:ident [$($acc:tt)*] [$($imp:tt)*] []) => {
        $($m)*
        pub struct $name { $($acc)* }
        impl $name { $($imp)* }
    };
    (@munch $m:tt $name:ident [$($acc:tt)*] $imp:tt [..daily_loads, $($rest:tt)*]) => {
        request!(@munch $m $name [$($acc)*
            /// Date of the first load.
            pub start: chrono::NaiveDate,
            /// One load per calendar day.
            pub loads: Vec<f64>,
            /// Whether each day was logged (default: all).
            #[serde(default)]
            pub logged: Option<Vec<bool>>,
        ] $imp [$($rest)*]);
    };
    (@munch $m:tt $name:ident [$($acc:tt)*] [$($imp:tt)*] [..log_loads, $($rest:tt)*]) => {
        request!(@munch $m $name [$($acc)*
            /// The log document.
            #[cfg_attr(feature = "schema", schemars(with = "crate::log::LogDocument"))]
            pub log: serde_json::Value,
            /// The athlete (default: the log's).
            #[serde(default)]
            pub athlete: Option<crate::athlete::Athlete>,
            /// Load method (default `auto`).
            #[serde(default)]
            pub method: crate::load::LoadMethod,
            /// Banister coefficients for TRIMP-based methods (default `sex_specific`).
            #[serde(default)]
            pub trimp_coefficients: crate::load::TrimpCoefficients,
            /// Sessions lacking data: `error` (default) or `zero`.
            #[serde(default)]
            pub missing: crate::load::MissingData,
        ] [$($imp)*
            /// The load options of these fields.
            fn load_options(&self) -> crate::load::LoadOptions {
                crate::load::LoadOptions {
                    method: self.method,
                    trimp_coefficients: self.trimp_coefficients,
                    missing: self.missing,
                }
            }
        ] [$($rest)*]);
    };
    (@munch $m:tt $name:ident [$($acc:tt)*] [$($imp:tt)*] [..pmc_options, $($rest:tt)*]) => {
        request!(@munch $m $name [$($acc)*
            /// Fitness time constant, days (42).
            #[serde(default)]
            pub fitness_days: Option<f64>,
            /// Fatigue time constant, days (7).
            #[serde(default)]
            pub fatigue_days: Option<f64>,
            /// `exponential` (default) or `linear`.
            #[serde(default)]
            pub gain: Option<crate::model::Gain>,
            /// `next_day` (default) or `same_day`.
            #[serde(default)]
            pub form_day: Option<crate::model::FormDay>,
            /// Fitness the day before the first day (0).
            #[serde(default)]
            pub fitness_seed: Option<f64>,
            /// Fatigue the day before the first day (0).
            #[serde(default)]
            pub fatigue_seed: Option<f64>,
        ] [$($imp)*
            /// The PMC options: the fields given, the defaults for the others.
            pub fn pmc_options(&self) -> crate::model::PmcOptions {
                let d = crate::model::PmcOptions::default();
                crate::model::PmcOptions {
                    fitness_days: self.fitness_days.unwrap_or(d.fitness_days),
                    fatigue_days: self.fatigue_days.unwrap_or(d.fatigue_days),
                    gain: self.gain.unwrap_or(d.gain),
                    form_day: self.form_day.unwrap_or(d.form_day),
                    fitness_seed: self.fitness_seed.unwrap_or(d.fitness_seed),
                    fatigue_seed: self.fatigue_seed.unwrap_or(d.fatigue_seed),
                }
            }
        ] [$($rest)*]);
    };
    (@munch $m:tt $name:ident [$($acc:tt)*] [$($imp:tt)*] [..acwr_options, $($rest:tt)*]) => {
        request!(@munch $m $name [$($acc)*
            /// `coupled_rolling` (default), `uncoupled_rolling` or `ewma`.
            #[serde(default)]
            pub method: Option<crate::model::AcwrMethod>,
            /// Acute window, days (7).
            #[serde(default)]
            pub acute_days: Option<usize>,
            /// Chronic window, days (28).
            #[serde(default)]
            pub chronic_days: Option<usize>,
            /// EWMA decay: `williams` (default) or `half_life`.
            #[serde(default)]
            pub decay: Option<crate::model::EwmaDecay>,
            /// EWMA seed: `first_load` (default) or `zero`.
            #[serde(default)]
            pub seed: Option<crate::model::EwmaSeed>,
        ] [$($imp)*
            /// The ACWR options: the fields given, the defaults for the others.
            pub fn acwr_options(&self, min_coverage: f64) -> crate::model::AcwrOptions {
                let d = crate::model::AcwrOptions::default();
                crate::model::AcwrOptions {
                    method: self.method.unwrap_or(d.method),
                    acute_days: self.acute_days.unwrap_or(d.acute_days),
                    chronic_days: self.chronic_days.unwrap_or(d.chronic_days),
                    decay: self.decay.unwrap_or(d.decay),
                    seed: self.seed.unwrap_or(d.seed),
                    min_coverage,
                }
            }
        ] [$($rest)*]);
    };
    (@munch $m:tt $name:ident [$($acc:tt)*] [$($imp:tt)*] [..fit_options, $($rest:tt)*]) => {
        request!(@munch $m $name [$($acc)*
            /// Hold τ1 fixed.
            #[serde(default)]
            pub fixed_tau1: Option<f64>,
            /// Hold τ2 fixed.
            #[serde(default)]
            pub fixed_tau2: Option<f64>,
            /// `same_day` (default) or `next_day`.
            #[serde(default)]
            pub timing: crate::model::banister::LoadTiming,
        ] [$($imp)*
            /// The Banister fit options of these fields.
            pub fn fit_options(&self) -> crate::model::banister::FitOptions {
                crate::model::banister::FitOptions {
                    fixed_tau1: self.fixed_tau1,
                    fixed_tau2: self.fixed_tau2,
                    timing: self.timing,
                }
            }
        ] [$($rest)*]);
    };
    (@munch $m:tt $name:ident [$($acc:tt)*] $imp:tt
        [$(#[$fm:meta])* pub $field:ident : $t:ty, $($rest:tt)*]) => {
        request!(@munch $m $name [$($acc)* $(#[$fm])* pub $field: $t,] $imp [$($rest)*]);
    };
}

pub(super) use request;
