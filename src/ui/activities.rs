//! The activity log (`/activiteiten`): the count against the target, week by week, the saved
//! vacancies, adding and changing entries, and the CSV export. Counting and validation live
//! in `core::activity`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::activity::{
    parse_target, ActivityInput, ActivityKind, ActivityLog, Outcome, MAX_TARGET_PER_4_WEEKS,
};
use crate::core::i18n;
use crate::core::storage::TargetSource;
use crate::core::text::{format_date, format_short_date};

use super::state::{now, use_app, AppContext};
use crate::ui::platform::browser;
use crate::ui::widgets::table::{DataTable, Row};

/// How many weeks the table shows.
const WEEKS: usize = 8;

/// `/activiteiten`.
#[component]
pub fn ActivitiesScreen() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>{move || app.t("log.title")}</h1>
        <p class="lead">{move || app.t("log.intro")}</p>
        <TargetCard/>
        <SavedVacancies/>
        <AddActivity/>
        <EntryList/>
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{move || app.t("log.export_title")}</h2>
            <p>{move || app.t("log.export_intro")}</p>
            <button type="button" class="button" on:click=move |_| export_csv(app)>{move || app.t("log.export")}</button>
        </section>
    }
}

fn export_csv(app: AppContext) {
    let language = app.language();
    let csv = app.state.with(|s| s.activities.to_csv(language));
    let name = format!("werkmap-activiteiten-{}.csv", now().date());
    browser::download(&name, "text/csv;charset=utf-8", &csv);
}

#[component]
fn TargetCard() -> impl IntoView {
    let app = use_app();
    let today = now().date();
    move || {
        let language = app.language();
        let (period, weeks, target) = app.state.with(|s| {
            let target = s.application_target();
            let value = target.map(|(t, _)| t);
            (
                s.activities.last_four_weeks(today, value),
                s.activities.weeks(today, WEEKS, value),
                target,
            )
        });
        let headline = match target {
            Some((target, _)) => i18n::plural(
                language,
                "log.four_weeks_target",
                target as usize,
                &[("done", &period.counted.to_string())],
            ),
            None => i18n::format(
                language,
                "log.four_weeks",
                &[("count", &period.counted.to_string())],
            ),
        };
        let verdict = period.target_met().map(|met| {
            i18n::text(
                language,
                if met {
                    "log.target_met"
                } else {
                    "log.target_not_met"
                },
            )
        });
        let own = app.state.with(|s| s.activities.own_target_per_4_weeks);
        let rows = weeks
            .iter()
            .map(|week| {
                let range = format!(
                    "{} – {}",
                    format_short_date(week.from),
                    format_short_date(week.to)
                );
                Row {
                    head: range.into_any(),
                    cells: vec![
                        week.counted.to_string().into_any(),
                        week.target
                            .map_or("–".to_owned(), |t| t.to_string())
                            .into_any(),
                        (week.all - week.counted).to_string().into_any(),
                    ],
                }
            })
            .collect::<Vec<_>>();
        view! {
            <section class="card" aria-labelledby="target-title">
                <h2 id="target-title">{i18n::text(language, "log.target_title")}</h2>
                <p class="headline"><strong>{headline}</strong></p>
                {verdict.map(|v| view! { <p>{v}</p> })}
                <p class="hint">{i18n::text(language, "log.counts_what")}</p>
                {match target {
                    Some((_, TargetSource::Coach)) => view! { <p>{i18n::text(language, "log.target_from_coach")}</p> }.into_any(),
                    _ => view! {
                        <div class="field">
                            <label for="own-target">{i18n::text(language, "log.own_target")}</label>
                            <input id="own-target" type="number" inputmode="numeric" min="0" max=MAX_TARGET_PER_4_WEEKS
                                prop:value=own.map(|t| t.to_string()).unwrap_or_default()
                                on:change=move |event| {
                                    let value = event_target_value(&event);
                                    app.set_own_target(parse_target(&value));
                                }/>
                        </div>
                    }.into_any(),
                }}
                <DataTable
                    id="weeks-caption"
                    caption=i18n::text(language, "log.weeks_caption").to_owned()
                    headers=vec![
                        i18n::text(language, "log.week").to_owned(),
                        i18n::text(language, "log.counted").to_owned(),
                        i18n::text(language, "log.week_target").to_owned(),
                        i18n::text(language, "log.other").to_owned(),
                    ]
                    rows=rows
                />
            </section>
        }
    }
}

