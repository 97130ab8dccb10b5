//! The model's laws, checked on random inputs (proptest).

use chrono::NaiveDate;
use proptest::prelude::*;
use runrecovery_core::athlete::{Athlete, Sex};
use runrecovery_core::load::{self, LoadMethod, LoadOptions, SdKind, TrimpCoefficients, WeekMode};
use runrecovery_core::log::{DuplicatePolicy, TrainingLog};
use runrecovery_core::performance;
use runrecovery_core::session::{HrBin, Session, SessionKind, Status};
use runrecovery_core::zones::{ZoneSystem, zone_table};

fn athlete() -> impl Strategy<Value = Athlete> {
    (
        any::<bool>(),
        170.0..205.0f64,
        40.0..70.0f64,
        0.82..0.95f64,
        200.0..400.0f64,
        150.0..400.0f64,
    )
        .prop_map(|(male, max, rest, lthr_f, pace, cp)| Athlete {
            sex: Some(if male { Sex::Male } else { Sex::Female }),
            hr_max_bpm: Some(max),
            hr_rest_bpm: Some(rest),
            lthr_bpm: Some(lthr_f * max),
            vt1_hr_bpm: Some(rest + 0.6 * (max - rest)),
            vt2_hr_bpm: Some(rest + 0.85 * (max - rest)),
            threshold_pace_s_per_km: Some(pace),
            critical_power_w: Some(cp),
            ..Athlete::default()
        })
}

/// A session whose heart rates lie between the athlete's resting and maximal values.
fn session_for(a: &Athlete, minutes: f64, hr_f: f64, pace: f64, power: f64, rpe: f64) -> Session {
    let (max, rest) = (a.hr_max_bpm.unwrap(), a.hr_rest_bpm.unwrap());
    let mut s = Session::new(
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        SessionKind::Tempo,
        minutes * 60.0,
    );
    let hr = rest + hr_f * (max - rest);
    s.avg_hr_bpm = Some(hr);
    s.hr_histogram = Some(vec![
        HrBin {
            hr_bpm: hr,
            seconds: minutes * 30.0,
        },
        HrBin {
            hr_bpm: (hr + 5.0).min(max),
            seconds: minutes * 30.0,
        },
    ]);
    s.distance_m = Some(minutes * 60.0 / pace * 1000.0);
    s.avg_power_w = Some(power);
    s.rpe = Some(rpe);
    s
}

const METHODS: [LoadMethod; 8] = [
    LoadMethod::Auto,
    LoadMethod::SessionRpe,
    LoadMethod::BanisterTrimp,
    LoadMethod::EdwardsTrimp,
    LoadMethod::LuciaTrimp,
    LoadMethod::Rtss,
    LoadMethod::PowerTss,
    LoadMethod::HrTss,
];

