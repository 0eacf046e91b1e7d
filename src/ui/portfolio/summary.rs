//! The agreements with the coach, and `/samenvatting`: the work map on one printable page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::i18n;
use crate::core::storage::ReceivedAgreements;
use crate::core::text::{format_date, Language};

use crate::ui::state::{now, use_app};

/// The agreements with the coach, from the last reply taken in.
#[component]
pub(super) fn AgreementsCard() -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let received = app.state.with(|s| s.agreements.clone())?;
        Some(agreements_view(&received, language))
    }
}

pub fn agreements_view(received: &ReceivedAgreements, language: Language) -> impl IntoView {
    let a = &received.agreements;
    let items = a
        .items
        .iter()
        .map(|item| {
            view! {
                <li><p>{item.text.clone()}</p>
                    <p class="hint">{format!("{} · {}", format_date(item.date, language), item.by)}</p></li>
            }
        })
        .collect_view();
    view! {
        <section class="card agreements" aria-labelledby="agreements-title">
            <h2 id="agreements-title">{i18n::text(language, "share.agreements")}</h2>
            <ul class="findings">{items}</ul>
            {a.application_target_per_4_weeks.map(|t| view! {
                <p>{i18n::format(language, "share.target", &[("target", &t.to_string())])}</p>
            })}
            {a.next_evaluation.map(|d| view! {
                <p><strong>{i18n::format(language, "share.next_evaluation", &[("date", &format_date(d, language))])}</strong></p>
            })}
        </section>
    }
}

/// `/samenvatting`: the work map on one printable page.
#[component]
pub fn SummaryScreen() -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let t = move |key: &'static str| i18n::text(language, key);
        let today = now().date();
        let result = app.selftest_result.get();
        let (result, competences, saved, period, target, agreements, wishes_hours) =
            app.state.with(|s| {
                let catalog = &app.content.competences;
                let mut rated: Vec<(String, u8)> = catalog
                    .competences
                    .iter()
                    .filter_map(|c| {
                        s.competences
                            .level(&c.id)
                            .map(|l| (c.name.get(language).to_owned(), l))
                    })
                    .filter(|(_, l)| *l > 0)
                    .collect();
                rated.sort_by_key(|(_, l)| std::cmp::Reverse(*l));
                let target = s.application_target().map(|(t, _)| t);
                (
                    result,
                    rated,
                    s.saved_vacancies
                        .iter()
                        .map(|v| format!("{} – {}", v.vacancy.title, v.vacancy.employer))
                        .collect::<Vec<_>>(),
                    s.activities.last_four_weeks(today, target),
                    target,
                    s.agreements.clone(),
                    s.wishes.hours,
                )
            });
        let participation = result.participation.as_ref().map(|p| {
            let label = app
                .selftest
                .participation_label(p.level)
                .map(|l| l.get(language).to_owned())
                .unwrap_or_default();
            format!("{} / 6 – {label}", p.level)
        });
        let reintegration = result.reintegration.as_ref().map(|r| {
            let label = app
                .selftest
                .reintegration_label(r.level)
                .map(|l| l.get(language).to_owned())
                .unwrap_or_default();
            format!("{} / 6 – {label}", r.level)
        });
        view! {
            <div class="summary-page">
                <h1>{t("summary.title")}</h1>
                <p class="hint">{i18n::format(language, "summary.date", &[("date", &format_date(today, language))])}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=move |_| {
                        if let Some(window) = web_sys::window() {
                            let _ = window.print();
                        }
                    }>{t("summary.print")}</button>
                    <A href="/mijn-werkmap" attr:class="button">{t("share.title")}</A>
                </div>
                <section aria-labelledby="sum-strengths">
                    <h2 id="sum-strengths">{t("result.strengths")}</h2>
                    <ul>{result.strengths.iter().map(|s| view! { <li>{s.text.get(language).to_owned()}</li> }).collect_view()}</ul>
                </section>
                <section aria-labelledby="sum-route">
                    <h2 id="sum-route">{t("result.route")}</h2>
                    <p><strong>{result.route.title.get(language).to_owned()}</strong>" — "{result.route.explanation.get(language).to_owned()}</p>
                    <dl class="facts-list">
                        {participation.map(|p| view! { <dt>{t("summary.participation")}</dt><dd>{p}</dd> })}
                        {reintegration.map(|r| view! { <dt>{t("summary.reintegration")}</dt><dd>{r}</dd> })}
                        {wishes_hours.map(|h| view! { <dt>{t("vacancies.fact_hours")}</dt><dd>{h.describe(language)}</dd> })}
                    </dl>
                </section>
                {(!competences.is_empty()).then(|| view! {
                    <section aria-labelledby="sum-comp">
                        <h2 id="sum-comp">{t("summary.competences")}</h2>
                        <ul class="columns">{competences.iter().take(12).map(|(n, l)| view! { <li>{format!("{n}: {l}/4")}</li> }).collect_view()}</ul>
                    </section>
                })}
                <section aria-labelledby="sum-steps">
                    <h2 id="sum-steps">{t("result.next_steps")}</h2>
                    <ul>{result.next_steps.iter().filter(|s| !s.help_declined).take(5).map(|s| view! { <li>{s.text.get(language).to_owned()}</li> }).collect_view()}</ul>
                </section>
                <section aria-labelledby="sum-work">
                    <h2 id="sum-work">{t("summary.search")}</h2>
                    <p>{match target {
                        Some(target) => i18n::plural(language, "log.four_weeks_target", target as usize, &[("done", &period.counted.to_string())]),
                        None => i18n::format(language, "log.four_weeks", &[("count", &period.counted.to_string())]),
                    }}</p>
                    {(!saved.is_empty()).then(|| view! {
                        <p>{t("log.saved_title")}":"</p>
                        <ul>{saved.into_iter().take(8).map(|v| view! { <li>{v}</li> }).collect_view()}</ul>
                    })}
                </section>
                {agreements.map(|a| agreements_view(&a, language))}
                <p class="hint">{t("result.disclaimer")}</p>
            </div>
        }
    }
}
