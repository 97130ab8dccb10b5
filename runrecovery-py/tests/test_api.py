"""The shape of the public API: names, signatures, docstrings, types, error classes."""

from __future__ import annotations

import doctest
import inspect
import pickle
import typing
from importlib import metadata

import numpy as np
import pytest

import runrecovery
from runrecovery import _runrecovery, errors
from helpers import manifest, vector_cases

CORE_OPS = _runrecovery.operations()
CORE_NAMES = [op["name"] for op in CORE_OPS]
HELPERS = {"operations", "to_pandas"} | set(runrecovery.io.__all__) - {"SESSION_COLUMNS"}  # logs in and out


def exported_operations() -> list:
    return [
        name
        for name in runrecovery.__all__
        if inspect.isfunction(getattr(runrecovery, name)) and name not in HELPERS
    ]


def test_exported_operations_match_the_manifest() -> None:
    ops = manifest()
    if ops is None:
        pytest.skip("tests/vectors/manifest.json is missing")
    assert sorted(exported_operations()) == sorted(op["name"] for op in ops)


def test_exported_operations_match_the_binding() -> None:
    assert sorted(exported_operations()) == sorted(CORE_NAMES)
    assert runrecovery.operations() == CORE_OPS


def test_all_is_exact() -> None:
    for name in runrecovery.__all__:
        assert hasattr(runrecovery, name), name
    public = {
        n
        for n in dir(runrecovery)
        if not n.startswith("_")
        and inspect.isfunction(getattr(runrecovery, n))
        and getattr(runrecovery, n).__module__ == "runrecovery"
    }
    assert public <= set(runrecovery.__all__)


def test_version() -> None:
    assert runrecovery.__version__ == metadata.version("runrecovery")
    assert runrecovery.__version__.count(".") == 2


@pytest.mark.parametrize("name", CORE_NAMES)
def test_operation_signature_and_docstring(name: str) -> None:
    fn = getattr(runrecovery, name)
    params = inspect.signature(fn).parameters.values()
    assert params, name
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params), name
    summary = next(op["summary"] for op in CORE_OPS if op["name"] == name)
    doc = inspect.getdoc(fn) or ""
    first = doc.splitlines()[0] if doc else ""
    assert first.rstrip(".").lower() == summary.lower(), (first, summary)
    assert ">>> " in doc, f"{name} has no example"
    assert doctest.DocTestFinder().find(fn, name), name


@pytest.mark.parametrize("name", sorted(HELPERS))
def test_helpers_have_examples(name: str) -> None:
    assert ">>> " in (inspect.getdoc(getattr(runrecovery, name)) or "")


def test_positional_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="keyword arguments only"):
        runrecovery.vdot_from_race(5000, 1200)  # type: ignore[misc]


def test_missing_and_unknown_fields_are_the_cores_errors() -> None:
    with pytest.raises(runrecovery.InvalidInputError) as e:
        runrecovery.vdot_from_race(distance_m=5000)  # type: ignore[call-arg]
    assert e.value.field == "time_s"
    with pytest.raises(runrecovery.InvalidInputError) as e:
        runrecovery.vdot_from_race(distance_m=5000, time_s=1200, tme_s=1)  # type: ignore[call-arg]
    assert e.value.field == "tme_s"


def test_optional_none_takes_the_core_default() -> None:
    a = runrecovery.estimate_hr_max(age_years=40, formula=None)
    b = runrecovery.estimate_hr_max(age_years=40, formula="tanaka")
    assert a == b


# ---------------------------------------------------------------- errors


def test_every_code_has_its_own_class() -> None:
    codes = _runrecovery.error_codes()
    assert sorted(errors.ERROR_CLASSES) == sorted(codes)
    classes = list(errors.ERROR_CLASSES.values())
    assert len(set(classes)) == len(classes)
    for code, cls in errors.ERROR_CLASSES.items():
        assert issubclass(cls, runrecovery.RunRecoveryError)
        assert issubclass(cls, ValueError)
        assert cls.code == code
        assert getattr(runrecovery, cls.__name__) is cls
        assert cls.__name__ in runrecovery.__all__


def test_an_unknown_code_falls_back_to_the_base_class() -> None:
    e = errors.from_core("some_future_code", "x: something new", "x", None)
    assert type(e) is runrecovery.RunRecoveryError
    assert (e.code, e.field, e.value, str(e)) == ("some_future_code", "x", None, "x: something new")