proptest! {
    #[test]
    fn loads_are_never_negative_and_grow_with_minutes(
        a in athlete(),
        minutes in 1.0..300.0f64,
        extra in 0.0..120.0f64,
        hr_f in 0.0..0.97f64,
        pace in 180.0..600.0f64,
        power in 50.0..500.0f64,
        rpe in 0.0..=10.0f64,
    ) {
        for method in METHODS {
            for c in [TrimpCoefficients::SexSpecific, TrimpCoefficients::GoldenCheetah] {
                let opts = LoadOptions { method, trimp_coefficients: c, ..LoadOptions::default() };
                let short = load::session_load(&session_for(&a, minutes, hr_f, pace, power, rpe), &a, &opts).unwrap();
                let long = load::session_load(&session_for(&a, minutes + extra, hr_f, pace, power, rpe), &a, &opts).unwrap();
                prop_assert!(short.value >= 0.0, "{method:?} gave {}", short.value);
                prop_assert!(long.value >= short.value - 1e-9 * short.value.abs(), "{method:?}: {} < {}", long.value, short.value);
            }
        }
    }

    #[test]
    fn zone_classification_is_monotone_in_intensity(a in athlete(), x in 0.0..1.0f64, y in 0.0..1.0f64) {
        let (lo, hi) = if x <= y { (x, y) } else { (y, x) };
        let (max, rest) = (a.hr_max_bpm.unwrap(), a.hr_rest_bpm.unwrap());
        for system in [ZoneSystem::HrMax, ZoneSystem::HrReserve, ZoneSystem::LthrFriel, ZoneSystem::LthrGoldenCheetah] {
            let t = zone_table(&a, system).unwrap();
            let z = |f: f64| t.classify(rest + f * (max - rest)).unwrap();
            prop_assert!(z(lo) <= z(hi), "{system:?}");
        }
        // Pace: a faster pace (fewer s/km) is never an easier zone.
        for system in [ZoneSystem::PaceThreshold, ZoneSystem::PaceDaniels] {
            let mut a = a.clone();
            a.vdot = Some(50.0);
            let t = zone_table(&a, system).unwrap();
            let z = |f: f64| t.classify(600.0 - f * 420.0).unwrap();
            prop_assert!(z(lo) <= z(hi), "{system:?}");
        }
        let power = zone_table(&a, ZoneSystem::PowerCp).unwrap();
        prop_assert!(power.classify(lo * 600.0).unwrap() <= power.classify(hi * 600.0).unwrap());
        let rpe = zone_table(&a, ZoneSystem::Rpe).unwrap();
        prop_assert!(rpe.classify(lo * 10.0).unwrap() <= rpe.classify(hi * 10.0).unwrap());
    }

    #[test]
    fn vdot_equivalent_time_round_trip(vdot in 25.0..85.0f64, d in prop::sample::select(vec![1500.0, 5000.0, 10_000.0, 21_097.5, 42_195.0])) {
        let t = performance::equivalent_time_s(vdot, d).unwrap();
        let back = performance::vdot_from_race(d, t).unwrap();
        prop_assert!((back - vdot).abs() < 1e-6, "{vdot} -> {t} s -> {back}");
    }

    #[test]
    fn log_json_round_trip_is_lossless(
        entries in prop::collection::vec((0u64..60, 0usize..14, 0.0..7200.0f64, prop::option::of(0.0..=10.0f64), any::<bool>()), 1..40)
    ) {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let sessions: Vec<Session> = entries.iter().map(|&(day, k, secs, rpe, planned)| {
            let kind = SessionKind::ALL[k];
            let mut s = Session::new(start + chrono::Days::new(day), kind, if kind == SessionKind::Rest { 0.0 } else { secs + 1.0 });
            s.rpe = rpe;
            s.status = if planned { Status::Planned } else { Status::Completed };
            s
        }).collect();
        let log = TrainingLog::new(None, sessions, DuplicatePolicy::DropExact).unwrap();
        let again = TrainingLog::from_json(&log.to_json()).unwrap();
        prop_assert_eq!(again, log);
    }

    #[test]
    fn monotony_is_scale_free_and_strain_scales(loads in prop::collection::vec(0.0..500.0f64, 7), k in 0.1..10.0f64) {
        let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let scaled: Vec<f64> = loads.iter().map(|x| x * k).collect();
        let a = &load::weekly_loads(start, &loads, WeekMode::Calendar, SdKind::Sample).unwrap()[0];
        let b = &load::weekly_loads(start, &scaled, WeekMode::Calendar, SdKind::Sample).unwrap()[0];
        if let (Some(m1), Some(m2)) = (a.monotony, b.monotony) {
            prop_assert!((m1 - m2).abs() <= 1e-9 * m1.abs().max(1.0));
            prop_assert!((b.strain.unwrap() - k * a.strain.unwrap()).abs() <= 1e-6 * b.strain.unwrap().abs().max(1.0));
        }
    }
}

mod engine {
    use proptest::prelude::*;
    use runrecovery_core::model::banister::{self, BanisterParams, FitOptions, LoadTiming};
    use runrecovery_core::model::{self, FormDay, Gain, PmcOptions};

    fn options() -> impl Strategy<Value = PmcOptions> {
        (
            2.0..80.0f64,
            1.0..20.0f64,
            any::<bool>(),
            any::<bool>(),
            0.0..200.0f64,
            0.0..200.0f64,
        )
            .prop_map(|(c, a, lin, same, s1, s2)| PmcOptions {
                fitness_days: c,
                fatigue_days: a,
                gain: if lin { Gain::Linear } else { Gain::Exponential },
                form_day: if same {
                    FormDay::SameDay
                } else {
                    FormDay::NextDay
                },
                fitness_seed: s1,
                fatigue_seed: s2,
            })
    }

    fn params() -> impl Strategy<Value = BanisterParams> {
        (
            0.0..100.0f64,
            0.01..2.0f64,
            20.0..80.0f64,
            0.01..4.0f64,
            2.0..19.0f64,
        )
            .prop_map(|(p0, k1, tau1, k2, tau2)| BanisterParams {
                p0,
                k1,
                tau1,
                k2,
                tau2,
            })
    }

