//! Fitness and fatigue: the Performance Management Chart and the acute:chronic
//! workload ratio, from a daily load series.
//!
//! **PMC.** Fitness (CTL) and fatigue (ATL) are the same kernel with two time
//! constants: `X(d) = X(d−1) + g·(w(d) − X(d−1))`, fitness N = 42 d, fatigue
//! N = 7 d. Form (TSB) = fitness − fatigue. Where established tools disagree,
//! the choice is a named option ([`PmcOptions`]):
//!
//! | option | values (default first) | reproduces |
//! | --- | --- | --- |
//! | `gain` | `exponential`: `g = 1 − e^(−1/N)`; `linear`: `g = 1/N` | GoldenCheetah, intervals.icu; TrainingPeaks' published recurrence |
//! | `form_day` | `next_day`: `TSB(d) = CTL(d−1) − ATL(d−1)`; `same_day`: `CTL(d) − ATL(d)` | TrainingPeaks, GoldenCheetah; intervals.icu |
//! | seeds | `fitness_seed`, `fatigue_seed` (0): the values on the day before the first | a log that starts mid-season |
//!
//! Ramp rate = fitness(d) − fitness(d − 7) (per week; Friel: 5–8 sustainable,
//! about 10 an upper limit). Form as a percentage of fitness is
//! `TSB / CTL × 100` (absent while fitness is 0).
//!
//! ```
//! use runrecovery_core::model::{PmcOptions, pmc};
//! // After 42 days of a constant load from zero, the exponential form reaches 1 − e^(−1) of it.
//! let loads = vec![100.0; 42];
//! let p = pmc(&loads, &PmcOptions::default()).unwrap();
//! assert!((p.fitness[41] - 100.0 * (1.0 - (-1.0f64).exp())).abs() < 1e-9);
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Path, Result, check};
use crate::log::{MAX_DAILY_LOAD, check_load};

pub mod banister;
pub mod busso;
mod optimize;

/// The gain of the exponentially weighted average.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gain {
    /// `g = 1 − e^(−1/N)` (GoldenCheetah, intervals.icu). Default.
    #[default]
    Exponential,
    /// `g = 1/N` (TrainingPeaks' published recurrence).
    Linear,
}

impl Gain {
    /// The gain for a time constant of `days`.
    pub fn of(self, days: f64) -> f64 {
        match self {
            Gain::Exponential => 1.0 - (-1.0 / days).exp(),
            Gain::Linear => 1.0 / days,
        }
    }
}

/// On which day form is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FormDay {
    /// `TSB(d) = CTL(d−1) − ATL(d−1)`: the form you start the day with (TrainingPeaks, GoldenCheetah). Default.
    #[default]
    NextDay,
    /// `TSB(d) = CTL(d) − ATL(d)` (intervals.icu).
    SameDay,
}

/// PMC conventions.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct PmcOptions {
    /// Fitness (CTL) time constant, days (default 42).
    pub fitness_days: f64,
    /// Fatigue (ATL) time constant, days (default 7).
    pub fatigue_days: f64,
    /// The gain form.
    pub gain: Gain,
    /// The day form is shown on.
    pub form_day: FormDay,
    /// Fitness on the day before the first (default 0).
    pub fitness_seed: f64,
    /// Fatigue on the day before the first (default 0).
    pub fatigue_seed: f64,
}

impl Default for PmcOptions {
    fn default() -> Self {
        PmcOptions {
            fitness_days: 42.0,
            fatigue_days: 7.0,
            gain: Gain::Exponential,
            form_day: FormDay::NextDay,
            fitness_seed: 0.0,
            fatigue_seed: 0.0,
        }
    }
}

impl PmcOptions {
    /// Checks the time constants and seeds.
    ///
    /// # Errors
    /// `out_of_range` for a time constant outside 1–365 days or a negative seed.
    pub fn validate(&self) -> Result<()> {
        check::in_range("fitness_days", self.fitness_days, 1.0, 365.0, "days")?;
        check::in_range("fatigue_days", self.fatigue_days, 1.0, 365.0, "days")?;
        check::in_range("fitness_seed", self.fitness_seed, 0.0, 1e6, "")?;
        check::in_range("fatigue_seed", self.fatigue_seed, 0.0, 1e6, "")?;
        Ok(())
    }
}

