//! Coach mode's core: the caseload import (new, updated, unchanged, older, kept versions),
//! the client key, the overview (route, ladders, activities against the target, evaluation
//! dates), sorting and filtering, the comparison of two versions, and the stored record.

mod common;

use common::{choose, content, selftest};
use proptest::prelude::*;
use time::macros::{date, datetime};
use time::{Date, Duration, OffsetDateTime, UtcOffset};
use werkmap::core::activity::{ActivityInput, ActivityKind, Outcome};
use werkmap::core::coach::{
    client_key, compare, filter_rows, open_client_file, sort_rows, Caseload, Change, Client,
    ClientDataError, EvaluationDue, ImportOutcome, OpenClientError, OverviewRow, RowFilter,
    SortColumn, CLIENT_SCHEMA_VERSION, KEPT_VERSIONS,
};
use werkmap::core::competence::CompetenceCatalog;
use werkmap::core::portfolio::{
    build, export_coach_reply, merge_coach_reply, open, Agreement, Agreements, ExportChoices,
    MergeOutcome, Portfolio, ProfileChoices, Section,
};
use werkmap::core::search::normalize::normalize;
use werkmap::core::selftest::RouteId;
use werkmap::core::storage::{AppState, TargetSource};
use werkmap::core::text::Language;

const TODAY: Date = date!(2025 - 06 - 20);
const FIRST_TEST: OffsetDateTime = datetime!(2025-01-06 09:30:00 +01:00);

/// A moment on `day` of June 2025, for file times.
fn june(day: u8) -> OffsetDateTime {
    datetime!(2025-06-01 10:00:00 +02:00) + Duration::days(i64::from(day) - 1)
}

fn choices(alias: Option<&str>, sections: &[Section]) -> ExportChoices {
    ExportChoices {
        sections: sections.iter().copied().collect(),
        profile: ProfileChoices {
            alias: alias.map(str::to_owned),
            ..ProfileChoices::default()
        },
        ..ExportChoices::default()
    }
}

fn everything(alias: &str) -> ExportChoices {
    ExportChoices::everything(Some(alias))
}

/// A job seeker who did the self-test once, at `completed`.
fn person(completed: OffsetDateTime) -> AppState {
    let mut state = AppState::default();
    choose(&mut state.answers, "activities", &["social_contacts"]);
    state.complete_selftest(selftest(), completed);
    state
}

fn log(state: &mut AppState, date: Date, kind: ActivityKind) -> u32 {
    state
        .activities
        .add(
            &ActivityInput {
                date,
                kind,
                employer: "Bakkerij Van Dam".into(),
                vacancy: None,
                vacancy_id: None,
                outcome: Outcome::Waiting,
                reason: None,
                note: String::new(),
            },
            date,
        )
        .expect("valid entry")
}

fn agreements(target: Option<u32>, next: Option<Date>) -> Agreements {
    Agreements {
        items: vec![Agreement {
            date: date!(2025 - 05 - 20),
            text: "Elke week twee sollicitaties.".into(),
            by: "Coach Jansen".into(),
        }],
        application_target_per_4_weeks: target,
        next_evaluation: next,
    }
}

/// A file as the coach gets it: written, then opened and checked like any imported file.
fn file(
    state: &AppState,
    agreements: Option<&Agreements>,
    choices: &ExportChoices,
    now: OffsetDateTime,
) -> Portfolio {
    let text = build(state, agreements, choices, now).to_json();
    open(text.as_bytes(), None).expect("own export opens")
}

// ---------------------------------------------------------------------------------------
// Import

#[test]
fn import_tells_new_updated_unchanged_and_older_files_apart() {
    let mut state = person(FIRST_TEST);
    let first = file(&state, None, &everything("Sam"), june(2));
    log(&mut state, date!(2025 - 06 - 05), ActivityKind::Application);
    let second = file(&state, None, &everything("Sam"), june(9));

    let mut caseload = Caseload::new();
    let (key, outcome) = caseload.import(first.clone(), june(3));
    assert_eq!(outcome, ImportOutcome::New);
    assert_eq!(key, client_key(&first));
    assert_eq!(caseload.len(), 1);

    assert_eq!(
        caseload.import(first.clone(), june(4)),
        (key.clone(), ImportOutcome::Unchanged)
    );
    assert_eq!(caseload.get(&key).unwrap().versions.len(), 1);

    assert_eq!(
        caseload.import(second.clone(), june(10)),
        (key.clone(), ImportOutcome::Updated)
    );
    let client = caseload.get(&key).unwrap();
    assert_eq!(client.versions.len(), 2);
    assert_eq!(client.latest(), Some(&second));
    assert_eq!(client.previous(), Some(&first));
    assert_eq!(client.versions[1].imported_at, june(10));

    // The first file again, after the second: older, kept out, the newest stays newest.
    assert_eq!(
        caseload.import(first.clone(), june(11)),
        (key.clone(), ImportOutcome::Older)
    );
    let client = caseload.get(&key).unwrap();
    assert_eq!(client.versions.len(), 2);
    assert_eq!(client.latest(), Some(&second));
    assert_eq!(caseload.len(), 1, "no second client for the same person");

    for outcome in [
        ImportOutcome::New,
        ImportOutcome::Updated,
        ImportOutcome::Unchanged,
        ImportOutcome::Older,
    ] {
        assert!(!outcome.message(Language::Nl).is_empty());
        assert_ne!(outcome.message(Language::Nl), outcome.message(Language::En));
    }
}

#[test]
fn a_re_export_with_the_same_answers_is_an_update_not_unchanged() {
    // `modified` is part of the checksum: a new export is a new moment the job seeker chose
    // to share, and the overview's "last update" must move with it.
    let state = person(FIRST_TEST);
    let mut caseload = Caseload::new();
    let (key, _) = caseload.import(file(&state, None, &everything("Sam"), june(2)), june(2));
    let (again, outcome) =
        caseload.import(file(&state, None, &everything("Sam"), june(8)), june(8));
    assert_eq!(
        (again.as_str(), outcome),
        (key.as_str(), ImportOutcome::Updated)
    );
    assert!(caseload.get(&key).unwrap().changes(selftest()).is_empty());
}

