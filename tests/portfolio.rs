//! The portfolio file: export → import round trips, checksum, encryption, consent, the coach's
//! reply, kept older versions, the JSON Schema, and a corpus of hostile files.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{choose, selftest};
use proptest::prelude::*;
use serde_json::{json, Value};
use time::macros::{date, datetime};
use time::{OffsetDateTime, UtcOffset};
use werkmap::core::activity::{
    parse_target, Activity, ActivityInput, ActivityKind, ActivityLog, Outcome, SavedVacancy,
    MAX_TARGET_PER_4_WEEKS,
};
use werkmap::core::competence::{
    CompetenceCatalog, CompetenceProfile, InterestAnswer, InterestCatalog,
};
use werkmap::core::matching::Wishes;
use werkmap::core::portfolio::backups::Backups;
use werkmap::core::portfolio::crypto::{derive_key, KdfParams};
use werkmap::core::portfolio::format::schema;
use werkmap::core::portfolio::import::MAX_DEPTH;
use werkmap::core::portfolio::{
    build, checksum_of, encrypt, encrypt_with, export, export_coach_reply, inspect, json_schema,
    merge_coach_reply, open, preview, take_coach_reply, take_in_file, Agreement, Agreements,
    EncryptError, ExportChoices, Inspected, MergeOutcome, Portfolio, PortfolioError, PrivateParts,
    ProfileChoices, Section, MAX_AGREEMENT_CHARS, MAX_FILE_BYTES, VERSION,
};
use werkmap::core::selftest::{Answer, Answers, ResultSummary, RouteId, SearchStatus};
use werkmap::core::storage::{AppState, CompletedSelfTest};
use werkmap::core::text::Language;
use werkmap::core::vacancy::{ContractKind, HoursRange};
use werkmap::core::vocab::{EvidenceContext, Sector};

const NOW: OffsetDateTime = datetime!(2025-06-02 14:00:00 +02:00);
const SALT: [u8; 16] = [7; 16];
const NONCE: [u8; 24] = [9; 24];
/// Cheap Argon2 settings for tests that encrypt many times; one test uses the real ones.
const CHEAP: KdfParams = KdfParams {
    m_kib: 64,
    t: 1,
    p: 1,
};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio")
}

/// A job seeker with a completed self-test, competences and interests.
fn sample_state() -> AppState {
    let mut state = AppState::default();
    choose(&mut state.answers, "age_band", &["27_34"]);
    choose(&mut state.answers, "channels", &["job_sites", "network"]);
    choose(&mut state.answers, "obstacle_money", &["some"]);
    state
        .answers
        .set(
            &selftest().questionnaire,
            "postcode",
            Answer::Text("3511".into()),
        )
        .unwrap();
    state.complete_selftest(selftest(), datetime!(2025-01-02 09:00:00 +01:00));
    choose(&mut state.answers, "cv_ready", &["yes"]);
    state.complete_selftest(selftest(), datetime!(2025-03-10 11:15:00 +01:00));
    let competences = CompetenceCatalog::bundled().unwrap();
    let interests = InterestCatalog::bundled().unwrap();
    state
        .competences
        .set_level(&competences, "samenwerken", 3)
        .unwrap();
    state
        .competences
        .toggle_shown_in(&competences, "samenwerken", EvidenceContext::Volunteering)
        .unwrap();
    state
        .competences
        .set_level(&competences, "nauwkeurig", 2)
        .unwrap();
    state
        .competences
        .set_interest(&interests, "repareren", InterestAnswer::Yes)
        .unwrap();
    state.wishes = Wishes {
        home: Some("Utrecht".into()),
        max_distance_km: Some(20),
        hours: HoursRange::new(20, 32),
        contracts: [ContractKind::Regular, ContractKind::Bbl]
            .into_iter()
            .collect(),
        avoid_sectors: [Sector::Security].into_iter().collect(),
        avoid_heavy_work: true,
    };
    let mut saved = common::plain_vacancy("sample-000007");
    saved.title = "Orderpicker dagdienst".into();
    saved.employer = "Magazijn De Brug".into();
    state.saved_vacancies.push(SavedVacancy {
        vacancy: saved,
        saved_on: date!(2025 - 03 - 11),
        applied: Some(1),
    });
    state
        .activities
        .add(
            &ActivityInput {
                date: date!(2025 - 03 - 12),
                kind: ActivityKind::Application,
                employer: "Magazijn De Brug".into(),
                vacancy: Some("Orderpicker dagdienst".into()),
                vacancy_id: Some("sample-000007".into()),
                outcome: Outcome::Rejected,
                reason: Some("Te weinig ervaring met scanners.".into()),
                note: String::new(),
            },
            date!(2025 - 03 - 12),
        )
        .unwrap();
    state.activities.own_target_per_4_weeks = Some(6);
    state
}

fn sample_agreements() -> Agreements {
    Agreements {
        items: vec![Agreement {
            date: date!(2025 - 05 - 20),
            text: "Elke week twee sollicitaties in de zorg.".into(),
            by: "Coach Jansen, Werkplein".into(),
        }],
        application_target_per_4_weeks: Some(8),
        next_evaluation: Some(date!(2025 - 07 - 01)),
    }
}

fn everything() -> ExportChoices {
    ExportChoices {
        sections: Section::ALL.into_iter().collect(),
        profile: ProfileChoices {
            alias: Some("Sam".into()),
            age_band: true,
            postcode: true,
        },
        leave_out: PrivateParts::default(),
    }
}

/// The outcome as a short name, for tables of expected results.
fn outcome(result: &Result<Portfolio, PortfolioError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(PortfolioError::Empty) => "empty",
        Err(PortfolioError::TooLarge { .. }) => "too-large",
        Err(PortfolioError::NotJson) => "not-json",
        Err(PortfolioError::NotWerkmap) => "not-werkmap",
        Err(PortfolioError::TooDeep) => "too-deep",
        Err(PortfolioError::Damaged(_)) => "damaged",
        Err(PortfolioError::ChecksumMismatch) => "checksum",
        Err(PortfolioError::PassphraseNeeded) => "passphrase-needed",
        Err(PortfolioError::WrongPassphrase) => "wrong-passphrase",
        Err(PortfolioError::NewerVersion(_)) => "newer",
    }
}

/// Gives a hand-made document a correct checksum, so a test reaches the check after it.
fn reseal(mut document: Value) -> String {
    let checksum = checksum_of(&document);
    document["checksum"] = Value::from(checksum);
    serde_json::to_string_pretty(&document).unwrap()
}

fn sample_document() -> Value {
    serde_json::from_str(&export(
        &sample_state(),
        Some(&sample_agreements()),
        &everything(),
        NOW,
    ))
    .unwrap()
}

// ---------------------------------------------------------------------------------------
// Round trip, consent, preview