/// Fitness, fatigue and form per day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Pmc {
    /// Fitness (CTL) at the end of each day.
    pub fitness: Vec<f64>,
    /// Fatigue (ATL) at the end of each day.
    pub fatigue: Vec<f64>,
    /// Form (TSB) on each day, per `form_day`.
    pub form: Vec<f64>,
}

/// The PMC of a daily load series (one value per calendar day).
///
/// # Errors
/// `empty`; `not_finite` or `out_of_range` (negative) naming `loads[i]`; the options' errors.
pub fn pmc(loads: &[f64], options: &PmcOptions) -> Result<Pmc> {
    let n = loads.len();
    let mut out = Pmc {
        fitness: vec![0.0; n],
        fatigue: vec![0.0; n],
        form: vec![0.0; n],
    };
    pmc_into(
        loads,
        options,
        &mut out.fitness,
        &mut out.fatigue,
        &mut out.form,
    )?;
    Ok(out)
}

/// [`pmc`] writing into caller-provided buffers of the loads' length: no allocation.
///
/// # Errors
/// As [`pmc`], and `inconsistent` when a buffer has the wrong length.
pub fn pmc_into(
    loads: &[f64],
    options: &PmcOptions,
    fitness: &mut [f64],
    fatigue: &mut [f64],
    form: &mut [f64],
) -> Result<()> {
    if loads.is_empty() {
        return Err(Error::empty("loads", "at least one day"));
    }
    options.validate()?;
    check_buffers(
        [
            ("fitness", fitness.len()),
            ("fatigue", fatigue.len()),
            ("form", form.len()),
        ],
        loads.len(),
        "buffers must match the loads' length",
    )?;
    pmc_kernel(loads, options, fitness, fatigue, form)
        .map_err(|i| bad_load(Path::from("loads").index(i), loads[i]))
}