    proptest! {
        #[test]
        fn batch_equals_one_athlete_at_a_time(o in options(), loads in prop::collection::vec(0.0..300.0f64, 3..90)) {
            let days = loads.len() / 3;
            let loads = &loads[..days * 3];
            let n = loads.len();
            let (mut c, mut a, mut f) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
            model::pmc_batch(loads, days, &o, &mut c, &mut a, &mut f).unwrap();
            let (mut lc, mut la, mut lf) = (vec![0.0; 3], vec![0.0; 3], vec![0.0; 3]);
            model::pmc_batch_latest(loads, days, &o, &mut lc, &mut la, &mut lf).unwrap();
            for k in 0..3 {
                let one = model::pmc(&loads[k * days..(k + 1) * days], &o).unwrap();
                prop_assert_eq!(&c[k * days..(k + 1) * days], &one.fitness[..]);
                prop_assert_eq!(&f[k * days..(k + 1) * days], &one.form[..]);
                prop_assert_eq!(lc[k], one.fitness[days - 1]);
                prop_assert_eq!(la[k], one.fatigue[days - 1]);
                prop_assert_eq!(lf[k], one.form[days - 1]);
            }
        }

        #[test]
        fn stepping_day_by_day_equals_the_whole_series(o in options(), loads in prop::collection::vec(0.0..300.0f64, 2..60)) {
            let whole = model::pmc(&loads, &o).unwrap();
            let (mut c, mut a) = (o.fitness_seed, o.fatigue_seed);
            for (i, &w) in loads.iter().enumerate() {
                let step = model::pmc(&[w], &PmcOptions { fitness_seed: c, fatigue_seed: a, ..o }).unwrap();
                prop_assert!((step.fitness[0] - whole.fitness[i]).abs() <= 1e-9 * whole.fitness[i].abs().max(1.0));
                prop_assert!((step.form[0] - whole.form[i]).abs() <= 1e-9 * whole.form[i].abs().max(1.0));
                c = step.fitness[0];
                a = step.fatigue[0];
            }
        }

        #[test]
        fn zero_load_decays_monotonically(o in options(), days in 1usize..200) {
            let p = model::pmc(&vec![0.0; days], &o).unwrap();
            let mut prev = (o.fitness_seed, o.fatigue_seed);
            for i in 0..days {
                prop_assert!(p.fitness[i] <= prev.0 && p.fitness[i] >= 0.0);
                prop_assert!(p.fatigue[i] <= prev.1 && p.fatigue[i] >= 0.0);
                prev = (p.fitness[i], p.fatigue[i]);
            }
        }

        #[test]
        fn banister_is_linear_in_the_loads(
            p in params(),
            a in prop::collection::vec(0.0..200.0f64, 40),
            b in prop::collection::vec(0.0..200.0f64, 40),
            next in any::<bool>(),
        ) {
            let t = if next { LoadTiming::NextDay } else { LoadTiming::SameDay };
            let sum: Vec<f64> = a.iter().zip(&b).map(|(x, y)| x + y).collect();
            let (pa, pb, ps) = (
                banister::simulate(&a, &p, t).unwrap(),
                banister::simulate(&b, &p, t).unwrap(),
                banister::simulate(&sum, &p, t).unwrap(),
            );
            for i in 0..40 {
                // Superposition: the responses add, the baseline counts once.
                let want = pa[i] + pb[i] - p.p0;
                prop_assert!((ps[i] - want).abs() <= 1e-9 * want.abs().max(1.0));
            }
        }
    }

    proptest! {
        // Each case is a full fit: fewer cases keep the suite quick.
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn fitted_sse_is_never_worse_than_the_start(
            p in params(),
            loads in prop::collection::vec(0.0..150.0f64, 200),
            noise in prop::collection::vec(-2.0..2.0f64, 20),
        ) {
            let perf = banister::simulate(&loads, &p, LoadTiming::SameDay).unwrap();
            let tests: Vec<(usize, f64)> = (0..20).map(|i| (5 + i * 10, perf[5 + i * 10] + noise[i])).collect();
            let f = banister::fit(&loads, &tests, &FitOptions::default()).unwrap();
            prop_assert!(f.sse <= f.initial_sse);
            prop_assert!(f.sse >= 0.0 && f.params.k1 >= 0.0 && f.params.k2 >= 0.0 && f.params.tau2 < f.params.tau1);
        }
    }
}

