//! Advice that cannot contradict itself (issue 12): no output of one call
//! recommends what another output of the same call, or the readiness it was
//! given, forbids. Checked on random inputs (proptest).

use chrono::NaiveDate;
use proptest::prelude::*;
use runrecovery_core::athlete::Athlete;
use runrecovery_core::log::{DuplicatePolicy, TrainingLog};
use runrecovery_core::plan::{Experience, PlanRequest, forbidden_by, generate_given, replan};
use runrecovery_core::readiness::Status as Readiness;
use runrecovery_core::rules::{self, RulesOptions, Scope, Severity};
use runrecovery_core::session::{Session, SessionKind, Status};
use runrecovery_core::supercompensation::{RecoveryOptions, next_quality_session_given};

fn day(d: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap() + chrono::Days::new(d)
}

/// Up to 12 completed sessions in the 3 weeks before day 21 (today).
fn sessions() -> impl Strategy<Value = Vec<Session>> {
    prop::collection::vec(
        (0u64..=21, 0usize..14, 10.0..150.0f64, 1.0..=10.0f64),
        1..12,
    )
    .prop_map(|entries| {
        entries
            .into_iter()
            .map(|(d, k, minutes, rpe)| {
                let kind = SessionKind::ALL[k];
                let secs = if kind == SessionKind::Rest {
                    0.0
                } else {
                    minutes * 60.0
                };
                let mut s = Session::new(day(d), kind, secs);
                s.rpe = Some(rpe);
                s.status = Status::Completed;
                s
            })
            .collect()
    })
}

const STATUSES: [Option<Readiness>; 5] = [
    None,
    Some(Readiness::Go),
    Some(Readiness::GoEasy),
    Some(Readiness::Rest),
    Some(Readiness::NotEnoughData),
];

const QUALITY: [SessionKind; 6] = [
    SessionKind::Tempo,
    SessionKind::Threshold,
    SessionKind::Intervals,
    SessionKind::Hills,
    SessionKind::Race,
    SessionKind::Long,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// `earliest` and `best` are days the same answer calls safe, and a
    /// readiness other than go keeps both off today.
    #[test]
    fn next_quality_session_respects_its_own_days_and_the_readiness(
        sessions in sessions(),
        status in 0usize..5,
        kind in 0usize..6,
        horizon in 1u32..20,
    ) {
        let log = TrainingLog::new(None, sessions, DuplicatePolicy::DropExact).unwrap();
        let today = day(21);
        let readiness = STATUSES[status];
        let o = RecoveryOptions { horizon_days: horizon, ..RecoveryOptions::default() };
        let n = next_quality_session_given(&log, &Athlete::default(), today, QUALITY[kind], readiness, &o).unwrap();
        let forbids_today = readiness.is_some_and(|r| r != Readiness::Go);
        if forbids_today {
            prop_assert!(n.earliest > today, "{:?}: earliest {}", readiness, n.earliest);
            prop_assert!(n.best > today, "{:?}: best {}", readiness, n.best);
            prop_assert!(!n.days[0].safe);
            prop_assert!(n.reason.contains("readiness"), "{}", n.reason);
        }
        prop_assert!(n.best >= n.earliest);
        // A day called earliest or best within the horizon is one the answer calls safe.
        for d in [n.earliest, n.best] {
            if let Some(c) = n.days.iter().find(|c| c.date == d) {
                if n.days.iter().any(|c| c.safe) {
                    prop_assert!(c.safe, "{} is not safe: {:?}", d, n.days);
                }
            }
        }
        // "ready today" only when today is safe.
        prop_assert_eq!(n.reason == "ready today", n.earliest == today && n.days[0].safe);
    }
}