/// Every output buffer must have `expected` values.
fn check_buffers(buffers: [(&'static str, usize); 3], expected: usize, what: &str) -> Result<()> {
    for (name, len) in buffers {
        if len != expected {
            return Err(Error::inconsistent(name, format!("{len} values"), what));
        }
    }
    Ok(())
}

/// The error for a load the kernel rejected.
fn bad_load(field: Path, v: f64) -> Error {
    check_load(v, || field.clone())
        .err()
        .unwrap_or_else(|| Error::out_of_range(field, v, "a valid load"))
}

/// The recurrence itself. One pass, no allocation; each load is checked as it
/// is read (the index of the first bad one is returned, the buffers are then
/// partly written).
pub(crate) fn pmc_kernel(
    loads: &[f64],
    o: &PmcOptions,
    fitness: &mut [f64],
    fatigue: &mut [f64],
    form: &mut [f64],
) -> std::result::Result<(), usize> {
    let (gc, ga) = (o.gain.of(o.fitness_days), o.gain.of(o.fatigue_days));
    let (mut c, mut a) = (o.fitness_seed, o.fatigue_seed);
    let same_day = o.form_day == FormDay::SameDay;
    let n = loads.len();
    let (fitness, fatigue, form) = (&mut fitness[..n], &mut fatigue[..n], &mut form[..n]);
    for i in 0..n {
        let w = loads[i];
        // NaN fails the range test too.
        if !(0.0..=MAX_DAILY_LOAD).contains(&w) {
            return Err(i);
        }
        let before = c - a;
        c += gc * (w - c);
        a += ga * (w - a);
        fitness[i] = c;
        fatigue[i] = a;
        form[i] = if same_day { c - a } else { before };
    }
    Ok(())
}

/// The PMC of many athletes at once. `loads` is row-major, one row of
/// `days` daily loads per athlete; the outputs are row-major buffers of the
/// same size. One pass per athlete, no allocation: the fast path for
/// thousands of athletes × years of days.
///
/// ```
/// use runrecovery_core::model::{PmcOptions, pmc, pmc_batch};
/// let loads = [10.0, 20.0, 30.0, 0.0, 5.0, 50.0]; // 2 athletes × 3 days
/// let (mut c, mut a, mut f) = ([0.0; 6], [0.0; 6], [0.0; 6]);
/// pmc_batch(&loads, 3, &PmcOptions::default(), &mut c, &mut a, &mut f).unwrap();
/// assert_eq!(&c[3..], &pmc(&loads[3..], &PmcOptions::default()).unwrap().fitness[..]);
/// ```
///
/// # Errors
/// `out_of_range` for `days` of 0 or a `loads` length that is not a multiple
/// of it; the loads' errors, naming `loads[athlete][day]`; `inconsistent` for
/// buffers of another size.
pub fn pmc_batch(
    loads: &[f64],
    days: usize,
    options: &PmcOptions,
    fitness: &mut [f64],
    fatigue: &mut [f64],
    form: &mut [f64],
) -> Result<()> {
    check_shape(loads, days)?;
    options.validate()?;
    check_buffers(
        [
            ("fitness", fitness.len()),
            ("fatigue", fatigue.len()),
            ("form", form.len()),
        ],
        loads.len(),
        "buffers must match the loads' size",
    )?;
    for (k, (((w, c), a), f)) in loads
        .chunks_exact(days)
        .zip(fitness.chunks_exact_mut(days))
        .zip(fatigue.chunks_exact_mut(days))
        .zip(form.chunks_exact_mut(days))
        .enumerate()
    {
        pmc_kernel(w, options, c, a, f)
            .map_err(|i| bad_load(Path::from("loads").index(k).index(i), w[i]))?;
    }
    Ok(())
}

/// The latest day's fitness, fatigue and form of many athletes (row-major
/// `loads`, `days` per athlete), written into buffers of one value per athlete.
///
/// # Errors
/// As [`pmc_batch`].
pub fn pmc_batch_latest(
    loads: &[f64],
    days: usize,
    options: &PmcOptions,
    fitness: &mut [f64],
    fatigue: &mut [f64],
    form: &mut [f64],
) -> Result<()> {
    check_shape(loads, days)?;
    options.validate()?;
    let athletes = loads.len() / days;
    for (name, len) in [
        ("fitness", fitness.len()),
        ("fatigue", fatigue.len()),
        ("form", form.len()),
    ] {
        if len != athletes {
            return Err(Error::inconsistent(
                name,
                format!("{len} values"),
                &format!("one per athlete ({athletes})"),
            ));
        }
    }
    let (gc, ga) = (
        options.gain.of(options.fitness_days),
        options.gain.of(options.fatigue_days),
    );
    for (i, w) in loads.chunks_exact(days).enumerate() {
        let (mut c, mut a, mut before) = (options.fitness_seed, options.fatigue_seed, 0.0);
        for (d, &x) in w.iter().enumerate() {
            if !(0.0..=MAX_DAILY_LOAD).contains(&x) {
                return Err(bad_load(Path::from("loads").index(i).index(d), x));
            }
            before = c - a;
            c += gc * (x - c);
            a += ga * (x - a);
        }
        fitness[i] = c;
        fatigue[i] = a;
        form[i] = if options.form_day == FormDay::SameDay {
            c - a
        } else {
            before
        };
    }
    Ok(())
}

pub(crate) fn check_shape(loads: &[f64], days: usize) -> Result<()> {
    if days == 0 || loads.is_empty() || loads.len() % days != 0 {
        return Err(Error::out_of_range(
            "days",
            days,
            &format!(
                "more than 0 and a divisor of the {} loads (athletes × days)",
                loads.len()
            ),
        ));
    }
    Ok(())
}

/// The shape, then every load (the error names `loads[athlete][day]`).
fn check_batch(loads: &[f64], days: usize) -> Result<()> {
    check_shape(loads, days)?;
    match loads
        .iter()
        .position(|v| !(0.0..=MAX_DAILY_LOAD).contains(v))
    {
        Some(i) => Err(bad_load(
            Path::from("loads").index(i / days).index(i % days),
            loads[i],
        )),
        None => Ok(()),
    }
}

/// The weekly ramp rate: fitness(d) − fitness(d − 7); absent for the first 7 days.
pub fn ramp_rate(fitness: &[f64]) -> Vec<Option<f64>> {
    (0..fitness.len())
        .map(|i| (i >= 7).then(|| fitness[i] - fitness[i - 7]))
        .collect()
}

/// Form as a percentage of fitness (TSB / CTL × 100); absent while fitness is 0.
pub fn form_percent(fitness: &[f64], form: &[f64]) -> Vec<Option<f64>> {
    fitness
        .iter()
        .zip(form)
        .map(|(&c, &f)| (c > 0.0).then(|| f / c * 100.0))
        .collect()
}

/// Share of the `window` days ending on each day that were logged.
pub fn coverage(logged: &[bool], window: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(logged.len());
    let mut count = 0usize;
    for i in 0..logged.len() {
        count += usize::from(logged[i]);
        if i >= window {
            count -= usize::from(logged[i - window]);
        }
        out.push(count as f64 / window.min(i + 1).max(1) as f64);
    }
    out
}

pub(crate) fn validate_loads(loads: &[f64]) -> Result<()> {
    if loads.is_empty() {
        return Err(Error::empty("loads", "at least one day"));
    }
    for (i, &v) in loads.iter().enumerate() {
        check_load(v, || Path::from("loads").index(i))?;
    }
    Ok(())
}

/// How the acute:chronic workload ratio is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AcwrMethod {
    /// mean(last 7 days incl. today) / mean(last 28 incl. today). Default.
    #[default]
    CoupledRolling,
    /// mean(last 7) / mean(the 21 days before those 7).
    UncoupledRolling,
    /// EWMA acute / EWMA chronic (Williams et al. 2017).
    Ewma,
}

/// The EWMA decay form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EwmaDecay {
    /// `λ = 2/(N+1)` (Williams et al. 2017). Default.
    #[default]
    Williams,
    /// `λ = 1 − e^(−ln2/N)`: N is the half-life in days.
    HalfLife,
}

