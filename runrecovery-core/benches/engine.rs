//! Engine benchmarks: `cargo bench -p runrecovery-core --bench engine`.
//!
//! - PMC over 1000 athletes × 3650 days into preallocated buffers (the
//!   "plain native loop" the Python and JS packages are compared with);
//! - the Banister fit of one athlete (2 years of loads, a test every 10 days),
//!   noise-free, and of 30 athletes with noisy tests as in
//!   `runrecovery-py/bench/bench_engine.py` (docs/benchmarks.md §2).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use runrecovery_core::model::banister::{self, BanisterParams, FitOptions, LoadTiming};
use runrecovery_core::model::{self, PmcOptions};

/// Deterministic pseudo-random loads (xorshift), 0–150 with rest days.
fn loads(n: usize, seed: u64) -> Vec<f64> {
    let mut x = seed | 1;
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if i % 7 == 0 {
                0.0
            } else {
                (x % 15_000) as f64 / 100.0
            }
        })
        .collect()
}

fn pmc(c: &mut Criterion) {
    let (athletes, days) = (1000, 3650);
    let w = loads(athletes * days, 42);
    let (mut f, mut a, mut t) = (vec![0.0; w.len()], vec![0.0; w.len()], vec![0.0; w.len()]);
    let mut g = c.benchmark_group("pmc");
    g.throughput(Throughput::Elements((athletes * days) as u64));
    g.sample_size(20);
    g.bench_function("batch 1000 athletes x 3650 days", |b| {
        b.iter(|| {
            model::pmc_batch(
                black_box(&w),
                days,
                &PmcOptions::default(),
                &mut f,
                &mut a,
                &mut t,
            )
            .unwrap()
        })
    });
    let (mut lf, mut la, mut lt) = (
        vec![0.0; athletes],
        vec![0.0; athletes],
        vec![0.0; athletes],
    );
    g.bench_function("latest day only, 1000 athletes x 3650 days", |b| {
        b.iter(|| {
            model::pmc_batch_latest(
                black_box(&w),
                days,
                &PmcOptions::default(),
                &mut lf,
                &mut la,
                &mut lt,
            )
            .unwrap()
        })
    });
    g.finish();
}

/// Deterministic uniform numbers in [0, 1) (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.next()
    }
    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let (a, b) = (self.next().max(1e-300), self.next());
        (-2.0 * a.ln()).sqrt() * (std::f64::consts::TAU * b).cos()
    }
}

/// Daily loads and tests (day, value) of one athlete.
type Problem = (Vec<f64>, Vec<(usize, f64)>);

/// The Python benchmark's fit problems: 730 days of loads 0–150 (a rest day a
/// week, 10 % easy days), per-athlete parameters (k1 0.05–0.15, τ1 30–60, k2
/// 0.15–0.4, τ2 5–15), a test every 10 days plus noise of SD 2.
fn noisy_problems(n: usize) -> Vec<Problem> {
    let mut rng = Rng(2026);
    (0..n)
        .map(|_| {
            let w: Vec<f64> = (0..730)
                .map(|i| {
                    let x = rng.uniform(0.0, 150.0);
                    if i % 7 == 0 || rng.next() < 0.1 {
                        0.0
                    } else {
                        x
                    }
                })
                .collect();
            let truth = BanisterParams {
                p0: rng.uniform(40.0, 60.0),
                k1: rng.uniform(0.05, 0.15),
                tau1: rng.uniform(30.0, 60.0),
                k2: rng.uniform(0.15, 0.4),
                tau2: rng.uniform(5.0, 15.0),
            };
            let perf = banister::simulate(&w, &truth, LoadTiming::SameDay).unwrap();
            let tests = (10..730)
                .step_by(10)
                .map(|d| (d, perf[d] + 2.0 * rng.normal()))
                .collect();
            (w, tests)
        })
        .collect()
}

fn fit(c: &mut Criterion) {
    let w = loads(730, 7);
    let truth = BanisterParams {
        p0: 50.0,
        k1: 0.1,
        tau1: 45.0,
        k2: 0.3,
        tau2: 11.0,
    };
    let perf = banister::simulate(&w, &truth, LoadTiming::SameDay).unwrap();
    let tests: Vec<(usize, f64)> = (10..730).step_by(10).map(|d| (d, perf[d])).collect();
    let mut g = c.benchmark_group("banister");
    g.sample_size(20);
    g.bench_function("fit 5 parameters, 730 days, 72 tests", |b| {
        b.iter(|| banister::fit(black_box(&w), black_box(&tests), &FitOptions::default()).unwrap())
    });
    let problems = noisy_problems(30);
    // Per athlete: criterion divides by the 30 fits of one iteration.
    g.throughput(Throughput::Elements(problems.len() as u64));
    g.bench_function("fit 30 athletes, tests with noise SD 2", |b| {
        b.iter(|| {
            for (w, t) in &problems {
                black_box(
                    banister::fit(black_box(w), black_box(t), &FitOptions::default()).unwrap(),
                );
            }
        })
    });
    g.finish();
}

criterion_group!(benches, pmc, fit);
criterion_main!(benches);
