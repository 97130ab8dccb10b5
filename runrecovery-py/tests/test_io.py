"""Logs in and out (runrecovery.io): DataFrames, records, CSV and JSON round
trips, and errors that name the row and column they come from."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import pickle
import sys
import typing
from pathlib import Path
from typing import Any, Dict, List

import numpy as np
import pandas as pd  # the `test` extra installs it
import pytest

import runrecovery as rr

SAMPLE = Path(__file__).resolve().parent.parent.parent / "runrecovery-core" / "data" / "sample_log.json"
ROWS = [
    {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "distance_m": 9000, "rpe": 3, "avg_hr_bpm": 140},
    {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8, "start_time": "07:30:00"},
    # a gap of four days, then two sessions on one day
    {"date": "2026-03-09", "kind": "easy", "duration_s": 2400, "rpe": 2},
    {"date": "2026-03-09", "kind": "strength", "duration_s": 1800, "rpe": 5, "notes": "gym, <b>legs</b>"},
]
ATHLETE = {"age_years": 34, "sex": "female", "hr_max_bpm": 188, "hr_rest_bpm": 48}


def sample() -> Dict[str, Any]:
    return typing.cast(Dict[str, Any], json.loads(SAMPLE.read_text(encoding="utf-8")))


def canonical(log: Any) -> Any:
    return rr.read_log(log=log)["log"]


def csv_text(header: str, *rows: str) -> io.StringIO:
    return io.StringIO("\n".join([header, *rows]) + "\n")


# ---------------------------------------------------------------- the columns


def test_session_columns_are_the_session_fields() -> None:
    assert sorted(rr.SESSION_COLUMNS) == sorted(typing.get_type_hints(rr.types.Session))
    assert rr.SESSION_COLUMNS[:3] == ("date", "start_time", "kind")


# ---------------------------------------------------------------- DataFrames


def test_dataframe_round_trip_of_the_sample_log() -> None:
    log = sample()
    df = rr.log_to_dataframe(log)
    assert len(df) == len(log["sessions"])
    assert list(df.columns) == [c for c in rr.SESSION_COLUMNS if c in df.columns]
    assert str(df["date"].dtype).startswith("datetime64")
    assert df["duration_s"].dtype == np.float64
    assert df.attrs["athlete"]["hr_max_bpm"] == 188
    back = rr.log_from_dataframe(df)
    assert back == canonical(log)
    # histograms stay lists of bins
    with_bins = [s for s in back["sessions"] if "hr_histogram" in s]
    assert with_bins and isinstance(with_bins[0]["hr_histogram"][0], dict)


def test_dataframe_round_trip_keeps_gaps_and_same_day_sessions() -> None:
    df = pd.DataFrame(ROWS)
    log = rr.log_from_dataframe(df, athlete=ATHLETE)
    assert log == canonical({"schema_version": 1, "athlete": ATHLETE, "sessions": ROWS})
    assert rr.log_from_dataframe(rr.log_to_dataframe(log)) == log
    daily = rr.daily_loads(log=log, method="session_rpe")
    assert daily["logged"].tolist() == [True, False, True, False, False, False, False, True]
    assert daily["load"][-1] == 2400 / 60 * 2 + 1800 / 60 * 5


def test_nan_none_and_blank_cells_leave_the_field_out() -> None:
    df = pd.DataFrame(
        {
            "date": ["2026-03-02", "2026-03-03", "2026-03-04"],
            "kind": ["easy", "easy", "easy"],
            "duration_s": [3000, 3000, 3000],
            "rpe": [3, math.nan, None],
            "avg_hr_bpm": pd.array([140, None, 150], dtype="Int64"),
            "notes": ["ok", "  ", None],
            "start_time": [dt.time(7, 5), pd.NaT, None],
        }
    )
    sessions = rr.sessions_from_dataframe(df)
    assert sessions[0] == {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3.0,
                           "avg_hr_bpm": 140, "notes": "ok", "start_time": "07:05:00"}
    assert sessions[1] == {"date": "2026-03-03", "kind": "easy", "duration_s": 3000}
    assert sessions[2] == {"date": "2026-03-04", "kind": "easy", "duration_s": 3000, "avg_hr_bpm": 150}
    assert json.loads(json.dumps(sessions)) == sessions  # plain Python values
    assert all(type(v) in (str, int, float) for s in sessions for v in s.values())


@pytest.mark.parametrize(
    "dates",
    [
        ["2026-03-02", "2026-03-04"],
        [dt.date(2026, 3, 2), dt.date(2026, 3, 4)],
        [dt.datetime(2026, 3, 2, 18, 0), dt.datetime(2026, 3, 4, 6, 0)],
        pd.to_datetime(["2026-03-02", "2026-03-04"]),
        np.array(["2026-03-02T10:00", "2026-03-04T23:59"], dtype="datetime64[m]"),
        # tz-aware: the local date counts (00:30 in Paris is still the previous day in UTC)
        pd.to_datetime(["2026-03-02 00:30", "2026-03-04 00:30"]).tz_localize("Europe/Paris"),
        # 23:30 in New York is the next day in UTC
        pd.to_datetime(["2026-03-02 23:30", "2026-03-04 23:30"]).tz_localize("America/New_York"),
    ],
    ids=["text", "date", "datetime", "timestamp", "datetime64", "tz-paris", "tz-new-york"],
)
def test_every_form_of_date_gives_the_local_date(dates: Any) -> None:
    df = pd.DataFrame({"date": dates, "kind": ["easy", "tempo"], "duration_s": [3000, 2400]})
    log = rr.log_from_dataframe(df)
    assert [s["date"] for s in log["sessions"]] == ["2026-03-02", "2026-03-04"]


def test_dates_may_be_the_index() -> None:
    df = pd.DataFrame({"kind": ["easy", "tempo"], "duration_s": [3000, 2400]},
                      index=pd.DatetimeIndex(["2026-03-02", "2026-03-04"]).tz_localize("Asia/Tokyo"))
    assert [s["date"] for s in rr.sessions_from_dataframe(df)] == ["2026-03-02", "2026-03-04"]
    named = pd.DataFrame({"kind": ["easy"], "duration_s": [3000]}, index=pd.Index(["2026-03-02"], name="date"))
    assert rr.sessions_from_dataframe(named)[0]["date"] == "2026-03-02"


def test_athlete_argument_and_attrs() -> None:
    df = pd.DataFrame(ROWS)
    assert "athlete" not in rr.log_from_dataframe(df)
    df.attrs["athlete"] = {"age_years": 50}
    assert rr.log_from_dataframe(df)["athlete"]["age_years"] == 50
    assert rr.log_from_dataframe(df, athlete=ATHLETE)["athlete"]["age_years"] == 34


def test_dataframe_errors_name_the_row_and_column() -> None:
    df = pd.DataFrame(ROWS, index=["a", "b", "c", "d"]).assign(rpe=[3, 8, 2, 11])
    with pytest.raises(rr.OutOfRangeError) as info:
        rr.log_from_dataframe(df)
    e = info.value
    assert (e.code, e.field, e.row, e.column, e.value) == ("out_of_range", "rows[3].rpe", 3, "rpe", "11")
    assert e.path == ("rows", 3, "rpe")
    assert str(e).startswith("DataFrame row iloc[3] (index 'd'), column rpe: 11 is out of range")


def test_duplicate_rows_are_the_cores_error() -> None:
    df = pd.DataFrame([ROWS[0], ROWS[1], ROWS[0]])
    with pytest.raises(rr.DuplicateSessionError) as info:
        rr.log_from_dataframe(df)
    assert (info.value.field, info.value.row, info.value.column) == ("rows[2]", 2, None)
    assert info.value.path == ("rows", 2)
    assert len(rr.log_from_dataframe(df, duplicates="drop_exact")["sessions"]) == 2
    # same date and start time, different content: a conflict
    clash = pd.DataFrame([ROWS[1], {**ROWS[1], "rpe": 6}])
    with pytest.raises(rr.ConflictingSessionsError) as info2:
        rr.log_from_dataframe(clash)
    assert info2.value.field == "rows[1]"
    assert rr.log_from_dataframe(clash, duplicates="keep_last")["sessions"][0]["rpe"] == 6


def test_duplicate_dates_in_a_daily_series_are_the_cores_error() -> None:
    df = pd.DataFrame(ROWS)
    daily = df.assign(load=df["duration_s"] / 60 * df["rpe"]).set_index(pd.to_datetime(df["date"]))["load"]
    with pytest.raises(rr.DuplicateDateError):  # two sessions on 2026-03-09: sum them per day first
        rr.pmc(loads=daily)
    per_day = daily.groupby(level=0).sum()
    assert rr.pmc(loads=per_day)["end"] == "2026-03-09"


def test_empty_dataframe_is_an_error() -> None:
    with pytest.raises(rr.EmptyInputError) as info:
        rr.log_from_dataframe(pd.DataFrame({"date": [], "kind": [], "duration_s": []}))
    assert info.value.field == "rows"


def test_not_a_dataframe() -> None:
    with pytest.raises(TypeError, match="DataFrame"):
        rr.log_from_dataframe(ROWS)


def test_pandas_is_needed_only_for_dataframes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pip install"):
        rr.log_to_dataframe({"schema_version": 1, "sessions": ROWS})
    # CSV, records and JSON need no pandas
    assert len(rr.read_log_csv(csv_text("date,kind,duration_s", "2026-03-02,easy,3000"))["sessions"]) == 1
    assert len(rr.from_records(ROWS)["sessions"]) == 4


# ---------------------------------------------------------------- records


def test_records() -> None:
    records = [{**r, "avg_power_w": None} for r in ROWS] + [{"date": dt.date(2026, 3, 10), "kind": "easy",
                                                             "duration_s": np.int64(600), "rpe": np.float64("nan")}]
    log = rr.from_records(records, athlete=ATHLETE)
    assert log["sessions"][-1] == {"date": "2026-03-10", "kind": "easy", "duration_s": 600.0, "status": "completed"}
    assert rr.from_records(pd.DataFrame(ROWS).to_dict("records")) == rr.from_records(ROWS)
    with pytest.raises(rr.InvalidDateError) as info:
        rr.from_records([ROWS[0], {**ROWS[1], "date": "2026-02-30"}])
    assert (info.value.field, info.value.column) == ("rows[1].date", "date")
    assert str(info.value).startswith("records[1], column date: ")


# ---------------------------------------------------------------- CSV


def test_csv_round_trip_through_pandas(tmp_path: Path) -> None:
    log = sample()
    df = rr.log_to_dataframe(log)
    df["hr_histogram"] = df["hr_histogram"].map(lambda v: json.dumps(v) if isinstance(v, list) else None)
    path = tmp_path / "log.csv"
    df.to_csv(path, index=False, date_format="%Y-%m-%d")
    assert rr.read_log_csv(path, athlete=log["athlete"]) == canonical(log)
    assert rr.read_log_csv(str(path), athlete=log["athlete"]) == canonical(log)


def test_csv_from_a_file_text_or_binary_with_a_bom(tmp_path: Path) -> None:
    text = "\ufeff date , kind ,duration_s,rpe\r\n2026-03-02,easy,3000,3\r\n\r\n"
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("utf-8"))
    want = canonical({"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3}]})
    assert rr.read_log_csv(path) == want
    with open(path, "rb") as f:
        assert rr.read_log_csv(f) == want
        assert not f.closed  # the caller's stream stays open
    with open(path, encoding="utf-8-sig", newline="") as t:
        assert rr.read_log_csv(t) == want
    semi = io.StringIO("date;kind;duration_s;distance_m\n2026-03-02;easy;3000;9000.5\n")
    assert rr.read_log_csv(semi, delimiter=";")["sessions"][0]["distance_m"] == 9000.5


def test_csv_blank_cells_and_histograms() -> None:
    text = csv_text(
        "date,kind,duration_s,distance_m,rpe,hr_histogram,notes",
        '2026-03-02,easy,3000,,3,"[{""hr_bpm"": 140, ""seconds"": 3000}]","easy, ""chatty"""',
        "2026-03-03,rest,0,,,,",
    )
    log = rr.read_log_csv(text, athlete=ATHLETE)
    first, second = log["sessions"]
    assert "distance_m" not in first and first["hr_histogram"] == [{"hr_bpm": 140.0, "seconds": 3000.0}]
    assert first["notes"] == 'easy, "chatty"'
    assert second == {"date": "2026-03-03", "kind": "rest", "duration_s": 0.0, "status": "completed"}


