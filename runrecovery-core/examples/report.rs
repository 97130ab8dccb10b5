//! The library's main job on a training log: a readable report of an
//! athlete's last weeks — profile, zones, paces, load per day and week,
//! monotony, strain and intensity distribution.
//!
//! ```text
//! cargo run -p runrecovery-core --example report              # the bundled sample athlete
//! cargo run -p runrecovery-core --example report -- my_log.json
//! ```

use std::process::ExitCode;

use runrecovery_core::athlete::Athlete;
use runrecovery_core::load::{self, Include, LoadMethod, LoadOptions, SdKind, WeekMode};
use runrecovery_core::log::TrainingLog;
use runrecovery_core::model;
use runrecovery_core::performance;
use runrecovery_core::session::SessionKind;
use runrecovery_core::supercompensation;
use runrecovery_core::zones::{self, ZoneSystem};

const SAMPLE: &str = include_str!("../data/sample_log.json");

fn pace(s_per_km: f64) -> String {
    let s = s_per_km.round() as i64;
    format!("{}:{:02}/km", s / 60, s % 60)
}

fn clock(s: f64) -> String {
    let s = s.round() as i64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// The JSON (snake_case) name of an enum value.
fn snake<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.map_or("—".into(), |x| format!("{x:.digits$}"))
}

