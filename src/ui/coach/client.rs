//! One job seeker: their latest file with what changed since the one before, the history,
//! and the coach's agreements with the reply file.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::activity::{parse_target, ActivityLog, MAX_TARGET_PER_4_WEEKS};
use crate::core::coach::Client;
use crate::core::i18n;
use crate::core::portfolio::{Agreement, Section};
use crate::core::selftest::ids;
use crate::core::text::format_date;

use super::{use_coach, Load, COACH_BASE};
use crate::ui::history::{Chart, HistoryTable};
use crate::ui::platform::browser;
use crate::ui::result::result_parts;
use crate::ui::state::{now, use_app};
use crate::ui::widgets::table::{DataTable, Row};

/// `/coach/client/:key`.
#[component]
pub(super) fn ClientRoute() -> impl IntoView {
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
