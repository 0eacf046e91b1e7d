//! Vacancies: the job seeker's wishes, the ten vacancies that fit best with the parts of
//! their score, "wat als", "net niet" with the wishes each one misses, one vacancy's detail,
//! and importing a vacancy feed. Every number and every reason comes from `core::matching`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::i18n;
use crate::core::matching::{
    explain_one, format_km, overview, Change, Failure, Filter, MatchExplanation, Overview,
    PartKind, RankQuery, Ranked, Seeker, SortBy, Source, VacancyPool, Wishes,
};
use crate::core::text::{format_count, format_date, Language};
use crate::core::vacancy::{ContractKind, EmployerSupport, FeedImport, HoursRange, Vacancy};
use crate::core::vocab::Sector;

use super::browser;
use super::state::{now, use_app, AppContext};
use super::table::{DataTable, Row};
use super::vacancy_data::{Interests, VacancyData};

/// How many vacancies the list shows.
pub const TOP: usize = 10;
/// How many "net niet" vacancies are shown.
const NEAR_MISSES: usize = 5;
/// Travel distances offered, in km.
const DISTANCES: [u16; 11] = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150];

/// Interest match per occupation: depends on the interest answers only (one memo for the
/// whole app).
pub fn use_interests(app: AppContext) -> Memo<Interests> {
    app.interests
}

/// A match overview a page works out once and shares with the sections on it (the kiosk
/// result: its vacancies, hand-off and job supply).
#[derive(Clone, Copy)]
pub struct SharedOverview(pub Memo<Option<Arc<Overview>>>);

/// The match overview for the current state, sort and filter (`None` until the vacancies
/// have loaded).
pub fn use_overview(
    app: AppContext,
    query: Signal<RankQuery>,
    near_misses: usize,
) -> Memo<Option<Arc<Overview>>> {
    let interests = use_interests(app);
    super::published::use_published_area(app);
    Memo::new(move |_| {
        let data = app.vacancy_data()?;
        let language = app.language();
        let query = query.get();
        let interests = interests.get();
        app.state.with(|s| {
            Some(Arc::new(overview(
                app.content,
                &data.places,
                &data.pool,
                &interests.0,
                Seeker {
                    answers: &s.answers,
                    competences: &s.competences,
                    wishes: &s.wishes,
                },
                &query,
                near_misses,
                now().date(),
                language,
            )))
        })
    })
}

/// `/vacatures`.
#[component]
pub fn VacanciesScreen() -> impl IntoView {
    let app = use_app();
    let sort = RwSignal::new(SortBy::Score);
    let filter = RwSignal::new(Filter::default());
    let query = Signal::derive(move || RankQuery {
        top: TOP,
        sort: sort.get(),
        filter: filter.get(),
        learning_first: false,
    });
    let overview = use_overview(app, query, NEAR_MISSES);
    keep_scroll_position(overview);
    view! {
        <h1>{move || app.t("vacancies.title")}</h1>
        <super::published::FeedSource/>
        {move || {
            if app.vacancies_failed() {
                Some(view! { <p class="notice-inline" role="alert">{app.t("vacancies.load_failed")}</p> }.into_any())
            } else if overview.with(Option::is_none) {
                Some(view! { <p role="status">{app.t("vacancies.loading")}</p> }.into_any())
            } else {
                None
            }
        }}
        <WishesPanel overview=overview/>
        <MatchList overview=overview sort=sort filter=filter/>
        <WhatIfSection overview=overview/>
        <NearMisses overview=overview/>
    }
}

thread_local! {
    /// Where the list was scrolled to when the job seeker left it (for a vacancy, say).
    static LIST_SCROLL: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// Coming back to the list (from a vacancy, with "terug" or the back button) lands where the
/// job seeker was, not at the top: the position is kept while the list is shown and put
/// back once the list has been drawn again.
fn keep_scroll_position(overview: Memo<Option<Arc<Overview>>>) {
    let listener = window_event_listener(leptos::ev::scroll, |_| {
        if let Some(window) = web_sys::window() {
            LIST_SCROLL.set(window.scroll_y().ok());
        }
    });
    on_cleanup(move || listener.remove());
    let restore = LIST_SCROLL.take();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || overview.with(Option::is_none) {
            return done.unwrap_or(false);
        }
        if let Some(y) = restore.filter(|y| *y > 0.0) {
            request_animation_frame(move || {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, y);
                }
            });
        }
        true
    });
}

fn contract_label(kind: ContractKind, language: Language) -> String {
    kind.label().get(language).to_owned()
}

