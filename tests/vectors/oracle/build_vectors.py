"""Writes tests/vectors/{athlete,log,zones,performance,load}.json.

The expected numbers are computed here from the published formulas, written
out independently of the Rust code (plain Python, no runrecovery import), so
that the vectors check the library against its sources rather than against
itself. Run from the repository root: `python3 tests/vectors/oracle/build_vectors.py`.
"""
import json
import math
import pathlib

OUT = pathlib.Path(__file__).resolve().parent.parent
files = {}


def case(file, name, operation, source, inp, expected=None, error=None, tolerance=None):
    c = {"name": name, "operation": operation, "source": source, "input": inp}
    if tolerance is not None:
        c["tolerance"] = tolerance
    if error is not None:
        c["error"] = error
    else:
        c["expected"] = expected
    files.setdefault(file, []).append(c)


# ---------------------------------------------------------------- athlete
for formula, age, hr in [("tanaka", 40, 208 - 0.7 * 40), ("fox", 40, 220 - 40), ("gellish", 40, 207 - 0.7 * 40)]:
    case("athlete", f"{formula} HRmax at 40", "estimate_hr_max",
         {"tanaka": "Tanaka, Monahan & Seals 2001: 208 - 0.7*age = 180",
          "fox": "Fox 1971: 220 - age = 180", "gellish": "Gellish 2007: 207 - 0.7*age = 179"}[formula],
         {"age_years": age, "formula": formula}, {"hr_max_bpm": hr, "formula": formula})
case("athlete", "default formula is Tanaka", "estimate_hr_max", "Tanaka 2001: 208 - 0.7*25 = 190.5",
     {"age_years": 25}, {"hr_max_bpm": 190.5, "formula": "tanaka"})
case("athlete", "age 500 is absurd", "estimate_hr_max", "validation: age 5-110 years",
     {"age_years": 500}, error={"code": "out_of_range", "field": "age_years"})
case("athlete", "measured HRmax wins over the estimate", "resolve_athlete", "measured always wins (SCIENCE.md 1)",
     {"athlete": {"age_years": 40, "hr_max_bpm": 192}}, {"hr_max_bpm": 192, "estimated": []})


def vo2(v):
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def pct_max(t):
    return 0.8 + 0.1894393 * math.exp(-0.012778 * t) + 0.2989558 * math.exp(-0.1932605 * t)


def vel_for_vo2(x):
    a, b, c = 0.000104, 0.182258, -4.60 - x
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def pace_at(vdot, f):
    return 60000.0 / vel_for_vo2(vdot * f)


case("athlete", "threshold pace estimated from VDOT", "resolve_athlete",
     "Daniels T pace = velocity at 88% of VDOT; Tanaka for HRmax",
     {"athlete": {"age_years": 30, "vdot": 50}},
     {"hr_max_bpm": 187.0, "threshold_pace_s_per_km": pace_at(50, 0.88),
      "estimated": [{"field": "hr_max_bpm", "value": 187.0}, {"field": "threshold_pace_s_per_km", "value": pace_at(50, 0.88)}]})
case("athlete", "resting HR of 300", "resolve_athlete", "validation: resting HR 25-120 bpm",
     {"athlete": {"hr_rest_bpm": 300}}, error={"code": "out_of_range", "field": "athlete.hr_rest_bpm"})
case("athlete", "resting HR of 0", "resolve_athlete", "validation: resting HR 25-120 bpm",
     {"athlete": {"hr_rest_bpm": 0}}, error={"code": "out_of_range", "field": "athlete.hr_rest_bpm"})
case("athlete", "LTHR above HRmax", "resolve_athlete", "validation: rest < LTHR <= HRmax",
     {"athlete": {"hr_max_bpm": 180, "lthr_bpm": 185}}, error={"code": "inconsistent", "field": "athlete.lthr_bpm"})
case("athlete", "unknown athlete field", "resolve_athlete", "documents reject unknown fields",
     {"athlete": {"hrmax": 180}}, error={"code": "invalid_input"})

# ---------------------------------------------------------------- log
S_EASY = {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3}
S_INT = {"date": "2026-03-04", "kind": "intervals", "duration_s": 3000, "rpe": 8}
case("log", "sessions are sorted and counted", "read_log", "log rule: sorted by date, then start time",
     {"log": {"schema_version": 1, "sessions": [S_INT, S_EASY]}},
     {"sessions": 2, "completed": 2, "planned": 0, "first_date": "2026-03-02", "last_date": "2026-03-04",
      "log": {"schema_version": 1, "sessions": [{"date": "2026-03-02"}, {"date": "2026-03-04"}]}})
case("log", "exact duplicate rejected by default", "read_log", "log rule: duplicates rejected (policy reject)",
     {"log": {"schema_version": 1, "sessions": [S_EASY, S_EASY]}}, error={"code": "duplicate_session", "field": "log.sessions[1]"})
case("log", "exact duplicate dropped with drop_exact", "read_log", "log rule: drop_exact keeps one copy",
     {"log": {"schema_version": 1, "sessions": [S_EASY, S_EASY]}, "duplicates": "drop_exact"}, {"sessions": 1})
conf_a = dict(S_EASY, id="garmin-1")
conf_b = dict(S_EASY, id="garmin-1", duration_s=3300)
case("log", "same id, different content is a conflict", "read_log", "log rule: conflicts rejected",
     {"log": {"schema_version": 1, "sessions": [conf_a, conf_b]}, "duplicates": "drop_exact"},
     error={"code": "conflicting_sessions", "field": "log.sessions[1]"})
case("log", "keep_last: the later entry wins", "read_log", "log rule: keep_last replaces the earlier entry",
     {"log": {"schema_version": 1, "sessions": [conf_a, conf_b]}, "duplicates": "keep_last"},
     {"sessions": 1, "log": {"sessions": [{"duration_s": 3300}]}})
case("log", "empty log", "read_log", "an empty log is an error",
     {"log": {"schema_version": 1, "sessions": []}}, error={"code": "empty", "field": "log.sessions"})
case("log", "newer schema refused", "read_log", "schema_version 1 is the only version",
     {"log": {"schema_version": 7, "sessions": [S_EASY]}}, error={"code": "unsupported_schema_version", "field": "log.schema_version"})
case("log", "missing schema version", "read_log", "documents carry schema_version",
     {"log": {"sessions": [S_EASY]}}, error={"code": "missing_field", "field": "log.schema_version"})
case("log", "unknown session field", "read_log", "documents reject unknown fields",
     {"log": {"schema_version": 1, "sessions": [dict(S_EASY, rpee=3)]}}, error={"code": "invalid_input", "field": "log.sessions[0].rpee"})
case("log", "bad date", "read_log", "dates are YYYY-MM-DD",
     {"log": {"schema_version": 1, "sessions": [dict(S_EASY, date="2026-02-30")]}}, error={"code": "invalid_date", "field": "log.sessions[0].date"})
case("log", "negative duration", "read_log", "validation: duration 0-86400 s",
     {"log": {"schema_version": 1, "sessions": [dict(S_EASY, duration_s=-60)]}}, error={"code": "out_of_range", "field": "log.sessions[0].duration_s"})
case("log", "RPE outside CR-10", "read_log", "Foster CR-10 is 0-10",
     {"log": {"schema_version": 1, "sessions": [dict(S_EASY, rpe=11)]}}, error={"code": "out_of_range", "field": "log.sessions[0].rpe"})
case("log", "absurd distance", "read_log", "validation: distance at most 400 km",
     {"log": {"schema_version": 1, "sessions": [dict(S_EASY, distance_m=1e9)]}}, error={"code": "out_of_range", "field": "log.sessions[0].distance_m"})
case("log", "gaps become explicit zero days", "daily_series", "log rule: missing days are 0 and not logged",
     {"dates": ["2026-03-01", "2026-03-04"], "values": [10, 20]},
     {"start": "2026-03-01", "end": "2026-03-04", "values": [10, 0, 0, 20], "logged": [True, False, False, True]})
case("log", "unsorted dates", "daily_series", "dates must increase",
     {"dates": ["2026-03-04", "2026-03-01"], "values": [1, 2]}, error={"code": "unsorted_dates", "field": "dates[1]"})
case("log", "duplicate dates", "daily_series", "dates must be unique",
     {"dates": ["2026-03-01", "2026-03-01"], "values": [1, 2]}, error={"code": "duplicate_date", "field": "dates[1]"})
case("log", "negative value", "daily_series", "loads are never negative",
     {"dates": ["2026-03-01"], "values": [-1]}, error={"code": "out_of_range", "field": "values[0]"})
case("log", "no dates", "daily_series", "a series needs a day",
     {"dates": [], "values": []}, error={"code": "empty", "field": "dates"})

# ---------------------------------------------------------------- zones
A = {"hr_max_bpm": 190, "hr_rest_bpm": 50, "lthr_bpm": 170, "threshold_pace_s_per_km": 240,
     "critical_power_w": 300, "vdot": 50}
friel = [0, .85, .90, .95, 1.00, 1.03, 1.06]
case("zones", "Friel running HR zones for LTHR 170", "zone_table",
     "Friel running zones, % of LTHR: Z1 <85, Z2 85-89, Z3 90-94, Z4 95-99, Z5a 100-102, Z5b 103-106, Z5c >106",
     {"athlete": A, "system": "lthr_friel"},
     {"unit": "bpm", "reference": 170, "zones": [
         {"name": n, "from": f * 170, "to": (friel[i + 1] * 170 if i + 1 < len(friel) else None), "seiler": s}
         for i, (n, f, s) in enumerate(zip(["Z1", "Z2", "Z3", "Z4", "Z5a", "Z5b", "Z5c"], friel, [1, 1, 2, 2, 3, 3, 3]))]})
gc = [0, .68, .83, .94, 1.05]
case("zones", "GoldenCheetah HR zones for LTHR 170", "zone_table", "GoldenCheetah HR zones: lower bounds 0/68/83/94/105 % of LTHR",
     {"athlete": A, "system": "lthr_golden_cheetah"},
     {"zones": [{"from": f * 170} for f in gc]})
case("zones", "Karvonen zones", "zone_table", "Karvonen: HR = rest + f*(max - rest); 50 + 0.6*140 = 134",
     {"athlete": A, "system": "hr_reserve"},
     {"zones": [{"from": 50 + f * 140} for f in [0, .6, .7, .8, .9]]})
case("zones", "%HRmax zones", "zone_table", "5-zone %HRmax scale: 60/70/80/90 % of 190",
     {"athlete": A, "system": "hr_max"},
     {"zones": [{"from": f * 190} for f in [0, .6, .7, .8, .9]]})
case("zones", "Friel pace zones from threshold pace 4:00/km", "zone_table",
     "Friel pace zones, % of threshold pace: Z1 slower than 129 %, Z2 114-129, Z3 106-114, Z4 99-106, Z5a 97-99, Z5b 90-97, Z5c faster than 90",
     {"athlete": A, "system": "pace_threshold"},
     {"unit": "s/km", "zones": [{"from": None, "to": 240 * 1.29}, {"from": 240 * 1.29}, {"from": 240 * 1.14},
                                {"from": 240 * 1.06}, {"from": 240 * .99}, {"from": 240 * .97}, {"from": 240 * .90, "to": None}]})
case("zones", "Daniels zones from VDOT 50", "zone_table",
     "Daniels: pace whose oxygen cost (Daniels-Gilbert) is the fraction of VDOT",
     {"athlete": A, "system": "pace_daniels"},
     {"zones": [{"name": "E", "from": None, "to": pace_at(50, .75)}, {"name": "M", "from": pace_at(50, .75)},
                {"name": "T", "from": pace_at(50, .83)}, {"name": "I", "from": pace_at(50, .915)},
                {"name": "R", "from": pace_at(50, 1.025), "to": None}]})
case("zones", "power zones from CP 300 W", "zone_table", "Stryd-style zones, % of CP: 80/90/100/115",
     {"athlete": A, "system": "power_cp"}, {"zones": [{"from": f * 300} for f in [0, .8, .9, 1.0, 1.15]]})
case("zones", "RPE / talk test zones", "zone_table", "CR-10: 1-3 easy, 4-6 moderate, 7-8 hard, 9-10 maximal",
     {"athlete": {}, "system": "rpe"}, {"zones": [{"name": "easy", "from": 0, "seiler": 1}, {"name": "moderate", "from": 4, "seiler": 2},
                                                  {"name": "hard", "from": 7, "seiler": 3}, {"name": "maximal", "from": 9, "seiler": 3}]})
for hr, name, seiler in [(144, "Z1", 1), (144.5, "Z2", 1), (152.9, "Z2", 1), (153, "Z3", 2), (170, "Z5a", 3), (181, "Z5c", 3)]:
    case("zones", f"classify {hr} bpm (LTHR 170, Friel)", "classify", f"Friel: {hr/170*100:.2f} % of LTHR is {name}",
         {"athlete": A, "system": "lthr_friel", "value": hr}, {"name": name, "seiler": seiler})
case("zones", "classify threshold pace", "classify", "Friel pace: 100 % of threshold pace is Z4 (99-106)",
     {"athlete": A, "system": "pace_threshold", "value": 240}, {"name": "Z4", "seiler": 2})
case("zones", "classify T pace by Daniels", "classify", "Daniels: 88 % of VDOT is T",
     {"athlete": A, "system": "pace_daniels", "value": pace_at(50, .88)}, {"name": "T"})
case("zones", "HR zones need LTHR", "zone_table", "Friel zones are % of LTHR",
     {"athlete": {"hr_max_bpm": 190}, "system": "lthr_friel"}, error={"code": "missing_field", "field": "athlete.lthr_bpm"})
case("zones", "classify NaN-free but absurd HR", "classify", "heart rate 25-250 bpm",
     {"athlete": A, "system": "hr_max", "value": 400}, error={"code": "out_of_range", "field": "value"})
case("zones", "classify a session by average HR", "classify_session", "%HRmax: 152/190 = 80 % is Z4",
     {"athlete": A, "system": "hr_max", "session": {"date": "2026-03-02", "kind": "tempo", "duration_s": 2400, "avg_hr_bpm": 152}},
     {"name": "Z4", "seiler": 2})
case("zones", "a session without the measure", "classify_session", "classification needs the system's measure",
     {"athlete": A, "system": "power_cp", "session": {"date": "2026-03-02", "kind": "easy", "duration_s": 2400}},
     error={"code": "missing_field", "field": "session.avg_power_w"})


def pi(z1, z2, z3):
    t = z1 + z2 + z3
    z1, z2, z3 = z1 / t, z2 / t, z3 / t
    return math.log10(z1 / (z2 if z2 > 0 else 0.01) * z3 * 100)