#[test]
fn export_then_open_gives_the_same_work_map() {
    let state = sample_state();
    let text = export(&state, Some(&sample_agreements()), &everything(), NOW);
    let portfolio = open(text.as_bytes(), None).expect("own export opens");
    assert_eq!(portfolio.format, Default::default());
    assert_eq!(portfolio.version, VERSION);
    assert_eq!(portfolio.shared, Section::ALL.to_vec());
    let selftest = portfolio.selftest.as_ref().unwrap();
    assert_eq!(selftest.current, state.answers);
    assert_eq!(selftest.history, state.history);
    assert_eq!(portfolio.competences.as_ref(), Some(&state.competences));
    assert_eq!(portfolio.agreements, Some(sample_agreements()));
    let profile = portfolio.profile.as_ref().unwrap();
    assert_eq!(profile.alias.as_deref(), Some("Sam"));
    assert_eq!(profile.age_band.as_deref(), Some("27_34"));
    assert_eq!(profile.postcode.as_deref(), Some("3511"));
    // created = the first completed self-test, modified = now.
    assert_eq!(portfolio.created, datetime!(2025-01-02 09:00:00 +01:00));
    assert_eq!(portfolio.modified, NOW);

    let Ok(Inspected::Plain { preview, .. }) = inspect(text.as_bytes()) else {
        panic!("a plain file inspects as plain");
    };
    assert_eq!(preview.whose.as_deref(), Some("Sam"));
    assert_eq!(preview.sections, Section::ALL.to_vec());
    assert_eq!(preview.file_version, VERSION);
    assert_eq!(preview.modified, NOW);
}

#[test]
fn unshared_sections_are_not_in_the_bytes() {
    let state = sample_state();
    let choices = ExportChoices {
        sections: [Section::Competences].into_iter().collect(),
        ..ExportChoices::default()
    };
    let text = export(&state, Some(&sample_agreements()), &choices, NOW);
    for absent in [
        "selftest",
        "profile",
        "agreements",
        "3511",
        "27_34",
        "job_sites",
        "obstacle_money",
        "Sam",
        "Jansen",
        "null",
    ] {
        assert!(!text.contains(absent), "`{absent}` is in the file:\n{text}");
    }
    assert!(text.contains("samenwerken"));
    let portfolio = open(text.as_bytes(), None).unwrap();
    assert_eq!(portfolio.shared, vec![Section::Competences]);
    assert_eq!(preview(&portfolio).whose, None);

    // The profile shares only the parts ticked.
    let choices = ExportChoices {
        sections: [Section::Profile].into_iter().collect(),
        profile: ProfileChoices {
            alias: Some("  S.  ".into()),
            age_band: true,
            postcode: false,
        },
        ..ExportChoices::default()
    };
    let text = export(&state, None, &choices, NOW);
    assert!(
        !text.contains("3511") && !text.contains("postcode"),
        "{text}"
    );
    assert!(text.contains("27_34"));
    let portfolio = open(text.as_bytes(), None).unwrap();
    assert_eq!(portfolio.profile.unwrap().alias.as_deref(), Some("S."));

    // Nothing chosen: a file with no sections at all, still valid.
    let text = export(&state, None, &ExportChoices::default(), NOW);
    assert!(!text.contains("samenwerken"));
    assert_eq!(
        open(text.as_bytes(), None).unwrap().shared,
        Vec::<Section>::new()
    );
}

// ---------------------------------------------------------------------------------------
// Checksum

#[test]
fn checksum_detects_a_changed_value() {
    let text = export(
        &sample_state(),
        Some(&sample_agreements()),
        &everything(),
        NOW,
    );
    let changed = text.replacen("3511", "3512", 1);
    assert_ne!(changed, text);
    assert_eq!(
        open(changed.as_bytes(), None),
        Err(PortfolioError::ChecksumMismatch)
    );
    let changed = text.replacen("\"level\": 3", "\"level\": 4", 1);
    assert_ne!(changed, text);
    assert_eq!(
        open(changed.as_bytes(), None),
        Err(PortfolioError::ChecksumMismatch)
    );
    // No checksum at all.
    let mut document = sample_document();
    document.as_object_mut().unwrap().remove("checksum");
    assert_eq!(
        open(document.to_string().as_bytes(), None),
        Err(PortfolioError::ChecksumMismatch)
    );
}

#[test]
fn every_changed_byte_is_refused_or_changes_only_the_layout() {
    let text = export(
        &sample_state(),
        Some(&sample_agreements()),
        &everything(),
        NOW,
    );
    let original = open(text.as_bytes(), None).unwrap();
    let bytes = text.as_bytes();
    let mut refused = 0;
    for position in 0..bytes.len() {
        for replacement in [b'x', b'1', b' '] {
            if bytes[position] == replacement {
                continue;
            }
            let mut changed = bytes.to_vec();
            changed[position] = replacement;
            match open(&changed, None) {
                Ok(portfolio) => assert_eq!(
                    portfolio, original,
                    "byte {position} changed to {replacement} was accepted with other content"
                ),
                Err(_) => refused += 1,
            }
        }
    }
    assert!(refused > bytes.len(), "most changes are refused");
}

#[test]
fn the_checksum_ignores_layout_only() {
    let document = sample_document();
    let compact = serde_json::to_string(&document).unwrap();
    assert!(open(compact.as_bytes(), None).is_ok());
    // Keys in another order (a hand-written serializer) hash the same.
    let mut reordered = serde_json::Map::new();
    let members = document.as_object().unwrap();
    for key in members.keys().rev() {
        reordered.insert(key.clone(), members[key].clone());
    }
    assert_eq!(
        checksum_of(&Value::Object(reordered)),
        checksum_of(&document)
    );
}

// ---------------------------------------------------------------------------------------
// Encryption

#[test]
fn encryption_round_trip_with_the_real_parameters() {
    let text = export(&sample_state(), None, &everything(), NOW);
    let started = Instant::now();
    let sealed = encrypt(&text, "correct horse battery staple", SALT, NONCE).unwrap();
    let took = started.elapsed();
    eprintln!("encrypt with Argon2id {:?}: {took:?}", KdfParams::DEFAULT);
    // The envelope says what it is and nothing else.
    for secret in ["Sam", "3511", "samenwerken", "selftest", "27_34"] {
        assert!(
            !sealed.contains(secret),
            "`{secret}` leaks into the envelope"
        );
    }
    let envelope: Value = serde_json::from_str(&sealed).unwrap();
    let mut keys: Vec<&str> = envelope
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["cipher", "ciphertext", "format", "kdf", "nonce", "version"]
    );
    assert_eq!(envelope["format"], "werkmap-portfolio-encrypted");
    assert_eq!(envelope["kdf"]["name"], "argon2id");
    assert_eq!(envelope["kdf"]["m_kib"], 19_456);
    assert_eq!(envelope["kdf"]["t"], 2);
    assert_eq!(envelope["cipher"], "xchacha20poly1305");

    assert_eq!(inspect(sealed.as_bytes()), Ok(Inspected::Encrypted));
    assert_eq!(
        open(sealed.as_bytes(), None),
        Err(PortfolioError::PassphraseNeeded)
    );
    let opened = open(sealed.as_bytes(), Some("correct horse battery staple")).unwrap();
    assert_eq!(opened, open(text.as_bytes(), None).unwrap());
    assert_eq!(
        open(sealed.as_bytes(), Some("Correct horse battery staple")),
        Err(PortfolioError::WrongPassphrase)
    );
}

