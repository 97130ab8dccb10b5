//! Busso's variable dose-response model (Busso 2003, Med Sci Sports Exerc
//! 35:1188): the fatigue gain grows with recent load, so too much load pays
//! back less — the model has an optimal daily load (an inverted U), and it is
//! the model in which a bigger overload calls for a longer, deeper taper
//! (Thomas & Busso 2005).
//!
//! `p(n) = p0 + k1·Σ_(i≤n) w(i)·e^(−(n−i)/τ1) − Σ_(i≤n) k2(i)·w(i)·e^(−(n−i)/τ2)`
//! with `k2(i) = k3·Σ_(j≤i) w(j)·e^(−(i−j)/τ3)` (today's load acts today).
//!
//! The model is linear in (p0, k1, k3) once (τ1, τ2, τ3) are fixed, so the fit
//! uses variable projection like the Banister fit: least squares (k ≥ 0) inside
//! a search over the three time constants (a log-spaced grid, then Nelder–Mead).
//!
//! ```
//! use runrecovery_core::model::busso::{BussoParams, simulate};
//! let p = BussoParams { p0: 0.0, k1: 1.0, tau1: 42.0, k3: 0.01, tau2: 7.0, tau3: 5.0 };
//! let one = simulate(&[100.0], &p).unwrap();
//! // k2(0) = k3·100 = 1, so p(0) = 100·(1 − 1) = 0
//! assert!(one[0].abs() < 1e-12);
//! ```

use serde::{Deserialize, Serialize};

use crate::error::{Result, check};
use crate::model::banister::TAU_BOUNDS;
use crate::model::optimize::nelder_mead;
use crate::model::validate_loads;

/// The six parameters.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BussoParams {
    /// Baseline performance.
    pub p0: f64,
    /// Fitness gain (≥ 0).
    pub k1: f64,
    /// Fitness time constant, days.
    pub tau1: f64,
    /// Growth of the fatigue gain per unit of recent load (≥ 0).
    pub k3: f64,
    /// Fatigue time constant, days.
    pub tau2: f64,
    /// Time constant of the fatigue gain's memory of load, days.
    pub tau3: f64,
}

impl BussoParams {
    /// Checks finiteness, gains ≥ 0 and time constants in 1–1000 days.
    ///
    /// # Errors
    /// `not_finite`, `out_of_range`.
    pub fn validate(&self) -> Result<()> {
        check::finite("params.p0", self.p0)?;
        check::in_range("params.k1", self.k1, 0.0, 1e6, "")?;
        check::in_range("params.k3", self.k3, 0.0, 1e6, "")?;
        for (f, v) in [
            ("params.tau1", self.tau1),
            ("params.tau2", self.tau2),
            ("params.tau3", self.tau3),
        ] {
            check::in_range(f, v, TAU_BOUNDS.0, 1000.0, "days")?;
        }
        Ok(())
    }
}

/// The recursive state: fitness sum, the fatigue-gain memory, the weighted fatigue sum.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct State {
    pub g: f64,
    pub q: f64,
    pub h: f64,
}

impl State {
    /// Advances one day with load `w` (acting today) under decays `d`; returns the state.
    #[inline]
    pub(crate) fn step(&mut self, w: f64, d: &[f64; 3], k3: f64) {
        self.q = self.q * d[2] + w;
        self.g = self.g * d[0] + w;
        self.h = self.h * d[1] + k3 * self.q * w;
    }
}

/// The three daily decay factors.
pub(crate) fn decays(p: &BussoParams) -> [f64; 3] {
    [
        (-1.0 / p.tau1).exp(),
        (-1.0 / p.tau2).exp(),
        (-1.0 / p.tau3).exp(),
    ]
}

/// Predicted performance for each day of a daily load series.
///
/// # Errors
/// The loads' and parameters' errors.
pub fn simulate(loads: &[f64], p: &BussoParams) -> Result<Vec<f64>> {
    validate_loads(loads)?;
    p.validate()?;
    let d = decays(p);
    let mut s = State::default();
    Ok(loads
        .iter()
        .map(|&w| {
            s.step(w, &d, p.k3);
            p.p0 + p.k1 * s.g - s.h
        })
        .collect())
}

/// A fitted Busso model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BussoFit {
    /// The parameters.
    pub params: BussoParams,
    /// Sum of squared errors at the tests.
    pub sse: f64,
    /// Root mean squared error.
    pub rmse: f64,
    /// Coefficient of determination (absent when the tests do not vary).
    pub r2: Option<f64>,
    /// SSE of the best grid point, never lower than `sse`.
    pub initial_sse: f64,
    /// Number of tests.
    pub tests: usize,
    /// Too few tests, optimum on a bound.
    pub warnings: Vec<String>,
}

