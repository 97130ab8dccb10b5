//! The Banister impulse-response model: simulate, one session's response,
//! fit to the athlete's own performance tests, forecast.
//!
//! `p(t) = p0 + k1·Σ w(s)·e^(−(t−s)/τ1) − k2·Σ w(s)·e^(−(t−s)/τ2)`, τ1 > τ2
//! (Banister et al. 1975; Morton, Fitz-Clarke & Banister 1990). Whether today's
//! load acts today (`s ≤ t`, default: GoldenCheetah, the teaching spreadsheets)
//! or from tomorrow (`s < t`) is [`LoadTiming`].
//!
//! One unit of load gives the response `r(t) = k1·e^(−t/τ1) − k2·e^(−t/τ2)`:
//! negative at first when `k2 > k1`, zero at
//! `t_n = τ1τ2/(τ1 − τ2)·ln(k2/k1)`, peaking at
//! `t* = τ1τ2/(τ1 − τ2)·ln(k2·τ1/(k1·τ2))`, then decaying: the positive stretch
//! is the supercompensation window.
//!
//! **Fitting** uses variable projection: for fixed (τ1, τ2) the model is linear
//! in (p0, k1, k2), solved by least squares (QR) with k ≥ 0; the outer search
//! over (τ1, τ2) in [1, 120] d with τ2 < τ1 is a log-spaced grid refined by
//! Nelder–Mead. The problem is ill-conditioned: judge fits by their error.
//!
//! ```
//! use runrecovery_core::model::banister::{BanisterParams, impulse_response};
//! let p = BanisterParams { p0: 0.0, k1: 1.0, tau1: 42.0, k2: 2.0, tau2: 7.0 };
//! let r = impulse_response(&p).unwrap();
//! let c = 42.0 * 7.0 / 35.0;
//! assert!((r.t_n - c * 2f64.ln()).abs() < 1e-12);
//! assert!((r.t_star - c * 12f64.ln()).abs() < 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result, check};
use crate::model::optimize::nelder_mead;
use crate::model::validate_loads;

/// Whether a day's load acts on that day's performance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadTiming {
    /// Today's load counts today (Σ over s ≤ t). Default.
    #[default]
    SameDay,
    /// Today's load counts from tomorrow (Σ over s < t).
    NextDay,
}

/// The five parameters of the model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BanisterParams {
    /// Baseline performance.
    pub p0: f64,
    /// Fitness gain (≥ 0).
    pub k1: f64,
    /// Fitness time constant, days.
    pub tau1: f64,
    /// Fatigue gain (≥ 0).
    pub k2: f64,
    /// Fatigue time constant, days (< τ1).
    pub tau2: f64,
}

/// Bounds of the time constants, days (SCIENCE.md §6).
pub const TAU_BOUNDS: (f64, f64) = (1.0, 120.0);

impl BanisterParams {
    /// Checks finiteness, k ≥ 0, τ in bounds and τ2 < τ1.
    ///
    /// # Errors
    /// `not_finite`, `out_of_range`, `inconsistent`.
    pub fn validate(&self) -> Result<()> {
        check::finite("params.p0", self.p0)?;
        check::in_range("params.k1", self.k1, 0.0, 1e6, "")?;
        check::in_range("params.k2", self.k2, 0.0, 1e6, "")?;
        check::in_range("params.tau1", self.tau1, TAU_BOUNDS.0, 1000.0, "days")?;
        check::in_range("params.tau2", self.tau2, TAU_BOUNDS.0, 1000.0, "days")?;
        if self.tau2 >= self.tau1 {
            return Err(Error::inconsistent(
                "params.tau2",
                self.tau2,
                &format!(
                    "the fatigue time constant must be shorter than tau1 = {}",
                    self.tau1
                ),
            ));
        }
        Ok(())
    }
}

/// The two decayed sums of load for one day, by a recursive filter.
struct Kernel {
    d1: f64,
    d2: f64,
    g: f64,
    h: f64,
}