/// The EWMA's value before the first day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EwmaSeed {
    /// The first day's load. Default.
    #[default]
    FirstLoad,
    /// Zero.
    Zero,
}

/// ACWR options.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct AcwrOptions {
    /// The method.
    pub method: AcwrMethod,
    /// Acute window, days (default 7).
    pub acute_days: usize,
    /// Chronic window, days (default 28).
    pub chronic_days: usize,
    /// EWMA decay form.
    pub decay: EwmaDecay,
    /// EWMA seed.
    pub seed: EwmaSeed,
    /// Minimum share of logged days in the chronic window (default 0.75).
    pub min_coverage: f64,
}

impl Default for AcwrOptions {
    fn default() -> Self {
        AcwrOptions {
            method: AcwrMethod::CoupledRolling,
            acute_days: 7,
            chronic_days: 28,
            decay: EwmaDecay::Williams,
            seed: EwmaSeed::FirstLoad,
            min_coverage: 0.75,
        }
    }
}

/// Gabbett's (2016) bands, presented with their critique (see `docs/model.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AcwrBand {
    /// Below 0.8: less than usual.
    Low,
    /// 0.8–1.3: the "sweet spot".
    SweetSpot,
    /// 1.3–1.5: rising.
    Caution,
    /// Above 1.5: a spike.
    High,
}

/// Why a day has no ratio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AcwrGap {
    /// The chronic window is not full yet.
    NotEnoughData,
    /// Too few logged days in the chronic window.
    LowCoverage,
    /// The chronic load is zero: not a ratio.
    ZeroChronic,
}

/// One day's ACWR.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AcwrDay {
    /// Acute load (mean or EWMA).
    pub acute: f64,
    /// Chronic load (mean or EWMA).
    pub chronic: f64,
    /// acute / chronic, when meaningful.
    pub ratio: Option<f64>,
    /// The band of the ratio.
    pub band: Option<AcwrBand>,
    /// Why there is no ratio.
    pub gap: Option<AcwrGap>,
}

