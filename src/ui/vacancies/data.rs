//! The vacancies and places the matching screens need. They are fetched from the app's own
//! files after first paint, not compiled into the bundle, so the first screen stays fast;
//! the service worker keeps them for offline use. When the site publishes its vacancies
//! (`/feed/manifest.json`, see `published.rs`) those are used, the part near the job seeker;
//! without a publication, the bundled sample (`/data/vacancies.json`). Vacancies the job
//! seeker imported from a feed are kept as a stored document and matched together with them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::content::Content;
use crate::core::matching::{InterestTable, VacancyPool};
use crate::core::place::Places;
use crate::core::storage::StorageError;
use crate::core::vacancy::{FeedError, FeedImport, FeedReader, Vacancy, VacancySet};

use crate::ui::platform::browser;
use crate::ui::platform::idb::Idb;
use crate::ui::state::{now, AppContext};
use crate::ui::vacancies::published::{self, Published};

/// Name of the stored document with imported vacancies.
pub const IMPORTED_DOCUMENT: &str = "vacancies";
const PLACES_URL: &str = "/data/places.json";
const SAMPLE_URL: &str = "/data/vacancies.json";
/// The IndexedDB database, store and key of a feed imported by hand.
const FEED_DB: &str = "werkmap-home";
const FEED_STORES: &[&str] = &["feeds"];
const FEED_KEY: &str = "imported";
/// How long the feed is read between two paints, so the page stays responsive and the
/// progress bar moves on a slow phone as on a fast computer.
const STEP_MS: f64 = 40.0;
/// Records read before the clock is looked at again (a few milliseconds of work).
const RECORDS_PER_STEP: usize = 50;

/// Everything matching needs, loaded once (a publication: the part fetched so far).
pub struct VacancyData {
    pub places: Places,
    pub pool: VacancyPool,
    /// The first `sample` vacancies of the pool are the bundled sample (none when the site
    /// has a publication).
    pub sample: usize,
    /// The first `base` vacancies of the pool are the sample or the published ones; the
    /// rest were imported by hand.
    pub base: usize,
    /// Where the imported ones came from (a file name), if any.
    pub imported_source: Option<String>,
    /// The site's publication, when it has one.
    pub published: Option<Arc<Published>>,
}

impl VacancyData {
    pub fn imported(&self) -> usize {
        self.pool.len() - self.base
    }

    pub fn is_sample(&self, index: usize) -> bool {
        index < self.sample
    }

    fn with_imported(
        &self,
        content: &Content,
        imported: Vec<Vacancy>,
        source: Option<String>,
        app: AppContext,
    ) -> VacancyData {
        let pool = match &self.published {
            Some(published) => published.pool(&imported, app),
            None => {
                let mut vacancies: Vec<Vacancy> = self.pool.vacancies()[..self.base].to_vec();
                vacancies.extend(imported);
                VacancyPool::new(vacancies, content)
            }
        };
        VacancyData {
            places: self.places.clone(),
            pool,
            sample: self.sample,
            base: self.base,
            imported_source: source,
            published: self.published.clone(),
        }
    }

    /// The same data with more of the publication fetched.
    pub fn with_published(&self, app: AppContext, published: Published) -> VacancyData {
        let imported = &self.pool.vacancies()[self.base..];
        let pool = published.pool(imported, app);
        VacancyData {
            places: self.places.clone(),
            base: pool.len() - imported.len(),
            pool,
            sample: 0,
            imported_source: self.imported_source.clone(),
            published: Some(Arc::new(published)),
        }
    }
}

#[derive(Clone, Default)]
pub enum VacancyLoad {
    #[default]
    Idle,
    Loading,
    Ready(Arc<VacancyData>),
    /// The files could not be fetched (offline on a first visit) or read.
    Failed,
}

impl PartialEq for VacancyLoad {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (VacancyLoad::Ready(a), VacancyLoad::Ready(b)) => Arc::ptr_eq(a, b),
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        }
    }
}