#[test]
fn only_the_newest_versions_are_kept() {
    let mut state = person(FIRST_TEST);
    let mut caseload = Caseload::new();
    let mut files = Vec::new();
    for day in 1..=(KEPT_VERSIONS as u8 + 3) {
        log(
            &mut state,
            date!(2025 - 05 - 01) + Duration::days(day.into()),
            ActivityKind::Application,
        );
        let portfolio = file(&state, None, &everything("Sam"), june(day));
        files.push(portfolio.clone());
        caseload.import(portfolio, june(day));
    }
    let client = &caseload.clients[0];
    assert_eq!(client.versions.len(), KEPT_VERSIONS);
    let kept: Vec<&Portfolio> = client.versions.iter().map(|v| &v.portfolio).collect();
    let expected: Vec<&Portfolio> = files[files.len() - KEPT_VERSIONS..].iter().collect();
    assert_eq!(
        kept, expected,
        "the oldest go, oldest first stays the order"
    );
    assert!(client
        .versions
        .windows(2)
        .all(|w| w[0].imported_at < w[1].imported_at));
}

#[test]
fn the_coachs_agreements_survive_a_later_import() {
    let state = person(FIRST_TEST);
    let old = agreements(Some(4), Some(date!(2025 - 06 - 15)));
    let mut caseload = Caseload::new();

    // The first file carries the agreements of an earlier reply: the coach starts from them.
    let (key, _) = caseload.import(
        file(&state, Some(&old), &everything("Sam"), june(2)),
        june(2),
    );
    assert_eq!(caseload.get(&key).unwrap().agreements, old);

    let mut mine = old.clone();
    mine.application_target_per_4_weeks = Some(8);
    mine.items.push(Agreement {
        date: date!(2025 - 06 - 10),
        text: "Gesprek bij het uitzendbureau.".into(),
        by: "Coach Jansen".into(),
    });
    caseload.get_mut(&key).unwrap().agreements = mine.clone();

    // The job seeker's app still holds the old reply; their next file must not undo the
    // coach's changes.
    let (_, outcome) = caseload.import(
        file(&state, Some(&old), &everything("Sam"), june(9)),
        june(9),
    );
    assert_eq!(outcome, ImportOutcome::Updated);
    assert_eq!(caseload.get(&key).unwrap().agreements, mine);

    // Even an empty agreements list the coach chose stays empty.
    caseload.get_mut(&key).unwrap().agreements = Agreements::default();
    caseload.import(
        file(&state, Some(&old), &everything("Sam"), june(12)),
        june(12),
    );
    assert_eq!(
        caseload.get(&key).unwrap().agreements,
        Agreements::default()
    );

    // A first file without the section starts empty.
    let other = person(FIRST_TEST + Duration::hours(1));
    let (other_key, _) = caseload.import(
        file(
            &other,
            None,
            &choices(Some("Kim"), &[Section::Profile]),
            june(2),
        ),
        june(2),
    );
    assert!(caseload.get(&other_key).unwrap().agreements.is_empty());
}

#[test]
fn remove_takes_a_client_out() {
    let mut caseload = Caseload::new();
    let (sam, _) = caseload.import(
        file(&person(FIRST_TEST), None, &everything("Sam"), june(2)),
        june(2),
    );
    let (kim, _) = caseload.import(
        file(
            &person(FIRST_TEST + Duration::days(1)),
            None,
            &everything("Kim"),
            june(2),
        ),
        june(2),
    );
    let removed = caseload.remove(&sam).expect("was there");
    assert_eq!(removed.key, sam);
    assert!(caseload.get(&sam).is_none());
    assert!(caseload.get(&kim).is_some());
    assert!(caseload.remove(&sam).is_none());
    assert_eq!(caseload.len(), 1);
}

// ---------------------------------------------------------------------------------------
// The client key

#[test]
fn the_key_is_stable_across_re_exports_and_differs_between_people() {
    let mut sam = person(FIRST_TEST);
    let a = file(&sam, None, &everything("Sam de Vries"), june(2));
    choose(&mut sam.answers, "activities", &["volunteering"]);
    sam.complete_selftest(selftest(), FIRST_TEST + Duration::days(30));
    log(&mut sam, date!(2025 - 06 - 03), ActivityKind::Application);
    // Typed differently, other sections chosen, a later day: the same person.
    let b = file(
        &sam,
        None,
        &choices(
            Some("  sam  DE vries "),
            &[Section::Profile, Section::Activities],
        ),
        june(9),
    );
    assert_eq!(client_key(&a), client_key(&b));
    assert!(client_key(&a).contains("sam de vries"));

    // The same moment written with another offset is the same moment.
    let mut shifted = a.clone();
    shifted.created = a.created.to_offset(UtcOffset::from_hms(5, 30, 0).unwrap());
    assert_eq!(client_key(&shifted), client_key(&a));

    // Another person with the same alias (their own work map), and the same work map under
    // another alias, are someone else.
    let other = file(
        &person(FIRST_TEST + Duration::minutes(1)),
        None,
        &everything("Sam de Vries"),
        june(2),
    );
    assert_ne!(client_key(&other), client_key(&a));
    let renamed = file(&person(FIRST_TEST), None, &everything("Samira"), june(2));
    assert_ne!(client_key(&renamed), client_key(&a));

    let mut caseload = Caseload::new();
    for portfolio in [a, b, other, renamed] {
        caseload.import(portfolio, june(20));
    }
    assert_eq!(caseload.len(), 3);
}