#[test]
fn argon2_timing_of_one_derivation() {
    let started = Instant::now();
    derive_key("correct horse battery staple", &SALT, KdfParams::DEFAULT).unwrap();
    let took = started.elapsed();
    eprintln!("one Argon2id derivation (19 MiB, t=2, p=1): {took:?}");
    assert!(took < Duration::from_secs(30));
}

#[test]
fn wrong_passphrase_and_tampering_are_refused() {
    let text = export(&sample_state(), None, &everything(), NOW);
    let sealed = encrypt_with(&text, "geheim", SALT, NONCE, CHEAP).unwrap();
    assert!(open(sealed.as_bytes(), Some("geheim")).is_ok());
    assert_eq!(
        open(sealed.as_bytes(), Some("Geheim")),
        Err(PortfolioError::WrongPassphrase)
    );
    assert_eq!(
        open(sealed.as_bytes(), Some("")),
        Err(PortfolioError::WrongPassphrase)
    );
    // The same passphrase in another Unicode form (é as e + combining accent) still opens.
    let sealed_accent = encrypt_with(&text, "caf\u{e9}", SALT, NONCE, CHEAP).unwrap();
    assert!(open(sealed_accent.as_bytes(), Some("cafe\u{301}")).is_ok());

    let envelope: Value = serde_json::from_str(&sealed).unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut ciphertext = b64
        .decode(envelope["ciphertext"].as_str().unwrap())
        .unwrap();
    for index in [0, ciphertext.len() / 2, ciphertext.len() - 1] {
        ciphertext[index] ^= 1;
        let mut tampered = envelope.clone();
        tampered["ciphertext"] = Value::from(b64.encode(&ciphertext));
        assert_eq!(
            open(tampered.to_string().as_bytes(), Some("geheim")),
            Err(PortfolioError::WrongPassphrase)
        );
        ciphertext[index] ^= 1;
    }
    // Other salt or nonce: refused too.
    let mut tampered = envelope.clone();
    tampered["nonce"] = Value::from(b64.encode([1u8; 24]));
    assert_eq!(
        open(tampered.to_string().as_bytes(), Some("geheim")),
        Err(PortfolioError::WrongPassphrase)
    );
    // A hostile file asking for 4 GiB of memory or a million passes is refused unread.
    for (field, value) in [
        ("m_kib", json!(4_194_304u32)),
        ("t", json!(1_000_000)),
        ("p", json!(8)),
        ("m_kib", json!(0)),
        ("salt", json!("AAAA")),
        ("name", json!("scrypt")),
    ] {
        let mut hostile = envelope.clone();
        hostile["kdf"][field] = value;
        let result = open(hostile.to_string().as_bytes(), Some("geheim"));
        assert_eq!(outcome(&result), "damaged", "kdf.{field}");
        assert!(matches!(
            inspect(hostile.to_string().as_bytes()),
            Err(PortfolioError::Damaged(_))
        ));
    }
    let mut newer = envelope.clone();
    newer["version"] = json!(2);
    assert_eq!(
        open(newer.to_string().as_bytes(), Some("geheim")),
        Err(PortfolioError::NewerVersion(2))
    );
    assert_eq!(
        encrypt_with(&text, "", SALT, NONCE, CHEAP),
        Err(EncryptError::EmptyPassphrase)
    );
    // Encrypted content that is not a portfolio is damaged, not "not JSON".
    let sealed_junk = encrypt_with("hello", "geheim", SALT, NONCE, CHEAP).unwrap();
    assert_eq!(
        outcome(&open(sealed_junk.as_bytes(), Some("geheim"))),
        "damaged"
    );
    let nested = encrypt_with(&sealed, "geheim", SALT, NONCE, CHEAP).unwrap();
    assert_eq!(outcome(&open(nested.as_bytes(), Some("geheim"))), "damaged");
}

// ---------------------------------------------------------------------------------------
// Coach reply

#[test]
fn a_coach_reply_merges_only_the_agreements() {
    let state = sample_state();
    let before = state.clone();
    let reply_text = export_coach_reply(&sample_agreements(), Some("Sam"), Language::Nl, NOW);
    let reply = open(reply_text.as_bytes(), None).unwrap();
    assert_eq!(reply.shared, vec![Section::Profile, Section::Agreements]);
    assert!(reply.selftest.is_none() && reply.competences.is_none());
    match merge_coach_reply(&reply, None, NOW) {
        MergeOutcome::Updated {
            agreements,
            replied_at,
            ignored,
        } => {
            assert_eq!(agreements, sample_agreements());
            assert_eq!(replied_at, NOW);
            assert_eq!(ignored, vec![Section::Profile]);
        }
        other => panic!("expected an update, got {other:?}"),
    }

    // A coach who sends back the whole file with changed answers and competences: only the
    // agreements are taken; the job seeker's own sections are listed as ignored.
    let mut other = AppState::default();
    choose(&mut other.answers, "age_band", &["55_plus"]);
    let coach_file = build(&other, Some(&sample_agreements()), &everything(), NOW);
    let coach_file = open(coach_file.to_json().as_bytes(), None).unwrap();
    let MergeOutcome::Updated {
        agreements,
        ignored,
        ..
    } = merge_coach_reply(&coach_file, None, NOW)
    else {
        panic!("expected an update");
    };
    assert_eq!(agreements, sample_agreements());
    assert_eq!(
        ignored,
        vec![
            Section::Profile,
            Section::Selftest,
            Section::Competences,
            Section::Vacancies,
            Section::Activities
        ]
    );
    // The merge only reads the reply; the job seeker's state is untouched.
    assert_eq!(state, before);

    // An older reply opened after a newer one changes nothing.
    assert_eq!(
        merge_coach_reply(&reply, Some(NOW + time::Duration::days(1)), NOW),
        MergeOutcome::Older { replied_at: NOW }
    );
    // A job seeker's file without agreements is not a reply.
    let plain = build(
        &state,
        None,
        &ExportChoices {
            sections: [Section::Selftest].into_iter().collect(),
            ..ExportChoices::default()
        },
        NOW,
    );
    assert_eq!(
        merge_coach_reply(&plain, None, NOW),
        MergeOutcome::NoAgreements
    );
}