impl Kernel {
    fn new(tau1: f64, tau2: f64) -> Self {
        Kernel {
            d1: (-1.0 / tau1).exp(),
            d2: (-1.0 / tau2).exp(),
            g: 0.0,
            h: 0.0,
        }
    }

    /// Advances one day; returns the (fitness, fatigue) sums that act on it.
    #[inline]
    fn step(&mut self, w: f64, timing: LoadTiming) -> (f64, f64) {
        match timing {
            LoadTiming::SameDay => {
                self.g = self.g * self.d1 + w;
                self.h = self.h * self.d2 + w;
                (self.g, self.h)
            }
            LoadTiming::NextDay => {
                let out = (self.g * self.d1, self.h * self.d2);
                self.g = out.0 + w;
                self.h = out.1 + w;
                out
            }
        }
    }
}

/// Predicted performance for each day of a daily load series.
///
/// # Errors
/// The loads' and parameters' errors.
pub fn simulate(loads: &[f64], params: &BanisterParams, timing: LoadTiming) -> Result<Vec<f64>> {
    let mut out = vec![0.0; loads.len()];
    simulate_into(loads, params, timing, &mut out)?;
    Ok(out)
}

/// [`simulate`] into a caller-provided buffer: no allocation.
///
/// # Errors
/// As [`simulate`]; `inconsistent` for a buffer of the wrong length.
pub fn simulate_into(
    loads: &[f64],
    params: &BanisterParams,
    timing: LoadTiming,
    out: &mut [f64],
) -> Result<()> {
    validate_loads(loads)?;
    params.validate()?;
    if out.len() != loads.len() {
        return Err(Error::inconsistent(
            "out",
            out.len(),
            "the buffer must match the loads' length",
        ));
    }
    let mut k = Kernel::new(params.tau1, params.tau2);
    for (o, &w) in out.iter_mut().zip(loads) {
        let (g, h) = k.step(w, timing);
        *o = params.p0 + params.k1 * g - params.k2 * h;
    }
    Ok(())
}

/// The response to one unit of load.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ImpulseResponse {
    /// Days until the response crosses zero (0 when k2 ≤ k1: never negative).
    pub t_n: f64,
    /// Days until the response peaks.
    pub t_star: f64,
    /// The peak response per unit load: `k1·e^(−t*/τ1) − k2·e^(−t*/τ2)`.
    pub peak: f64,
    /// The response on the session day itself (t = 0): `k1 − k2`.
    pub initial: f64,
}

/// The closed-form response to one session (per unit load).
///
/// # Errors
/// The parameters' errors; `out_of_range` when k1 = 0 (no positive response).
pub fn impulse_response(params: &BanisterParams) -> Result<ImpulseResponse> {
    params.validate()?;
    if params.k1 <= 0.0 {
        return Err(Error::out_of_range(
            "params.k1",
            params.k1,
            "more than 0 for a positive response",
        ));
    }
    let BanisterParams {
        k1, tau1, k2, tau2, ..
    } = *params;
    let c = tau1 * tau2 / (tau1 - tau2);
    let t_n = if k2 > k1 { c * (k2 / k1).ln() } else { 0.0 };
    let t_star = if k2 * tau1 > k1 * tau2 {
        c * (k2 * tau1 / (k1 * tau2)).ln()
    } else {
        0.0
    };
    let r = |t: f64| k1 * (-t / tau1).exp() - k2 * (-t / tau2).exp();
    Ok(ImpulseResponse {
        t_n,
        t_star,
        peak: r(t_star),
        initial: r(0.0),
    })
}

/// Fit options.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FitOptions {
    /// Hold τ1 at this value (as GoldenCheetah can).
    pub fixed_tau1: Option<f64>,
    /// Hold τ2 at this value.
    pub fixed_tau2: Option<f64>,
    /// Load timing.
    pub timing: LoadTiming,
}

