"""Engine benchmarks of the Python package against what a notebook user would
write with pandas and SciPy, on the same seeded data in the same run.

    python runrecovery-py/bench/bench_engine.py             # everything (about 2-4 min on 2 cores)
    python runrecovery-py/bench/bench_engine.py --quick     # smaller sizes, for a smoke test

Runs against the installed ``runrecovery`` package; needs ``scipy`` and
``pandas`` (``pip install scipy pandas``: for the benchmark only, the package
does not depend on them). It measures, it does not assert: the last table says
which targets are met.

1. PMC (fitness, fatigue and form) over 1000 athletes × 3650 days:
   ``runrecovery.pmc_batch`` (fresh outputs, and into ``out=`` arrays) vs
   pandas ``ewm(alpha=1-exp(-1/N), adjust=False)`` along the days vs
   ``scipy.signal.lfilter`` along axis 1 vs the plain native loop (the
   criterion bench ``cargo bench -p runrecovery-core --bench engine``, read
   from its ``estimates.json``; pass ``--native-ns`` to give the figure by
   hand). All in ns per athlete-day.
2. Banister fit, 5 free parameters, 730 days, a test every 10 days with noise:
   ``runrecovery.banister_fit`` per athlete vs ``scipy.optimize.least_squares``
   on the same model (time and SSE), the same athletes in one
   ``banister_fit_batch`` call, the native fit (criterion's 30 noisy athletes
   of the same kind), and ``banister_fit_batch`` over 10 000
   athletes (``--fit-batch-athletes``; fewer are extrapolated, and the table
   says so).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

import runrecovery as rr

try:
    import pandas as pd
    from scipy.optimize import least_squares
    from scipy.signal import lfilter
except ImportError as e:  # pragma: no cover - a message, not a test
    raise SystemExit(f"bench_engine.py needs pandas and scipy ({e}): pip install scipy pandas") from None

ROOT = Path(__file__).resolve().parents[2]
NATIVE_BENCH = "pmc/batch 1000 athletes x 3650 days"
NATIVE_FIT = "banister/fit 5 parameters, 730 days, 72 tests"
NATIVE_FIT_NOISY = "banister/fit 30 athletes, tests with noise SD 2"  # per iteration: 30 fits


# ---------------------------------------------------------------- data


def load_matrix(athletes: int, days: int, seed: int = 42) -> np.ndarray:
    """Daily loads 0-150 with a rest day a week and random easy days, C-contiguous float64."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 150.0, size=(athletes, days))
    x[:, ::7] = 0.0
    x[rng.random(x.shape) < 0.1] = 0.0
    return np.ascontiguousarray(x)


