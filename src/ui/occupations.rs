//! Occupations: the competence and interest profiles, the occupations that fit (with the
//! score's parts), one occupation's gap, and the occupation search with the ESCO import.
//! Every number comes from `core::competence` and `core::search`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::competence::{
    fit_occupation, gap, interest_profile, rank_occupations, OccupationFit,
};
use crate::core::esco::{import_occupations, EscoImportError};
use crate::core::i18n;
use crate::core::occupation::Occupation;
use crate::core::search::{catalog_occupation, search_all, SearchHit, Source};
use crate::core::text::Language;

use super::competences::COMPETENCES_PER_PAGE;
use super::state::{use_app, AppContext, ImportedEsco};
use crate::ui::platform::browser;
use crate::ui::widgets::table::{DataTable, Row};

const TOP: usize = 10;

/// `/beroepen`.
#[component]
pub fn OccupationsScreen() -> impl IntoView {
    let app = use_app();
    let started = move || app.state.with(|s| !s.competences.is_empty());
    view! {
        <h1>{move || app.t("occupations.title")}</h1>
        <p class="lead">{move || app.t("occupations.intro")}</p>
        <p><A href="/beroepen/zoeken" attr:class="standalone">{move || app.t("occupations.search_link")}</A></p>
        <Show
            when=started
            fallback=move || view! {
                <p>{move || app.t("occupations.not_started")}</p>
                <A href="/competenties" attr:class="button primary">{move || app.t("competences.title")}</A>
            }
        >
            <CompetenceChart/>
            <InterestChart/>
            <FittingOccupations/>
        </Show>
    }
}

/// The rated competences as bars (0–4), with a table as the text alternative.
#[component]
fn CompetenceChart() -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let catalog = &app.content.competences;
        let rated: Vec<(&'static str, u8, String)> = app.state.with(|s| {
            catalog
                .competences
                .iter()
                .filter_map(|c| {
                    s.competences.rating(&c.id).map(|r| {
                        let places = r
                            .shown_in
                            .iter()
                            .map(|p| p.label().get(language).to_owned())
                            .collect::<Vec<_>>()
                            .join(", ");
                        (c.name.get(language), r.level, places)
                    })
                })
                .collect()
        });
        // One row per competence: its name above a bar as wide as the card, so the bars keep
        // their length on a 360 px phone (side by side, long names squeezed them to nothing).
        let bars = rated
            .iter()
            .map(|(name, level, _)| {
                view! {
                    <li>
                        <span class="bar-label">{*name}</span>
                        <svg class="bar-svg" viewBox="0 0 4 1" preserveAspectRatio="none" width="100%" height="14" focusable="false">
                            <rect x="0" y="0" width="4" height="1" class="bar-track"/>
                            <rect x="0" y="0" width=f64::from(*level) height="1" class="bar"/>
                        </svg>
                    </li>
                }
            })
            .collect_view();
        let rows = rated
            .iter()
            .map(|(name, level, places)| {
                let level_name = catalog
                    .level_name(*level)
                    .map(|l| l.get(language))
                    .unwrap_or_default();
                Row {
                    head: (*name).into_any(),
                    cells: vec![
                        format!("{level} – {level_name}").into_any(),
                        (if places.is_empty() {
                            "–".to_owned()
                        } else {
                            places.clone()
                        })
                        .into_any(),
                    ],
                }
            })
            .collect::<Vec<_>>();
        view! {
            <section class="card" aria-labelledby="profile-title">
                <h2 id="profile-title">{i18n::text(language, "occupations.profile")}</h2>
                {(!rated.is_empty()).then(|| view! {
                    <ul class="bar-chart chart" aria-hidden="true">{bars}</ul>
                })}
                <DataTable
                    id="profile-caption"
                    caption=i18n::text(language, "occupations.profile_caption").to_owned()
                    headers=vec![
                        i18n::text(language, "occupations.competence").to_owned(),
                        i18n::text(language, "occupations.level").to_owned(),
                        i18n::text(language, "occupations.shown_in").to_owned(),
                    ]
                    rows=rows
                />
            </section>
        }
    }
}

