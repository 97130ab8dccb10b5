//! Advice that cannot contradict itself (issue 12): no output of one call
//! recommends what another output of the same call, or the readiness it was
//! given, forbids. Checked on random inputs (proptest).

use chrono::NaiveDate;
use proptest::prelude::*;
use runrecovery_core::athlete::Athlete;
use runrecovery_core::log::{DuplicatePolicy, TrainingLog};
use runrecovery_core::readiness::Status as Readiness;
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

const STATUSES: [Option<Readiness>; 4] = [
    None,
    Some(Readiness::Go),
    Some(Readiness::GoEasy),
    Some(Readiness::Rest),
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
        status in 0usize..4,
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