mod recovery_and_readiness {
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use runrecovery_core::readiness::{
        DayMarkers, Hrv, HrvIndex, ReadinessOptions, Status, Wellness, readiness,
    };
    use runrecovery_core::recovery::{RecoveryInputs, prescribe};
    use runrecovery_core::session::{Session, SessionKind};

    fn history(seed: u64, n: u64) -> Vec<DayMarkers> {
        (0..n)
            .map(|i| {
                let j = (i * 7 + seed) % 11;
                let mut m = DayMarkers::new(
                    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(i),
                );
                m.hrv = Some(Hrv {
                    value: 55.0 + j as f64,
                    index: HrvIndex::RmssdMs,
                });
                m.resting_hr_bpm = Some(47.0 + (j % 4) as f64);
                m.sleep_h = Some(7.0 + (j % 3) as f64 * 0.5);
                m.wellness = Some(Wellness {
                    sleep_quality: Some(2.0 + (j % 3) as f64),
                    fatigue: Some(3.0 + (j % 2) as f64),
                    stress: Some(2.0 + (j % 2) as f64),
                    soreness: Some(2.0 + (j % 3) as f64),
                    ..Wellness::default()
                });
                m
            })
            .collect()
    }

    fn rank(s: Status) -> u8 {
        match s {
            Status::Go => 0,
            Status::NotEnoughData => 1,
            Status::GoEasy => 2,
            Status::Rest => 3,
        }
    }

    proptest! {
        #[test]
        fn readiness_never_improves_when_a_marker_gets_worse(
            seed in 0u64..50,
            which in 0usize..4,
            a in 0.0..1.0f64,
            b in 0.0..1.0f64,
        ) {
            let (better, worse) = if a <= b { (a, b) } else { (b, a) };
            let mut d = history(seed, 40);
            let set = |d: &mut Vec<DayMarkers>, x: f64| {
                let t = d.last_mut().unwrap();
                match which {
                    0 => t.hrv = Some(Hrv { value: 70.0 - 50.0 * x, index: HrvIndex::RmssdMs }),
                    1 => t.resting_hr_bpm = Some(45.0 + 20.0 * x),
                    2 => t.sleep_h = Some(9.0 - 6.0 * x),
                    _ => t.wellness.as_mut().unwrap().soreness = Some(1.0 + 6.0 * x),
                }
            };
            set(&mut d, better);
            let r_better = readiness(&d, None, &ReadinessOptions::default()).unwrap();
            set(&mut d, worse);
            let r_worse = readiness(&d, None, &ReadinessOptions::default()).unwrap();
            prop_assert!(r_worse.score <= r_better.score);
            prop_assert!(rank(r_worse.status) >= rank(r_better.status));
        }

        #[test]
        fn hrv_in_ms_or_ln_gives_the_same_answer(seed in 0u64..50, today in 20.0..100.0f64) {
            let mut d = history(seed, 30);
            d.last_mut().unwrap().hrv = Some(Hrv { value: today, index: HrvIndex::RmssdMs });
            let ln: Vec<DayMarkers> = d.iter().map(|m| {
                let mut m = m.clone();
                m.hrv = m.hrv.map(|h| Hrv { value: h.value.ln(), index: HrvIndex::LnRmssd });
                m
            }).collect();
            let o = ReadinessOptions::default();
            prop_assert_eq!(readiness(&d, None, &o).unwrap(), readiness(&ln, None, &o).unwrap());
        }

        #[test]
        fn prescriptions_scale_linearly_with_body_mass(
            mass in 40.0..120.0f64,
            k in 0.5..1.8f64,
            minutes in 20.0..240.0f64,
            gap in prop::option::of(1.0..72.0f64),
        ) {
            let mut s = Session::new(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(), SessionKind::Long, minutes * 60.0);
            s.rpe = Some(6.0);
            let x = RecoveryInputs { hours_to_next_session: gap, ..Default::default() };
            let m2 = (mass * k).min(250.0);
            let k = m2 / mass;
            let (a, b) = (prescribe(&s, mass, &x).unwrap(), prescribe(&s, m2, &x).unwrap());
            let close = |x: f64, y: f64| (x * k - y).abs() <= 1e-9 * y.abs().max(1.0);
            prop_assert!(close(a.protein.grams[0], b.protein.grams[0]));
            prop_assert!(close(a.carbohydrate.daily_grams[0], b.carbohydrate.daily_grams[0]));
            prop_assert!(close(a.carbohydrate.daily_grams[1], b.carbohydrate.daily_grams[1]));
            if let (Some(p), Some(q)) = (a.carbohydrate.grams_per_hour, b.carbohydrate.grams_per_hour) {
                prop_assert!(close(p[0], q[0]) && close(p[1], q[1]));
            }
        }
    }
}