#[test]
fn taking_a_coach_reply_changes_the_agreements_only_with_the_coach_who_wrote_them() {
    let mut state = sample_state();
    let before = state.clone();
    let reply_text = export_coach_reply(&sample_agreements(), Some("Sam"), Language::Nl, NOW);
    let reply = open(reply_text.as_bytes(), None).unwrap();
    assert!(matches!(
        take_coach_reply(&mut state, &reply, NOW),
        MergeOutcome::Updated { .. }
    ));
    let received = state.agreements.clone().expect("agreements taken in");
    assert_eq!(received.agreements, sample_agreements());
    assert_eq!(received.replied_at, NOW);
    assert_eq!(received.from.as_deref(), Some("Coach Jansen, Werkplein"));
    assert_eq!(
        AppState {
            agreements: None,
            ..state.clone()
        },
        before,
        "nothing but the agreements changed"
    );
    // The same reply again, now older than what was taken: nothing changes.
    let kept = state.clone();
    let earlier = open(
        export_coach_reply(
            &sample_agreements(),
            Some("Sam"),
            Language::Nl,
            NOW - time::Duration::days(2),
        )
        .as_bytes(),
        None,
    )
    .unwrap();
    assert!(matches!(
        take_coach_reply(&mut state, &earlier, NOW),
        MergeOutcome::Older { .. }
    ));
    assert_eq!(state, kept);
}

#[test]
fn taking_in_an_own_file_keeps_the_replaced_work_map_as_a_backup() {
    let content = common::content();
    let current = sample_state();
    let mut other = AppState::default();
    choose(&mut other.answers, "channels", &["network"]);
    other.agreements = Some(werkmap::core::storage::ReceivedAgreements::new(
        sample_agreements(),
        NOW,
    ));
    let file = build(
        &other,
        Some(&sample_agreements()),
        &ExportChoices {
            sections: [Section::Selftest, Section::Agreements]
                .into_iter()
                .collect(),
            ..ExportChoices::default()
        },
        NOW,
    );
    let file = open(file.to_json().as_bytes(), None).unwrap();
    let backups = Backups::default();
    let taken = take_in_file(&current, &backups, &file, content, NOW).unwrap();
    assert_eq!(taken.replaced, vec![Section::Selftest, Section::Agreements]);
    assert_eq!(taken.state.answers, other.answers);
    // Parts the file does not hold stay as they were.
    assert_eq!(taken.state.activities, current.activities);
    assert_eq!(taken.state.competences, current.competences);
    // The agreements say who wrote them, as a reply taken in does.
    assert_eq!(
        taken
            .state
            .agreements
            .as_ref()
            .and_then(|a| a.from.as_deref()),
        Some("Coach Jansen, Werkplein")
    );
    // The replaced work map is the newest backup, and comes back whole.
    assert_eq!(taken.backups.items.len(), 1);
    let mut list = taken.backups.clone();
    let back = list.bring_back(0, &taken.state, NOW).unwrap();
    assert_eq!(back, current);
    // The inputs are untouched: the caller stores the list before it shows the new state.
    assert!(backups.items.is_empty());
}

#[test]
fn agreements_and_targets_are_checked_on_every_way_in() {
    let long = "a".repeat(MAX_AGREEMENT_CHARS + 1);
    let mut document = sample_document();
    document["agreements"]["items"][0]["text"] = Value::from(long.clone());
    let result = open(reseal(document).as_bytes(), None);
    assert_eq!(outcome(&result), "damaged", "{result:?}");

    let mut document = sample_document();
    document["agreements"]["application_target_per_4_weeks"] =
        Value::from(MAX_TARGET_PER_4_WEEKS + 1);
    let result = open(reseal(document).as_bytes(), None);
    assert_eq!(outcome(&result), "damaged", "{result:?}");
    let mut document = sample_document();
    document["activities"]["own_target_per_4_weeks"] = Value::from(MAX_TARGET_PER_4_WEEKS + 1);
    let result = open(reseal(document).as_bytes(), None);
    assert_eq!(outcome(&result), "damaged", "{result:?}");
    let mut document = sample_document();
    document["agreements"]["application_target_per_4_weeks"] = Value::from(MAX_TARGET_PER_4_WEEKS);
    assert!(open(reseal(document).as_bytes(), None).is_ok());

    // The forms follow the same limits.
    assert_eq!(parse_target(" 12 "), Some(12));
    assert_eq!(parse_target("0"), Some(0));
    assert_eq!(
        parse_target(&MAX_TARGET_PER_4_WEEKS.to_string()),
        Some(MAX_TARGET_PER_4_WEEKS)
    );
    assert_eq!(
        parse_target(&(MAX_TARGET_PER_4_WEEKS + 1).to_string()),
        None
    );
    assert_eq!(parse_target("-1"), None);
    assert_eq!(parse_target("twee"), None);
    let typed = Agreement::typed(
        date!(2025 - 06 - 02),
        &format!("  {long}  "),
        "Coach".into(),
    )
    .expect("a typed agreement");
    assert_eq!(typed.text.chars().count(), MAX_AGREEMENT_CHARS);
    assert_eq!(
        Agreement::typed(date!(2025 - 06 - 02), "   ", "Coach".into()),
        None
    );
}

// ---------------------------------------------------------------------------------------
// Kept versions and the schema

#[test]
fn every_kept_version_opens() {
    let mut versions = Vec::new();
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(version) = name
            .strip_prefix('v')
            .and_then(|rest| rest.strip_suffix(".werkmap.json"))
        else {
            continue;
        };
        let version: u32 = version.parse().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(Inspected::Plain { preview, portfolio }) = inspect(&bytes) else {
            panic!("{name} does not open: {:?}", inspect(&bytes));
        };
        assert_eq!(preview.file_version, version, "{name}");
        assert_eq!(
            portfolio.version, VERSION,
            "{name} is migrated to the current version"
        );
        // A migrated portfolio is self-consistent: written out again, it opens.
        assert_eq!(
            open(portfolio.to_json().as_bytes(), None).unwrap(),
            *portfolio
        );
        versions.push(version);
    }
    versions.sort_unstable();
    assert_eq!(
        versions,
        (1..=VERSION).collect::<Vec<_>>(),
        "keep a file of every version in tests/fixtures/portfolio/v<N>.werkmap.json"
    );
}

#[test]
fn the_version_1_file_keeps_its_content() {
    let bytes = std::fs::read(fixtures().join("v1.werkmap.json")).unwrap();
    let portfolio = open(&bytes, None).unwrap();
    let profile = portfolio.profile.as_ref().unwrap();
    assert_eq!(profile.alias.as_deref(), Some("Sam"));
    assert_eq!(profile.postcode.as_deref(), Some("3511"));
    let selftest = portfolio.selftest.as_ref().unwrap();
    assert_eq!(selftest.history.len(), 2);
    assert_eq!(
        selftest.current.chosen("channels"),
        ["job_sites".to_owned(), "network".to_owned()]
    );
    let competences = portfolio.competences.as_ref().unwrap();
    assert_eq!(competences.level("samenwerken"), Some(3));
    assert_eq!(portfolio.agreements, Some(sample_agreements()));
}