/// The ACWR of many athletes at once (row-major `loads`, `days` per athlete,
/// every day counted as logged), written into buffers of the same size; a
/// day without a meaningful ratio gets NaN in `ratio` (see [`acwr`] for why).
///
/// # Errors
/// As [`acwr`], and `out_of_range`/`inconsistent` for the shapes.
pub fn acwr_batch(
    loads: &[f64],
    days: usize,
    options: &AcwrOptions,
    acute: &mut [f64],
    chronic: &mut [f64],
    ratio: &mut [f64],
) -> Result<()> {
    check_batch(loads, days)?;
    options.validate()?;
    for (name, len) in [
        ("acute", acute.len()),
        ("chronic", chronic.len()),
        ("ratio", ratio.len()),
    ] {
        if len != loads.len() {
            return Err(Error::inconsistent(
                name,
                format!("{len} values"),
                "buffers must match the loads' size",
            ));
        }
    }
    for (k, w) in loads.chunks_exact(days).enumerate() {
        let rows = acwr(w, None, options).map_err(|e| e.within(Path::from("athletes").index(k)))?;
        for (i, d) in rows.iter().enumerate() {
            acute[k * days + i] = d.acute;
            chronic[k * days + i] = d.chronic;
            ratio[k * days + i] = d.ratio.unwrap_or(f64::NAN);
        }
    }
    Ok(())
}

impl AcwrOptions {
    /// Checks the windows and the coverage floor.
    ///
    /// # Errors
    /// `out_of_range` for an acute window outside 1–60 days, a chronic window
    /// not longer than it or over 365 days, or a coverage outside 0–1.
    pub fn validate(&self) -> Result<()> {
        check::in_range("acute_days", self.acute_days as f64, 1.0, 60.0, "days")?;
        if self.chronic_days <= self.acute_days || self.chronic_days > 365 {
            return Err(Error::out_of_range(
                "chronic_days",
                self.chronic_days,
                &format!("more than acute_days ({}) and at most 365", self.acute_days),
            ));
        }
        check::in_range("min_coverage", self.min_coverage, 0.0, 1.0, "")?;
        Ok(())
    }
}

/// Gabbett's band of a ratio.
pub fn acwr_band(ratio: f64) -> AcwrBand {
    if ratio < 0.8 {
        AcwrBand::Low
    } else if ratio <= 1.3 {
        AcwrBand::SweetSpot
    } else if ratio <= 1.5 {
        AcwrBand::Caution
    } else {
        AcwrBand::High
    }
}