case("zones", "polarized distribution", "polarization_index", "Treff 2019: PI = log10(Z1/Z2*Z3*100) = log10(0.80/0.05*0.15*100)",
     {"z1": 0.80, "z2": 0.05, "z3": 0.15}, {"index": pi(.8, .05, .15), "polarized": True, "distribution": "polarized"})
case("zones", "pyramidal distribution", "polarization_index", "Treff 2019: log10(0.75/0.20*0.05*100) = 1.27 < 2",
     {"z1": 75, "z2": 20, "z3": 5}, {"index": pi(75, 20, 5), "polarized": False, "distribution": "pyramidal"})
case("zones", "Z2 = 0 uses 0.01", "polarization_index", "Treff 2019 edge rule: Z2 = 0 replaced by 0.01",
     {"z1": 0.9, "z2": 0, "z3": 0.1}, {"index": pi(.9, 0, .1), "polarized": True})
case("zones", "Z3 = 0 gives 0", "polarization_index", "Treff 2019 edge rule: Z3 = 0 gives PI 0",
     {"z1": 0.9, "z2": 0.1, "z3": 0}, {"index": 0, "polarized": False, "distribution": "base"})
case("zones", "Z3 > Z1 is not meaningful", "polarization_index", "Treff 2019: not meaningful when Z3 > Z1 or Z2 > Z1",
     {"z1": 0.3, "z2": 0.2, "z3": 0.5}, {"index": None, "polarized": False, "distribution": "high_intensity"})
case("zones", "all zero", "polarization_index", "a distribution needs time", {"z1": 0, "z2": 0, "z3": 0},
     error={"code": "empty"})
LOG_Z = {"schema_version": 1, "athlete": A, "sessions": [
    {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "avg_hr_bpm": 140},
    {"date": "2026-03-03", "kind": "intervals", "duration_s": 3600, "hr_histogram": [
        {"hr_bpm": 140, "seconds": 1800}, {"hr_bpm": 160, "seconds": 600}, {"hr_bpm": 176, "seconds": 1200}]},
    {"date": "2026-03-05", "kind": "long", "duration_s": 7200, "avg_hr_bpm": 145},
    {"date": "2026-03-06", "kind": "cross_training", "modality": "cycling", "duration_s": 1800}]}
# Friel (LTHR 170): 140 = 82.4 % Z1, 145 = 85.3 % Z2, 160 = 94.1 % Z3, 176 = 103.5 % Z5b.
case("zones", "time in zone with a histogram", "intensity_distribution",
     "Friel zones; histogram bins counted in their own zone; Seiler Z1 = 3600+1800+7200, Z2 = 600, Z3 = 1200",
     {"log": LOG_Z, "system": "lthr_friel"},
     {"zone_seconds": [5400, 7200, 600, 0, 0, 1200, 0], "seiler_seconds": [12600, 600, 1200],
      "seiler_fractions": [12600 / 14400, 600 / 14400, 1200 / 14400], "unclassified_seconds": 1800, "sessions": 4,
      "easy_fraction": 12600 / 14400, "meets_80_20": True,
      "polarization": {"index": pi(12600, 600, 1200), "polarized": True}})

# ---------------------------------------------------------------- performance
v5k = vo2(5000 / 20) / pct_max(20)
case("performance", "5 km in 20:00", "vdot_from_race",
     "Daniels & Gilbert 1979: VO2(250 m/min) / %max(20 min) = 47.4645/0.95299 = 49.81 (Daniels' table: 5K 19:57 = VDOT 50)",
     {"distance_m": 5000, "time_s": 1200}, {"vdot": v5k})
case("performance", "marathon in 3:00:00", "vdot_from_race", "Daniels & Gilbert 1979 (table: 2:59:59 ~ VDOT 53.5)",
     {"distance_m": 42195, "time_s": 10800}, {"vdot": vo2(42195 / 180) / pct_max(180)})
case("performance", "a 5 km in 5 minutes is impossible", "vdot_from_race", "VDOT above 90 is rejected",
     {"distance_m": 5000, "time_s": 300}, error={"code": "out_of_range", "field": "time_s"})
case("performance", "missing time", "vdot_from_race", "request fields are required",
     {"distance_m": 5000}, error={"code": "invalid_input", "field": "time_s"})
case("performance", "NaN-free negative distance", "vdot_from_race", "distance 400 m - 250 km",
     {"distance_m": -5000, "time_s": 1200}, error={"code": "out_of_range", "field": "distance_m"})


def equiv(vdot, d):
    lo, hi = d / 1000 * 60, d / 1000 * 1800
    while hi - lo > 1e-7:
        mid = (lo + hi) / 2
        t = mid / 60
        if vo2(d / t) / pct_max(t) > vdot:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


t10 = equiv(50, 10000)
case("performance", "VDOT 50 over 10 km", "equivalent_time",
     "Daniels & Gilbert solved for t (Daniels' table: VDOT 50 = 10K 41:21)",
     {"vdot": 50, "distance_m": 10000}, {"time_s": t10, "pace_s_per_km": t10 / 10})
paces = []
for name, lo, hi in [("easy", .59, .74), ("marathon", .75, .84), ("threshold", .83, .88), ("interval", .95, 1.0), ("repetition", 1.05, 1.2)]:
    p = {"intensity": name, "fraction_low": lo, "fraction_high": hi, "slow_s_per_km": pace_at(50, lo), "fast_s_per_km": pace_at(50, hi)}
    if name == "threshold":
        p["target_s_per_km"] = pace_at(50, .88)
    paces.append(p)
case("performance", "training paces for VDOT 50", "training_paces",
     "Daniels' Running Formula intensities as fractions of VDOT; T = 88 % (table: VDOT 50 T pace 4:15/km)",
     {"vdot": 50}, {"paces": paces})
case("performance", "Riegel 10 km 40:00 to half marathon", "riegel_predict", "Riegel 1981: 2400*(21097.5/10000)^1.06",
     {"distance_m": 10000, "time_s": 2400, "to_distance_m": 21097.5}, {"time_s": 2400 * (21097.5 / 10000) ** 1.06})
case("performance", "Riegel with a personal exponent", "riegel_predict", "Riegel form with exponent 1.08",
     {"distance_m": 10000, "time_s": 2400, "to_distance_m": 42195, "exponent": 1.08}, {"time_s": 2400 * 4.2195 ** 1.08})
case("performance", "personal exponent from two races", "riegel_exponent", "ln(T2/T1)/ln(D2/D1) = ln(5300/2400)/ln(2.10975)",
     {"first": {"distance_m": 10000, "time_s": 2400}, "second": {"distance_m": 21097.5, "time_s": 5300}},
     {"exponent": math.log(5300 / 2400) / math.log(2.10975)})
case("performance", "two races at one distance", "riegel_exponent", "the exponent needs two distances",
     {"first": {"distance_m": 10000, "time_s": 2400}, "second": {"distance_m": 10000, "time_s": 2500}},
     error={"code": "inconsistent", "field": "second.distance_m"})


def cam_a(m):
    return 13.49681 - 0.048865 * m + 2.438936 / m ** 0.7905


d1, d2 = 10000 / 1609.344, 42195 / 1609.344
case("performance", "Cameron 10 km 40:00 to marathon", "cameron_predict",
     "Cameron: a(d) = 13.49681 - 0.048865 d + 2.438936/d^0.7905 (miles); T2 = T1/d1 * a(d1)/a(d2) * d2",
     {"distance_m": 10000, "time_s": 2400, "to_distance_m": 42195}, {"time_s": 2400 / d1 * cam_a(d1) / cam_a(d2) * d2})

# ---------------------------------------------------------------- load
AL = {"sex": "male", "hr_max_bpm": 190, "hr_rest_bpm": 50, "lthr_bpm": 172, "vt1_hr_bpm": 150, "vt2_hr_bpm": 172,
      "threshold_pace_s_per_km": 250, "critical_power_w": 250}
S = {"date": "2026-03-02", "kind": "tempo", "duration_s": 1800, "rpe": 6, "avg_hr_bpm": 162}


def trimp(minutes, hr, a=0.64, b=1.92, mx=190, rest=50):
    x = (hr - rest) / (mx - rest)
    return minutes * x * a * math.exp(b * x)


case("load", "session RPE", "session_load", "Foster 2001: RPE 6 x 30 min = 180 AU",
     {"session": S, "athlete": AL, "method": "session_rpe"}, {"value": 180, "method": "session_rpe", "unit": "AU"})
case("load", "Banister TRIMP, male", "session_load", "Banister: 30 * 0.8 * 0.64 * e^(1.92*0.8), x = (162-50)/(190-50)",
     {"session": S, "athlete": AL, "method": "banister_trimp"}, {"value": trimp(30, 162), "unit": "AU"})
case("load", "Banister TRIMP, female", "session_load", "Banister: 30 * 0.8 * 0.86 * e^(1.67*0.8)",
     {"session": S, "athlete": dict(AL, sex="female"), "method": "banister_trimp"}, {"value": trimp(30, 162, 0.86, 1.67)})
case("load", "Banister TRIMP, GoldenCheetah coefficient", "session_load", "GoldenCheetah: 0.64/1.92 for both sexes",
     {"session": S, "athlete": dict(AL, sex="female"), "method": "banister_trimp", "trimp_coefficients": "golden_cheetah"},
     {"value": trimp(30, 162)})
case("load", "sex-specific TRIMP needs sex", "session_load", "Banister's coefficients differ by sex",
     {"session": S, "athlete": {k: v for k, v in AL.items() if k != "sex"}, "method": "banister_trimp"},
     error={"code": "missing_field", "field": "athlete.sex"})
HIST = [{"hr_bpm": 100, "seconds": 600}, {"hr_bpm": 160, "seconds": 1200}, {"hr_bpm": 180, "seconds": 1800}]
SH = {"date": "2026-03-02", "kind": "intervals", "duration_s": 3600, "hr_histogram": HIST}
case("load", "Edwards TRIMP", "session_load",
     "Edwards 1993: 10 min at 52.6 % x1 + 20 min at 84.2 % x4 + 30 min at 94.7 % x5 = 240",
     {"session": SH, "athlete": AL, "method": "edwards_trimp"}, {"value": 240})
case("load", "Lucia TRIMP", "session_load", "Lucia 2003: 10 min < VT1 x1 + 20 min VT1-VT2 x2 + 30 min > VT2 x3 = 140",
     {"session": SH, "athlete": AL, "method": "lucia_trimp"}, {"value": 140})
case("load", "Banister TRIMP from a histogram", "session_load", "Banister summed over bins",
     {"session": SH, "athlete": AL, "method": "banister_trimp"}, {"value": trimp(10, 100) + trimp(20, 160) + trimp(30, 180)})
SR = {"date": "2026-03-02", "kind": "threshold", "duration_s": 3600, "distance_m": 14400}
case("load", "rTSS: 1 h at threshold pace = 100", "session_load", "TrainingPeaks rTSS: hours * IF^2 * 100 with IF = 1",
     {"session": SR, "athlete": AL, "method": "rtss"}, {"value": 100, "unit": "TSS"})
case("load", "rTSS from graded pace", "session_load", "rTSS = 1 h * (250/275)^2 * 100",
     {"session": dict(SR, graded_pace_s_per_km=275), "athlete": AL, "method": "rtss"}, {"value": (250 / 275) ** 2 * 100})
case("load", "power TSS", "session_load", "Coggan TSS: 3600 * 275 * 1.1 / (250*3600) * 100 = 121",
     {"session": dict(SR, avg_power_w=275), "athlete": AL, "method": "power_tss"}, {"value": 121})
case("load", "hrTSS: 1 h at LTHR = 100", "session_load", "hrTSS approximation anchored at 1 h at LTHR = 100",
     {"session": dict(SR, avg_hr_bpm=172), "athlete": AL, "method": "hr_tss"}, {"value": 100})
case("load", "hrTSS below threshold", "session_load", "hrTSS approximation: 100 * TRIMP(60 min, 150) / TRIMP(60 min, 172)",
     {"session": dict(SR, avg_hr_bpm=150), "athlete": AL, "method": "hr_tss"}, {"value": 100 * trimp(60, 150) / trimp(60, 172)})
case("load", "auto prefers power", "session_load", "auto order: power TSS, rTSS, hrTSS, session-RPE",
     {"session": dict(SR, avg_power_w=250, avg_hr_bpm=172, rpe=7), "athlete": AL}, {"method": "power_tss", "value": 100})
case("load", "auto falls back to session RPE", "session_load", "auto order: power TSS, rTSS, hrTSS, session-RPE",
     {"session": {"date": "2026-03-02", "kind": "strength", "duration_s": 2700, "rpe": 5}, "athlete": AL},
     {"method": "session_rpe", "value": 225})
case("load", "auto with nothing to score", "session_load", "no data, no load: an error, not a zero",
     {"session": {"date": "2026-03-02", "kind": "strength", "duration_s": 2700}, "athlete": AL},
     error={"code": "missing_field", "field": "session.rpe"})
case("load", "HR above HRmax", "session_load", "HR must not exceed HRmax",
     {"session": dict(S, avg_hr_bpm=205), "athlete": AL, "method": "banister_trimp"},
     error={"code": "out_of_range", "field": "session.avg_hr_bpm"})
case("load", "HR below resting", "session_load", "HR must not be below resting",
     {"session": dict(S, avg_hr_bpm=45), "athlete": AL, "method": "banister_trimp"},
     error={"code": "out_of_range", "field": "session.avg_hr_bpm"})
case("load", "negative duration", "session_load", "duration 0-86400 s",
     {"session": dict(S, duration_s=-1), "athlete": AL}, error={"code": "out_of_range", "field": "session.duration_s"})
LOG_L = {"schema_version": 1, "athlete": AL, "sessions": [
    {"date": "2026-03-02", "kind": "easy", "duration_s": 3000, "rpe": 3},
    {"date": "2026-03-04", "kind": "intervals", "duration_s": 3600, "rpe": 8},
    {"date": "2026-03-04", "kind": "strength", "duration_s": 1800, "rpe": 5},
    {"date": "2026-03-05", "kind": "rest", "duration_s": 0},
    {"date": "2026-03-07", "kind": "long", "duration_s": 6000, "rpe": 4, "distance_m": 18000},
    {"date": "2026-03-09", "kind": "easy", "duration_s": 3600, "rpe": 3, "status": "planned"}]}
case("load", "daily session-RPE loads", "daily_loads",
     "Foster: RPE x min per session, summed per day; days without sessions are 0 and not logged; a rest day is logged; "
     "the series ends at the last completed day (docs/as-of.md: the planned 03-09 is no zero load)",
     {"log": LOG_L, "method": "session_rpe"},
     {"start": "2026-03-02", "end": "2026-03-07", "load": [150, 0, 630, 0, 0, 400],
      "logged": [True, False, True, True, False, True], "methods": {"session_rpe": 4}, "zeroed_sessions": 0})