#[test]
fn without_a_completed_self_test_each_export_is_a_new_key() {
    // The documented limit: `created` is then the moment of export.
    let state = AppState::default();
    let a = file(&state, None, &everything("Sam"), june(2));
    let b = file(&state, None, &everything("Sam"), june(3));
    assert_ne!(client_key(&a), client_key(&b));
    // No alias shared: the key still exists, and stays stable for a real work map.
    let quiet = person(FIRST_TEST);
    let c = file(&quiet, None, &choices(None, &[Section::Selftest]), june(2));
    let d = file(
        &quiet,
        None,
        &choices(None, &[Section::Activities]),
        june(5),
    );
    assert_eq!(client_key(&c), client_key(&d));
}

// ---------------------------------------------------------------------------------------
// Overview

/// The caseload of the overview tests, each client made for one thing to look at.
fn overview_caseload() -> Caseload {
    let mut caseload = Caseload::new();

    // Anna: volunteers (rung 4), money holds her back a lot (support first, re-integration
    // rung 3); three counting entries in the last four weeks, an interview that does not
    // count and one entry from before; the coach's target 5; evaluation in three days.
    let mut anna = AppState::default();
    choose(&mut anna.answers, "activities", &["volunteering"]);
    choose(&mut anna.answers, "obstacle_money", &["a_lot"]);
    anna.complete_selftest(selftest(), FIRST_TEST);
    for (date, kind) in [
        (date!(2025 - 06 - 19), ActivityKind::Application),
        (date!(2025 - 06 - 01), ActivityKind::NetworkContact),
        (date!(2025 - 05 - 24), ActivityKind::OpenApplication), // the 28th day back
        (date!(2025 - 06 - 10), ActivityKind::Interview),
        (date!(2025 - 05 - 23), ActivityKind::Application), // the 29th: outside
        (date!(2025 - 06 - 25), ActivityKind::Application), // ahead of today
    ] {
        log(&mut anna, date, kind);
    }
    anna.activities.own_target_per_4_weeks = Some(2);
    let (key, _) = caseload.import(file(&anna, None, &everything("Anna"), june(18)), june(18));
    caseload.get_mut(&key).unwrap().agreements =
        agreements(Some(5), Some(TODAY + Duration::days(3)));

    // Bram: never completed the test, but answered: paid work (rung 6, route self search);
    // his own target 2, met; his evaluation was yesterday.
    let mut bram = AppState::default();
    choose(&mut bram.answers, "activities", &["paid_work"]);
    log(&mut bram, date!(2025 - 06 - 12), ActivityKind::Application);
    log(&mut bram, date!(2025 - 06 - 13), ActivityKind::TempAgency);
    bram.activities.own_target_per_4_weeks = Some(2);
    let (key, _) = caseload.import(file(&bram, None, &everything("Bram"), june(15)), june(15));
    caseload.get_mut(&key).unwrap().agreements = agreements(None, Some(TODAY - Duration::days(1)));

    // Chris: shares only the profile.
    let chris = person(FIRST_TEST + Duration::days(2));
    caseload.import(
        file(
            &chris,
            None,
            &choices(Some("Chris"), &[Section::Profile]),
            june(10),
        ),
        june(10),
    );

    // Dewi: a coach's target, but the log is not shared; evaluation in a month.
    let dewi = person(FIRST_TEST + Duration::days(3));
    let (key, _) = caseload.import(
        file(
            &dewi,
            None,
            &choices(Some("Dewi"), &[Section::Profile, Section::Selftest]),
            june(11),
        ),
        june(11),
    );
    caseload.get_mut(&key).unwrap().agreements =
        agreements(Some(4), Some(TODAY + Duration::days(30)));

    // Eef: the self-test section is shared but empty (no answers, no history).
    let eef = AppState::default();
    caseload.import(
        file(
            &eef,
            None,
            &choices(
                Some("Eef"),
                &[Section::Profile, Section::Selftest, Section::Activities],
            ),
            june(12),
        ),
        june(12),
    );
    caseload
}

fn row<'a>(rows: &'a [OverviewRow], alias: &str) -> &'a OverviewRow {
    rows.iter()
        .find(|r| r.alias.as_deref() == Some(alias))
        .unwrap_or_else(|| panic!("a row for {alias}"))
}

#[test]
fn the_overview_shows_where_each_client_stands() {
    let caseload = overview_caseload();
    let rows = caseload.overview(selftest(), TODAY);
    assert_eq!(rows.len(), 5);

    let anna = row(&rows, "Anna");
    assert_eq!(anna.last_update, june(18));
    assert_eq!(anna.route, Some(RouteId::SupportFirst));
    assert_eq!(anna.participation, Some(4));
    assert_eq!(anna.reintegration, Some(3));
    assert_eq!(anna.activities_4_weeks, Some(3));
    assert_eq!(
        anna.target,
        Some(5),
        "the coach's target goes before her own"
    );
    assert!(anna.behind_target);
    assert_eq!(anna.next_evaluation, Some(date!(2025 - 06 - 23)));
    assert_eq!(anna.evaluation_due, EvaluationDue::Soon);
    assert_eq!(
        caseload.get(&anna.key).unwrap().application_target(),
        Some((5, TargetSource::Coach))
    );

    let bram = row(&rows, "Bram");
    assert_eq!(
        bram.route,
        Some(RouteId::SelfSearch),
        "scored from the current answers"
    );
    assert_eq!(bram.participation, Some(6));
    assert_eq!(bram.reintegration, Some(6));
    assert_eq!(bram.activities_4_weeks, Some(2));
    assert_eq!(bram.target, Some(2), "his own target");
    assert!(!bram.behind_target, "2 of 2 is on target");
    assert_eq!(bram.evaluation_due, EvaluationDue::Overdue);
    assert_eq!(
        caseload.get(&bram.key).unwrap().application_target(),
        Some((2, TargetSource::Own))
    );

    let chris = row(&rows, "Chris");
    assert_eq!(
        (chris.route, chris.participation, chris.reintegration),
        (None, None, None)
    );
    assert_eq!(chris.activities_4_weeks, None);
    assert_eq!(chris.target, None);
    assert!(!chris.behind_target);
    assert_eq!(chris.evaluation_due, EvaluationDue::NotPlanned);

    let dewi = row(&rows, "Dewi");
    assert_eq!(dewi.participation, Some(2));
    assert_eq!(dewi.target, Some(4));
    assert_eq!(dewi.activities_4_weeks, None);
    assert!(
        !dewi.behind_target,
        "without the log there is nothing to be behind on"
    );
    assert_eq!(dewi.evaluation_due, EvaluationDue::Later);

    let eef = row(&rows, "Eef");
    assert_eq!(eef.route, None, "no answers: no route, not the default one");
    assert_eq!(eef.activities_4_weeks, Some(0));
    assert_eq!(eef.target, None);
    assert!(!eef.behind_target);
}