/// The acute:chronic workload ratio for every day of a daily load series.
/// `logged` (optional, same length) marks days with data; missing means all logged.
///
/// ```
/// use runrecovery_core::model::{AcwrOptions, acwr};
/// let mut loads = vec![50.0; 28];
/// loads[27] = 400.0; // a spike on day 28
/// let days = acwr(&loads, None, &AcwrOptions::default()).unwrap();
/// assert!(days[26].ratio.is_none()); // the 28-day window is not full before day 28
/// let r = days[27].ratio.unwrap();   // (6·50 + 400)/7 over (27·50 + 400)/28
/// assert!((r - (700.0 / 7.0) / (1750.0 / 28.0)).abs() < 1e-12);
/// ```
///
/// # Errors
/// The loads' errors; `out_of_range` for windows (acute 1–60 days, chronic
/// longer than acute and at most 365) or coverage outside 0–1; `inconsistent`
/// for a `logged` of another length.
pub fn acwr(loads: &[f64], logged: Option<&[bool]>, o: &AcwrOptions) -> Result<Vec<AcwrDay>> {
    validate_loads(loads)?;
    o.validate()?;
    if let Some(l) = logged {
        if l.len() != loads.len() {
            return Err(Error::inconsistent(
                "logged",
                format!("{} days", l.len()),
                "must match the loads' length",
            ));
        }
    }
    let (na, nc) = (o.acute_days, o.chronic_days);
    let cover = logged.map(|l| coverage(l, nc));
    let lambda = |n: usize| match o.decay {
        EwmaDecay::Williams => 2.0 / (n as f64 + 1.0),
        EwmaDecay::HalfLife => 1.0 - (-std::f64::consts::LN_2 / n as f64).exp(),
    };
    let (la, lc) = (lambda(na), lambda(nc));
    let seed = match o.seed {
        EwmaSeed::FirstLoad => loads[0],
        EwmaSeed::Zero => 0.0,
    };
    let (mut ea, mut ec) = (seed, seed);
    let (mut sum_a, mut sum_c) = (0.0, 0.0);
    let mut out = Vec::with_capacity(loads.len());
    for i in 0..loads.len() {
        let w = loads[i];
        sum_a += w;
        sum_c += w;
        if i >= na {
            sum_a -= loads[i - na];
        }
        if i >= nc {
            sum_c -= loads[i - nc];
        }
        // With the first load as seed, day 0 stays at that load.
        ea += la * (w - ea);
        ec += lc * (w - ec);
        let (acute, chronic) = match o.method {
            AcwrMethod::CoupledRolling => (sum_a / na as f64, sum_c / nc as f64),
            AcwrMethod::UncoupledRolling => (sum_a / na as f64, (sum_c - sum_a) / (nc - na) as f64),
            AcwrMethod::Ewma => (ea, ec),
        };
        let gap = if i + 1 < nc {
            Some(AcwrGap::NotEnoughData)
        } else if cover.as_ref().is_some_and(|c| c[i] < o.min_coverage) {
            Some(AcwrGap::LowCoverage)
        } else if chronic <= 0.0 {
            Some(AcwrGap::ZeroChronic)
        } else {
            None
        };
        let ratio = gap.is_none().then(|| acute / chronic);
        out.push(AcwrDay {
            acute,
            chronic,
            ratio,
            band: ratio.map(acwr_band),
            gap,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_load_converges_and_rest_decays() {
        let o = PmcOptions::default();
        let p = pmc(&[80.0; 2000], &o).unwrap();
        assert!((p.fitness[1999] - 80.0).abs() < 1e-9);
        // Pure rest from a seed decays by e^(−d/N) with the exponential gain.
        let o = PmcOptions {
            fitness_seed: 50.0,
            fatigue_seed: 50.0,
            ..o
        };
        let p = pmc(&[0.0; 10], &o).unwrap();
        assert!((p.fitness[9] - 50.0 * (-10.0f64 / 42.0).exp()).abs() < 1e-9);
        assert!((p.fatigue[9] - 50.0 * (-10.0f64 / 7.0).exp()).abs() < 1e-9);
    }

    #[test]
    fn linear_gain_and_form_days() {
        let o = PmcOptions {
            gain: Gain::Linear,
            ..PmcOptions::default()
        };
        let p = pmc(&[100.0, 0.0], &o).unwrap();
        assert!((p.fitness[0] - 100.0 / 42.0).abs() < 1e-12);
        assert!((p.fatigue[0] - 100.0 / 7.0).abs() < 1e-12);
        assert_eq!(p.form[0], 0.0); // next day: the seeds
        assert!((p.form[1] - (100.0 / 42.0 - 100.0 / 7.0)).abs() < 1e-12);
        let same = pmc(
            &[100.0],
            &PmcOptions {
                form_day: FormDay::SameDay,
                ..o
            },
        )
        .unwrap();
        assert!((same.form[0] - (100.0 / 42.0 - 100.0 / 7.0)).abs() < 1e-12);
    }

    #[test]
    fn acwr_gaps() {
        let days = acwr(&[0.0; 30], None, &AcwrOptions::default()).unwrap();
        assert_eq!(days[29].gap, Some(AcwrGap::ZeroChronic));
        let logged: Vec<bool> = (0..30).map(|i| i % 2 == 0).collect();
        let days = acwr(&[10.0; 30], Some(&logged), &AcwrOptions::default()).unwrap();
        assert_eq!(days[29].gap, Some(AcwrGap::LowCoverage));
    }
}
