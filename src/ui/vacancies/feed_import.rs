//! Reading a vacancy feed (JSON-LD, HTML with JSON-LD, CSV) from a file on the staff page,
//! a few records at a time so the page stays responsive.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::i18n;
use crate::core::text::Language;
use crate::core::vacancy::FeedImport;

use crate::ui::platform::browser;
use crate::ui::state::use_app;

/// Where the feed import is.
#[derive(Debug, Clone, PartialEq)]
enum ImportStatus {
    Idle,
    Working(&'static str),
    Done {
        summary: String,
        rejected: Vec<String>,
        saved: bool,
    },
    Failed(String),
}

/// Importing a vacancy feed (JSON-LD or CSV) from a file (staff page).
#[component]
pub fn FeedImport() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(ImportStatus::Idle);
    let progress = RwSignal::new(None::<f64>);
    let imported = move || {
        app.vacancy_data()
            .filter(|d| d.imported() > 0)
            .map(|d| (d.imported(), d.imported_source.clone().unwrap_or_default()))
    };
    let on_file = move |event: leptos::ev::Event| {
        let Some(file) = browser::picked_files(&event).into_iter().next() else {
            return;
        };
        status.set(ImportStatus::Working("vacancies.import_reading"));
        spawn_local(async move {
            let Some(bytes) = browser::read_file(&file).await else {
                status.set(ImportStatus::Failed(
                    app.t("vacancies.import_unreadable").to_owned(),
                ));
                return;
            };
            // The app's own vacancies and places may still be on their way (a page just
            // opened on a slow line): the file is read against them, so wait for them.
            let Some(current) = app.vacancy_data_ready().await else {
                status.set(ImportStatus::Failed(
                    app.t("vacancies.import_not_loaded").to_owned(),
                ));
                return;
            };
            status.set(ImportStatus::Working("vacancies.import_parsing"));
            browser::yield_to_browser().await;
            let language = app.language();
            let on_progress = move |fraction: f64| progress.set(Some(fraction));
            let outcome = app
                .import_vacancies(current, bytes, file.name(), on_progress)
                .await;
            progress.set(None);
            match outcome {
                Ok((report, saved)) => status.set(done(&report, saved.is_ok(), language)),
                Err(error) => status.set(ImportStatus::Failed(error.message(language))),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="feed-title">
            <h2 id="feed-title">{move || app.t("vacancies.import_title")}</h2>
            <p>{move || app.t("vacancies.import_intro")}</p>
            <p>{move || match imported() {
                Some((count, source)) => i18n::plural(app.language(), "vacancies.import_present", count, &[("source", &source)]),
                None if app.vacancy_data().is_some_and(|d| d.published.is_some()) => app.t("vacancies.import_absent_published").to_owned(),
                None => app.t("vacancies.import_absent").to_owned(),
            }}</p>
            <label for="feed-file">{move || app.t("vacancies.import_pick")}</label>
            <input id="feed-file" type="file" accept=".json,.jsonld,.csv,.html,.htm,application/json,application/ld+json,text/csv,text/html" on:change=on_file disabled=move || matches!(status.get(), ImportStatus::Working(_))/>
            <div role="status" class="import-status">{move || match status.get() {
                ImportStatus::Idle => ().into_any(),
                ImportStatus::Working(key) => view! {
                    <p>{app.t(key)}</p>
                    {move || progress.get().map(|fraction| {
                        let percent = (fraction * 100.0).round().clamp(0.0, 100.0) as u32;
                        view! {
                            <progress max="100" value=percent.to_string() aria-label=app.t("vacancies.import_progress")>
                                {format!("{percent}%")}
                            </progress>
                        }
                    })}
                }.into_any(),
                ImportStatus::Done { summary, rejected, saved } => view! {
                    <p>{summary}</p>
                    {(!saved).then(|| view! { <p class="error">{app.t("vacancies.import_not_saved")}</p> })}
                    {(!rejected.is_empty()).then(|| view! {
                        <details class="why" open>
                            <summary>{app.t("vacancies.import_rejected")}</summary>
                            <ul class="rejected">{rejected.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        </details>
                    })}
                }.into_any(),
                ImportStatus::Failed(message) => view! { <p class="error">{message}</p> }.into_any(),
            }}</div>
            <Show when=move || imported().is_some()>
                <button type="button" class="link-button" on:click=move |_| {
                    app.forget_imported_vacancies();
                    status.set(ImportStatus::Idle);
                }>{move || app.t("vacancies.import_forget")}</button>
            </Show>
        </section>
    }
}

fn done(report: &FeedImport, saved: bool, language: Language) -> ImportStatus {
    if report.vacancies.is_empty() {
        let mut message = i18n::text(language, "vacancies.import_none").to_owned();
        if let Some(first) = report.rejected.first() {
            message.push(' ');
            message.push_str(&first.message(language));
        }
        return ImportStatus::Failed(message);
    }
    ImportStatus::Done {
        summary: report.summary(language),
        rejected: report
            .rejected
            .iter()
            .take(50)
            .map(|r| r.message(language))
            .collect(),
        saved,
    }
}
