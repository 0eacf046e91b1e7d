//! Coach mode (`/coach`): a werkcoach imports many job seekers' portfolio files at once,
//! sees the caseload in one table, reads one client's work map in the words the job seeker
//! saw, compares it with the previous file, records agreements and exports a reply.
//!
//! The coach's data lives in IndexedDB (`werkmap-coach`), apart from any job seeker's data
//! in the same browser; the caseload logic is `core::coach`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

use crate::core::activity::{parse_target, ActivityLog, MAX_TARGET_PER_4_WEEKS};
use crate::core::coach::{
    client_slug, filter_rows, open_client_file, sort_rows, Caseload, Client, EvaluationDue,
    ImportOutcome, OverviewRow, RowFilter, SortColumn,
};
use crate::core::content::Content;
use crate::core::i18n;
use crate::core::portfolio::{Agreement, Section};
use crate::core::selftest::{ids, RouteId};
use crate::core::storage::{KeyValueStore, MemoryStore};
use crate::core::text::format_date;

use super::browser;
use super::history::{Chart, HistoryTable};
use super::idb::Idb;
use super::result::result_parts;
use super::state::{now, use_app, AppContext};
use super::table::{DataTable, Row};
use super::LanguageSwitch;

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
    Effect::new(move |_| {
        let language = app.language();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language.code());
        }
        document().set_title(app.t("coach.title"));
    });
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

/// What one file of an import came to.
#[derive(Clone, PartialEq)]
struct FileResult {
    name: String,
    outcome: Result<ImportOutcome, String>,
}

#[derive(Clone, PartialEq, Default)]
struct ImportProgress {
    done: usize,
    total: usize,
    results: Vec<FileResult>,
    running: bool,
}

fn import_files(files: Vec<web_sys::File>, passphrase: String, progress: RwSignal<ImportProgress>) {
    let app = use_app();
    let coach = use_coach();
    progress.set(ImportProgress {
        done: 0,
        total: files.len(),
        results: Vec::new(),
        running: true,
    });
    spawn_local(async move {
        let language = app.language();
        let started = js_sys::Date::now();
        for (i, file) in files.into_iter().enumerate() {
            let name = file.name();
            let outcome = match browser::read_file(&file).await {
                None => Err(i18n::text(language, "coach.unreadable_file").to_owned()),
                Some(bytes) => open_client_file(&bytes, &passphrase)
                    .map_err(|e| e.message(language))
                    .map(|portfolio| {
                        let mut result = (String::new(), ImportOutcome::Unchanged);
                        coach
                            .caseload
                            .update(|c| result = c.import(portfolio, now()));
                        if matches!(result.1, ImportOutcome::New | ImportOutcome::Updated) {
                            coach.persist(result.0);
                        }
                        result.1
                    }),
            };
            progress.update(|p| {
                p.done = i + 1;
                p.results.push(FileResult { name, outcome });
            });
            if (i + 1) % FILES_PER_STEP == 0 {
                // The page stays responsive during a large import.
                browser::yield_to_browser().await;
            }
        }
        progress.update(|p| p.running = false);
        leptos::logging::log!(
            "coach import of {} files took {:.0} ms",
            progress.with_untracked(|p| p.total),
            js_sys::Date::now() - started
        );
    });
}

