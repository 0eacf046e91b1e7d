//! The one app state of the UI, its autosave, and the intents components send. Components
//! call these methods; the rules themselves live in `core`.

use leptos::prelude::*;
use time::{OffsetDateTime, UtcOffset};

use std::sync::Arc;

use crate::core::activity::{ActivityError, ActivityInput};
use crate::core::competence::{InterestAnswer, ProfileError};
use crate::core::content::Content;
use crate::core::esco::EscoCatalog;
use crate::core::i18n;
use crate::core::matching::{InterestTable, Wishes};
use crate::core::occupation::OccupationCatalog;
use crate::core::search::{esco_documents, SearchIndex};
use crate::core::selftest::{Answer, AnswerError, SelfTest, SelfTestResult};
use crate::core::storage::{
    parse_state, AppState, Damage, KeyValueStore, LoadOutcome, Persistence, StorageError,
};
use crate::core::text::Language;
use crate::core::vacancy::Vacancy;
use crate::core::vocab::EvidenceContext;

use crate::ui::vacancies::data::{Interests, VacancyLoad};

/// Namespace of the job seeker's data in home mode; coach mode will use its own.
pub const HOME_NAMESPACE: &str = "werkmap.home";

/// A message about storage shown at the top of every screen until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read; the app started fresh. `kept` says whether the old
    /// data was copied aside (if not, saving is paused until the user chooses).
    Recovered { newer_version: bool, kept: bool },
    /// The browser does not let the app store anything.
    Unavailable,
    /// Saving failed, e.g. storage is full.
    SaveFailed { full: bool },
}

type Store = Box<dyn KeyValueStore>;

#[derive(Clone, Copy)]
pub struct AppContext {
    pub state: RwSignal<AppState>,
    pub content: &'static Content,
    pub selftest: &'static SelfTest,
    /// The ESCO occupations the user imported, with their search index; loaded from storage
    /// when first needed, so start-up stays fast.
    pub esco: RwSignal<Option<Arc<ImportedEsco>>>,
    /// The vacancies and places for matching, fetched when first needed.
    pub vacancies: RwSignal<VacancyLoad>,
    pub notice: RwSignal<Option<Notice>>,
    /// The result of the job seeker's own answers, worked out once per change of the
    /// answers and shared by every screen that shows it.
    pub selftest_result: Memo<SelfTestResult>,
    /// The interest match per occupation (it depends on the interest answers only).
    pub interests: Memo<Interests>,
    persistence: StoredValue<Persistence<Store>, LocalStorage>,
    /// Path prefix of the mode's routes: "" at home, "/kiosk" on a kiosk.
    pub base: &'static str,
    /// The fresh state "wis alles" leaves on screen, until autosave has seen it: writing it
    /// straight back would leave a key behind after deleting everything.
    wiped: StoredValue<Option<AppState>>,
    /// Questions whose field holds typed text not yet committed (the postcode field while
    /// it has focus): another tab's save leaves their answers alone.
    editing: StoredValue<Vec<&'static str>>,
}

impl AppContext {
    /// Loads the stored state, provides the context and starts autosaving.
    pub fn provide(content: &'static Content, store: Store, namespace: &str) -> Self {
        Self::provide_with_base(content, store, namespace, "")
    }

