//! Persistence of the job seeker's state: round trips, damaged data kept aside byte for
//! byte, failing stores, "wis alles", and the self-test history.

mod common;

use std::cell::Cell;

use common::{arbitrary_answers, choose, content, selftest};
use proptest::prelude::*;
use time::macros::datetime;
use time::OffsetDateTime;
use werkmap::core::selftest::Answer;
use werkmap::core::storage::{
    parse_state, AppState, CompletedSelfTest, Damage, KeyValueStore, LoadOutcome, MemoryStore,
    Persistence, StorageError, SCHEMA_VERSION,
};
use werkmap::core::text::Language;

const HOME: &str = "werkmap.home";
const STATE_KEY: &str = "werkmap.home.state";
const NOW: OffsetDateTime = datetime!(2025-03-14 10:30:00 UTC);

fn sample_state() -> AppState {
    let mut state = AppState {
        language: Language::En,
        ..AppState::default()
    };
    choose(&mut state.answers, "age_band", &["23_26"]);
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
    state
        .answers
        .set(
            &selftest().questionnaire,
            "obstacle_justice",
            Answer::PreferNotToSay,
        )
        .unwrap();
    state.complete_selftest(selftest(), datetime!(2025-01-02 09:00:00 +01:00));
    choose(&mut state.answers, "cv_ready", &["yes"]);
    state
}

/// A store that fails on demand, to play browser storage that is full or switched off.
#[derive(Default)]
struct FlakyStore {
    inner: MemoryStore,
    fail_set: Cell<Option<StorageError>>,
    fail_get: Cell<Option<StorageError>>,
    fail_remove: Cell<bool>,
}

impl FlakyStore {
    fn failing_set(error: StorageError) -> Self {
        let store = Self::default();
        store.fail_set.set(Some(error));
        store
    }

    fn peek(&self, key: &str) -> Option<String> {
        self.inner.get(key).unwrap()
    }
}

