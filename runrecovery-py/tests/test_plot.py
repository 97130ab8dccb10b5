"""Charts (runrecovery.plot) render to PNG with the Agg backend; the example
script runs; without matplotlib, a clear error says what to install."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import runrecovery as rr  # noqa: E402
from runrecovery import plot  # noqa: E402

PY = Path(__file__).resolve().parent.parent
SAMPLE = PY.parent / "runrecovery-core" / "data" / "sample_log.json"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def log() -> Any:
    return rr.from_json(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def today(log: Any) -> str:
    return max(s["date"] for s in log["sessions"] if s["status"] == "completed")


@pytest.fixture(autouse=True)
def close_figures() -> Any:
    yield
    plt.close("all")


def save(fig: Any, path: Path) -> None:
    fig.savefig(path, dpi=60)
    data = path.read_bytes()
    assert data.startswith(PNG) and len(data) > 5000, path


def test_pmc_of_a_log_with_planned_days(log: Any, tmp_path: Path) -> None:
    pmc = rr.log_pmc(log=log, method="hr_tss", missing="zero")
    assert pmc["today"] == pmc["end"] < pmc["projection"]["end"]
    fig = plot.plot_pmc(pmc)
    top, bottom = fig.axes
    assert top.get_legend_handles_labels()[1] == ["fitness (CTL)", "fatigue (ATL)", "load"]
    assert len(top.patches) >= len(pmc["load"]) + len(pmc["projection"]["load"]) - 1  # the load bars
    assert [line.get_linestyle() for line in top.get_lines()][:4] == ["-", "-", "--", "--"]  # the projection dashed
    labels = bottom.get_legend_handles_labels()[1]
    assert labels[:4] == ["fresh", "neutral", "optimal", "high risk"] and "form (TSB)" in labels
    low, high = bottom.get_ylim()
    assert low < min(-30.0, pmc["form"].min()) and high > max(5.0, pmc["form"].max())
    save(fig, tmp_path / "pmc.png")


def test_pmc_bands_are_options(tmp_path: Path) -> None:
    p = rr.pmc(start="2026-03-02", loads=[300.0, 0, 500, 200] * 20)
    assert plot.plot_pmc(p, bands=None).axes[1].get_legend_handles_labels()[1] == ["form (TSB)"]
    mine = [plot.FormBand("rested", 50, float("inf"), "blue"), plot.FormBand("loaded", float("-inf"), -150, "red")]
    fig = plot.plot_pmc(p, bands=mine, title="AU scale")
    assert fig.axes[1].get_legend_handles_labels()[1][:2] == ["rested", "loaded"]
    assert fig.axes[0].get_title() == "AU scale"
    save(fig, tmp_path / "pmc-au.png")
    # into axes of one's own
    own, axes = plt.subplots(2, 1)
    assert plot.plot_pmc(p, axes=axes) is own


def test_pmc_form_as_a_percentage_of_fitness(tmp_path: Path) -> None:
    p = rr.pmc(start="2026-03-02", loads=[300.0, 0, 500, 200] * 20)  # AU: form far beyond the TSS bands
    fig = plot.plot_pmc(p, form="percent")
    bottom = fig.axes[1]
    assert "form (% of fitness)" in bottom.get_legend_handles_labels()[1]
    low, high = bottom.get_ylim()
    assert -105 <= low < -30 and 5 < high <= 105  # the first days (fitness near 0) are off the axis
    save(fig, tmp_path / "pmc-percent.png")
    with pytest.raises(ValueError, match="percent"):
        plot.plot_pmc(p, form="relative")  # type: ignore[arg-type]


def test_supercompensation(log: Any, today: str, tmp_path: Path) -> None:
    n = rr.next_quality_session(log=log, today=today)
    fig = plot.plot_supercompensation(n)
    top, bottom = fig.axes
    assert [line.get_label() for line in top.get_lines()][:4] == list(plot.SYSTEMS)
    labels = bottom.get_legend_handles_labels()[1]
    assert f"earliest: {n['earliest']}" in labels and f"best: {n['best']}" in labels
    assert len(bottom.patches) >= len(n["days"])  # a response bar per day
    save(fig, tmp_path / "supercompensation.png")


def test_recovery_one_moment_and_several(log: Any, today: str, tmp_path: Path) -> None:
    state = rr.recovery_state(log=log, date=today)
    fig = plot.plot_recovery(state, ready_below=0.25)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [s["system"] for s in state["systems"]]
    assert [round(b.get_height(), 9) for b in ax.patches] == [round(s["fatigue"], 9) for s in state["systems"]]
    assert "ready ≤ 0.25" in ax.get_legend_handles_labels()[1]
    save(fig, tmp_path / "recovery.png")
    days = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", today]
    fig = plot.plot_recovery([rr.recovery_state(log=log, date=d) for d in days])
    assert len(fig.axes[0].patches) == 4 * len(days)
    save(fig, tmp_path / "recovery-week.png")


def test_results_need_not_be_result_objects(log: Any, today: str) -> None:
    """Plain dicts (e.g. read back from JSON) plot the same."""
    state = rr.recovery_state(log=log, date=today)
    again = json.loads(json.dumps(state))
    assert type(again) is dict
    plot.plot_recovery(again)


def test_without_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)  # makes the import fail
    with pytest.raises(ImportError, match=r"pip install \./runrecovery-py\[plot\]"):
        plot.plot_pmc(rr.pmc(start="2026-03-02", loads=[1.0, 2.0]))


def test_importing_runrecovery_does_not_import_matplotlib() -> None:
    code = "import sys, runrecovery, runrecovery.plot; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_example_script_runs(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(PY / "examples" / "quickstart.py"), str(tmp_path)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert "next intervals: earliest" in proc.stdout
    for name in ("pmc", "recovery", "recovery-week", "supercompensation", "readiness"):
        assert (tmp_path / f"{name}.png").read_bytes().startswith(PNG)


def test_readiness_chart_draws_the_band_and_the_flag_lines(tmp_path: "Path") -> None:
    days = [{"date": f"2026-01-{d:02d}", "hrv": {"value": 60.0 + d % 5, "index": "rmssd_ms"},
             "resting_hr_bpm": 48.0 + d % 3} for d in range(1, 31)]
    fig = plot.plot_readiness(rr.readiness_baselines(markers=days))
    top, bottom = fig.axes
    assert len(top.collections) == 1  # the smallest-worthwhile-change band
    assert [line.get_label() for line in top.get_lines()] == ["morning ln rMSSD", "7-day mean"]
    assert [line.get_label() for line in bottom.get_lines()] == ["resting HR", "baseline", "+3 bpm (minor)", "+5 bpm (major)"]
    out = tmp_path / "readiness.png"
    fig.savefig(out)
    assert out.stat().st_size > 1000


UNIT = r"\(.+\)"  # "what (unit)"


def test_every_value_axis_names_its_unit(log: Any, today: str) -> None:
    """Issue 12: axis units on every chart."""
    markers = json.loads((SAMPLE.parent / "sample_markers.json").read_text(encoding="utf-8"))["markers"]
    figures = {
        "log_pmc": plot.plot_pmc(rr.log_pmc(log=log, today=today)),
        "log_pmc %": plot.plot_pmc(rr.log_pmc(log=log, today=today), form="percent"),
        "pmc": plot.plot_pmc(rr.pmc(start="2026-03-02", loads=[60.0, 0, 80] * 10)),
        "supercompensation": plot.plot_supercompensation(rr.next_quality_session(log=log, today=today)),
        "recovery": plot.plot_recovery(rr.recovery_state(log=log, date=today)),
        "readiness": plot.plot_readiness(rr.readiness_baselines(markers=markers), markers=markers),
    }
    for name, fig in figures.items():
        for ax in fig.axes:
            assert ax.get_ylabel(), name
            assert re.search(UNIT, ax.get_ylabel()), f"{name}: {ax.get_ylabel()!r} names no unit"


def test_pmc_axes_are_in_the_load_unit(log: Any, today: str) -> None:
    srpe = plot.plot_pmc(rr.log_pmc(log=log, today=today, method="session_rpe"))
    assert [ax.get_ylabel() for ax in srpe.axes] == ["fitness, fatigue, load (AU/day)", "form (AU/day)"]
    tss = plot.plot_pmc(rr.log_pmc(log=log, today=today, method="hr_tss", missing="zero"))
    assert tss.axes[0].get_ylabel() == "fitness, fatigue, load (TSS/day)"
    assert plot.plot_pmc(rr.pmc(start="2026-03-02", loads=[1.0, 2.0]), unit="TRIMP").axes[1].get_ylabel() == "form (TRIMP/day)"


def test_supercompensation_shades_only_the_days_safe_for_the_session(log: Any, today: str) -> None:
    """Every shaded span on either panel is one day that is safe for the
    session asked, on or after the earliest day; and every such day is
    shaded. (The supercompensation window used to be shaded whole, from a day
    that was not safe yet.)"""
    n = rr.next_quality_session(log=log, today=today)
    ok = {d["date"] for d in n["days"] if d["safe"] and d["date"] >= n["earliest"]}
    assert n["window_start"] is not None and n["window_start"] not in ok  # the case this is about
    fig = plot.plot_supercompensation(n)
    dates = matplotlib.dates
    for ax in fig.axes:
        bars = {id(bar) for container in ax.containers for bar in container}
        shaded = set()
        for span in (p for p in ax.patches if id(p) not in bars):  # axvspan's
            x0, x1 = sorted({round(float(x), 6) for x, _ in span.get_path().transformed(span.get_patch_transform()).vertices})
            assert abs(x1 - x0 - 1.0) < 1e-6, "a span of one day"
            shaded.add(str(dates.num2date(x0 + 0.5).date()))
        assert shaded == ok


def test_readiness_chart_plots_every_marker_today_and_the_verdict() -> None:
    """Issue 12: the readiness chart shows every marker used (HRV, resting HR,
    sleep, wellness), today's marker and the verdict."""
    markers = json.loads((SAMPLE.parent / "sample_markers.json").read_text(encoding="utf-8"))["markers"]
    today = rr.readiness(markers=markers, engine={"form_pct": -12.0, "systems_not_ready": 0})
    used = [m["marker"] for m in today["markers"] if m["marker"] in ("hrv", "resting_hr", "sleep", "wellness")
            and m["rating"] != "missing"]
    assert used == ["hrv", "resting_hr", "sleep", "wellness"]
    fig = plot.plot_readiness(rr.readiness_baselines(markers=markers), markers=markers, readiness=today)
    assert [ax.get_ylabel() for ax in fig.axes] == [
        "HRV, ln rMSSD (ln ms)", "resting HR (bpm)", "sleep (h)", "wellness, Hooper index (points)"]
    ratings = {m["marker"]: m["rating"] for m in today["markers"]}
    for name, ax in zip(used, fig.axes):
        points = [line for line in ax.get_lines() if line.get_label().startswith("today")]
        assert len(points) == 1, name
        assert points[0].get_label() == f"today: {ratings[name].replace('_', ' ')}" + (" (7-day mean)" if name == "hrv" else "")
        assert str(np.datetime64(points[0].get_xdata()[0], "D")) == today["date"]
    title = fig.axes[0].get_title()
    assert title.startswith(f"readiness on {today['date']}: {today['status'].replace('_', ' ')}")
    assert "form" in title and "body systems" in title  # the other findings
    # A marker the verdict used gets its panel even with no history: sleep today only.
    alone = [dict(m, sleep_h=None) for m in markers[:-1]] + [markers[-1]]
    fig = plot.plot_readiness(rr.readiness_baselines(markers=alone), markers=alone, readiness=rr.readiness(markers=alone))
    assert "sleep (h)" in [ax.get_ylabel() for ax in fig.axes]
    with pytest.raises(ValueError, match="4 needed"):
        plot.plot_readiness(rr.readiness_baselines(markers=markers), markers=markers, readiness=today,
                            axes=plt.subplots(2, 1)[1])
