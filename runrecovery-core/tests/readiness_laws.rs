//! Readiness laws on random marker histories (proptest): the overall status
//! never contradicts the markers it is built from.

use chrono::NaiveDate;
use proptest::prelude::*;
use runrecovery_core::readiness::{
    DayMarkers, Hrv, HrvIndex, Rating, Readiness, ReadinessMode, ReadinessOptions, Status,
    Wellness, readiness,
};

/// One morning: which markers were recorded, and their values (0–1, scaled below).
type Morning = (u8, f64, f64, f64, f64);

/// A history of 1–70 mornings with gaps (a day may be skipped), markers
/// recorded at random, a possible device change, in any mode.
fn history() -> impl Strategy<Value = (Vec<DayMarkers>, ReadinessMode)> {
    (
        prop::collection::vec(
            (0u8..32, 0.0..1.0f64, 0.0..1.0f64, 0.0..1.0f64, 0.0..1.0f64),
            1..70,
        ),
        prop::collection::vec(0u64..3, 70),
        prop::option::of(0usize..70),
        0usize..3,
    )
        .prop_map(|(mornings, gaps, switch, mode)| {
            let mut date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
            let days = mornings
                .iter()
                .enumerate()
                .map(|(k, m)| {
                    date = date + chrono::Days::new(gaps[k].saturating_sub(1) + 1);
                    morning(date, k, m, switch)
                })
                .collect();
            let mode = [
                ReadinessMode::Combined,
                ReadinessMode::Kiviniemi,
                ReadinessMode::Javaloyes,
            ][mode];
            (days, mode)
        })
}

fn morning(date: NaiveDate, k: usize, m: &Morning, switch: Option<usize>) -> DayMarkers {
    let &(mask, a, b, c, d) = m;
    let mut x = DayMarkers::new(date);
    if mask & 1 != 0 {
        x.hrv = Some(Hrv {
            value: 40.0 + 40.0 * a,
            index: HrvIndex::RmssdMs,
        });
    }
    if mask & 2 != 0 {
        x.resting_hr_bpm = Some(44.0 + 14.0 * b);
    }
    if mask & 4 != 0 {
        x.sleep_h = Some(4.0 + 5.0 * c);
    }
    if mask & 8 != 0 {
        let v = (1.0 + 6.0 * d).round();
        x.wellness = Some(Wellness {
            sleep_quality: Some(v),
            fatigue: Some((v + 1.0).min(7.0)),
            stress: Some(3.0),
            soreness: Some(v),
            ..Wellness::default()
        });
    }
    if switch.is_some_and(|s| k >= s) {
        x.source = Some("new strap".into());
    }
    x
}

fn inputs(r: &Readiness, mode: ReadinessMode) -> Vec<Rating> {
    let names: &[&str] = match mode {
        ReadinessMode::Combined => &["hrv", "resting_hr", "wellness"],
        _ => &["hrv"],
    };
    r.markers
        .iter()
        .filter(|m| names.contains(&m.marker.as_str()))
        .map(|m| m.rating)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn the_status_never_contradicts_the_markers((days, mode) in history()) {
        let o = ReadinessOptions { mode, ..ReadinessOptions::default() };
        let r = readiness(&days, None, &o).unwrap();
        let ins = inputs(&r, mode);
        let judged = |x: &Rating| *x >= Rating::Normal;
        // Not go when no input of the decision rule was judged.
        if !ins.iter().any(judged) {
            prop_assert_ne!(r.status, Status::Go, "{:?}", r);
        }
        // Go only when every input with a reading today was judged.
        if r.status == Status::Go {
            prop_assert!(ins.iter().all(|x| *x != Rating::NotEnoughData), "{:?}", r);
            prop_assert!(r.majors == 0 || mode != ReadinessMode::Combined, "{:?}", r);
        }
        // Not enough data says what is missing, and when that can change.
        if r.status == Status::NotEnoughData {
            prop_assert!(!r.data_needed.is_empty(), "{:?}", r);
            if let Some(d) = r.decision_possible_from {
                prop_assert!(d > r.date);
            }
        } else {
            prop_assert_eq!(r.decision_possible_from, None);
        }
        for m in r.markers.iter().filter(|m| m.rating == Rating::NotEnoughData) {
            if ins.contains(&Rating::NotEnoughData) && (m.marker == "hrv" || mode == ReadinessMode::Combined) {
                prop_assert!(
                    r.data_needed.iter().any(|n| n.marker == m.marker && n.valid_days < n.days_needed),
                    "{} is not_enough_data without a count it misses: {:?}", m.marker, r
                );
            }
        }
        for n in &r.data_needed {
            prop_assert!(n.valid_days < n.days_needed, "{:?}", n);
            if let Some(d) = n.possible_from {
                prop_assert!(d > r.date);
            }
        }
        // The protocol modes read HRV alone: the status is the HRV verdict.
        if mode != ReadinessMode::Combined {
            let hrv = r.markers.iter().find(|m| m.marker == "hrv").unwrap().rating;
            let expected = match hrv {
                Rating::Major => Status::GoEasy,
                Rating::Missing | Rating::NotEnoughData => Status::NotEnoughData,
                _ => Status::Go,
            };
            prop_assert_eq!(r.status, expected, "{:?}", r);
        } else {
            let scaled_back = r.majors >= 1 || r.minors >= 2;
            prop_assert_eq!(
                matches!(r.status, Status::GoEasy | Status::Rest),
                scaled_back,
                "{:?}", r
            );
        }
    }

    #[test]
    fn a_decision_becomes_possible_on_the_day_it_says((days, mode) in history()) {
        // Measure every morning (every marker the last day had) until the
        // promised day: the status there is no longer not_enough_data.
        let o = ReadinessOptions { mode, ..ReadinessOptions::default() };
        let r = readiness(&days, None, &o).unwrap();
        let (Status::NotEnoughData, Some(from)) = (r.status, r.decision_possible_from) else {
            return Ok(());
        };
        let last = days.last().unwrap().clone();
        let mut d = days.clone();
        let mut date = last.date;
        while date < from {
            date = date + chrono::Days::new(1);
            let mut m = DayMarkers { date, ..last.clone() };
            // A reading of every decision input the promise assumed.
            for n in &r.data_needed {
                match n.marker.as_str() {
                    "hrv" => m.hrv = Some(Hrv { value: 60.0, index: HrvIndex::RmssdMs }),
                    "resting_hr" => m.resting_hr_bpm = Some(50.0),
                    _ => m.wellness = Some(Wellness { fatigue: Some(3.0), sleep_quality: Some(3.0), stress: Some(3.0), soreness: Some(3.0), ..Wellness::default() }),
                }
            }
            d.push(m);
        }
        let later = readiness(&d, None, &o).unwrap();
        prop_assert_ne!(later.status, Status::NotEnoughData, "promised {} by {:?}: {:?}", from, r, later);
    }
}