/// A fitted model and how well it fits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BanisterFit {
    /// The parameters.
    pub params: BanisterParams,
    /// Sum of squared errors at the tests.
    pub sse: f64,
    /// Root mean squared error.
    pub rmse: f64,
    /// Coefficient of determination (absent when the tests do not vary).
    pub r2: Option<f64>,
    /// SSE of the starting guess (the best grid point), never lower than `sse`.
    pub initial_sse: f64,
    /// Number of tests.
    pub tests: usize,
    /// Free parameters.
    pub free_parameters: usize,
    /// Too few tests, optimum on a bound, ill-conditioning.
    pub warnings: Vec<String>,
}

/// Performance tests on days of the load series, with scratch buffers so an
/// evaluation of the objective allocates nothing.
struct Problem<'a> {
    loads: &'a [f64],
    days: Vec<usize>,
    values: Vec<f64>,
    timing: LoadTiming,
    scratch: std::cell::RefCell<[Vec<f64>; 2]>,
}

/// `Σ a·b` over two slices.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

impl Problem<'_> {
    /// Best (p0, k1, k2) with k ≥ 0 for fixed time constants, and its SSE.
    ///
    /// With the intercept, least squares on (1, g, −h) equals least squares of
    /// the centred tests on the centred sums; the two-column problem is solved
    /// by Gram–Schmidt (QR), and only when a gain comes out negative are the
    /// one-column fits (that gain held at 0) tried.
    fn inner(&self, tau1: f64, tau2: f64) -> (f64, f64, f64, f64) {
        let mut scratch = self.scratch.borrow_mut();
        let [g, h] = &mut *scratch;
        g.clear();
        h.clear();
        let mut k = Kernel::new(tau1, tau2);
        let mut next = 0;
        let last = self.days.last().copied().unwrap_or(0);
        for (t, &w) in self.loads[..=last].iter().enumerate() {
            let (a, b) = k.step(w, self.timing);
            while next < self.days.len() && self.days[next] == t {
                g.push(a);
                h.push(b);
                next += 1;
            }
        }
        let n = self.values.len() as f64;
        let (my, mg, mh) = (
            self.values.iter().sum::<f64>() / n,
            g.iter().sum::<f64>() / n,
            h.iter().sum::<f64>() / n,
        );
        g.iter_mut().for_each(|x| *x -= mg);
        h.iter_mut().for_each(|x| *x -= mh);
        two_column_nonnegative(&self.values, my, g, mg, h, mh)
    }
}

/// Least squares of `y ≈ p0 + a·g − b·h` with a, b ≥ 0, given the centred
/// columns `g`, `h` (means `mg`, `mh`) and the mean `my` of `y`; returns
/// (p0, a, b, SSE). The two-column problem is solved by Gram–Schmidt (QR);
/// only when a gain comes out negative are the one-column fits (that gain
/// held at 0) tried.
pub(crate) fn two_column_nonnegative(
    y: &[f64],
    my: f64,
    g: &[f64],
    mg: f64,
    h: &[f64],
    mh: f64,
) -> (f64, f64, f64, f64) {
    let sse_of = |bg: f64, bh: f64| -> f64 {
        y.iter()
            .zip(g)
            .zip(h)
            .map(|((yi, gi), hi)| (yi - my - bg * gi - bh * hi).powi(2))
            .sum()
    };
    let (gg, hh, gy, hy, gh) = (dot(g, g), dot(h, h), dot(g, y), dot(h, y), dot(g, h));
    let p0 = |bg: f64, bh: f64| my - bg * mg - bh * mh;
    // Both gains free: coefficients on g (a) and on h (−b).
    if gg > 0.0 && hh > 0.0 {
        let r12 = gh / gg.sqrt();
        let r22_sq = hh - r12 * r12;
        if r22_sq > 1e-24 * hh {
            let (qg, qh) = (gy / gg.sqrt(), (hy - r12 * gy / gg.sqrt()) / r22_sq.sqrt());
            let bh = qh / r22_sq.sqrt();
            let bg = (qg - r12 * bh) / gg.sqrt();
            if bg >= 0.0 && bh <= 0.0 {
                return (p0(bg, bh), bg, -bh, sse_of(bg, bh));
            }
        }
    }
    let mut best = (my, 0.0, 0.0, sse_of(0.0, 0.0));
    if gg > 0.0 && gy / gg >= 0.0 {
        let bg = gy / gg;
        let sse = sse_of(bg, 0.0);
        if sse < best.3 {
            best = (p0(bg, 0.0), bg, 0.0, sse);
        }
    }
    if hh > 0.0 && hy / hh <= 0.0 {
        let bh = hy / hh;
        let sse = sse_of(0.0, bh);
        if sse < best.3 {
            best = (p0(0.0, bh), 0.0, -bh, sse);
        }
    }
    best
}

