"""Bad input through the Python API: each raises the right RunRecoveryError
subclass with its code and field, never another exception and never a crash."""

from __future__ import annotations

import copy
import datetime as dt
import math
import random
from typing import Any, Callable, Dict, Optional, Tuple, Union

import numpy as np
import pandas as pd  # the `test` extra installs it
import pytest

import runrecovery as rr
from helpers import vector_cases

DAY = "2026-03-02"
SESSION = {"date": DAY, "kind": "tempo", "duration_s": 1800, "rpe": 6, "avg_hr_bpm": 162}
ATHLETE = {"sex": "male", "hr_max_bpm": 190, "hr_rest_bpm": 50}
LOG = {
    "schema_version": 1,
    "sessions": [
        {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3},
        {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8},
    ],
}


def session(**changes: Any) -> Dict[str, Any]:
    return {**SESSION, **changes}


def dated(values: list, dates: list, tz: Optional[str] = None) -> Any:
    index = pd.DatetimeIndex(pd.to_datetime(dates))
    return pd.Series(values, index=index.tz_localize(tz) if tz else index, dtype=float)


class Nope:
    def __float__(self) -> float:
        raise RuntimeError("no float for you")


def nested(depth: int) -> list:
    x: list = [1.0]
    for _ in range(depth):
        x = [x]
    return x


def self_containing() -> list:
    x: list = [1.0]
    x.append(x)
    return x


BANISTER = {"athlete": ATHLETE, "method": "banister_trimp"}