/// The interest match per occupation, kept while only wishes change.
#[derive(Clone, PartialEq)]
pub struct Interests(pub Arc<InterestTable>);

impl AppContext {
    /// The loaded vacancies, starting the load on first use (tracked: a screen re-renders
    /// when they arrive).
    pub fn vacancy_data(&self) -> Option<Arc<VacancyData>> {
        if self
            .vacancies
            .with_untracked(|v| matches!(v, VacancyLoad::Idle))
        {
            self.load_vacancies();
        }
        match self.vacancies.get() {
            VacancyLoad::Ready(data) => Some(data),
            _ => None,
        }
    }

    /// The loaded vacancies, waiting for them when they are still being fetched (a file
    /// picked on a page that was just opened); `None` when they could not be loaded.
    pub async fn vacancy_data_ready(&self) -> Option<Arc<VacancyData>> {
        // A load that failed earlier (offline for a moment) is tried once more.
        let mut retried = false;
        loop {
            if self
                .vacancies
                .with_untracked(|v| matches!(v, VacancyLoad::Idle))
            {
                self.load_vacancies();
            }
            match self.vacancies.get_untracked() {
                VacancyLoad::Ready(data) => return Some(data),
                VacancyLoad::Failed if !retried => {
                    retried = true;
                    self.load_vacancies();
                }
                VacancyLoad::Failed => return None,
                VacancyLoad::Idle | VacancyLoad::Loading => browser::sleep(50).await,
            }
        }
    }

    pub fn vacancies_failed(&self) -> bool {
        self.vacancies.with(|v| matches!(v, VacancyLoad::Failed))
    }

    fn load_vacancies(&self) {
        let app = *self;
        app.vacancies.set(VacancyLoad::Loading);
        published::reset();
        spawn_local(async move {
            let places = browser::fetch_text(PLACES_URL)
                .await
                .and_then(|p| Places::parse(&p).ok());
            let Some(places) = places else {
                app.vacancies.set(VacancyLoad::Failed);
                return;
            };
            let stored = load_imported(app).await;
            let source = stored.as_ref().map(|s| s.source.clone());
            let imported = stored.map(|s| s.vacancies).unwrap_or_default();
            // The site's own publication when it has one; else the bundled sample.
            if let Some(manifest) = published::load_manifest().await {
                let data = VacancyData {
                    places,
                    pool: VacancyPool::new(imported, app.content),
                    sample: 0,
                    base: 0,
                    imported_source: source,
                    published: None,
                };
                let data = data.with_published(app, Published::new(manifest));
                app.vacancies.set(VacancyLoad::Ready(Arc::new(data)));
                published::keep_offline_once_controlled(app);
                // The vacancies without a known place are part of every job seeker's list.
                app.ensure_published_area(None, 0.0);
                return;
            }
            let sample = browser::fetch_text(SAMPLE_URL)
                .await
                .and_then(|s| VacancySet::parse(&s, &app.content.competences).ok());
            let Some(sample) = sample else {
                app.vacancies.set(VacancyLoad::Failed);
                return;
            };
            let mut vacancies = sample.rebased(now().date()).vacancies;
            let count = vacancies.len();
            vacancies.extend(imported);
            let data = VacancyData {
                places,
                pool: VacancyPool::new(vacancies, app.content),
                sample: count,
                base: count,
                imported_source: source,
                published: None,
            };
            app.vacancies.set(VacancyLoad::Ready(Arc::new(data)));
        });
    }

