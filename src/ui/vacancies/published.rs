//! The site's own published vacancies (`/feed/manifest.json`, made by `werkmap vacancies
//! publish`): the shards near the job seeker are fetched when home or travel distance
//! change, a vacancy's long texts when it is opened. Which shards, how fresh, whether a
//! kept vacancy is closed: all decided in `core::publish`; this module only fetches and
//! shows. The service worker keeps what was fetched for offline use.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::i18n;
use crate::core::matching::{Seeker, VacancyPool};
use crate::core::place::GeoPoint;
use crate::core::publish::{
    availability, Availability, ClosedReason, Freshness, Manifest, Shard, TextEntry, Texts,
    FEED_BASE, MANIFEST_FILE,
};
use crate::core::text::format_date;
use crate::core::vacancy::Vacancy;

use crate::ui::state::{now, use_app, AppContext};
use crate::ui::vacancies::data::{VacancyData, VacancyLoad};

/// A publication and the shards fetched of it so far.
pub struct Published {
    pub manifest: Manifest,
    pub shards: BTreeMap<usize, Arc<Shard>>,
}

impl Published {
    pub fn new(manifest: Manifest) -> Self {
        Self {
            manifest,
            shards: BTreeMap::new(),
        }
    }

    /// Every vacancy of the fetched shards, in shard order.
    pub fn vacancies(&self) -> Vec<Vacancy> {
        self.shards
            .values()
            .flat_map(|s| s.vacancies.iter().cloned())
            .collect()
    }

    fn loaded(&self) -> BTreeSet<usize> {
        self.shards.keys().copied().collect()
    }

    /// A pool of the fetched shards (and the vacancies imported by hand), which knows the
    /// areas it lacks.
    pub fn pool(&self, imported: &[Vacancy], app: AppContext) -> VacancyPool {
        let mut vacancies = self.vacancies();
        vacancies.extend_from_slice(imported);
        VacancyPool::new(vacancies, app.content)
            .with_missing_areas(self.manifest.missing_areas(&self.loaded()))
    }

    /// The texts file of a fetched vacancy.
    pub fn text_file(&self, id: &str) -> Option<&str> {
        self.shards.values().find_map(|shard| {
            let at = shard.vacancies.iter().position(|v| v.id == id)?;
            shard.texts.get(at)?.as_deref()
        })
    }

    /// Whether the shards where a vacancy at `location` would be have been fetched.
    pub fn place_loaded(&self, location: Option<GeoPoint>) -> bool {
        let needed = self.manifest.shards_for(location);
        needed.iter().all(|i| self.shards.contains_key(i))
    }
}

thread_local! {
    /// Shards being fetched now (indexes of the current manifest), so that several screens
    /// asking for the same area fetch it once.
    static IN_FLIGHT: RefCell<BTreeSet<usize>> = const { RefCell::new(BTreeSet::new()) };
}

/// Forgets fetches in progress (a fresh load of the vacancies starts over).
pub fn reset() {
    IN_FLIGHT.with(|f| f.borrow_mut().clear());
}

pub fn manifest_url() -> String {
    format!("{FEED_BASE}{MANIFEST_FILE}")
}

/// The bytes of one of the site's own files, or `None` (offline without a copy, an error).
pub async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    bytes_of(response).await
}

async fn bytes_of(response: wasm_bindgen::JsValue) -> Option<Vec<u8>> {
    let response = response.dyn_into::<web_sys::Response>().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// On a first visit the manifest (and maybe some shards) are fetched before the service
/// worker controls the page, so it never saw them: once it does, they are fetched again
/// through it, so that they are kept for offline use.
pub fn keep_offline_once_controlled(app: AppContext) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    if container.controller().is_some() {
        return;
    }
    let again = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(window) = web_sys::window() else {
            return;
        };
        let files: Vec<String> = app.vacancies.with_untracked(|v| match v {
            VacancyLoad::Ready(data) => data
                .published
                .as_ref()
                .map(|p| {
                    let mut files = vec![manifest_url()];
                    files.extend(p.shards.keys().filter_map(|i| {
                        p.manifest
                            .shards
                            .get(*i)
                            .map(|s| format!("{FEED_BASE}{}", s.file))
                    }));
                    files
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        });
        for file in files {
            let _ = window.fetch_with_str(&file);
        }
    });
    let _ = container.add_event_listener_with_callback("controllerchange", again.unchecked_ref());
}