# (id, function, kwargs, error class, field or None)
MATRIX = [
    # NaN and infinities, never silently null
    ("nan in loads", rr.weekly_loads, {"start": DAY, "loads": [1.0, math.nan, 3.0]}, rr.NotFiniteError, "loads[1]"),
    ("+inf in loads", rr.weekly_loads, {"start": DAY, "loads": [1.0, 2.0, math.inf]}, rr.NotFiniteError, "loads[2]"),
    ("-inf in loads", rr.weekly_loads, {"start": DAY, "loads": [-math.inf]}, rr.NotFiniteError, "loads[0]"),
    ("nan in a numpy array", rr.weekly_loads, {"start": DAY, "loads": np.array([1, np.nan])}, rr.NotFiniteError, "loads[1]"),
    ("inf in a float32 array", rr.weekly_loads, {"start": DAY, "loads": np.array([np.inf], dtype=np.float32)}, rr.NotFiniteError, "loads[0]"),
    ("nan in a strided array", rr.weekly_loads, {"start": DAY, "loads": np.array([1.0, 0.0, np.nan])[::2]}, rr.NotFiniteError, "loads[1]"),
    ("nan rpe", rr.session_load, {"session": session(rpe=math.nan)}, rr.NotFiniteError, "session.rpe"),
    ("numpy nan rpe", rr.session_load, {"session": session(rpe=np.float32("nan"))}, rr.NotFiniteError, "session.rpe"),
    ("inf duration", rr.session_load, {"session": session(duration_s=math.inf)}, rr.NotFiniteError, "session.duration_s"),
    ("nan age", rr.estimate_hr_max, {"age_years": math.nan}, rr.NotFiniteError, "age_years"),
    ("inf in an athlete", rr.resolve_athlete, {"athlete": {"hr_max_bpm": -math.inf}}, rr.NotFiniteError, "athlete.hr_max_bpm"),
    ("nan in a log", rr.daily_loads, {"log": {**LOG, "sessions": [{**LOG["sessions"][0], "rpe": math.nan}]}}, rr.NotFiniteError, "log.sessions[0].rpe"),
    ("nan in a histogram", rr.session_load, {"session": session(hr_histogram=[{"hr_bpm": 150, "seconds": math.nan}]), **BANISTER}, rr.NotFiniteError, "session.hr_histogram[0].seconds"),
    ("nan in a pandas series", rr.weekly_loads, {"loads": dated([1.0, math.nan], ["2026-03-02", "2026-03-03"])}, rr.NotFiniteError, None),
    ("nan polarization", rr.polarization_index, {"z1": 0.8, "z2": math.nan, "z3": 0.1}, rr.NotFiniteError, "z2"),
    # ranges
    ("negative duration", rr.session_load, {"session": session(duration_s=-1)}, rr.OutOfRangeError, "session.duration_s"),
    ("rpe 11", rr.session_load, {"session": session(rpe=11)}, rr.OutOfRangeError, "session.rpe"),
    ("rpe -1", rr.session_load, {"session": session(rpe=-1)}, rr.OutOfRangeError, "session.rpe"),
    ("HR above HRmax", rr.session_load, {"session": session(avg_hr_bpm=205), **BANISTER}, rr.OutOfRangeError, "session.avg_hr_bpm"),
    ("HR below resting", rr.session_load, {"session": session(avg_hr_bpm=45), **BANISTER}, rr.OutOfRangeError, "session.avg_hr_bpm"),
    ("age 500", rr.estimate_hr_max, {"age_years": 500}, rr.OutOfRangeError, "age_years"),
    ("age 500 in an athlete", rr.resolve_athlete, {"athlete": {"age_years": 500}}, rr.OutOfRangeError, "athlete.age_years"),
    ("distance 1e9", rr.session_load, {"session": session(distance_m=1e9)}, rr.OutOfRangeError, "session.distance_m"),
    ("race of 1e9 m", rr.vdot_from_race, {"distance_m": 1e9, "time_s": 3600}, rr.OutOfRangeError, "distance_m"),
    ("negative load", rr.weekly_loads, {"start": DAY, "loads": [1, -2]}, rr.OutOfRangeError, "loads[1]"),
    ("an integer beyond 64 bits", rr.session_load, {"session": session(rpe=10**30)}, rr.OutOfRangeError, "session.rpe"),
    # dates
    ("unsorted dates", rr.daily_series, {"dates": ["2026-03-04", "2026-03-01"], "values": [1, 2]}, rr.UnsortedDatesError, "dates[1]"),
    ("duplicate dates", rr.daily_series, {"dates": ["2026-03-01", "2026-03-01"], "values": [1, 2]}, rr.DuplicateDateError, "dates[1]"),
    ("unsorted DatetimeIndex", rr.daily_series, {"dates": pd.to_datetime(["2026-03-04", "2026-03-01"]), "values": pd.Series([1, 2])}, rr.UnsortedDatesError, "dates[1]"),
    ("unsorted series index", rr.weekly_loads, {"loads": dated([1, 2], ["2026-03-04", "2026-03-01"])}, rr.UnsortedDatesError, "dates[1]"),
    ("duplicate series index", rr.weekly_loads, {"loads": dated([1, 2, 3], ["2026-03-01", "2026-03-02", "2026-03-02"])}, rr.DuplicateDateError, "dates[2]"),
    ("two times on one local day", rr.weekly_loads, {"loads": dated([1, 2], ["2026-03-02 06:00", "2026-03-02 18:00"], "Europe/Paris")}, rr.DuplicateDateError, "dates[1]"),
    ("NaT in an index", rr.daily_series, {"dates": pd.DatetimeIndex(["2026-03-01", None]), "values": [1, 2]}, rr.InvalidDateError, "dates[1]"),
    ("NaT in a datetime64 array", rr.daily_series, {"dates": np.array(["2026-03-01", "NaT"], dtype="datetime64[ns]"), "values": [1, 2]}, rr.InvalidDateError, "dates[1]"),
    ("NaT scalar", rr.session_load, {"session": session(date=np.datetime64("NaT"))}, rr.InvalidDateError, "session.date"),
    ("pandas NaT", rr.session_load, {"session": session(date=pd.NaT)}, rr.InvalidDateError, "session.date"),
    ("February 30", rr.session_load, {"session": session(date="2026-02-30")}, rr.InvalidDateError, None),
    ("end before start", rr.daily_loads, {"log": LOG, "start": "2026-03-05", "end": "2026-03-01"}, rr.InconsistentInputError, "end"),
    # empty
    ("empty log", rr.daily_loads, {"log": {"schema_version": 1, "sessions": []}}, rr.EmptyInputError, "log.sessions"),
    ("empty loads", rr.weekly_loads, {"start": DAY, "loads": []}, rr.EmptyInputError, "loads"),
    ("empty numpy loads", rr.weekly_loads, {"start": DAY, "loads": np.array([])}, rr.EmptyInputError, "loads"),
    ("empty series", rr.daily_series, {"dates": [], "values": []}, rr.EmptyInputError, "dates"),
    # unknown, missing and mistyped fields
    ("unknown session field", rr.session_load, {"session": session(rpee=3)}, rr.InvalidInputError, None),
    ("unknown field in a log session", rr.read_log, {"log": {**LOG, "sessions": [{**LOG["sessions"][0], "rpee": 3}]}}, rr.InvalidInputError, "log.sessions[0].rpee"),
    ("unknown argument", rr.vdot_from_race, {"distance_m": 5000, "time_s": 1200, "tme_s": 3}, rr.InvalidInputError, "tme_s"),
    ("missing argument", rr.vdot_from_race, {"distance_m": 5000}, rr.InvalidInputError, "time_s"),
    ("missing start", rr.weekly_loads, {"loads": [1, 2]}, rr.InvalidInputError, "start"),
    ("unknown enum value", rr.session_load, {"session": SESSION, "method": "magic"}, rr.InvalidInputError, None),
    ("a string for a number", rr.vdot_from_race, {"distance_m": "5k", "time_s": 1200}, rr.InvalidInputError, None),
    ("a string rpe", rr.session_load, {"session": session(rpe="six")}, rr.InvalidInputError, None),
    ("a bool for a number", rr.session_load, {"session": session(rpe=True)}, rr.InvalidInputError, None),
    ("a list for a session", rr.session_load, {"session": [1, 2]}, rr.InvalidInputError, None),
    ("a number for a log", rr.read_log, {"log": 3}, rr.InvalidInputError, None),
    ("a 2-D array", rr.weekly_loads, {"start": DAY, "loads": np.ones((2, 2))}, rr.InvalidInputError, "loads"),
    ("an object", rr.session_load, {"session": session(rpe=object())}, rr.InvalidInputError, "session.rpe"),
    ("a complex number", rr.session_load, {"session": session(rpe=1j)}, rr.InvalidInputError, "session.rpe"),
    ("bytes", rr.session_load, {"session": session(kind=b"easy")}, rr.InvalidInputError, "session.kind"),
    ("a set", rr.weekly_loads, {"start": DAY, "loads": {1.0, 2.0}}, rr.InvalidInputError, "loads"),
    ("a failing __float__", rr.session_load, {"session": session(rpe=Nope())}, rr.InvalidInputError, "session.rpe"),
    ("a non-str key", rr.session_load, {"session": {**SESSION, 3: 1}}, rr.InvalidInputError, "session"),
    ("a lone surrogate", rr.session_load, {"session": session(notes="\ud800")}, rr.InvalidInputError, "session.notes"),
    ("a timedelta", rr.session_load, {"session": session(duration_s=dt.timedelta(hours=1))}, rr.InvalidInputError, "session.duration_s"),
    ("nesting too deep", rr.weekly_loads, {"start": DAY, "loads": nested(100)}, rr.InvalidInputError, None),
    ("a list that contains itself", rr.weekly_loads, {"start": DAY, "loads": self_containing()}, rr.InvalidInputError, None),
    # documents
    ("newer schema", rr.read_log, {"log": {**LOG, "schema_version": 9}}, rr.UnsupportedSchemaVersionError, "log.schema_version"),
    ("duplicate session", rr.read_log, {"log": {**LOG, "sessions": LOG["sessions"] * 2}}, rr.DuplicateSessionError, "log.sessions[2]"),
    ("conflicting ids", rr.read_log, {"log": {**LOG, "sessions": [{**LOG["sessions"][0], "id": "a"}, {**LOG["sessions"][1], "id": "a"}]}}, rr.ConflictingSessionsError, "log.sessions[1]"),
    ("missing HRmax", rr.session_load, {"session": SESSION, "athlete": {"sex": "male", "hr_rest_bpm": 50}, "method": "banister_trimp"}, rr.MissingFieldError, None),
]


