"""to_icalendar's Python convenience (``path``): the file holds exactly the
core's text, and the parameter never reaches the core."""

from __future__ import annotations

from pathlib import Path

import pytest

import runrecovery as rr

LOG = {
    "schema_version": 1,
    "sessions": [
        {"date": "2027-01-04", "kind": "easy", "duration_s": 2400, "distance_m": 8000, "rpe": 3, "status": "planned",
         "notes": "easy, at conversation pace; é"},
        {"date": "2027-01-05", "kind": "rest", "duration_s": 0, "status": "planned"},
    ],
}


@pytest.mark.parametrize("as_path", [str, Path])
def test_path_writes_the_text_byte_for_byte(tmp_path: Path, as_path: type) -> None:
    target = tmp_path / "plan.ics"
    cal = rr.to_icalendar(log=LOG, stamp="2027-01-01T00:00:00Z", path=as_path(target))
    assert cal["events"] == 1
    assert target.read_bytes() == cal["ics"].encode("utf-8")
    assert b"\r\nSUMMARY:Easy run 8 km \xc2\xb7 40 min\r\n" in target.read_bytes()
    assert cal == rr.to_icalendar(log=LOG, stamp="2027-01-01T00:00:00Z")


def test_path_is_not_a_core_field(tmp_path: Path) -> None:
    # A missing log is the core's error about `log`, not about `path`.
    with pytest.raises(rr.InvalidInputError) as e:
        rr.to_icalendar(path=tmp_path / "x.ics")  # type: ignore[call-arg]
    assert e.value.field == "log"
    with pytest.raises(rr.InvalidInputError) as e:
        rr.to_icalendar(log=LOG, path=tmp_path / "x.ics", stmp="x")  # type: ignore[call-arg]
    assert e.value.field == "stmp"
    assert not (tmp_path / "x.ics").exists()


def test_a_bad_stamp_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(rr.InvalidInputError) as e:
        rr.to_icalendar(log=LOG, stamp="2027-01-01", path=tmp_path / "x.ics")
    assert e.value.field == "stamp"
    assert not (tmp_path / "x.ics").exists()
