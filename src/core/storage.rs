//! The job seeker's saved state and how it is kept: a schema-versioned JSON document in a
//! key-value store. The browser adapter (local storage) lives in the UI; the memory store
//! here serves tests and the kiosk mode, which must never write to the browser.
//!
//! Loading never fails: damaged or unknown data is copied aside under its own key, reported,
//! and the app starts fresh. Nothing is silently thrown away.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;
use time::{Date, OffsetDateTime};

use crate::core::activity::{ActivityError, ActivityInput, ActivityLog, SavedVacancy};
use crate::core::agreement::Agreements;
use crate::core::competence::CompetenceProfile;
use crate::core::content::Content;
use crate::core::matching::Wishes;
use crate::core::selftest::{Answers, ResultSummary, SelfTest};
use crate::core::text::Language;
use crate::core::vacancy::Vacancy;

/// Version of the stored document. Bump it together with a step in [`migrate`] and keep a
/// saved document of the old version in `tests/fixtures/state/`.
///
/// - 1: self-test answers and history.
/// - 2: adds the competence and interest check (`competences`).
/// - 3: adds vacancy matching and the activity log (`wishes`, `saved_vacancies`,
///   `activities`) and the agreements from a coach's reply (`agreements`).
pub const SCHEMA_VERSION: u32 = 3;

/// Everything the job seeker has in home mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppState {
    pub schema_version: u32,
    pub language: Language,
    /// The self-test being filled in (or last filled in); editable at any time.
    pub answers: Answers,
    /// Every completed self-test, oldest first.
    pub history: Vec<CompletedSelfTest>,
    /// The competence check and interest check answers.
    pub competences: CompetenceProfile,
    /// What the job seeker wants from work (hard constraints of matching).
    pub wishes: Wishes,
    /// Vacancies the job seeker kept, oldest first.
    pub saved_vacancies: Vec<SavedVacancy>,
    pub activities: ActivityLog,
    /// The agreements of the last coach's reply taken in.
    pub agreements: Option<ReceivedAgreements>,
}

/// Who set the application target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSource {
    /// Agreed with the coach (from a coach's reply).
    Coach,
    /// Set by the job seeker.
    Own,
}

/// Agreements from a coach's reply file, with when the coach wrote them (so an older reply
/// opened later cannot undo newer agreements).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedAgreements {
    pub agreements: Agreements,
    #[serde(with = "time::serde::rfc3339")]
    pub replied_at: OffsetDateTime,
    /// The coach who wrote the newest agreement (its `by`), when it names someone.
    #[serde(default)]
    pub from: Option<String>,
}