@pytest.mark.parametrize(("fn", "kwargs", "cls", "field"), [pytest.param(*m[1:], id=m[0]) for m in MATRIX])
def test_bad_input(fn: Callable[..., Any], kwargs: Dict[str, Any], cls: type, field: Optional[str]) -> None:
    with pytest.raises(rr.RunRecoveryError) as info:
        fn(**kwargs)
    e = info.value
    assert type(e) is cls, f"{type(e).__name__}: {e}"
    assert isinstance(e, ValueError)
    assert e.code == cls.code
    if field is not None:
        assert e.field == field, str(e)
    assert str(e).startswith(f"{e.field}:"), str(e)
    assert e.path is not None and _rendered(e.path) == e.field, (e.path, e.field)


def _rendered(path: Tuple[Union[str, int], ...]) -> str:
    """A path as the core writes it: keys joined by dots, indices in brackets, ``$`` for the root."""
    if not path:
        return "$"
    return "".join(f"[{s}]" if isinstance(s, int) else (s if i == 0 else f".{s}") for i, s in enumerate(path))


def test_an_error_path_is_keys_and_indices() -> None:
    with pytest.raises(rr.OutOfRangeError) as info:
        rr.daily_loads(log={**LOG, "sessions": [{**LOG["sessions"][0], "rpe": 11}]})
    assert info.value.path == ("log", "sessions", 0, "rpe"), info.value.field
    with pytest.raises(rr.InvalidInputError) as info:
        rr.read_log(log={**LOG, "sessions": [{**LOG["sessions"][0], "rpee": 3}]})
    assert info.value.path == ("log", "sessions", 0, "rpee"), info.value.field