/// Checks tests (day index, value): at least `min` of them, inside the series,
/// finite, days strictly increasing.
pub(crate) fn check_tests(loads: &[f64], tests: &[(usize, f64)], min: usize) -> Result<()> {
    if tests.is_empty() {
        return Err(Error::empty("tests", "performance tests to fit"));
    }
    for (i, &(day, v)) in tests.iter().enumerate() {
        if day >= loads.len() {
            return Err(Error::out_of_range(
                &format!("tests[{i}].day"),
                day,
                &format!("a day inside the load series (0 to {})", loads.len() - 1),
            ));
        }
        check::finite(&format!("tests[{i}].value"), v)?;
        if i > 0 && day <= tests[i - 1].0 {
            return Err(if day == tests[i - 1].0 {
                Error::DuplicateDate {
                    field: format!("tests[{i}].day"),
                    value: day.to_string(),
                }
            } else {
                Error::UnsortedDates {
                    field: format!("tests[{i}].day"),
                    value: day.to_string(),
                    previous: tests[i - 1].0.to_string(),
                }
            });
        }
    }
    if tests.len() < min {
        return Err(Error::out_of_range(
            "tests",
            format!("{} tests", tests.len()),
            &format!("at least {min} tests for {min} free parameters"),
        ));
    }
    Ok(())
}