    /// Reads a feed against `current` (the loaded vacancies and places, from
    /// [`AppContext::vacancy_data_ready`]) a number of records at a time, giving the browser
    /// a moment to paint `on_progress` (0 to 1) between the steps, and, when it holds any
    /// vacancy, matches with them from now on (they replace an earlier import). The current
    /// vacancies stay as they were if it fails. Returns the report, and whether the imported
    /// vacancies could be kept in storage.
    pub async fn import_vacancies(
        &self,
        current: Arc<VacancyData>,
        bytes: Vec<u8>,
        source: String,
        on_progress: impl Fn(f64),
    ) -> Result<(FeedImport, Result<(), StorageError>), FeedError> {
        let linker = self.content.linker(&current.places);
        let mut reader = FeedReader::new(bytes)?;
        let mut done = false;
        while !done {
            on_progress(reader.progress());
            browser::yield_to_browser().await;
            let started = js_sys::Date::now();
            while !done && js_sys::Date::now() - started < STEP_MS {
                done = reader.step(&linker, RECORDS_PER_STEP)?;
            }
        }
        on_progress(1.0);
        let report = reader.finish();
        if report.vacancies.is_empty() {
            return Ok((report, Ok(())));
        }
        browser::yield_to_browser().await;
        let data = current.with_imported(
            self.content,
            report.vacancies.clone(),
            Some(source.clone()),
            *self,
        );
        self.vacancies.set(VacancyLoad::Ready(Arc::new(data)));
        browser::yield_to_browser().await;
        // Kept in IndexedDB, whatever the size (local storage holds a few megabytes); local
        // storage only notes that it is there. If that fails, an earlier import is removed so
        // that a reload shows what the job seeker was told.
        let set = VacancySet::new(source.clone(), report.vacancies.clone());
        let saved = match store_feed(&set.to_compact_json()).await {
            Ok(()) => {
                let note = serde_json::json!({
                    "stored_in": FEED_DB,
                    "source": source,
                    "count": set.vacancies.len(),
                });
                self.save_document(IMPORTED_DOCUMENT, &note.to_string())
            }
            Err(error) => Err(error),
        };
        if saved.is_err() {
            self.remove_document(IMPORTED_DOCUMENT);
            delete_feed_database();
        }
        Ok((report, saved))
    }

    /// Goes back to the sample (or the site's publication) only.
    pub fn forget_imported_vacancies(&self) {
        self.remove_document(IMPORTED_DOCUMENT);
        delete_feed_database();
        if let Some(current) = self.vacancies.with_untracked(|v| match v {
            VacancyLoad::Ready(data) => Some(data.clone()),
            _ => None,
        }) {
            let data = current.with_imported(self.content, Vec::new(), None, *self);
            self.vacancies.set(VacancyLoad::Ready(Arc::new(data)));
        }
    }
}

/// Keeps an imported feed (the app's vacancy file) in IndexedDB.
async fn store_feed(json: &str) -> Result<(), StorageError> {
    let db = Idb::open(FEED_DB, FEED_STORES)
        .await
        .map_err(|e| StorageError::Unavailable(e.0))?;
    db.put(FEED_STORES[0], FEED_KEY, json).await.map_err(|e| {
        if e.0.contains("Quota") {
            StorageError::Full
        } else {
            StorageError::Unavailable(e.0)
        }
    })
}

/// The feed imported by hand: in IndexedDB when the stored document says so, or (as an
/// earlier version kept up to 2,000 vacancies) in the document itself. Nothing is opened
/// when nothing was imported, so a first visit leaves no database behind.
async fn load_imported(app: AppContext) -> Option<VacancySet> {
    let raw = app.load_document(IMPORTED_DOCUMENT)?;
    if let Ok(set) = VacancySet::parse(&raw, &app.content.competences) {
        return Some(set);
    }
    let note: serde_json::Value = serde_json::from_str(&raw).ok()?;
    if note.get("stored_in").and_then(|v| v.as_str()) != Some(FEED_DB) {
        return None;
    }
    let db = Idb::open(FEED_DB, FEED_STORES).await.ok()?;
    let records = db.all(FEED_STORES[0]).await.ok()?;
    let (_, json) = records.into_iter().find(|(key, _)| key == FEED_KEY)?;
    VacancySet::parse(&json?, &app.content.competences).ok()
}

/// Deletes the IndexedDB database of imported feeds ("Wis alles", "forget the import").
pub fn delete_feed_database() {
    if let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) {
        let _ = factory.delete_database(FEED_DB);
    }
}