/// The site's manifest, when it has a valid one.
pub async fn load_manifest() -> Option<Manifest> {
    let bytes = fetch_bytes(&manifest_url()).await?;
    match Manifest::parse(&bytes) {
        Ok(manifest) => Some(manifest),
        Err(error) => {
            leptos::logging::warn!("{error}");
            None
        }
    }
}

/// Fetches the given shards of `manifest` at once (the requests run side by side) and
/// reads each; a shard that cannot be fetched or read is left out (and logged).
pub async fn fetch_shards(
    app: AppContext,
    manifest: &Manifest,
    wanted: &[usize],
) -> Vec<(usize, Shard)> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let requests: Vec<(usize, js_sys::Promise)> = wanted
        .iter()
        .filter_map(|&i| {
            let entry = manifest.shards.get(i)?;
            Some((
                i,
                window.fetch_with_str(&format!("{FEED_BASE}{}", entry.file)),
            ))
        })
        .collect();
    let mut shards = Vec::with_capacity(requests.len());
    for (index, request) in requests {
        let Some(entry) = manifest.shards.get(index) else {
            continue;
        };
        let Some(bytes) = (match JsFuture::from(request).await {
            Ok(response) => bytes_of(response).await,
            Err(_) => None,
        }) else {
            leptos::logging::warn!("{}: could not be fetched", entry.file);
            continue;
        };
        match Shard::parse(entry, &bytes, &app.content.competences) {
            Ok(shard) => shards.push((index, shard)),
            Err(error) => leptos::logging::warn!("{error}"),
        }
    }
    shards
}

impl AppContext {
    /// Fetches the shards a job seeker at `home` travelling `km` needs, when the site has a
    /// publication and they are not there yet, and matches with them from then on.
    pub fn ensure_published_area(&self, home: Option<GeoPoint>, km: f64) {
        let Some(data) = self.vacancies.with_untracked(|v| match v {
            VacancyLoad::Ready(data) => Some(data.clone()),
            _ => None,
        }) else {
            return;
        };
        let Some(published) = data.published.clone() else {
            return;
        };
        let wanted: Vec<usize> = published
            .manifest
            .shards_within(home, km)
            .into_iter()
            .filter(|i| !published.shards.contains_key(i))
            .filter(|i| IN_FLIGHT.with(|f| !f.borrow().contains(i)))
            .collect();
        self.fetch_published(wanted);
    }

    /// Fetches the shard where a kept vacancy at `location` would be (to tell whether it
    /// is closed).
    pub fn ensure_published_place(&self, location: Option<GeoPoint>) {
        let Some(published) = self.vacancies.with_untracked(|v| match v {
            VacancyLoad::Ready(data) => data.published.clone(),
            _ => None,
        }) else {
            return;
        };
        let wanted: Vec<usize> = published
            .manifest
            .shards_for(location)
            .into_iter()
            .filter(|i| !published.shards.contains_key(i))
            .filter(|i| IN_FLIGHT.with(|f| !f.borrow().contains(i)))
            .collect();
        self.fetch_published(wanted);
    }

    fn fetch_published(&self, wanted: Vec<usize>) {
        if wanted.is_empty() {
            return;
        }
        let Some(manifest) = self.vacancies.with_untracked(|v| match v {
            VacancyLoad::Ready(data) => data.published.as_ref().map(|p| p.manifest.clone()),
            _ => None,
        }) else {
            return;
        };
        IN_FLIGHT.with(|f| f.borrow_mut().extend(wanted.iter().copied()));
        let app = *self;
        spawn_local(async move {
            let fetched = fetch_shards(app, &manifest, &wanted).await;
            IN_FLIGHT.with(|f| {
                let mut f = f.borrow_mut();
                for i in &wanted {
                    f.remove(i);
                }
            });
            let current = app.vacancies.with_untracked(|v| match v {
                VacancyLoad::Ready(data) => Some(data.clone()),
                _ => None,
            });
            let Some(current) = current else {
                return;
            };
            let Some(published) = current.published.as_ref() else {
                return;
            };
            if published.manifest != manifest || fetched.is_empty() {
                return;
            }
            let mut shards = published.shards.clone();
            for (index, shard) in fetched {
                shards.insert(index, Arc::new(shard));
            }
            let next = Published { manifest, shards };
            let data = current.with_published(app, next);
            app.vacancies.set(VacancyLoad::Ready(Arc::new(data)));
        });
    }
}

