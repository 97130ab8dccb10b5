//! A small Nelder–Mead minimiser shared by the model fits (the outer search
//! over time constants in variable projection). Only improvements are
//! accepted, so the result is never worse than the start.

/// Minimises `f` from `start` (whose value is `f_start`) with an initial
/// simplex of `step` along each axis. Stops when the simplex is smaller than
/// 1e-10 (or 1e-9 with a flat objective), or after 2000 iterations.
pub(crate) fn nelder_mead<const N: usize>(
    f: &dyn Fn([f64; N]) -> f64,
    start: [f64; N],
    f_start: f64,
    step: f64,
) -> ([f64; N], f64) {
    let mut s: Vec<([f64; N], f64)> = Vec::with_capacity(N + 1);
    s.push((start, f_start));
    for k in 0..N {
        let mut p = start;
        p[k] += step;
        s.push((p, f(p)));
    }
    let lin = |a: [f64; N], b: [f64; N], t: f64| -> [f64; N] {
        let mut out = a;
        for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
            *o = x + t * (y - x);
        }
        out
    };
    for _ in 0..2000 {
        s.sort_by(|a, b| a.1.total_cmp(&b.1));
        let best = s[0].0;
        let size = s[1..]
            .iter()
            .flat_map(|p| (0..N).map(move |k| (p.0[k] - best[k]).abs()))
            .fold(0.0, f64::max);
        if size < 1e-10
            || (s[N].1 - s[0].1).abs() <= 1e-15 * s[0].1.abs().max(1e-300) && size < 1e-9
        {
            break;
        }
        let mut centroid = [0.0; N];
        for p in &s[..N] {
            for (c, x) in centroid.iter_mut().zip(p.0) {
                *c += x / N as f64;
            }
        }
        let worst = s[N];
        let reflect = lin(centroid, worst.0, -1.0);
        let fr = f(reflect);
        if fr < s[0].1 {
            let expand = lin(centroid, worst.0, -2.0);
            let fe = f(expand);
            s[N] = if fe < fr { (expand, fe) } else { (reflect, fr) };
        } else if fr < s[N - 1].1 {
            s[N] = (reflect, fr);
        } else {
            let contract = if fr < worst.1 {
                lin(centroid, reflect, 0.5)
            } else {
                lin(centroid, worst.0, 0.5)
            };
            let fc = f(contract);
            if fc < worst.1.min(fr) {
                s[N] = (contract, fc);
            } else {
                for p in s.iter_mut().skip(1) {
                    let q = lin(best, p.0, 0.5);
                    *p = (q, f(q));
                }
            }
        }
    }
    s.sort_by(|a, b| a.1.total_cmp(&b.1));
    if s[0].1 <= f_start {
        (s[0].0, s[0].1)
    } else {
        (start, f_start)
    }
}

/// What a least-squares objective `f = ‖r‖²` gives the Levenberg–Marquardt
/// search at one point: its value, `Jᵀr` (half the gradient) and `JᵀJ` (half
/// the Gauss–Newton Hessian), `J` the Jacobian of the residuals.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GaussNewton {
    /// `‖r‖²`.
    pub f: f64,
    /// `Jᵀr`.
    pub jtr: [f64; 2],
    /// `JᵀJ` (symmetric).
    pub jtj: [[f64; 2]; 2],
}

/// The feasible set of a 2-parameter search: a box, at most one more linear
/// inequality `a·x ≤ c`, and parameters held where they start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region {
    /// Lower bounds.
    pub lo: [f64; 2],
    /// Upper bounds.
    pub hi: [f64; 2],
    /// A further constraint `a·x ≤ c`.
    pub linear: Option<([f64; 2], f64)>,
    /// Which parameters move (a held one keeps its start).
    pub free: [bool; 2],
    /// Gains below this (absolute) count as none: where `f` is zero but for
    /// rounding.
    pub f_floor: f64,
}

impl Region {
    /// Every constraint as `a·x ≤ c`.
    fn constraints(&self) -> impl Iterator<Item = ([f64; 2], f64)> + '_ {
        [
            ([-1.0, 0.0], -self.lo[0]),
            ([0.0, -1.0], -self.lo[1]),
            ([1.0, 0.0], self.hi[0]),
            ([0.0, 1.0], self.hi[1]),
        ]
        .into_iter()
        .chain(self.linear)
    }
}

/// How the Levenberg–Marquardt search ended (for tests and benchmarks).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LmResult {
    /// The best point found.
    pub x: [f64; 2],
    /// Its objective value (never above the start's).
    pub f: f64,
    /// Objective evaluations made (the start's not counted).
    pub evals: usize,
}

/// A constraint counts as reached within this distance.
const ON_BOUND: f64 = 1e-12;
/// Converged when an accepted step moves no parameter by more than this.
const X_TOL: f64 = 1e-10;
/// Converged when a step gains (or the model predicts it would gain) less
/// than this fraction of `f`: about where rounding hides a gain.
const F_TOL: f64 = 1e-15;

/// `a·b`.
fn dot2(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[0] + a[1] * b[1]
}