# (cell change, error class, field, column): each in data row 3, i.e. row 5 of the file
CSV_ERRORS = [
    ("rpe=11", rr.OutOfRangeError, "rows[3].rpe", "rpe"),
    ("rpe=abc", rr.InvalidInputError, "rows[3].rpe", "rpe"),
    ("rpe=nan", rr.NotFiniteError, "rows[3].rpe", "rpe"),
    ("duration_s=-5", rr.OutOfRangeError, "rows[3].duration_s", "duration_s"),
    ("date=2026-02-30", rr.InvalidDateError, "rows[3].date", "date"),
    ("date=", rr.InvalidInputError, "rows[3].date", "date"),
    ("kind=jog", rr.InvalidInputError, "rows[3].kind", "kind"),
    ("avg_hr_bpm=400", rr.OutOfRangeError, "rows[3].avg_hr_bpm", "avg_hr_bpm"),
    ('hr_histogram=[{"hr_bpm": 150}]', rr.InvalidInputError, "rows[3].hr_histogram[0].seconds", "hr_histogram"),
]


@pytest.mark.parametrize(("change", "cls", "field", "column"), CSV_ERRORS, ids=[c[0] for c in CSV_ERRORS])
def test_csv_errors_name_row_and_column(change: str, cls: type, field: str, column: str) -> None:
    header = ["date", "kind", "duration_s", "rpe", "avg_hr_bpm", "hr_histogram"]
    rows: List[Dict[str, str]] = [
        {"date": f"2026-03-0{d}", "kind": "easy", "duration_s": "3000", "rpe": "3", "avg_hr_bpm": "", "hr_histogram": ""}
        for d in range(2, 7)
    ]
    key, value = change.split("=", 1)
    rows[3][key] = value
    out = io.StringIO()
    import csv

    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    out.seek(0)
    with pytest.raises(cls) as info:
        rr.read_log_csv(out, athlete=ATHLETE)
    e = info.value
    assert isinstance(e, rr.RunRecoveryError) and isinstance(e, ValueError)
    assert (e.field, e.row, e.column) == (field, 5, column), str(e)
    assert str(e).startswith(f"row 5 of the CSV (row 1 is the header), column {column}: "), str(e)
    assert "log.sessions" not in str(e)
    again = pickle.loads(pickle.dumps(e))
    assert (type(again), again.field, again.path, again.row, again.column) == (type(e), e.field, e.path, e.row, e.column)


