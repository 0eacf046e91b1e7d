//! `/vacatures/:id`: one vacancy with its match explained (from `core::matching::explain_one`),
//! what it asks, its facts and its description (untrusted text, shown as text).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::i18n;
use crate::core::matching::{explain_one, Failure, MatchExplanation, Seeker, VacancyPool};
use crate::core::text::{format_date, Language};
use crate::core::vacancy::Vacancy;

use super::contract_label;
use super::list::{meta_line, parts_list, score_view, SaveAndApply};
use crate::ui::state::{now, use_app, AppContext};
use crate::ui::widgets::table::{DataTable, Row};

/// `/vacatures/:id`.
#[component]
pub fn VacancyRoute() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let interests = app.interests;
    crate::ui::vacancies::published::use_published_area(app);
    let texts = crate::ui::vacancies::published::use_texts(
        app,
        Signal::derive(move || params.read().get("id").unwrap_or_default()),
    );
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let language = app.language();
        let Some(data) = app.vacancy_data() else {
            return view! {
                <h1>{i18n::text(language, "vacancies.title")}</h1>
                <p role="status">{if app.vacancies_failed() {
                    i18n::text(language, "vacancies.load_failed")
                } else {
                    i18n::text(language, "vacancies.loading")
                }}</p>
            }
            .into_any();
        };
        // A vacancy of the list, or a saved one that is no longer in any list.
        let found = data
            .pool
            .position(&id)
            .map(|index| (None, index))
            .or_else(|| {
                let saved = app.state.with(|s| {
                    s.saved_vacancies
                        .iter()
                        .find(|v| v.vacancy.id == id)
                        .map(|v| v.vacancy.clone())
                })?;
                Some((
                    Some(Arc::new(VacancyPool::new(vec![saved], app.content))),
                    0,
                ))
            });
        if found.as_ref().is_some_and(|(own, _)| own.is_some()) || found.is_none() {
            // Not in the list fetched so far: maybe still on its way, or closed.
            let saved_at = app.state.with(|s| {
                s.saved_vacancies
                    .iter()
                    .find(|v| v.vacancy.id == id)
                    .map(|v| v.vacancy.location)
            });
            if let Some(location) = saved_at {
                app.ensure_published_place(location);
            }
            if found.is_none() && crate::ui::vacancies::published::loading() {
                return view! { <p role="status">{i18n::text(language, "vacancies.loading")}</p> }
                    .into_any();
            }
        }
        let Some((own_pool, index)) = found else {
            return view! {
                <h1>{i18n::text(language, "notfound.title")}</h1>
                <p><A href="/vacatures" attr:class="standalone">{i18n::text(language, "vacancies.back")}</A></p>
            }
            .into_any();
        };
        let pool: &VacancyPool = own_pool.as_deref().unwrap_or(&data.pool);
        let interests = interests.get();
        let explanation = app.state.with(|s| {
            let seeker = Seeker {
                answers: &s.answers,
                competences: &s.competences,
                wishes: &s.wishes,
            };
            explain_one(
                app.content,
                &data.places,
                pool,
                &interests.0,
                seeker,
                index,
                now().date(),
                language,
            )
        });
        match (pool.get(index).cloned(), explanation) {
            (Some(mut vacancy), Some(explanation)) => {
                // The long texts of a published vacancy arrive when it is opened.
                texts.with(|t| match t {
                    Some((for_id, entry)) if *for_id == vacancy.id => entry.apply(&mut vacancy),
                    _ => {}
                });
                let closed = crate::ui::vacancies::published::closed_notice(
                    app,
                    &data,
                    &vacancy,
                    own_pool.is_none(),
                )
                .map(IntoAny::into_any);
                vacancy_detail(
                    app,
                    vacancy,
                    explanation,
                    data.is_sample(index) && own_pool.is_none(),
                    closed,
                    language,
                )
                .into_any()
            }
            _ => ().into_any(),
        }
    }
}