#[test]
fn private_answers_stay_out_unless_chosen() {
    let mut state = sample_state();
    choose(&mut state.answers, "obstacle_addiction", &["a_lot"]);
    choose(&mut state.answers, "obstacle_help", &["addiction", "money"]);
    state.complete_selftest(selftest(), NOW);
    assert!(state
        .history
        .last()
        .unwrap()
        .summary
        .obstacles
        .contains(&"addiction".to_owned()));
    let mut choices = everything();
    choices.leave_out = PrivateParts::of(selftest());
    let text = export(&state, None, &choices, NOW);
    assert!(
        !text.contains("addiction"),
        "no trace of the private subject: {text}"
    );
    assert!(!text.contains("obstacle_addiction"));
    let opened = open(text.as_bytes(), None).unwrap();
    let current = &opened.selftest.as_ref().unwrap().current;
    assert_eq!(
        current.chosen("obstacle_help"),
        ["money".to_owned()],
        "the rest of the answer stays"
    );
    assert!(current.get("obstacle_money").is_some());
    // Chosen explicitly, it is shared.
    let text = export(&state, None, &everything(), NOW);
    assert!(text.contains("obstacle_addiction"));
}

/// Unticked, age and postcode are nowhere in the file: not in the profile and not among the
/// self-test's answers (current or kept), and the consent screen's texts say so.
#[test]
fn age_and_postcode_stay_out_unless_chosen() {
    let state = sample_state();
    let mut choices = everything();
    choices.profile.age_band = false;
    choices.profile.postcode = false;
    let text = export(&state, None, &choices, NOW);
    assert!(!text.contains("27_34"), "no age band: {text}");
    assert!(!text.contains("3511"), "no postcode: {text}");
    let opened = open(text.as_bytes(), None).unwrap();
    let selftest_section = opened.selftest.as_ref().unwrap();
    assert!(selftest_section.current.get("age_band").is_none());
    assert!(selftest_section
        .history
        .iter()
        .all(|h| h.answers.get("postcode").is_none()));
    assert!(
        selftest_section.current.get("channels").is_some(),
        "the rest stays"
    );
    let says = |section, profile: &ProfileChoices| {
        werkmap::core::portfolio::section_contents(&state, section, profile, Language::Nl).unwrap()
    };
    assert!(
        says(Section::Profile, &choices.profile).contains("Niet je leeftijd en niet je postcode")
    );
    assert!(says(Section::Selftest, &choices.profile)
        .contains("Zonder je leeftijd en zonder je postcode"));
    // Ticked, both are in.
    choices.profile.age_band = true;
    choices.profile.postcode = true;
    let text = export(&state, None, &choices, NOW);
    assert!(text.contains("27_34") && text.contains("3511"));
    assert!(!says(Section::Selftest, &choices.profile).contains("Zonder"));
}

/// The version-2 file: every section, vacancies and activities included. Written from
/// [`sample_state`] with `UPDATE_FIXTURES=1` when the version is new; kept as it is after.
#[test]
fn the_version_2_file_keeps_its_content() {
    let path = fixtures().join("v2.werkmap.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() && VERSION == 2 {
        let text = export(
            &sample_state(),
            Some(&sample_agreements()),
            &everything(),
            NOW,
        );
        std::fs::write(&path, text).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let portfolio = open(&bytes, None).unwrap();
    let vacancies = portfolio.vacancies.as_ref().unwrap();
    assert_eq!(vacancies.wishes.max_distance_km, Some(20));
    assert!(vacancies.wishes.avoid_heavy_work);
    assert_eq!(vacancies.saved.len(), 1);
    assert_eq!(vacancies.saved[0].vacancy.title, "Orderpicker dagdienst");
    let activities = portfolio.activities.as_ref().unwrap();
    assert_eq!(activities.entries.len(), 1);
    assert_eq!(activities.entries[0].outcome, Outcome::Rejected);
    assert_eq!(activities.own_target_per_4_weeks, Some(6));
    assert_eq!(portfolio.agreements, Some(sample_agreements()));
}

#[test]
fn the_checked_in_schema_matches_the_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/schema/portfolio.schema.json");
    let generated = json_schema();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "public/schema/portfolio.schema.json differs from the Rust types in \
         src/core/portfolio/format.rs. If the change to the file format is intended (and \
         the version was bumped when old files would no longer read), update it with:\n\n    \
         UPDATE_SCHEMA=1 cargo test --test portfolio\n"
    );
    let schema: Value = serde_json::from_str(&generated).unwrap();
    assert_eq!(schema["title"], "Werkmap portfolio");
    assert_eq!(schema["additionalProperties"], false);
}

/// The schema twins of core types read what the real types write, and back.
fn through_twin<Real, Twin>(real: &Real) -> Real
where
    Real: serde::Serialize + serde::de::DeserializeOwned,
    Twin: serde::Serialize + serde::de::DeserializeOwned,
{
    let value = serde_json::to_value(real).unwrap();
    let twin: Twin = serde_json::from_value(value.clone())
        .unwrap_or_else(|e| panic!("the schema twin cannot read {value}: {e}"));
    serde_json::from_value(serde_json::to_value(twin).unwrap()).unwrap()
}

// ---------------------------------------------------------------------------------------
// Hostile files

#[test]
fn the_hostile_corpus_is_refused_with_the_expected_reason() {
    // Files are named `<expected outcome>--<what>.json`.
    let dir = fixtures().join("hostile");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = name.split("--").next().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let result = open(&bytes, None);
        assert_eq!(outcome(&result), expected, "{name}: {result:?}");
        if let Err(error) = &result {
            for language in Language::ALL {
                assert!(!error.message(language).is_empty());
            }
        }
        seen += 1;
    }
    assert!(seen >= 15, "the corpus has {seen} files");
}