/// A plan request starting on any weekday, to a race 4–20 weeks later.
fn plan_request() -> impl Strategy<Value = PlanRequest> {
    (
        prop::sample::select(vec![5_000.0, 10_000.0, 21_097.5, 42_195.0]),
        4u64..20,
        0usize..3,
        15.0..90.0f64,
        30.0..70.0f64,
        0u64..7,
        prop::option::of(1u32..=3),
    )
        .prop_map(|(d, weeks, e, km, vdot, offset, hard)| {
            let start = day(0) + chrono::Days::new(offset);
            PlanRequest {
                start,
                race_date: start + chrono::Days::new(7 * weeks),
                race_distance_m: d,
                goal_time_s: None,
                weekly_km: km,
                long_run_km: None,
                vdot: Some(vdot),
                available_days: None,
                long_run_day: None,
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
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The generated plan puts nothing on its first day that the readiness
    /// given forbids, still passes every rule, and each session's words agree
    /// with its numbers.
    #[test]
    fn a_plan_respects_the_readiness_it_was_given(r in plan_request(), status in 0usize..5) {
        let readiness = STATUSES[status];
        let p = match generate_given(&r, &Athlete::default(), readiness) {
            Ok(p) => p,
            Err(e) => {
                prop_assert_eq!(e.code(), "inconsistent");
                return Ok(());
            }
        };
        if let Some(status) = readiness {
            for s in p.document.sessions.iter().filter(|s| s.date == r.start) {
                prop_assert!(!forbidden_by(status, s), "{:?} on a {:?} day", s.kind, status);
            }
        }
        let log = TrainingLog::new(None, p.document.sessions.clone(), DuplicatePolicy::Reject).unwrap();
        let f = rules::check(&log, &Athlete::default(), Some(r.race_date), &RulesOptions { scope: Scope::Planned, ..Default::default() }).unwrap();
        let bad: Vec<_> = f.iter().filter(|x| x.severity != Severity::Info).collect();
        prop_assert!(bad.is_empty(), "{:#?}", bad);
        for ps in &p.sessions {
            let s = &ps.session;
            let km = s.distance_m.unwrap_or(0.0) / 1000.0;
            // A quality session's work is a part of it, at the target pace; the description says both.
            if let Some(work) = ps.work_km {
                prop_assert!(work > 0.0 && work < km, "{:?}", ps);
                prop_assert!(ps.description.contains(&format!("{work:.1} km")), "{}", ps.description);
                prop_assert!(ps.description.contains("E pace"), "{}", ps.description);
            }
            if s.kind == SessionKind::Rest {
                prop_assert!(ps.target_zone.is_none() && ps.description == "rest", "{:?}", ps);
            } else {
                prop_assert!(ps.description.contains(&format!("{km:.1} km")), "{}", ps.description);
                prop_assert!(ps.description.contains(&format!("{:.0} min", (s.duration_s / 60.0).round())), "{}", ps.description);
            }
            // A session eased to an easy run is no longer targeted at a hard pace.
            if s.kind == SessionKind::Easy {
                prop_assert_eq!(ps.target_zone, Some(runrecovery_core::performance::Intensity::Easy));
            }
        }
    }

    /// Re-planning leaves nothing on today that today's readiness forbids.
    #[test]
    fn a_replan_respects_todays_readiness(r in plan_request(), day in 0u64..21, status in 1usize..5) {
        let Ok(p) = generate_given(&r, &Athlete::default(), None) else { return Ok(()) };
        let log = TrainingLog::new(None, p.document.sessions.clone(), DuplicatePolicy::Reject).unwrap();
        let today = log.date_range().0 + chrono::Days::new(day);
        let readiness = STATUSES[status];
        let out = replan(&log, today, readiness).unwrap();
        let status = readiness.unwrap();
        for s in out.document.sessions.iter().filter(|s| s.date == today && s.status == Status::Planned) {
            prop_assert!(!forbidden_by(status, s), "{:?} today on {:?}: {:?}", s.kind, status, out.changes);
        }
    }
}

mod taper {
    use super::*;
    use runrecovery_core::load::LoadMethod;
    use runrecovery_core::taper::{LENGTH_DAYS, TaperModel, apply, optimize, score};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(12))]

        /// The optimizer recommends only tapers that `apply` accepts for the
        /// same log and race, and says when the best lies on an edge.
        #[test]
        fn every_taper_the_optimizer_reports_is_one_apply_accepts(
            minutes in prop::collection::vec(0.0..120.0f64, 56),
            planned_days in 8u64..=30,
            race_logged in any::<bool>(),
        ) {
            let race = day(56);
            let sessions: Vec<Session> = minutes.iter().enumerate().filter(|(_, m)| **m >= 10.0).map(|(d, m)| {
                let mut s = Session::new(day(d as u64), SessionKind::Easy, m * 60.0);
                s.rpe = Some(4.0);
                s.status = if (d as u64) < 56 - planned_days { Status::Completed } else { Status::Planned };
                s
            }).chain(race_logged.then(|| {
                let mut r = Session::new(race, SessionKind::Race, 2700.0);
                r.rpe = Some(9.0);
                r.status = Status::Planned;
                r
            })).collect();
            prop_assume!(sessions.iter().any(|s| s.status == Status::Planned));
            let log = TrainingLog::new(None, sessions, DuplicatePolicy::Reject).unwrap();
            let planned_from = log.sessions().iter().filter(|s| s.status == Status::Planned).map(|s| s.date).min().unwrap();
            let longest = u32::try_from((race - planned_from).num_days()).unwrap().min(LENGTH_DAYS.1);
            let shortest = u32::try_from((race - log.date_range().1).num_days()).unwrap().max(LENGTH_DAYS.0);
            let o = match optimize(&log, &Athlete::default(), race, LoadMethod::SessionRpe, TaperModel::DefaultBusso, 5) {
                Ok(o) => o,
                Err(e) => {
                    // Only a plan no taper length fits is refused.
                    prop_assert!(longest < shortest, "{}", e);
                    prop_assert_eq!(e.code(), "inconsistent");
                    return Ok(());
                }
            };
            prop_assert_eq!(o.search.length_days, [shortest, longest]);
            for score in std::iter::once(&o.best).chain(&o.alternatives) {
                let spec = score.spec.unwrap();
                prop_assert!(apply(&log, race, &spec).is_ok(), "{:?}: {:?}", spec, apply(&log, race, &spec).err());
            }
            let best = o.best.spec.unwrap();
            // taper_score scores the best taper as the optimizer did.
            let again = score(&log, &Athlete::default(), race, &best, LoadMethod::SessionRpe, TaperModel::DefaultBusso).unwrap();
            prop_assert!((again.performance - o.best.performance).abs() <= 1e-9 * o.best.performance.abs(), "{} != {}", again.performance, o.best.performance);
            let on_length_edge = best.length_days == longest || best.length_days == shortest;
            prop_assert_eq!(on_length_edge, o.search.edges.iter().any(|e| e.field == "length_days"), "{:?}", o.search);
        }
    }
}