#[component]
fn InterestChart() -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let catalog = &app.content.interests;
        let profile = app
            .state
            .with(|s| interest_profile(catalog, &s.competences));
        let rows = profile
            .areas
            .iter()
            .map(|area| {
                let name = catalog.area(area.area).map(|a| a.name.get(language)).unwrap_or_default();
                let value = match area.score {
                    Some(score) => view! {
                        // SVG, not a styled span: the CSP forbids inline styles.
                        <svg class="meter" viewBox="0 0 100 10" width="128" height="13" aria-hidden="true" focusable="false">
                            <rect x="0" y="0" width="100" height="10" class="bar-track"/>
                            <rect x="0" y="0" width=score height="10" class="meter-fill"/>
                        </svg>
                        {format!(" {score} / 100")}
                    }
                    .into_any(),
                    None => view! {
                        {i18n::format(language, "occupations.interest_unknown", &[
                            ("answered", &area.answered.to_string()),
                            ("needed", &area.needed.to_string()),
                        ])}
                    }
                    .into_any(),
                };
                view! { <tr><th scope="row">{name}</th><td>{value}</td></tr> }
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="interest-title">
                <h2 id="interest-title">{i18n::text(language, "occupations.interests")}</h2>
                <table class="history">
                    <caption>{i18n::text(language, "occupations.interests_caption")}</caption>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        }
    }
}

#[component]
fn FittingOccupations() -> impl IntoView {
    let app = use_app();
    let ranked = Memo::new(move |_| {
        app.state.with(|s| {
            let content = app.content;
            let mut fits = rank_occupations(
                &content.competences,
                &content.interests,
                &s.competences,
                &content.occupations.occupations,
            );
            fits.truncate(TOP);
            fits
        })
    });
    move || {
        let language = app.language();
        view! {
            <section class="card" aria-labelledby="fit-title">
                <h2 id="fit-title">{i18n::text(language, "occupations.fitting")}</h2>
                <p>{i18n::text(language, "occupations.fitting_intro")}</p>
                <ol class="findings fits">
                    {ranked.get().into_iter().map(|fit| fit_item(app, fit, language)).collect_view()}
                </ol>
            </section>
        }
    }
}

fn fit_item(app: AppContext, fit: OccupationFit, language: Language) -> impl IntoView {
    let occupation = app.content.occupations.get(&fit.occupation_id);
    let name = occupation
        .map(|o| o.name.get(language).to_owned())
        .unwrap_or_else(|| fit.occupation_id.clone());
    let href = format!("/beroepen/{}", fit.occupation_id);
    view! {
        <li>
            <p><A href=href><strong>{name}</strong></A>" — "
                {i18n::format(language, "occupations.score", &[("score", &fit.score.to_string())])}</p>
            <p class="step-why">{fit_parts(&fit, language)}</p>
        </li>
    }
}

/// The score's parts in words.
fn fit_parts(fit: &OccupationFit, language: Language) -> String {
    let unknown = i18n::text(language, "occupations.part_unknown");
    let mut parts = vec![
        i18n::format(
            language,
            "occupations.part_competences",
            &[(
                "value",
                &fit.competence_part
                    .map_or(unknown.to_owned(), |v| v.to_string()),
            )],
        ),
        i18n::format(
            language,
            "occupations.part_interests",
            &[(
                "value",
                &fit.interest_part
                    .map_or(unknown.to_owned(), |v| v.to_string()),
            )],
        ),
    ];
    if !fit.missing.is_empty() {
        parts.push(i18n::plural(
            language,
            "occupations.part_missing",
            fit.missing.len(),
            &[],
        ));
    }
    parts.join(" · ")
}

/// `/beroepen/:id`.
#[component]
pub fn OccupationRoute() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match app.content.occupations.get(&id) {
            Some(occupation) => view! { <OccupationDetail occupation=occupation/> }.into_any(),
            None => view! {
                <h1>{move || app.t("notfound.title")}</h1>
                <p><A href="/beroepen" attr:class="standalone">{move || app.t("occupations.title")}</A></p>
            }
            .into_any(),
        }
    }
}

