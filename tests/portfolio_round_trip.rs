//! Issue 15, items 5, 13 and 14: a file that opens is written out again with the same
//! checksum whatever way it wrote its values; names are read without hidden characters; a
//! date in the future never locks a person out.

use serde_json::{json, Value};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use werkmap::core::coach::{Caseload, ImportOutcome};
use werkmap::core::portfolio::{
    checksum_of, inspect, merge_coach_reply, open, preview, take_in, Inspected, MergeOutcome,
    Portfolio, PortfolioError,
};
use werkmap::core::storage::AppState;

const NOW: OffsetDateTime = datetime!(2026-12-07 12:00:00 UTC);

/// A small valid file, as `serde_json` values so a test can write them another way.
fn document() -> Value {
    json!({
        "format": "werkmap-portfolio",
        "version": 2,
        "app_version": "0.1.0",
        "created": "2026-11-01T10:00:00Z",
        "modified": "2026-12-01T10:00:00Z",
        "language": "nl",
        "shared": ["profile", "competences", "agreements"],
        "profile": { "alias": "Sam" },
        "competences": { "ratings": { "samenwerken": { "level": 3 } } },
        "agreements": { "items": [{ "date": "2026-12-01", "text": "Twee brieven", "by": "Coach" }],
                        "next_evaluation": "2026-12-15" },
    })
}

/// Seals a document the way a writer that checksums what it writes would.
fn sealed_as_written(mut document: Value) -> Vec<u8> {
    document["checksum"] = Value::from("");
    let checksum = checksum_of(&document);
    document["checksum"] = Value::from(checksum);
    serde_json::to_vec(&document).unwrap()
}

/// Seals a document with the checksum of its canonical form (what the app writes).
fn sealed_canonical(document: Value) -> Vec<u8> {
    let mut portfolio: Portfolio = serde_json::from_value({
        let mut d = document.clone();
        d["checksum"] = Value::from("");
        d
    })
    .expect("the shape is valid");
    portfolio.seal();
    let mut written = document;
    written["checksum"] = Value::from(portfolio.checksum);
    serde_json::to_vec(&written).unwrap()
}

fn opened(bytes: &[u8]) -> Portfolio {
    match inspect(bytes) {
        Ok(Inspected::Plain { portfolio, .. }) => *portfolio,
        other => panic!("expected a plain portfolio, got {other:?}"),
    }
}

#[test]
fn non_canonical_forms_round_trip_exactly() {
    // Before: the checksum covered the file as written, so these opened but their own
    // `to_json` (what the fuzz target writes again) failed the checksum.
    let variants: Vec<(&str, Value)> = vec![
        ("alias null", {
            let mut d = document();
            d["profile"]["age_band"] = Value::Null;
            d
        }),
        ("empty competence map", {
            let mut d = document();
            d["competences"]["interests"] = json!({});
            d
        }),
        ("plus sign on a year", {
            let mut d = document();
            d["agreements"]["next_evaluation"] = Value::from("+2026-12-15");
            d
        }),
        ("lowercase t", {
            let mut d = document();
            d["created"] = Value::from("2026-11-01t10:00:00Z");
            d
        }),
        ("zero fraction", {
            let mut d = document();
            d["modified"] = Value::from("2026-12-01T10:00:00.000Z");
            d
        }),
    ];
    for (what, variant) in variants {
        let bytes = sealed_canonical(variant.clone());
        let portfolio = match inspect(&bytes) {
            Ok(Inspected::Plain { portfolio, .. }) => *portfolio,
            // A form the date reader does not take at all is refused as damaged, never as
            // a checksum mismatch.
            Err(PortfolioError::Damaged(detail)) => {
                eprintln!("{what}: refused as damaged ({detail})");
                continue;
            }
            other => panic!("{what}: {other:?}"),
        };
        let again = open(portfolio.to_json().as_bytes(), None);
        assert_eq!(again.as_ref().ok(), Some(&portfolio), "{what}: {again:?}");
        // The checksum of the form as written no longer passes when it differs from the
        // canonical one: validate, import and export agree on one form.
        let as_written = sealed_as_written(variant);
        if as_written != bytes {
            assert_eq!(
                inspect(&as_written).err(),
                Some(PortfolioError::ChecksumMismatch),
                "{what}"
            );
        }
    }
}

