"""Readiness markers, warning-sign loads and tests as pandas objects: moved
into the request's lists in Python (no formula), so every answer equals the
one for the same markers given as dicts."""

from __future__ import annotations

import copy
import datetime
import math
from typing import Any, Dict, List

import pytest

import runrecovery as rr
from helpers import vector_cases

pd = pytest.importorskip("pandas")

WELLNESS = ("sleep_quality", "fatigue", "stress", "soreness", "mood", "motivation", "appetite")
MARKER_OPS = ("readiness", "readiness_baselines", "warning_signs", "adapt_session")


def frame_of(markers: List[Dict[str, Any]], dates_in: str = "index") -> Any:
    """The markers as a DataFrame: hrv as an ``rmssd_ms`` or ``ln_rmssd``
    column, wellness items as their own columns, absent values as NaN/None."""
    rows = []
    for m in markers:
        row = {k: v for k, v in m.items() if k not in ("hrv", "wellness")}
        if "hrv" in m:
            row[m["hrv"]["index"]] = m["hrv"]["value"]
        row.update(m.get("wellness", {}))
        rows.append(row)
    df = pd.DataFrame(rows)
    if dates_in == "index":
        df = df.set_index(pd.to_datetime(df.pop("date")))
    return df


def stable_days(n: int = 40) -> List[Dict[str, Any]]:
    start = datetime.date(2026, 1, 1)
    return [
        {
            "date": (start + datetime.timedelta(days=i)).isoformat(),
            "hrv": {"value": 60.0 + i % 5, "index": "rmssd_ms"},
            "resting_hr_bpm": 48.0 + i % 3,
            "sleep_h": 7.5 + (i % 2) * 0.5,
            "wellness": {"sleep_quality": 3.0 + i % 2, "fatigue": 3.0, "stress": 2.0 + i % 2, "soreness": 3.0},
        }
        for i in range(n)
    ]


MARKER_CASES = [
    pytest.param(c, id=f"{c['operation']}: {c['name']}")
    for _, c in vector_cases()
    if c["operation"] in MARKER_OPS and "expected" in c and c["input"].get("markers")
]


@pytest.mark.parametrize(("case",), MARKER_CASES)
@pytest.mark.parametrize("dates_in", ["index", "column"])
def test_every_markers_vector_as_a_dataframe(case: dict, dates_in: str) -> None:
    fn = getattr(rr, case["operation"])
    request = copy.deepcopy(case["input"])
    want = fn(**request)
    request["markers"] = frame_of(request["markers"], dates_in)
    assert fn(**request) == want


def test_the_columns_become_the_fields() -> None:
    days = stable_days()
    days[-1].update(planned_rpe=5.0, felt_rpe=8.0, source="strap", ill=False)
    days[-1]["wellness"].update(mood=2.0, motivation=3.0, appetite=4.0)
    df = frame_of(days)
    assert {"rmssd_ms", "fatigue", "mood", "planned_rpe", "source", "ill"} <= set(df.columns)
    assert rr.readiness(markers=df) == rr.readiness(markers=days)


def test_empty_cells_are_markers_not_recorded() -> None:
    days = stable_days()
    for i in (3, 10, 39):
        del days[i]["hrv"]
        del days[i]["sleep_h"]
        del days[i]["wellness"]["fatigue"]
    df = frame_of(days)
    assert math.isnan(df["rmssd_ms"].iloc[39]) and math.isnan(df["fatigue"].iloc[3])
    r = rr.readiness(markers=df)
    assert r == rr.readiness(markers=days)
    assert [m["rating"] for m in r["markers"] if m["marker"] in ("hrv", "sleep")] == ["missing", "missing"]
    # pandas' own missing values, in object and nullable columns
    df2 = df.astype({"sleep_h": "Float64"})
    df2["source"] = pd.Series([None] * 39 + [pd.NA], index=df.index, dtype=object)
    assert rr.readiness(markers=df2) == r


def test_ms_and_ln_columns_may_be_mixed_across_days() -> None:
    days = stable_days()
    for m in days[::2]:
        m["hrv"] = {"value": math.log(m["hrv"]["value"]), "index": "ln_rmssd"}
    df = frame_of(days)
    assert {"rmssd_ms", "ln_rmssd"} <= set(df.columns)
    assert rr.readiness(markers=df) == rr.readiness(markers=stable_days())


def test_one_hrv_reading_per_day() -> None:
    df = frame_of(stable_days())
    df["ln_rmssd"] = float("nan")
    df.iloc[5, df.columns.get_loc("ln_rmssd")] = 4.1
    with pytest.raises(rr.InconsistentInputError) as info:
        rr.readiness(markers=df)
    assert info.value.field == "markers[5].hrv" and "rmssd_ms and ln_rmssd" in str(info.value)


def test_a_wellness_column_or_item_columns() -> None:
    df = frame_of(stable_days())
    df["wellness"] = [{"fatigue": 3.0}] * len(df)
    with pytest.raises(rr.InconsistentInputError) as info:
        rr.readiness(markers=df)
    assert info.value.field == "markers[0].wellness"
    only = frame_of(stable_days()).drop(columns=["sleep_quality", "fatigue", "stress", "soreness"])
    only["wellness"] = [d["wellness"] for d in stable_days()]
    assert rr.readiness(markers=only) == rr.readiness(markers=stable_days())