#[component]
fn OccupationDetail(occupation: &'static Occupation) -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let content = app.content;
        let catalog = &content.competences;
        let (fit, gaps) = app.state.with(|s| {
            let interests = interest_profile(&content.interests, &s.competences);
            (
                fit_occupation(catalog, &interests, &s.competences, occupation),
                gap(catalog, &s.competences, occupation),
            )
        });
        let competence_name = move |id: &str| catalog.name_or_id(id, language);
        let rate_href = move |id: &str| {
            let page = catalog
                .position(id)
                .map_or(1, |p| p / COMPETENCES_PER_PAGE + 1);
            format!("/competenties/{page}")
        };
        let met = gaps
            .met
            .iter()
            .map(|id| view! { <li>{competence_name(id)}</li> })
            .collect_view();
        let below = gaps
            .below
            .iter()
            .map(|g| {
                let ways = g
                    .ways
                    .iter()
                    .map(|way| {
                        let kind = catalog.way_kind_label(way.kind).map(|l| l.get(language)).unwrap_or_default();
                        view! { <li><strong>{kind}": "</strong>{way.text.get(language).to_owned()}</li> }
                    })
                    .collect_view();
                view! {
                    <li>
                        <p class="step">{competence_name(&g.competence)}</p>
                        <p>{i18n::format(language, "occupations.gap_levels", &[
                            ("have", &g.have.unwrap_or(0).to_string()),
                            ("need", &g.need.to_string()),
                        ])}</p>
                        <p>{i18n::text(language, "occupations.ways")}</p>
                        <ul>{ways}</ul>
                    </li>
                }
            })
            .collect_view();
        let missing = gaps
            .missing
            .iter()
            .map(|id| {
                let (href, name) = (rate_href(id), competence_name(id));
                view! { <li><A href=href>{name}</A></li> }
            })
            .collect_view();
        view! {
            <p><A href="/beroepen" attr:class="standalone">{i18n::text(language, "occupations.back")}</A></p>
            <h1>{occupation.name.get(language).to_owned()}</h1>
            <ul class="facts">
                <li>{i18n::text(language, "occupations.sector")}": "{i18n::text(language, occupation.sector.i18n_key())}</li>
                <li>{i18n::text(language, "occupations.education")}": "{i18n::text(language, occupation.education.i18n_key())}</li>
                <li>{i18n::text(language, "occupations.physical")}": "{i18n::text(language, occupation.physical.i18n_key())}</li>
                {occupation.bbl.then(|| view! { <li>{i18n::text(language, "occupations.bbl")}</li> })}
            </ul>
            <section class="card" aria-labelledby="detail-tasks">
                <h2 id="detail-tasks">{i18n::text(language, "occupations.tasks")}</h2>
                <ul class="tasks">
                    {occupation.tasks.iter().map(|t| view! { <li>{t.get(language).to_owned()}</li> }).collect_view()}
                </ul>
            </section>
            <section class="card" aria-labelledby="detail-fit">
                <h2 id="detail-fit">{i18n::format(language, "occupations.score", &[("score", &fit.score.to_string())])}</h2>
                <p>{fit_parts(&fit, language)}</p>
                <p class="hint">{i18n::text(language, "occupations.score_explained")}</p>
            </section>
            {(!gaps.met.is_empty()).then(|| view! {
                <section class="card strengths" aria-labelledby="detail-met">
                    <h2 id="detail-met">{i18n::text(language, "occupations.met")}</h2>
                    <ul>{met}</ul>
                </section>
            })}
            <section class="card steps" aria-labelledby="detail-gap">
                <h2 id="detail-gap">{i18n::text(language, "occupations.gap")}</h2>
                {gaps.below.is_empty().then(|| view! { <p>{i18n::text(language, "occupations.no_gap")}</p> })}
                <ul class="findings">{below}</ul>
            </section>
            {(!gaps.missing.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="detail-missing">
                    <h2 id="detail-missing">{i18n::text(language, "occupations.missing")}</h2>
                    <p>{i18n::text(language, "occupations.missing_intro")}</p>
                    <ul>{missing}</ul>
                </section>
            })}
        }
    }
}