#[test]
fn generated_hostile_inputs_are_refused_without_a_panic() {
    // 50 MB: refused by size, before parsing, quickly.
    let huge = vec![b' '; 50 * 1024 * 1024];
    let started = Instant::now();
    assert_eq!(
        open(&huge, None),
        Err(PortfolioError::TooLarge {
            size: huge.len(),
            limit: MAX_FILE_BYTES
        })
    );
    assert!(started.elapsed() < Duration::from_millis(50));

    // 100,000-deep nesting, arrays and objects: an error, not a stack overflow.
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        open(deep_array.as_bytes(), None),
        Err(PortfolioError::TooDeep)
    );
    let deep_object = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert_eq!(
        open(deep_object.as_bytes(), None),
        Err(PortfolioError::TooDeep)
    );
    let unclosed = "[".repeat(100_000);
    assert_eq!(
        open(unclosed.as_bytes(), None),
        Err(PortfolioError::TooDeep)
    );
    // Brackets inside strings do not count.
    let mut document = sample_document();
    document["profile"]["alias"] = Value::from("[[[[{{{{".repeat(10));
    assert!(open(reseal(document).as_bytes(), None).is_ok());
    // Just within the limit, in a document that is otherwise ours: damaged, not deep.
    let mut document = sample_document();
    let mut nested = json!(1);
    for _ in 0..MAX_DEPTH - 1 {
        nested = json!([nested]);
    }
    document["app_version"] = nested;
    assert_eq!(outcome(&open(reseal(document).as_bytes(), None)), "damaged");

    // A UTF-8 byte order mark is accepted.
    let text = export(&sample_state(), None, &everything(), NOW);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(text.as_bytes());
    assert!(open(&with_bom, None).is_ok());
    assert_eq!(open(b"\xEF\xBB\xBF", None), Err(PortfolioError::Empty));
    assert_eq!(open(b"", None), Err(PortfolioError::Empty));
    assert_eq!(open(b" \n\t ", None), Err(PortfolioError::Empty));

    // Cut off anywhere: refused, never a panic, never accepted.
    for end in (0..text.len()).step_by(7) {
        let result = open(&text.as_bytes()[..end], None);
        assert!(result.is_err(), "cut at {end} accepted");
    }
    assert_eq!(
        outcome(&open(&text.as_bytes()[..text.len() / 2], None)),
        "damaged"
    );

    // A huge string (9 MB) in a field: refused with a reason.
    let mut document = sample_document();
    document["profile"]["alias"] = Value::from("A".repeat(9_000_000));
    assert_eq!(outcome(&open(reseal(document).as_bytes(), None)), "damaged");
    let mut document = sample_document();
    document["app_version"] = Value::from("é".repeat(30_000));
    assert_eq!(outcome(&open(reseal(document).as_bytes(), None)), "damaged");

    // Script tags and spreadsheet formulas in every text field are kept as text.
    let mut document = sample_document();
    let script = "<script>alert(1)</script>=cmd|' /C calc'!A0";
    document["profile"]["alias"] = Value::from(script);
    document["agreements"]["items"][0]["text"] = Value::from(script);
    document["agreements"]["items"][0]["by"] = Value::from(script);
    document["app_version"] = Value::from(script);
    let portfolio = open(reseal(document).as_bytes(), None).unwrap();
    assert_eq!(portfolio.profile.unwrap().alias.as_deref(), Some(script));
    assert_eq!(portfolio.agreements.unwrap().items[0].text, script);
}

#[test]
fn wrong_shapes_are_damaged() {
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit); 15] = [
        ("version as text", |d| d["version"] = json!("1")),
        ("created not a date", |d| d["created"] = json!("yesterday")),
        ("shared not a list", |d| d["shared"] = json!("all")),
        ("unknown section", |d| {
            d["shared"] = json!(["profile", "diary"])
        }),
        ("unknown field", |d| d["diary"] = json!("dear diary")),
        ("unknown field in a section", |d| {
            d["profile"]["bsn"] = json!("123456782")
        }),
        ("section null", |d| d["profile"] = Value::Null),
        ("section null and not shared", |d| {
            d["profile"] = Value::Null;
            d["shared"] = json!(["selftest", "competences", "agreements"]);
        }),
        ("level as text", |d| {
            d["competences"]["ratings"]["samenwerken"]["level"] = json!("3")
        }),
        ("level above 4", |d| {
            d["competences"]["ratings"]["samenwerken"]["level"] = json!(9)
        }),
        ("postcode not digits", |d| {
            d["profile"]["postcode"] = json!("35AB")
        }),
        ("section not shared", |d| d["shared"] = json!(["profile"])),
        ("section shared twice", |d| {
            d["shared"] = json!([
                "profile",
                "profile",
                "selftest",
                "competences",
                "agreements"
            ])
        }),
        ("agreement date wrong", |d| {
            d["agreements"]["items"][0]["date"] = json!("20-05-2025")
        }),
        ("version 0", |d| d["version"] = json!(0)),
    ];
    for (what, edit) in cases {
        let mut document = sample_document();
        edit(&mut document);
        let result = open(reseal(document).as_bytes(), None);
        assert_eq!(outcome(&result), "damaged", "{what}: {result:?}");
    }
    // A newer version is named as such, before its content is looked at.
    let mut document = sample_document();
    document["version"] = json!(7);
    document["something_new"] = json!({});
    assert_eq!(
        open(reseal(document).as_bytes(), None),
        Err(PortfolioError::NewerVersion(7))
    );
    // Duplicate keys.
    let text = export(&sample_state(), None, &everything(), NOW);
    let duplicated = text.replacen("{", "{\n  \"app_version\": \"0.0.1\",", 1);
    assert_eq!(outcome(&open(duplicated.as_bytes(), None)), "damaged");
    // Other JSON: not ours.
    for other in [
        "[]",
        "42",
        "\"werkmap\"",
        "null",
        "{}",
        "{\"format\":\"werkmap-esco-occupations\",\"version\":1}",
        "{\"basics\":{\"name\":\"Sam\"}}",
    ] {
        assert_eq!(
            open(other.as_bytes(), None),
            Err(PortfolioError::NotWerkmap),
            "{other}"
        );
    }
    for other in [
        "<html><body>hoi</body></html>",
        "PK\u{3}\u{4}",
        "hallo",
        "{'a': 1}",
    ] {
        assert_eq!(
            open(other.as_bytes(), None),
            Err(PortfolioError::NotJson),
            "{other}"
        );
    }
    // Invalid UTF-8 in a string of our file: damaged; in other bytes: not JSON.
    let text = export(&sample_state(), None, &everything(), NOW);
    let mut bytes = text.into_bytes();
    let at = bytes.windows(4).position(|w| w == b"3511").unwrap();
    bytes[at] = 0xFF;
    assert_eq!(outcome(&open(&bytes, None)), "damaged");
    assert_eq!(open(b"\xFF\xFE\x00{", None), Err(PortfolioError::NotJson));
}