@pytest.mark.parametrize(
    ("column", "row", "value", "cls", "field"),
    [
        ("resting_hr_bpm", 7, 300.0, rr.OutOfRangeError, "markers[7].resting_hr_bpm"),
        ("rmssd_ms", 39, -5.0, rr.OutOfRangeError, "markers[39].hrv.value"),
        ("fatigue", 12, 9.0, rr.OutOfRangeError, "markers[12].wellness.fatigue"),
        ("sleep_h", 2, float("inf"), rr.NotFiniteError, "markers[2].sleep_h"),
    ],
)
def test_errors_name_the_field_row_and_column(column: str, row: int, value: float, cls: type, field: str) -> None:
    df = frame_of(stable_days())
    df.iloc[row, df.columns.get_loc(column)] = value
    with pytest.raises(cls) as info:
        rr.readiness(markers=df)
    e = info.value
    assert (e.field, e.row, e.column) == (field, row, column)


def test_dates_must_increase_and_columns_must_be_fields() -> None:
    df = frame_of(stable_days())
    swapped = df.iloc[[0, 2, 1] + list(range(3, len(df)))]
    with pytest.raises(rr.UnsortedDatesError) as info:
        rr.readiness(markers=swapped)
    assert (info.value.field, info.value.row, info.value.column) == ("markers[2].date", 2, None)
    with pytest.raises(rr.DuplicateDateError):
        rr.readiness(markers=pd.concat([df.iloc[:2], df.iloc[1:]]))
    typo = frame_of(stable_days()).rename(columns={"resting_hr_bpm": "resting_hr"})
    with pytest.raises(rr.InvalidInputError) as info2:
        rr.readiness(markers=typo)
    assert info2.value.field == "markers[0].resting_hr" and info2.value.column == "resting_hr"
    with pytest.raises(rr.InvalidInputError):  # no dates at all
        rr.readiness(markers=frame_of(stable_days()).reset_index(drop=True))


def test_flags_and_a_tz_aware_index() -> None:
    days = stable_days()
    df = frame_of(days)
    df["ill"] = [False] * 39 + [True]
    r = rr.readiness(markers=df)
    assert r["status"] == "rest"
    local = df.tz_localize("Europe/Paris")
    assert rr.readiness(markers=local) == r
    assert rr.readiness(markers=local)["date"] == days[-1]["date"]


def test_adapt_session_and_baselines_take_a_dataframe() -> None:
    days = stable_days()
    days[-1]["resting_hr_bpm"] = 57.0
    planned = {"date": days[-1]["date"], "kind": "intervals", "duration_s": 3600, "rpe": 8, "status": "planned"}
    assert rr.adapt_session(markers=frame_of(days), planned=planned) == rr.adapt_session(markers=days, planned=planned)
    b = rr.readiness_baselines(markers=frame_of(days))["days"]
    assert len(b) == len(days) and b[-1]["date"] == days[-1]["date"]


def test_warning_signs_take_loads_and_tests_series() -> None:
    days = stable_days()
    index = pd.date_range("2026-01-01", periods=40)
    loads = pd.Series([60.0] * 40, index=index)
    want = rr.warning_signs(markers=days, loads={"start": "2026-01-01", "values": [60.0] * 40})
    assert [s["sign"] for s in want["signs"]] == ["high_monotony"]
    assert rr.warning_signs(markers=frame_of(days), loads=loads) == want
    # gaps in the series count as 0
    sparse = loads.iloc[::2]
    gaps = rr.warning_signs(markers=days, loads={"start": "2026-01-01", "values": [60.0, 0.0] * 20})
    assert rr.warning_signs(markers=days, loads=sparse) == gaps
    dates = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"]
    tests = pd.Series([50.0, float("nan"), 51.0, 50.5, 47.0], index=pd.to_datetime(dates))
    as_list = [{"date": d, "value": v} for d, v in zip(dates, tests.tolist()) if not math.isnan(v)]
    assert rr.warning_signs(markers=days, tests=tests) == rr.warning_signs(markers=days, tests=as_list)
    assert "performance_decline" in [s["sign"] for s in rr.warning_signs(markers=days, tests=tests)["signs"]]


def test_a_bad_loads_series_names_loads() -> None:
    loads = pd.Series([60.0, -1.0], index=pd.to_datetime(["2026-01-01", "2026-01-02"]))
    with pytest.raises(rr.OutOfRangeError) as info:
        rr.warning_signs(markers=stable_days(), loads=loads)
    assert info.value.field == "loads[1]" and str(info.value).startswith("loads[1]: ")
    backwards = pd.Series([60.0, 50.0], index=pd.to_datetime(["2026-01-02", "2026-01-01"]))
    with pytest.raises(rr.UnsortedDatesError) as info2:
        rr.warning_signs(markers=stable_days(), loads=backwards)
    assert info2.value.field == "loads.index[1]"


def test_lists_are_untouched_without_pandas_objects() -> None:
    days = stable_days()
    before = copy.deepcopy(days)
    rr.readiness(markers=days)
    assert days == before
