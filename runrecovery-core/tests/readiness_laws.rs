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

/// Nouns that follow a count in the texts, singular and plural.
const NOUNS: [(&str, &str); 6] = [
    ("morning", "mornings"),
    ("day", "days"),
    ("system", "systems"),
    ("item", "items"),
    ("reading", "readings"),
    ("point", "points"),
];

/// Words that may stand between a count and its noun.
const BETWEEN: [&str; 4] = ["valid", "rated", "body", "of"];

/// The first count in `text` whose noun disagrees with it ("1 valid mornings", "3 day").
fn plural_mismatch(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (k, w) in words.iter().enumerate() {
        let Ok(n) = w.trim_start_matches('(').parse::<u64>() else {
            continue;
        };
        let mut j = k + 1;
        // "1 of 4 items": the noun belongs to the second count.
        if words.get(j) == Some(&"of") {
            continue;
        }
        while j < words.len() && BETWEEN.contains(&words[j]) {
            j += 1;
        }
        let Some(noun) = words.get(j) else { continue };
        let noun = noun.trim_end_matches([',', ';', ':', '.', ')']);
        for (one, many) in NOUNS {
            if (noun == many && n == 1) || (noun == one && n != 1) {
                return Some(format!("{n} … {noun} in {text:?}"));
            }
        }
    }
    None
}

#[test]
fn the_plural_checker_catches_what_it_should() {
    assert!(plural_mismatch("1 body systems not yet recovered").is_some());
    assert!(plural_mismatch("4 valid morning in the baseline").is_some());
    assert!(plural_mismatch("1 valid morning in the last 7 days; 3 needed").is_none());
    assert!(plural_mismatch("1 of 4 items worse").is_none());
    assert!(plural_mismatch("the 60-day baseline").is_none());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn every_text_agrees_in_number_and_names_its_units(
        (days, mode) in history(),
        systems in prop::option::of(0u32..4),
        form in prop::option::of(-60.0..20.0f64),
    ) {
        let o = ReadinessOptions { mode, ..ReadinessOptions::default() };
        let engine = runrecovery_core::readiness::EngineState { form_pct: form, systems_not_ready: systems };
        let r = readiness(&days, Some(&engine), &o).unwrap();
        let mut texts = vec![r.summary.clone()];
        for m in &r.markers {
            texts.push(m.reason.clone());
            texts.extend(m.baseline_is.clone());
            texts.extend(m.band_is.clone());
            // Every number a runner reads comes with its unit and, where there
            // is a baseline or a band, with what it is.
            if m.value.is_some() {
                prop_assert!(!m.unit.is_empty(), "{:?}", m);
            }
            if m.baseline.is_some() {
                prop_assert!(m.baseline_is.is_some(), "{:?}", m);
            }
            if m.band.is_some() {
                prop_assert!(m.band_is.is_some(), "{:?}", m);
            }
            if m.marker == "hrv" {
                // Entered in ms, shown in ms with ln rMSSD alongside.
                prop_assert_eq!(m.value_ms.is_some(), m.value.is_some());
                if let (Some(v), Some(ms)) = (m.value, m.value_ms) {
                    prop_assert!((v.exp() - ms).abs() < 1e-9 * ms);
                }
                if m.rating >= Rating::Normal {
                    prop_assert!(m.reason.contains(" ms (ln "), "{:?}", m);
                }
            }
        }
        texts.extend(r.data_needed.iter().map(|n| n.reason.clone()));
        for t in &texts {
            prop_assert_eq!(plural_mismatch(t), None);
        }
    }
}