# ---------------------------------------------------------------- good input in other forms


def test_python_and_numpy_values_are_accepted() -> None:
    base = rr.vdot_from_race(distance_m=5000, time_s=1200)["vdot"]
    for d, t in [(np.int64(5000), np.float32(1200)), (np.array(5000.0), 1200), (5000.0, np.float64(1200))]:
        assert rr.vdot_from_race(distance_m=d, time_s=t)["vdot"] == pytest.approx(base, rel=1e-6)
    loads = [300, 0, 500, 300, 0, 700, 300]
    want = rr.weekly_loads(start=DAY, loads=loads)
    for form in (tuple(loads), np.array(loads), np.array(loads, dtype=np.int32), np.array(loads, dtype=float)[::1]):
        assert rr.weekly_loads(start=DAY, loads=form) == want


def test_dates_in_every_form() -> None:
    want = rr.session_load(session=SESSION)
    forms = [
        dt.date(2026, 3, 2),
        dt.datetime(2026, 3, 2, 23, 59),
        pd.Timestamp("2026-03-02 07:00"),
        pd.Timestamp("2026-03-02 23:30", tz="Asia/Tokyo"),  # its own local date
        np.datetime64("2026-03-02T10:00"),
    ]
    for d in forms:
        assert rr.session_load(session=session(date=d)) == want
    out = rr.read_log(log={"schema_version": 1, "sessions": [session(date=dt.date(2026, 3, 2), start_time=dt.time(7, 5, 9))]})
    assert out["log"]["sessions"][0]["start_time"] == "07:05:09"


def test_none_drops_an_optional_field() -> None:
    assert rr.session_load(session=session(distance_m=None, notes=None)) == rr.session_load(session=SESSION)


# ---------------------------------------------------------------- pandas


def test_weekly_loads_from_a_dated_series() -> None:
    s = dated([300, 500, 300], ["2026-03-02", "2026-03-04", "2026-03-05"])
    got = rr.weekly_loads(loads=s)
    want = rr.weekly_loads(start="2026-03-02", loads=[300, 0, 500, 300], logged=[True, False, True, True])
    assert got == want
    assert got["weeks"][0]["logged_days"] == 3


