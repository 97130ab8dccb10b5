"""The quickstart notebook (docs/notebooks/quickstart.ipynb) as a script.

    python runrecovery-py/examples/quickstart.py [charts_dir]

Loads the bundled sample log, prints its load, PMC, ACWR, zones, paces and
body systems, and writes the charts as PNG files to ``charts_dir`` (default:
the current directory). Needs ``pip install "./runrecovery-py[plot]"``.
It is type-checked with ``mypy --strict`` (tests/test_types.py).
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Optional

import matplotlib

matplotlib.use("Agg")

import runrecovery as rr  # noqa: E402
from runrecovery.plot import plot_pmc, plot_readiness, plot_recovery, plot_supercompensation  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "runrecovery-core" / "data"
SAMPLE = DATA / "sample_log.json"


def _bpm(bound: Optional[float]) -> str:
    """A zone bound, blank where the zone is open-ended."""
    return "" if bound is None else f"{bound:.0f}"


def main(charts: Path) -> None:
    log = rr.from_json(SAMPLE.read_text(encoding="utf-8"))
    summary = rr.read_log(log=log)
    print(f"{summary['sessions']} sessions ({summary['planned']} planned), {summary['first_date']} to {summary['last_date']}")
    today = max(str(s["date"]) for s in log["sessions"] if s.get("status", "completed") == "completed")

    # Load: session-RPE (AU), the one method every session (runs, strength, cycling, the plan) has.
    daily = rr.daily_loads(log=log, method="session_rpe", end=today)
    print(f"daily load {daily['start']} to {daily['end']}: last 7 days {daily['load'][-7:].round(0).tolist()} AU")
    for week in rr.weekly_summary(log=log, method="session_rpe", include="completed")["weeks"][-3:]:
        monotony = "n/a" if week["monotony"] is None else f"{week['monotony']:.2f}"
        print(f"  week of {week['start']}: load {week['load']:.0f} AU, monotony {monotony}")

    # Fitness, fatigue and form, projected through the planned sessions; the log starts
    # mid-training, so both start from the first four weeks' mean daily load.
    seed = float(daily["load"][:28].mean())
    pmc = rr.log_pmc(log=log, today=today, method="session_rpe", fitness_seed=seed, fatigue_seed=seed)
    plan = pmc["projection"]
    assert plan is not None  # the sample log has a planned week after today
    print(f"today {pmc['today']}: form {pmc['form_pct'][-1] or 0:+.0f} % of fitness; "
          f"projected {plan['form_pct'][-1] or 0:+.0f} % at the end of the plan ({plan['end']})")
    plot_pmc(pmc, form="percent").savefig(charts / "pmc.png", dpi=100)

    # Acute:chronic workload ratio of the completed days.
    acwr = rr.acwr(start=daily["start"], loads=daily["load"], logged=daily["logged"].tolist())
    print(f"ACWR today: {acwr['ratio'][-1]} ({acwr['band'][-1]})")

    # Zones, and paces from the VDOT of the last race.
    athlete = log.get("athlete", {})
    zones = rr.zone_table(athlete=athlete, system="lthr_friel")
    print("HR zones (bpm):", ", ".join(f"{z['name']} {_bpm(z['from'])}-{_bpm(z['to'])}" for z in zones["zones"]))
    race = [s for s in log["sessions"] if s["kind"] == "race" and s.get("status", "completed") == "completed"][-1]
    vdot = rr.vdot_from_race(distance_m=race.get("distance_m", 0.0), time_s=race["duration_s"])["vdot"]
    paces = rr.training_paces(vdot=vdot)["paces"]
    print(f"VDOT {vdot:.1f} from the race of {race['date']}:",
          ", ".join(f"{p['intensity']} {datetime.timedelta(seconds=round(p['target_s_per_km']))}/km" for p in paces))

    # Each body system now, over the last week, and the next quality session.
    state = rr.recovery_state(log=log, date=today)
    print(f"body systems: {state['overall']}, limited by {state['limiting_system']}")
    plot_recovery(state).savefig(charts / "recovery.png", dpi=100)
    day = datetime.date.fromisoformat(today)
    week_states = [rr.recovery_state(log=log, date=day - datetime.timedelta(days=k)) for k in range(6, -1, -1)]
    plot_recovery(week_states).savefig(charts / "recovery-week.png", dpi=100)
    nqs = rr.next_quality_session(log=log, today=today)
    print(f"next intervals: earliest {nqs['earliest']}, best {nqs['best']} ({nqs['reason']})")
    plot_supercompensation(nqs).savefig(charts / "supercompensation.png", dpi=100)

    # The next morning's readiness (markers against personal baselines, with the engine's view),
    # the plan rules, and the best taper for a race right after the planned week.
    markers = json.loads((DATA / "sample_markers.json").read_text(encoding="utf-8"))["markers"]
    morning = str(markers[-1]["date"])
    state = rr.recovery_state(log=log, date=morning)
    # As of the morning: the form on that day is the form after the day before (docs/as-of.md).
    form_pct = rr.log_pmc(log=log, today=morning, method="session_rpe", fitness_seed=seed, fatigue_seed=seed)["form_pct"][-1]
    assert form_pct is not None
    engine: rr.types.EngineState = {
        "form_pct": form_pct,  # known: fitness is above 0 by then
        "systems_not_ready": sum(s["status"] in ("recovering", "fatigued") for s in state["systems"]),
    }
    ready = rr.readiness(markers=markers, engine=engine)
    print(f"readiness {ready['date']}: {ready['status']}, score {ready['score']:.0f} ({ready['summary']})")
    baselines = rr.readiness_baselines(markers=markers)
    plot_readiness(baselines, markers=markers, readiness=ready).savefig(charts / "readiness.png", dpi=100)
    findings = rr.check_rules(log=log)["findings"]
    print("plan rules:", ", ".join(sorted({f"{f['rule']} ({f['severity']})" for f in findings})) or "no findings")
    # A taper cuts planned sessions, so it needs a plan that covers it (8 days at least; the
    # sample's planned week has 6): the history and a generated plan to a half marathon 10 weeks on.
    history = [s for s in log["sessions"] if s.get("status", "completed") == "completed"]
    recent = str(day - datetime.timedelta(days=27))
    weekly_km = sum(s.get("distance_m") or 0.0 for s in history if str(s["date"]) >= recent) / 4000
    race_date = str(day + datetime.timedelta(days=70))
    generated = rr.generate_plan(start=str(day + datetime.timedelta(days=1)), race_date=race_date,
                                 race_distance_m=21097.5, weekly_km=max(weekly_km, 5.0), vdot=vdot)
    both = {"schema_version": 1, "athlete": athlete, "sessions": history + generated["document"]["sessions"]}
    taper = rr.taper_optimize(log=both, race_date=race_date, alternatives=0)
    best = taper["best"]
    print(f"best taper for a half marathon on {race_date}: {best['spec']}, form {best['form']:+.0f} (no taper: {taper['no_taper']['form']:+.0f})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
