//! The library's main job on a training log: a readable report of an
//! athlete's last weeks and of today — profile, zones, paces, load per day
//! and week, monotony and strain, fitness/fatigue/form, ACWR, each body
//! system's recovery, the next quality session, today's readiness with its
//! reasons, the adapted session, and what to do after the last session.
//!
//! ```text
//! cargo run -p runrecovery-core --example report                          # the bundled sample athlete
//! cargo run -p runrecovery-core --example report -- log.json [markers.json]
//! ```
//!
//! "Today" is the last day of the markers (or the day after the last
//! completed session without them): nothing reads the clock.

use std::process::ExitCode;

use chrono::NaiveDate;
use runrecovery_core::athlete::Athlete;
use runrecovery_core::load::{self, Include, LoadMethod, LoadOptions, SdKind, WeekMode};
use runrecovery_core::log::TrainingLog;
use runrecovery_core::readiness::{self, DayMarkers};
use runrecovery_core::session::{SessionKind, Status};
use runrecovery_core::supercompensation;
use runrecovery_core::today::TodaySettings;
use runrecovery_core::{model, performance, recovery, zones};

const SAMPLE_LOG: &str = include_str!("../data/sample_log.json");
const SAMPLE_MARKERS: &str = include_str!("../data/sample_markers.json");

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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read = |path: &String| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let inputs = match args.as_slice() {
        [] => Ok((
            "bundled sample (runrecovery-core/data)".to_string(),
            SAMPLE_LOG.to_string(),
            Some(SAMPLE_MARKERS.to_string()),
        )),
        [log] => read(log).map(|t| (log.clone(), t, None)),
        [log, markers, ..] => {
            read(log).and_then(|t| read(markers).map(|m| (log.clone(), t, Some(m))))
        }
    };
    let (source, log, markers) = match inputs {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match report(&source, &log, markers.as_deref()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error [{}] {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn report(source: &str, text: &str, markers_text: Option<&str>) -> runrecovery_core::Result<()> {
    let log = TrainingLog::from_json(text)?;
    let markers: Vec<DayMarkers> = match markers_text {
        Some(t) => {
            #[derive(serde::Deserialize)]
            struct File {
                markers: Vec<DayMarkers>,
            }
            serde_json::from_str::<File>(t)
                .map_err(|e| runrecovery_core::Error::InvalidInput {
                    field: "markers".into(),
                    message: e.to_string(),
                })?
                .markers
        }
        None => Vec::new(),
    };
    let athlete: Athlete = log.athlete().cloned().unwrap_or_default();
    let resolved = athlete.resolve()?;
    let (first, _) = log.date_range();
    let last_done = log.completed().map(|s| s.date).next_back().unwrap_or(first);
    let today: NaiveDate = markers
        .last()
        .map_or(last_done + chrono::Days::new(1), |m| m.date);
    let yesterday = today - chrono::Days::new(1);
    println!("runrecovery report — {source}");
    println!(
        "{} — {} sessions from {first}; today is {today} ({})\n",
        athlete.name.as_deref().unwrap_or("athlete"),
        log.sessions().len(),
        today.format("%A")
    );

    println!("PROFILE");
    println!(
        "  age {}  sex {}  mass {} kg  HRmax {} bpm  rest {} bpm  LTHR {} bpm  threshold pace {}",
        opt(athlete.age_years, 0),
        athlete.sex.map_or("—".into(), |s| snake(&s)),
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
                snake(&p.intensity),
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

    for system in [
        zones::ZoneSystem::LthrFriel,
        zones::ZoneSystem::PaceThreshold,
    ] {
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
    let today_settings = TodaySettings {
        method: LoadMethod::SessionRpe,
        ..TodaySettings::default()
    };
    let opts = today_settings.load_options();
    let auto = load::daily_loads(
        &log,
        &athlete,
        &LoadOptions::default(),
        Include::Completed,
        None,
        Some(today),
    )?;
    let methods: Vec<String> = auto
        .methods
        .iter()
        .map(|(m, n)| format!("{} ×{n}", snake(m)))
        .collect();
    let daily = load::daily_loads(&log, &athlete, &opts, Include::Completed, None, Some(today))?;
    println!(
        "\nLOAD — session-RPE (RPE × min, AU); the automatic choice would use: {}",
        methods.join(", ")
    );
    println!("  last 14 days:");
    let n = daily.series.values.len();
    for i in n.saturating_sub(14)..n {
        let day = daily.series.date(i);
        let kinds: Vec<&str> = log
            .completed()
            .filter(|s| s.date == day)
            .map(|s| s.kind.name())
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
            "  {}  {:>7}  {:>6.1}  {:>6.0}  {:>6}  {:>8}  {:>6}{flag}{}",
            w.start,
            clock(v.duration_s),
            v.run_distance_m / 1000.0,
            w.load,
            w.load_change_pct
                .map_or("—".into(), |p| format!("{p:+.0}%")),
            opt(w.monotony, 2),
            opt(w.strain, 0),
            if w.days < 7 {
                format!("  ({} days so far)", w.days)
            } else {
                String::new()
            },
        );
    }

    // Today's state: one call, the numbers the notebook and the demo page show too.
    let state =
        runrecovery_core::today::athlete_today(&log, &athlete, today, &markers, &today_settings)?;
    let settings = &state.settings;
    let pmc = model::pmc(&daily.series.values, &settings.pmc_options)?;
    let ramp = model::ramp_rate(&pmc.fitness);
    println!(
        "\nFITNESS & FATIGUE (PMC of the completed sessions up to and including today, session-RPE: fitness {:.0} d, fatigue {:.0} d, {} gain, form = {})",
        settings.pmc_options.fitness_days,
        settings.pmc_options.fatigue_days,
        snake(&settings.pmc_options.gain),
        match settings.pmc_options.form_day {
            model::FormDay::NextDay => "yesterday's fitness − fatigue",
            model::FormDay::SameDay => "today's fitness − fatigue",
        }
    );
    println!("  date         load  fitness  fatigue    form   ramp/wk");
    let ti = pmc.fitness.len() - 1;
    for (i, r) in ramp.iter().enumerate().skip(ti.saturating_sub(9)) {
        println!(
            "  {}  {:>5.0}  {:>7.1}  {:>7.1}  {:>6.1}  {:>8}{}",
            first + chrono::Days::new(i as u64),
            daily.series.values[i],
            pmc.fitness[i],
            pmc.fatigue[i],
            pmc.form[i],
            opt(*r, 1),
            if i == ti { "  ← today" } else { "" }
        );
    }
    let acwr = &state.acwr;
    println!(
        "\nTODAY {today}: fitness {:.1} {unit}/day, fatigue {:.1}, form {:+.1} ({} % of fitness), ACWR {} (7:28 coupled; Gabbett 2016's bands describe load change, they do not predict injury — see docs/model.md)",
        state.fitness,
        state.fatigue,
        state.form,
        state.form_pct.map_or("—".into(), |p| format!("{p:+.1}")),
        match (acwr.ratio, acwr.band, acwr.gap) {
            (Some(r), Some(b), _) => format!("{r:.2} {}", snake(&b)),
            (_, _, Some(g)) => format!("— ({})", snake(&g)),
            _ => "—".into(),
        },
        unit = state.unit,
    );
    if state.planned.is_some() {
        println!("  (today's planned session is not counted: it is not done yet)");
    }

    // Body systems this morning, and the next quality session.
    let recovery_options = &settings.recovery_options;
    println!(
        "\nBODY SYSTEMS this morning ({}; residual fatigue in reference hard sessions, ready ≤ {})",
        state.systems.at, recovery_options.ready_below
    );
    for s in &state.systems.systems {
        println!(
            "  {:<14} {:>5.2}  {:<11} ready in {:>3.0} h",
            supercompensation::system_name(s.system),
            s.fatigue,
            snake(&s.status),
            s.hours_to_ready
        );
    }
    let next = &state.next_quality_session;
    println!(
        "  next {} session: earliest {} ({}), best {}; last hard session {}, its supercompensation window {} to {}",
        settings.kind.name(),
        next.earliest,
        next.reason,
        next.best,
        next.last_hard_session.map_or("—".into(), |d| d.to_string()),
        next.window_start.map_or("—".into(), |d| d.to_string()),
        next.window_end.map_or("—".into(), |d| d.to_string()),
    );

    // Readiness, the adapted session, warning signs.
    if let Some(r) = &state.readiness {
        println!(
            "\nREADINESS {today}: {} — score {:.0}/100, confidence {:.0} % (given the form after yesterday, {} % of fitness, and {})",
            r.status.name().to_uppercase(),
            r.score,
            r.confidence * 100.0,
            state
                .engine
                .form_pct
                .map_or("—".into(), |p| format!("{p:+.1}")),
            match state.engine.systems_not_ready {
                Some(1) => "1 body system not ready".to_string(),
                Some(n) => format!("{n} body systems not ready"),
                None => "the body systems unknown".to_string(),
            },
        );
        println!("  {}", r.summary);
        for m in &r.markers {
            println!("  {:<13} {:<15} {}", m.marker, snake(&m.rating), m.reason);
        }
        if let (Some(plan), Some(a)) = (&state.planned, &state.adapted) {
            println!(
                "  planned: {} {} min → do: {} {} min ({})",
                plan.kind.name(),
                (plan.duration_s / 60.0).round(),
                a.session.kind.name(),
                (a.session.duration_s / 60.0).round(),
                a.reason
            );
        }
        let warnings = readiness::warning_signs(
            &markers,
            Some(readiness::Loads {
                start: daily.series.start,
                values: &daily.series.values,
            }),
            &[],
            &settings.readiness_options,
        )?;
        if warnings.is_empty() {
            println!("  warning signs over the last weeks: none");
        }
        for w in &warnings {
            println!("  warning: {} — {}", w.sign, w.recommendation);
        }
    } else {
        println!("\nREADINESS {today}: no markers this morning");
    }

    // What to do after the last session.
    if let (Some(last), Some(mass)) = (
        log.completed().rfind(|s| s.duration_s > 0.0),
        athlete.body_mass_kg,
    ) {
        let next_session = log
            .sessions()
            .iter()
            .find(|s| s.status == Status::Planned && s.date > last.date && s.duration_s > 0.0);
        let hours = next_session.map(|s| (s.date - last.date).num_days() as f64 * 24.0);
        let p = recovery::prescribe(
            last,
            mass,
            &recovery::RecoveryInputs {
                hours_to_next_session: hours,
                ..Default::default()
            },
        )?;
        println!(
            "\nAFTER THE LAST SESSION ({} {} on {}, {:.0} kg; next session {})",
            last.kind.name(),
            clock(last.duration_s),
            last.date,
            mass,
            hours.map_or("not planned".into(), |h| format!("in about {h:.0} h"))
        );
        let c = &p.carbohydrate;
        if let (Some(g), Some(t)) = (c.grams_per_hour, c.first_4h_grams) {
            println!(
                "  carbohydrate: {:.0}–{:.0} g per hour for 4 h ({:.0}–{:.0} g)",
                g[0], g[1], t[0], t[1]
            );
        }
        println!(
            "  carbohydrate today: {:.0}–{:.0} g ({}–{} g/kg) — {}",
            c.daily_grams[0], c.daily_grams[1], c.daily_g_per_kg[0], c.daily_g_per_kg[1], c.note
        );
        println!(
            "  protein: {:.0} g now, then every {}–{} h — {}",
            p.protein.grams[0], p.protein.every_h[0], p.protein.every_h[1], p.protein.note
        );
        println!("  fluid: {}", p.fluid.note);
        println!(
            "  sleep: {}–{} h tonight — {}",
            p.sleep.target_h[0], p.sleep.target_h[1], p.sleep.note
        );
        let options: Vec<String> = p
            .active_recovery
            .iter()
            .map(|a| format!("{} {:.0}–{:.0} min", a.option, a.minutes[0], a.minutes[1]))
            .collect();
        println!("  active recovery, best first: {}", options.join("; "));
    }

    // The plan rules over the last four weeks and the planned week.
    let findings = runrecovery_core::rules::check(&log, &athlete, None, &Default::default())?;
    let recent: Vec<_> = findings
        .iter()
        .filter(|f| {
            f.dates
                .last()
                .is_some_and(|d| *d >= today - chrono::Days::new(28))
        })
        .collect();
    println!(
        "\nPLAN RULES over the last 4 weeks and the planned week ({} findings)",
        recent.len()
    );
    for f in &recent {
        let dates: Vec<String> = f.dates.iter().map(|d| d.to_string()).collect();
        println!(
            "  {:<8} {:<19} {}: {} — fix: {}",
            snake(&f.severity),
            f.rule,
            dates.join(", "),
            f.message,
            f.fix
        );
    }

    // A plan to a goal race, its next week, and the best taper for it.
    if let Some(race) = log
        .completed()
        .rfind(|s| s.kind == SessionKind::Race && s.distance_m.is_some())
    {
        let vdot =
            performance::vdot_from_race(race.distance_m.unwrap_or_default(), race.duration_s)?;
        let recent_km: f64 = log
            .completed()
            .filter(|s| s.kind.is_run() && s.date >= today - chrono::Days::new(28))
            .map(|s| s.distance_m.unwrap_or(0.0))
            .sum::<f64>()
            / 4000.0;
        let goal = today + chrono::Days::new(7 * 14 - 2);
        let request = runrecovery_core::plan::PlanRequest {
            start: today,
            race_date: goal,
            race_distance_m: 21_097.5,
            goal_time_s: None,
            weekly_km: recent_km,
            long_run_km: None,
            vdot: Some(vdot),
            available_days: None,
            long_run_day: Some(chrono::Weekday::Sun),
            experience: runrecovery_core::plan::Experience::Intermediate,
            hard_sessions_per_week: Some(2),
        };
        let plan = runrecovery_core::plan::generate(&request, &athlete)?;
        println!(
            "\nPLAN to a half marathon on {goal} from {recent_km:.0} km/week (VDOT {vdot:.1}; progression {:.0} %/week; passes every plan rule)",
            plan.progression * 100.0
        );
        for p in plan
            .sessions
            .iter()
            .take_while(|p| p.session.date < today + chrono::Days::new(7))
        {
            println!(
                "  {} {:<3} {:<10} {:>5.1} km {:>4.0} min  {} {}  — {}",
                p.session.date,
                p.session.date.format("%a"),
                p.session.kind.name(),
                p.session.distance_m.unwrap_or(0.0) / 1000.0,
                p.session.duration_s / 60.0,
                p.target_zone.map_or("—".into(), |z| snake(&z)),
                p.target_pace_s_per_km.map_or(String::new(), pace),
                p.purpose
            );
        }
        // History (completed) and the generated plan in one document, for the taper search.
        let mut sessions: Vec<_> = log.completed().cloned().collect();
        sessions.extend(
            plan.document
                .sessions
                .iter()
                .filter(|s| s.date >= today)
                .cloned(),
        );
        let both = TrainingLog::new(
            log.athlete().cloned(),
            sessions,
            runrecovery_core::log::DuplicatePolicy::DropExact,
        )?;
        let best = runrecovery_core::taper::optimize(
            &both,
            &athlete,
            goal,
            LoadMethod::SessionRpe,
            runrecovery_core::taper::TaperModel::DefaultBusso,
            2,
        )?;
        if let Some(spec) = best.best.spec {
            println!(
                "  best taper: {} days, {:.0} % mean cut, {} — race-morning form {:+.1} (fitness {:.1}, fatigue {:.1}); without a taper {:+.1}",
                spec.length_days,
                spec.volume_cut * 100.0,
                serde_json::to_value(spec.shape)
                    .ok()
                    .and_then(|v| v.get("kind").and_then(|k| k.as_str().map(str::to_string)))
                    .unwrap_or_default(),
                best.best.form,
                best.best.fitness,
                best.best.fatigue,
                best.no_taper.form
            );
        }
    }

    let start = yesterday - chrono::Days::new(27);
    for system in [zones::ZoneSystem::LthrFriel, zones::ZoneSystem::Rpe] {
        let d =
            zones::intensity_distribution(&log, &athlete, system, Some(start), Some(yesterday))?;
        println!(
            "\nINTENSITY, last 4 weeks by {}: Seiler Z1 {:.0} %  Z2 {:.0} %  Z3 {:.0} %  ({} unclassified min)",
            snake(&system),
            d.seiler_fractions[0] * 100.0,
            d.seiler_fractions[1] * 100.0,
            d.seiler_fractions[2] * 100.0,
            (d.unclassified_seconds / 60.0).round()
        );
        println!(
            "  polarization index {} → {}{}; 80/20 rule {}",
            opt(d.polarization.index, 2),
            snake(&d.polarization.distribution),
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
    Ok(())
}