case("load", "completed loads never run on into planned days", "daily_loads",
     "docs/as-of.md (issue 12): with include=completed the default end is the last completed day; "
     "the old default, the log's last (planned) day, filled the planned week with zeros and a PMC drew a fake taper",
     {"log": {"schema_version": 1, "sessions": [
         {"date": "2026-03-02", "kind": "intervals", "duration_s": 3600, "rpe": 8},
         {"date": "2026-03-03", "kind": "easy", "duration_s": 3600, "rpe": 3, "status": "planned"},
         {"date": "2026-03-06", "kind": "long", "duration_s": 6000, "rpe": 5, "status": "planned"}]},
      "method": "session_rpe"},
     {"start": "2026-03-02", "end": "2026-03-02", "load": [480], "logged": [True]})
case("load", "the default end follows include", "daily_loads",
     "docs/as-of.md: the default end is the last counted session's date; with include=both the planned 03-09",
     {"log": LOG_L, "method": "session_rpe", "include": "both"},
     {"start": "2026-03-02", "end": "2026-03-09", "load": [150, 0, 630, 0, 0, 400, 0, 180],
      "logged": [True, False, True, True, False, True, False, True], "methods": {"session_rpe": 5}})
case("load", "an end given runs the series on", "daily_loads",
     "an explicit end is the caller's: the days after the last session are 0 and marked not logged",
     {"log": LOG_L, "method": "session_rpe", "end": "2026-03-09"},
     {"start": "2026-03-02", "end": "2026-03-09", "load": [150, 0, 630, 0, 0, 400, 0, 0],
      "logged": [True, False, True, True, False, True, False, False]})
case("load", "planned sessions on request", "daily_loads", "include=planned counts only planned sessions",
     {"log": LOG_L, "method": "session_rpe", "include": "planned", "start": "2026-03-08"},
     {"start": "2026-03-08", "load": [0, 180], "logged": [False, True]})
foster = [300, 0, 500, 300, 0, 700, 300]
mean = sum(foster) / 7
sd = math.sqrt(sum((x - mean) ** 2 for x in foster) / 6)
psd = math.sqrt(sum((x - mean) ** 2 for x in foster) / 7)
case("load", "Foster monotony and strain, sample SD", "weekly_loads",
     "Foster 1998: monotony = mean/SD (sample, ddof 1), strain = weekly load x monotony",
     {"start": "2026-03-02", "loads": foster},
     {"weeks": [{"start": "2026-03-02", "end": "2026-03-08", "days": 7, "load": 2100, "mean": mean, "sd": sd,
                 "monotony": mean / sd, "strain": 2100 * mean / sd, "load_change_pct": None}]})
case("load", "Foster monotony, population SD", "weekly_loads", "Foster 1998 with the population SD (ddof 0)",
     {"start": "2026-03-02", "loads": foster, "sd": "population"}, {"weeks": [{"monotony": mean / psd}]})
two = foster + [330, 0, 550, 330, 0, 770, 330]
case("load", "week-over-week ramp", "weekly_loads", "ramp = (2310 - 2100)/2100 = +10 %",
     {"start": "2026-03-02", "loads": two}, {"weeks": [{"load": 2100}, {"load": 2310, "load_change_pct": 10}]})
case("load", "constant loads have no monotony", "weekly_loads", "SD 0: monotony undefined, never infinite",
     {"start": "2026-03-02", "loads": [100] * 7}, {"weeks": [{"sd": 0, "monotony": None, "strain": None}]})
case("load", "partial calendar week", "weekly_loads", "weeks cut by the series' ends have no monotony",
     {"start": "2026-03-04", "loads": [100, 0, 200, 50, 50, 100, 0, 300]},
     {"weeks": [{"start": "2026-03-04", "end": "2026-03-08", "days": 5, "load": 400, "monotony": None},
                {"start": "2026-03-09", "days": 3, "load": 400, "load_change_pct": 0}]})
roll = list(range(1, 15))
case("load", "rolling 7-day windows", "weekly_loads", "rolling windows end on each day from the 7th; ramp vs 7 days earlier",
     {"start": "2026-03-02", "loads": roll, "week": "rolling"},
     {"weeks": [{"load": sum(roll[i - 7:i]), "load_change_pct": (None if i < 14 else (sum(roll[7:14]) - sum(roll[0:7])) / sum(roll[0:7]) * 100)}
                for i in range(7, 15)]})
case("load", "negative load", "weekly_loads", "loads are never negative",
     {"start": "2026-03-02", "loads": [1, -2, 3]}, error={"code": "out_of_range", "field": "loads[1]"})
case("load", "no loads", "weekly_loads", "a series needs a day", {"start": "2026-03-02", "loads": []},
     error={"code": "empty", "field": "loads"})
case("load", "weekly summary of a log", "weekly_summary",
     "sums of the log's completed sessions per ISO week; Foster monotony over the daily series",
     {"log": LOG_L, "method": "session_rpe", "end": "2026-03-08"},
     {"weeks": [{"start": "2026-03-02", "load": 1180, "logged_days": 4}],
      "volume": [{"week_start": "2026-03-02", "sessions": 5, "duration_s": 14400, "distance_m": 18000,
                  "run_duration_s": 12600, "run_distance_m": 18000}]})
case("load", "weekly volume covers the weeks of the loads", "weekly_summary",
     "docs/as-of.md: by default both end at the last completed day; the planned week of 03-09 is neither "
     "a load window nor a week of zero volume",
     {"log": LOG_L, "method": "session_rpe"},
     {"weeks": [{"start": "2026-03-02", "end": "2026-03-07", "days": 6, "load": 1180}],
      "volume": [{"week_start": "2026-03-02", "sessions": 5}]})

# ---------------------------------------------------------------- model
def ewma_series(loads, g, seed=0.0):
    out, x = [], seed
    for w in loads:
        x = x + g * (w - x)
        out.append(x)
    return out


const = [100.0] * 60
gexp = lambda n: 1 - math.exp(-1 / n)
case("model", "constant load from zero: 1 - e^-1 after N days", "pmc",
     "closed form: X(d) = L(1 - (1-g)^(d+1)) with g = 1 - e^(-1/N); after 42 days fitness = 100(1 - e^-1)",
     {"start": "2026-01-01", "loads": const[:42]},
     {"fitness": [100 * (1 - math.exp(-(d + 1) / 42)) for d in range(42)],
      "fatigue": [100 * (1 - math.exp(-(d + 1) / 7)) for d in range(42)],
      "form": [0.0] + [100 * (math.exp(-d / 7) - math.exp(-d / 42)) for d in range(1, 42)],
      "end": "2026-02-11"})
lin_c = ewma_series([100.0, 0.0, 50.0], 1 / 42)
lin_a = ewma_series([100.0, 0.0, 50.0], 1 / 7)
case("model", "TrainingPeaks linear gain 1/N", "pmc", "TrainingPeaks recurrence: CTL = CTL + (TSS - CTL)/42",
     {"start": "2026-01-01", "loads": [100, 0, 50], "gain": "linear"},
     {"fitness": lin_c, "fatigue": lin_a, "form": [0.0, lin_c[0] - lin_a[0], lin_c[1] - lin_a[1]]})
ec = ewma_series([100.0, 0.0, 50.0], gexp(42))
ea = ewma_series([100.0, 0.0, 50.0], gexp(7))
case("model", "form on the same day (intervals.icu)", "pmc", "TSB(d) = CTL(d) - ATL(d)",
     {"start": "2026-01-01", "loads": [100, 0, 50], "form_day": "same_day"},
     {"form": [c - a for c, a in zip(ec, ea)], "form_pct": [(c - a) / c * 100 for c, a in zip(ec, ea)]})
case("model", "pure rest decays by e^(-d/N) from seeds", "pmc", "closed form: X(d) = X0 e^(-(d+1)/N)",
     {"start": "2026-01-01", "loads": [0.0] * 10, "fitness_seed": 60, "fatigue_seed": 40},
     {"fitness": [60 * math.exp(-(d + 1) / 42) for d in range(10)], "fatigue": [40 * math.exp(-(d + 1) / 7) for d in range(10)],
      "form": [20.0] + [60 * math.exp(-d / 42) - 40 * math.exp(-d / 7) for d in range(1, 10)]})
ramp_c = [100 * (1 - math.exp(-(d + 1) / 42)) for d in range(10)]
case("model", "ramp rate over 7 days", "pmc", "ramp = fitness(d) - fitness(d-7)",
     {"start": "2026-01-01", "loads": [100.0] * 10},
     {"ramp": [None] * 7 + [ramp_c[d] - ramp_c[d - 7] for d in range(7, 10)]})
case("model", "coverage of logged days", "pmc", "share of logged days in the trailing fatigue window",
     {"start": "2026-01-01", "loads": [50, 0, 0, 50, 0, 0, 50, 0], "logged": [True, False, False, True, False, False, True, True],
      "fatigue_days": 7},
     {"fatigue_coverage": [1, 0.5, 1 / 3, 0.5, 0.4, 1 / 3, 3 / 7, 3 / 7]})
case("model", "negative load", "pmc", "loads are never negative",
     {"start": "2026-01-01", "loads": [10, -1]}, error={"code": "out_of_range", "field": "loads[1]"})
case("model", "no loads", "pmc", "a series needs a day", {"start": "2026-01-01", "loads": []}, error={"code": "empty", "field": "loads"})
case("model", "time constant of 0 days", "pmc", "time constants 1-365 days",
     {"start": "2026-01-01", "loads": [1], "fitness_days": 0}, error={"code": "out_of_range", "field": "fitness_days"})
# log_pmc: the "as of" rule (docs/as-of.md). The state counts the completed sessions through today, the
# projection starts at today (its completed and still-planned sessions), then the planned ones.
def pmc_cols(loads):
    c, a = ewma_series(loads, gexp(42)), ewma_series(loads, gexp(7))
    return c, a, [0.0] + [c[d - 1] - a[d - 1] for d in range(1, len(loads))]


loads_lp = [150, 0, 630, 0, 0, 400, 0, 180]
c_lp, a_lp, f_lp = pmc_cols(loads_lp)
case("model", "PMC of a log projected through planned sessions", "log_pmc",
     "session-RPE daily loads (Foster) through the exponential PMC; docs/as-of.md: the state ends at today with "
     "the completed sessions, the projection starts at today and runs through the planned session of 03-09",
     {"log": LOG_L, "method": "session_rpe", "today": "2026-03-07"},
     {"start": "2026-03-02", "end": "2026-03-07", "today": "2026-03-07", "load": loads_lp[:6],
      "fitness": c_lp[:6], "fatigue": a_lp[:6], "form": f_lp[:6],
      "projection": {"start": "2026-03-07", "end": "2026-03-09", "load": loads_lp[5:], "planned": [False, False, True],
                     "fitness": c_lp[5:], "fatigue": a_lp[5:], "form": f_lp[5:]}})
LOG_D = {"schema_version": 1, "sessions": [
    {"date": "2026-03-02", "kind": "easy", "duration_s": 3600, "rpe": 3},
    {"date": "2026-03-03", "kind": "intervals", "duration_s": 3600, "rpe": 8},
    {"date": "2026-03-03", "kind": "strength", "duration_s": 1800, "rpe": 5, "status": "planned"},
    {"date": "2026-03-04", "kind": "easy", "duration_s": 2400, "rpe": 3, "status": "planned"}]}
c_d, a_d, f_d = pmc_cols([180, 480 + 150, 120])
case("model", "this morning's session counts today, today's planned one only projects", "log_pmc",
     "docs/as-of.md (issue 12: log_pmc(today=D) dropped the sessions of D still planned): the intervals done on "
     "03-03 are in the state's load and fatigue on 03-03; the strength still planned that day is only in the "
     "projection's first day",
     {"log": LOG_D, "method": "session_rpe", "today": "2026-03-03"},
     {"end": "2026-03-03", "load": [180, 480], "fatigue": ewma_series([180, 480], gexp(7)),
      "projection": {"start": "2026-03-03", "end": "2026-03-04", "load": [630, 120], "planned": [True, True],
                     "fitness": c_d[1:], "fatigue": a_d[1:], "form": f_d[1:]},
      "methods": {"session_rpe": 4}})
case("model", "nothing planned, nothing projected", "log_pmc",
     "docs/as-of.md: a projection only through planned sessions; none from today on and no end after today: null",
     {"log": LOG_D, "method": "session_rpe", "today": "2026-03-05"},
     {"start": "2026-03-02", "end": "2026-03-05", "load": [180, 480, 0, 0], "projection": None})
case("model", "a projection to a given end says which days are planned", "log_pmc",
     "docs/as-of.md: days of a projection without a planned session project as rest, flagged planned = false",
     {"log": LOG_D, "method": "session_rpe", "today": "2026-03-03", "end": "2026-03-06"},
     {"projection": {"start": "2026-03-03", "end": "2026-03-06", "load": [630, 120, 0, 0],
                     "planned": [True, True, False, False]}})
case("model", "sessions after today are not in the state", "log_pmc",
     "docs/as-of.md: a state as of D counts nothing dated after D, completed or not",
     {"log": LOG_D, "method": "session_rpe", "today": "2026-03-02"},
     {"end": "2026-03-02", "load": [180],
      "projection": {"start": "2026-03-02", "end": "2026-03-04", "load": [180, 150, 120], "planned": [False, True, True]}})
case("model", "today before the log", "log_pmc", "there is no state before the log's first day",
     {"log": LOG_D, "method": "session_rpe", "today": "2026-03-01"}, error={"code": "out_of_range", "field": "today"})

def mean(x):
    return sum(x) / len(x)


spike = [50.0] * 27 + [400.0]
case("model", "coupled rolling ACWR", "acwr", "mean(last 7) / mean(last 28), both including today",
     {"start": "2026-01-01", "loads": spike},
     {"ratio": [None] * 27 + [mean(spike[-7:]) / mean(spike)], "band": [None] * 27 + ["high"],
      "gap": ["not_enough_data"] * 27 + [None]})
case("model", "uncoupled rolling ACWR", "acwr", "mean(last 7) / mean(the 21 days before)",
     {"start": "2026-01-01", "loads": spike, "method": "uncoupled_rolling"},
     {"ratio": [None] * 27 + [mean(spike[-7:]) / mean(spike[:21])]})
lam_a, lam_c = 2 / 8, 2 / 29
ea_, ec_ = ewma_series(spike, lam_a, spike[0]), ewma_series(spike, lam_c, spike[0])
case("model", "EWMA ACWR (Williams 2017)", "acwr", "E_t = lambda w_t + (1 - lambda) E_t-1, lambda = 2/(N+1), seeded with the first load",
     {"start": "2026-01-01", "loads": spike, "method": "ewma"},
     {"acute": ea_, "chronic": ec_, "ratio": [None] * 27 + [ea_[-1] / ec_[-1]]})
