//! Coach mode (`/coach`): a werkcoach imports many job seekers' portfolio files at once,
//! sees the caseload in one table, reads one client's work map in the words the job seeker
//! saw, compares it with the previous file, records agreements and exports a reply.
//!
//! The coach's data lives in IndexedDB (`werkmap-coach`), apart from any job seeker's data
//! in the same browser; the caseload logic is `core::coach`.

mod client;
mod import;
mod overview;

use client::ClientRoute;
use overview::Overview;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::core::coach::{Caseload, Client};
use crate::core::content::Content;
use crate::core::storage::{KeyValueStore, MemoryStore};

use super::LanguageSwitch;
use crate::ui::platform::idb::Idb;
use crate::ui::state::{use_app, AppContext};

pub const COACH_BASE: &str = "/coach";
const DATABASE: &str = "werkmap-coach";
const CLIENTS: &str = "clients";
const SETTINGS: &str = "settings";
/// Files are read in steps of this many, letting the browser paint in between.
const FILES_PER_STEP: usize = 4;

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    /// IndexedDB cannot be used: the caseload works for this visit only.
    NoStorage(String),
}

#[derive(Clone, Copy)]
struct CoachContext {
    caseload: RwSignal<Caseload>,
    load: RwSignal<Load>,
    db: StoredValue<Option<Idb>, LocalStorage>,
    /// The coach's name, set next to every agreement.
    name: RwSignal<String>,
    /// Problems writing to IndexedDB, shown until dismissed.
    save_error: RwSignal<Option<String>>,
    /// Stored records that could not be read (kept, not overwritten).
    unreadable: RwSignal<usize>,
}

fn use_coach() -> CoachContext {
    use_context::<CoachContext>().unwrap_or_else(|| {
        // Every coach screen renders inside CoachApp, which provides it.
        panic!("CoachContext missing: render coach screens inside CoachApp")
    })
}

impl CoachContext {
    /// Writes one client back to IndexedDB.
    fn persist(self, key: String) {
        let Some(client) = self
            .caseload
            .with_untracked(|c| c.get(&key).map(Client::to_json))
        else {
            return;
        };
        let Some(db) = self.db.get_value() else {
            return;
        };
        spawn_local(async move {
            if let Err(error) = db.put(CLIENTS, &key, &client).await {
                self.save_error.set(Some(error.0));
            }
        });
    }

    fn forget(self, key: String) {
        self.caseload.update(|c| {
            c.remove(&key);
        });
        if let Some(db) = self.db.get_value() {
            spawn_local(async move {
                let _ = db.delete(CLIENTS, &key).await;
            });
        }
    }

    fn save_name(self, name: String) {
        self.name.set(name.clone());
        if let Some(db) = self.db.get_value() {
            spawn_local(async move {
                let _ = db.put(SETTINGS, "name", &name).await;
            });
        }
    }
}

/// The whole app in coach mode.
#[component]
pub fn CoachApp(content: &'static Content) -> impl IntoView {
    // The coach's screens keep no job-seeker state: a memory store, dropped with the page.
    let store: Box<dyn KeyValueStore> = Box::new(MemoryStore::new());
    AppContext::provide_with_base(content, store, "werkmap.coach", COACH_BASE);
    let coach = CoachContext {
        caseload: RwSignal::new(Caseload::new()),
        load: RwSignal::new(Load::Loading),
        db: StoredValue::new_local(None),
        name: RwSignal::new(String::new()),
        save_error: RwSignal::new(None),
        unreadable: RwSignal::new(0),
    };
    provide_context(coach);
    spawn_local(async move {
        match Idb::open(DATABASE, &[CLIENTS, SETTINGS]).await {
            Ok(db) => {
                let records = db.all(CLIENTS).await.unwrap_or_default();
                // The same checks as an imported file (core::coach::Caseload::from_records).
                let stored = Caseload::from_records(records);
                if let Some(name) = db
                    .all(SETTINGS)
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .find(|(k, _)| k == "name")
                    .and_then(|(_, name)| name)
                {
                    coach.name.set(name);
                }
                let rewrite: Vec<String> = stored
                    .caseload
                    .clients
                    .iter()
                    .map(|c| c.key.clone())
                    .collect();
                coach.caseload.set(stored.caseload);
                coach.unreadable.set(stored.unreadable);
                coach.db.set_value(Some(db.clone()));
                coach.load.set(Load::Ready);
                // One person under a second key: written once under their own key.
                if !stored.merged.is_empty() {
                    for stray in stored.merged {
                        let _ = db.delete(CLIENTS, &stray).await;
                    }
                    for key in rewrite {
                        coach.persist(key);
                    }
                }
            }
            Err(error) => coach.load.set(Load::NoStorage(error.0)),
        }
    });
    view! { <CoachShell/> }
}

#[component]
fn CoachShell() -> impl IntoView {
    let app = use_app();
    let coach = use_coach();
    crate::ui::follow_language(app, "coach.title");
    view! {
        <Router>
            <a class="skip-link" href="#inhoud">{move || app.t("nav.skip")}</a>
            <header class="app-header">
                <A href=COACH_BASE attr:class="brand">{move || app.t("coach.brand")}</A>
                <nav aria-label=move || app.t("nav.label")>
                    <ul><li><A href=COACH_BASE>{move || app.t("coach.caseload")}</A></li></ul>
                </nav>
                <LanguageSwitch/>
            </header>
            {move || match coach.load.get() {
                Load::NoStorage(_) => Some(view! { <div class="notice" role="alert"><p>{app.t("coach.no_storage")}</p></div> }),
                _ => None,
            }}
            {move || coach.save_error.get().map(|_| view! {
                <div class="notice" role="alert">
                    <p>{app.t("coach.save_failed")}</p>
                    <button type="button" class="button" on:click=move |_| coach.save_error.set(None)>{app.t("notice.ok")}</button>
                </div>
            })}
            <main id="inhoud" tabindex="-1">
                <Routes fallback=Overview>
                    <Route path=path!("/coach") view=Overview/>
                    <Route path=path!("/coach/client/:key") view=ClientRoute/>
                </Routes>
            </main>
            <footer class="app-footer"><p>{move || app.t("coach.privacy")}</p></footer>
        </Router>
    }
}