fn vacancy_detail(
    app: AppContext,
    vacancy: Vacancy,
    explanation: MatchExplanation,
    sample: bool,
    closed: Option<AnyView>,
    language: Language,
) -> impl IntoView {
    let t = move |key: &'static str| i18n::text(language, key);
    let mut facts: Vec<(&'static str, String)> = vec![(
        "vacancies.fact_kind",
        contract_label(vacancy.contract, language),
    )];
    if let Some(hours) = vacancy.hours {
        facts.push(("vacancies.fact_hours", hours.describe(language)));
    }
    if let Some(salary) = vacancy.salary {
        facts.push(("vacancies.fact_salary", salary.describe(language)));
    }
    if let Some(level) = vacancy.education {
        facts.push(("vacancies.fact_education", t(level.i18n_key()).to_owned()));
    }
    if let Some(level) = vacancy.language {
        facts.push(("vacancies.fact_language", level.code().to_owned()));
    }
    if vacancy.driving_licence {
        facts.push(("vacancies.fact_licence", t("vacancies.yes").to_owned()));
    }
    if let Some(date) = vacancy.closing_date {
        facts.push(("vacancies.fact_closing", format_date(date, language)));
    }
    if let Some(date) = vacancy.start_date {
        facts.push(("vacancies.fact_start", format_date(date, language)));
    }
    if let Some(experience) = &vacancy.experience {
        facts.push(("vacancies.fact_experience", experience.clone()));
    }
    let name = |id: &str| app.content.competences.name_or_id(id, language);
    let unrated = explanation.unrated();
    let rows: Vec<Row> = explanation
        .competences
        .iter()
        .map(|d| {
            let status = t(d.status().i18n_key());
            let required = d.required;
            Row {
                head: view! {
                    {name(&d.competence)}
                    {(!required).then(|| view! { <span class="hint">" ("{t("vacancies.nice_to_have")}")"</span> })}
                }
                .into_any(),
                cells: vec![
                    d.need.to_string().into_any(),
                    d.have.map_or("–".to_owned(), |h| h.to_string()).into_any(),
                    status.into_any(),
                ],
            }
        })
        .collect();
    let failures: Vec<Failure> = explanation.failures.clone();
    let place_line = meta_line(&vacancy, explanation.distance_km, language);
    view! {
        <p><A href="/vacatures" attr:class="standalone">{t("vacancies.back")}</A></p>
        <h1>{vacancy.title.clone()}</h1>
        <p class="lead">{place_line}</p>
        {sample.then(|| view! { <p class="hint">{t("vacancies.sample_note")}</p> })}
        {closed}
        {(!failures.is_empty()).then(|| view! {
            <section class="card why-not-card" aria-labelledby="whynot-title">
                <h2 id="whynot-title">{t("vacancies.why_not_title")}</h2>
                <ul>{failures.iter().map(|f| view! { <li>{f.describe(language)}</li> }).collect_view()}</ul>
                <p class="hint">{t("vacancies.why_not_hint")}</p>
            </section>
        })}
        <section class="card" aria-labelledby="match-title">
            <h2 id="match-title">{t("vacancies.match")}</h2>
            {score_view(explanation.score, language)}
            {parts_list(&explanation, language)}
            {(!explanation.support.is_empty()).then(|| view! {
                <p><strong>{t("vacancies.support")}</strong>" "
                    {explanation.support.iter().map(|s| s.label().get(language).to_owned()).collect::<Vec<_>>().join(", ")}</p>
            })}
        </section>
        {(!explanation.competences.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="comp-title">
                <h2 id="comp-title">{t("vacancies.competences")}</h2>
                {explanation.competences_from_occupation.then(|| view! { <p class="hint">{t("vacancies.competences_from_occupation")}</p> })}
                <DataTable
                    id="comp-caption"
                    caption=t("vacancies.competences").to_owned()
                    caption_hidden=true
                    headers=vec![
                        t("vacancies.comp_name").to_owned(),
                        t("vacancies.comp_asked").to_owned(),
                        t("vacancies.comp_you").to_owned(),
                        t("vacancies.comp_status").to_owned(),
                    ]
                    rows=rows
                />
                // Only when something asked is not rated yet.
                {(unrated > 0).then(|| view! {
                    <p><A href="/competenties" attr:class="standalone">{i18n::plural(language, "vacancies.rate_competences", unrated, &[])}</A></p>
                })}
            </section>
        })}
        <section aria-labelledby="facts-title">
            <h2 id="facts-title">{t("vacancies.facts")}</h2>
            <dl class="facts-list">
                {facts.into_iter().map(|(key, value)| view! { <dt>{t(key)}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
        </section>
        <section aria-labelledby="desc-title">
            <h2 id="desc-title">{t("vacancies.description")}</h2>
            // Untrusted text from a feed: shown as text (Leptos escapes it), never as HTML.
            <div class="description">{vacancy.description.clone()}</div>
            {vacancy.url.clone().map(|url| view! { <p class="hint">{t("vacancies.source")}" "<span class="source-url">{url}</span></p> })}
        </section>
        <SaveAndApply vacancy=vacancy/>
    }
}