hl_a, hl_c = 1 - math.exp(-math.log(2) / 7), 1 - math.exp(-math.log(2) / 28)
case("model", "EWMA with half-life decay and a zero seed", "acwr", "lambda = 1 - e^(-ln2/N)",
     {"start": "2026-01-01", "loads": spike, "method": "ewma", "decay": "half_life", "seed": "zero"},
     {"acute": ewma_series(spike, hl_a), "chronic": ewma_series(spike, hl_c)})
case("model", "steady load is the sweet spot", "acwr", "Gabbett 2016 bands: 0.8-1.3 sweet spot",
     {"start": "2026-01-01", "loads": [60.0] * 28}, {"ratio": [None] * 27 + [1.0], "band": [None] * 27 + ["sweet_spot"]})
case("model", "zero chronic load is not a ratio", "acwr", "a zero chronic load is not a ratio",
     {"start": "2026-01-01", "loads": [0.0] * 28}, {"ratio": [None] * 28, "gap": ["not_enough_data"] * 27 + ["zero_chronic"]})
case("model", "too few logged days", "acwr", "coverage floor 0.75 of the chronic window",
     {"start": "2026-01-01", "loads": [50.0] * 28, "logged": [i % 2 == 0 for i in range(28)]},
     {"gap": ["not_enough_data"] * 27 + ["low_coverage"]})
case("model", "chronic shorter than acute", "acwr", "the chronic window must be longer",
     {"start": "2026-01-01", "loads": [1.0] * 30, "acute_days": 7, "chronic_days": 7}, error={"code": "out_of_range", "field": "chronic_days"})
BP = {"p0": 50, "k1": 0.1, "tau1": 45, "k2": 0.3, "tau2": 11}


def bsim(loads, p, same=True):
    out, g, h = [], 0.0, 0.0
    d1, d2 = math.exp(-1 / p["tau1"]), math.exp(-1 / p["tau2"])
    for w in loads:
        if same:
            g, h = g * d1 + w, h * d2 + w
            out.append(p["p0"] + p["k1"] * g - p["k2"] * h)
        else:
            a, b = g * d1, h * d2
            out.append(p["p0"] + p["k1"] * a - p["k2"] * b)
            g, h = a + w, b + w
    return out


imp = [100.0] + [0.0] * 9
case("model", "one impulse, load acts the same day", "banister_simulate",
     "p(t) = p0 + w (k1 e^(-t/tau1) - k2 e^(-t/tau2)), t from the session day",
     {"loads": imp, "params": BP},
     {"performance": [50 + 100 * (0.1 * math.exp(-t / 45) - 0.3 * math.exp(-t / 11)) for t in range(10)]})
case("model", "one impulse, load acts from the next day", "banister_simulate", "sum over s < t: the day itself is baseline",
     {"loads": imp, "params": BP, "timing": "next_day"},
     {"performance": [50.0] + [50 + 100 * (0.1 * math.exp(-t / 45) - 0.3 * math.exp(-t / 11)) for t in range(1, 10)]})
case("model", "tau2 must be shorter than tau1", "banister_simulate", "tau1 > tau2",
     {"loads": [1.0], "params": dict(BP, tau2=50)}, error={"code": "inconsistent", "field": "params.tau2"})
c = 45 * 11 / 34
case("model", "zero crossing and peak of one session", "banister_response",
     "t_n = t1 t2/(t1 - t2) ln(k2/k1); t* = t1 t2/(t1 - t2) ln(k2 t1/(k1 t2)) (SCIENCE.md 6)",
     {"params": BP},
     {"t_n": c * math.log(3), "t_star": c * math.log(0.3 * 45 / (0.1 * 11)),
      "peak": 0.1 * math.exp(-c * math.log(0.3 * 45 / (0.1 * 11)) / 45) - 0.3 * math.exp(-c * math.log(0.3 * 45 / (0.1 * 11)) / 11),
      "initial": 0.1 - 0.3})
case("model", "fatigue gain below fitness gain: never negative", "banister_response", "t_n = 0 when k2 <= k1",
     {"params": dict(BP, k2=0.05)}, {"t_n": 0})