/// Keeps the fetched part of a publication in step with the job seeker's home and travel
/// distance (on every screen that matches).
pub fn use_published_area(app: AppContext) {
    Effect::new(move |_| {
        let Some(data) = app.vacancy_data() else {
            return;
        };
        if data.published.is_none() {
            return;
        }
        let (home, km) = app.state.with(|s| {
            let seeker = Seeker {
                answers: &s.answers,
                competences: &s.competences,
                wishes: &s.wishes,
            };
            let profile = seeker.profile(&app.content.matching, &data.places, now().date());
            (
                profile.home.map(|h| h.point),
                f64::from(profile.max_distance_km),
            )
        });
        app.ensure_published_area(home, km);
    });
}

/// Whether shards are being fetched now.
pub fn loading() -> bool {
    IN_FLIGHT.with(|f| !f.borrow().is_empty())
}

/// Where the vacancies come from and how fresh they are: "Vacatures van
/// Werkgeversservicepunt Utrecht, bijgewerkt op 3 december 2026", and a warning when the
/// list is old. Nothing for the sample (it is labelled as examples where it is shown).
#[component]
pub fn FeedSource() -> impl IntoView {
    let app = use_app();
    move || {
        let data = app.vacancy_data()?;
        let Some(published) = data.published.clone() else {
            // No publication: the bundled sample is labelled as examples.
            return (data.imported() == 0).then(|| {
                view! { <p class="hint feed-source">{app.t("vacancies.import_absent")}</p> }
                    .into_any()
            });
        };
        let language = app.language();
        let manifest = &published.manifest;
        let source = i18n::format(
            language,
            "published.source",
            &[
                ("source", &manifest.source),
                ("date", &format_date(manifest.published, language)),
            ],
        );
        let stale = match manifest.freshness(now().date()) {
            Freshness::Stale { days } => Some(i18n::format(
                language,
                "published.stale",
                &[("days", &days.to_string())],
            )),
            Freshness::Fresh => None,
        };
        Some(view! {
            <p class="hint feed-source" id="feed-source">{source}</p>
            {stale.map(|text| view! { <p class="notice-inline feed-stale" role="note">{text}</p> })}
        }
        .into_any())
    }
}

/// "Deze vacature is gesloten" on the page of a kept vacancy that is no longer open
/// (`core::publish::availability`).
pub fn closed_notice(
    app: AppContext,
    data: &VacancyData,
    vacancy: &Vacancy,
    listed: bool,
) -> Option<impl IntoView> {
    let place_loaded = data
        .published
        .as_ref()
        .is_none_or(|p| p.place_loaded(vacancy.location));
    let key = match availability(vacancy, listed, place_loaded, now().date()) {
        Availability::Open | Availability::Unknown => return None,
        Availability::Closed(ClosedReason::PastClosingDate) => "published.closed_date",
        Availability::Closed(ClosedReason::NoLongerListed) => "published.closed_gone",
    };
    Some(view! {
        <p class="notice-inline vacancy-closed" role="note"><strong>{app.t("published.closed")}</strong>" "{app.t(key)}</p>
    })
}

/// The long texts of the vacancy `id` of a publication, fetched when it is opened; `None`
/// until they are there (or when the vacancy has none).
pub fn use_texts(app: AppContext, id: Signal<String>) -> ReadSignal<Option<(String, TextEntry)>> {
    let texts = RwSignal::new(None::<(String, TextEntry)>);
    let asked = StoredValue::new(String::new());
    Effect::new(move |_| {
        let id = id.get();
        let Some(data) = app.vacancy_data() else {
            return;
        };
        let Some(file) = data
            .published
            .as_ref()
            .and_then(|p| p.text_file(&id))
            .map(str::to_owned)
        else {
            return;
        };
        if asked.get_value() == id {
            return;
        }
        asked.set_value(id.clone());
        spawn_local(async move {
            let Some(bytes) = fetch_bytes(&format!("{FEED_BASE}{file}")).await else {
                asked.set_value(String::new());
                return;
            };
            match Texts::parse(&file, &bytes) {
                Ok(found) => {
                    if let Some(entry) = found.get(&id) {
                        texts.set(Some((id, entry.clone())));
                    }
                }
                Err(error) => leptos::logging::warn!("{error}"),
            }
        });
    });
    texts.read_only()
}