/// Where the ESCO import is.
#[derive(Debug, Clone, PartialEq)]
enum ImportStatus {
    Idle,
    Working(&'static str),
    Done {
        count: usize,
        skipped: Option<String>,
    },
    Failed(String),
}

/// `/beroepen/zoeken`: a typeahead over the bundled catalogue and, once imported, ESCO.
#[component]
pub fn SearchScreen() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let esco = Memo::new(move |_| {
        // Reading the signal subscribes; the first call loads from storage.
        app.esco.track();
        app.imported_esco().map(|e| e.catalog.occupations.len())
    });
    let hits = Memo::new(move |_| {
        let query = query.get();
        esco.track();
        let imported = app.esco.get_untracked();
        search_all(
            app.content.occupation_index(),
            imported.as_ref().map(|e| &e.index),
            &query,
            10,
        )
    });

    view! {
        <h1>{move || app.t("search.title")}</h1>
        <p class="lead">{move || app.t("search.intro")}</p>
        <div class="search">
            <label for="occupation-search">{move || app.t("search.label")}</label>
            <input id="occupation-search" type="search" autocomplete="off" spellcheck="false"
                aria-describedby="search-count"
                prop:value=move || query.get()
                on:input=move |event| query.set(event_target_value(&event))/>
            <p id="search-count" role="status" class="hint">{move || {
                let count = hits.with(Vec::len);
                if query.with(|q| q.trim().is_empty()) {
                    app.t("search.type").to_owned()
                } else {
                    i18n::plural(app.language(), "search.count", count, &[])
                }
            }}</p>
            <Show when=move || !query.with(|q| q.trim().is_empty()) && !hits.with(|h| h.iter().any(|(hit, _)| hit.fits_well()))>
                <div class="card no-good-fit" role="note">
                    <p><strong>{move || app.t("search.no_good_fit")}</strong></p>
                    <p>{move || app.t("search.try_interests")}</p>
                    <p><A href="/interesses/1" attr:class="button primary">{move || app.t("search.interest_link")}</A></p>
                    <Show when=move || hits.with(|h| !h.is_empty())>
                        <p>{move || app.t("search.maybe")}</p>
                    </Show>
                </div>
            </Show>
            <ol class="search-results">
                {move || hits.get().into_iter().map(|(hit, source)| search_result(app, hit, source)).collect_view()}
            </ol>
        </div>
        // Staff read in the European list on their page (`/beheer`); here it only says so.
        <p class="hint">{move || match esco.get() {
            Some(count) => i18n::plural(app.language(), "search.esco_present", count, &[]),
            None => app.t("search.esco_absent").to_owned(),
        }}</p>
    }
}

fn search_result(app: AppContext, hit: SearchHit, source: Source) -> impl IntoView {
    let bundled = source == Source::Catalogue;
    let language = app.language();
    let matched_other = (!hit.matched.is_empty() && hit.matched != hit.label)
        .then(|| format!(" ({})", hit.matched));
    // Why it was found, when the name alone does not say: the words of what the work is.
    let why = (!hit.matched_words.is_empty()).then(|| {
        let words = hit.matched_words.join(", ");
        view! { <span class="hint search-why">" · "{i18n::format(language, "search.why", &[("words", &words)])}</span> }
    });
    // Catalogue occupations open their profile; ESCO occupations link to the catalogue's
    // profiles of the same ISCO group, where there are any.
    let occupation = catalog_occupation(&app.content.occupations, &hit);
    let link = match (bundled, occupation) {
        (true, Some(o)) => {
            view! { <A href=format!("/beroepen/{}", o.id)>{hit.label.clone()}</A> }.into_any()
        }
        _ => view! { <span>{hit.label.clone()}</span> }.into_any(),
    };
    let related = (!bundled).then(|| {
        let isco = app
            .esco
            .get_untracked()
            .and_then(|e| e.catalog.occupation(&hit.key).map(|o| o.isco.clone()));
        let profiles: Vec<&'static Occupation> = isco
            .map(|isco| app.content.occupations.by_isco(&isco).collect())
            .unwrap_or_default();
        view! {
            <span class="hint">" · ESCO"</span>
            {(!profiles.is_empty()).then(|| view! {
                <span class="hint">" · "{i18n::text(language, "search.related")}" "</span>
                {profiles.into_iter().map(|o| view! {
                    <A href=format!("/beroepen/{}", o.id)>{o.name.get(language).to_owned()}</A>" "
                }).collect_view()}
            })}
        }
    });
    view! { <li>{link}{matched_other}{why}{related}</li> }
}