#[test]
fn evaluation_due_has_clear_edges() {
    let day = |n: i64| Some(TODAY + Duration::days(n));
    assert_eq!(EvaluationDue::of(None, TODAY), EvaluationDue::NotPlanned);
    assert_eq!(EvaluationDue::of(day(-1), TODAY), EvaluationDue::Overdue);
    assert_eq!(EvaluationDue::of(day(0), TODAY), EvaluationDue::Soon);
    assert_eq!(EvaluationDue::of(day(7), TODAY), EvaluationDue::Soon);
    assert_eq!(EvaluationDue::of(day(8), TODAY), EvaluationDue::Later);
    assert_eq!(
        EvaluationDue::of(Some(Date::MAX), Date::MAX),
        EvaluationDue::Soon
    );
    assert_eq!(
        EvaluationDue::of(Some(Date::MIN), Date::MAX),
        EvaluationDue::Overdue
    );
    for due in [
        EvaluationDue::Overdue,
        EvaluationDue::Soon,
        EvaluationDue::Later,
        EvaluationDue::NotPlanned,
    ] {
        assert!(!due.label(Language::Nl).is_empty() && !due.label(Language::En).is_empty());
    }
}

#[test]
fn odd_files_give_unknowns_not_panics() {
    let mut state = person(FIRST_TEST);
    log(&mut state, date!(2025 - 06 - 01), ActivityKind::Application);
    let mut odd = file(&state, None, &everything("Odd"), june(2));
    let selftest_section = odd.selftest.as_mut().unwrap();
    let summary = &mut selftest_section.history[0].summary;
    summary.participation = Some(9);
    summary.reintegration = Some(200);
    summary.obstacles = vec!["no_such_obstacle".into()];
    let mut caseload = Caseload::new();
    let (key, _) = caseload.import(odd.clone(), june(2));
    for today in [TODAY, Date::MIN, Date::MAX] {
        let rows = caseload.overview(selftest(), today);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].participation, None, "rung 9 does not exist");
        assert_eq!(rows[0].reintegration, None);
        assert_eq!(rows[0].route, Some(RouteId::SelfSearch));
    }

    // A second version with an empty history and unknown ids: changes still describe.
    let mut next = odd.clone();
    next.modified = june(3);
    next.checksum = String::new();
    next.selftest.as_mut().unwrap().history.clear();
    caseload.import(next, june(3));
    let changes = caseload.get(&key).unwrap().changes(selftest());
    assert!(changes.contains(&Change::Route {
        from: Some(RouteId::SelfSearch),
        to: None
    }));
    assert!(changes.contains(&Change::ObstacleRemoved("no_such_obstacle".into())));
    assert!(
        !changes
            .iter()
            .any(|c| matches!(c, Change::Participation { .. })),
        "9 and none are both unknown"
    );
    for change in &changes {
        let text = change.describe(Language::Nl, selftest(), None);
        assert!(!text.is_empty());
    }
    let described =
        Change::ObstacleRemoved("no_such_obstacle".into()).describe(Language::En, selftest(), None);
    assert!(described.contains("no_such_obstacle"));

    // A client without any version, built by hand: no row, no changes, no alias.
    let empty = Client {
        versions: Vec::new(),
        ..caseload.get(&key).unwrap().clone()
    };
    assert!(empty.latest().is_none() && empty.previous().is_none() && empty.alias().is_none());
    assert!(empty.changes(selftest()).is_empty());
    let hand_made = Caseload {
        clients: vec![empty],
    };
    assert!(hand_made.overview(selftest(), TODAY).is_empty());
}

#[test]
fn an_overview_of_400_clients_completes() {
    let mut caseload = Caseload::new();
    for i in 0..400u32 {
        let mut state = AppState::default();
        let activity = [
            "paid_work",
            "volunteering",
            "course_or_club",
            "social_contacts",
            "mostly_home",
        ][i as usize % 5];
        choose(&mut state.answers, "activities", &[activity]);
        if i % 3 == 0 {
            choose(&mut state.answers, "obstacle_money", &["a_lot"]);
        }
        if i % 4 != 0 {
            state.complete_selftest(selftest(), FIRST_TEST + Duration::minutes(i.into()));
        }
        for n in 0..(i % 7) {
            log(
                &mut state,
                TODAY - Duration::days(n.into()),
                ActivityKind::Application,
            );
        }
        state.activities.own_target_per_4_weeks = Some(4);
        let sections: &[Section] = if i % 5 == 0 {
            &[Section::Profile, Section::Selftest]
        } else {
            &Section::ALL
        };
        let portfolio = build(
            &state,
            None,
            &choices(Some(&format!("Cliënt {i:03}")), sections),
            // Distinct `created` even without a completed test.
            june(1) + Duration::minutes(i.into()),
        );
        let (key, outcome) = caseload.import(portfolio, june(2));
        assert_eq!(outcome, ImportOutcome::New);
        if i % 2 == 0 {
            caseload.get_mut(&key).unwrap().agreements =
                agreements(Some(3), Some(TODAY + Duration::days(i64::from(i % 20) - 5)));
        }
    }
    let mut rows = caseload.overview(selftest(), TODAY);
    assert_eq!(rows.len(), 400);
    for column in SortColumn::ALL {
        sort_rows(&mut rows, column, true);
        sort_rows(&mut rows, column, false);
    }
    assert_eq!(rows.len(), 400);
    let behind = filter_rows(
        rows.clone(),
        &RowFilter {
            behind_only: true,
            ..RowFilter::default()
        },
    );
    assert!(!behind.is_empty() && behind.len() < 400);
    assert!(behind.iter().all(|r| r.behind_target));
    let one = filter_rows(
        rows,
        &RowFilter {
            text: "client 123".into(),
            ..RowFilter::default()
        },
    );
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].alias.as_deref(), Some("Cliënt 123"));
}