#[component]
fn ImportCard() -> impl IntoView {
    let app = use_app();
    let progress = RwSignal::new(ImportProgress::default());
    let passphrase = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let on_files = move |event: leptos::ev::Event| {
        let files = browser::picked_files(&event);
        if !files.is_empty() {
            import_files(files, passphrase.get_untracked(), progress);
        }
    };
    let on_drop = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        let Some(list) = event.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if !files.is_empty() {
            import_files(files, passphrase.get_untracked(), progress);
        }
    };
    let summary = move || {
        let language = app.language();
        progress.with(|p| {
            if p.total == 0 {
                return None;
            }
            let count = |outcome: ImportOutcome| {
                p.results
                    .iter()
                    .filter(|r| r.outcome == Ok(outcome))
                    .count()
                    .to_string()
            };
            let refused = p.results.iter().filter(|r| r.outcome.is_err()).count();
            Some(if p.running {
                i18n::plural(
                    language,
                    "coach.importing",
                    p.total,
                    &[("done", &p.done.to_string())],
                )
            } else {
                i18n::plural(
                    language,
                    "coach.imported",
                    p.total,
                    &[
                        ("new", &count(ImportOutcome::New)),
                        ("updated", &count(ImportOutcome::Updated)),
                        ("unchanged", &count(ImportOutcome::Unchanged)),
                        ("older", &count(ImportOutcome::Older)),
                        ("refused", &refused.to_string()),
                    ],
                )
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="coach-import-title">
            <h2 id="coach-import-title">{move || app.t("coach.import_title")}</h2>
            <p>{move || app.t("coach.import_intro")}</p>
            <div class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |e: leptos::ev::DragEvent| { e.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label for="coach-files">{move || app.t("coach.pick")}</label>
                <input id="coach-files" type="file" multiple accept=".json,application/json" on:change=on_files/>
                <p class="hint">{move || app.t("coach.drop")}</p>
            </div>
            <div class="field">
                <label for="coach-pass">{move || app.t("coach.passphrase")}</label>
                <input id="coach-pass" type="password" autocomplete="off" prop:value=move || passphrase.get()
                    on:input=move |e| passphrase.set(event_target_value(&e))/>
            </div>
            <Show when=move || progress.with(|p| p.running)>
                <progress max=move || progress.with(|p| p.total) value=move || progress.with(|p| p.done)></progress>
            </Show>
            <p role="status" class="import-status">{summary}</p>
            {move || {
                let language = app.language();
                let refused: Vec<(String, String)> = progress.with(|p| {
                    p.results
                        .iter()
                        .filter_map(|r| r.outcome.as_ref().err().map(|e| (r.name.clone(), e.clone())))
                        .collect()
                });
                (!refused.is_empty() && !progress.with(|p| p.running)).then(|| view! {
                    <details class="why" open>
                        <summary>{i18n::text(language, "coach.refused_title")}</summary>
                        <ul class="rejected">{refused.into_iter().map(|(name, why)| view! { <li><strong>{name}</strong>": "{why}</li> }).collect_view()}</ul>
                    </details>
                })
            }}
        </section>
    }
}

fn route_label(route: RouteId, app: AppContext) -> String {
    app.selftest
        .rules
        .routes
        .iter()
        .find(|r| RouteId::from_rule_id(&r.id) == Some(route))
        .map(|r| r.title.get(app.language()).to_owned())
        .unwrap_or_default()
}

/// `/coach`: the caseload.
#[component]
fn Overview() -> impl IntoView {
    let app = use_app();
    let coach = use_coach();
    let sort = RwSignal::new((SortColumn::NextEvaluation, false));
    let filter = RwSignal::new(RowFilter::default());
    let rows = Memo::new(move |_| {
        let today = now().date();
        let mut rows = coach.caseload.with(|c| c.overview(app.selftest, today));
        let (column, descending) = sort.get();
        sort_rows(&mut rows, column, descending);
        filter_rows(rows, &filter.get())
    });
    let header = move |column: SortColumn, key: &'static str| {
        let aria = move || match sort.get() {
            (c, false) if c == column => "ascending",
            (c, true) if c == column => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|(c, d)| {
                    if *c == column {
                        *d = !*d;
                    } else {
                        *c = column;
                        *d = false;
                    }
                })>{move || app.t(key)}</button>
            </th>
        }
    };
    let confirming = RwSignal::new(false);
    view! {
        <h1>{move || app.t("coach.caseload_title")}</h1>
        <p class="lead">{move || app.t("coach.intro")}</p>
        {move || (coach.unreadable.get() > 0).then(|| view! {
            <p class="notice-inline" role="alert">{i18n::plural(app.language(), "coach.unreadable_records", coach.unreadable.get(), &[])}</p>
        })}
        <div class="field">
            <label for="coach-name">{move || app.t("coach.your_name")}</label>
            <input id="coach-name" type="text" autocomplete="name" prop:value=move || coach.name.get()
                on:change=move |e| coach.save_name(event_target_value(&e))/>
        </div>
        <ImportCard/>
        <section aria-labelledby="caseload-title">
            <h2 id="caseload-title">{move || app.t("coach.caseload")}</h2>
            <p role="status">{move || {
                let total = coach.caseload.with(Caseload::len);
                let due = rows.with(|r| r.iter().filter(|row| matches!(row.evaluation_due, EvaluationDue::Overdue | EvaluationDue::Soon)).count());
                format!(
                    "{} {}",
                    i18n::plural(app.language(), "coach.count_clients", total, &[("shown", &rows.with(Vec::len).to_string())]),
                    i18n::plural(app.language(), "coach.count_due", due, &[]),
                )
            }}</p>
            <div class="list-controls">
                <div class="field">
                    <label for="coach-search">{move || app.t("coach.search")}</label>
                    <input id="coach-search" type="text" autocomplete="off" prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |e| filter.update(|f| f.text = event_target_value(&e))/>
                </div>
                <div class="field">
                    <label for="coach-route">{move || app.t("coach.route_filter")}</label>
                    <select id="coach-route" on:change=move |e| {
                        let value = event_target_value(&e);
                        filter.update(|f| f.route = RouteId::from_rule_id(&value));
                    }>
                        <option value="all">{move || app.t("vacancies.filter_all")}</option>
                        {app.selftest.rules.routes.iter().map(|r| {
                            let id = r.id.clone();
                            let title = r.title.clone();
                            view! { <option value=id>{move || title.get(app.language()).to_owned()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="option">
                    <input type="checkbox" id="coach-due" prop:checked=move || filter.with(|f| f.due_only)
                        on:change=move |_| filter.update(|f| f.due_only = !f.due_only)/>
                    <label for="coach-due">{move || app.t("coach.due_only")}</label>
                </div>
                <div class="option">
                    <input type="checkbox" id="coach-behind" prop:checked=move || filter.with(|f| f.behind_only)
                        on:change=move |_| filter.update(|f| f.behind_only = !f.behind_only)/>
                    <label for="coach-behind">{move || app.t("coach.behind_only")}</label>
                </div>
            </div>
            <div class="table-scroll" role="region" aria-labelledby="caseload-title" tabindex="0">
                <table class="history caseload">
                    <thead><tr>
                        {header(SortColumn::Alias, "coach.col_name")}
                        {header(SortColumn::LastUpdate, "coach.col_updated")}
                        {header(SortColumn::Route, "coach.col_route")}
                        {header(SortColumn::Participation, "coach.col_participation")}
                        {header(SortColumn::Reintegration, "coach.col_reintegration")}
                        {header(SortColumn::Activities, "coach.col_activities")}
                        {header(SortColumn::NextEvaluation, "coach.col_evaluation")}
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|row| overview_row(app, row)).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section class="wipe" aria-labelledby="coach-wipe-title">
            <h2 id="coach-wipe-title">{move || app.t("coach.wipe_title")}</h2>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="button danger" on:click=move |_| confirming.set(true)>{move || app.t("coach.wipe")}</button>
            }>
                <div role="alertdialog" aria-labelledby="coach-wipe-confirm" class="confirm">
                    <p id="coach-wipe-confirm">{move || app.t("coach.wipe_confirm")}</p>
                    <button type="button" class="button danger" on:click=move |_| {
                        coach.caseload.set(Caseload::new());
                        if let Some(db) = coach.db.get_value() {
                            spawn_local(async move { let _ = db.clear(CLIENTS).await; });
                        }
                        confirming.set(false);
                    }>{move || app.t("wipe.yes")}</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>{move || app.t("wipe.no")}</button>
                </div>
            </Show>
        </section>
    }
}

fn overview_row(app: AppContext, row: OverviewRow) -> impl IntoView {
    let language = app.language();
    let t = move |key: &'static str| i18n::text(language, key);
    let href = format!("{COACH_BASE}/client/{}", client_slug(&row.key));
    let name = row
        .alias
        .clone()
        .unwrap_or_else(|| t("share.no_name").to_owned());
    let activities = match (row.activities_4_weeks, row.target) {
        (Some(done), Some(target)) => format!("{done} / {target}"),
        (Some(done), None) => done.to_string(),
        (None, _) => t("coach.not_shared").to_owned(),
    };
    let due_class = match row.evaluation_due {
        EvaluationDue::Overdue => "due overdue",
        EvaluationDue::Soon => "due soon",
        _ => "due",
    };
    let evaluation = match row.next_evaluation {
        Some(date) => format!(
            "{} ({})",
            format_date(date, language),
            row.evaluation_due.label(language)
        ),
        None => row.evaluation_due.label(language).to_owned(),
    };
    let number = |n: Option<u8>| n.map_or("–".to_owned(), |n| n.to_string());
    view! {
        <tr>
            <th scope="row"><A href=href>{name}</A></th>
            <td>{format_date(row.last_update.date(), language)}</td>
            <td>{row.route.map(|r| route_label(r, app)).unwrap_or_else(|| "–".to_owned())}</td>
            <td>{number(row.participation)}</td>
            <td>{number(row.reintegration)}</td>
            <td class=if row.behind_target { "behind" } else { "" }>{activities}
                {row.behind_target.then(|| view! { <span class="visually-hidden">{format!(" ({})", t("coach.behind"))}</span> })}</td>
            <td class=due_class>{evaluation}</td>
        </tr>
    }
}

/// `/coach/client/:key`.
#[component]
fn ClientRoute() -> impl IntoView {
    let app = use_app();
    let coach = use_coach();
    let params = use_params_map();
    move || {
        let slug = params.read().get("key").unwrap_or_default();
        let language = app.language();
        if coach.load.get() == Load::Loading {
            return view! { <p role="status">{i18n::text(language, "vacancies.loading")}</p> }
                .into_any();
        }
        match coach.caseload.with(|c| c.by_slug(&slug).cloned()) {
            Some(client) => view! { <ClientDetail client=Arc::new(client)/> }.into_any(),
            None => view! {
                <h1>{i18n::text(language, "notfound.title")}</h1>
                <p><A href=COACH_BASE attr:class="standalone">{i18n::text(language, "coach.back")}</A></p>
            }
            .into_any(),
        }
    }
}

#[component]
fn ClientDetail(client: Arc<Client>) -> impl IntoView {
    let app = use_app();
    let coach = use_coach();
    let language = app.language();
    let t = move |key: &'static str| i18n::text(language, key);
    let Some(latest) = client.latest().cloned() else {
        return ().into_any();
    };
    let name = client
        .alias()
        .unwrap_or_else(|| t("share.no_name").to_owned());
    let changes = client.changes(app.selftest);
    let has_previous = client.previous().is_some();
    let shared = latest.sections();
    let not_shared: Vec<&str> = Section::ALL
        .into_iter()
        .filter(|s| s.is_job_seekers() && !shared.contains(s))
        .map(|s| s.label(language))
        .collect();
    let key = client.key.clone();
    view! {
        <p><A href=COACH_BASE attr:class="standalone">{t("coach.back")}</A></p>
        <h1>{name.clone()}</h1>
        <p class="lead">{i18n::plural(language, "coach.file_info", client.versions.len(), &[
            ("written", &format_date(latest.modified.date(), language)),
        ])}</p>
        {(!not_shared.is_empty()).then(|| view! { <p class="hint">{t("coach.not_shared_sections")}" "{not_shared.join(", ")}</p> })}
        <section class="card" aria-labelledby="changes-title">
            <h2 id="changes-title">{t("coach.changes")}</h2>
            {if !has_previous {
                view! { <p>{t("coach.first_file")}</p> }.into_any()
            } else if changes.is_empty() {
                view! { <p>{t("coach.no_changes")}</p> }.into_any()
            } else {
                view! { <ul>{changes.iter().map(|c| view! { <li>{c.describe(language, app.selftest, Some(app.content))}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
        <AgreementsEditor key=key.clone()/>
        {latest.profile.clone().map(|profile| view! {
            <section aria-labelledby="client-profile">
                <h2 id="client-profile">{Section::Profile.label(language)}</h2>
                <dl class="facts-list">
                    {profile.age_band.map(|band| {
                        let label = app.selftest.questionnaire.question(ids::AGE_BAND).and_then(|q| q.option(&band)).map(|o| o.label.get(language).to_owned()).unwrap_or(band);
                        view! { <dt>{t("coach.age")}</dt><dd>{label}</dd> }
                    })}
                    {profile.postcode.map(|pc| view! { <dt>{t("coach.postcode")}</dt><dd>{pc}</dd> })}
                </dl>
            </section>
        })}
        {latest.selftest.clone().map(|selftest| {
            let result = app.selftest.score(&selftest.current);
            let history = selftest.history.clone();
            view! {
                <section aria-labelledby="client-result" class="client-result">
                    <h2 id="client-result">{t("coach.result")}</h2>
                    <p class="disclaimer">{t("coach.result_note")}</p>
                    {result_parts(result, selftest.current.clone(), language, false)}
                    {(!history.is_empty()).then(|| view! {
                        <h2>{t("history.title")}</h2>
                        <Chart history=history.clone() language=language/>
                        <HistoryTable history=history language=language/>
                    })}
                </section>
            }
        })}
        {latest.competences.clone().map(|profile| {
            let rows = app.content.competences.competences.iter().filter_map(|c| {
                let rating = profile.rating(&c.id)?;
                let places = rating.shown_in.iter().map(|p| p.label().get(language).to_owned()).collect::<Vec<_>>().join(", ");
                let level = app.content.competences.level_name(rating.level).map(|l| l.get(language).to_owned()).unwrap_or_default();
                Some(Row {
                    head: c.name.get(language).to_owned().into_any(),
                    cells: vec![format!("{} – {level}", rating.level).into_any(), places.into_any()],
                })
            }).collect::<Vec<_>>();
            view! {
                <section aria-labelledby="client-competences">
                    <h2 id="client-competences">{Section::Competences.label(language)}</h2>
                    <DataTable
                        id="client-competences-caption"
                        caption=Section::Competences.label(language).to_owned()
                        caption_hidden=true
                        headers=vec![t("occupations.competence").to_owned(), t("occupations.level").to_owned(), t("occupations.shown_in").to_owned()]
                        rows=rows
                    />
                </section>
            }
        })}
        {latest.vacancies.clone().map(|vacancies| view! {
            <section aria-labelledby="client-vacancies">
                <h2 id="client-vacancies">{Section::Vacancies.label(language)}</h2>
                <ul>{vacancies.saved.iter().map(|s| view! { <li>{format!("{} – {} ({})", s.vacancy.title, s.vacancy.employer, s.vacancy.place.clone().unwrap_or_default())}</li> }).collect_view()}</ul>
            </section>
        })}
        {latest.activities.clone().map(|log| {
            let today = now().date();
            let target = client.application_target().map(|(t, _)| t);
            let period = log.last_four_weeks(today, target);
            let headline = match target {
                Some(target) => i18n::plural(language, "log.four_weeks_target", target as usize, &[("done", &period.counted.to_string())]),
                None => i18n::format(language, "log.four_weeks", &[("count", &period.counted.to_string())]),
            };
            view! {
                <section aria-labelledby="client-activities">
                    <h2 id="client-activities">{Section::Activities.label(language)}</h2>
                    <p><strong>{t("log.target_title")}": "</strong>{headline}</p>
                    <ol class="entries">{log.newest_first().into_iter().take(50).map(|e| view! {
                        <li><p>{ActivityLog::describe(e, language)}</p>
                            <p class="hint">{e.outcome.label().get(language).to_owned()}{e.reason.clone().map(|r| format!(" — {r}"))}</p></li>
                    }).collect_view()}</ol>
                </section>
            }
        })}
        <section class="wipe" aria-labelledby="forget-title">
            <h2 id="forget-title">{t("coach.forget_title")}</h2>
            <button type="button" class="button danger" on:click=move |_| {
                coach.forget(key.clone());
                if let Some(window) = web_sys::window() {
                    let _ = window.location().set_href(COACH_BASE);
                }
            }>{t("coach.forget")}</button>
        </section>
    }
    .into_any()
}

/// The coach's agreements with one client, the target, the next evaluation, and the reply.
#[component]
fn AgreementsEditor(key: String) -> impl IntoView {
    let app = use_app();
    let coach = use_coach();
    let text = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let key = StoredValue::new(key);
    let agreements = move || {
        coach
            .caseload
            .with(|c| {
                c.get(&key.get_value())
                    .map(|client| client.agreements.clone())
            })
            .unwrap_or_default()
    };
    let change = move |edit: &dyn Fn(&mut crate::core::portfolio::Agreements)| {
        let k = key.get_value();
        coach.caseload.update(|c| {
            if let Some(client) = c.get_mut(&k) {
                edit(&mut client.agreements);
            }
        });
        coach.persist(k);
    };
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(agreement) = Agreement::typed(
            now().date(),
            &text.get_untracked(),
            coach.name.get_untracked(),
        ) else {
            return;
        };
        change(&|a| a.items.push(agreement.clone()));
        text.set(String::new());
    };
    let reply_pass = RwSignal::new(String::new());
    let reply = move |_| {
        let language = app.language();
        let k = key.get_value();
        let mut out = None;
        coach.caseload.update(|c| {
            if let Some(client) = c.get_mut(&k) {
                let name = client.alias().unwrap_or_default();
                out = Some((client.reply(language, now()), name));
            }
        });
        coach.persist(k);
        if let Some((file, name)) = out {
            let safe: String = name
                .chars()
                .filter(|c| c.is_alphanumeric())
                .take(30)
                .collect();
            let pass = reply_pass.get_untracked();
            if !pass.is_empty() {
                message.set(Some(i18n::text(language, "share.encrypting").to_owned()));
            }
            spawn_local(async move {
                match browser::sealed(file, &pass, language).await {
                    Ok(file) => {
                        browser::download(
                            &format!("werkmap-antwoord-{safe}-{}.werkmap.json", now().date()),
                            "application/json",
                            &file,
                        );
                        let key = if pass.is_empty() {
                            "coach.reply_saved"
                        } else {
                            "coach.reply_saved_encrypted"
                        };
                        message.set(Some(i18n::text(language, key).to_owned()));
                    }
                    Err(error) => message.set(Some(error)),
                }
            });
        }
    };
    view! {
        <section class="card" aria-labelledby="agree-title">
            <h2 id="agree-title">{move || app.t("coach.agreements")}</h2>
            <ul class="findings">
                {move || agreements().items.into_iter().enumerate().map(|(i, item)| view! {
                    <li>
                        <p>{item.text.clone()}</p>
                        <p class="hint">{format!("{} · {}", format_date(item.date, app.language()), item.by)}</p>
                        <button type="button" class="link-button" on:click=move |_| change(&|a| { if i < a.items.len() { a.items.remove(i); } })>
                            {move || app.t("log.remove")}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
            <form class="field" on:submit=add>
                <label for="agree-text">{move || app.t("coach.new_agreement")}</label>
                <textarea id="agree-text" rows="2" prop:value=move || text.get() on:input=move |e| text.set(event_target_value(&e))></textarea>
                <button type="submit" class="button">{move || app.t("coach.add_agreement")}</button>
            </form>
            <div class="field">
                <label for="agree-target">{move || app.t("coach.target")}</label>
                <input id="agree-target" type="number" inputmode="numeric" min="0" max=MAX_TARGET_PER_4_WEEKS
                    prop:value=move || agreements().application_target_per_4_weeks.map(|t| t.to_string()).unwrap_or_default()
                    on:change=move |e| {
                        let value = parse_target(&event_target_value(&e));
                        change(&|a| a.application_target_per_4_weeks = value);
                    }/>
            </div>
            <div class="field">
                <label for="agree-evaluation">{move || app.t("coach.next_evaluation")}</label>
                <input id="agree-evaluation" type="date"
                    prop:value=move || agreements().next_evaluation.map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |e| {
                        let value = crate::core::vacancy::import::parse_date_text(&event_target_value(&e));
                        change(&|a| a.next_evaluation = value);
                    }/>
            </div>
            <div class="field">
                <label for="reply-pass">{move || app.t("coach.reply_pass")}</label>
                <p class="hint" id="reply-pass-hint">{move || app.t("coach.reply_pass_hint")}</p>
                <input id="reply-pass" type="password" autocomplete="new-password" aria-describedby="reply-pass-hint"
                    prop:value=move || reply_pass.get() on:input=move |e| reply_pass.set(event_target_value(&e))/>
            </div>
            <button type="button" class="button primary" on:click=reply>{move || app.t("coach.reply")}</button>
            <p class="hint">{move || app.t("coach.reply_hint")}</p>
            <p role="status" class="done">{move || message.get()}</p>
        </section>
    }
}