fn main() -> ExitCode {
    let (source, text) = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => (path, t),
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => (
            "bundled sample (runrecovery-core/data/sample_log.json)".to_string(),
            SAMPLE.to_string(),
        ),
    };
    match report(&source, &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}] {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn report(source: &str, text: &str) -> runrecovery_core::Result<()> {
    let log = TrainingLog::from_json(text)?;
    let athlete: Athlete = log.athlete().cloned().unwrap_or_default();
    let resolved = athlete.resolve()?;
    let (first, last) = log.date_range();
    println!("runrecovery report — {source}");
    println!(
        "{} — {} sessions from {first} to {last}\n",
        athlete.name.as_deref().unwrap_or("athlete"),
        log.sessions().len()
    );

    println!("PROFILE");
    println!(
        "  age {}  sex {}  mass {} kg  HRmax {} bpm  rest {} bpm  LTHR {} bpm  threshold pace {}",
        opt(athlete.age_years, 0),
        athlete
            .sex
            .map_or("—".into(), |s| format!("{s:?}").to_lowercase()),
        opt(athlete.body_mass_kg, 0),
        opt(resolved.hr_max_bpm, 0),
        opt(athlete.hr_rest_bpm, 0),
        opt(athlete.lthr_bpm, 0),
        resolved.threshold_pace_s_per_km.map_or("—".into(), pace),
    );
    for e in &resolved.estimated {
        println!("  (estimated {} = {:.1}: {})", e.field, e.value, e.method);
    }

    // Fitness from the most recent race, Daniels–Gilbert.
    if let Some(race) = log
        .completed()
        .rfind(|s| s.kind == SessionKind::Race && s.distance_m.is_some())
    {
        let d = race.distance_m.unwrap_or_default();
        let vdot = performance::vdot_from_race(d, race.duration_s)?;
        println!(
            "\nPACES from the race on {} ({:.1} km in {}): VDOT {vdot:.1} (Daniels-Gilbert)",
            race.date,
            d / 1000.0,
            clock(race.duration_s)
        );
        for p in performance::training_paces(vdot)? {
            println!(
                "  {:<11} {} – {}   target {}",
                format!("{:?}", p.intensity),
                pace(p.slow_s_per_km),
                pace(p.fast_s_per_km),
                pace(p.target_s_per_km)
            );
        }
        print!("  equivalent races:");
        for (name, m) in [
            ("5K", 5000.0),
            ("10K", 10_000.0),
            ("half", 21_097.5),
            ("marathon", 42_195.0),
        ] {
            print!(
                "  {name} {}",
                clock(performance::equivalent_time_s(vdot, m)?)
            );
        }
        println!();
    }

    for system in [ZoneSystem::LthrFriel, ZoneSystem::PaceThreshold] {
        if let Ok(t) = zones::zone_table(&athlete, system) {
            println!("\nZONES — {}", t.source);
            for z in &t.zones {
                let fmt = |v: Option<f64>| match (v, t.unit.as_str()) {
                    (None, _) => "·".to_string(),
                    (Some(v), "s/km") => pace(v),
                    (Some(v), _) => format!("{v:.0}"),
                };
                println!(
                    "  {:<4} {:<20} {:>9} – {:<9} {}  (Seiler {})",
                    z.name,
                    z.description,
                    fmt(z.from),
                    fmt(z.to),
                    t.unit,
                    z.seiler
                );
            }
        }
    }

    // Session-RPE scores every session on one scale, strength and cross-training
    // included (Foster 2001); the automatic choice would mix TSS and AU here.
    let auto = load::daily_loads(
        &log,
        &athlete,
        &LoadOptions::default(),
        Include::Completed,
        None,
        None,
    )?;
    let methods: Vec<String> = auto
        .methods
        .iter()
        .map(|(m, n)| format!("{m:?} ×{n}"))
        .collect();
    let opts = LoadOptions::with_method(LoadMethod::SessionRpe);
    let daily = load::daily_loads(&log, &athlete, &opts, Include::Completed, None, None)?;
    println!(
        "\nLOAD — session-RPE (RPE × min, AU); the automatic choice would use: {}",
        methods.join(", ")
    );
    println!("  last 14 days:");
    let n = daily.series.values.len();
    for i in n.saturating_sub(14)..n {
        let day = daily.series.date(i);
        let kinds: Vec<String> = log
            .sessions()
            .iter()
            .filter(|s| s.date == day)
            .map(|s| s.kind.name().to_string())
            .collect();
        let bar = "█".repeat((daily.series.values[i] / 25.0).round() as usize);
        println!(
            "  {day} {:<3} {:>6.1} {:<28} {}",
            day.format("%a"),
            daily.series.values[i],
            if daily.series.logged[i] {
                kinds.join("+")
            } else {
                "(nothing logged)".into()
            },
            bar
        );
    }

    let weeks = load::weekly_from_series(&daily.series, WeekMode::Calendar, SdKind::Sample)?;
    let volume = load::weekly_volume(&log);
    println!(
        "\nWEEKS (ISO weeks; monotony = mean/SD of daily load, sample SD; strain = load × monotony)"
    );
    println!("  week of      time   run km    load  change  monotony  strain");
    for (w, v) in weeks.iter().zip(&volume) {
        let flag = if w.monotony.is_some_and(|m| m > load::MONOTONY_FLAG) {
            "  ← monotony > 2"
        } else {
            ""
        };
        println!(
            "  {}  {:>6}  {:>6.1}  {:>6.0}  {:>6}  {:>8}  {:>6}{flag}",
            w.start,
            clock(v.duration_s),
            v.run_distance_m / 1000.0,
            w.load,
            w.load_change_pct
                .map_or("—".into(), |p| format!("{p:+.0}%")),
            opt(w.monotony, 2),
            opt(w.strain, 0),
        );
    }

    // Fitness-fatigue on the same session-RPE series (exponential gain, form on the next day).
    let pmc = model::pmc(&daily.series.values, &model::PmcOptions::default())?;
    let ramp = model::ramp_rate(&pmc.fitness);
    let acwr = model::acwr(
        &daily.series.values,
        Some(&daily.series.logged),
        &model::AcwrOptions::default(),
    )?;
    let ewma = model::acwr(
        &daily.series.values,
        Some(&daily.series.logged),
        &model::AcwrOptions {
            method: model::AcwrMethod::Ewma,
            ..model::AcwrOptions::default()
        },
    )?;
    println!(
        "\nFITNESS & FATIGUE (PMC on session-RPE: fitness 42 d, fatigue 7 d, exponential gain, form = yesterday's fitness − fatigue)"
    );
    println!("  date         fitness  fatigue    form   ramp/wk   ACWR 7:28   EWMA");
    for i in (n.saturating_sub(15)..n)
        .step_by(2)
        .chain([n - 1])
        .collect::<std::collections::BTreeSet<_>>()
    {
        let show = |d: &model::AcwrDay| match (d.ratio, d.band, d.gap) {
            (Some(r), Some(b), _) => format!("{r:.2} {}", snake(&b)),
            (_, _, Some(g)) => format!("({})", snake(&g)),
            _ => "—".into(),
        };
        println!(
            "  {}  {:>7.1}  {:>7.1}  {:>6.1}  {:>8}   {:<16} {}",
            daily.series.date(i),
            pmc.fitness[i],
            pmc.fatigue[i],
            pmc.form[i],
            opt(ramp[i], 1),
            show(&acwr[i]),
            show(&ewma[i]),
        );
    }
    println!(
        "  (ACWR bands after Gabbett 2016; the ratio is a description of load change, not an injury predictor: see docs/model.md)"
    );

    // Body systems and the next quality session, as of the log's last day.
    let recovery = supercompensation::RecoveryOptions::default();
    let at = last.and_hms_opt(20, 0, 0).unwrap_or_default();
    let state = supercompensation::recovery_state(&log, &athlete, at, &recovery)?;
    println!(
        "\nBODY SYSTEMS on {at} (residual fatigue in reference hard sessions; ready ≤ {})",
        recovery.ready_below
    );
    for s in &state.systems {
        println!(
            "  {:<14} {:>5.2}  {:<11} ready in {:>3.0} h",
            supercompensation::system_name(s.system),
            s.fatigue,
            snake(&s.status),
            s.hours_to_ready
        );
    }
    let tomorrow = last + chrono::Days::new(1);
    let next = supercompensation::next_quality_session(
        &log,
        &athlete,
        tomorrow,
        SessionKind::Intervals,
        &recovery,
    )?;
    println!(
        "  next intervals session: earliest {} ({}), best {}; last hard session {}, its supercompensation window {} to {}",
        next.earliest,
        next.reason,
        next.best,
        next.last_hard_session.map_or("—".into(), |d| d.to_string()),
        next.window_start.map_or("—".into(), |d| d.to_string()),
        next.window_end.map_or("—".into(), |d| d.to_string()),
    );

    let start = last - chrono::Days::new(27);
    for system in [ZoneSystem::LthrFriel, ZoneSystem::Rpe] {
        let d = zones::intensity_distribution(&log, &athlete, system, Some(start), Some(last))?;
        println!(
            "\nINTENSITY, last 4 weeks by {:?}: Seiler Z1 {:.0} %  Z2 {:.0} %  Z3 {:.0} %  ({} unclassified min)",
            system,
            d.seiler_fractions[0] * 100.0,
            d.seiler_fractions[1] * 100.0,
            d.seiler_fractions[2] * 100.0,
            (d.unclassified_seconds / 60.0).round()
        );
        println!(
            "  polarization index {} → {:?}{}; 80/20 rule {}",
            opt(d.polarization.index, 2),
            d.polarization.distribution,
            d.polarization
                .note
                .as_deref()
                .map_or(String::new(), |n| format!(" ({n})")),
            if d.meets_80_20 {
                "met"
            } else {
                "NOT met: more of the running should be easy"
            }
        );
    }
    let total: f64 = daily.series.values.iter().sum();
    println!(
        "\nsession-RPE load over the whole log: {total:.0} AU ({:.0} AU/day)",
        total / daily.series.values.len() as f64
    );
    Ok(())
}