    /// As [`AppContext::provide`], for a mode whose routes live under `base` (the kiosk).
    pub fn provide_with_base(
        content: &'static Content,
        store: Store,
        namespace: &str,
        base: &'static str,
    ) -> Self {
        let selftest = &content.selftest;
        let persistence = Persistence::new(store, namespace);
        let outcome = persistence.load(now());
        let notice = match &outcome {
            LoadOutcome::Fresh(_) | LoadOutcome::Restored(_) => None,
            LoadOutcome::Recovered {
                damage, kept_as, ..
            } => Some(Notice::Recovered {
                newer_version: matches!(damage, Damage::NewerVersion(_)),
                kept: kept_as.is_some(),
            }),
            LoadOutcome::Unavailable(..) => Some(Notice::Unavailable),
        };
        let mut state = outcome.into_state();
        state.clean(content);

        let state = RwSignal::new(state);
        let context = Self {
            state,
            selftest_result: Memo::new(move |_| state.with(|s| selftest.score(&s.answers))),
            interests: Memo::new(move |_| {
                state.with(|s| Interests(Arc::new(InterestTable::new(content, &s.competences))))
            }),
            content,
            selftest,
            esco: RwSignal::new(None),
            vacancies: RwSignal::new(VacancyLoad::Idle),
            base,
            notice: RwSignal::new(notice),
            persistence: StoredValue::new_local(persistence),
            wiped: StoredValue::new(None),
            editing: StoredValue::new(Vec::new()),
        };
        provide_context(context);
        context.start_autosave();
        context.follow_other_tabs();
        context
    }

