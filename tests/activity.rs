//! The activity log: validation, counts per week and per four weeks against a target, and a
//! CSV export that a spreadsheet cannot turn into formulas.

use time::macros::date;
use time::{Date, Duration};
use werkmap::core::activity::{
    spreadsheet_safe, ActivityError, ActivityInput, ActivityKind, ActivityLog, Outcome,
};
use werkmap::core::text::Language;

const TODAY: Date = date!(2026 - 12 - 03); // a Thursday

fn entry(date: Date, kind: ActivityKind, employer: &str) -> ActivityInput {
    ActivityInput {
        date,
        kind,
        employer: employer.into(),
        vacancy: None,
        vacancy_id: None,
        outcome: Outcome::Waiting,
        reason: None,
        note: String::new(),
    }
}

#[test]
fn entries_need_someone_and_a_plausible_date() {
    let mut log = ActivityLog::default();
    assert_eq!(
        log.add(&entry(TODAY, ActivityKind::Application, "  "), TODAY),
        Err(ActivityError::NoEmployer)
    );
    assert_eq!(
        log.add(
            &entry(TODAY + Duration::days(400), ActivityKind::Application, "A"),
            TODAY
        ),
        Err(ActivityError::FarFuture)
    );
    let mut with_vacancy = entry(TODAY, ActivityKind::Application, "");
    with_vacancy.vacancy = Some("Orderpicker".into());
    assert_eq!(log.add(&with_vacancy, TODAY), Ok(1));
    assert_eq!(
        log.add(&entry(TODAY, ActivityKind::Interview, "B"), TODAY),
        Ok(2)
    );
    assert!(log.remove(1).is_some());
    assert_eq!(
        log.add(&entry(TODAY, ActivityKind::Course, "C"), TODAY),
        Ok(3),
        "ids are never reused"
    );
    for language in Language::ALL {
        assert!(!ActivityError::NoEmployer.message(language).is_empty());
    }
}

#[test]
fn a_reason_is_kept_only_for_a_rejection_and_text_is_tidied() {
    let mut log = ActivityLog::default();
    let mut input = entry(
        TODAY,
        ActivityKind::Application,
        " Bakkerij\u{202E}  Hendriks ",
    );
    input.reason = Some("te weinig ervaring".into());
    let id = log.add(&input, TODAY).expect("added");
    let stored = log.get(id).expect("stored");
    assert_eq!(stored.employer, "Bakkerij Hendriks");
    assert_eq!(stored.reason, None, "waiting: no reason");
    input.outcome = Outcome::Rejected;
    log.update(id, &input, TODAY).expect("updated");
    assert_eq!(
        log.get(id).and_then(|e| e.reason.as_deref()),
        Some("te weinig ervaring")
    );
    assert_eq!(log.update(99, &input, TODAY), Err(ActivityError::NotFound));
}

#[test]
fn four_weeks_count_the_activities_that_count_against_the_target() {
    let mut log = ActivityLog::default();
    let days_ago = |n: i64| TODAY - Duration::days(n);
    for (n, kind) in [
        (0, ActivityKind::Application),
        (3, ActivityKind::OpenApplication),
        (10, ActivityKind::NetworkContact),
        (20, ActivityKind::TempAgency),
        (27, ActivityKind::Application), // the first day of the four weeks
        (28, ActivityKind::Application), // one day before: not counted
        (5, ActivityKind::Interview),    // shown, not counted
        (6, ActivityKind::Course),       // shown, not counted
    ] {
        log.add(&entry(days_ago(n), kind, "W"), TODAY)
            .expect("added");
    }
    let period = log.last_four_weeks(TODAY, Some(6));
    assert_eq!((period.counted, period.all), (5, 7));
    assert_eq!(period.from, days_ago(27));
    assert_eq!(period.target_met(), Some(false));
    assert_eq!(log.last_four_weeks(TODAY, Some(5)).target_met(), Some(true));
    assert_eq!(log.last_four_weeks(TODAY, None).target_met(), None);
}

#[test]
fn weeks_run_monday_to_sunday_with_a_quarter_of_the_target() {
    let mut log = ActivityLog::default();
    for date in [
        date!(2026 - 11 - 30), // Monday of this week
        date!(2026 - 12 - 03),
        date!(2026 - 11 - 29), // Sunday of last week
        date!(2026 - 11 - 16),
    ] {
        log.add(&entry(date, ActivityKind::Application, "W"), TODAY)
            .expect("added");
    }
    let weeks = log.weeks(TODAY, 3, Some(6));
    assert_eq!(weeks[0].from, date!(2026 - 11 - 30));
    assert_eq!(weeks[0].to, date!(2026 - 12 - 06));
    let counts: Vec<usize> = weeks.iter().map(|w| w.counted).collect();
    assert_eq!(counts, [2, 1, 1]);
    assert_eq!(
        weeks[0].target,
        Some(2),
        "6 per four weeks is 2 a week, rounded up"
    );
}

#[test]
fn the_csv_export_is_safe_for_spreadsheets() {
    let mut log = ActivityLog::default();
    let mut hostile = entry(
        TODAY,
        ActivityKind::Application,
        "=HYPERLINK(\"http://evil.invalid\",\"klik\")",
    );
    hostile.vacancy = Some("+31 6 1234".into());
    hostile.note = "@SUM(A1:A9); \"quoted\"\nnew line".into();
    log.add(&hostile, TODAY).expect("added");
    log.add(
        &entry(
            TODAY - Duration::days(1),
            ActivityKind::Course,
            "-Opleiding",
        ),
        TODAY,
    )
    .expect("added");
    let nl = log.to_csv(Language::Nl);
    assert!(nl.starts_with('\u{FEFF}'), "BOM for spreadsheets");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(nl.trim_start_matches('\u{FEFF}').as_bytes());
    let headers = reader.headers().expect("header").clone();
    assert_eq!(&headers[0], "Datum");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell a spreadsheet would run: {cell}"
            );
        }
    }
    assert_eq!(&rows[0][3], "'=HYPERLINK(\"http://evil.invalid\",\"klik\")");
    assert_eq!(&rows[0][7], "'@SUM(A1:A9); \"quoted\"\nnew line");
    assert_eq!(&rows[1][1], "Cursus of training");
    assert_eq!(&rows[1][2], "nee");
    let en = log.to_csv(Language::En);
    assert!(en.contains("Date,Kind"));
    assert_eq!(spreadsheet_safe("gewoon"), "gewoon");
    assert_eq!(spreadsheet_safe("\tx"), "'\tx");
}

#[test]
fn kinds_and_outcomes_have_ids_and_labels() {
    for kind in ActivityKind::ALL {
        assert_eq!(ActivityKind::from_id(kind.id()), Some(kind));
        assert!(kind.label().is_complete());
    }
    for outcome in Outcome::ALL {
        assert_eq!(Outcome::from_id(outcome.id()), Some(outcome));
        assert!(outcome.label().is_complete());
    }
}

#[test]
fn counting_near_the_ends_of_the_calendar_never_panics() {
    // A stored or imported "today" can be anything; the counts must not overflow.
    let log = ActivityLog::default();
    for today in [Date::MIN, Date::MIN + Duration::days(3), Date::MAX] {
        assert_eq!(log.last_four_weeks(today, Some(4)).counted, 0);
        assert_eq!(log.weeks(today, 4, Some(4)).len(), 4);
    }
}