/// Fits Busso's model to tests (day index in `loads`, value) by variable projection.
///
/// # Errors
/// As [`crate::model::banister::fit`]: `empty`, `out_of_range` (a test day
/// outside the series, fewer than 6 tests), `not_finite`, `unsorted_dates`,
/// `duplicate_date`.
pub fn fit(loads: &[f64], tests: &[(usize, f64)]) -> Result<BussoFit> {
    validate_loads(loads)?;
    crate::model::banister::check_tests(loads, tests, 6)?;
    let days: Vec<usize> = tests.iter().map(|t| t.0).collect();
    let y: Vec<f64> = tests.iter().map(|t| t.1).collect();
    let n = y.len() as f64;
    let my = y.iter().sum::<f64>() / n;
    let last = days[days.len() - 1];
    // For fixed time constants: columns g (fitness) and H (fatigue per unit k3).
    let inner = |tau: [f64; 3]| -> (f64, f64, f64, f64) {
        let p = BussoParams {
            p0: 0.0,
            k1: 1.0,
            tau1: tau[0],
            k3: 1.0,
            tau2: tau[1],
            tau3: tau[2],
        };
        let d = decays(&p);
        let mut s = State::default();
        let (mut g, mut h) = (
            Vec::with_capacity(days.len()),
            Vec::with_capacity(days.len()),
        );
        let mut next = 0;
        for (t, &w) in loads[..=last].iter().enumerate() {
            s.step(w, &d, 1.0);
            while next < days.len() && days[next] == t {
                g.push(s.g);
                h.push(s.h);
                next += 1;
            }
        }
        let (mg, mh) = (g.iter().sum::<f64>() / n, h.iter().sum::<f64>() / n);
        g.iter_mut().for_each(|x| *x -= mg);
        h.iter_mut().for_each(|x| *x -= mh);
        crate::model::banister::two_column_nonnegative(&y, my, &g, mg, &h, mh)
    };
    let (lo, hi) = (TAU_BOUNDS.0.ln(), TAU_BOUNDS.1.ln());
    let objective = |x: [f64; 3]| -> f64 {
        let t = x.map(|v| v.clamp(lo, hi).exp());
        if t[1] >= t[0] {
            return f64::INFINITY;
        }
        inner(t).3
    };
    const GRID: usize = 8;
    let at = |i: usize| lo + (hi - lo) * i as f64 / (GRID - 1) as f64;
    let (mut start, mut start_sse) = ([at(5), at(3), at(2)], f64::INFINITY);
    for i in 0..GRID {
        for j in 0..GRID {
            for k in 0..GRID {
                let x = [at(i), at(j), at(k)];
                let f = objective(x);
                if f < start_sse {
                    start_sse = f;
                    start = x;
                }
            }
        }
    }
    let best = nelder_mead::<3>(&objective, start, start_sse, (hi - lo) / (GRID - 1) as f64);
    let t = best.0.map(|v| v.clamp(lo, hi).exp());
    let (p0, k1, k3, sse) = inner(t);
    let sst: f64 = y.iter().map(|v| (v - my).powi(2)).sum();
    let mut warnings = Vec::new();
    if tests.len() < 12 {
        warnings.push(format!(
            "only {} tests for 6 free parameters (about 2 per parameter are needed)",
            tests.len()
        ));
    }
    if t.iter()
        .any(|&v| (v - TAU_BOUNDS.0).abs() < 1e-3 || (v - TAU_BOUNDS.1).abs() < 1e-3)
    {
        warnings.push("a time constant lies on its bound".into());
    }
    if k1 == 0.0 || k3 == 0.0 {
        warnings.push("a gain is 0 (on its bound)".into());
    }
    Ok(BussoFit {
        params: BussoParams {
            p0,
            k1,
            tau1: t[0],
            k3,
            tau2: t[1],
            tau3: t[2],
        },
        sse,
        rmse: (sse / n).sqrt(),
        r2: (sst > 0.0).then(|| 1.0 - sse / sst),
        initial_sse: start_sse.max(sse),
        tests: tests.len(),
        warnings,
    })
}

/// Busso's fatigue gain at the end of a load series: `k3·Σ w(j)·e^(−(n−j)/τ3)`.
///
/// # Errors
/// The loads' and parameters' errors.
pub fn fatigue_gain(loads: &[f64], p: &BussoParams) -> Result<f64> {
    validate_loads(loads)?;
    p.validate()?;
    let d = (-1.0 / p.tau3).exp();
    Ok(p.k3 * loads.iter().fold(0.0, |q, &w| q * d + w))
}

impl From<BussoFit> for BussoParams {
    fn from(f: BussoFit) -> Self {
        f.params
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_recovers_noise_free_parameters() {
        let loads: Vec<f64> = (0..400)
            .map(|i| {
                if i % 7 == 0 {
                    0.0
                } else {
                    40.0 + 30.0 * ((i as f64) * 0.37).sin().abs() + (i / 50) as f64 * 5.0
                }
            })
            .collect();
        let truth = BussoParams {
            p0: 50.0,
            k1: 0.08,
            tau1: 40.0,
            k3: 0.002,
            tau2: 8.0,
            tau3: 4.0,
        };
        let perf = simulate(&loads, &truth).unwrap();
        let tests: Vec<(usize, f64)> = (5..400).step_by(7).map(|d| (d, perf[d])).collect();
        let f = fit(&loads, &tests).unwrap();
        assert!(f.sse <= f.initial_sse);
        assert!(f.rmse < 1e-6, "{f:?}");
    }
}
