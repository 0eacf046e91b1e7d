//! The wishes: a one-line summary above the list and the form behind it (where from, how
//! far, how many hours, which kinds of work, sectors to avoid).

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::i18n;
use crate::core::matching::{Overview, Source, Wishes};
use crate::core::vacancy::{ContractKind, MAX_HOURS};
use crate::core::vocab::Sector;

use super::{contract_label, DISTANCES};
use crate::ui::state::use_app;

/// The wishes in one line, so the list is in view at once on a phone, and the form to change
/// them behind one button. Open at first when the home is not known yet: without it there is
/// no "nearby".
#[component]
pub(super) fn WishesPanel(overview: Memo<Option<Arc<Overview>>>) -> impl IntoView {
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
            crate::ui::vacancies::data::VacancyLoad::Ready(data) => data
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
        let current = hours();
        app.update_wishes(|w| w.set_hours(current, min, max));
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
                        app.update_wishes(|w| w.set_home(&value));
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
                <input id="wish-hours-min" type="number" inputmode="numeric" min="1" max=MAX_HOURS
                    prop:value=move || hours().map(|h| h.min.to_string()).unwrap_or_default()
                    on:change=move |event| set_hours(number(&event), None)/>
                <label for="wish-hours-max">{move || app.t("vacancies.hours_to")}</label>
                <input id="wish-hours-max" type="number" inputmode="numeric" min="1" max=MAX_HOURS
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
                                    on:change=move |_| app.update_wishes(|w| w.toggle_contract(kind))/>
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
                                    on:change=move |_| app.update_wishes(|w| w.toggle_avoided_sector(sector))/>
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