mod supercompensation_laws {
    use proptest::prelude::*;
    use runrecovery_core::log::TrainingLog;
    use runrecovery_core::supercompensation::{RecoveryOptions, recovery_state};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn per_system_fatigue_is_never_negative(
            sessions in prop::collection::vec((0u32..20, 0usize..14, 10.0..180.0f64, 0.0..=10.0f64), 1..15),
            hour in 0u32..24,
        ) {
            let kinds = ["rest","recovery","easy","long","tempo","threshold","intervals","hills","strides","race","cross_training","strength","mobility","walk"];
            let list: Vec<String> = sessions.iter().map(|&(d, k, m, rpe)| {
                let dur = if kinds[k] == "rest" { 0.0 } else { m * 60.0 };
                format!(r#"{{"date": "2026-03-{:02}", "kind": "{}", "duration_s": {dur}, "rpe": {rpe}}}"#, d + 1, kinds[k])
            }).collect();
            let log = TrainingLog::from_value(
                serde_json::from_str(&format!(r#"{{"schema_version": 1, "sessions": [{}]}}"#, list.join(","))).unwrap(),
                runrecovery_core::log::DuplicatePolicy::DropExact,
            ).unwrap();
            let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 22).unwrap().and_hms_opt(hour, 0, 0).unwrap();
            let s = recovery_state(&log, &Default::default(), at, &RecoveryOptions::default()).unwrap();
            prop_assert!(s.systems.iter().all(|x| x.fatigue >= 0.0 && x.fatigue.is_finite()));
        }
    }
}

mod taper_laws {
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use runrecovery_core::log::{DuplicatePolicy, TrainingLog};
    use runrecovery_core::session::{Session, SessionKind, Status};
    use runrecovery_core::taper::{TaperShape, TaperSpec, apply};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn a_taper_never_raises_any_days_volume(
            minutes in prop::collection::vec(20.0..150.0f64, 28),
            length in 8u32..=21,
            cut in 0.41..=0.60f64,
            shape in 0usize..4,
            tau in 2.0..30.0f64,
            rise in 0.0..0.5f64,
        ) {
            let start = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
            let sessions: Vec<Session> = minutes.iter().enumerate().map(|(d, m)| {
                let mut s = Session::new(start + chrono::Days::new(d as u64), if d % 3 == 0 { SessionKind::Intervals } else { SessionKind::Easy }, m * 60.0);
                s.status = Status::Planned;
                s
            }).collect();
            let log = TrainingLog::new(None, sessions.clone(), DuplicatePolicy::Reject).unwrap();
            let shape = [TaperShape::Step, TaperShape::Linear, TaperShape::Exponential { tau_days: tau }, TaperShape::TwoPhase { rise }][shape];
            let race = start + chrono::Days::new(28);
            let t = apply(&log, race, &TaperSpec { length_days: length, volume_cut: cut, shape, frequency_cut: 0.0 }).unwrap();
            for (before, after) in sessions.iter().zip(&t.plan.sessions) {
                prop_assert!(after.duration_s <= before.duration_s + 1e-9);
                prop_assert_eq!(after.kind, before.kind);
            }
            // The cut is the mean daily factor; weighted by uneven days the volume falls by about as much.
            prop_assert!(t.volume_after_s < t.volume_before_s);
        }
    }
}

mod plan_laws {
    use chrono::{NaiveDate, Weekday};
    use proptest::prelude::*;
    use runrecovery_core::athlete::Athlete;
    use runrecovery_core::log::{DuplicatePolicy, TrainingLog};
    use runrecovery_core::plan::{Experience, PlanRequest, generate, replan};
    use runrecovery_core::readiness::Status as Readiness;
    use runrecovery_core::rules::{self, RulesOptions, Scope, Severity, is_hard};
    use runrecovery_core::session::Status;