/// Up to two constraint normals held during one step; two that are not
/// parallel leave no direction (a vertex).
struct Held {
    normals: [[f64; 2]; 2],
    len: usize,
}

impl Held {
    fn new() -> Self {
        Held {
            normals: [[0.0; 2]; 2],
            len: 0,
        }
    }

    fn contains(&self, a: [f64; 2]) -> bool {
        self.normals[..self.len].iter().any(|b| {
            (a[0] * b[1] - a[1] * b[0]).abs() <= 1e-12 * dot2(a, a).sqrt() * dot2(*b, *b).sqrt()
        })
    }

    /// Holds `a` too; true when no direction is left.
    fn add(&mut self, a: [f64; 2]) -> bool {
        if !self.contains(a) && self.len < 2 {
            self.normals[self.len] = a;
            self.len += 1;
        }
        self.len == 2
    }

    /// The unit direction left free by one held normal.
    fn along(&self) -> [f64; 2] {
        let a = self.normals[0];
        let norm = dot2(a, a).sqrt();
        [-a[1] / norm, a[0] / norm]
    }

    /// The minimiser of the model `gᵀδ + ½δᵀMδ` over the free directions.
    fn newton(&self, m: &[[f64; 2]; 2], g: [f64; 2]) -> [f64; 2] {
        match self.len {
            0 => {
                let det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
                [
                    -(m[1][1] * g[0] - m[0][1] * g[1]) / det,
                    -(m[0][0] * g[1] - m[1][0] * g[0]) / det,
                ]
            }
            1 => {
                let t = self.along();
                let mt = [dot2(m[0], t), dot2(m[1], t)];
                let alpha = -dot2(t, g) / dot2(t, mt);
                [alpha * t[0], alpha * t[1]]
            }
            _ => [0.0; 2],
        }
    }
}

/// Minimises a least-squares objective of two parameters from a feasible
/// `start` (its evaluation `first`) inside `region`, by Levenberg–Marquardt
/// with Marquardt's scaling: `(JᵀJ + S + λ·diag JᵀJ)·δ = −Jᵀr`, where `S`
/// estimates the second-order part Gauss–Newton leaves out (Σ r·∇²r, large
/// when the residuals are) by structured secant updates ([`secant_update`]).
///
/// Constraints by active sets (projected Newton, Bertsekas 1982): a
/// constraint the point has reached is held when the gradient pushes against
/// it, or when the model's step would cross it, and the step is taken along
/// what is held (at a vertex: nowhere — a constrained stationary point when
/// the gradient holds both); a step that would cross a constraint not yet
/// reached is cut short at it. A step is kept only when it lowers `f` (then λ
/// falls tenfold), else λ grows tenfold; so the result is never worse than
/// the start. `eval` returns `None` where the objective is undefined (a
/// failed step). Stops when a step moves less than 1e-10 or gains less than
/// 1e-15·f, after 10 failed steps in a row, or after `max_evals` evaluations.
pub(crate) fn levenberg_marquardt(
    eval: &mut dyn FnMut([f64; 2]) -> Option<GaussNewton>,
    start: [f64; 2],
    first: GaussNewton,
    region: &Region,
    max_evals: usize,
) -> LmResult {
    let (mut x, mut cur) = (start, first);
    // Marquardt's λ, with Nielsen's (1999) update: after a failed step it
    // grows by ν, and ν doubles; after a step that gained the fraction ρ of
    // what the model predicted, it shrinks by max(1/3, 1 − (2ρ − 1)³).
    let (mut lambda, mut nu) = (1e-3, 2.0);
    let (mut evals, mut failed) = (0, 0);
    let mut s = [[0.0; 2]; 2];
    while evals < max_evals && failed < 10 {
        let g = cur.jtr;
        if !(cur.f.is_finite() && g[0].is_finite() && g[1].is_finite()) {
            break;
        }
        let reached = |a: [f64; 2], c: f64| dot2(a, x) >= c - ON_BOUND;
        // Held: the fixed parameters, and what the gradient pushes against.
        let mut held = Held::new();
        let mut vertex = false;
        for (k, &free) in region.free.iter().enumerate() {
            if !free {
                let mut e = [0.0; 2];
                e[k] = 1.0;
                vertex |= held.add(e);
            }
        }
        for (a, c) in region.constraints() {
            if reached(a, c) && dot2(a, g) < 0.0 {
                vertex |= held.add(a);
            }
        }
        if vertex {
            break; // the gradient points out of every free direction
        }
        let h = cur.jtj;
        let floor = 1e-12 * (h[0][0].abs() + h[1][1].abs()) + 1e-300;
        let d = [h[0][0].max(floor), h[1][1].max(floor)];
        let m = [
            [h[0][0] + s[0][0] + lambda * d[0], h[0][1] + s[0][1]],
            [h[1][0] + s[1][0], h[1][1] + s[1][1] + lambda * d[1]],
        ];
        if !(m[0][0] > 0.0 && m[1][1] > 0.0 && m[0][0] * m[1][1] > m[0][1] * m[1][0]) {
            // The secant part made the model indefinite: lean on λ.
            lambda *= nu;
            nu *= 2.0;
            failed += 1;
            continue;
        }
        let mut step = held.newton(&m, g);
        // A reached constraint the step would cross is held too.
        let mut newton_held = false;
        for _ in 0..2 {
            let Some((a, _)) = region
                .constraints()
                .find(|&(a, c)| reached(a, c) && !held.contains(a) && dot2(a, step) > 0.0)
            else {
                break;
            };
            newton_held = true;
            step = if held.add(a) {
                [0.0; 2]
            } else {
                held.newton(&m, g)
            };
        }
        if !(step[0].is_finite() && step[1].is_finite()) {
            break;
        }
        // Cut the step short at the first constraint it would cross.
        let mut scale: f64 = 1.0;
        for (a, c) in region.constraints() {
            let along = dot2(a, step);
            if along > 0.0 {
                scale = scale.min(((c - dot2(a, x)) / along).max(0.0));
            }
        }
        let mut trial = [x[0] + scale * step[0], x[1] + scale * step[1]];
        for k in 0..2 {
            trial[k] = if region.free[k] {
                trial[k].clamp(region.lo[k], region.hi[k])
            } else {
                x[k]
            };
        }
        let moved = (trial[0] - x[0]).abs().max((trial[1] - x[1]).abs());
        // What the (undamped) model predicts the step gains in f.
        let taken = [trial[0] - x[0], trial[1] - x[1]];
        let model = [
            [h[0][0] + s[0][0], h[0][1] + s[0][1]],
            [h[1][0] + s[1][0], h[1][1] + s[1][1]],
        ];
        let predicted =
            -2.0 * dot2(g, taken) - dot2(taken, [dot2(model[0], taken), dot2(model[1], taken)]);
        if predicted <= F_TOL * cur.f + region.f_floor && scale >= 1.0 && !newton_held {
            break; // what is left to gain is below rounding: converged
        }
        if moved <= X_TOL {
            if scale >= 1.0 && !newton_held {
                break; // the model's step is negligible: converged
            }
            // Blocked by what only the model's step (not the gradient)
            // points out of: lean towards the gradient.
            lambda *= nu;
            nu *= 2.0;
            failed += 1;
            continue;
        }
        evals += 1;
        match eval(trial) {
            Some(next) if next.f < cur.f => {
                let gain = cur.f - next.f;
                let small = gain <= F_TOL * cur.f || moved <= X_TOL;
                secant_update(&mut s, taken, cur.jtr, &next);
                x = trial;
                cur = next;
                let rho = if predicted > 0.0 {
                    gain / predicted
                } else {
                    1.0
                };
                lambda = (lambda * (1.0 - (2.0 * rho - 1.0).powi(3)).max(1.0 / 3.0)).max(1e-15);
                nu = 2.0;
                failed = 0;
                if small {
                    break;
                }
            }
            _ => {
                lambda *= nu;
                nu *= 2.0;
                failed += 1;
            }
        }
    }
    LmResult { x, f: cur.f, evals }
}

