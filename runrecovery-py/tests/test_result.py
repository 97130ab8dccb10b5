"""Results are runrecovery.Result dicts: equal to plain dicts, JSON-serializable,
picklable, and shown as HTML tables in notebooks."""

from __future__ import annotations

import copy
import json
import pickle
import re
from typing import Any

import numpy as np
import pytest

import runrecovery as rr
from helpers import vector_cases

LOG = {
    "schema_version": 1,
    "sessions": [
        {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3},
        {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8, "notes": "<script>x</script> & co"},
    ],
}


def text(html: str) -> str:
    """The HTML's text, tags dropped."""
    return re.sub(r"<[^>]+>", " ", html)


def _plain(value: Any) -> Any:
    return value.tolist() if isinstance(value, np.ndarray) else value


@pytest.mark.parametrize(
    ("case",),
    [pytest.param(c, id=f"{stem}: {c['name']}") for stem, c in vector_cases() if "expected" in c and hasattr(rr, c["operation"])][::7],
)
def test_every_result_is_a_dict_and_renders(case: dict) -> None:
    out = getattr(rr, case["operation"])(**copy.deepcopy(case["input"]))
    assert isinstance(out, dict)
    if not isinstance(out, rr.Result):  # the batch functions build their dicts themselves
        return
    assert out.operation == case["operation"]
    plain = dict(out)
    assert out == plain and plain == out and type(plain) is dict
    assert repr(out) == repr(plain)
    assert json.dumps(out, default=_plain) == json.dumps(plain, default=_plain)
    html = out._repr_html_()
    assert html.startswith("<table") and html.endswith("</table>")
    assert html.count("<table") == html.count("</table>")
    for key in out:
        assert f">{key}<" in html


def test_result_is_json_pickle_and_copy_friendly() -> None:
    r = rr.vdot_from_race(distance_m=5000, time_s=1200)
    assert type(r) is rr.Result and json.loads(json.dumps(r)) == r
    for again in (pickle.loads(pickle.dumps(r)), copy.copy(r), copy.deepcopy(r)):
        assert type(again) is rr.Result and again == r and again.operation == "vdot_from_race"
    assert rr.Result({"a": 1}) == {"a": 1} and rr.Result().operation is None
    assert {**r} == r  # unpacks as a dict


def test_series_are_summarized() -> None:
    p = rr.pmc(start="2026-01-01", loads=np.arange(100.0))
    html = p._repr_html_()
    assert f"array of 100: [0, {p['fitness'][1]:.4g}, …," in html
    assert f"{p['form'][-1]:.4g}" in html
    assert html.count("…") >= 3
    assert "list of 100" in html  # plain lists too (ramp, form_pct)
    assert "<caption" in html and ">pmc<" in html


def test_short_lists_are_shown_whole_and_nested_dicts_as_tables() -> None:
    d = rr.intensity_distribution(system="rpe", log=LOG)
    html = d._repr_html_()
    assert "[3000, 0, 3600]" in text(html)
    assert html.count("<table") == 2  # the polarization dict, nested


def test_lists_of_dicts_are_tables_and_long_ones_elided() -> None:
    state = rr.recovery_state(log=LOG, date="2026-03-05")
    html = state._repr_html_()
    for column in ("system", "fatigue", "status", "hours_to_ready"):
        assert f">{column}<" in html
    assert html.count("<tr>") >= 1 + 4
    loads = [50.0, 0.0, 80.0] * 100
    weeks = rr.weekly_loads(start="2026-01-05", loads=loads)
    assert len(weeks["weeks"]) > 30
    assert f"… {len(weeks['weeks']) - 10} more rows …" in weeks._repr_html_()


def test_text_is_escaped() -> None:
    html = rr.read_log(log=LOG)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp; co" in html


def test_to_html_of_any_mapping() -> None:
    html = rr.result.to_html({"matrix": np.zeros((3, 4)), "none": None, "flag": True, "n": np.int64(3)})
    assert "array 3 × 4" in html and "<i>None</i>" in html and "True" in html and ">3<" in html