def test_pmc_and_acwr_from_a_dated_series() -> None:
    s = dated([100, 50], ["2026-03-02", "2026-03-05"])
    explicit = {"start": "2026-03-02", "loads": [100, 0, 0, 50], "logged": [True, False, False, True]}
    got, want = rr.pmc(loads=s), rr.pmc(**explicit)
    assert got["fatigue_coverage"] == want["fatigue_coverage"] != rr.pmc(start="2026-03-02", loads=[100, 0, 0, 50])["fatigue_coverage"]
    assert got["fitness"].tolist() == want["fitness"].tolist()
    assert rr.acwr(loads=s)["gap"] == rr.acwr(**explicit)["gap"]
    # an explicit `logged` wins over the gaps
    assert rr.pmc(loads=s, logged=[True] * 4)["fatigue_coverage"] == [1.0] * 4
    with pytest.raises(rr.UnsortedDatesError):
        rr.acwr(loads=dated([1, 2], ["2026-03-05", "2026-03-02"]))


def test_tz_aware_index_gives_local_dates() -> None:
    # 00:30 in Paris is still the previous day in UTC: the local date counts.
    s = dated([1, 2], ["2026-03-02 00:30", "2026-03-03 00:30"], "Europe/Paris")
    assert rr.weekly_loads(loads=s)["weeks"][0]["start"] == "2026-03-02"
    daily = rr.daily_series(dates=s.index, values=s)
    assert daily["start"] == "2026-03-02" and daily["values"].tolist() == [1.0, 2.0]


def test_to_pandas_round_trip() -> None:
    d = rr.daily_loads(log=LOG, method="session_rpe")
    s = rr.to_pandas(d, "load")
    assert isinstance(s, pd.Series) and s.name == "load"
    assert isinstance(s.index, pd.DatetimeIndex) and s.index.freqstr == "D"
    assert str(s.index[0].date()) == d["start"] and str(s.index[-1].date()) == d["end"]
    assert s.tolist() == [150.0, 0.0, 480.0]
    logged = rr.to_pandas(d, "logged")
    assert logged.dtype == bool and logged.tolist() == [True, False, True]
    # and back: the series feeds weekly_loads through its index
    assert rr.weekly_loads(loads=s) == rr.weekly_loads(start=d["start"], loads=d["load"])


def test_to_pandas_needs_a_start() -> None:
    with pytest.raises(KeyError, match="start"):
        rr.to_pandas({"load": [1.0]}, "load")


def test_to_pandas_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pip install"):
        rr.to_pandas({"start": DAY, "load": [1.0]}, "load")


# ---------------------------------------------------------------- never a crash

ODD_VALUES = [
    math.nan, math.inf, -1, 0, -0.0, 1e308, -1e308, 10**19, 2**63, "x", "", "2026-13-01", "9999-12-31",
    "+262142-12-31", "-262143-01-01", [], {}, [1], {"a": 1}, None, True, np.float32(3), np.int64(-5),
]


def _mutate(value: Any, rng: random.Random) -> Any:
    """One random leaf (or container) of `value` replaced by an odd value."""
    if isinstance(value, dict) and value and rng.random() < 0.8:
        key = rng.choice(sorted(value))
        return {**value, key: _mutate(value[key], rng)}
    if isinstance(value, list) and value and rng.random() < 0.8:
        i = rng.randrange(len(value))
        return value[:i] + [_mutate(value[i], rng)] + value[i + 1 :]
    return rng.choice(ODD_VALUES)


def test_mutated_vectors_never_crash() -> None:
    rng = random.Random(20261122)
    cases = [c for _, c in vector_cases()]
    assert cases
    failures = []
    for _ in range(1500):
        case = rng.choice(cases)
        request = _mutate(copy.deepcopy(case["input"]), rng)
        if not isinstance(request, dict):
            continue
        try:
            out = getattr(rr, case["operation"])(**request)
        except rr.RunRecoveryError as e:
            assert isinstance(e.code, str) and e.field is not None
            assert e.path is not None and _rendered(e.path) == e.field, (e.path, e.field)
            continue
        except BaseException as e:  # noqa: BLE001 - anything else is a failure of the binding
            failures.append((case["operation"], request, repr(e)))
            continue
        assert isinstance(out, dict)
    assert not failures, failures[:3]


def test_dates_at_the_calendar_edge_are_errors() -> None:
    with pytest.raises(rr.RunRecoveryError):
        rr.weekly_loads(start="+262142-12-30", loads=[1.0] * 10)