    /// Another tab of the same browser saved or wiped the state: take it over, so two tabs
    /// never overwrite each other with stale answers (the last change wins everywhere).
    fn follow_other_tabs(self) {
        let key = self.persistence.with_value(|p| p.state_key());
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            if event.key().as_deref() != Some(key.as_str()) {
                return;
            }
            let incoming = match event.new_value() {
                Some(raw) => match parse_state(&raw) {
                    Ok(state) => state,
                    // Damaged data written elsewhere is not ours to act on; keep ours.
                    Err(_) => return,
                },
                None => {
                    // Wiped in the other tab: forget here too, and write nothing back.
                    let fresh = AppState {
                        language: self.state.with_untracked(|s| s.language),
                        ..AppState::default()
                    };
                    self.wiped.set_value(Some(fresh.clone()));
                    self.state.set(fresh);
                    return;
                }
            };
            let mut incoming = incoming;
            incoming.clean(self.content);
            // The rule is core's: theirs, except the fields being edited here.
            let editing = self.editing.get_value();
            let merged = self
                .state
                .with_untracked(|current| current.merge_other_tab(incoming, &editing));
            if self.state.with_untracked(|current| current != &merged) {
                self.state.set(merged);
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn start_autosave(self) {
        Effect::new(move |_| {
            self.state.track();
            let mut wiped = None;
            self.wiped.update_value(|w| wiped = w.take());
            if wiped.is_some_and(|fresh| self.state.with_untracked(|s| *s == fresh)) {
                // Nothing stored after "wis alles" until the user changes something.
                return;
            }
            let untouched = self.state.with_untracked(|s| *s == AppState::default());
            if untouched && !self.persistence.with_value(|p| p.has_stored_state()) {
                // A first visit leaves no trace until the user does something.
                return;
            }
            let result = self
                .state
                .with(|state| self.persistence.with_value(|p| p.save(state)));
            match result {
                Ok(()) => {
                    if matches!(self.notice.get_untracked(), Some(Notice::SaveFailed { .. })) {
                        self.notice.set(None);
                    }
                }
                // Paused and unavailable are already explained by the notice from loading.
                Err(StorageError::Paused) | Err(StorageError::Unavailable(_)) => {}
                Err(StorageError::Full) => self.notice.set(Some(Notice::SaveFailed { full: true })),
            }
        });
    }

    /// A field of `question` holds typed text that is not committed yet.
    pub fn editing_started(&self, question: &'static str) {
        self.editing.update_value(|e| {
            if !e.contains(&question) {
                e.push(question);
            }
        });
    }

    /// The field of `question` committed or left its text.
    pub fn editing_ended(&self, question: &'static str) {
        self.editing.update_value(|e| e.retain(|q| *q != question));
    }

    /// A path of this mode: `/zelftest` at home is `/kiosk/zelftest` on a kiosk.
    pub fn href(&self, path: &str) -> String {
        match (self.base, path) {
            ("", path) => path.to_owned(),
            (base, "/") => base.to_owned(),
            (base, path) => format!("{base}{path}"),
        }
    }

    pub fn is_kiosk(&self) -> bool {
        self.base == "/kiosk"
    }

    /// Coach mode: the answers on screen are a client's, not the user's own.
    pub fn is_coach(&self) -> bool {
        self.base == "/coach"
    }

    pub fn language(&self) -> Language {
        self.state.with(|s| s.language)
    }

    pub fn set_language(&self, language: Language) {
        self.state.update(|s| s.language = language);
    }

    pub fn t(&self, key: &'static str) -> &'static str {
        i18n::text(self.language(), key)
    }

    pub fn set_answer(&self, question: &str, answer: Answer) -> Result<(), AnswerError> {
        let mut result = Ok(());
        self.state.update(|s| {
            result = s
                .answers
                .set(&self.selftest.questionnaire, question, answer);
        });
        result
    }

    pub fn toggle_option(&self, question: &str, option: &str) {
        self.state.update(|s| {
            // Option ids come from the questionnaire the control was drawn from.
            let _ = s
                .answers
                .toggle(&self.selftest.questionnaire, question, option);
        });
    }

    pub fn clear_answer(&self, question: &str) {
        self.state.update(|s| s.answers.clear(question));
    }

    pub fn complete_selftest(&self) {
        self.state
            .update(|s| s.complete_selftest(self.selftest, now()));
    }

    /// "Wis alles": removes everything stored and starts again (the language stays).
    pub fn wipe_all(&self) {
        let language = self.language();
        let wiped = self.persistence.with_value(|p| p.wipe_all());
        self.notice.set(match wiped {
            Ok(()) => None,
            Err(_) => Some(Notice::Unavailable),
        });
        let fresh = AppState {
            language,
            ..AppState::default()
        };
        self.wiped.set_value(Some(fresh.clone()));
        self.state.set(fresh);
        // The imported ESCO file and vacancies were removed from storage with everything
        // else; the sample is fetched again when needed.
        self.esco.set(None);
        if !self.is_kiosk() {
            crate::ui::vacancies::data::delete_feed_database();
        }
        self.vacancies.set(VacancyLoad::Idle);
    }

    /// The user read the damage notice and chooses to go on with fresh data.
    pub fn accept_fresh_start(&self) {
        self.persistence.with_value(|p| p.resume_saving());
        self.notice.set(None);
        // Save the fresh state now that saving is allowed again.
        self.state.update(|_| {});
    }
}

/// An imported ESCO file, ready to search (joined with what the bundled catalogue knows).
pub struct ImportedEsco {
    pub catalog: EscoCatalog,
    pub index: SearchIndex,
}

impl ImportedEsco {
    pub fn new(catalog: EscoCatalog, bundled: &OccupationCatalog) -> Self {
        let index = SearchIndex::new(esco_documents(&catalog, bundled));
        Self { catalog, index }
    }
}

/// Name of the stored document that holds an imported ESCO file.
pub const ESCO_DOCUMENT: &str = "esco";

impl AppContext {
    pub fn set_competence_level(&self, competence: &str, level: u8) -> Result<(), ProfileError> {
        let mut result = Ok(());
        self.state.update(|s| {
            result = s
                .competences
                .set_level(&self.content.competences, competence, level)
        });
        result
    }

    pub fn clear_competence(&self, competence: &str) {
        self.state.update(|s| {
            s.competences.clear_rating(competence);
        });
    }

    pub fn toggle_shown_in(&self, competence: &str, context: EvidenceContext) {
        self.state.update(|s| {
            let _ = s
                .competences
                .toggle_shown_in(&self.content.competences, competence, context);
        });
    }

    pub fn set_interest(&self, item: &str, answer: InterestAnswer) {
        self.state.update(|s| {
            let _ = s
                .competences
                .set_interest(&self.content.interests, item, answer);
        });
    }

    pub fn clear_interest(&self, item: &str) {
        self.state.update(|s| {
            s.competences.clear_interest(item);
        });
    }

    /// The imported ESCO occupations, read from storage the first time they are asked for.
    pub fn imported_esco(&self) -> Option<Arc<ImportedEsco>> {
        if let Some(loaded) = self.esco.get_untracked() {
            return Some(loaded);
        }
        let raw = self
            .persistence
            .with_value(|p| p.load_document(ESCO_DOCUMENT))?;
        let catalog = EscoCatalog::from_json(&raw).ok()?;
        let loaded = Arc::new(ImportedEsco::new(catalog, &self.content.occupations));
        self.esco.set(Some(loaded.clone()));
        Some(loaded)
    }

    /// Keeps a freshly imported ESCO file, replacing an earlier one only now that the new one
    /// is known to be good and is stored (compact JSON: about 2.2 million characters for the
    /// whole file, descriptions included). When it cannot be stored (local storage is full),
    /// the current catalogue stays exactly as it was, in memory and in storage.
    pub fn store_imported_esco(&self, imported: ImportedEsco) -> Result<(), StorageError> {
        let json = imported.catalog.to_compact_json();
        self.persistence
            .with_value(|p| p.save_document(ESCO_DOCUMENT, &json))?;
        self.esco.set(Some(Arc::new(imported)));
        Ok(())
    }

    pub fn forget_imported_esco(&self) {
        self.persistence
            .with_value(|p| p.remove_document(ESCO_DOCUMENT));
        self.esco.set(None);
    }
}

/// Documents of this mode's namespace, and the job seeker's vacancies and activity log.
impl AppContext {
    pub fn load_document(&self, name: &str) -> Option<String> {
        self.persistence.with_value(|p| p.load_document(name))
    }

    pub fn save_document(&self, name: &str, json: &str) -> Result<(), StorageError> {
        self.persistence.with_value(|p| p.save_document(name, json))
    }

    pub fn remove_document(&self, name: &str) {
        self.persistence.with_value(|p| p.remove_document(name));
    }

    pub fn update_wishes(&self, change: impl FnOnce(&mut Wishes)) {
        self.state.update(|s| change(&mut s.wishes));
    }

    pub fn set_wishes(&self, wishes: Wishes) {
        self.state.update(|s| s.wishes = wishes);
    }

    pub fn save_vacancy(&self, vacancy: &Vacancy) {
        self.state.update(|s| {
            s.save_vacancy(vacancy, now().date());
        });
    }

    pub fn forget_vacancy(&self, id: &str) {
        self.state.update(|s| s.forget_vacancy(id));
    }

    pub fn mark_applied(&self, vacancy: &Vacancy) -> Result<u32, ActivityError> {
        let mut result = Err(ActivityError::NotFound);
        self.state
            .update(|s| result = s.mark_applied(vacancy, now().date()));
        result
    }

    pub fn add_activity(&self, input: &ActivityInput) -> Result<u32, ActivityError> {
        let mut result = Err(ActivityError::NotFound);
        self.state
            .update(|s| result = s.activities.add(input, now().date()));
        result
    }

    pub fn update_activity(&self, id: u32, input: &ActivityInput) -> Result<(), ActivityError> {
        let mut result = Err(ActivityError::NotFound);
        self.state
            .update(|s| result = s.activities.update(id, input, now().date()));
        result
    }

    pub fn remove_activity(&self, id: u32) {
        self.state.update(|s| {
            s.activities.remove(id);
        });
    }

    pub fn set_own_target(&self, target: Option<u32>) {
        self.state
            .update(|s| s.activities.own_target_per_4_weeks = target);
    }
}

pub fn use_app() -> AppContext {
    use_context::<AppContext>().unwrap_or_else(|| {
        // Every screen is rendered inside `App`, which provides the context; reaching this
        // is a programming error, reported clearly in the console.
        panic!("AppContext missing: render screens inside ui::App")
    })
}

/// The current moment in the user's local time zone.
pub fn now() -> OffsetDateTime {
    let millis = js_sys::Date::now();
    let utc = OffsetDateTime::from_unix_timestamp_nanos((millis as i128) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    let offset_minutes = js_sys::Date::new_0().get_timezone_offset();
    let offset =
        UtcOffset::from_whole_seconds(-(offset_minutes as i32) * 60).unwrap_or(UtcOffset::UTC);
    utc.to_offset(offset)
}