impl ReceivedAgreements {
    /// Agreements taken in, from whoever wrote the newest of them.
    pub fn new(agreements: Agreements, replied_at: OffsetDateTime) -> Self {
        Self {
            from: agreements.author(),
            agreements,
            replied_at,
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            language: Language::default(),
            answers: Answers::new(),
            history: Vec::new(),
            competences: CompetenceProfile::new(),
            wishes: Wishes::default(),
            saved_vacancies: Vec::new(),
            activities: ActivityLog::default(),
            agreements: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletedSelfTest {
    #[serde(with = "time::serde::rfc3339")]
    pub completed_at: OffsetDateTime,
    /// Which rules scored it, so a coach can tell results of different rule versions apart.
    pub rules_version: u32,
    pub answers: Answers,
    pub summary: ResultSummary,
}

impl AppState {
    /// What a tab shows when another tab of the same browser saved: everything the other tab
    /// saved (`theirs`: the last save wins, so two tabs never undo each other's answers),
    /// except the answers to the questions being edited here (`editing`: typed, not yet
    /// committed), which stay as they are here, so a save elsewhere never touches a field
    /// someone is typing in.
    pub fn merge_other_tab(&self, mut theirs: AppState, editing: &[&str]) -> AppState {
        for question in editing {
            theirs.answers.take_answer_from(&self.answers, question);
        }
        theirs
    }

    /// Scores the current answers and keeps the result in the history with its date.
    ///
    /// A second completion on the same day replaces that day's entry: it is a correction
    /// ("answers editable afterwards"), not a new moment in the job seeker's history.
    pub fn complete_selftest(&mut self, selftest: &SelfTest, now: OffsetDateTime) {
        let result = selftest.score(&self.answers);
        let entry = CompletedSelfTest {
            completed_at: now,
            rules_version: selftest.rules.version,
            answers: self.answers.clone(),
            summary: result.summary(),
        };
        match self.history.last_mut() {
            Some(last) if last.completed_at.date() == now.date() => *last = entry,
            _ => self.history.push(entry),
        }
    }

    pub fn is_saved(&self, vacancy_id: &str) -> bool {
        self.saved_vacancies
            .iter()
            .any(|s| s.vacancy.id == vacancy_id)
    }

    /// Keeps a vacancy as it is now. Returns `false` when it was saved already.
    pub fn save_vacancy(&mut self, vacancy: &Vacancy, today: Date) -> bool {
        if self.is_saved(&vacancy.id) {
            return false;
        }
        self.saved_vacancies.push(SavedVacancy {
            vacancy: vacancy.clone(),
            saved_on: today,
            applied: None,
        });
        true
    }

    /// Forgets a saved vacancy (its log entries stay: they are what the job seeker did).
    pub fn forget_vacancy(&mut self, vacancy_id: &str) {
        self.saved_vacancies.retain(|s| s.vacancy.id != vacancy_id);
    }

    /// "Ik heb gesolliciteerd": saves the vacancy if needed and logs an application for it.
    /// Applying twice to the same vacancy logs it once.
    pub fn mark_applied(&mut self, vacancy: &Vacancy, today: Date) -> Result<u32, ActivityError> {
        if let Some(id) = self
            .saved_vacancies
            .iter()
            .find(|s| s.vacancy.id == vacancy.id)
            .and_then(|s| s.applied)
            .filter(|id| self.activities.get(*id).is_some())
        {
            return Ok(id);
        }
        let id = self
            .activities
            .add(&ActivityInput::application_for(vacancy, today), today)?;
        self.save_vacancy(vacancy, today);
        if let Some(saved) = self
            .saved_vacancies
            .iter_mut()
            .find(|s| s.vacancy.id == vacancy.id)
        {
            saved.applied = Some(id);
        }
        Ok(id)
    }

    /// The application target per four weeks: the one agreed with the coach, else the job
    /// seeker's own.
    pub fn application_target(&self) -> Option<(u32, TargetSource)> {
        let agreed = self
            .agreements
            .as_ref()
            .and_then(|a| a.agreements.application_target_per_4_weeks);
        match (agreed, self.activities.own_target_per_4_weeks) {
            (Some(target), _) => Some((target, TargetSource::Coach)),
            (None, Some(target)) => Some((target, TargetSource::Own)),
            (None, None) => None,
        }
    }

    /// Brings loaded state up to the bundled content, on every path that loads it (start-up,
    /// another tab, a file taken in): answers from an earlier version of a question are
    /// carried over (hours as a number), answers, ratings and interest answers that no
    /// longer fit are dropped. The history's answers are brought up too, so re-reading an
    /// old self-test means what it meant. Returns the ids that were dropped.
    pub fn clean(&mut self, content: &Content) -> Vec<String> {
        let questionnaire = &content.selftest.questionnaire;
        let mut dropped = self.answers.retain_valid(questionnaire);
        for entry in &mut self.history {
            entry.answers.retain_valid(questionnaire);
        }
        dropped.extend(
            self.competences
                .retain_valid(&content.competences, &content.interests),
        );
        dropped
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageError {
    #[error("browser storage is not available: {0}")]
    Unavailable(String),
    #[error("browser storage is full")]
    Full,
    #[error("saving is paused until you choose to start fresh")]
    Paused,
}

/// A string key-value store: browser local storage, or memory.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

impl<T: KeyValueStore + ?Sized> KeyValueStore for Box<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}

// Lets a test (or the kiosk) keep a handle on the store it gives to `Persistence`.
impl<T: KeyValueStore + ?Sized> KeyValueStore for std::rc::Rc<T> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }
}

/// Keeps everything in memory and forgets it when dropped (tests, kiosk mode).
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}

/// Why stored data could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// Not JSON, or JSON that is not a Werkmap state.
    Unreadable(String),
    /// Written by a newer version of the app.
    NewerVersion(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub enum LoadOutcome {
    /// Nothing stored yet.
    Fresh(AppState),
    Restored(AppState),
    /// The stored data could not be used; the app starts fresh. `kept_as` is the key the
    /// old data was copied to, or `None` when even that failed (saving is then paused, so the
    /// old data is not overwritten, until the user chooses to start fresh).
    Recovered {
        state: AppState,
        damage: Damage,
        kept_as: Option<String>,
    },
    /// The store cannot be read at all (storage disabled): the app works, but forgets.
    Unavailable(AppState, StorageError),
}

impl LoadOutcome {
    pub fn state(&self) -> &AppState {
        match self {
            LoadOutcome::Fresh(state)
            | LoadOutcome::Restored(state)
            | LoadOutcome::Recovered { state, .. }
            | LoadOutcome::Unavailable(state, _) => state,
        }
    }

    pub fn into_state(self) -> AppState {
        match self {
            LoadOutcome::Fresh(state)
            | LoadOutcome::Restored(state)
            | LoadOutcome::Recovered { state, .. }
            | LoadOutcome::Unavailable(state, _) => state,
        }
    }
}

/// Loads and saves [`AppState`] under one namespace of a store (e.g. `werkmap.home`), so
/// the later coach mode can keep its data apart in the same browser.
pub struct Persistence<S: KeyValueStore> {
    store: S,
    namespace: String,
    paused: Cell<bool>,
}

impl<S: KeyValueStore> Persistence<S> {
    pub fn new(store: S, namespace: &str) -> Self {
        Self {
            store,
            namespace: namespace.to_owned(),
            paused: Cell::new(false),
        }
    }

    pub fn state_key(&self) -> String {
        format!("{}.state", self.namespace)
    }

    fn damaged_prefix(&self) -> String {
        format!("{}.damaged.", self.namespace)
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    pub fn load(&self, now: OffsetDateTime) -> LoadOutcome {
        let raw = match self.store.get(&self.state_key()) {
            Ok(None) => return LoadOutcome::Fresh(AppState::default()),
            Ok(Some(raw)) => raw,
            Err(error) => return LoadOutcome::Unavailable(AppState::default(), error),
        };
        match parse_state(&raw) {
            Ok(state) => LoadOutcome::Restored(state),
            Err(damage) => {
                let aside = self.free_damaged_key(now, &raw);
                let kept_as = match self.store.set(&aside, &raw) {
                    Ok(()) => {
                        // The copy is safe, so the main key can be cleared for fresh data.
                        let _ = self.store.remove(&self.state_key());
                        Some(aside)
                    }
                    Err(_) => {
                        self.paused.set(true);
                        None
                    }
                };
                LoadOutcome::Recovered {
                    state: AppState::default(),
                    damage,
                    kept_as,
                }
            }
        }
    }

    /// A key for a damaged copy that never overwrites an earlier, different copy (two
    /// damaged loads can happen within the same second). The same text reuses its key.
    fn free_damaged_key(&self, now: OffsetDateTime, raw: &str) -> String {
        let base = format!("{}{}", self.damaged_prefix(), now.unix_timestamp());
        let mut key = base.clone();
        let mut n = 1u32;
        while let Ok(Some(existing)) = self.store.get(&key) {
            if existing == raw {
                break;
            }
            key = format!("{base}-{n}");
            n += 1;
        }
        key
    }

    /// Whether a state document is stored (readable or not).
    pub fn has_stored_state(&self) -> bool {
        matches!(self.store.get(&self.state_key()), Ok(Some(_)))
    }

    pub fn save(&self, state: &AppState) -> Result<(), StorageError> {
        if self.paused.get() {
            return Err(StorageError::Paused);
        }
        let json =
            serde_json::to_string(state).map_err(|e| StorageError::Unavailable(e.to_string()))?;
        self.store.set(&self.state_key(), &json)
    }

    /// A separate document of this namespace (e.g. an imported ESCO file), kept apart from
    /// the state because it is large and rarely changes.
    pub fn save_document(&self, name: &str, json: &str) -> Result<(), StorageError> {
        if self.paused.get() {
            return Err(StorageError::Paused);
        }
        self.store.set(&self.document_key(name), json)
    }

    pub fn load_document(&self, name: &str) -> Option<String> {
        self.store.get(&self.document_key(name)).ok().flatten()
    }

    pub fn remove_document(&self, name: &str) {
        let _ = self.store.remove(&self.document_key(name));
    }

    fn document_key(&self, name: &str) -> String {
        format!("{}.doc.{name}", self.namespace)
    }

    /// The user chose to start fresh although the damaged data could not be copied aside.
    pub fn resume_saving(&self) {
        self.paused.set(false);
    }

    pub fn is_paused(&self) -> bool {
        self.paused.get()
    }

    /// Keys holding damaged data that was kept aside.
    pub fn damaged_keys(&self) -> Vec<String> {
        let prefix = self.damaged_prefix();
        self.store
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|key| key.starts_with(&prefix))
            .collect()
    }

    /// "Wis alles": removes every key of this namespace, damaged copies included.
    pub fn wipe_all(&self) -> Result<(), StorageError> {
        let prefix = format!("{}.", self.namespace);
        for key in self.store.keys()? {
            if key.starts_with(&prefix) {
                self.store.remove(&key)?;
            }
        }
        self.paused.set(false);
        Ok(())
    }
}

/// Parses a stored document of any known schema version into the current [`AppState`].
pub fn parse_state(raw: &str) -> Result<AppState, Damage> {
    let value: Value = serde_json::from_str(raw).map_err(|e| Damage::Unreadable(e.to_string()))?;
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .ok_or_else(|| Damage::Unreadable("no schema_version".to_owned()))?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(Damage::NewerVersion(version));
    }
    let migrated = migrate(value, version)?;
    serde_json::from_value(migrated).map_err(|e| Damage::Unreadable(e.to_string()))
}

/// Brings an older stored document up to [`SCHEMA_VERSION`], one version at a time.
fn migrate(mut value: Value, from: u32) -> Result<Value, Damage> {
    let mut version = from;
    while version < SCHEMA_VERSION {
        let Some(document) = value.as_object_mut() else {
            return Err(Damage::Unreadable("not a JSON object".to_owned()));
        };
        match version {
            1 => {
                // Version 2 added the competence check; a version-1 user has not done it.
                document.insert("competences".to_owned(), Value::Object(Default::default()));
            }
            2 => {
                // Version 3 added matching and the log: no wishes, nothing saved or logged.
                document.insert("wishes".to_owned(), Value::Object(Default::default()));
                document.insert("saved_vacancies".to_owned(), Value::Array(Vec::new()));
                document.insert("activities".to_owned(), Value::Object(Default::default()));
                document.insert("agreements".to_owned(), Value::Null);
            }
            other => {
                return Err(Damage::Unreadable(format!(
                    "unknown schema version {other}"
                )))
            }
        }
        version += 1;
        document.insert("schema_version".to_owned(), Value::from(version));
    }
    Ok(value)
}