#[test]
fn cli_validate_reports_one_line_per_invalid_file() {
    let binary = env!("CARGO_BIN_EXE_werkmap");
    let valid = fixtures().join("v1.werkmap.json");
    let output = std::process::Command::new(binary)
        .args(["portfolio", "validate"])
        .arg(&valid)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stdout.is_empty());

    let hostile: Vec<PathBuf> = std::fs::read_dir(fixtures().join("hostile"))
        .unwrap()
        .map(|e| e.unwrap().path())
        // Encrypted files without a passphrase count as valid (their envelope is checked).
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            !name.starts_with("ok--") && !name.starts_with("passphrase-needed--")
        })
        .collect();
    let output = std::process::Command::new(binary)
        .args(["portfolio", "validate"])
        .arg(&valid)
        .args(&hostile)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), hostile.len(), "{stdout}");
    for line in stdout.lines() {
        assert!(line.contains(": ") && line.contains(" / "), "{line}");
    }

    // Encrypted: envelope-checked without a passphrase, fully with one.
    let dir = std::env::temp_dir().join(format!("werkmap-portfolio-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sealed_path = dir.join("sealed.werkmap.json");
    let text = std::fs::read_to_string(&valid).unwrap();
    std::fs::write(
        &sealed_path,
        encrypt_with(&text, "geheim", SALT, NONCE, CHEAP).unwrap(),
    )
    .unwrap();
    let run = |var: Option<&str>| {
        let mut command = std::process::Command::new(binary);
        command.args(["portfolio", "validate"]);
        if let Some(value) = var {
            command
                .args(["--passphrase-env", "WERKMAP_TEST_PASS"])
                .env("WERKMAP_TEST_PASS", value);
        }
        command.arg(&sealed_path).output().unwrap()
    };
    let output = run(None);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stderr).contains("versleuteld"));
    assert_eq!(run(Some("geheim")).status.code(), Some(0));
    let output = run(Some("fout"));
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("wachtwoord klopt niet"));
    let _ = std::fs::remove_dir_all(&dir);

    let output = std::process::Command::new(binary)
        .args(["portfolio", "validate"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------
// Properties

fn arb_time() -> impl Strategy<Value = OffsetDateTime> {
    (
        946_684_800i64..4_102_444_800,
        0u32..1_000_000_000,
        -12i8..=14,
        prop_oneof![Just(0i8), Just(30), Just(45)],
    )
        .prop_map(|(secs, nanos, hours, minutes)| {
            let offset = UtcOffset::from_hms(hours, if hours < 0 { -minutes } else { minutes }, 0)
                .unwrap_or(UtcOffset::UTC);
            (OffsetDateTime::from_unix_timestamp(secs).unwrap()
                + time::Duration::nanoseconds(i64::from(nanos)))
            .to_offset(offset)
        })
}

fn arb_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,12}",
        any::<String>().prop_map(|s| s.chars().take(40).collect()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("=cmd|' /C calc'!A0".to_owned()),
    ]
}

fn arb_answers() -> impl Strategy<Value = Answers> {
    prop::collection::btree_map(
        "[a-z_]{1,12}",
        prop_oneof![
            prop::collection::vec(arb_text(), 0..4)
                .prop_map(|ids| json!({"type": "chosen", "value": ids})),
            arb_text().prop_map(|t| json!({"type": "text", "value": t})),
            Just(json!({"type": "prefer_not_to_say"})),
        ],
        0..6,
    )
    .prop_map(|map| serde_json::from_value(serde_json::to_value(map).unwrap()).unwrap())
}

fn arb_competences() -> impl Strategy<Value = CompetenceProfile> {
    let contexts =
        prop::collection::btree_set(prop::sample::select(EvidenceContext::ALL.to_vec()), 0..3);
    (
        prop::collection::btree_map("[a-z_]{1,12}", (0u8..=4, contexts), 0..6),
        prop::collection::btree_map(
            "[a-z_]{1,12}",
            prop::sample::select(InterestAnswer::ALL.to_vec()),
            0..6,
        ),
    )
        .prop_map(|(ratings, interests)| {
            let ratings: BTreeMap<String, Value> = ratings
                .into_iter()
                .map(|(id, (level, shown_in))| (id, json!({"level": level, "shown_in": shown_in})))
                .collect();
            serde_json::from_value(json!({"ratings": ratings, "interests": interests})).unwrap()
        })
}

fn arb_summary() -> impl Strategy<Value = ResultSummary> {
    (
        prop::option::of(1u8..=6),
        prop::option::of(1u8..=6),
        prop::sample::select(vec![
            RouteId::SelfSearch,
            RouteId::SupportFirst,
            RouteId::DiplomaFirst,
        ]),
        prop::sample::select(vec![
            SearchStatus::Optimal,
            SearchStatus::Incomplete,
            SearchStatus::Unknown,
        ]),
        prop::collection::vec(arb_text(), 0..3),
        prop::collection::vec(arb_text(), 0..3),
    )
        .prop_map(
            |(participation, reintegration, route, search, strengths, obstacles)| ResultSummary {
                participation,
                reintegration,
                route,
                search,
                strengths,
                obstacles,
            },
        )
}

fn arb_state() -> impl Strategy<Value = AppState> {
    (
        prop::sample::select(Language::ALL.to_vec()),
        arb_answers(),
        prop::collection::vec((arb_time(), 0u32..5, arb_answers(), arb_summary()), 0..4),
        arb_competences(),
    )
        .prop_map(|(language, answers, history, competences)| AppState {
            language,
            answers,
            history: history
                .into_iter()
                .map(
                    |(completed_at, rules_version, answers, summary)| CompletedSelfTest {
                        completed_at,
                        rules_version,
                        answers,
                        summary,
                    },
                )
                .collect(),
            competences,
            ..AppState::default()
        })
        .prop_flat_map(|state| {
            (
                Just(state),
                arb_wishes(),
                prop::collection::vec(arb_saved_vacancy(), 0..4),
                arb_activity_log(),
            )
        })
        .prop_map(|(mut state, wishes, saved_vacancies, activities)| {
            state.wishes = wishes;
            state.saved_vacancies = saved_vacancies;
            state.activities = activities;
            state
        })
}

fn arb_date() -> impl Strategy<Value = time::Date> {
    (0i32..20_000).prop_map(|day| date!(2000 - 01 - 01) + time::Duration::days(i64::from(day)))
}

fn arb_wishes() -> impl Strategy<Value = Wishes> {
    (
        prop::option::of(arb_text()),
        prop::option::of(0u16..500),
        prop::option::of((1u8..=60, 1u8..=60)),
        prop::collection::btree_set(prop::sample::select(ContractKind::ALL.to_vec()), 0..4),
        prop::collection::btree_set(prop::sample::select(Sector::ALL.to_vec()), 0..4),
        any::<bool>(),
    )
        .prop_map(
            |(home, max_distance_km, hours, contracts, avoid_sectors, avoid_heavy_work)| Wishes {
                home,
                max_distance_km,
                hours: hours.and_then(|(a, b)| HoursRange::new(a.min(b), a.max(b))),
                contracts,
                avoid_sectors,
                avoid_heavy_work,
            },
        )
}

/// The bundled sample vacancies: real variety of every field a saved vacancy can carry.
fn sample_vacancies() -> &'static [werkmap::core::vacancy::Vacancy] {
    static SAMPLE: OnceLock<Vec<werkmap::core::vacancy::Vacancy>> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/vacancies.json");
        let json = std::fs::read_to_string(path).expect("the bundled sample is readable");
        werkmap::core::vacancy::VacancySet::parse(&json, &common::content().competences)
            .expect("the bundled sample parses")
            .vacancies
    })
}