/// Reading in the European list of occupations (staff page).
#[component]
pub fn EscoImport() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(ImportStatus::Idle);
    let imported_count = move || {
        app.esco.track();
        app.imported_esco().map(|e| e.catalog.occupations.len())
    };
    let on_file = move |event: leptos::ev::Event| {
        let Some(file) = browser::picked_files(&event).into_iter().next() else {
            return;
        };
        status.set(ImportStatus::Working("search.import_reading"));
        spawn_local(async move {
            let started = js_sys::Date::now();
            let Some(bytes) = browser::read_file(&file).await else {
                status.set(ImportStatus::Failed(
                    app.t("search.import_unreadable").to_owned(),
                ));
                return;
            };
            status.set(ImportStatus::Working("search.import_parsing"));
            browser::yield_to_browser().await;
            let catalog = match import_occupations(&bytes) {
                Ok(catalog) => catalog,
                Err(error) => {
                    status.set(ImportStatus::Failed(import_error(&error, app.language())));
                    return;
                }
            };
            status.set(ImportStatus::Working("search.import_indexing"));
            browser::yield_to_browser().await;
            let count = catalog.occupations.len();
            let skipped = catalog.skipped.summary(app.language());
            let imported = ImportedEsco::new(catalog, &app.content.occupations);
            match app.store_imported_esco(imported) {
                Ok(()) => status.set(ImportStatus::Done { count, skipped }),
                Err(_) => status.set(ImportStatus::Failed(
                    app.t("search.import_not_saved").to_owned(),
                )),
            }
            leptos::logging::log!(
                "ESCO import of {count} occupations took {:.0} ms",
                js_sys::Date::now() - started
            );
        });
    };
    view! {
        <section class="card" aria-labelledby="esco-title">
            <h2 id="esco-title">{move || app.t("search.esco_title")}</h2>
            <p>{move || app.t("search.esco_intro")}</p>
            <p>{move || match imported_count() {
                Some(count) => i18n::plural(app.language(), "search.esco_present", count, &[]),
                None => app.t("search.esco_absent").to_owned(),
            }}</p>
            <label for="esco-file">{move || app.t("search.esco_pick")}</label>
            <input id="esco-file" type="file" accept=".csv,text/csv" on:change=on_file/>
            <p role="status" class="import-status">{move || match status.get() {
                ImportStatus::Idle => String::new(),
                ImportStatus::Working(key) => app.t(key).to_owned(),
                ImportStatus::Done { count, skipped } => {
                    let mut text = i18n::plural(app.language(), "search.import_done", count, &[]);
                    if let Some(skipped) = skipped {
                        text.push(' ');
                        text.push_str(&skipped);
                    }
                    text
                }
                ImportStatus::Failed(message) => message,
            }}</p>
            <Show when=move || imported_count().is_some()>
                <button type="button" class="link-button" on:click=move |_| {
                    app.forget_imported_esco();
                    status.set(ImportStatus::Idle);
                }>{move || app.t("search.esco_forget")}</button>
            </Show>
        </section>
    }
}

fn import_error(error: &EscoImportError, language: Language) -> String {
    i18n::format(
        language,
        "search.import_failed",
        &[("reason", &error.message(language))],
    )
}

#[allow(dead_code)]
fn _assert_send(_: Arc<ImportedEsco>) {}