impl KeyValueStore for FlakyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let error = self.fail_get.take();
        self.fail_get.set(error.clone());
        match error {
            Some(error) => Err(error),
            None => self.inner.get(key),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let error = self.fail_set.take();
        self.fail_set.set(error.clone());
        match error {
            Some(error) => Err(error),
            None => self.inner.set(key, value),
        }
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.fail_remove.get() {
            return Err(StorageError::Unavailable("remove refused".into()));
        }
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

fn all_keys<S: KeyValueStore>(persistence: &Persistence<S>) -> Vec<String> {
    persistence.store().keys().unwrap()
}

#[test]
fn save_then_load_restores_the_same_state() {
    let persistence = Persistence::new(MemoryStore::new(), HOME);
    assert_eq!(persistence.state_key(), STATE_KEY);
    let state = sample_state();
    persistence.save(&state).unwrap();
    assert_eq!(all_keys(&persistence), [STATE_KEY]);
    let outcome = persistence.load(NOW);
    assert_eq!(outcome, LoadOutcome::Restored(state.clone()));
    assert_eq!(outcome.state(), &state);
    assert_eq!(outcome.into_state(), state);

    // Saving the same state twice writes the same text (stable key order).
    let first = persistence.store().get(STATE_KEY).unwrap().unwrap();
    persistence.save(&state).unwrap();
    assert_eq!(persistence.store().get(STATE_KEY).unwrap().unwrap(), first);
    assert!(
        first.contains(&format!("\"schema_version\":{SCHEMA_VERSION}")),
        "{first}"
    );
}

#[test]
fn empty_store_starts_fresh() {
    let persistence = Persistence::new(MemoryStore::new(), HOME);
    let outcome = persistence.load(NOW);
    assert_eq!(outcome, LoadOutcome::Fresh(AppState::default()));
    assert_eq!(outcome.state().schema_version, SCHEMA_VERSION);
    assert!(all_keys(&persistence).is_empty(), "loading writes nothing");
    // Another namespace's data is not ours.
    persistence
        .store()
        .set(
            "werkmap.coach.state",
            &serde_json::to_string(&sample_state()).unwrap(),
        )
        .unwrap();
    assert_eq!(
        persistence.load(NOW),
        LoadOutcome::Fresh(AppState::default())
    );
}

#[test]
fn unreadable_data_is_kept_aside_byte_for_byte() {
    let valid = serde_json::to_value(sample_state()).unwrap();
    let without_version = {
        let mut v = valid.clone();
        v.as_object_mut().unwrap().remove("schema_version");
        v.to_string()
    };
    let with = |key: &str, value: serde_json::Value| {
        let mut v = valid.clone();
        v[key] = value;
        v.to_string()
    };
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("garbage bytes", "\u{0}\u{1}\u{fffd}\u{7f} ǃ€\r\n".into()),
        ("truncated JSON", {
            let full = valid.to_string();
            full[..full.len() / 2].to_owned()
        }),
        ("byte order mark", format!("\u{feff}{valid}")),
        ("a JSON array", "[1, 2, 3]".into()),
        ("a JSON string", "\"werkmap\"".into()),
        ("null", "null".into()),
        ("missing schema_version", without_version),
        ("schema_version as text", with("schema_version", "1".into())),
        (
            "negative schema_version",
            with("schema_version", (-1).into()),
        ),
        (
            "fractional schema_version",
            with("schema_version", 1.5.into()),
        ),
        ("schema_version 0", with("schema_version", 0.into())),
        ("only a schema_version", r#"{"schema_version":1}"#.into()),
        (
            "answers of the wrong shape",
            with("answers", "cv: yes".into()),
        ),
        ("unknown language", with("language", "fr".into())),
        (
            "history not a list",
            with("history", serde_json::json!({"a": 1})),
        ),
        (
            "bad date in history",
            with(
                "history",
                serde_json::json!([{
                    "completed_at": "yesterday",
                    "rules_version": 1,
                    "answers": {},
                    "summary": valid["history"][0]["summary"].clone()
                }]),
            ),
        ),
        (
            "very deep nesting",
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
        ),
    ];
    for (name, raw) in cases {
        let persistence = Persistence::new(MemoryStore::new(), HOME);
        persistence.store().set(STATE_KEY, &raw).unwrap();
        persistence
            .store()
            .set("werkmap.coach.state", "{}")
            .unwrap();
        let outcome = persistence.load(NOW);
        let LoadOutcome::Recovered {
            state,
            damage,
            kept_as,
        } = outcome
        else {
            panic!("{name}: expected Recovered, got {outcome:?}");
        };
        assert_eq!(state, AppState::default(), "{name}: starts fresh");
        assert!(
            matches!(damage, Damage::Unreadable(_)),
            "{name}: {damage:?}"
        );
        let kept_as = kept_as.unwrap_or_else(|| panic!("{name}: kept aside"));
        assert!(
            kept_as.starts_with("werkmap.home.damaged."),
            "{name}: {kept_as}"
        );
        assert_eq!(
            persistence.store().get(&kept_as).unwrap().as_deref(),
            Some(raw.as_str()),
            "{name}: the copy is byte-for-byte"
        );
        assert_eq!(
            persistence.store().get(STATE_KEY).unwrap(),
            None,
            "{name}: cleared"
        );
        assert_eq!(
            persistence.damaged_keys(),
            std::slice::from_ref(&kept_as),
            "{name}"
        );
        assert!(!persistence.is_paused(), "{name}");
        assert_eq!(
            persistence
                .store()
                .get("werkmap.coach.state")
                .unwrap()
                .as_deref(),
            Some("{}"),
            "{name}: other namespace untouched"
        );

        // Later saves work, and the copy stays.
        let fresh = sample_state();
        persistence.save(&fresh).unwrap();
        assert_eq!(
            persistence.load(NOW),
            LoadOutcome::Restored(fresh),
            "{name}"
        );
        assert_eq!(
            persistence.store().get(&kept_as).unwrap().as_deref(),
            Some(raw.as_str()),
            "{name}: copy survives later saves"
        );
    }
}

#[test]
fn newer_schema_version_is_kept_aside() {
    let cases: Vec<(&str, u64, u32)> = vec![
        (
            "the next version",
            u64::from(SCHEMA_VERSION) + 1,
            SCHEMA_VERSION + 1,
        ),
        ("version 99", 99, 99),
        ("beyond u32", 1 << 40, u32::MAX),
    ];
    for (name, version, reported) in cases {
        let mut value = serde_json::to_value(sample_state()).unwrap();
        value["schema_version"] = version.into();
        value["a_field_from_the_future"] = "kept".into();
        let raw = serde_json::to_string_pretty(&value).unwrap();
        let persistence = Persistence::new(MemoryStore::new(), HOME);
        persistence.store().set(STATE_KEY, &raw).unwrap();
        match persistence.load(NOW) {
            LoadOutcome::Recovered {
                state,
                damage,
                kept_as: Some(kept_as),
            } => {
                assert_eq!(damage, Damage::NewerVersion(reported), "{name}");
                assert_eq!(state, AppState::default(), "{name}");
                assert_eq!(
                    persistence.store().get(&kept_as).unwrap(),
                    Some(raw),
                    "{name}"
                );
                assert_eq!(persistence.store().get(STATE_KEY).unwrap(), None, "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn damaged_copies_never_overwrite_each_other() {
    let persistence = Persistence::new(MemoryStore::new(), HOME);
    let mut kept = Vec::new();
    // Three different damaged documents, found at the same moment (e.g. two tabs).
    for raw in ["{broken", "[]", "{broken"] {
        persistence.store().set(STATE_KEY, raw).unwrap();
        match persistence.load(NOW) {
            LoadOutcome::Recovered {
                kept_as: Some(key), ..
            } => kept.push((key, raw)),
            other => panic!("{raw}: {other:?}"),
        }
    }
    for (key, raw) in &kept {
        assert_eq!(
            persistence.store().get(key).unwrap().as_deref(),
            Some(*raw),
            "{key}"
        );
    }
    assert_ne!(kept[0].0, kept[1].0, "different data, different keys");
    // The same damaged text found twice needs only one copy.
    assert_eq!(kept[0].0, kept[2].0);
    assert_eq!(persistence.damaged_keys().len(), 2);
}

#[test]
fn when_the_copy_cannot_be_written_saving_pauses() {
    let raw = "{\"schema_version\": 1, \"answers\": ";
    let persistence = Persistence::new(FlakyStore::failing_set(StorageError::Full), HOME);
    persistence.store().inner.set(STATE_KEY, raw).unwrap();
    match persistence.load(NOW) {
        LoadOutcome::Recovered {
            state,
            damage: Damage::Unreadable(_),
            kept_as: None,
        } => assert_eq!(state, AppState::default()),
        other => panic!("{other:?}"),
    }
    assert!(persistence.is_paused());
    assert!(persistence.damaged_keys().is_empty());
    // The damaged data stays where it was, and saving does not touch it...
    persistence.store().fail_set.set(None);
    assert_eq!(persistence.save(&sample_state()), Err(StorageError::Paused));
    assert_eq!(persistence.store().peek(STATE_KEY).as_deref(), Some(raw));
    // ...until the user chooses to start fresh.
    persistence.resume_saving();
    assert!(!persistence.is_paused());
    persistence.save(&sample_state()).unwrap();
    assert_eq!(persistence.load(NOW), LoadOutcome::Restored(sample_state()));
}

#[test]
fn newer_version_on_a_full_store_pauses_too() {
    let mut value = serde_json::to_value(AppState::default()).unwrap();
    value["schema_version"] = 99.into();
    let raw = value.to_string();
    let persistence = Persistence::new(FlakyStore::failing_set(StorageError::Full), HOME);
    persistence.store().inner.set(STATE_KEY, &raw).unwrap();
    assert_eq!(
        persistence.load(NOW),
        LoadOutcome::Recovered {
            state: AppState::default(),
            damage: Damage::NewerVersion(99),
            kept_as: None,
        }
    );
    assert_eq!(
        persistence.save(&AppState::default()),
        Err(StorageError::Paused)
    );
    assert_eq!(persistence.store().peek(STATE_KEY), Some(raw));
}

#[test]
fn failing_remove_after_copy_still_recovers() {
    let persistence = Persistence::new(FlakyStore::default(), HOME);
    persistence.store().set(STATE_KEY, "nonsense").unwrap();
    persistence.store().fail_remove.set(true);
    let LoadOutcome::Recovered {
        kept_as: Some(key), ..
    } = persistence.load(NOW)
    else {
        panic!("expected a copy");
    };
    assert_eq!(persistence.store().peek(&key).as_deref(), Some("nonsense"));
    assert!(
        !persistence.is_paused(),
        "the copy is safe, so saving may go on"
    );
    persistence.save(&sample_state()).unwrap();
    assert_eq!(persistence.load(NOW), LoadOutcome::Restored(sample_state()));
}

#[test]
fn unavailable_or_full_storage_is_reported() {
    let persistence = Persistence::new(FlakyStore::default(), HOME);
    persistence
        .store()
        .fail_get
        .set(Some(StorageError::Unavailable("disabled".into())));
    assert_eq!(
        persistence.load(NOW),
        LoadOutcome::Unavailable(
            AppState::default(),
            StorageError::Unavailable("disabled".into())
        )
    );

    let persistence = Persistence::new(FlakyStore::failing_set(StorageError::Full), HOME);
    assert_eq!(persistence.save(&sample_state()), Err(StorageError::Full));
    assert!(!persistence.is_paused(), "a full store is not damage");
    persistence.store().fail_set.set(None);
    persistence.save(&sample_state()).unwrap();
    assert_eq!(persistence.load(NOW), LoadOutcome::Restored(sample_state()));
}

#[test]
fn wipe_all_removes_only_this_namespace() {
    let persistence = Persistence::new(MemoryStore::new(), HOME);
    persistence.store().set(STATE_KEY, "{damaged").unwrap();
    let LoadOutcome::Recovered {
        kept_as: Some(damaged),
        ..
    } = persistence.load(NOW)
    else {
        panic!("expected a copy");
    };
    persistence.save(&sample_state()).unwrap();
    let others = [
        ("werkmap.coach.state", "coach"),
        ("werkmap.coach.damaged.1", "coach copy"),
        ("werkmap.homepage", "not our namespace"),
        ("werkmap.language", "nl"),
        ("unrelated", "x"),
    ];
    for (key, value) in others {
        persistence.store().set(key, value).unwrap();
    }
    persistence
        .store()
        .set("werkmap.home.settings", "{}")
        .unwrap();
    assert!(all_keys(&persistence).contains(&damaged));

    persistence.wipe_all().unwrap();
    let mut expected: Vec<String> = others.iter().map(|(k, _)| (*k).to_owned()).collect();
    expected.sort();
    assert_eq!(all_keys(&persistence), expected);
    for (key, value) in others {
        assert_eq!(
            persistence.store().get(key).unwrap().as_deref(),
            Some(value)
        );
    }
    assert_eq!(
        persistence.load(NOW),
        LoadOutcome::Fresh(AppState::default())
    );
    assert!(persistence.damaged_keys().is_empty());
}

#[test]
fn wipe_all_ends_a_pause() {
    let persistence = Persistence::new(FlakyStore::failing_set(StorageError::Full), HOME);
    persistence
        .store()
        .inner
        .set(STATE_KEY, "{damaged")
        .unwrap();
    assert!(matches!(
        persistence.load(NOW),
        LoadOutcome::Recovered { kept_as: None, .. }
    ));
    assert!(persistence.is_paused());
    persistence.wipe_all().unwrap();
    assert!(!persistence.is_paused());
    assert_eq!(persistence.store().peek(STATE_KEY), None);
    persistence.store().fail_set.set(None);
    persistence.save(&sample_state()).unwrap();
}

#[test]
fn completing_the_selftest_keeps_history_with_date_and_summary() {
    let mut state = AppState::default();
    choose(&mut state.answers, "obstacle_money", &["a_lot"]);
    choose(&mut state.answers, "activities", &["mostly_home"]);
    let first_at = datetime!(2025-01-06 14:00:00 +01:00);
    state.complete_selftest(selftest(), first_at);

    choose(&mut state.answers, "obstacle_money", &["some"]);
    choose(&mut state.answers, "activities", &["volunteering"]);
    let second_at = datetime!(2025-04-07 09:15:30.25 +02:00);
    state.complete_selftest(selftest(), second_at);

    assert_eq!(state.history.len(), 2);
    let [first, second] = &state.history[..] else {
        unreachable!()
    };
    assert_eq!(first.completed_at, first_at);
    assert_eq!(second.completed_at, second_at);
    assert_eq!(first.rules_version, selftest().rules.version);
    assert!(
        first.answers.is_chosen("obstacle_money", "a_lot"),
        "a snapshot"
    );
    assert!(second.answers.is_chosen("obstacle_money", "some"));
    assert_eq!(first.summary, selftest().score(&first.answers).summary());
    assert_eq!(second.summary, selftest().score(&second.answers).summary());
    assert_eq!(first.summary.participation, Some(1));
    assert_eq!(second.summary.participation, Some(4));
    assert_eq!(first.summary.obstacles, ["money"]);
    assert_eq!(
        first.summary.route,
        werkmap::core::selftest::RouteId::SupportFirst
    );
    assert_eq!(
        second.summary.route,
        werkmap::core::selftest::RouteId::SelfSearch
    );
    // The current answers stay editable; the history does not change with them.
    choose(&mut state.answers, "obstacle_money", &["none"]);
    assert!(state.history[1].answers.is_chosen("obstacle_money", "some"));

    // The history, dates included, survives a save and load.
    let persistence = Persistence::new(MemoryStore::new(), HOME);
    persistence.save(&state).unwrap();
    let raw = persistence.store().get(STATE_KEY).unwrap().unwrap();
    assert!(raw.contains("2025-01-06T14:00:00+01:00"), "{raw}");
    assert_eq!(persistence.load(NOW), LoadOutcome::Restored(state));
}

#[test]
fn clean_drops_answers_the_questionnaire_no_longer_has() {
    let mut value = serde_json::to_value(sample_state()).unwrap();
    value["answers"]["retired_question"] = serde_json::json!({"type": "chosen", "value": ["x"]});
    value["answers"]["cv_ready"] = serde_json::json!({"type": "chosen", "value": ["retired"]});
    let mut state = parse_state(&value.to_string()).expect("still a readable state");
    let mut dropped = state.clean(content());
    dropped.sort();
    assert_eq!(dropped, ["cv_ready", "retired_question"]);
    let mut expected = sample_state();
    expected.answers.clear("cv_ready");
    assert_eq!(state, expected);
}

/// Every path that loads state brings it up to the content: an hours answer from when the
/// question was a choice becomes its number, in the current answers and in the history, and
/// competence ratings for competences that no longer exist go.
#[test]
fn clean_carries_old_hours_answers_over_everywhere() {
    let mut value = serde_json::to_value(sample_state()).unwrap();
    let old = serde_json::json!({"type": "chosen", "value": ["12_19"]});
    value["answers"]["hours"] = old.clone();
    if let Some(entry) = value["history"].get_mut(0) {
        entry["answers"]["hours"] = old;
    }
    value["competences"]["ratings"]["retired_competence"] = serde_json::json!({"level": 2});
    let mut state = parse_state(&value.to_string()).expect("readable");
    let dropped = state.clean(content());
    assert_eq!(state.answers.number("hours"), Some(19));
    for entry in &state.history {
        assert_eq!(entry.answers.number("hours"), Some(19));
    }
    assert!(
        dropped.contains(&"retired_competence".to_owned()),
        "{dropped:?}"
    );
    assert!(state.competences.rating("retired_competence").is_none());
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

fn arbitrary_moment() -> impl Strategy<Value = OffsetDateTime> {
    // 1970 to 2100, any nanosecond, any offset in whole minutes (as RFC 3339 writes them).
    (0i64..4_102_444_800, 0u32..1_000_000_000, -840i32..=840).prop_map(
        |(seconds, nanos, offset_minutes)| {
            let offset = time::UtcOffset::from_whole_seconds(offset_minutes * 60).unwrap();
            OffsetDateTime::from_unix_timestamp(seconds)
                .unwrap()
                .replace_nanosecond(nanos)
                .unwrap()
                .to_offset(offset)
        },
    )
}

fn arbitrary_state() -> impl Strategy<Value = AppState> {
    (
        arbitrary_answers(),
        prop::sample::select(Language::ALL.to_vec()),
        prop::collection::vec((arbitrary_answers(), arbitrary_moment()), 0..4),
    )
        .prop_map(|(answers, language, history)| {
            let mut state = AppState {
                language,
                answers,
                ..AppState::default()
            };
            for (answers, at) in history {
                let current = std::mem::replace(&mut state.answers, answers);
                state.complete_selftest(selftest(), at);
                state.answers = current;
            }
            state
        })
}

proptest! {
    #[test]
    fn parse_state_never_panics(raw in any::<String>()) {
        let _ = parse_state(&raw);
    }

    #[test]
    fn parse_state_never_panics_on_near_misses(
        raw in r#"\{"schema_version":-?[0-9]{1,25}(\.[0-9])?,"language":"(nl|en|xx)","answers":\{("[a-z_]{1,12}":\{"type":"(chosen|text|prefer_not_to_say)"(,"value":(\[("[a-z0-9_]{1,8}",?){0,3}\]|"[0-9]{4}"|null))?\},?){0,3}\},"history":\[\]\}?"#
    ) {
        match parse_state(&raw) {
            Ok(state) => prop_assert_eq!(state.schema_version, SCHEMA_VERSION),
            Err(Damage::NewerVersion(v)) => prop_assert!(v > SCHEMA_VERSION),
            Err(Damage::Unreadable(message)) => prop_assert!(!message.is_empty()),
        }
    }

    #[test]
    fn any_state_round_trips(state in arbitrary_state()) {
        let persistence = Persistence::new(MemoryStore::new(), HOME);
        persistence.save(&state).unwrap();
        prop_assert_eq!(persistence.load(NOW), LoadOutcome::Restored(state.clone()));
        let raw = persistence.store().get(STATE_KEY).unwrap().unwrap();
        prop_assert_eq!(parse_state(&raw), Ok(state));
    }
}

// The history type is part of the portfolio later; keep its JSON readable for a coach.
#[test]
fn completed_selftest_json_uses_rfc3339_dates() {
    let state = sample_state();
    let json = serde_json::to_value(&state.history[0]).unwrap();
    assert_eq!(json["completed_at"], "2025-01-02T09:00:00+01:00");
    let back: CompletedSelfTest = serde_json::from_value(json).unwrap();
    assert_eq!(back, state.history[0]);
}

/// One stored document per released schema version is kept in `tests/fixtures/state/`
/// (a real save of that version); every one must still load, migrated to the current one.
#[test]
fn stored_documents_of_every_schema_version_still_load() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/state");
    let mut versions = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("fixture folder") {
        let path = entry.expect("entry").path();
        let raw = std::fs::read_to_string(&path).expect("fixture readable");
        let state = werkmap::core::storage::parse_state(&raw)
            .unwrap_or_else(|damage| panic!("{} no longer loads: {damage:?}", path.display()));
        assert_eq!(state.schema_version, werkmap::core::storage::SCHEMA_VERSION);
        assert!(
            !state.answers.is_empty(),
            "{}: answers kept",
            path.display()
        );
        assert_eq!(state.history.len(), 2, "{}: history kept", path.display());
        versions.push(path);
    }
    assert!(
        !versions.is_empty(),
        "no fixtures found in {}",
        dir.display()
    );
}
