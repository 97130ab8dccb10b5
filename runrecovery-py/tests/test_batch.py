"""The batch operations (athletes × days) through their NumPy fast path: the
same numbers as the one-athlete operations, `out=` arrays, zero-copy input,
and the core's errors.

The shared vectors (nested lists, `null` for NaN) run through the same
functions in test_vectors.py; NaN in a returned array matches `null` there
(helpers.mismatch).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd  # the `test` extra installs it
import pytest

import runrecovery as rr
from helpers import mismatch

RNG = np.random.default_rng(7)


def loads_matrix(athletes: int = 5, days: int = 120) -> np.ndarray:
    x = RNG.gamma(2.0, 40.0, size=(athletes, days))
    x[RNG.random(x.shape) < 0.25] = 0.0  # rest days
    return x


# ---------------------------------------------------------------- pmc_batch


@pytest.mark.parametrize("form_day", ["next_day", "same_day"])
@pytest.mark.parametrize("gain", ["exponential", "linear"])
def test_pmc_batch_is_the_pmc_of_each_row(form_day: str, gain: str) -> None:
    x = loads_matrix()
    opts = {"form_day": form_day, "gain": gain, "fitness_days": 40, "fatigue_days": 8, "fitness_seed": 10.0}
    b = rr.pmc_batch(loads=x, **opts)
    last = rr.pmc_batch(loads=x, latest=True, **opts)
    for key in ("fitness", "fatigue", "form"):
        assert b[key].shape == x.shape and b[key].dtype == np.float64 and b[key].flags.c_contiguous
        assert last[key].shape == (x.shape[0],)
    for i, row in enumerate(x):
        one = rr.pmc(start="2026-01-01", loads=row, **opts)
        for key in ("fitness", "fatigue", "form"):
            assert b[key][i].tolist() == one[key].tolist()
            assert last[key][i] == one[key][-1]


def test_pmc_batch_accepts_lists_frames_ints_and_strided_arrays() -> None:
    x = loads_matrix(3, 30).round()
    want = rr.pmc_batch(loads=x)["fitness"]
    for other in (x.tolist(), pd.DataFrame(x), x.astype(np.int64), np.asfortranarray(x), np.repeat(x, 2, axis=1)[:, ::2]):
        assert np.array_equal(rr.pmc_batch(loads=other)["fitness"], want)


def test_pmc_batch_reads_the_loads_in_place() -> None:
    """A C-contiguous float64 matrix reaches the core as it is: no copy (the
    conversion is np.ascontiguousarray, the identity for such an array)."""
    x = loads_matrix(2, 10)
    assert np.ascontiguousarray(x, dtype=np.float64) is x
    seen = []
    real = rr._runrecovery.pmc_batch

    def spy(loads, request, out=None):  # type: ignore[no-untyped-def]
        seen.append(loads)
        return real(loads, request, out)

    try:
        rr._runrecovery.pmc_batch = spy  # type: ignore[attr-defined]
        rr.pmc_batch(loads=x)
    finally:
        rr._runrecovery.pmc_batch = real  # type: ignore[attr-defined]
    assert seen[0] is x


def test_pmc_batch_writes_into_out() -> None:
    x = loads_matrix(4, 50)
    first = rr.pmc_batch(loads=x)
    arrays = {k: v.copy() for k, v in first.items()}
    second = rr.pmc_batch(loads=x * 0.5, out=first)
    for key in ("fitness", "fatigue", "form"):
        assert second[key] is first[key]
        assert np.allclose(second[key], arrays[key] * 0.5, rtol=1e-12, atol=1e-12)  # linear in the loads
    out = {k: np.empty(4) for k in ("fitness", "fatigue", "form")}
    last = rr.pmc_batch(loads=x, latest=True, out=out)
    assert last["form"] is out["form"]
    assert last["fitness"].tolist() == arrays["fitness"][:, -1].tolist()


@pytest.mark.parametrize(
    ("out", "field", "cls"),
    [
        ({"fitness": np.empty((2, 3)), "fatigue": np.empty((2, 3))}, "out.form", rr.MissingFieldError),
        ({"fitness": np.empty((2, 4)), "fatigue": np.empty((2, 3)), "form": np.empty((2, 3))}, "out.fitness", rr.InconsistentInputError),
        ({"fitness": np.empty((2, 3), dtype=np.float32), "fatigue": np.empty((2, 3)), "form": np.empty((2, 3))}, "out.fitness", rr.InconsistentInputError),
        ({"fitness": np.empty((3, 2)).T, "fatigue": np.empty((2, 3)), "form": np.empty((2, 3))}, "out.fitness", rr.InconsistentInputError),
        ({"fitness": [[0.0] * 3] * 2, "fatigue": np.empty((2, 3)), "form": np.empty((2, 3))}, "out.fitness", rr.InconsistentInputError),
    ],
    ids=["missing", "shape", "dtype", "not contiguous", "a list"],
)
def test_bad_out_arrays(out: dict, field: str, cls: type) -> None:
    with pytest.raises(cls) as info:
        rr.pmc_batch(loads=np.ones((2, 3)), out=out)
    assert info.value.field == field


def test_out_must_be_writeable_and_distinct() -> None:
    x = np.ones((2, 3))
    frozen = np.empty((2, 3))
    frozen.flags.writeable = False
    with pytest.raises(rr.InconsistentInputError, match="read-only") as info:
        rr.pmc_batch(loads=x, out={"fitness": np.empty((2, 3)), "fatigue": frozen, "form": np.empty((2, 3))})
    assert info.value.field == "out.fatigue"
    with pytest.raises(rr.InconsistentInputError) as info:
        rr.pmc_batch(loads=x, out={"fitness": x, "fatigue": np.empty((2, 3)), "form": np.empty((2, 3))})
    assert info.value.field == "out.fitness"
    same = np.empty((2, 3))
    with pytest.raises(rr.InconsistentInputError) as info:
        rr.pmc_batch(loads=x, out={"fitness": same, "fatigue": same, "form": np.empty((2, 3))})
    assert info.value.field == "out.fatigue"


# ---------------------------------------------------------------- acwr_batch


@pytest.mark.parametrize("method", ["coupled_rolling", "uncoupled_rolling", "ewma"])
def test_acwr_batch_is_the_acwr_of_each_row(method: str) -> None:
    x = loads_matrix(4, 60)
    x[2, :40] = 0.0  # a zero chronic load: no ratio
    b = rr.acwr_batch(loads=x, method=method)
    for i, row in enumerate(x):
        one = rr.acwr(start="2026-01-01", loads=row, method=method, min_coverage=0)
        assert b["acute"][i].tolist() == one["acute"].tolist()
        assert b["chronic"][i].tolist() == one["chronic"].tolist()
        assert [None if math.isnan(r) else r for r in b["ratio"][i].tolist()] == one["ratio"]
    assert np.isnan(b["ratio"]).any()


def test_acwr_batch_writes_into_out() -> None:
    x = loads_matrix(2, 40)
    out = {k: np.zeros((2, 40)) for k in ("acute", "chronic", "ratio")}
    r = rr.acwr_batch(loads=x, out=out)
    assert r["ratio"] is out["ratio"]
    assert np.array_equal(out["acute"], rr.acwr_batch(loads=x)["acute"])


# ---------------------------------------------------------------- banister_fit_batch

TRUTH = {"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11}


def test_fit_batch_matches_banister_fit_per_athlete() -> None:
    x = loads_matrix(4, 200)
    tests = np.full(x.shape, np.nan)
    for i in range(3):  # athlete 3 has no tests
        perf = rr.banister_simulate(loads=x[i], params=TRUTH)["performance"]
        days = np.arange(5, 200, 7)
        tests[i, days] = perf[days] + RNG.normal(0, 0.5, days.size)
    b = rr.banister_fit_batch(loads=x, tests=tests)
    assert set(b) == set(rr.types.BanisterFitBatchResponse.__annotations__)
    start = dt.date(2026, 1, 1)
    for i in range(3):
        dated = [{"date": start + dt.timedelta(days=int(d)), "value": float(tests[i, d])} for d in np.flatnonzero(~np.isnan(tests[i]))]
        one = rr.banister_fit(start=start, loads=x[i], tests=dated)
        assert b["athletes"][i]["fit"] == one
        assert b["athletes"][i]["error_code"] is None and b["error_code"][i] is None and b["error"][i] is None
        for key in ("p0", "k1", "tau1", "k2", "tau2"):
            assert b[key][i] == one["params"][key]
        for key in ("sse", "rmse", "r2"):
            assert b[key][i] == one[key]
    assert b["athletes"][3] == {"fit": None, "error_code": "empty", "error": b["error"][3]}
    assert b["error_code"][3] == "empty" and b["error"][3].startswith("athletes[3].tests")
    assert all(np.isnan(b[k][3]) for k in ("p0", "k1", "tau1", "k2", "tau2", "sse", "rmse", "r2"))


def test_fit_batch_none_in_lists_is_no_test() -> None:
    loads = [[50.0] * 60]
    tests = [[None if d % 5 else 40.0 + d * 0.1 for d in range(60)]]
    assert tests[0][0] is not None
    b = rr.banister_fit_batch(loads=loads, tests=tests, fixed_tau1=40, fixed_tau2=10)
    assert b["athletes"][0]["fit"]["tests"] == 12


# ---------------------------------------------------------------- errors

# (id, function, kwargs, error class, field)
ERRORS = [
    ("ragged rows", rr.pmc_batch, {"loads": [[1.0, 2.0], [1.0]]}, rr.InconsistentInputError, "loads[1]"),
    ("a negative load", rr.pmc_batch, {"loads": np.array([[1.0, 2.0], [1.0, -3.0]])}, rr.OutOfRangeError, "loads[1][1]"),
    ("NaN in loads", rr.acwr_batch, {"loads": np.array([[1.0, np.nan]])}, rr.NotFiniteError, "loads[0][1]"),
    ("infinite load", rr.pmc_batch, {"loads": [[1.0, math.inf]]}, rr.NotFiniteError, "loads[0][1]"),
    ("no athletes", rr.pmc_batch, {"loads": np.empty((0, 5))}, rr.EmptyInputError, "loads"),
    ("no days", rr.acwr_batch, {"loads": [[]]}, rr.EmptyInputError, "loads"),
    ("an empty list", rr.pmc_batch, {"loads": []}, rr.EmptyInputError, "loads"),
    ("a 1-D series", rr.pmc_batch, {"loads": [1.0, 2.0]}, rr.InvalidInputError, "loads[0]"),
    ("a 3-D array", rr.pmc_batch, {"loads": np.ones((2, 2, 2))}, rr.InvalidInputError, "loads[0][0]"),
    ("strings", rr.pmc_batch, {"loads": [["a", "b"]]}, rr.InvalidInputError, "loads[0][0]"),
    ("unknown gain", rr.pmc_batch, {"loads": np.ones((2, 2)), "gain": "magic"}, rr.InvalidInputError, "gain"),
    ("a string for a bool", rr.pmc_batch, {"loads": np.ones((2, 2)), "latest": "yes"}, rr.InvalidInputError, "latest"),
    ("time constant 0", rr.pmc_batch, {"loads": np.ones((2, 2)), "fitness_days": 0}, rr.OutOfRangeError, "fitness_days"),
    ("NaN option", rr.pmc_batch, {"loads": np.ones((2, 2)), "fitness_days": math.nan}, rr.NotFiniteError, "fitness_days"),
    ("unknown argument", rr.pmc_batch, {"loads": np.ones((2, 2)), "fitnes_days": 40}, rr.InvalidInputError, "fitnes_days"),
    ("a float window", rr.acwr_batch, {"loads": np.ones((2, 2)), "acute_days": 7.5}, rr.InvalidInputError, "acute_days"),
    ("missing tests", rr.banister_fit_batch, {"loads": np.ones((2, 3))}, rr.InvalidInputError, "tests"),
    ("too few test rows", rr.banister_fit_batch, {"loads": np.ones((2, 3)), "tests": np.ones((1, 3))}, rr.InconsistentInputError, "tests"),
    ("short test rows", rr.banister_fit_batch, {"loads": np.ones((2, 3)), "tests": np.ones((2, 2))}, rr.InconsistentInputError, "tests[0]"),
    ("an infinite test", rr.banister_fit_batch, {"loads": np.ones((1, 3)), "tests": [[None, math.inf, 1.0]]}, rr.NotFiniteError, "tests[0][1]"),
    ("unknown timing", rr.banister_fit_batch, {"loads": np.ones((1, 3)), "tests": np.ones((1, 3)), "timing": "later"}, rr.InvalidInputError, "timing"),
]


@pytest.mark.parametrize(("fn", "kwargs", "cls", "field"), [pytest.param(*e[1:], id=e[0]) for e in ERRORS])
def test_batch_errors(fn, kwargs: dict, cls: type, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(cls) as info:
        fn(**kwargs)
    assert type(info.value) is cls, repr(info.value)
    assert info.value.field == field, str(info.value)


def test_positional_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="keyword arguments only"):
        rr.pmc_batch(np.ones((2, 2)))  # type: ignore[misc]


def test_threads_agree() -> None:
    """The kernels run with the GIL released; concurrent calls give the same answers."""
    from concurrent.futures import ThreadPoolExecutor

    x = loads_matrix(50, 365)
    want = rr.pmc_batch(loads=x)["form"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: rr.pmc_batch(loads=x)["form"], range(8)))
    assert all(np.array_equal(r, want) for r in results)


# ---------------------------------------------------------------- the NaN ↔ null rule of the vector runner


def test_nan_in_an_array_matches_null_and_nowhere_else() -> None:
    assert mismatch(np.array([1.0, np.nan]), [1, None]) == ""
    assert mismatch({"ratio": np.array([[np.nan, 2.0]])}, {"ratio": [[None, 2]]}) == ""
    assert mismatch([1.0, math.nan], [1, None]) != ""  # a plain list must hold None
    assert mismatch(np.array([1.0]), [None]) != ""
    assert mismatch(np.array([np.nan]), [1.0]) != ""