syn = []
for i in range(730):
    week, day = (i // 7) % 4, i % 7
    base = [60.0, 70.0, 80.0, 40.0][week]
    syn.append(0.0 if day == 0 else base + 30.0 * abs(math.sin(i * 0.7)))
perf = bsim(syn, BP)
start = __import__("datetime").date(2025, 1, 1)
tests = [{"date": (start + __import__("datetime").timedelta(days=d)).isoformat(), "value": perf[d]} for d in range(10, 730, 10)]
case("model", "fit recovers noise-free parameters", "banister_fit",
     "synthetic tests simulated from known parameters (p0 50, k1 0.1, tau1 45, k2 0.3, tau2 11); recovered to 1e-6",
     {"start": start.isoformat(), "loads": syn, "tests": tests},
     dict(params=BP, tests=72, free_parameters=5, warnings=[]), tolerance=1e-6)
case("model", "fit with fixed time constants", "banister_fit", "GoldenCheetah-style fixed tau1 = 45, tau2 = 11: linear in p0, k1, k2",
     {"start": start.isoformat(), "loads": syn, "tests": tests[:8], "fixed_tau1": 45, "fixed_tau2": 11},
     dict(params=BP, free_parameters=3), tolerance=1e-6)
case("model", "a test outside the series", "banister_fit", "tests must fall inside the load series",
     {"start": start.isoformat(), "loads": syn[:30], "tests": [{"date": "2024-12-01", "value": 1}] * 6},
     error={"code": "out_of_range", "field": "tests[0].date"})
case("model", "fewer tests than parameters", "banister_fit", "5 free parameters need at least 5 tests",
     {"start": start.isoformat(), "loads": syn, "tests": tests[:4]}, error={"code": "out_of_range", "field": "tests"})
case("model", "tests out of order", "banister_fit", "test dates must increase",
     {"start": start.isoformat(), "loads": syn, "tests": [tests[1], tests[0]] + tests[2:6]}, error={"code": "unsorted_dates", "field": "tests[1].date"})
case("model", "forecast over planned loads", "banister_forecast", "the same recurrence continued over the planned days",
     {"loads": syn[:100], "planned_loads": syn[100:120], "params": BP}, {"performance": perf[100:120]})
case("model", "forecast with a negative planned load", "banister_forecast", "loads are never negative",
     {"loads": [10.0], "planned_loads": [5.0, -1.0], "params": BP}, error={"code": "out_of_range", "field": "planned_loads[1]"})

# ---------------------------------------------------------------- batch
A1, A2 = [100.0, 0.0, 50.0, 80.0], [0.0, 30.0, 30.0, 200.0]
c1, a1_ = ewma_series(A1, gexp(42)), ewma_series(A1, gexp(7))
c2, a2_ = ewma_series(A2, gexp(42)), ewma_series(A2, gexp(7))
case("model", "PMC of two athletes", "pmc_batch", "the PMC of each row, as pmc gives it",
     {"loads": [A1, A2]},
     {"fitness": [c1, c2], "fatigue": [a1_, a2_],
      "form": [[0.0] + [c - a for c, a in zip(c1, a1_)][:-1], [0.0] + [c - a for c, a in zip(c2, a2_)][:-1]]})
case("model", "latest day of two athletes", "pmc_batch", "the last column of the PMC, same-day form",
     {"loads": [A1, A2], "latest": True, "form_day": "same_day"},
     {"fitness": [c1[-1], c2[-1]], "fatigue": [a1_[-1], a2_[-1]], "form": [c1[-1] - a1_[-1], c2[-1] - a2_[-1]]})
case("model", "rows of different lengths", "pmc_batch", "a matrix has one row length",
     {"loads": [[1.0, 2.0], [1.0]]}, error={"code": "inconsistent", "field": "loads[1]"})
case("model", "a negative load in a batch", "pmc_batch", "loads are never negative; the error names athlete and day",
     {"loads": [[1.0, 2.0], [1.0, -3.0]]}, error={"code": "out_of_range", "field": "loads[1][1]"})
case("model", "ACWR of two athletes", "acwr_batch", "coupled rolling ACWR per row; null before the chronic window is full",
     {"loads": [spike, [60.0] * 28]},
     {"ratio": [[None] * 27 + [mean(spike[-7:]) / mean(spike)], [None] * 27 + [1.0]]})
syn2 = syn[:200]
perf2 = bsim(syn2, BP)
trow = [perf2[d] if d % 10 == 5 else None for d in range(200)]
case("model", "Banister fits of two athletes", "banister_fit_batch",
     "noise-free synthetic tests recover the parameters (to 1e-6); an athlete without tests is an error of its own",
     {"loads": [syn2, syn2], "tests": [trow, [None] * 200]},
     {"athletes": [{"fit": {"params": BP, "tests": 20}, "error_code": None}, {"fit": None, "error_code": "empty"}]},
     tolerance=1e-6)

# ---------------------------------------------------------------- supercompensation
W = {"intervals": [0.6, 0.6, 1.0, 0.4], "long": [1.0, 0.7, 0.2, 0.8], "easy": [0.3, 0.2, 0.1, 0.6]}
TAU = [10.0, 48.0, 24.0, 72.0]
LOG_S = {"schema_version": 1, "sessions": [{"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8}]}
dose = 400 / 420
fat24 = [w * dose * math.exp(-24 / t) for w, t in zip(W["intervals"], TAU)]


def status(f):
    return "fresh" if f < 0.1 else "ready" if f <= 0.3 else "recovering" if f <= 1 else "fatigued"


def to_ready(w, t, h0):
    h = 0
    while w * dose * math.exp(-(h0 + h) / t) > 0.3:
        h += 1
    return h


case("supercompensation", "four systems 24 h after intervals", "recovery_state",
     "per-system model: F = weight x dose x e^(-dt/tau); dose = 8 x 50 min / 420 AU; tau 10/48/24/72 h (SCIENCE.md 6)",
     {"log": LOG_S, "date": "2026-03-04"},
     {"at": "2026-03-04T08:00:00", "limiting_system": "neuromuscular", "overall": status(fat24[2]),
      "systems": [{"system": s, "fatigue": f, "status": status(f), "hours_to_ready": to_ready(w, t, 24)}
                  for s, f, w, t in zip(["metabolic", "muscular", "neuromuscular", "structural"], fat24, W["intervals"], TAU)]})
case("supercompensation", "a time of day", "recovery_state", "the same model at 20:00 (36 h after)",
     {"log": LOG_S, "date": "2026-03-04", "time": "20:00:00"},
     {"systems": [{"fatigue": w * dose * math.exp(-36 / t)} for w, t in zip(W["intervals"], TAU)]})
case("supercompensation", "slower recovery factor", "recovery_state", "every tau x 1.5",
     {"log": LOG_S, "date": "2026-03-04", "options": {"recovery_speed_factor": 1.5}},
     {"systems": [{"fatigue": w * dose * math.exp(-24 / (1.5 * t))} for w, t in zip(W["intervals"], TAU)]})
case("supercompensation", "bad option", "recovery_state", "tau 1 h to 120 days",
     {"log": LOG_S, "date": "2026-03-04", "options": {"muscular_tau_h": 0}}, error={"code": "out_of_range", "field": "options.muscular_tau_h"})


def resp(t):
    return sum(w * (math.exp(-t / (3 * tau)) - 2 * math.exp(-t / tau)) for w, tau in zip(W["intervals"], TAU))


days = []
for d in range(15):
    t = 24 * d
    f = [w * dose * math.exp(-t / tau) for w, tau in zip(W["intervals"], TAU)]
    safe = all(f[k] <= 0.3 for k in (0, 1, 2)) and t >= 48
    days.append((d, f, safe, resp(t)))
earliest = next(d for d, f, safe, r in days if safe)
r60 = [resp(24 * d) for d in range(61)]
peak = max(r60)
ws = next(d for d in range(61) if r60[d] > 0)
pk = r60.index(peak)
we = max(d for d in range(pk, 61) if r60[d] >= 0.5 * peak)
best = max((d for d, f, safe, r in days if d >= earliest and safe and d <= max(we, earliest)), key=lambda d: (days[d][3], -d))
import datetime as _dt
base = _dt.date(2026, 3, 3)
iso = lambda d: (base + _dt.timedelta(days=d)).isoformat()
case("supercompensation", "after intervals: earliest 48 h, best in the window", "next_quality_session",
     "the seeds' rule (hard sessions >= 48 h apart) and the per-system model; window of R(t) = sum w (e^(-t/3tau) - 2 e^(-t/tau))",
     {"log": LOG_S, "today": "2026-03-03"},
     {"kind": "intervals", "earliest": iso(earliest), "best": iso(best), "last_hard_session": "2026-03-03",
      "window_start": iso(ws), "window_end": iso(we), "stressed_systems": ["metabolic", "muscular", "neuromuscular"],
      "days": [{"date": iso(d), "fatigue": f, "safe": safe, "response": r} for d, f, safe, r in days]})
case("supercompensation", "24 h apart is flagged", "next_quality_session", "the seeds' rule: hard sessions at least 48 h apart",
     {"log": LOG_S, "today": "2026-03-04", "options": {"horizon_days": 3}},
     {"earliest": "2026-03-05", "days": [{"date": "2026-03-04", "safe": False}, {"date": "2026-03-05", "safe": True}, {}, {}]})
case("supercompensation", "an easy run is not a quality session", "next_quality_session", "quality: tempo, threshold, intervals, hills, race, long",
     {"log": LOG_S, "today": "2026-03-04", "kind": "easy"}, error={"code": "inconsistent", "field": "kind"})

# ---------------------------------------------------------------- paths of nested errors
case("load", "a mistyped nested field names its path", "session_load", "errors name the exact field",
     {"session": dict(S, rpe="six"), "athlete": AL}, error={"code": "invalid_input", "field": "session.rpe"})
case("load", "an unknown nested field names its path", "session_load", "documents reject unknown fields",
     {"session": dict(S, rpee=6), "athlete": AL}, error={"code": "invalid_input", "field": "session.rpee"})
case("load", "an unknown method names the field", "session_load", "methods are a closed set",
     {"session": S, "athlete": AL, "method": "magic"}, error={"code": "invalid_input", "field": "method"})
case("load", "an unknown top-level argument", "session_load", "requests reject unknown fields",
     {"session": S, "athlete": AL, "methdo": "auto"}, error={"code": "invalid_input", "field": "methdo"})
case("load", "a date outside 1900-2200", "weekly_loads", "dates are checked before any date arithmetic",
     {"start": "+262142-12-31", "loads": [1, 2]}, error={"code": "out_of_range", "field": "start"})
case("load", "a date in year 2500", "weekly_loads", "the library's calendar is 1900-2200",
     {"start": "2500-01-01", "loads": [1, 2]}, error={"code": "out_of_range", "field": "start"})
case("load", "an absurd daily load", "weekly_loads", "daily loads 0-100000",
     {"start": "2026-03-02", "loads": [1e308, 1e308]}, error={"code": "out_of_range", "field": "loads[0]"})
case("load", "logged days from the caller", "weekly_loads", "logged_days counts the days marked logged",
     {"start": "2026-03-02", "loads": [10, 0, 0, 10, 0, 0, 10], "logged": [True, False, True, True, False, False, True]},
     {"weeks": [{"logged_days": 4, "load": 30}]})
case("zones", "huge inputs do not overflow", "polarization_index", "fractions are scale-free: 1e308 each is one third each",
     {"z1": 1e308, "z2": 1e308, "z3": 1e308}, {"index": math.log10(100 / 3), "polarized": False, "distribution": "other"})
case("model", "a date near the calendar's end", "pmc", "dates are checked before any date arithmetic",
     {"start": "2200-12-31", "loads": [1.0, 2.0]}, {"end": "2201-01-01"})

# ---------------------------------------------------------------- readiness
import datetime as dtm
import statistics

R0 = dtm.date(2026, 1, 1)


def stable_days(n):
    out = []
    for i in range(n):
        out.append({"date": (R0 + dtm.timedelta(days=i)).isoformat(),
                    "hrv": {"value": 60.0 + i % 5, "index": "rmssd_ms"},
                    "resting_hr_bpm": 48.0 + i % 3,
                    "sleep_h": 7.5 + (i % 2) * 0.5,
                    "wellness": {"sleep_quality": 3.0 + i % 2, "fatigue": 3.0, "stress": 2.0 + i % 2, "soreness": 3.0}})
    return out


def with_today(days, **changes):
    days = [dict(d) for d in days]
    t = dict(days[-1])
    for k, v in changes.items():
        if v is None:
            t.pop(k, None)
        elif k == "wellness":
            t["wellness"] = {**t["wellness"], **v}
        else:
            t[k] = v
    days[-1] = t
    return days


ST = stable_days(40)
rhr_base = statistics.mean(48.0 + i % 3 for i in range(39))
ln_base = [math.log(60.0 + i % 5) for i in range(39)]
lnm, lnsd = statistics.mean(ln_base), statistics.stdev(ln_base)
conf = (39 / 60 + 39 / 60 + 1 + 1) / 4
case("readiness", "a stable athlete: go", "readiness",
     "all markers inside their personal baselines (SCIENCE.md 7): go, score 100",
     {"markers": ST},
     {"date": "2026-02-09", "status": "go", "score": 100, "majors": 0, "minors": 0, "confidence": conf,
      "markers": [{"marker": "hrv", "rating": "normal", "value": math.log(64.0), "baseline": lnm, "band": [lnm - 0.5 * lnsd, lnm + 0.5 * lnsd]},
                  {"marker": "resting_hr", "rating": "normal", "value": 48.0, "baseline": rhr_base},
                  {"marker": "sleep", "rating": "normal", "value": 8.0},
                  {"marker": "wellness", "rating": "normal"}]})
case("readiness", "one slipped marker is a note: still go", "readiness",
     "sleep 6 h < 7 h is minor (NSF 2015); one minor marker alone does not change the plan (the seeds' rule)",
     {"markers": with_today(ST, sleep_h=6.0)},
     {"status": "go", "score": 90, "minors": 1, "majors": 0})
case("readiness", "several slipped markers: scale back", "readiness",
     "sleep < 7 h and muscle soreness >= 1 SD worse: two minors -> go easy",
     {"markers": with_today(ST, sleep_h=6.0, wellness={"soreness": 6.0})},
     {"status": "go_easy", "score": 80, "minors": 2})
case("readiness", "two clear slips: rest", "readiness",
     "resting HR +12 bpm (>= 5 bpm and 2 SD) and 4 h of sleep (< 5 h): two majors -> rest",
     {"markers": with_today(ST, resting_hr_bpm=60.0, sleep_h=4.0)},
     {"status": "rest", "majors": 2, "score": 50})
case("readiness", "missing markers lower confidence", "readiness", "confidence = mean of (present x baseline maturity) over 4 groups",
     {"markers": with_today(ST, hrv=None, wellness=None)},
     {"status": "go", "confidence": (0 + 39 / 60 + 1 + 0) / 4,
      "markers": [{"marker": "hrv", "rating": "missing"}, {"marker": "resting_hr", "rating": "normal"}, {"marker": "sleep"}, {"marker": "wellness", "rating": "missing"}]})
# 4 mornings before today (Jan 1-4) and today (Jan 5): the morning of Jan 5 + k has 5 + (k - 1) before it,
# 14 from k = 10 (Jan 15).
case("readiness", "a young baseline says not enough data", "readiness",
     "baselines need 14 valid days (SCIENCE.md 7): until then the status is not_enough_data, not go (issue 12); "
     "with a reading every morning the 14th valid morning before the day is Jan 14, so a decision is possible on Jan 15",
     {"markers": stable_days(5)},
     {"status": "not_enough_data", "decision_possible_from": "2026-01-15",
      "markers": [{"marker": "hrv", "rating": "not_enough_data"}, {"marker": "resting_hr", "rating": "not_enough_data"},
                  {"marker": "sleep", "rating": "normal"}, {"marker": "wellness", "rating": "not_enough_data"}],
      "data_needed": [{"marker": "hrv", "window_days": 60, "valid_days": 4, "days_needed": 14, "possible_from": "2026-01-15"},
                      {"marker": "resting_hr", "window_days": 60, "valid_days": 4, "days_needed": 14, "possible_from": "2026-01-15"},
                      {"marker": "wellness", "window_days": 28, "valid_days": 4, "days_needed": 14, "possible_from": "2026-01-15"}]})
# HRV on only 2 of the last 7 mornings (days 35 and 39): no 7-day mean (Plews: >= 3 valid days a week).
SPARSE = [dict(d) for d in ST]
for k in (33, 34, 36, 37, 38):
    SPARSE[k].pop("hrv")
case("readiness", "a week with almost no HRV readings is not a go", "readiness",
     "Plews et al. 2013/2014: a weekly ln rMSSD mean needs >= 3 valid mornings; with 2 of 7 the 7-day mean cannot be "
     "compared with the band, so HRV is not_enough_data and so is the status (issue 12: it said go). Tomorrow's 7-day "
     "window holds days 35, 39 and tomorrow: 3",
     {"markers": SPARSE},
     {"status": "not_enough_data", "decision_possible_from": "2026-02-10",
      "markers": [{"marker": "hrv", "rating": "not_enough_data"}, {"marker": "resting_hr", "rating": "normal"}, {}, {"marker": "wellness", "rating": "normal"}],
      "data_needed": [{"marker": "hrv", "window_days": 7, "valid_days": 2, "days_needed": 3, "possible_from": "2026-02-10"}]})
SLEEP_ONLY = [{"date": d["date"], "sleep_h": d["sleep_h"]} for d in ST]
case("readiness", "sleep alone is not a go", "readiness",
     "the combined rule reads HRV, resting HR and wellness against baselines; with none recorded there is no verdict "
     "(issue 12). The first marker measured from tomorrow (Feb 10) has 14 mornings before it on Feb 24",
     {"markers": SLEEP_ONLY},
     {"status": "not_enough_data", "decision_possible_from": "2026-02-24",
      "markers": [{"marker": "hrv", "rating": "missing"}, {"marker": "resting_hr", "rating": "missing"},
                  {"marker": "sleep", "rating": "normal"}, {"marker": "wellness", "rating": "missing"}]})
# Sustained change (issue 12): a rolling baseline that includes the days under test absorbs them.
RHR_UP = stable_days(61)
for k in range(40, 61):
    RHR_UP[k] = dict(RHR_UP[k], resting_hr_bpm=52.0 + k % 3)
# The first day j whose 7-day mean is >= 3 bpm and >= 1 SD above the 60 days before its week fixes the reference.
_rhr = [d["resting_hr_bpm"] for d in RHR_UP]
for _j in range(14, 61):
    _ref = _rhr[max(0, _j - 7 - 59):_j - 6]
    _wk = statistics.mean(_rhr[_j - 6:_j + 1])
    if _wk - statistics.mean(_ref) >= 3 and _wk - statistics.mean(_ref) >= statistics.stdev(_ref):
        break
RHR_REF = statistics.mean(_ref)
case("readiness", "three weeks of raised resting HR are not absorbed by the baseline", "readiness",
     "the 7-day mean is judged against a reference that ends before the change and stays there while it lasts "
     "(uncoupled windows, Lolli 2019; a baseline taken before the tested week, Vesterinen 2016, Javaloyes 2019): "
     f"days 40-60 at +4 bpm; the first raised week ends on day {_j}, so the reference is days 0-{_j - 7}. "
     "A rolling 60-day baseline holding 20 raised days said normal (go)",
     {"markers": RHR_UP},
     {"status": "go_easy", "markers": [{},
                                       {"marker": "resting_hr", "rating": "major", "value": 52.0, "baseline": RHR_REF, "band": [RHR_REF + 3, RHR_REF + 5]},
                                       {}, {}]})
HRV_DOWN = stable_days(90)
for k in range(40, 90):
    HRV_DOWN[k] = dict(HRV_DOWN[k], hrv={"value": 50.0 + k % 5, "index": "rmssd_ms"})
case("readiness", "seven weeks of lowered HRV are not absorbed by the baseline", "readiness",
     "rMSSD about 16 % lower from day 40 to day 89: by day 89 the rolling 60-day baseline is 49 low days of 60, its "
     "band widens around them and the 7-day mean sits inside it (it said normal). Against the reference held from "
     "before the drop (at most 60 days), the 7-day mean is below the band: major (Vesterinen 2016, Javaloyes 2019)",
     {"markers": HRV_DOWN},
     {"status": "go_easy", "markers": [{"marker": "hrv", "rating": "major"}, {}, {}, {}]})
STALE = stable_days(58)
for k in range(40, 58):
    w = STALE[k]["wellness"]
    STALE[k] = dict(STALE[k], wellness={key: v + 1.0 for key, v in w.items()})
case("readiness", "eighteen stale days are still stale", "readiness",
     "Hooper & Mackinnon 1995: ratings worse for more than 7 days is staleness. Days 40-57 rate every item one "
     "point worse (Hooper 15/17 against 11/13); the reference is the 28 days before the first 8 stale days "
     "(days 12-39, mean 12), kept while the staleness lasts. The rolling 28-day baseline, 18 of whose days were "
     "stale, said normal",
     {"markers": STALE},
     {"status": "go_easy", "markers": [{}, {}, {}, {"marker": "wellness", "rating": "major"}]})
# Readouts a runner understands (issue 12): HRV in ms with ln alongside, every baseline and band named,
# the wellness value and baseline on one scale, counts that agree with their nouns.
_hooper = [d["wellness"]["sleep_quality"] + d["wellness"]["fatigue"] + d["wellness"]["stress"] + d["wellness"]["soreness"] for d in ST]
HOOPER_BASE = statistics.mean(_hooper[39 - 28:39])
case("readiness", "readouts: HRV in ms beside ln rMSSD, wellness as a Hooper sum", "readiness",
     "HRV is entered in ms: value_ms = e^ln rMSSD, the baseline in ms is e^(mean ln rMSSD) (the geometric mean), "
     "the band likewise; the wellness value is today's Hooper sum (4-28) and its baseline the mean Hooper sum of "
     "the 28 days before (Hooper & Mackinnon 1995), no longer a count of flagged items beside a z-score",
     {"markers": ST},
     {"status": "go",
      "markers": [{"marker": "hrv", "unit": "ln ms (ln rMSSD)", "value_ms": 64.0, "baseline_ms": math.exp(lnm),
                   "band_ms": [math.exp(lnm - 0.5 * lnsd), math.exp(lnm + 0.5 * lnsd)]},
                  {"marker": "resting_hr", "unit": "bpm", "baseline": rhr_base},
                  {"marker": "sleep", "unit": "h", "baseline_is": None},
                  {"marker": "wellness", "unit": "Hooper sum (4–28)", "value": _hooper[39], "baseline": HOOPER_BASE}]})
case("readiness", "readouts: one body system, singular", "readiness",
     "counts agree with their nouns: '1 body system not yet recovered', not '1 body systems'",
     {"markers": ST, "engine": {"systems_not_ready": 1}},
     {"markers": [{}, {}, {}, {}, {"marker": "body_systems", "value": 1, "reason": "1 body system not yet recovered"}]})
case("readiness", "readouts: the summary names markers as a runner reads them", "readiness",
     "'scale back: resting HR and sleep slipped', not 'resting_hr, sleep slipped' (issue 12: readouts a runner understands)",
     {"markers": with_today(ST, resting_hr_bpm=52.5, sleep_h=6.0)},
     {"status": "go_easy", "summary": "scale back: resting HR and sleep slipped"})
KIV_YOUNG = with_today(stable_days(8), hrv={"value": 40.0, "index": "rmssd_ms"})
case("readiness", "Kiviniemi mode with a young baseline: not enough data, as the HRV marker says", "readiness",
     "issue 12: the status was go_easy while the HRV marker said not_enough_data. 7 mornings are not the 14-day "
     "baseline (SCIENCE.md 7), so the Kiviniemi rule has no verdict either",
     {"markers": KIV_YOUNG, "options": {"mode": "kiviniemi"}},
     {"status": "not_enough_data", "decision_possible_from": "2026-01-15",
      "markers": [{"marker": "hrv", "rating": "not_enough_data"}, {}, {}, {}]})
case("readiness", "Javaloyes mode with a young baseline: not enough data, not go", "readiness",
     "Vesterinen 2016 / Javaloyes 2019 compare the 7-day mean with a ~4-week baseline; with 7 mornings there is none "
     "(issue 12: it said go)",
     {"markers": stable_days(8), "options": {"mode": "javaloyes"}},
     {"status": "not_enough_data", "markers": [{"marker": "hrv", "rating": "not_enough_data"}, {}, {}, {}]})
ST_NEW = [dict(d, source="new strap") if i >= 35 else d for i, d in enumerate(ST)]
case("readiness", "a new device starts a new baseline", "readiness", "a device change must not corrupt the old baseline",
     {"markers": ST_NEW}, {"markers": [{"marker": "hrv", "rating": "not_enough_data"}, {"marker": "resting_hr", "rating": "not_enough_data"}, {}, {}]})
case("readiness", "HRV in ln units gives the same answer", "readiness", "ln rMSSD is ln of rMSSD in ms",
     {"markers": [dict(d, hrv={"value": math.log(d["hrv"]["value"]), "index": "ln_rmssd"}) for d in ST]},
     {"status": "go", "markers": [{"marker": "hrv", "value": math.log(64.0), "baseline": lnm}, {}, {}, {}]})
case("readiness", "Kiviniemi mode", "readiness", "Kiviniemi 2007: below the 10-day mean - 1 SD -> easy",
     {"markers": with_today(ST, hrv={"value": 40.0, "index": "rmssd_ms"}), "options": {"mode": "kiviniemi"}},
     {"status": "go_easy"})
case("readiness", "the engine joins the decision", "readiness", "form below -30 % of fitness is a minor flag",
     {"markers": with_today(ST, sleep_h=6.0), "engine": {"form_pct": -40}}, {"status": "go_easy", "minors": 2})
case("readiness", "negative HRV", "readiness", "rMSSD 1-300 ms",
     {"markers": with_today(ST, hrv={"value": -5, "index": "rmssd_ms"})}, error={"code": "out_of_range", "field": "markers[39].hrv.value"})
case("readiness", "SDNN is not rMSSD", "readiness", "SDNN is a different quantity",
     {"markers": with_today(ST, hrv={"value": 50, "index": "sdnn_ms"})}, error={"code": "inconsistent", "field": "markers[39].hrv.index"})
case("readiness", "resting HR of 0", "readiness", "resting HR 25-120 bpm",
     {"markers": with_today(ST, resting_hr_bpm=0)}, error={"code": "out_of_range", "field": "markers[39].resting_hr_bpm"})
case("readiness", "resting HR of 300", "readiness", "resting HR 25-120 bpm",
     {"markers": with_today(ST, resting_hr_bpm=300)}, error={"code": "out_of_range", "field": "markers[39].resting_hr_bpm"})
case("readiness", "30 hours of sleep", "readiness", "sleep 0-24 h",
     {"markers": with_today(ST, sleep_h=30)}, error={"code": "out_of_range", "field": "markers[39].sleep_h"})
case("readiness", "wellness 9 on a 1-7 scale", "readiness", "wellness items 1-7",
     {"markers": with_today(ST, wellness={"fatigue": 9})}, error={"code": "out_of_range", "field": "markers[39].wellness.fatigue"})
case("readiness", "dates out of order", "readiness", "markers in date order",
     {"markers": [ST[1], ST[0]]}, error={"code": "unsorted_dates", "field": "markers[1].date"})
case("readiness", "no markers", "readiness", "today's markers are needed", {"markers": []}, error={"code": "empty", "field": "markers"})
case("readiness", "baselines for a chart", "readiness_baselines", "rolling baselines of the days before each day",
     {"markers": ST[:16]},
     {"days": [{"hrv": None, "resting_hr_baseline": None}] * 14 +
              [{"resting_hr_baseline": statistics.mean(48.0 + i % 3 for i in range(14)), "hooper": 3 + 14 % 2 + 3 + 2 + 14 % 2 + 3},
               {"resting_hr_baseline": statistics.mean(48.0 + i % 3 for i in range(15))}]})

# warning signs
def series_days(n, **over):
    d = stable_days(n)
    for i, x in enumerate(d):
        for k, f in over.items():
            v = f(i)
            if v is not None:
                if k.startswith("w_"):
                    x["wellness"] = {**x["wellness"], k[2:]: v}
                else:
                    x[k] = v
    return d


fat = series_days(40, w_fatigue=lambda i: 5.0 if i >= 34 and i != 36 else None)
loads_rest = {"start": "2026-01-01", "values": [60.0] * 33 + [60.0, 0.0, 60.0, 0.0, 60.0, 40.0, 40.0]}
case("readiness", "persistent fatigue despite rest days", "warning_signs", "fatigue rating high on >= 4 of 7 days with >= 2 rest days",
     {"markers": fat, "loads": loads_rest}, {"signs": [{"sign": "persistent_fatigue"}]})
rise = series_days(40, resting_hr_bpm=lambda i: 50.0 + (i - 26) * 0.5 if i >= 26 else None)
case("readiness", "resting HR rising", "warning_signs", "slope >= 0.2 bpm/day over 14 days and the 7-day mean >= baseline + 2 bpm",
     {"markers": rise}, {"signs": [{"sign": "resting_hr_rising", "evidence": [{"date": (R0 + dtm.timedelta(days=i)).isoformat(), "value": 50.0 + (i - 26) * 0.5} for i in range(26, 40)]}]})
low = [50, 58, 45, 55, 42, 52, 44]
drop = series_days(40, hrv=lambda i: {"value": float(low[i - 33]), "index": "rmssd_ms"} if i >= 33 else None)
case("readiness", "HRV falling with CV rising", "warning_signs", "Plews: weekly ln rMSSD mean falls while its CV rises",
     {"markers": drop}, {"signs": [{"sign": "hrv_falling_cv_rising"}]})
T = lambda d: (R0 + dtm.timedelta(days=d)).isoformat()
case("readiness", "performance decline", "warning_signs", "the last test > 2 % below the mean of the 3 before",
     {"markers": ST, "tests": [{"date": T(0), "value": 50}, {"date": T(10), "value": 51}, {"date": T(20), "value": 52}, {"date": T(35), "value": 49}]},
     {"signs": [{"sign": "performance_decline"}]})
case("readiness", "performance plateau", "warning_signs", "no new best in the last 3 tests over >= 6 weeks",
     {"markers": stable_days(80), "tests": [{"date": T(0), "value": 50}, {"date": T(10), "value": 52}, {"date": T(20), "value": 51.5},
                                            {"date": T(45), "value": 51.8}, {"date": T(70), "value": 51.9}]},
     {"signs": [{"sign": "performance_plateau"}]})
PAT = [0.0, 60.0, 80.0, 40.0, 60.0, 30.0, 80.0]
cyc = lambda n, k=1.0: [PAT[i % 7] * k for i in range(n)]
mono = cyc(32) + [55.0, 60.0, 60.0, 65.0, 60.0, 60.0, 55.0] + [60.0]
case("readiness", "high monotony", "warning_signs", "Foster 1998: monotony > 2 in the last complete calendar week",
     {"markers": ST, "loads": {"start": "2026-01-01", "values": mono}}, {"signs": [{"sign": "high_monotony"}]})
spike_l = cyc(33) + [PAT[i % 7] * 3 for i in range(33, 40)]
case("readiness", "load spike", "warning_signs", "coupled ACWR 150/75 = 2.0 > 1.5",
     {"markers": ST, "loads": {"start": "2026-01-01", "values": spike_l}},
     {"signs": [{"sign": "load_spike", "evidence": [{"date": "2026-02-09", "value": statistics.mean(spike_l[-7:]) / statistics.mean(spike_l[-28:])}]}]})
case("readiness", "no warning signs", "warning_signs", "a stable athlete with varied loads", {"markers": ST, "loads": {"start": "2026-01-01", "values": cyc(40)}}, {"signs": []})
case("readiness", "identical loads every day are monotonous", "warning_signs", "Foster 1998: SD 0 is the most monotonous week",
     {"markers": ST, "loads": {"start": "2026-01-01", "values": [60.0] * 40}}, {"signs": [{"sign": "high_monotony", "evidence": [{"date": "2026-02-08", "value": 60.0}]}]})

# adaptation
HARD = {"date": "2026-02-09", "kind": "intervals", "duration_s": 3600, "rpe": 8, "status": "planned"}
EASY = {"date": "2026-02-09", "kind": "easy", "duration_s": 2400, "rpe": 3, "status": "planned"}
case("readiness", "go: as planned", "adapt_session", "readiness go", {"planned": HARD, "markers": ST},
     {"action": "as_planned", "session": HARD, "readiness": {"status": "go"}})
case("readiness", "go easy: intervals become an easy run", "adapt_session", "the seeds: scale back when several markers slip",
     {"planned": HARD, "markers": with_today(ST, sleep_h=6.0, resting_hr_bpm=52.5)},
     {"action": "easy_run", "session": {"kind": "easy", "duration_s": 2700, "rpe": 3}})
case("readiness", "go easy with sore muscles: cross-training", "adapt_session", "less impact on tired muscles",
     {"planned": HARD, "markers": with_today(ST, sleep_h=6.0, wellness={"soreness": 6.0})},
     {"action": "cross_training", "session": {"kind": "cross_training", "modality": "cycling"}})
case("readiness", "rest", "adapt_session", "two majors: rest",
     {"planned": HARD, "markers": with_today(ST, resting_hr_bpm=60.0, sleep_h=4.0)}, {"action": "rest", "session": {"kind": "rest", "duration_s": 0}})
case("readiness", "rest on a light day: mobility", "adapt_session", "two majors, light plan: gentle mobility",
     {"planned": EASY, "markers": with_today(ST, resting_hr_bpm=60.0, sleep_h=4.0)}, {"action": "mobility", "session": {"kind": "mobility"}})
case("readiness", "ill: rest", "adapt_session", "illness: rest", {"planned": EASY, "markers": with_today(ST, ill=True)},
     {"action": "rest", "readiness": {"status": "rest"}})
case("readiness", "possible injury: no running", "adapt_session", "pain: no-impact cross-training or rest",
     {"planned": HARD, "markers": with_today(ST, injury_pain=True)}, {"action": "cross_training", "session": {"modality": "pool_running"}})
case("readiness", "not enough data: intervals become an easy run", "adapt_session",
     "issue 12: no verdict is not a go; by default a hard session on a not_enough_data day is eased as on go_easy",
     {"planned": dict(HARD, date="2026-01-05"), "markers": stable_days(5)},
     {"action": "easy_run", "session": {"kind": "easy", "duration_s": 2700, "rpe": 3}, "readiness": {"status": "not_enough_data"}})
case("readiness", "not enough data, as the options allow: as planned", "adapt_session",
     "options.on_not_enough_data = as_planned: the athlete accepts training without a verdict",
     {"planned": dict(HARD, date="2026-01-05"), "markers": stable_days(5), "options": {"on_not_enough_data": "as_planned"}},
     {"action": "as_planned", "session": {"kind": "intervals", "duration_s": 3600}, "readiness": {"status": "not_enough_data"}})
case("readiness", "a hard session that felt unusually hard", "adapt_session", "the seeds: it becomes easy running",
     {"planned": HARD, "markers": with_today(ST, planned_rpe=7, felt_rpe=9.5)}, {"action": "easy_run", "readiness": {"status": "go"}})

# ---------------------------------------------------------------- recovery
def rx(mass, gap, kind="intervals", minutes=70, rpe=8):
    sess = {"date": "2026-03-03", "kind": kind, "duration_s": minutes * 60, "rpe": rpe}
    inp = {"session": sess, "body_mass_kg": mass}
    if gap is not None:
        inp["hours_to_next_session"] = gap
    return inp


for mass in (50.0, 90.0):
    case("recovery", f"{mass:.0f} kg, next session in 12 h", "recovery_prescription",
         "Thomas, Erdman & Burke 2016: 1.0-1.2 g/kg/h for 4 h when the next session is within 24 h; protein 0.3 g/kg every 3-5 h",
         rx(mass, 12),
         {"carbohydrate": {"grams_per_hour": [mass * 1.0, mass * 1.2], "first_4h_grams": [mass * 4.0, mass * 4.8],
                           "daily_g_per_kg": [6, 10], "daily_grams": [mass * 6, mass * 10]},
          "protein": {"grams": [0.3 * mass, 0.3 * mass], "every_h": [3, 5]},
          "sleep": {"target_h": [8, 10]}})
    case("recovery", f"{mass:.0f} kg, next session in 48 h", "recovery_prescription",
         "no fast refuelling needed: daily target by training load (5-7 g/kg for ~1 h/day)",
         rx(mass, 48, kind="tempo", minutes=50, rpe=6),
         {"carbohydrate": {"grams_per_hour": None, "daily_g_per_kg": [5, 7], "daily_grams": [mass * 5, mass * 7]},
          "protein": {"grams": [0.3 * mass, 0.3 * mass]}})
case("recovery", "fluid from pre and post mass", "recovery_prescription", "1.25-1.5 L per kg lost (Shirreffs 1996)",
     dict(rx(70.0, None, kind="long", minutes=120, rpe=5), pre_mass_kg=70.0, post_mass_kg=68.6),
     {"fluid": {"lost_kg": 70.0 - 68.6, "litres": [1.25 * 1.4, 1.5 * 1.4]}, "sleep": {"target_h": [8, 10]}})
case("recovery", "after a race: full rest first", "recovery_prescription", "full rest after races and peak efforts",
     rx(60.0, None, kind="race", minutes=45, rpe=9), {"active_recovery": [{"option": "full_rest"}, {"option": "walk"}, {"option": "yoga_mobility"}]})
case("recovery", "short sleep: a nap", "recovery_prescription", "a 20-30 min nap avoids grogginess",
     dict(rx(60.0, 30, kind="easy", minutes=40, rpe=3), last_sleep_h=6.5), {"sleep": {"nap_min": [20, 30]}})
case("recovery", "no body mass", "recovery_prescription", "prescriptions scale with body mass",
     {"session": rx(60, 12)["session"]}, error={"code": "missing_field", "field": "body_mass_kg"})
case("recovery", "post mass far below pre", "recovery_prescription", "more than 5 % lost is a measuring error",
     dict(rx(70.0, None), pre_mass_kg=70.0, post_mass_kg=60.0), error={"code": "inconsistent", "field": "post_mass_kg"})

# ---------------------------------------------------------------- rules
MON = dtm.date(2026, 3, 2)  # a Monday


def ses(day, kind, minutes, km=None, rpe=None, status="planned"):
    x = {"date": (MON + dtm.timedelta(days=day)).isoformat(), "kind": kind, "duration_s": minutes * 60, "status": status}
    if km is not None:
        x["distance_m"] = km * 1000
    if rpe is not None:
        x["rpe"] = rpe
    return x


def week_runs(w, km):
    # Tue easy 30 %, Thu easy 30 %, Sat long 25 %, Sun easy 15 %; 6 min/km
    parts = [(1, "easy", 0.30), (3, "easy", 0.30), (5, "long", 0.25), (6, "easy", 0.15)]
    return [ses(7 * w + d, k, round(km * f * 6), round(km * f, 3)) for d, k, f in parts]


def doc(sessions):
    return {"schema_version": 1, "sessions": sessions}


def rule_case(name, rule, source, sessions, dates=None, severity=None, extra=None):
    inp = {"log": doc(sessions), "rules": [rule]}
    inp.update(extra or {})
    exp = {"findings": [] if dates is None else [{"rule": rule, "dates": dates} | ({"severity": severity} if severity else {})], "rules": [rule]}
    case("rules", name, "check_rules", source, inp, exp)


D = lambda day: (MON + dtm.timedelta(days=day)).isoformat()
vols = lambda v: [x for w, km in enumerate(v) for x in week_runs(w, km)]
rule_case("weekly progression +15 %", "weekly_progression", "<= 10 % over the highest of the 3 weeks before (Buist 2008; Nielsen 2014)",
          vols([40, 40, 40, 46]), [D(21)], "warning")
rule_case("weekly progression +10 % passes", "weekly_progression", "+10 % is allowed", vols([40, 40, 40, 44]))
rule_case("weekly progression +40 % is critical", "weekly_progression", "Nielsen 2014: > 30 % raised injury risk", vols([40, 40, 56]), [D(14)], "critical")
rule_case("no cutback in 4 weeks", "cutback_week", "a cutback every 3rd-4th week", vols([40, 40, 40, 40]), [D(0), D(7), D(14), D(21)])
rule_case("a cutback in the 4th week passes", "cutback_week", "-25 % in week 4", vols([40, 40, 40, 30]))
rule_case("hard sessions 24 h apart", "hard_spacing", "the seeds: hard sessions >= 48 h apart",
          [ses(1, "intervals", 55), ses(2, "tempo", 45)], [D(1), D(2)], "critical")
rule_case("hard sessions 48 h apart pass", "hard_spacing", "48 h apart", [ses(1, "intervals", 55), ses(3, "tempo", 45)])
rule_case("three hard days in a row", "hard_days_in_a_row", "never three hard days in a row",
          [ses(1, "intervals", 55), ses(2, "tempo", 45), ses(3, "hills", 40)], [D(1), D(2), D(3)], "critical")
rule_case("hard days apart pass", "hard_days_in_a_row", "no three in a row", [ses(1, "intervals", 55), ses(3, "tempo", 45), ses(5, "long", 90)])
rule_case("four hard sessions in a week", "hard_per_week", "1-3 hard sessions a week",
          [ses(0, "tempo", 40), ses(2, "intervals", 50), ses(4, "hills", 40), ses(6, "threshold", 45)], [D(0), D(2), D(4), D(6)], "warning")
rule_case("two hard sessions pass", "hard_per_week", "1-3 a week", [ses(1, "intervals", 50), ses(3, "tempo", 40), ses(5, "long", 90), ses(6, "easy", 30)])
rule_case("no rest day", "rest_day", "the seeds: at least one rest or very light day a week", [ses(d, "easy", 40) for d in range(7)], [D(0)], "warning")
rule_case("a rest day passes", "rest_day", "Monday rest", [ses(0, "rest", 0)] + [ses(d, "easy", 40) for d in range(1, 7)])
rule_case("too little easy running", "easy_share", "Seiler & Kjerland 2006: >= 80 % easy; hard share per kind: intervals 35 %, tempo 50 %, threshold 45 %",
          [ses(0, "intervals", 60), ses(2, "tempo", 60), ses(4, "threshold", 60), ses(6, "easy", 30)], [D(0)], "warning")
rule_case("mostly easy passes", "easy_share", "(0.35*55 + 0.5*45)/360 = 12 % hard",
          [ses(1, "intervals", 55), ses(2, "easy", 60), ses(3, "tempo", 45), ses(5, "long", 100), ses(6, "easy", 100)])
rule_case("a long run of half the week", "long_run_share", "Daniels: long run <= 25-30 % of the week",
          [ses(1, "easy", 50), ses(3, "easy", 50), ses(5, "long", 100)], [D(5)], "warning")
rule_case("a long run of a quarter passes", "long_run_share", "60 of 240 min",
          [ses(1, "easy", 60), ses(3, "easy", 60), ses(4, "easy", 60), ses(5, "long", 60)])
rule_case("too much threshold work", "quality_caps", "Daniels: T <= 10 % of the weekly distance per session (0.45 x 20 km = 9 km > 4 km)",
          [ses(1, "easy", 60, 10), ses(3, "threshold", 100, 20), ses(5, "long", 60, 10)], [D(3)], "warning")
rule_case("threshold within the cap passes", "quality_caps", "0.45 x 8 km = 3.6 km <= 10 % of 40 km",
          [ses(1, "easy", 60, 10), ses(2, "easy", 60, 10), ses(3, "threshold", 40, 8), ses(5, "long", 72, 12)])


def ramp_findings(sessions):
    first = dtm.date.fromisoformat(sessions[0]["date"])
    last = dtm.date.fromisoformat(sessions[-1]["date"])
    n = (last - first).days + 1
    loads = [0.0] * n
    for x in sessions:
        loads[(dtm.date.fromisoformat(x["date"]) - first).days] += x["rpe"] * x["duration_s"] / 60 * 100 / 420
    fit = ewma_series(loads, gexp(42))
    out, i = [], 42
    while i < n:
        if fit[i] - fit[i - 7] > 8:
            out.append([(first + dtm.timedelta(days=i - 7)).isoformat(), (first + dtm.timedelta(days=i)).isoformat()])
            i += 7
        else:
            i += 1
    return out


ramp_s = [ses(d, "easy", 30, rpe=3) for d in range(49)] + [ses(d, "easy", 120, rpe=5) for d in range(49, 56)]
rf = ramp_findings(ramp_s)
case("rules", "a fitness ramp too steep", "check_rules", "Friel: a fitness ramp of 5-8 a week is sustainable (session-RPE as TSS: 420 AU = 100)",
     {"log": doc(ramp_s), "rules": ["ctl_ramp"]}, {"findings": [{"rule": "ctl_ramp", "dates": d} for d in rf]})
rule_case("a steady load passes the ramp", "ctl_ramp", "no ramp", [ses(d, "easy", 30, rpe=3) for d in range(56)])
race_plan = lambda last_week: [ses(7 * w + d, "easy", 60) for w in range(4) for d in (1, 3, 5)] + \
    [ses(28 + d, "easy", m) for d, m in last_week] + [ses(34, "race", 45)]
rule_case("no taper before a race", "taper_before_race", "Bosquet 2007: cut 41-60 % of volume before the race",
          race_plan([(1, 60), (3, 60), (5, 60)]), [D(27), D(34)], "warning")
rule_case("a taper passes", "taper_before_race", "the race week at 50 %", race_plan([(1, 40), (3, 30), (5, 20)]))
case("rules", "an unknown rule", "check_rules", "rules are a closed set", {"log": doc(vols([40])), "rules": ["ten_percent"]},
     error={"code": "invalid_input", "field": "rules[0]"})
case("rules", "all rules over a plan", "check_rules", "every rule runs by default",
     {"log": doc(vols([40, 40]))}, {"rules": ["weekly_progression", "cutback_week", "hard_spacing", "hard_days_in_a_row", "hard_per_week",
                                               "rest_day", "easy_share", "long_run_share", "quality_caps", "ctl_ramp", "taper_before_race"]})

# ---------------------------------------------------------------- Busso
BUSSO = {"p0": 50.0, "k1": 0.08, "tau1": 40.0, "k3": 0.002, "tau2": 8.0, "tau3": 4.0}


def busso_sim(loads, p):
    out, g, q, h = [], 0.0, 0.0, 0.0
    d1, d2, d3 = math.exp(-1 / p["tau1"]), math.exp(-1 / p["tau2"]), math.exp(-1 / p["tau3"])
    for w in loads:
        q = q * d3 + w
        g = g * d1 + w
        h = h * d2 + p["k3"] * q * w
        out.append(p["p0"] + p["k1"] * g - h)
    return out


bl = [0.0 if i % 7 == 0 else 40.0 + 30.0 * abs(math.sin(i * 0.37)) + (i // 50) * 5.0 for i in range(400)]
bp = busso_sim(bl, BUSSO)
case("model", "Busso: the fatigue gain grows with recent load", "busso_simulate",
     "Busso 2003: p = p0 + k1 sum w e^(-(n-i)/t1) - sum k2(i) w e^(-(n-i)/t2), k2(i) = k3 sum w e^(-(i-j)/t3)",
     {"loads": bl[:30], "params": BUSSO}, {"performance": bp[:30]})
case("model", "Busso fit recovers noise-free parameters", "busso_fit",
     "synthetic tests from known parameters, recovered by variable projection (to 1e-6 in fitted values)",
     {"start": "2025-01-01", "loads": bl, "tests": [{"date": (dtm.date(2025, 1, 1) + dtm.timedelta(days=d)).isoformat(), "value": bp[d]} for d in range(5, 400, 7)]},
     {"sse": 0.0, "rmse": 0.0}, tolerance=1e-6)
case("model", "Busso fit with too few tests", "busso_fit", "6 free parameters need at least 6 tests",
     {"start": "2025-01-01", "loads": bl, "tests": [{"date": "2025-01-10", "value": 1.0}, {"date": "2025-01-20", "value": 2.0}]},
     error={"code": "out_of_range", "field": "tests"})

# ---------------------------------------------------------------- taper
def taper_factors(L, cut, shape):
    def g(t):
        k = shape["kind"]
        if k == "step":
            return 1.0
        if k == "linear":
            return 1 - (t + 1) / (L + 1)
        if k == "exponential":
            return math.exp(-(t + 1) / shape["tau_days"])
        return 1 + shape["rise"] if t + 3 >= L else 1.0
    gs = [g(t) for t in range(L)]
    mean = lambda c: sum(min(1.0, c * x) for x in gs) / L
    lo, hi = 0.0, 1.0
    while mean(hi) < 1 - cut:
        hi *= 2
    for _ in range(100):
        mid = (lo + hi) / 2
        if mean(mid) < 1 - cut:
            lo = mid
        else:
            hi = mid
    c = (lo + hi) / 2
    return [min(1.0, c * x) for x in gs]


T0 = dtm.date(2026, 5, 4)
TD = lambda d: (T0 + dtm.timedelta(days=d)).isoformat()


def taper_plan(history_days=0, planned_days=21, minutes=60, rpe=4, quality_day=None):
    out = []
    for d in range(history_days + planned_days):
        kind = "intervals" if quality_day is not None and d == quality_day else "easy"
        out.append({"date": TD(d), "kind": kind, "duration_s": minutes * 60, "rpe": rpe,
                    "status": "completed" if d < history_days else "planned"})
    out.append({"date": TD(history_days + planned_days), "kind": "race", "duration_s": 2700, "rpe": 9, "status": "planned"})
    return {"schema_version": 1, "sessions": out}


for shape in [{"kind": "step"}, {"kind": "linear"}, {"kind": "exponential", "tau_days": 5.0}, {"kind": "two_phase", "rise": 0.25}]:
    f = taper_factors(14, 0.5, shape)
    plan = taper_plan(quality_day=10)
    exp_sessions = []
    for d in range(21):
        k = f[d - 7] if d >= 7 else 1.0
        exp_sessions.append({"date": TD(d), "kind": "intervals" if d == 10 else "easy", "duration_s": 3600 * k, "rpe": 4})
    exp_sessions.append({"date": TD(21), "kind": "race", "duration_s": 2700})
    case("taper", f"a 14-day {shape['kind']} taper, 50 % cut", "taper_apply",
         "mean daily factor = 1 - cut (Bosquet 2007: 41-60 %), f(t) = min(1, c g(t)) for the shape's profile; kinds and RPE kept (intensity kept)",
         {"log": plan, "race_date": TD(21), "taper": {"length_days": 14, "volume_cut": 0.5, "shape": shape}},
         {"factors": f, "taper_start": TD(7), "volume_before_s": 14 * 3600, "volume_after_s": 7 * 3600, "dropped_sessions": 0,
          "plan": {"sessions": exp_sessions}})
case("taper", "frequency cut drops the shortest easy runs", "taper_apply", "frequency reduced <= 20 %: 20 % of 14 sessions = 2 dropped",
     {"log": taper_plan(), "race_date": TD(21), "taper": {"length_days": 14, "volume_cut": 0.5, "shape": {"kind": "step"}, "frequency_cut": 0.2}},
     {"dropped_sessions": 2, "volume_after_s": 12 * 1800})
case("taper", "a cut of 70 %", "taper_apply", "Bosquet 2007: 41-60 %",
     {"log": taper_plan(), "race_date": TD(21), "taper": {"volume_cut": 0.7}}, error={"code": "out_of_range", "field": "taper.volume_cut"})
case("taper", "a taper longer than the plan", "taper_apply", "the taper must fit in the plan",
     {"log": taper_plan(planned_days=10), "race_date": TD(10), "taper": {"length_days": 14}}, error={"code": "inconsistent", "field": "taper.length_days"})
case("taper", "a race before the plan", "taper_score", "the race must follow the log",
     {"log": taper_plan(), "race_date": "2026-01-01"}, error={"code": "out_of_range", "field": "race_date"})
# scoring against a hand-computed PMC
hist = taper_plan(history_days=28)
loads = [60 * 4.0] * 49
f = taper_factors(14, 0.5, {"kind": "step"})
tl = loads[:35] + [x * k for x, k in zip(loads[35:], f)]
fit_, fat_ = ewma_series(tl, gexp(42)), ewma_series(tl, gexp(7))
case("taper", "race-day form of a step taper", "taper_score",
     "PMC (exponential gain, 42/7 d) over session-RPE loads (RPE x min) with the last 14 days halved; race morning = the day before's values",
     {"log": hist, "race_date": TD(49), "taper": {"length_days": 14, "volume_cut": 0.5, "shape": {"kind": "step"}}},
     {"fitness": fit_[-1], "fatigue": fat_[-1], "form": fit_[-1] - fat_[-1]})
case("taper", "scoring with Banister parameters", "taper_score", "Banister p(race) with today's load acting today and no load on race day",
     {"log": hist, "race_date": TD(49), "taper": {"length_days": 14, "volume_cut": 0.5, "shape": {"kind": "step"}},
      "model": {"kind": "banister", "params": BP}},
     {"performance": bsim(tl + [0.0], BP)[-1]})


def overload_plan(k):
    out = []
    days = 84
    for d in range(days):
        base = 0.0 if d % 7 == 0 else 50.0 + 10.0 * (d % 7)
        m = base * (k if days - 49 <= d < days - 21 else 1.0)
        if m > 0:
            out.append({"date": TD(d), "kind": "easy", "duration_s": m * 60, "rpe": 4, "status": "planned" if d >= days - 21 else "completed"})
    out.append({"date": TD(days), "kind": "race", "duration_s": 2700, "rpe": 9, "status": "planned"})
    return {"schema_version": 1, "sessions": out}


case("taper", "the best taper after a normal block", "taper_optimize",
     "regression: the library's own search (1078 candidates, default Busso model); see the next case for the direction",
     {"log": overload_plan(1.0), "race_date": TD(84), "alternatives": 2},
     {"candidates": 1078, "best": {"spec": {"length_days": 10, "volume_cut": 0.55, "shape": {"kind": "exponential", "tau_days": 8.0}}}})
case("taper", "a bigger overload calls for a deeper taper", "taper_optimize",
     "Thomas & Busso 2005: the harder the block before, the longer and deeper the best taper (regression values; the direction is the check)",
     {"log": overload_plan(1.3), "race_date": TD(84), "alternatives": 2},
     {"candidates": 1078, "best": {"spec": {"length_days": 10, "volume_cut": 0.57}}})

# ---------------------------------------------------------------- plan
P0 = dtm.date(2027, 1, 4)  # a Monday
PD = lambda d: (P0 + dtm.timedelta(days=d)).isoformat()


def psess(d, kind, minutes, status="planned", km=None, rpe=None):
    x = {"date": PD(d), "kind": kind, "duration_s": minutes * 60, "status": status}
    if km:
        x["distance_m"] = km * 1000
    if rpe is not None:
        x["rpe"] = rpe
    return x


def plan_request(distance, weeks, experience, km, **extra):
    r = {"start": PD(0), "race_date": PD(7 * weeks - 1), "race_distance_m": distance, "weekly_km": km, "vdot": 45,
         "long_run_day": "Sun", "experience": experience}
    r.update(extra)
    return r


for label, args in [("novice 5K", (5000, 10, "novice", 20)), ("intermediate half marathon", (21097.5, 14, "intermediate", 40)),
                    ("experienced marathon", (42195, 18, "experienced", 70))]:
    case("plan", f"a plan for an {label}" if label[0] in "ie" else f"a plan for a {label}", "generate_plan",
         "the generator's own output (regression); that every rule passes is checked by the Rust property test over random requests",
         plan_request(*args), {"vdot": 45, "progression": 0.08, "document": {"schema_version": 1}})
case("plan", "a race date in the past", "generate_plan", "the race must be at least 3 weeks after the start",
     plan_request(5000, 10, "novice", 20, race_date=PD(-7)), error={"code": "out_of_range", "field": "race_date"})
case("plan", "no available days", "generate_plan", "a plan needs days to run",
     plan_request(5000, 10, "novice", 20, available_days=[]), error={"code": "empty", "field": "available_days"})
case("plan", "a negative volume", "generate_plan", "weekly volume 5-250 km",
     plan_request(5000, 10, "novice", -20), error={"code": "out_of_range", "field": "weekly_km"})
case("plan", "a volume that is not a number", "generate_plan", "errors name the field even among the plan's own fields",
     plan_request(5000, 10, "novice", "twenty"), error={"code": "invalid_input", "field": "weekly_km"})
case("plan", "a misspelt field", "generate_plan", "unknown fields are refused, not ignored",
     {**plan_request(5000, 10, "novice", 20), "weekly_kms": 20}, error={"code": "invalid_input", "field": "weekly_kms"})
case("plan", "an impossible goal time", "generate_plan", "more than 10 % faster than the VDOT's equivalent time",
     plan_request(10000, 12, "intermediate", 40, goal_time_s=1800), error={"code": "out_of_range", "field": "goal_time_s"})
# re-planning
week_a = [psess(1, "intervals", 55, rpe=8), psess(2, "easy", 40, rpe=3), psess(3, "tempo", 45, rpe=6),
          psess(4, "easy", 40, rpe=3), psess(5, "easy", 40, rpe=3), psess(6, "long", 90, rpe=5)]
case("plan", "a missed session with no room is dropped", "replan_week",
     "never cram missed work: no later easy day is 48 h from both the tempo and the long run",
     {"log": {"schema_version": 1, "sessions": week_a}, "today": PD(2)},
     {"changes": [{"date": PD(1), "action": "dropped", "to": None}]})
week_b = [psess(1, "intervals", 55, rpe=8), psess(2, "easy", 40, rpe=3), psess(3, "easy", 40, rpe=3),
          psess(4, "easy", 40, rpe=3), psess(6, "long", 90, rpe=5)]
case("plan", "a missed session is moved where 48 h holds", "replan_week",
     "moved to the first easy day at least 48 h from every hard session",
     {"log": {"schema_version": 1, "sessions": week_b}, "today": PD(2)},
     {"changes": [{"date": PD(1), "action": "moved", "to": PD(2)}]})
case("plan", "readiness says rest", "replan_week", "today's session becomes rest",
     {"log": {"schema_version": 1, "sessions": week_b}, "today": PD(3), "readiness": "rest"},
     {"changes": [{"date": PD(1), "action": "moved", "to": PD(4)}, {"date": PD(3), "action": "rest"}]})
week_c = [psess(0, "easy", 40, rpe=3), psess(0, "intervals", 50, status="completed", rpe=8), psess(1, "threshold", 50, rpe=7),
          psess(3, "easy", 40, rpe=3), psess(6, "long", 90, rpe=5)]
case("plan", "a harder day pushes the next hard session", "replan_week", "a hard session within 48 h of another becomes easy",
     {"log": {"schema_version": 1, "sessions": week_c}, "today": PD(1)},
     {"changes": [{"date": PD(1), "action": "eased"}]})
case("plan", "go easy eases today's hard session", "replan_week", "readiness go easy: no hard session today",
     {"log": {"schema_version": 1, "sessions": week_a}, "today": PD(1), "readiness": "go_easy"},
     {"changes": [{"date": PD(1), "action": "eased"}]})
case("plan", "a day outside the plan", "replan_week", "today must fall in the plan",
     {"log": {"schema_version": 1, "sessions": week_a}, "today": "2026-01-01"}, error={"code": "out_of_range", "field": "today"})

# ---------------------------------------------------------------- calendar
# An iCalendar writer of its own (RFC 5545), from the RFC's rules rather than
# the Rust code: §3.1 content lines (CRLF, folded at 75 octets between UTF-8
# characters, continuation lines start with a space), §3.3.11 TEXT escaping,
# §3.6.1 VEVENT, §3.3.4 DATE, §3.3.5 floating DATE-TIME, §3.3.6 DURATION.
import re  # noqa: E402

VERSION = re.search(r'^version = "([^"]+)"', (OUT.parent.parent / "Cargo.toml").read_text(), re.M).group(1)
TITLES = {"rest": "Rest day", "recovery": "Recovery run", "easy": "Easy run", "long": "Long run",
          "tempo": "Tempo run", "threshold": "Threshold", "intervals": "Intervals", "hills": "Hills",
          "strides": "Strides", "race": "Race", "cross_training": "Cross-training", "strength": "Strength",
          "mobility": "Mobility", "walk": "Walk"}


def ics_text(s):
    """TEXT (§3.3.11): backslash, semicolon, comma escaped; a line break is \n; other controls a space."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\\" + c if c in "\\;," else "\\n" if c == "\n" else " " if (ord(c) < 32 and c != "\t") or ord(c) == 127 else c
                   for c in s)


def ics_line(line):
    """One content line (§3.1): at most 75 octets a line, folds between characters."""
    rows, row = [], b""
    for c in line:
        e = c.encode("utf-8")
        if len(row) + len(e) > 75:
            rows.append(row)
            row = b" "
        row += e
    rows.append(row)
    return "".join(r.decode("utf-8") + "\r\n" for r in rows)


def half_up(x):
    return math.floor(x + 0.5)


def plain(x):
    return str(int(x)) if x == int(x) else repr(x)


def ics(sessions, calendar_name="runrecovery plan", stamp=None, include="planned", include_rest=False):
    """The expected file: sessions in log order (date, then start time, untimed first)."""
    log = sorted(sessions, key=lambda s: (s["date"], s.get("start_time", "")))
    stamp = stamp.replace("-", "").replace(":", "") if stamp else log[0]["date"].replace("-", "") + "T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//runrecovery//runrecovery {VERSION}//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + ics_text(calendar_name)]
    events, place = 0, {}
    for s in log:
        place[s["date"]] = n = place.get(s["date"], 0) + 1
        status = s.get("status", "completed")
        if include != "both" and status != include or (s["kind"] == "rest" and not include_rest):
            continue
        events += 1
        day = s["date"].replace("-", "")
        uid = f"id-{ics_text(s['id'])}" if "id" in s else f"{day}-{n}"
        minutes = half_up(s["duration_s"] / 60) or (1 if s["duration_s"] > 0 else 0)
        lines += ["BEGIN:VEVENT", f"UID:{uid}@runrecovery", f"DTSTAMP:{stamp}"]
        if s.get("start_time") and minutes:
            lines += [f"DTSTART:{day}T{s['start_time'].replace(':', '')}", f"DURATION:PT{minutes}M"]
        else:
            after = (dtm.date.fromisoformat(s["date"]) + dtm.timedelta(days=1)).strftime("%Y%m%d")
            lines += [f"DTSTART;VALUE=DATE:{day}", f"DTEND;VALUE=DATE:{after}"]
        summary = TITLES[s["kind"]]
        if "distance_m" in s:
            tenths = half_up(s["distance_m"] / 100)
            summary += f" {tenths // 10}" + (f".{tenths % 10}" if tenths % 10 else "") + " km"
        if minutes:
            summary += (" · " if "distance_m" in s else " ") + f"{minutes} min"
        lines.append("SUMMARY:" + ics_text(summary))
        text = [s["notes"]] if s.get("notes") else []
        if "rpe" in s:
            text.append(("Target " if status == "planned" else "") + f"RPE {plain(s['rpe'])}/10")
        if text:
            lines.append("DESCRIPTION:" + ics_text("\n".join(text)))
        lines += [f"CATEGORIES:{s['kind']}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return {"ics": "".join(ics_line(x) for x in lines), "events": events}


def cal_doc(sessions):
    return {"schema_version": 1, "sessions": sessions}


RFC = "RFC 5545 §3.1 (CRLF, 75-octet folding), §3.3.11 (TEXT), §3.6.1 (VEVENT); the text written by this oracle's own iCalendar writer"
CAL_WEEK = [
    psess(0, "easy", 40, km=8, rpe=3) | {"notes": "easy aerobic running: most of the week, at conversation pace"},
    psess(1, "intervals", 55, rpe=8) | {"id": "w1;tue", "start_time": "06:30:00",
                                        "notes": "intervals at I pace: aerobic power (VO2max)"},
    psess(2, "rest", 0),
    psess(3, "threshold", 50, km=10, rpe=7) | {"notes": "threshold: raise the pace you can hold for an hour"},
    psess(6, "long", 95, km=16.85, rpe=5) | {"notes": "long run at E pace: endurance, fat use, durability"},
    psess(-1, "long", 90, status="completed", km=15, rpe=5),
]
case("calendar", "a week of a plan as an iCalendar file", "to_icalendar", RFC + "; the DESCRIPTION of the easy run folds at exactly 75 octets",
     {"log": cal_doc(CAL_WEEK), "calendar_name": "Spring 10K", "stamp": "2027-01-01T08:00:00Z"},
     ics(CAL_WEEK, calendar_name="Spring 10K", stamp="2027-01-01T08:00:00Z"))
case("calendar", "completed and rest sessions too, default stamp", "to_icalendar",
     RFC + "; DTSTAMP defaults to the log's first date at 00:00:00Z",
     {"log": cal_doc(CAL_WEEK), "include": "both", "include_rest": True}, ics(CAL_WEEK, include="both", include_rest=True))
case("calendar", "only what was done", "to_icalendar", RFC,
     {"log": cal_doc(CAL_WEEK), "include": "completed"}, ics(CAL_WEEK, include="completed"))
CAL_TIMED = [
    psess(0, "strides", 0) | {"duration_s": 20, "start_time": "18:05:30"},
    psess(0, "tempo", 0, km=15.05) | {"duration_s": 3330, "start_time": "07:00:00"},
    psess(0, "cross_training", 45, rpe=4.5) | {"modality": "cycling", "notes": "spin; keep it easy\r\nno standing"},
    psess(1, "easy", 40, rpe=3) | {"id": "garmin,1\\a", "notes": "x" * 62 + "é and on"},
    psess(1, "rest", 0) | {"start_time": "07:00:00"},
]
case("calendar", "timed and all-day events, escaping, a 2-octet character at the fold", "to_icalendar",
     RFC + "; §3.3.5 floating local time with §3.3.6 DURATION in whole minutes (3330 s → 56 min, 20 s → 1 min); "
     "a rest day of 0 s is all-day; 'é' would end at octet 76 and moves to the next line",
     {"log": cal_doc(CAL_TIMED), "include_rest": True, "stamp": "2026-12-31T23:59:59Z"},
     ics(CAL_TIMED, include_rest=True, stamp="2026-12-31T23:59:59Z"))
case("calendar", "a calendar name with control characters is escaped", "to_icalendar",
     RFC + "; TEXT cannot hold control characters other than a tab: a line break becomes \\n, the rest a space",
     {"log": cal_doc(CAL_TIMED[:1]), "calendar_name": "10K; Spring,\r\n2027\u0007\tplan"},
     ics(CAL_TIMED[:1], calendar_name="10K; Spring,\r\n2027\u0007\tplan"))
case("calendar", "nothing selected is an empty calendar", "to_icalendar", RFC + "; a VCALENDAR with no events",
     {"log": cal_doc([psess(0, "easy", 40, status="completed")])}, ics([psess(0, "easy", 40, status="completed")]))
for label, stamp in [("a date without a time", "2027-01-04"), ("a local time", "2027-01-04T06:30:00"),
                     ("an offset", "2027-01-04T06:30:00+01:00"), ("a day that does not exist", "2027-02-30T00:00:00Z")]:
    case("calendar", f"a stamp that is {label}", "to_icalendar", "DTSTAMP is a UTC date-time (RFC 5545 §3.8.7.2): YYYY-MM-DDTHH:MM:SSZ",
         {"log": cal_doc(CAL_WEEK), "stamp": stamp}, error={"code": "invalid_input", "field": "stamp"})
case("calendar", "a stamp in 1800", "to_icalendar", "dates from 1900 to 2200",
     {"log": cal_doc(CAL_WEEK), "stamp": "1800-01-01T00:00:00Z"}, error={"code": "out_of_range", "field": "stamp"})
case("calendar", "include all", "to_icalendar", "include is planned, completed or both",
     {"log": cal_doc(CAL_WEEK), "include": "all"}, error={"code": "invalid_input", "field": "include"})
case("calendar", "a misspelt option", "to_icalendar", "unknown fields are refused, not ignored",
     {"log": cal_doc(CAL_WEEK), "name": "x"}, error={"code": "invalid_input", "field": "name"})
case("calendar", "a bad session", "to_icalendar", "the log is validated as everywhere",
     {"log": cal_doc([psess(0, "easy", 40, rpe=11)])}, error={"code": "out_of_range", "field": "log.sessions[0].rpe"})
case("calendar", "an empty log", "to_icalendar", "an empty log is an error (an empty selection is not)",
     {"log": cal_doc([])}, error={"code": "empty", "field": "log.sessions"})

for name, cases in files.items():
    (OUT / f"{name}.json").write_text(json.dumps({"cases": cases}, indent=1, ensure_ascii=False) + "\n")
    print(name, len(cases))