/// The wishes in one line, so the list is in view at once on a phone, and the form to change
/// them behind one button. Open at first when the home is not known yet: without it there is
/// no "nearby".
#[component]
fn WishesPanel(overview: Memo<Option<Arc<Overview>>>) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(None::<bool>);
    let home_known = move || overview.with(|o| o.as_ref().map(|o| o.profile.home.is_some()));
    let is_open = move || open.get().unwrap_or_else(|| home_known() == Some(false));
    // The default (open while home is unknown) is decided once: the form must not close
    // under the person's fingers as soon as they have typed their home.
    Effect::new(move |_| {
        if open.get_untracked().is_none() {
            if let Some(known) = home_known() {
                open.set(Some(!known));
            }
        }
    });
    let line = move || {
        let language = app.language();
        overview.with(|o| {
            o.as_ref().map(|o| {
                i18n::format(
                    language,
                    "vacancies.wishes_line",
                    &[("wishes", &o.profile.wishes_in_words(language))],
                )
            })
        })
    };
    view! {
        <div class="wishes-line">
            <p>{line}</p>
            <button
                type="button"
                class="button"
                aria-expanded=move || if is_open() { "true" } else { "false" }
                aria-controls="wishes-form"
                on:click=move |_| open.set(Some(!is_open()))
            >
                {move || app.t("vacancies.change_wishes")}
            </button>
        </div>
        <Show when=is_open>
            <WishesForm overview=overview/>
        </Show>
    }
}