// ---------------------------------------------------------------------------------------
// Sorting and filtering

#[allow(clippy::too_many_arguments)]
fn hand_row(
    key: &str,
    alias: Option<&str>,
    day: u8,
    route: Option<RouteId>,
    participation: Option<u8>,
    reintegration: Option<u8>,
    activities: Option<usize>,
    next: Option<Date>,
) -> OverviewRow {
    OverviewRow {
        key: key.into(),
        alias: alias.map(str::to_owned),
        last_update: june(day),
        route,
        participation,
        reintegration,
        activities_4_weeks: activities,
        target: Some(3),
        next_evaluation: next,
        evaluation_due: EvaluationDue::of(next, TODAY),
        behind_target: activities.is_some_and(|a| a < 3),
    }
}

fn hand_rows() -> Vec<OverviewRow> {
    use RouteId::*;
    let d = |n: i64| Some(TODAY + Duration::days(n));
    vec![
        hand_row(
            "0",
            Some("émile"),
            5,
            Some(SupportFirst),
            Some(4),
            None,
            Some(2),
            d(3),
        ),
        hand_row("1", Some("Anna"), 9, None, Some(2), Some(3), None, None),
        hand_row(
            "2",
            None,
            5,
            Some(SelfSearch),
            None,
            Some(6),
            Some(5),
            d(-2),
        ),
        hand_row(
            "3",
            Some("bob"),
            1,
            Some(DiplomaFirst),
            Some(4),
            Some(3),
            Some(2),
            d(30),
        ),
        hand_row(
            "4",
            Some("Émile"),
            7,
            Some(SupportFirst),
            None,
            Some(0),
            Some(0),
            d(3),
        ),
        hand_row(
            "5",
            Some("Zoë"),
            9,
            Some(SelfSearch),
            Some(6),
            None,
            None,
            None,
        ),
        hand_row("6", Some("  "), 2, None, Some(1), Some(3), Some(9), d(-2)),
    ]
}

fn keys(rows: &[OverviewRow]) -> Vec<&str> {
    rows.iter().map(|r| r.key.as_str()).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    Text(String),
    Number(i128),
}

/// The value a column sorts on, as the test understands the rules.
fn value(row: &OverviewRow, column: SortColumn) -> Option<Value> {
    let number = |n: Option<i128>| n.map(Value::Number);
    match column {
        SortColumn::Alias => row
            .alias
            .as_deref()
            .map(normalize)
            .filter(|a| !a.is_empty())
            .map(Value::Text),
        SortColumn::LastUpdate => number(Some(row.last_update.unix_timestamp_nanos())),
        SortColumn::Route => number(row.route.map(|r| match r {
            RouteId::SelfSearch => 0,
            RouteId::SupportFirst => 1,
            RouteId::DiplomaFirst => 2,
        })),
        SortColumn::Participation => number(row.participation.map(i128::from)),
        SortColumn::Reintegration => number(row.reintegration.map(i128::from)),
        SortColumn::Activities => number(row.activities_4_weeks.map(|a| a as i128)),
        SortColumn::NextEvaluation => number(row.next_evaluation.map(|d| d.to_julian_day().into())),
    }
}

#[test]
fn every_column_sorts_stably_with_unknowns_last() {
    for column in SortColumn::ALL {
        for descending in [false, true] {
            let input = hand_rows();
            let mut rows = input.clone();
            sort_rows(&mut rows, column, descending);
            let context = format!("{column:?}, descending {descending}: {:?}", keys(&rows));
            let mut sorted_keys = keys(&rows);
            sorted_keys.sort();
            assert_eq!(sorted_keys, keys(&input), "same rows: {context}");
            let values: Vec<Option<Value>> = rows.iter().map(|r| value(r, column)).collect();
            let first_none = values
                .iter()
                .position(Option::is_none)
                .unwrap_or(values.len());
            assert!(
                values[first_none..].iter().all(Option::is_none),
                "unknowns last: {context}"
            );
            for (pair, keys) in values[..first_none].windows(2).zip(rows.windows(2)) {
                let ordered = if descending {
                    pair[0] >= pair[1]
                } else {
                    pair[0] <= pair[1]
                };
                assert!(ordered, "order: {context}");
                if pair[0] == pair[1] {
                    assert!(
                        keys[0].key < keys[1].key,
                        "ties keep their order: {context}"
                    );
                }
            }
            // Unknowns keep their order too.
            let none_keys: Vec<&str> = keys(&rows[first_none..]);
            let mut in_order = none_keys.clone();
            in_order.sort();
            assert_eq!(none_keys, in_order, "unknowns keep their order: {context}");
        }
    }
}