#[test]
fn an_alias_of_hidden_characters_is_no_alias_and_names_are_shown_clean() {
    let mut d = document();
    d["profile"]["alias"] = Value::from("\u{200B}");
    assert!(
        matches!(inspect(&sealed_canonical(d)), Err(PortfolioError::Damaged(m)) if m.contains("alias")),
        "one zero-width space is not 1 to 100 characters"
    );
    let mut d = document();
    d["profile"]["alias"] = Value::from("S\u{202E}am\u{2066} de\u{200D} Vries");
    let portfolio = opened(&sealed_canonical(d));
    assert_eq!(preview(&portfolio).whose.as_deref(), Some("Sam de Vries"));
    let mut caseload = Caseload::new();
    let (key, _) = caseload.import(portfolio, NOW);
    assert_eq!(
        caseload.get(&key).and_then(|c| c.alias()).as_deref(),
        Some("Sam de Vries")
    );
}

#[test]
fn absurd_dates_and_targets_are_refused() {
    for (what, change) in [
        (
            "year 9999",
            json!({ "agreements": { "items": [], "next_evaluation": "9999-12-31" } }),
        ),
        (
            "year -9999",
            json!({ "agreements": { "items": [], "next_evaluation": "-9999-01-01" } }),
        ),
        (
            "target u32::MAX",
            json!({ "agreements": { "items": [], "application_target_per_4_weeks": 4294967295u32 } }),
        ),
    ] {
        let mut d = document();
        d["agreements"] = change["agreements"].clone();
        let result = inspect(&sealed_canonical(d));
        assert!(
            matches!(result, Err(PortfolioError::Damaged(_))),
            "{what}: {result:?}"
        );
    }
}

fn dated(modified: &str) -> Portfolio {
    let mut d = document();
    d["modified"] = Value::from(modified);
    opened(&sealed_canonical(d))
}

#[test]
fn a_file_from_the_future_never_locks_anyone_out() {
    // Before: after a file dated 9999-12-31 every real file was "older" at the coach, and
    // every real reply was refused at home.
    let future = dated("2199-12-31T00:00:00Z");
    let real = dated("2026-12-06T10:00:00Z");
    let mut caseload = Caseload::new();
    let (_, first) = caseload.import(real.clone(), NOW);
    assert_eq!(first, ImportOutcome::New);
    let (_, outcome) = caseload.import(future.clone(), NOW);
    assert_eq!(outcome, ImportOutcome::FromTheFuture);
    let newer = dated("2026-12-07T09:00:00Z");
    assert_eq!(caseload.import(newer, NOW).1, ImportOutcome::Updated);
    // Tomorrow's date from a clock a few hours ahead is fine.
    let ahead = dated("2026-12-08T06:00:00Z");
    assert_eq!(caseload.import(ahead, NOW).1, ImportOutcome::Updated);

    // At home: a reply from the future is refused, and a kept date from the future (taken
    // in before this check) does not hold back a real reply.
    assert!(matches!(
        merge_coach_reply(&future, None, NOW),
        MergeOutcome::FromTheFuture { .. }
    ));
    let kept = Some(datetime!(2199-12-31 00:00:00 UTC));
    assert!(matches!(
        merge_coach_reply(&real, kept, NOW),
        MergeOutcome::Updated { .. }
    ));
    // One's own file dated in the future keeps its agreements dated now at the latest.
    let mut state = AppState::default();
    take_in(&mut state, &future, NOW);
    assert_eq!(state.agreements.map(|a| a.replied_at), Some(NOW));
    assert!(NOW + Duration::days(1) > NOW);
}