/// Fits the model to performance tests: `tests` are (day index in `loads`, value).
///
/// # Errors
/// The loads' errors; `empty` without tests; `out_of_range` for a test day
/// outside the series or a fixed τ out of bounds; `not_finite` for a test
/// value; `unsorted_dates`/`duplicate_date` for test days out of order;
/// `out_of_range` (`tests`) for fewer tests than free parameters.
pub fn fit(loads: &[f64], tests: &[(usize, f64)], options: &FitOptions) -> Result<BanisterFit> {
    validate_loads(loads)?;
    check_tests(loads, tests, 1)?;
    for (f, v) in [
        ("fixed_tau1", options.fixed_tau1),
        ("fixed_tau2", options.fixed_tau2),
    ] {
        check::opt_in_range(f, v, TAU_BOUNDS.0, TAU_BOUNDS.1, "days")?;
    }
    if let (Some(a), Some(b)) = (options.fixed_tau1, options.fixed_tau2) {
        if b >= a {
            return Err(Error::inconsistent(
                "fixed_tau2",
                b,
                "must be shorter than fixed_tau1",
            ));
        }
    }
    let free =
        3 + usize::from(options.fixed_tau1.is_none()) + usize::from(options.fixed_tau2.is_none());
    if tests.len() < free {
        return Err(Error::out_of_range(
            "tests",
            format!("{} tests", tests.len()),
            &format!("at least {free} tests for {free} free parameters"),
        ));
    }
    let problem = Problem {
        loads,
        days: tests.iter().map(|t| t.0).collect(),
        values: tests.iter().map(|t| t.1).collect(),
        timing: options.timing,
        scratch: std::cell::RefCell::new([
            Vec::with_capacity(tests.len()),
            Vec::with_capacity(tests.len()),
        ]),
    };
    let (lo, hi) = (TAU_BOUNDS.0.ln(), TAU_BOUNDS.1.ln());
    // Search in log τ; τ2 < τ1 is kept by a penalty.
    let objective = |x: [f64; 2]| -> f64 {
        let t1 = options
            .fixed_tau1
            .unwrap_or_else(|| x[0].clamp(lo, hi).exp());
        let t2 = options
            .fixed_tau2
            .unwrap_or_else(|| x[1].clamp(lo, hi).exp());
        if t2 >= t1 {
            return f64::INFINITY;
        }
        problem.inner(t1, t2).3
    };
    // Coarse log-spaced grid for the start.
    const GRID: usize = 16;
    let at = |i: usize| lo + (hi - lo) * i as f64 / (GRID - 1) as f64;
    let mut start = [0.5 * (lo + hi), 0.5 * (lo + hi) - 1.0];
    let mut start_sse = f64::INFINITY;
    for i in 0..GRID {
        for j in 0..GRID {
            let x = [at(i), at(j)];
            let f = objective(x);
            if f < start_sse {
                start_sse = f;
                start = x;
            }
        }
    }
    if !start_sse.is_finite() {
        // Both time constants fixed and valid: the grid is one point.
        start_sse = objective(start);
    }
    let best = nelder_mead::<2>(&objective, start, start_sse, (hi - lo) / (GRID - 1) as f64);
    let tau1 = options
        .fixed_tau1
        .unwrap_or_else(|| best.0[0].clamp(lo, hi).exp());
    let tau2 = options
        .fixed_tau2
        .unwrap_or_else(|| best.0[1].clamp(lo, hi).exp());
    let (p0, k1, k2, sse) = problem.inner(tau1, tau2);
    let n = tests.len() as f64;
    let mean = problem.values.iter().sum::<f64>() / n;
    let sst: f64 = problem.values.iter().map(|v| (v - mean).powi(2)).sum();
    let mut warnings = Vec::new();
    if tests.len() < 2 * free {
        warnings.push(format!(
            "only {} tests for {free} free parameters (about 2 per parameter are needed): treat the parameters as unreliable",
            tests.len()
        ));
    }
    let on_bound = |t: f64| (t - TAU_BOUNDS.0).abs() < 1e-3 || (t - TAU_BOUNDS.1).abs() < 1e-3;
    if (options.fixed_tau1.is_none() && on_bound(tau1))
        || (options.fixed_tau2.is_none() && on_bound(tau2))
    {
        warnings.push(format!(
            "a time constant lies on its bound (tau1 {tau1:.2}, tau2 {tau2:.2} days)"
        ));
    }
    if k1 == 0.0 || k2 == 0.0 {
        warnings.push(
            "a gain is 0 (on its bound): the tests do not show both fitness and fatigue".into(),
        );
    }
    if tau1 / tau2 < 1.1 {
        warnings.push("tau1 and tau2 are nearly equal: fitness and fatigue cannot be told apart (ill-conditioned)".into());
    }
    Ok(BanisterFit {
        params: BanisterParams {
            p0,
            k1,
            tau1,
            k2,
            tau2,
        },
        sse,
        rmse: (sse / n).sqrt(),
        r2: (sst > 0.0).then(|| 1.0 - sse / sst),
        initial_sse: start_sse.max(sse),
        tests: tests.len(),
        free_parameters: free,
        warnings,
    })
}

