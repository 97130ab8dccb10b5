"""Charts (runrecovery.plot) render to PNG with the Agg backend; the example
script runs; without matplotlib, a clear error says what to install."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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
    assert pmc["today"] < pmc["end"]
    fig = plot.plot_pmc(pmc)
    top, bottom = fig.axes
    assert top.get_legend_handles_labels()[1] == ["fitness (CTL)", "fatigue (ATL)", "load"]
    assert len(top.patches) >= len(pmc["load"])  # the load bars
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
    for name in ("pmc", "recovery", "recovery-week", "supercompensation"):
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