def test_errors_carry_code_field_value_and_message() -> None:
    with pytest.raises(runrecovery.OutOfRangeError) as info:
        runrecovery.estimate_hr_max(age_years=500)
    e = info.value
    assert (e.code, e.field, e.value) == ("out_of_range", "age_years", "500")
    assert str(e) == "age_years: 500 is out of range (expected 5 to 110 years)"
    assert "OutOfRangeError" in repr(e)
    with pytest.raises(runrecovery.EmptyInputError) as info2:
        runrecovery.read_log(log={"schema_version": 1, "sessions": []})
    assert info2.value.value is None


def test_errors_pickle() -> None:
    with pytest.raises(runrecovery.RunRecoveryError) as info:
        runrecovery.estimate_hr_max(age_years=500)
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is runrecovery.OutOfRangeError
    assert (again.code, again.field, again.value, str(again)) == ("out_of_range", "age_years", "500", str(info.value))


def test_unknown_operation() -> None:
    with pytest.raises(runrecovery.UnknownOperationError) as info:
        _runrecovery.call("no_such_operation", {})
    assert (info.value.field, info.value.value) == ("operation", "no_such_operation")


# ---------------------------------------------------------------- results and types


def test_series_fields_are_numpy_arrays() -> None:
    s = runrecovery.daily_series(dates=["2026-03-02", "2026-03-04"], values=[1, 2])
    assert isinstance(s["values"], np.ndarray) and s["values"].dtype == np.float64
    assert isinstance(s["logged"], np.ndarray) and s["logged"].dtype == np.bool_
    d = runrecovery.daily_loads(
        log={"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": 600, "rpe": 2}]}
    )
    assert d["load"].dtype == np.float64 and d["logged"].dtype == np.bool_
    # nested series too: log_pmc's projection
    p = runrecovery.log_pmc(
        log={"schema_version": 1, "sessions": [
            {"date": "2026-03-02", "kind": "easy", "duration_s": 600, "rpe": 2},
            {"date": "2026-03-04", "kind": "easy", "duration_s": 600, "rpe": 2, "status": "planned"}]}
    )
    q = p["projection"]
    assert q["fitness"].dtype == np.float64 and q["load"].tolist() == [20.0, 0.0, 20.0]
    assert q["planned"].dtype == np.bool_ and isinstance(q["form_pct"], list)
    # other lists stay lists, counts stay ints
    r = runrecovery.read_log(
        log={"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": 600}]}
    )
    assert isinstance(r["log"]["sessions"], list) and type(r["sessions"]) is int


def _typed_dict_keys(tp: typing.Any) -> set:
    return set(typing.get_type_hints(tp))


def _response_type(name: str) -> typing.Any:
    return typing.get_type_hints(getattr(runrecovery, name))["return"]


@pytest.mark.parametrize(
    ("case",),
    [pytest.param(c, id=f"{stem}: {c['name']}") for stem, c in vector_cases() if "expected" in c],
)
def test_types_describe_the_vectors(case: dict) -> None:
    """Each success vector's keys are exactly the response TypedDict's; its inputs'
    keys are parameters, and athlete and session keys are in their TypedDicts."""
    name = case["operation"]
    params = inspect.signature(getattr(runrecovery, name)).parameters
    assert set(case["input"]) <= set(params)
    out = getattr(runrecovery, name)(**case["input"])
    assert set(out) == _typed_dict_keys(_response_type(name))
    athlete = case["input"].get("athlete") or case["input"].get("log", {}).get("athlete") or {}
    assert set(athlete) <= _typed_dict_keys(runrecovery.types.Athlete)
    sessions = case["input"].get("log", {}).get("sessions", []) + [case["input"].get("session") or {}]
    for s in sessions:
        assert set(s) <= _typed_dict_keys(runrecovery.types.Session)
    if name in ("recovery_state", "next_quality_session"):
        assert set(case["input"].get("options", {})) <= _typed_dict_keys(runrecovery.types.RecoveryOptions)


def test_stub_lists_the_binding() -> None:
    public = {n for n in dir(_runrecovery) if not n.startswith("_")}
    assert public == {"call", "operations", "error_codes", "pmc_batch", "acwr_batch", "banister_fit_batch"}


def test_calls_from_threads_agree() -> None:
    """The core runs with the GIL released; concurrent calls give the same answers."""
    from concurrent.futures import ThreadPoolExecutor

    loads = np.tile([60.0, 0.0, 80.0, 40.0, 0.0, 90.0, 30.0], 500)
    want = runrecovery.pmc(start="2020-01-01", loads=loads)["fitness"].tolist()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: runrecovery.pmc(start="2020-01-01", loads=loads)["fitness"].tolist(), range(8)))
    assert all(r == want for r in results)