#[test]
fn sorting_by_alias_ignores_case_and_diacritics() {
    let mut rows = hand_rows();
    sort_rows(&mut rows, SortColumn::Alias, false);
    // Anna, bob, émile/Émile (a tie: input order), Zoë; then no alias and a blank one.
    assert_eq!(keys(&rows), ["1", "3", "0", "4", "5", "2", "6"]);
    sort_rows(&mut rows, SortColumn::Alias, true);
    assert_eq!(keys(&rows), ["5", "0", "4", "3", "1", "2", "6"]);

    let mut rows = hand_rows();
    sort_rows(&mut rows, SortColumn::Route, false);
    assert_eq!(keys(&rows), ["2", "5", "0", "4", "3", "1", "6"]);
    let mut rows = hand_rows();
    sort_rows(&mut rows, SortColumn::NextEvaluation, false);
    assert_eq!(keys(&rows), ["2", "6", "0", "4", "3", "1", "5"]);
}

#[test]
fn filters_combine() {
    let all = hand_rows();
    let run = |filter: RowFilter| {
        keys(&filter_rows(hand_rows(), &filter))
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(filter_rows(all.clone(), &RowFilter::default()), all);
    assert_eq!(
        run(RowFilter {
            text: " EMI ".into(),
            ..RowFilter::default()
        }),
        ["0", "4"]
    );
    assert_eq!(
        run(RowFilter {
            text: "zoe".into(),
            ..RowFilter::default()
        }),
        ["5"]
    );
    assert!(run(RowFilter {
        text: "nobody".into(),
        ..RowFilter::default()
    })
    .is_empty());
    assert_eq!(
        run(RowFilter {
            due_only: true,
            ..RowFilter::default()
        }),
        ["0", "2", "4", "6"]
    );
    assert_eq!(
        run(RowFilter {
            route: Some(RouteId::SupportFirst),
            ..RowFilter::default()
        }),
        ["0", "4"]
    );
    assert_eq!(
        run(RowFilter {
            behind_only: true,
            ..RowFilter::default()
        }),
        ["0", "3", "4"]
    );
    assert_eq!(
        run(RowFilter {
            text: "e".into(),
            due_only: true,
            route: Some(RouteId::SupportFirst),
            behind_only: true,
        }),
        ["0", "4"]
    );
    assert!(run(RowFilter {
        text: "bob".into(),
        due_only: true,
        ..RowFilter::default()
    })
    .is_empty());
}

// ---------------------------------------------------------------------------------------
// Changes between versions

fn no_obstacles(state: &mut AppState) {
    for question in [
        "obstacle_health_physical",
        "obstacle_health_mental",
        "obstacle_care",
        "obstacle_money",
        "obstacle_housing",
        "obstacle_language",
        "obstacle_digital",
        "obstacle_addiction",
        "obstacle_justice",
    ] {
        choose(&mut state.answers, question, &["none"]);
    }
}

#[test]
fn changes_show_what_moved_between_two_versions() {
    let catalog = CompetenceCatalog::bundled().unwrap();
    let mut state = AppState::default();
    choose(&mut state.answers, "activities", &["social_contacts"]);
    no_obstacles(&mut state);
    state.complete_selftest(selftest(), FIRST_TEST);
    state
        .competences
        .set_level(&catalog, "samenwerken", 2)
        .unwrap();
    state
        .competences
        .set_level(&catalog, "nauwkeurig", 1)
        .unwrap();
    log(&mut state, date!(2025 - 05 - 20), ActivityKind::Application);
    let before_sections = [
        Section::Profile,
        Section::Selftest,
        Section::Competences,
        Section::Activities,
    ];
    let v1 = file(
        &state,
        None,
        &choices(Some("Sam"), &before_sections),
        june(2),
    );

    choose(&mut state.answers, "activities", &["volunteering"]);
    choose(&mut state.answers, "obstacle_money", &["a_lot"]);
    state.complete_selftest(selftest(), datetime!(2025-06-05 11:00:00 +02:00));
    state
        .competences
        .set_level(&catalog, "samenwerken", 3)
        .unwrap();
    state
        .competences
        .set_level(&catalog, "klantvriendelijk", 2)
        .unwrap();
    log(&mut state, date!(2025 - 06 - 03), ActivityKind::Application);
    log(&mut state, date!(2025 - 06 - 04), ActivityKind::Interview);
    state
        .saved_vacancies
        .push(werkmap::core::activity::SavedVacancy {
            vacancy: common::plain_vacancy("v-1"),
            saved_on: date!(2025 - 06 - 04),
            applied: None,
        });
    let mut after_sections = before_sections.to_vec();
    after_sections.push(Section::Vacancies);
    let v2 = file(
        &state,
        None,
        &choices(Some("Sam"), &after_sections),
        june(6),
    );

    let mut caseload = Caseload::new();
    let (key, _) = caseload.import(v1.clone(), june(2));
    assert!(
        caseload.get(&key).unwrap().changes(selftest()).is_empty(),
        "one version: nothing to compare"
    );
    caseload.import(v2.clone(), june(6));
    let changes = caseload.get(&key).unwrap().changes(selftest());
    assert_eq!(
        changes,
        vec![
            Change::NewSelfTest {
                completed: date!(2025 - 06 - 05)
            },
            Change::Participation {
                from: Some(2),
                to: Some(4)
            },
            Change::Reintegration {
                from: Some(4),
                to: Some(3)
            },
            Change::Route {
                from: Some(RouteId::SelfSearch),
                to: Some(RouteId::SupportFirst)
            },
            Change::ObstacleAdded("money".into()),
            Change::CompetenceNew {
                competence: "klantvriendelijk".into(),
                level: 2
            },
            Change::CompetenceChanged {
                competence: "samenwerken".into(),
                from: 2,
                to: 3
            },
            Change::NewActivities { count: 2 },
            Change::SectionShared(Section::Vacancies),
        ]
    );

    let dutch: Vec<String> = changes
        .iter()
        .map(|c| c.describe(Language::Nl, selftest(), Some(content())))
        .collect();
    let english: Vec<String> = changes
        .iter()
        .map(|c| c.describe(Language::En, selftest(), Some(content())))
        .collect();
    assert_eq!(dutch[0], "Nieuwe zelftest gedaan op 5 juni 2025");
    assert_eq!(english[0], "New self-test done on 5 June 2025");
    assert!(
        dutch[1].contains("trede 2 (Contact met mensen buiten je huis)"),
        "{}",
        dutch[1]
    );
    assert!(dutch[1].contains("trede 4 (Onbetaald werk"), "{}", dutch[1]);
    assert!(english[1].contains("rung 4 (Unpaid work"), "{}", english[1]);
    assert!(
        dutch[3].contains("Zelf zoeken") && dutch[3].contains("Eerst steun"),
        "{}",
        dutch[3]
    );
    assert_eq!(dutch[4], "Houdt nu tegen: geld of schulden");
    assert_eq!(english[4], "Now holding back: money or debts");
    assert!(
        dutch[6].starts_with("Samenwerken: van niveau 2"),
        "{}",
        dutch[6]
    );
    assert!(
        english[6].starts_with("Working together: from level 2"),
        "{}",
        english[6]
    );
    assert_eq!(dutch[7], "2 nieuwe activiteiten in het logboek");
    assert_eq!(english[7], "2 new activities in the log");
    assert_eq!(dutch[8], "Deelt nu ook: Wensen en bewaarde vacatures");
    // Without the catalogue a competence is named by its id.
    assert!(changes[6]
        .describe(Language::Nl, selftest(), None)
        .starts_with("samenwerken: van niveau 2 naar 3"));
    assert_eq!(
        Change::NewSavedVacancies { count: 1 }.describe(Language::Nl, selftest(), None),
        "1 nieuwe bewaarde vacature"
    );

    // The third file no longer shares the competences and the obstacle is gone: the section
    // is reported, not every competence as removed.
    choose(&mut state.answers, "obstacle_money", &["none"]);
    state.complete_selftest(selftest(), datetime!(2025-06-12 11:00:00 +02:00));
    let third_sections: Vec<Section> = after_sections
        .iter()
        .copied()
        .filter(|s| *s != Section::Competences)
        .collect();
    let v3 = file(
        &state,
        None,
        &choices(Some("Sam"), &third_sections),
        june(13),
    );
    let changes = compare(&v2, &v3, selftest());
    assert!(changes.contains(&Change::ObstacleRemoved("money".into())));
    assert!(changes.contains(&Change::SectionNoLongerShared(Section::Competences)));
    assert!(!changes.iter().any(|c| matches!(
        c,
        Change::CompetenceNew { .. } | Change::CompetenceChanged { .. }
    )));
    assert!(!changes
        .iter()
        .any(|c| matches!(c, Change::NewActivities { .. })));
    assert_eq!(
        Change::SectionNoLongerShared(Section::Competences).describe(
            Language::En,
            selftest(),
            None
        ),
        "No longer shared: Competences and interests"
    );
}

#[test]
fn a_newly_shared_self_test_is_one_change_not_a_ladder_move() {
    let state = person(FIRST_TEST);
    let before = file(
        &state,
        None,
        &choices(Some("Sam"), &[Section::Profile]),
        june(2),
    );
    let after = file(
        &state,
        None,
        &choices(Some("Sam"), &[Section::Profile, Section::Selftest]),
        june(3),
    );
    assert_eq!(
        compare(&before, &after, selftest()),
        vec![Change::SectionShared(Section::Selftest)]
    );
}

// ---------------------------------------------------------------------------------------
// The stored record and the reply

fn sample_client() -> Client {
    let mut state = person(FIRST_TEST);
    let mut caseload = Caseload::new();
    let (key, _) = caseload.import(
        file(
            &state,
            Some(&agreements(Some(6), None)),
            &everything("Sam"),
            june(2),
        ),
        june(2),
    );
    log(&mut state, date!(2025 - 06 - 04), ActivityKind::Application);
    caseload.import(file(&state, None, &everything("Sam"), june(5)), june(5));
    let client = caseload.get_mut(&key).unwrap();
    client.replied_at = Some(june(6));
    client.clone()
}

#[test]
fn a_client_record_round_trips() {
    let client = sample_client();
    assert_eq!(client.schema_version, CLIENT_SCHEMA_VERSION);
    let json = client.to_json();
    assert_eq!(Client::from_json(&json), Ok(client.clone()));
    // Written without `replied_at`, it reads as never replied.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value.as_object_mut().unwrap().remove("replied_at");
    let read = Client::from_json(&value.to_string()).unwrap();
    assert_eq!(read.replied_at, None);
    assert_eq!(read.versions, client.versions);
}

#[test]
fn a_newer_or_damaged_record_is_refused() {
    let client = sample_client();
    let mut value: serde_json::Value = serde_json::from_str(&client.to_json()).unwrap();
    value["schema_version"] = serde_json::Value::from(CLIENT_SCHEMA_VERSION + 1);
    assert_eq!(
        Client::from_json(&value.to_string()),
        Err(ClientDataError::NewerVersion(CLIENT_SCHEMA_VERSION + 1))
    );
    value["schema_version"] = serde_json::Value::from(u64::MAX);
    assert_eq!(
        Client::from_json(&value.to_string()),
        Err(ClientDataError::NewerVersion(u32::MAX))
    );

    let mut no_versions: serde_json::Value = serde_json::from_str(&client.to_json()).unwrap();
    no_versions["versions"] = serde_json::json!([]);
    let mut bad_portfolio: serde_json::Value = serde_json::from_str(&client.to_json()).unwrap();
    bad_portfolio["versions"][0]["portfolio"]["selftest"] = serde_json::json!("yes");
    let json = client.to_json();
    for garbage in [
        String::new(),
        "not json".into(),
        "[]".into(),
        "{}".into(),
        "null".into(),
        r#"{"schema_version":"1"}"#.into(),
        r#"{"schema_version":0,"key":"k","versions":[],"agreements":{}}"#.into(),
        r#"{"schema_version":1}"#.into(),
        json[..json.len() / 2].to_owned(),
        no_versions.to_string(),
        bad_portfolio.to_string(),
    ] {
        let result = Client::from_json(&garbage);
        assert!(
            matches!(result, Err(ClientDataError::Unreadable(_))),
            "{garbage:.60}: {result:?}"
        );
    }
    for error in [
        ClientDataError::Unreadable("x".into()),
        ClientDataError::NewerVersion(2),
    ] {
        assert_ne!(error.message(Language::Nl), error.message(Language::En));
    }
}

#[test]
fn the_reply_carries_the_coachs_agreements_and_is_noted() {
    let mut client = sample_client();
    client.agreements = agreements(Some(8), Some(date!(2025 - 07 - 01)));
    let text = client.reply(Language::Nl, june(20));
    assert_eq!(client.replied_at, Some(june(20)));
    let reply = open(text.as_bytes(), None).expect("the reply opens");
    assert_eq!(reply.profile.and_then(|p| p.alias).as_deref(), Some("Sam"));
    match merge_coach_reply(&open(text.as_bytes(), None).unwrap(), None, june(20)) {
        MergeOutcome::Updated { agreements, .. } => assert_eq!(agreements, client.agreements),
        other => panic!("expected the agreements, got {other:?}"),
    }
}

proptest! {
    #[test]
    fn reading_any_text_never_panics(text in ".{0,200}") {
        let _ = Client::from_json(&text);
    }

    #[test]
    fn reading_a_mangled_record_never_panics(cut in 0usize..4000, byte in any::<u8>()) {
        let json = sample_client().to_json();
        let mut bytes = json.into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        let _ = Client::from_json(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn client_slugs_are_short_address_safe_and_find_the_client() {
    use werkmap::core::coach::client_slug;
    let key = "2026-08-10T14:04:46.167911957Z|sam de vries";
    let slug = client_slug(key);
    assert_eq!(slug.len(), 16);
    assert!(slug.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(slug, client_slug(key), "the same key, the same slug");
    assert_ne!(slug, client_slug("2026-08-10T14:04:46.167911957Z|sam"));
}

#[test]
fn stored_records_go_through_the_file_checks() {
    // Issue 15, item 7: values of the wrong kind were skipped without being counted, the same
    // client under a second key showed twice, and absurd stored values were shown as they
    // were ("0 / 4294967295", "1 januari -9999").
    let mut caseload = Caseload::new();
    let state = person(FIRST_TEST);
    let (key, _) = caseload.import(file(&state, None, &everything("Sam"), june(2)), june(2));
    let client = caseload.get(&key).expect("imported").clone();
    let json = client.to_json();

    let mut absurd_target: serde_json::Value = serde_json::from_str(&json).unwrap();
    absurd_target["agreements"]["application_target_per_4_weeks"] = 4_294_967_295u32.into();
    let mut absurd_date: serde_json::Value = serde_json::from_str(&json).unwrap();
    absurd_date["agreements"]["next_evaluation"] = "-9999-01-01".into();
    let mut absurd_alias: serde_json::Value = serde_json::from_str(&json).unwrap();
    absurd_alias["versions"][0]["portfolio"]["profile"]["alias"] = "\u{200B}".into();
    let mut other_person: serde_json::Value = serde_json::from_str(&json).unwrap();
    other_person["key"] = "2025-01-01T00:00:00Z|iemand anders".into();

    let stored = Caseload::from_records(vec![
        (key.clone(), Some(json.clone())),
        ("tweede-sleutel".to_owned(), Some(json.clone())),
        ("getal".to_owned(), None),
        ("doel".to_owned(), Some(absurd_target.to_string())),
        ("datum".to_owned(), Some(absurd_date.to_string())),
        ("naam".to_owned(), Some(absurd_alias.to_string())),
        ("ander".to_owned(), Some(other_person.to_string())),
    ]);
    assert_eq!(stored.caseload.len(), 1, "one person, once");
    assert_eq!(stored.unreadable, 4, "wrong kind, target, date, alias");
    assert_eq!(stored.caseload.clients[0].key, key, "the key the files say");
    assert_eq!(
        stored.merged,
        vec!["tweede-sleutel".to_owned(), "ander".to_owned()]
    );
    assert_eq!(
        stored.caseload.clients[0].versions.len(),
        1,
        "the same file once"
    );
}

#[test]
fn only_a_job_seekers_work_map_joins_the_caseload() {
    let mut state = AppState::default();
    choose(&mut state.answers, "age_band", &["27_34"]);
    let work_map = build(
        &state,
        None,
        &choices(Some("Sam"), &[Section::Selftest]),
        june(1),
    );
    let bytes = work_map.to_json();
    let opened = open_client_file(bytes.as_bytes(), "").expect("a work map opens");
    assert_eq!(opened, open(bytes.as_bytes(), None).unwrap());

    // A coach's reply holds agreements and a profile only.
    let reply = export_coach_reply(&Agreements::default(), Some("Sam"), Language::Nl, june(2));
    assert_eq!(
        open_client_file(reply.as_bytes(), ""),
        Err(OpenClientError::NotAWorkMap)
    );
    // Damaged files are refused with the file's own reason.
    assert!(matches!(
        open_client_file(b"{", ""),
        Err(OpenClientError::Portfolio(_))
    ));
    for language in Language::ALL {
        for error in [
            OpenClientError::NotAWorkMap,
            OpenClientError::NeedsPassphrase,
        ] {
            let message = error.message(language);
            assert!(
                !message.is_empty() && !message.contains("coach."),
                "{message}"
            );
        }
    }
}