def timeit(fn: Callable[[], Any], repeat: int) -> Tuple[float, float]:
    """(best, median) wall time of `repeat` calls, in seconds, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


# ---------------------------------------------------------------- PMC


def gains(fitness_days: float = 42.0, fatigue_days: float = 7.0) -> Tuple[float, float]:
    return 1.0 - math.exp(-1.0 / fitness_days), 1.0 - math.exp(-1.0 / fatigue_days)


def pmc_pandas(x: np.ndarray) -> Dict[str, Any]:
    """What a notebook user writes: one column per athlete, ewm down the days."""
    gc, ga = gains()
    df = pd.DataFrame(x.T)  # days × athletes
    ctl = df.ewm(alpha=gc, adjust=False).mean()
    atl = df.ewm(alpha=ga, adjust=False).mean()
    tsb = (ctl - atl).shift(1, fill_value=0.0)
    return {"fitness": ctl, "fatigue": atl, "form": tsb}


def pmc_lfilter(x: np.ndarray) -> Dict[str, np.ndarray]:
    """The same recurrence as a first-order IIR filter along the days (seed 0)."""
    gc, ga = gains()
    ctl = lfilter([gc], [1.0, gc - 1.0], x, axis=1)
    atl = lfilter([ga], [1.0, ga - 1.0], x, axis=1)
    tsb = np.zeros_like(ctl)
    tsb[:, 1:] = ctl[:, :-1] - atl[:, :-1]
    return {"fitness": ctl, "fatigue": atl, "form": tsb}


def criterion_ns(name: str, per: int) -> Optional[float]:
    """The criterion median of bench `name`, per `per` elements, in ns (None if not run)."""
    dirs = [Path(d) / "criterion" for d in (os.environ.get("CARGO_TARGET_DIR"), "/work/cache/target-py") if d]
    dirs.append(ROOT / "target" / "criterion")
    for d in dirs:
        f = d / name / "new" / "estimates.json"
        if f.exists():
            est = json.loads(f.read_text())
            return est["median"]["point_estimate"] / per
    return None


def bench_pmc(athletes: int, days: int, repeat: int, native_ns: Optional[float]) -> Dict[str, Any]:
    x = load_matrix(athletes, days)
    cells = athletes * days
    ours = rr.pmc_batch(loads=x)
    # the three implementations agree (lfilter has the same seed-0 recurrence)
    ref = pmc_lfilter(x)
    for k in ("fitness", "fatigue", "form"):
        assert np.allclose(ours[k], ref[k], rtol=1e-9, atol=1e-9), k
    # pandas' ewm starts from the first load, the PMC from 0: with a day of 0 in front they agree
    padded = pmc_pandas(np.hstack([np.zeros((3, 1)), x[:3, :200]]))
    assert np.allclose(padded["fitness"].to_numpy()[1:].T, ours["fitness"][:3, :200], rtol=1e-9, atol=1e-9)

    out = {k: np.empty_like(x) for k in ("fitness", "fatigue", "form")}
    gc, _ = gains()

    def three_new_arrays() -> None:
        """The floor of any function that returns three new matrices: allocate them and write each once."""
        arrays = [np.zeros(x.shape) for _ in range(3)]
        for a in arrays:
            a.fill(1.0)

    rows = {
        "runrecovery.pmc_batch (new arrays)": timeit(lambda: rr.pmc_batch(loads=x), repeat),
        "runrecovery.pmc_batch (out=)": timeit(lambda: rr.pmc_batch(loads=x, out=out), repeat),
        "pandas ewm (fitness, fatigue, form)": timeit(lambda: pmc_pandas(x), max(2, repeat // 3)),
        "pandas ewm (fitness only)": timeit(
            lambda: pd.DataFrame(x.T).ewm(alpha=gc, adjust=False).mean(), max(2, repeat // 3)
        ),
        "scipy lfilter (fitness, fatigue, form)": timeit(lambda: pmc_lfilter(x), max(2, repeat // 2)),
        "(floor: 3 new arrays, each written once)": timeit(three_new_arrays, repeat),
    }
    ns = {k: best * 1e9 / cells for k, (best, _) in rows.items()}
    med = {k: m * 1e9 / cells for k, (_, m) in rows.items()}
    native = native_ns if native_ns is not None else criterion_ns(NATIVE_BENCH, 1000 * 3650)
    return {"athletes": athletes, "days": days, "ns": ns, "median_ns": med, "native_ns": native}


# ---------------------------------------------------------------- Banister fit


def banister_perf(loads: np.ndarray, p: Tuple[float, float, float, float, float]) -> np.ndarray:
    """p0 + k1·Σ w e^(-(t-s)/τ1) − k2·Σ w e^(-(t-s)/τ2), loads acting the same day."""
    p0, k1, tau1, k2, tau2 = p
    g = lfilter([1.0], [1.0, -math.exp(-1.0 / tau1)], loads)
    h = lfilter([1.0], [1.0, -math.exp(-1.0 / tau2)], loads)
    return p0 + k1 * g - k2 * h


def fit_problems(n: int, days: int = 730, every: int = 10, noise: float = 2.0, seed: int = 7) -> List[Dict[str, Any]]:
    rng = np.random.default_rng(seed)
    x = load_matrix(n, days, seed=seed)
    out = []
    for i in range(n):
        truth = (
            rng.uniform(40, 60),
            rng.uniform(0.05, 0.15),
            rng.uniform(30, 60),
            rng.uniform(0.15, 0.4),
            rng.uniform(5, 15),
        )
        perf = banister_perf(x[i], truth)
        test_days = np.arange(every, days, every)
        values = perf[test_days] + rng.normal(0.0, noise, test_days.size)
        out.append({"loads": x[i], "days": test_days, "values": values, "truth": truth})
    return out


def fit_ours(problem: Dict[str, Any]) -> Tuple[float, Tuple[float, ...]]:
    start = dt.date(2024, 1, 1)
    tests = [{"date": start + dt.timedelta(days=int(d)), "value": float(v)} for d, v in zip(problem["days"], problem["values"])]
    fit = rr.banister_fit(start=start, loads=problem["loads"], tests=tests)
    p = fit["params"]
    return fit["sse"], (p["p0"], p["k1"], p["tau1"], p["k2"], p["tau2"])


def fit_scipy(problem: Dict[str, Any]) -> Tuple[float, Tuple[float, ...]]:
    """A straightforward notebook fit: residuals at the tests, bounds τ∈[1,120],
    k≥0, from the textbook start (τ1 = 42, τ2 = 7)."""
    loads, days, values = problem["loads"], problem["days"], problem["values"]

    def residuals(p: np.ndarray) -> np.ndarray:
        return banister_perf(loads, tuple(p))[days] - values

    x0 = [float(np.mean(values)), 0.1, 42.0, 0.1, 7.0]
    r = least_squares(residuals, x0, bounds=([-np.inf, 0.0, 1.0, 0.0, 1.0], [np.inf, np.inf, 120.0, np.inf, 120.0]))
    return float(np.sum(r.fun**2)), tuple(float(v) for v in r.x)


def bench_fit(n: int, batch_athletes: int) -> Dict[str, Any]:
    problems = fit_problems(n)
    fit_ours(problems[0])  # warm-up
    fit_scipy(problems[0])
    ours_t, scipy_t, rows = [], [], []
    for p in problems:
        t0 = time.perf_counter()
        sse_ours, params_ours = fit_ours(p)
        t1 = time.perf_counter()
        sse_scipy, params_scipy = fit_scipy(p)
        t2 = time.perf_counter()
        ours_t.append(t1 - t0)
        scipy_t.append(t2 - t1)
        rows.append((sse_ours, sse_scipy, params_ours, params_scipy))
    # ours ≤ scipy's, up to rounding
    # the same athletes in one batch call (per athlete; the dict and date walk of banister_fit left out)
    xb = np.stack([p["loads"] for p in problems])
    tb = np.full(xb.shape, np.nan)
    for i, p in enumerate(problems):
        tb[i, p["days"]] = p["values"]
    batch_best, _ = timeit(lambda: rr.banister_fit_batch(loads=xb, tests=tb), 5)
    not_worse = sum(o <= s * (1 + 1e-9) + 1e-12 for o, s, *_ in rows)
    better = sum(o < s * (1 - 1e-6) for o, s, *_ in rows)
    scipy_swapped = sum(ps[4] >= ps[2] for *_, ps in rows)  # τ2 ≥ τ1: outside the model's domain

    # the batch: 10 000 athletes (or fewer, extrapolated)
    m = batch_athletes
    x = load_matrix(m, 730, seed=11)
    tests = np.full(x.shape, np.nan)
    rng = np.random.default_rng(11)
    truth = (50.0, 0.1, 45.0, 0.3, 11.0)
    for i in range(m):
        perf = banister_perf(x[i], truth)
        tests[i, 10::10] = perf[10::10] + rng.normal(0.0, 2.0, tests[i, 10::10].size)
    t0, c0 = time.perf_counter(), time.process_time()
    b = rr.banister_fit_batch(loads=x, tests=tests)
    batch_s, batch_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    failed = sum(c is not None for c in b["error_code"])
    return {
        "athletes": n,
        "ours_ms": statistics.median(ours_t) * 1e3,
        "ours_mean_ms": statistics.fmean(ours_t) * 1e3,
        "scipy_ms": statistics.median(scipy_t) * 1e3,
        "scipy_mean_ms": statistics.fmean(scipy_t) * 1e3,
        "not_worse": not_worse,
        "better": better,
        "scipy_swapped": scipy_swapped,
        "sse_ours_median": statistics.median(r[0] for r in rows),
        "sse_scipy_median": statistics.median(r[1] for r in rows),
        "worst_ratio": max(r[0] / r[1] for r in rows),
        "batch_athletes": m,
        "batch_s": batch_s,
        "batch_failed": failed,
        "batch_10k_s": batch_s * 10_000 / m,
        "batch_cpu_s": batch_cpu_s,
        # CPU seconds spread over the cores: the wall time the batch would take with the cores to itself
        "batch_10k_idle_s": batch_cpu_s * 10_000 / m / (os.cpu_count() or 1),
        "native_fit_ms": (criterion_ns(NATIVE_FIT, 1) or float("nan")) / 1e6,
        "native_fit_noisy_ms": (criterion_ns(NATIVE_FIT_NOISY, 30) or float("nan")) / 1e6,
        "batch_per_athlete_ms": batch_best / n * 1e3,
    }


# ---------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    ap.add_argument("--athletes", type=int, default=1000)
    ap.add_argument("--days", type=int, default=3650)
    ap.add_argument("--repeat", type=int, default=9, help="timed runs of the fast paths (pandas/SciPy fewer)")
    ap.add_argument("--fit-athletes", type=int, default=30, help="athletes fitted one by one, by both")
    ap.add_argument("--fit-batch-athletes", type=int, default=10_000)
    ap.add_argument("--native-ns", type=float, default=None, help="native ns per athlete-day (default: criterion's)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    a = ap.parse_args()
    if a.quick:
        a.athletes, a.days, a.repeat, a.fit_athletes, a.fit_batch_athletes = 100, 730, 3, 5, 200

    print(f"runrecovery {rr.__version__}, numpy {np.__version__}, pandas {pd.__version__}, scipy {__import__('scipy').__version__}")
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} logical CPUs ({platform.platform()})")
    print("load average at start: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))

    pmc = bench_pmc(a.athletes, a.days, a.repeat, a.native_ns)
    ns = pmc["ns"]
    print(f"\n1. PMC, {pmc['athletes']} athletes × {pmc['days']} days (best of runs; median in brackets), ns per athlete-day")
    for k, v in ns.items():
        print(f"   {k:42s} {v:8.2f}  [{pmc['median_ns'][k]:.2f}]")
    native = pmc["native_ns"]
    print(f"   {'native loop (criterion, cargo bench)':42s} {native:8.2f}" if native else "   native: no criterion result found (run cargo bench -p runrecovery-core --bench engine)")

    fit = bench_fit(a.fit_athletes, a.fit_batch_athletes)
    print(f"\n2. Banister fit, 5 free parameters, 730 days, a test every 10 days (noise SD 2), {fit['athletes']} athletes")
    print(f"   runrecovery.banister_fit          median {fit['ours_ms']:8.2f} ms  (mean {fit['ours_mean_ms']:.2f})")
    print(f"   scipy.optimize.least_squares      median {fit['scipy_ms']:8.2f} ms  (mean {fit['scipy_mean_ms']:.2f})")
    print(f"   banister_fit_batch, same athletes        {fit['batch_per_athlete_ms']:8.3f} ms per athlete (best of 5)")
    print(f"   native fit (criterion, noise-free)       {fit['native_fit_ms']:8.3f} ms")
    print(f"   native fit (criterion, 30 noisy)         {fit['native_fit_noisy_ms']:8.3f} ms per athlete")
    print(
        f"   SSE: ours ≤ SciPy's for {fit['not_worse']}/{fit['athletes']} athletes, lower by > 1e-6 for {fit['better']}; "
        f"median SSE {fit['sse_ours_median']:.1f} vs {fit['sse_scipy_median']:.1f}; worst ours/SciPy {fit['worst_ratio']:.6f}; "
        f"SciPy ended with τ2 ≥ τ1 for {fit['scipy_swapped']}"
    )
    extrapolated = fit["batch_athletes"] != 10_000
    print(
        f"   banister_fit_batch, {fit['batch_athletes']} athletes: {fit['batch_s']:.2f} s"
        + (f" → {fit['batch_10k_s']:.1f} s for 10 000 (extrapolated)" if extrapolated else "")
        + f" ({fit['batch_failed']} failed); {fit['batch_cpu_s']:.2f} CPU-s, i.e. {fit['batch_10k_idle_s']:.1f} s for 10 000"
        f" on {os.cpu_count()} idle cores"
    )

    ours = ns["runrecovery.pmc_batch (new arrays)"]
    ours_out = ns["runrecovery.pmc_batch (out=)"]
    rows = [
        ("PMC: lfilter / pmc_batch", ns["scipy lfilter (fitness, fatigue, form)"] / ours, "≥ 3×", lambda r: r >= 3),
        ("PMC: pandas ewm / pmc_batch", ns["pandas ewm (fitness, fatigue, form)"] / ours, "≥ 10×", lambda r: r >= 10),
        ("PMC: pandas one ewm / pmc_batch", ns["pandas ewm (fitness only)"] / ours, "(info)", None),
    ]
    if native:
        rows.append(("PMC: pmc_batch / native", ours / native, "≤ 1.5×", lambda r: r <= 1.5))
        rows.append(("PMC: pmc_batch(out=) / native", ours_out / native, "≤ 1.5×", lambda r: r <= 1.5))
    rows.append(("fit: SciPy time / ours", fit["scipy_ms"] / fit["ours_ms"], "(info)", None))
    rows.append(("fit: SciPy time / batch per athlete", fit["scipy_ms"] / fit["batch_per_athlete_ms"], "(info)", None))
    rows.append(("fit: SciPy time / native fit", fit["scipy_ms"] / fit["native_fit_noisy_ms"], "≥ 100×", lambda r: r >= 100))
    rows.append(("fit: athletes with SSE ours ≤ SciPy", fit["not_worse"] / fit["athletes"], "all", lambda r: r == 1.0))
    rows.append(("fit batch: s for 10 000 athletes", fit["batch_10k_s"], "< 10 s", lambda r: r < 10))
    rows.append(("fit batch: CPU-s / cores, 10 000 athletes", fit["batch_10k_idle_s"], "< 10 s", lambda r: r < 10))
    print("\nSummary")
    print(f"   {'measure':40s} {'value':>9s}  {'target':8s} verdict")
    for name, value, target, ok in rows:
        print(f"   {name:40s} {value:9.2f}  {target:8s} {verdict(ok(value)) if ok else ''}")
    print("load average at end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if a.json:
        a.json.write_text(json.dumps({"pmc": pmc, "fit": fit}, indent=2, default=float))


if __name__ == "__main__":
    main()
