//! Engine benchmarks: `cargo bench -p runrecovery-core --bench engine`.
//!
//! - PMC over 1000 athletes × 3650 days into preallocated buffers (the
//!   "plain native loop" the Python and JS packages are compared with);
//! - the Banister fit of one athlete (2 years of loads, a test every 10 days).

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
    g.finish();
}

criterion_group!(benches, pmc, fit);
criterion_main!(benches);