def test_csv_unknown_column() -> None:
    with pytest.raises(rr.InvalidInputError) as info:
        rr.read_log_csv(csv_text("date,kind,duration_s,RPE", "2026-03-02,easy,3000,3"))
    assert (info.value.field, info.value.row, info.value.column) == ("rows[0].RPE", 2, "RPE")
    assert "unknown field `RPE`" in str(info.value)


def test_csv_duplicate_rows() -> None:
    text = csv_text("date,kind,duration_s", "2026-03-02,easy,3000", "2026-03-03,easy,3000", "2026-03-02,easy,3000")
    with pytest.raises(rr.DuplicateSessionError) as info:
        rr.read_log_csv(text)
    assert (info.value.field, info.value.row, info.value.column) == ("rows[2]", 4, None)
    assert str(info.value).startswith("row 4 of the CSV (row 1 is the header): session 2026-03-02 easy")


def test_csv_athlete_errors_name_the_athlete() -> None:
    with pytest.raises(rr.OutOfRangeError) as info:
        rr.read_log_csv(csv_text("date,kind,duration_s", "2026-03-02,easy,3000"), athlete={"age_years": 500})
    assert (info.value.field, info.value.row) == ("athlete.age_years", None)


@pytest.mark.parametrize(
    ("text", "cls", "field"),
    [
        ("", rr.InvalidInputError, "rows"),
        ("date,kind,duration_s\n", rr.EmptyInputError, "rows"),
        ("date,kind,,duration_s\n2026-03-02,easy,,3000\n", rr.InvalidInputError, "columns"),
        ("date,kind,date\n2026-03-02,easy,2026-03-03\n", rr.InvalidInputError, "date"),
        ("date,kind,duration_s\n2026-03-02,easy,3000,extra\n", rr.InvalidInputError, "rows[0]"),
        ("date,kind,duration_s\n\n2026-03-02,easy,3000\n", rr.InvalidInputError, "rows[0].date"),
    ],
    ids=["no header", "no rows", "unnamed column", "repeated column", "too many cells", "blank row"],
)
def test_csv_structure_errors(text: str, cls: type, field: str) -> None:
    with pytest.raises(cls) as info:
        rr.read_log_csv(io.StringIO(text))
    assert info.value.field == field, str(info.value)


