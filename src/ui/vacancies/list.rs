//! The list: how many fit, sort and filter, the best ten with the parts of their score,
//! saving and "ik heb gesolliciteerd", "wat als" and "net niet".

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::i18n;
use crate::core::matching::{
    format_km, Change, Filter, MatchExplanation, Overview, PartKind, Ranked, SortBy, Wishes,
};
use crate::core::text::{format_count, format_date, Language};
use crate::core::vacancy::{ContractKind, EmployerSupport, Vacancy};
use crate::core::vocab::Sector;

use super::contract_label;
use crate::ui::state::{use_app, AppContext};
use crate::ui::vacancies::data::VacancyData;

/// The list: how many fit, sort and filter, and the best ten.
#[component]
pub(super) fn MatchList(
    overview: Memo<Option<Arc<Overview>>>,
    sort: RwSignal<SortBy>,
    filter: RwSignal<Filter>,
) -> impl IntoView {
    let app = use_app();
    let summary = move || {
        let language = app.language();
        overview.with(|o| {
            o.as_ref().map(|o| {
                format!(
                    "{} {}",
                    i18n::plural(
                        language,
                        "vacancies.summary_eligible",
                        o.ranking.eligible,
                        &[("total", &format_count(o.ranking.total, language))],
                    ),
                    i18n::plural(language, "vacancies.summary_good", o.ranking.good, &[]),
                )
            })
        })
    };
    let sort_value = move || match sort.get() {
        SortBy::Score => "score",
        SortBy::Distance => "distance",
        SortBy::Closing => "closing",
        SortBy::Newest => "newest",
    };
    view! {
        <section aria-labelledby="list-title">
            <h2 id="list-title">{move || app.t("vacancies.best")}</h2>
            <p role="status" class="summary">{summary}</p>
            <div class="list-controls">
                <div class="field">
                    <label for="sort">{move || app.t("vacancies.sort")}</label>
                    <select id="sort" prop:value=sort_value on:change=move |event| {
                        sort.set(match event_target_value(&event).as_str() {
                            "distance" => SortBy::Distance,
                            "closing" => SortBy::Closing,
                            "newest" => SortBy::Newest,
                            _ => SortBy::Score,
                        });
                    }>
                        <option value="score">{move || app.t("vacancies.sort_score")}</option>
                        <option value="distance">{move || app.t("vacancies.sort_distance")}</option>
                        <option value="closing">{move || app.t("vacancies.sort_closing")}</option>
                        <option value="newest">{move || app.t("vacancies.sort_newest")}</option>
                    </select>
                </div>
                <details class="filters" open=filter.with_untracked(|f| *f != Filter::default())>
                <summary>{move || app.t("vacancies.filters")}</summary>
                <div class="field">
                    <label for="filter-kind">{move || app.t("vacancies.filter_kind")}</label>
                    <select id="filter-kind" on:change=move |event| {
                        let value = event_target_value(&event);
                        filter.update(|f| {
                            f.contracts = ContractKind::ALL
                                .into_iter()
                                .filter(|k| k.index().to_string() == value)
                                .collect();
                        });
                    }>
                        <option value="all">{move || app.t("vacancies.filter_all")}</option>
                        {ContractKind::ALL.into_iter().map(|kind| view! {
                            <option value=kind.index().to_string()>{move || contract_label(kind, app.language())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-sector">{move || app.t("vacancies.filter_sector")}</label>
                    <select id="filter-sector" on:change=move |event| {
                        let value = event_target_value(&event);
                        filter.update(|f| {
                            f.sectors = Sector::ALL
                                .into_iter()
                                .filter(|s| s.index().to_string() == value)
                                .collect();
                        });
                    }>
                        <option value="all">{move || app.t("vacancies.filter_all")}</option>
                        {Sector::ALL.into_iter().map(|sector| view! {
                            <option value=sector.index().to_string()>{move || app.t(sector.i18n_key())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="option">
                    <input type="checkbox" id="filter-support"
                        prop:checked=move || filter.with(|f| !f.support.is_empty())
                        on:change=move |_| filter.update(|f| {
                            if f.support.is_empty() {
                                f.support = [EmployerSupport::JobCoach, EmployerSupport::WageSubsidy].into_iter().collect();
                            } else {
                                f.support.clear();
                            }
                        })/>
                    <label for="filter-support">{move || app.t("vacancies.filter_support")}</label>
                </div>
                </details>
            </div>
            {move || {
                let overview = overview.get()?;
                let data = app.vacancy_data()?;
                let language = app.language();
                Some(if overview.top.is_empty() {
                    view! { <p class="empty">{i18n::text(language, "vacancies.none")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="vacancy-list">
                            {overview.top.iter().enumerate().map(|(i, (ranked, explanation))| {
                                vacancy_card(app, &data, *ranked, explanation, i == 0, language)
                            }).collect_view()}
                        </ol>
                    }
                    .into_any()
                })
            }}
        </section>
    }
}

fn part_label(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Competences => "vacancies.part_competences",
        PartKind::Education => "vacancies.part_education",
        PartKind::Interests => "vacancies.part_interests",
        PartKind::Language => "vacancies.part_language",
        PartKind::Distance => "vacancies.part_distance",
    }
}

pub(super) fn meta_line(vacancy: &Vacancy, distance_km: Option<f32>, language: Language) -> String {
    let mut parts = Vec::new();
    if !vacancy.employer.is_empty() {
        parts.push(vacancy.employer.clone());
    }
    if let Some(place) = &vacancy.place {
        parts.push(match distance_km {
            Some(km) => format!("{place} ({} km)", format_km(km)),
            None => place.clone(),
        });
    }
    parts.push(contract_label(vacancy.contract, language));
    if let Some(hours) = vacancy.hours {
        parts.push(hours.describe(language));
    }
    parts.join(" · ")
}

/// A score as a bar and in words (the bar is drawn in SVG: the CSP forbids inline styles).
pub(super) fn score_view(score: u8, language: Language) -> impl IntoView {
    view! {
        <p class="score">
            <svg class="meter" viewBox="0 0 100 10" width="120" height="12" aria-hidden="true" focusable="false">
                <rect x="0" y="0" width="100" height="10" class="bar-track"/>
                <rect x="0" y="0" width=score height="10" class="meter-fill"/>
            </svg>
            " "
            <strong>{i18n::format(language, "vacancies.score", &[("score", &score.to_string())])}</strong>
        </p>
    }
}

pub(super) fn parts_list(explanation: &MatchExplanation, language: Language) -> impl IntoView {
    view! {
        <ul class="parts">
            {explanation.parts.iter().map(|part| view! {
                <li>
                    <strong>{i18n::text(language, part_label(part.kind))}
                        {format!(" {}/100", part.value)}</strong>
                    <span class="hint">{i18n::format(language, "vacancies.weight", &[("weight", &part.weight.to_string())])}</span>
                    " — "{part.text.clone()}
                </li>
            }).collect_view()}
        </ul>
    }
}

fn vacancy_card(
    app: AppContext,
    data: &VacancyData,
    ranked: Ranked,
    explanation: &MatchExplanation,
    first: bool,
    language: Language,
) -> impl IntoView {
    let vacancy = data.pool.get(ranked.index).cloned();
    let Some(vacancy) = vacancy else {
        return ().into_any();
    };
    let href = format!("/vacatures/{}", encode_id(&vacancy.id));
    let strengths = explanation.strengths(app.content, language);
    let title = vacancy.title.clone();
    let meta = meta_line(&vacancy, ranked.distance_km, language);
    view! {
        <li class="vacancy">
            // The best match is where the screen leads.
            <h3><A href=href attr:data-primary=first.then_some("true")>{title}</A></h3>
            <p class="meta">{meta}</p>
            {score_view(ranked.score, language)}
            {(!strengths.is_empty()).then(|| view! {
                <p class="fits">{i18n::text(language, "vacancies.fits")}" "{strengths.join(", ")}</p>
            })}
            {(!explanation.support.is_empty()).then(|| view! {
                <p class="support">{explanation.support.iter().map(|s| s.label().get(language).to_owned()).collect::<Vec<_>>().join(" · ")}</p>
            })}
            <details class="why">
                <summary>{i18n::text(language, "vacancies.why_score")}</summary>
                {parts_list(explanation, language)}
            </details>
            <SaveAndApply vacancy=vacancy/>
        </li>
    }
    .into_any()
}

/// Ids come from feeds: make them safe in a path.
pub(super) fn encode_id(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id))
}

/// "Bewaar" and "Ik heb gesolliciteerd".
#[component]
pub(super) fn SaveAndApply(vacancy: Vacancy) -> impl IntoView {
    let app = use_app();
    let id = vacancy.id.clone();
    let saved = {
        let id = id.clone();
        move || app.state.with(|s| s.is_saved(&id))
    };
    let applied = {
        let id = id.clone();
        move || {
            app.state.with(|s| {
                s.saved_vacancies
                    .iter()
                    .find(|v| v.vacancy.id == id)
                    .and_then(|v| v.applied)
                    .and_then(|entry| s.activities.get(entry).map(|e| e.date))
            })
        }
    };
    let message = RwSignal::new(None::<String>);
    let for_save = vacancy.clone();
    let for_apply = vacancy;
    let forget_id = id;
    view! {
        <div class="actions vacancy-actions">
            {
                let saved = saved.clone();
                move || if saved() {
                    let forget_id = forget_id.clone();
                    view! {
                        <button type="button" class="button" aria-pressed="true" on:click=move |_| app.forget_vacancy(&forget_id)>
                            {app.t("vacancies.saved")}
                        </button>
                    }.into_any()
                } else {
                    let for_save = for_save.clone();
                    view! {
                        <button type="button" class="button" aria-pressed="false" on:click=move |_| app.save_vacancy(&for_save)>
                            {app.t("vacancies.save")}
                        </button>
                    }.into_any()
                }
            }
            {move || match applied() {
                Some(date) => view! {
                    <p class="applied">{i18n::format(app.language(), "vacancies.applied_on", &[("date", &format_date(date, app.language()))])}
                        " "<A href="/activiteiten">{app.t("vacancies.to_log")}</A></p>
                }.into_any(),
                None => {
                    let for_apply = for_apply.clone();
                    view! {
                        <button type="button" class="button primary" on:click=move |_| {
                            match app.mark_applied(&for_apply) {
                                Ok(_) => message.set(None),
                                Err(error) => message.set(Some(error.message(app.language()).to_owned())),
                            }
                        }>{app.t("vacancies.apply")}</button>
                    }.into_any()
                }
            }}
            <p role="status" class="error">{move || message.get()}</p>
        </div>
    }
}

/// "Wat als": single changes that open the most good vacancies.
#[component]
pub(super) fn WhatIfSection(overview: Memo<Option<Arc<Overview>>>) -> impl IntoView {
    let app = use_app();
    // The last "probeer dit": what changed, the wishes before it, and the count before.
    let tried: RwSignal<Option<(Change, Wishes, usize)>> = RwSignal::new(None);
    let tried_status = move || {
        let (change, before, good_before) = tried.get()?;
        let good_now = overview.with(|o| o.as_ref().map(|o| o.ranking.good))?;
        let language = app.language();
        Some(view! {
            <div class="notice-inline tried" role="status">
                <p>{i18n::format(language, "vacancies.whatif_tried", &[("change", &change.describe(language))])}" "
                    {i18n::plural(language, "vacancies.whatif_now_good", good_now, &[("before", &format_count(good_before, language))])}</p>
                <button type="button" class="button" on:click=move |_| {
                    app.set_wishes(before.clone());
                    tried.set(None);
                }>{i18n::text(language, "vacancies.whatif_undo")}</button>
            </div>
        })
    };
    let list = move || {
        let overview = overview.get()?;
        let language = app.language();
        let items = overview
            .what_if
            .iter()
            .take(5)
            .map(|w| {
                let change = w.change.clone();
                let as_wish = app
                    .state
                    .with(|s| change.applied_to_wishes(&s.wishes, &overview.profile));
                let why = match &change {
                    Change::DrivingLicence => Some("vacancies.whatif_why_licence"),
                    Change::Language { .. } => Some("vacancies.whatif_why_language"),
                    Change::Education { .. } => Some("vacancies.whatif_why_education"),
                    _ => None,
                };
                view! {
                    <li>
                        <p><strong>{w.change.describe(language)}</strong>": "
                            {i18n::plural(language, "vacancies.whatif_more", w.gained, &[])}</p>
                        {why.map(|key| view! { <p class="step-why">{i18n::text(language, key)}</p> })}
                        {as_wish.map(|wishes| {
                            let change = change.clone();
                            let good_before = overview.ranking.good;
                            view! {
                                <button type="button" class="button" on:click=move |_| {
                                    let before = app.state.with_untracked(|s| s.wishes.clone());
                                    tried.set(Some((change.clone(), before, good_before)));
                                    app.set_wishes(wishes.clone());
                                }>
                                    {i18n::text(language, "vacancies.whatif_try")}
                                </button>
                            }
                        })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card" aria-labelledby="whatif-title">
                <h2 id="whatif-title">{i18n::text(language, "vacancies.whatif")}</h2>
                {if overview.what_if.is_empty() {
                    view! { <p>{i18n::text(language, "vacancies.whatif_none")}</p> }.into_any()
                } else {
                    view! {
                        <p>{i18n::text(language, "vacancies.whatif_intro")}</p>
                        <ul class="findings whatif">{items}</ul>
                    }.into_any()
                }}
            </section>
        })
    };
    view! {
        {tried_status}
        {list}
    }
}

/// "Net niet": vacancies that miss one of the wishes, with the wish.
#[component]
pub(super) fn NearMisses(overview: Memo<Option<Arc<Overview>>>) -> impl IntoView {
    let app = use_app();
    move || {
        let overview = overview.get()?;
        let data = app.vacancy_data()?;
        if overview.near_misses.is_empty() {
            return None;
        }
        let language = app.language();
        let items = overview
            .near_misses
            .iter()
            .filter_map(|(ranked, failures)| {
                let vacancy = data.pool.get(ranked.index)?;
                let href = format!("/vacatures/{}", encode_id(&vacancy.id));
                let title = vacancy.title.clone();
                let meta = meta_line(vacancy, ranked.distance_km, language);
                let why = failures
                    .iter()
                    .map(|f| f.describe(language))
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(view! {
                    <li>
                        <p><A href=href>{title}</A>" — "{meta}</p>
                        <p class="why-not"><strong>{i18n::text(language, "vacancies.why_not")}</strong>" "{why}</p>
                    </li>
                })
            })
            .collect_view();
        Some(view! {
            <section class="card" aria-labelledby="nearmiss-title">
                <h2 id="nearmiss-title">{i18n::text(language, "vacancies.near_misses")}</h2>
                <p>{i18n::text(language, "vacancies.near_misses_intro")}</p>
                <ul class="findings near-misses">{items}</ul>
            </section>
        })
    }
}
