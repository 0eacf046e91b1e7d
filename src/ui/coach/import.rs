//! Reading job seekers' files into the caseload, a few at a time, with a result per file.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::coach::{open_client_file, ImportOutcome};
use crate::core::i18n;

use super::{use_coach, FILES_PER_STEP};
use crate::ui::platform::browser;
use crate::ui::state::{now, use_app};

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
pub(super) fn ImportCard() -> impl IntoView {
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