    fn request() -> impl Strategy<Value = PlanRequest> {
        (
            prop::sample::select(vec![5_000.0, 10_000.0, 21_097.5, 42_195.0]),
            4u64..24,
            0usize..3,
            15.0..90.0f64,
            30.0..70.0f64,
            prop::sample::subsequence(vec![0u32, 1, 2, 3, 4, 5, 6], 3..=7),
            0u32..7,
            prop::option::of(1u32..=3),
            0u64..7,
        )
            .prop_map(|(d, weeks, e, km, vdot, days, long, hard, offset)| {
                let start =
                    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap() + chrono::Days::new(offset);
                let mut available: Vec<Weekday> = days
                    .iter()
                    .map(|&i| Weekday::try_from(i as u8).unwrap())
                    .collect();
                let long = Weekday::try_from(long as u8).unwrap();
                if !available.contains(&long) {
                    available.push(long);
                }
                PlanRequest {
                    start,
                    race_date: start + chrono::Days::new(7 * weeks),
                    race_distance_m: d,
                    goal_time_s: None,
                    weekly_km: km,
                    long_run_km: None,
                    vdot: Some(vdot),
                    available_days: Some(available),
                    long_run_day: Some(long),
                    experience: [
                        Experience::Novice,
                        Experience::Intermediate,
                        Experience::Experienced,
                    ][e],
                    hard_sessions_per_week: hard,
                }
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn generated_plans_pass_every_rule(r in request()) {
            // Either a plan that passes every rule, or a clear refusal.
            let p = match generate(&r, &Athlete::default()) {
                Ok(p) => p,
                Err(e) => {
                    prop_assert_eq!(e.code(), "inconsistent");
                    return Ok(());
                }
            };
            let log = TrainingLog::new(None, p.document.sessions.clone(), DuplicatePolicy::Reject).unwrap();
            let f = rules::check(&log, &Athlete::default(), Some(r.race_date), &RulesOptions { scope: Scope::Planned, ..Default::default() }).unwrap();
            let bad: Vec<_> = f.iter().filter(|x| x.severity != Severity::Info).collect();
            prop_assert!(bad.is_empty(), "{:#?}", bad);
        }

        #[test]
        fn replanning_never_puts_hard_sessions_within_48h(r in request(), missed in 0usize..5, day in 0u64..7, status in 0usize..3) {
            let Ok(p) = generate(&r, &Athlete::default()) else { return Ok(()) };
            // Mark the first days of the plan done as planned, except one missed session.
            let today = r.start + chrono::Days::new(7 + day);
            let mut sessions = p.document.sessions.clone();
            let mut done = Vec::new();
            for (k, s) in sessions.iter().filter(|s| s.date < today).enumerate() {
                if k != missed {
                    let mut c = s.clone();
                    c.status = Status::Completed;
                    c.id = Some(format!("done-{k}"));
                    done.push(c);
                }
            }
            sessions.extend(done);
            let log = TrainingLog::new(None, sessions, DuplicatePolicy::Reject).unwrap();
            let readiness = [None, Some(Readiness::GoEasy), Some(Readiness::Rest)][status];
            let out = replan(&log, today.min(r.race_date - chrono::Days::new(1)), readiness).unwrap();
            let mut hard: Vec<NaiveDate> = out.document.sessions.iter()
                .filter(|s| is_hard(s) && (s.status == Status::Completed || s.date >= today))
                .map(|s| s.date).collect();
            hard.sort();
            hard.dedup();
            for w in hard.windows(2) {
                prop_assert!((w[1] - w[0]).num_days() >= 2, "{:?}", hard);
            }
        }
    }
}

mod taper_optimizer {
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use runrecovery_core::athlete::Athlete;
    use runrecovery_core::load::LoadMethod;
    use runrecovery_core::log::{DuplicatePolicy, TrainingLog};
    use runrecovery_core::session::{Session, SessionKind, Status};
    use runrecovery_core::taper::{TaperModel, optimize};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]
        #[test]
        fn the_best_taper_scores_at_least_every_candidate_reported(minutes in prop::collection::vec(0.0..120.0f64, 56)) {
            let start = NaiveDate::from_ymd_opt(2026, 5, 4).unwrap();
            let sessions: Vec<Session> = minutes.iter().enumerate().filter(|(_, m)| **m >= 10.0).map(|(d, m)| {
                let mut s = Session::new(start + chrono::Days::new(d as u64), SessionKind::Easy, m * 60.0);
                s.rpe = Some(4.0);
                s.status = if d < 28 { Status::Completed } else { Status::Planned };
                s
            }).collect();
            prop_assume!(sessions.iter().any(|s| s.status == Status::Planned));
            let log = TrainingLog::new(None, sessions, DuplicatePolicy::Reject).unwrap();
            let o = optimize(&log, &Athlete::default(), start + chrono::Days::new(56), LoadMethod::SessionRpe, TaperModel::DefaultBusso, 10).unwrap();
            prop_assert!(o.alternatives.iter().all(|a| a.performance <= o.best.performance));
        }
    }
}
