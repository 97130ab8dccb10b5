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