/// The wishes: where from, how far, how many hours, which kinds of work, sectors to avoid.
#[component]
fn WishesForm(overview: Memo<Option<Arc<Overview>>>) -> impl IntoView {
    let app = use_app();
    let wishes = move || app.state.with(|s| s.wishes.clone());
    let profile = move || overview.with(|o| o.as_ref().map(|o| o.profile.clone()));
    let typed_home = RwSignal::new(String::new());
    let suggestions = move || {
        let typed = typed_home.get();
        app.vacancies.with(|v| match v {
            super::vacancy_data::VacancyLoad::Ready(data) => data
                .places
                .suggestions(&typed, 8)
                .into_iter()
                .map(|p| p.name.clone())
                .collect::<Vec<_>>(),
            _ => Vec::new(),
        })
    };
    let home_status = move || {
        let language = app.language();
        let profile = profile()?;
        Some(match (&profile.home, &profile.home_not_found) {
            (_, Some(unknown)) => view! {
                <p class="error" role="alert">{i18n::format(language, "vacancies.home_unknown", &[("home", unknown)])}</p>
            }
            .into_any(),
            (Some(home), None) => {
                let key = if home.source == Source::SelfTest {
                    "vacancies.home_from_selftest"
                } else {
                    "vacancies.home_is"
                };
                view! { <p class="hint" id="home-status">{i18n::format(language, key, &[("home", &home.label)])}</p> }.into_any()
            }
            (None, None) => view! { <p class="hint" id="home-status">{i18n::text(language, "vacancies.home_missing")}</p> }.into_any(),
        })
    };
    let distance = move || {
        profile().map_or(app.content.matching.default_distance_km, |p| {
            p.max_distance_km
        })
    };
    let hours = move || profile().and_then(|p| p.hours);
    let set_hours = move |min: Option<u8>, max: Option<u8>| {
        let current = hours().unwrap_or(HoursRange { min: 4, max: 40 });
        let min = min.unwrap_or(current.min);
        let max = max.unwrap_or(current.max);
        let (min, max) = (min.min(max), min.max(max));
        if let Some(range) = HoursRange::new(min.max(1), max.min(60)) {
            app.update_wishes(|w| w.hours = Some(range));
        }
    };
    let number = |event: &leptos::ev::Event| event_target_value(event).trim().parse::<u8>().ok();
    view! {
        <section class="card wishes" id="wishes-form" aria-labelledby="wishes-title">
            <h2 id="wishes-title">{move || app.t("vacancies.wishes")}</h2>
            <p>{move || app.t("vacancies.intro")}</p>
            <p class="hint">{move || app.t("vacancies.wishes_intro")}</p>
            <div class="field">
                <label for="wish-home">{move || app.t("vacancies.home_label")}</label>
                <input id="wish-home" type="text" autocomplete="off" list="place-suggestions"
                    aria-describedby="home-status"
                    prop:value=move || wishes().home.unwrap_or_default()
                    on:input=move |event| typed_home.set(event_target_value(&event))
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        let value = value.trim();
                        app.update_wishes(|w| w.home = (!value.is_empty()).then(|| value.chars().take(80).collect()));
                    }/>
                <datalist id="place-suggestions">
                    {move || suggestions().into_iter().map(|name| view! { <option value=name/> }).collect_view()}
                </datalist>
                {home_status}
            </div>
            <div class="field">
                <label for="wish-distance">{move || app.t("vacancies.distance_label")}</label>
                <select id="wish-distance" on:change=move |event| {
                    if let Ok(km) = event_target_value(&event).parse::<u16>() {
                        app.update_wishes(|w| w.max_distance_km = Some(km));
                    }
                }>
                    {move || {
                        let current = distance();
                        let mut options: Vec<u16> = DISTANCES.to_vec();
                        if !options.contains(&current) {
                            options.push(current);
                            options.sort_unstable();
                        }
                        options.into_iter().map(|km| view! {
                            <option value=km.to_string() selected=km == current>{format!("{km} km")}</option>
                        }).collect_view()
                    }}
                </select>
            </div>
            <fieldset class="field hours">
                <legend>{move || app.t("vacancies.hours_label")}</legend>
                <label for="wish-hours-min">{move || app.t("vacancies.hours_from")}</label>
                <input id="wish-hours-min" type="number" inputmode="numeric" min="1" max="60"
                    prop:value=move || hours().map(|h| h.min.to_string()).unwrap_or_default()
                    on:change=move |event| set_hours(number(&event), None)/>
                <label for="wish-hours-max">{move || app.t("vacancies.hours_to")}</label>
                <input id="wish-hours-max" type="number" inputmode="numeric" min="1" max="60"
                    prop:value=move || hours().map(|h| h.max.to_string()).unwrap_or_default()
                    on:change=move |event| set_hours(None, number(&event))/>
                <p class="hint">{move || match profile().map(|p| p.hours_source) {
                    Some(Source::SelfTest) => app.t("vacancies.hours_from_selftest"),
                    Some(Source::Unknown) | None => app.t("vacancies.hours_unknown"),
                    _ => "",
                }}</p>
            </fieldset>
            <fieldset class="field">
                <legend>{move || app.t("vacancies.kinds_label")}</legend>
                <p class="hint">{move || app.t("vacancies.kinds_hint")}</p>
                <div class="inline-options">
                    {ContractKind::ALL.into_iter().map(|kind| {
                        let id = format!("wish-kind-{}", kind.index());
                        view! {
                            <div class="option inline">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || app.state.with(|s| s.wishes.contracts.contains(&kind))
                                    on:change=move |_| app.update_wishes(|w| {
                                        if !w.contracts.remove(&kind) {
                                            w.contracts.insert(kind);
                                        }
                                    })/>
                                <label for=id>{move || contract_label(kind, app.language())}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <details class="field">
                <summary>{move || app.t("vacancies.avoid_label")}</summary>
                <div class="inline-options">
                    {Sector::ALL.into_iter().map(|sector| {
                        let id = format!("wish-avoid-{}", sector.index());
                        view! {
                            <div class="option inline">
                                <input type="checkbox" id=id.clone()
                                    prop:checked=move || app.state.with(|s| s.wishes.avoid_sectors.contains(&sector))
                                    on:change=move |_| app.update_wishes(|w| {
                                        if !w.avoid_sectors.remove(&sector) {
                                            w.avoid_sectors.insert(sector);
                                        }
                                    })/>
                                <label for=id>{move || app.t(sector.i18n_key())}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </details>
            <div class="option">
                <input type="checkbox" id="wish-heavy"
                    prop:checked=move || app.state.with(|s| s.wishes.avoid_heavy_work)
                    on:change=move |_| app.update_wishes(|w| w.avoid_heavy_work = !w.avoid_heavy_work)/>
                <label for="wish-heavy">{move || app.t("vacancies.avoid_heavy")}</label>
            </div>
            <button type="button" class="link-button" on:click=move |_| app.set_wishes(Wishes::default())>
                {move || app.t("vacancies.reset_wishes")}
            </button>
        </section>
    }
}

/// The list: how many fit, sort and filter, and the best ten.
#[component]
fn MatchList(
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

fn meta_line(vacancy: &Vacancy, distance_km: Option<f32>, language: Language) -> String {
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
fn score_view(score: u8, language: Language) -> impl IntoView {
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

fn parts_list(explanation: &MatchExplanation, language: Language) -> impl IntoView {
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
fn encode_id(id: &str) -> String {
    String::from(js_sys::encode_uri_component(id))
}

/// "Bewaar" and "Ik heb gesolliciteerd".
#[component]
fn SaveAndApply(vacancy: Vacancy) -> impl IntoView {
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
fn WhatIfSection(overview: Memo<Option<Arc<Overview>>>) -> impl IntoView {
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
fn NearMisses(overview: Memo<Option<Arc<Overview>>>) -> impl IntoView {
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

/// `/vacatures/:id`.
#[component]
pub fn VacancyRoute() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let interests = use_interests(app);
    super::published::use_published_area(app);
    let texts = super::published::use_texts(
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
            if found.is_none() && super::published::loading() {
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
                let closed =
                    super::published::closed_notice(app, &data, &vacancy, own_pool.is_none())
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
            if app.vacancy_data_ready().await.is_none() {
                status.set(ImportStatus::Failed(
                    app.t("vacancies.import_not_loaded").to_owned(),
                ));
                return;
            }
            status.set(ImportStatus::Working("vacancies.import_parsing"));
            browser::yield_to_browser().await;
            let language = app.language();
            let on_progress = move |fraction: f64| progress.set(Some(fraction));
            let outcome = app.import_vacancies(bytes, file.name(), on_progress).await;
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