/// Fits many athletes at once. `loads` and `tests` are row-major matrices of
/// `days` columns, one row per athlete; a test is any finite value in `tests`
/// (NaN marks a day without a test — NumPy's and pandas' missing value).
/// Athletes are split across the machine's cores; the result for each is its
/// own fit or its own error.
///
/// ```
/// use runrecovery_core::model::banister::{fit_batch, FitOptions};
/// let days = 60;
/// let loads = vec![50.0; 2 * days];
/// let mut tests = vec![f64::NAN; 2 * days];
/// for d in (5..days).step_by(5) { tests[d] = 40.0 + d as f64 * 0.1; }
/// let fits = fit_batch(&loads, &tests, days, &FitOptions::default()).unwrap();
/// assert!(fits[0].is_ok());
/// assert_eq!(fits[1].as_ref().unwrap_err().code(), "empty"); // no tests for athlete 1
/// ```
///
/// # Errors
/// `out_of_range` for `days` of 0 or a size that is not athletes × days;
/// `inconsistent` when `tests` differs in size from `loads`.
pub fn fit_batch(
    loads: &[f64],
    tests: &[f64],
    days: usize,
    options: &FitOptions,
) -> Result<Vec<Result<BanisterFit>>> {
    crate::model::check_shape(loads, days)?;
    if tests.len() != loads.len() {
        return Err(Error::inconsistent(
            "tests",
            format!("{} values", tests.len()),
            "must match the loads' size",
        ));
    }
    let athletes = loads.len() / days;
    let one = |a: usize| -> Result<BanisterFit> {
        let row = &loads[a * days..(a + 1) * days];
        let row_tests = &tests[a * days..(a + 1) * days];
        // NaN marks a day without a test; an infinite value is an error, not a gap.
        if let Some(d) = row_tests.iter().position(|v| v.is_infinite()) {
            return Err(Error::NotFinite {
                field: format!("athletes[{a}].tests[{d}]"),
                value: row_tests[d].to_string(),
            });
        }
        let t: Vec<(usize, f64)> = row_tests
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(d, &v)| (d, v))
            .collect();
        fit(row, &t, options).map_err(|e| e.within(&format!("athletes[{a}]")))
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(athletes);
    if threads <= 1 {
        return Ok((0..athletes).map(one).collect());
    }
    let chunk = athletes.div_ceil(threads);
    let mut out: Vec<Result<BanisterFit>> = Vec::with_capacity(athletes);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                let one = &one;
                scope.spawn(move || {
                    (k * chunk..((k + 1) * chunk).min(athletes))
                        .map(one)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                // A worker cannot panic on validated input; say so rather than unwind across FFI.
                Err(_) => out.push(Err(Error::inconsistent(
                    "athletes",
                    "a worker",
                    "stopped unexpectedly",
                ))),
            }
        }
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synthetic() -> (Vec<f64>, BanisterParams) {
        // Two years of varied daily loads (deterministic).
        let loads: Vec<f64> = (0..730)
            .map(|i| {
                let week = (i / 7) % 4;
                let day = i % 7;
                let base = [60.0, 70.0, 80.0, 40.0][week];
                if day == 0 {
                    0.0
                } else {
                    base + 30.0 * ((i as f64) * 0.7).sin().abs()
                }
            })
            .collect();
        (
            loads,
            BanisterParams {
                p0: 50.0,
                k1: 0.1,
                tau1: 45.0,
                k2: 0.3,
                tau2: 11.0,
            },
        )
    }

    #[test]
    fn fit_recovers_noise_free_parameters() {
        let (loads, truth) = synthetic();
        let perf = simulate(&loads, &truth, LoadTiming::SameDay).unwrap();
        let tests: Vec<(usize, f64)> = (10..730).step_by(10).map(|d| (d, perf[d])).collect();
        let f = fit(&loads, &tests, &FitOptions::default()).unwrap();
        let p = f.params;
        for (a, b) in [
            (p.p0, truth.p0),
            (p.k1, truth.k1),
            (p.tau1, truth.tau1),
            (p.k2, truth.k2),
            (p.tau2, truth.tau2),
        ] {
            assert!(
                (a - b).abs() <= 1e-6 * b.abs().max(1.0),
                "{p:?} vs {truth:?}"
            );
        }
        assert!(f.sse <= f.initial_sse);
    }

    #[test]
    fn closed_form_and_simulation_agree() {
        let p = BanisterParams {
            p0: 0.0,
            k1: 1.0,
            tau1: 40.0,
            k2: 2.5,
            tau2: 8.0,
        };
        let r = impulse_response(&p).unwrap();
        let mut loads = vec![0.0; 120];
        loads[0] = 1.0;
        let sim = simulate(&loads, &p, LoadTiming::SameDay).unwrap();
        let peak_day = (0..120).max_by(|&a, &b| sim[a].total_cmp(&sim[b])).unwrap();
        assert!((peak_day as f64 - r.t_star).abs() <= 1.0);
        let cross = (0..120).find(|&d| sim[d] > 0.0).unwrap();
        assert!(cross as f64 >= r.t_n && (cross as f64) < r.t_n + 1.0);
    }
}