#[component]
fn SavedVacancies() -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let saved = app.state.with(|s| s.saved_vacancies.clone());
        let items = saved
            .into_iter()
            .rev()
            .map(|entry| {
                let vacancy = entry.vacancy;
                let href = format!("/vacatures/{}", String::from(js_sys::encode_uri_component(&vacancy.id)));
                let applied = entry.applied.and_then(|id| app.state.with(|s| s.activities.get(id).map(|a| a.date)));
                let id = vacancy.id.clone();
                let title = vacancy.title.clone();
                let employer = vacancy.employer.clone();
                view! {
                    <li>
                        <p><A href=href>{title}</A>" — "{employer}</p>
                        <p class="hint">{i18n::format(language, "log.saved_on", &[("date", &format_date(entry.saved_on, language))])}</p>
                        <div class="actions">
                            {match applied {
                                Some(date) => view! { <p class="applied">{i18n::format(language, "vacancies.applied_on", &[("date", &format_date(date, language))])}</p> }.into_any(),
                                None => view! {
                                    <button type="button" class="button primary" on:click=move |_| { let _ = app.mark_applied(&vacancy); }>
                                        {i18n::text(language, "vacancies.apply")}
                                    </button>
                                }.into_any(),
                            }}
                            <button type="button" class="button" on:click=move |_| app.forget_vacancy(&id)>
                                {i18n::text(language, "log.forget")}
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        let empty = app.state.with(|s| s.saved_vacancies.is_empty());
        view! {
            <section class="card" aria-labelledby="saved-title">
                <h2 id="saved-title">{i18n::text(language, "log.saved_title")}</h2>
                {if empty {
                    view! { <p>{i18n::text(language, "log.saved_none")}" "<A href="/vacatures">{i18n::text(language, "log.to_vacancies")}</A></p> }.into_any()
                } else {
                    view! { <ul class="findings saved">{items}</ul> }.into_any()
                }}
            </section>
        }
    }
}

/// The fields of the entry form.
#[derive(Clone, Copy)]
struct Form {
    date: RwSignal<String>,
    kind: RwSignal<ActivityKind>,
    employer: RwSignal<String>,
    vacancy: RwSignal<String>,
    outcome: RwSignal<Outcome>,
    reason: RwSignal<String>,
    note: RwSignal<String>,
}

impl Form {
    fn new() -> Self {
        Self {
            date: RwSignal::new(now().date().to_string()),
            kind: RwSignal::new(ActivityKind::Application),
            employer: RwSignal::new(String::new()),
            vacancy: RwSignal::new(String::new()),
            outcome: RwSignal::new(Outcome::Waiting),
            reason: RwSignal::new(String::new()),
            note: RwSignal::new(String::new()),
        }
    }

    fn clear(&self) {
        self.employer.set(String::new());
        self.vacancy.set(String::new());
        self.outcome.set(Outcome::Waiting);
        self.reason.set(String::new());
        self.note.set(String::new());
    }

    /// `None` when the date is not a date.
    fn input(&self) -> Option<ActivityInput> {
        let date = crate::core::vacancy::import::parse_date_text(&self.date.get_untracked())?;
        let vacancy = self.vacancy.get_untracked();
        let reason = self.reason.get_untracked();
        Some(ActivityInput {
            date,
            kind: self.kind.get_untracked(),
            employer: self.employer.get_untracked(),
            vacancy: (!vacancy.trim().is_empty()).then_some(vacancy),
            vacancy_id: None,
            outcome: self.outcome.get_untracked(),
            reason: (!reason.trim().is_empty()).then_some(reason),
            note: self.note.get_untracked(),
        })
    }
}

#[component]
fn AddActivity() -> impl IntoView {
    let app = use_app();
    let form = Form::new();
    let message = RwSignal::new(None::<(bool, String)>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let language = app.language();
        let Some(input) = form.input() else {
            message.set(Some((
                false,
                i18n::text(language, "log.bad_date").to_owned(),
            )));
            return;
        };
        match app.add_activity(&input) {
            Ok(_) => {
                form.clear();
                message.set(Some((true, i18n::text(language, "log.added").to_owned())));
            }
            Err(error) => message.set(Some((false, error.message(language).to_owned()))),
        }
    };
    view! {
        <section class="card" aria-labelledby="add-title">
            <h2 id="add-title">{move || app.t("log.add_title")}</h2>
            <form class="activity-form" on:submit=submit>
                <div class="field">
                    <label for="act-date">{move || app.t("log.date")}</label>
                    <input id="act-date" type="date" prop:value=move || form.date.get()
                        on:change=move |event| form.date.set(event_target_value(&event))/>
                </div>
                <div class="field">
                    <label for="act-kind">{move || app.t("log.kind")}</label>
                    <select id="act-kind" on:change=move |event| {
                        if let Some(kind) = ActivityKind::from_id(&event_target_value(&event)) {
                            form.kind.set(kind);
                        }
                    }>
                        {ActivityKind::ALL.into_iter().map(|kind| view! {
                            <option value=kind.id() selected=move || form.kind.get() == kind>
                                {move || kind.label().get(app.language()).to_owned()}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="act-employer">{move || app.t("log.employer")}</label>
                    <input id="act-employer" type="text" autocomplete="organization" prop:value=move || form.employer.get()
                        on:input=move |event| form.employer.set(event_target_value(&event))/>
                </div>
                <div class="field">
                    <label for="act-vacancy">{move || app.t("log.vacancy")}</label>
                    <input id="act-vacancy" type="text" autocomplete="off" prop:value=move || form.vacancy.get()
                        on:input=move |event| form.vacancy.set(event_target_value(&event))/>
                </div>
                <OutcomeFields outcome=form.outcome reason=form.reason prefix="act"/>
                <div class="field">
                    <label for="act-note">{move || app.t("log.note")}</label>
                    <textarea id="act-note" rows="2" prop:value=move || form.note.get()
                        on:input=move |event| form.note.set(event_target_value(&event))></textarea>
                </div>
                <button type="submit" class="button primary">{move || app.t("log.add")}</button>
                <p role="status" class=move || if message.get().is_some_and(|(ok, _)| !ok) { "error" } else { "done" }>
                    {move || message.get().map(|(_, text)| text)}
                </p>
            </form>
        </section>
    }
}

/// The outcome select and, for a rejection, the reason.
#[component]
fn OutcomeFields(
    outcome: RwSignal<Outcome>,
    reason: RwSignal<String>,
    prefix: &'static str,
) -> impl IntoView {
    let app = use_app();
    let outcome_id = format!("{prefix}-outcome");
    let reason_id = format!("{prefix}-reason");
    let reason_for = reason_id.clone();
    view! {
        <div class="field">
            <label for=outcome_id.clone()>{move || app.t("log.outcome")}</label>
            <select id=outcome_id on:change=move |event| {
                if let Some(o) = Outcome::from_id(&event_target_value(&event)) {
                    outcome.set(o);
                }
            }>
                {Outcome::ALL.into_iter().map(|o| view! {
                    <option value=o.id() selected=move || outcome.get() == o>{move || o.label().get(app.language()).to_owned()}</option>
                }).collect_view()}
            </select>
        </div>
        <Show when=move || outcome.get() == Outcome::Rejected>
            <div class="field">
                <label for=reason_for.clone()>{move || app.t("log.reason")}</label>
                <input id=reason_id.clone() type="text" autocomplete="off" prop:value=move || reason.get()
                    on:input=move |event| reason.set(event_target_value(&event))/>
            </div>
        </Show>
    }
}

#[component]
fn EntryList() -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let entries = app.state.with(|s| {
            s.activities
                .newest_first()
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        });
        let items = entries
            .into_iter()
            .map(|entry| {
                let id = entry.id;
                let line = ActivityLog::describe(&entry, language);
                let outcome = entry.outcome;
                let reason = entry.reason.clone();
                let note = entry.note.clone();
                let counts = entry.kind.counts_toward_target();
                let stored = entry.clone();
                view! {
                    <li class="entry">
                        <p><strong>{line}</strong></p>
                        <p>{outcome.label().get(language).to_owned()}
                            {reason.map(|r| format!(" — {r}"))}
                            {(!counts).then(|| view! { <span class="hint">" · "{i18n::text(language, "log.not_counted")}</span> })}</p>
                        {(!note.is_empty()).then(|| view! { <p class="note">{note}</p> })}
                        <EntryActions entry=stored/>
                        <span class="visually-hidden">{format!("#{id}")}</span>
                    </li>
                }
            })
            .collect_view();
        let empty = app.state.with(|s| s.activities.entries.is_empty());
        view! {
            <section aria-labelledby="entries-title">
                <h2 id="entries-title">{i18n::text(language, "log.entries")}</h2>
                {if empty {
                    view! { <p>{i18n::text(language, "log.entries_none")}</p> }.into_any()
                } else {
                    view! { <ol class="findings entries">{items}</ol> }.into_any()
                }}
            </section>
        }
    }
}

/// Changing the outcome of an entry, or removing it (after a confirmation).
#[component]
fn EntryActions(entry: crate::core::activity::Activity) -> impl IntoView {
    let app = use_app();
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(entry.outcome);
    let reason = RwSignal::new(entry.reason.clone().unwrap_or_default());
    let id = entry.id;
    let prefix: &'static str = Box::leak(format!("entry-{id}").into_boxed_str());
    let save = move |_| {
        let input = ActivityInput {
            date: entry.date,
            kind: entry.kind,
            employer: entry.employer.clone(),
            vacancy: entry.vacancy.clone(),
            vacancy_id: entry.vacancy_id.clone(),
            outcome: outcome.get_untracked(),
            reason: Some(reason.get_untracked()),
            note: entry.note.clone(),
        };
        if app.update_activity(id, &input).is_ok() {
            editing.set(false);
        }
    };
    view! {
        <div class="actions">
            <Show when=move || editing.get() fallback=move || view! {
                <button type="button" class="button" on:click=move |_| editing.set(true)>{move || app.t("log.change_outcome")}</button>
            }>
                <OutcomeFields outcome=outcome reason=reason prefix=prefix/>
                <button type="button" class="button primary" on:click=save.clone()>{move || app.t("log.save")}</button>
            </Show>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="button danger" on:click=move |_| confirming.set(true)>{move || app.t("log.remove")}</button>
            }>
                <span role="alert">{move || app.t("log.remove_confirm")}</span>
                <button type="button" class="button danger" on:click=move |_| app.remove_activity(id)>{move || app.t("log.remove_yes")}</button>
                <button type="button" class="button" on:click=move |_| confirming.set(false)>{move || app.t("wipe.no")}</button>
            </Show>
        </div>
    }
}