fn arb_saved_vacancy() -> impl Strategy<Value = SavedVacancy> {
    (
        any::<prop::sample::Index>(),
        prop::option::of(arb_text()),
        arb_date(),
        prop::option::of(1u32..50),
    )
        .prop_map(|(index, title, saved_on, applied)| {
            let mut vacancy = index.get(sample_vacancies()).clone();
            if let Some(title) = title {
                vacancy.title = title;
            }
            SavedVacancy {
                vacancy,
                saved_on,
                applied,
            }
        })
}

fn arb_activity_log() -> impl Strategy<Value = ActivityLog> {
    (
        prop::collection::vec(
            (
                arb_date(),
                prop::sample::select(ActivityKind::ALL.to_vec()),
                arb_text(),
                prop::option::of(arb_text()),
                prop::option::of("[a-z0-9-]{1,20}"),
                prop::sample::select(Outcome::ALL.to_vec()),
                prop::option::of(arb_text()),
                arb_text(),
            ),
            0..6,
        ),
        prop::option::of(0u32..100),
    )
        .prop_map(|(entries, own_target_per_4_weeks)| ActivityLog {
            entries: entries
                .into_iter()
                .zip(1u32..)
                .map(
                    |((date, kind, employer, vacancy, vacancy_id, outcome, reason, note), id)| {
                        Activity {
                            id,
                            date,
                            kind,
                            employer,
                            vacancy,
                            vacancy_id,
                            outcome,
                            reason,
                            note,
                        }
                    },
                )
                .collect(),
            own_target_per_4_weeks,
        })
}

fn arb_agreements() -> impl Strategy<Value = Agreements> {
    (
        prop::collection::vec(
            (0i32..20_000, arb_text(), arb_text()).prop_map(|(day, text, by)| Agreement {
                date: date!(2000 - 01 - 01) + time::Duration::days(i64::from(day)),
                text,
                by,
            }),
            0..4,
        ),
        prop::option::of(0u32..100),
        prop::option::of(
            (0i32..20_000)
                .prop_map(|day| date!(2000 - 01 - 01) + time::Duration::days(i64::from(day))),
        ),
    )
        .prop_map(|(items, target, next)| Agreements {
            items,
            application_target_per_4_weeks: target,
            next_evaluation: next,
        })
}

fn arb_choices() -> impl Strategy<Value = ExportChoices> {
    (
        prop::collection::btree_set(prop::sample::select(Section::ALL.to_vec()), 0..5),
        prop::option::of(any::<String>()),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(sections, alias, age_band, postcode)| ExportChoices {
            sections: sections.into_iter().collect::<BTreeSet<_>>(),
            profile: ProfileChoices {
                alias,
                age_band,
                postcode,
            },
            leave_out: PrivateParts::default(),
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn export_import_round_trip(
        state in arb_state(),
        agreements in prop::option::of(arb_agreements()),
        choices in arb_choices(),
        now in arb_time(),
    ) {
        let built = build(&state, agreements.as_ref(), &choices, now);
        let text = built.to_json();
        let opened = open(text.as_bytes(), None).expect("own export opens");
        prop_assert_eq!(&opened, &built);
        prop_assert_eq!(opened.sections(), choices.sections.iter().copied().collect::<Vec<_>>());
        if let Some(selftest) = &opened.selftest {
            prop_assert_eq!(&selftest.current, &state.answers);
            prop_assert_eq!(&selftest.history, &state.history);
        }
        if let Some(competences) = &opened.competences {
            prop_assert_eq!(competences, &state.competences);
        }
        if let Some(vacancies) = &opened.vacancies {
            prop_assert_eq!(&vacancies.wishes, &state.wishes);
            prop_assert_eq!(&vacancies.saved, &state.saved_vacancies);
        }
        if let Some(activities) = &opened.activities {
            prop_assert_eq!(activities, &state.activities);
        }
        if choices.sections.contains(&Section::Agreements) {
            prop_assert_eq!(opened.agreements.clone(), Some(agreements.unwrap_or_default()));
        }
        // Encrypted too (cheap parameters).
        let sealed = encrypt_with(&text, "pw", SALT, NONCE, CHEAP).unwrap();
        prop_assert_eq!(open(sealed.as_bytes(), Some("pw")).unwrap(), built);
    }

    #[test]
    fn the_schema_twins_read_the_real_types(state in arb_state()) {
        prop_assert_eq!(through_twin::<_, schema::Answers>(&state.answers), state.answers.clone());
        prop_assert_eq!(
            through_twin::<_, schema::CompetenceProfile>(&state.competences),
            state.competences.clone()
        );
        prop_assert_eq!(through_twin::<_, schema::Language>(&state.language), state.language);
        for entry in &state.history {
            prop_assert_eq!(&through_twin::<_, schema::CompletedSelfTest>(entry), entry);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = inspect(&bytes);
        let _ = open(&bytes, None);
        let _ = open(&bytes, Some("pw"));
    }

    #[test]
    fn arbitrary_json_never_panics(value in arb_json()) {
        let text = value.to_string();
        let _ = inspect(text.as_bytes());
        let _ = open(text.as_bytes(), Some("pw"));
        // …also with our format marker and a correct checksum.
        if let Value::Object(mut members) = value {
            members.insert("format".into(), json!("werkmap-portfolio"));
            let _ = open(reseal(Value::Object(members.clone())).as_bytes(), None);
            members.insert("format".into(), json!("werkmap-portfolio-encrypted"));
            let _ = open(Value::Object(members).to_string().as_bytes(), Some("pw"));
        }
    }

    #[test]
    fn mutated_files_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let mut bytes = sample_file().as_bytes().to_vec();
        for (index, byte) in edits {
            let at = index.index(bytes.len());
            bytes[at] = byte;
        }
        let _ = inspect(&bytes);
        let _ = open(&bytes, None);
    }
}

fn sample_file() -> &'static str {
    static FILE: OnceLock<String> = OnceLock::new();
    FILE.get_or_init(|| {
        export(
            &sample_state(),
            Some(&sample_agreements()),
            &everything(),
            NOW,
        )
    })
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u32>().prop_map(Value::from),
        "[a-z_-]{0,12}".prop_map(Value::from),
        Just(json!("werkmap-portfolio")),
        Just(json!(1)),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    "[a-z_]{1,10}",
                    prop::sample::select(vec![
                        "format".to_owned(),
                        "version".to_owned(),
                        "shared".to_owned(),
                        "profile".to_owned(),
                        "selftest".to_owned(),
                        "kdf".to_owned(),
                        "checksum".to_owned(),
                    ]),
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}
