"""Writes sample_log.json (a bundled sample athlete's last 12 weeks, a rest day
and the planned week after) and sample_markers.json (their morning markers),
seeded and reproducible.

Run from the repository root: `python3 runrecovery-core/data/make_sample.py`.
The athlete is invented; the week follows a common recovery-aware structure
(rest, quality, easy, tempo, easy or cross-training, long, easy) with a
cutback every 4th week and a 10 km race in week 8.
"""
import datetime as dt
import json
import pathlib
import random

rng = random.Random(20261122)
athlete = {"name": "Sample Runner", "age_years": 34, "sex": "female", "body_mass_kg": 58,
           "hr_rest_bpm": 48, "hr_max_bpm": 188, "lthr_bpm": 171, "threshold_pace_s_per_km": 275,
           "critical_power_w": 235}
end = dt.date(2026, 11, 22)           # a Sunday: the log ends on the last day of week 12
start = end - dt.timedelta(days=12 * 7 - 1)  # a Monday
sessions = []


def add(day, kind, minutes, pace=None, rpe=None, hr=None, status=None, **extra):
    s = {"date": day.isoformat(), "kind": kind, "duration_s": round(minutes * 60)}
    if status:
        s["status"] = status
    if pace:
        s["distance_m"] = round(minutes * 60 / pace * 1000)
    if rpe is not None:
        s["rpe"] = rpe
    if hr:
        s["avg_hr_bpm"] = hr
    s.update(extra)
    sessions.append(s)


def jitter(x, f=0.05):
    return x * (1 + rng.uniform(-f, f))


for week in range(12):
    monday = start + dt.timedelta(days=7 * week)
    cutback = week % 4 == 3
    scale = (0.75 if cutback else 1.0) * (1 + 0.04 * (week - 3 * (week // 4)))
    d = [monday + dt.timedelta(days=i) for i in range(7)]
    add(d[0], "rest", 0)
    if week == 7:
        # race week: short sharpening on Tuesday, race on Saturday
        add(d[1], "intervals", 40, pace=jitter(300, .02), rpe=7, hr=round(jitter(160, .02)))
        add(d[2], "easy", 35, pace=jitter(345, .03), rpe=3, hr=round(jitter(138, .02)))
        add(d[3], "strides", 30, pace=jitter(335, .03), rpe=3, hr=round(jitter(140, .02)))
        add(d[4], "rest", 0)
        add(d[5], "race", 45.5, pace=273, rpe=9, hr=176, id="race-10k", notes="10 km race",
            hr_histogram=[{"hr_bpm": 165, "seconds": 600}, {"hr_bpm": 174, "seconds": 1200}, {"hr_bpm": 181, "seconds": 930}])
        add(d[6], "recovery", 30, pace=jitter(370, .03), rpe=2, hr=round(jitter(128, .02)))
        continue
    q = "hills" if week % 2 else "intervals"
    qmin = jitter(55 * scale)
    add(d[1], q, qmin, pace=jitter(310, .03), rpe=8 if not cutback else 7, hr=round(jitter(162, .02)),
        hr_histogram=[{"hr_bpm": 140, "seconds": round(qmin * 60 * .55)}, {"hr_bpm": 165, "seconds": round(qmin * 60 * .15)},
                      {"hr_bpm": 178, "seconds": round(qmin * 60 * .30)}])
    add(d[2], "easy", jitter(45 * scale), pace=jitter(345, .03), rpe=3, hr=round(jitter(138, .02)))
    tmin = jitter(50 * scale)
    add(d[3], "tempo" if week % 2 == 0 else "threshold", tmin, pace=jitter(292, .02), rpe=6, hr=round(jitter(158, .02)),
        avg_power_w=round(jitter(215, .03)))
    if week % 3 == 1:
        add(d[4], "cross_training", jitter(45 * scale), rpe=3, hr=round(jitter(125, .03)), modality="cycling")
    else:
        add(d[4], "easy", jitter(40 * scale), pace=jitter(348, .03), rpe=3, hr=round(jitter(137, .02)))
    add(d[5], "long", jitter(95 * scale), pace=jitter(340, .03), rpe=5, hr=round(jitter(145, .02)),
        elevation_gain_m=round(jitter(180, .3)))
    add(d[6], "easy", jitter(35 * scale), pace=jitter(350, .03), rpe=2, hr=round(jitter(135, .02)))
    if not cutback and week % 2 == 0:
        add(d[6], "strength", 30, rpe=5)

# Monday after the 12 weeks: a completed rest day; then the planned week.
monday = end + dt.timedelta(days=1)
add(monday, "rest", 0)
plan = [("intervals", 55, 310, 8), ("easy", 45, 345, 3), ("threshold", 50, 292, 6), ("cross_training", 45, None, 3),
        ("long", 100, 340, 5), ("easy", 35, 350, 2)]
for i, (kind, minutes, pace, rpe) in enumerate(plan, start=1):
    extra = {"modality": "cycling"} if kind == "cross_training" else {}
    add(monday + dt.timedelta(days=i), kind, minutes, pace=pace, rpe=rpe, status="planned", **extra)

doc = {"schema_version": 1, "athlete": athlete, "sessions": sessions}
out = pathlib.Path(__file__).with_name("sample_log.json")
out.write_text(json.dumps(doc, indent=1) + "\n")
print(f"{out}: {len(sessions)} sessions, {start} to {monday + dt.timedelta(days=6)} (planned from {monday + dt.timedelta(days=1)})")

# Morning markers from the first day to "today", the Tuesday after the 12 weeks:
# a stable baseline, then a short night, a raised resting HR and sore legs today.
today = monday + dt.timedelta(days=1)
markers = []
day = start
while day <= today:
    i = (day - start).days
    m = {"date": day.isoformat(),
         "hrv": {"value": round(rng.gauss(62, 4), 1), "index": "rmssd_ms"},
         "resting_hr_bpm": round(rng.gauss(48, 1.2)),
         "source": "chest strap",
         "sleep_h": round(rng.uniform(7.0, 8.6), 1),
         "wellness": {"sleep_quality": rng.choice([2, 3, 3]), "fatigue": rng.choice([2, 3, 3, 4]),
                      "stress": rng.choice([2, 2, 3]), "soreness": rng.choice([2, 3, 3]),
                      "mood": rng.choice([2, 3]), "motivation": rng.choice([2, 3])}}
    if i % 9 == 4:
        del m["hrv"]  # a missed morning now and then
    markers.append(m)
    day += dt.timedelta(days=1)
markers[-1].update({"sleep_h": 5.8, "resting_hr_bpm": 55, "hrv": {"value": 60.0, "index": "rmssd_ms"}})
markers[-1]["wellness"].update({"soreness": 5, "fatigue": 3, "mood": 2, "motivation": 2, "stress": 2, "sleep_quality": 3})
out = pathlib.Path(__file__).with_name("sample_markers.json")
out.write_text(json.dumps({"markers": markers}, indent=1) + "\n")
print(f"{out}: {len(markers)} days to {today}")