# ---------------------------------------------------------------- JSON


def test_json_round_trip() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    log = rr.from_json(text)
    assert log == canonical(json.loads(text))
    assert rr.from_json(rr.to_json(log)) == log
    assert rr.from_json(rr.to_json(log, indent=1).encode("utf-8")) == log
    assert "\n" in rr.to_json(log, indent=1)
    noted = {"schema_version": 1, "sessions": [{**ROWS[0], "notes": "café ✓"}]}
    assert "café ✓" in rr.to_json(noted)


@pytest.mark.parametrize(
    ("text", "cls", "field"),
    [
        ("{not json", rr.InvalidInputError, "$"),
        ("[]", rr.InvalidInputError, "$"),
        ('{"schema_version": 2, "sessions": []}', rr.UnsupportedSchemaVersionError, "schema_version"),
        ('{"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": 60, "rpe": NaN}]}',
         rr.NotFiniteError, "sessions[0].rpe"),
        ('{"schema_version": 1, "sessions": [{"date": "2026-03-02", "kind": "easy", "duration_s": 60, "rpee": 3}]}',
         rr.InvalidInputError, "sessions[0].rpee"),
    ],
    ids=["not json", "not an object", "newer schema", "NaN", "unknown field"],
)
def test_json_errors(text: str, cls: type, field: str) -> None:
    with pytest.raises(cls) as info:
        rr.from_json(text)
    assert info.value.field == field, str(info.value)
    assert str(info.value).startswith(field + ": ")


def test_to_json_validates() -> None:
    with pytest.raises(rr.OutOfRangeError) as info:
        rr.to_json({"schema_version": 1, "sessions": [{**ROWS[0], "rpe": 12}]})
    assert info.value.field == "sessions[0].rpe"