/// The structured secant update of the second-order part `S ≈ Σ r·∇²r` of
/// the Hessian (Dennis, Gay & Welsch 1981, NL2SOL), after an accepted step
/// `step` from a point with `Jᵀr = jtr_old` to `next`: `JᵀJ + S` then obeys
/// the secant condition `(JᵀJ + S)·step = Δ(Jᵀr)`. `S` is first scaled down
/// when it overstates the curvature seen (their sizing); a step that showed
/// no positive curvature resets it.
fn secant_update(s: &mut [[f64; 2]; 2], step: [f64; 2], jtr_old: [f64; 2], next: &GaussNewton) {
    let y = [next.jtr[0] - jtr_old[0], next.jtr[1] - jtr_old[1]];
    let ys = dot2(y, step);
    if ys.is_nan() || ys <= 0.0 {
        *s = [[0.0; 2]; 2];
        return;
    }
    let mul = |m: &[[f64; 2]; 2], v: [f64; 2]| [dot2(m[0], v), dot2(m[1], v)];
    let jtj_s = mul(&next.jtj, step);
    let y_sharp = [y[0] - jtj_s[0], y[1] - jtj_s[1]];
    let s_s = mul(s, step);
    let sss = dot2(step, s_s);
    if sss != 0.0 {
        let sizing = (dot2(step, y_sharp) / sss).abs().min(1.0);
        for row in s.iter_mut() {
            for v in row.iter_mut() {
                *v *= sizing;
            }
        }
    }
    let s_s = mul(s, step);
    let w = [y_sharp[0] - s_s[0], y_sharp[1] - s_s[1]];
    let ws = dot2(w, step);
    for i in 0..2 {
        for j in 0..2 {
            s[i][j] += (w[i] * y[j] + y[i] * w[j]) / ys - ws * y[i] * y[j] / (ys * ys);
        }
    }
    if !s.iter().flatten().all(|v| v.is_finite()) {
        *s = [[0.0; 2]; 2];
    }
}
