//! The job seeker's own file (`/mijn-werkmap`): saving the work map with consent per section
//! (and optionally a passphrase), opening a file (one's own, or a coach's reply) with a
//! preview and a confirmation, the agreements with the coach, the printable summary
//! (`/samenvatting`) and the CV in the JSON Resume format. The file format, consent,
//! encryption, merging and the CV are all in `core::portfolio` and `core::cv`.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::core::cv::{json_resume, CvChoices};
use crate::core::i18n;
use crate::core::portfolio::{
    export, inspect, open, preview, section_contents, take_coach_reply, take_in_file,
    ExportChoices, Inspected, MergeOutcome, Portfolio, PortfolioError, Preview, PrivateParts,
    ProfileChoices, Section,
};
use crate::core::storage::ReceivedAgreements;
use crate::core::text::{format_date, Language};

use super::state::{now, use_app};
use crate::ui::platform::browser;

/// The stored copy of the work map as it was before a file replaced it.
use crate::core::portfolio::backups::{
    Backups, BACKUPS_DOCUMENT, DAMAGED_BACKUPS_DOCUMENT, OLD_BACKUP_DOCUMENT,
};

/// The kept work maps; a list that cannot be read is copied aside (never overwritten) and a
/// new one starts.
fn load_backups(app: super::state::AppContext) -> Backups {
    let list = app.load_document(BACKUPS_DOCUMENT);
    let old = app.load_document(OLD_BACKUP_DOCUMENT);
    match Backups::load(list.as_deref(), old.as_deref()) {
        Ok(backups) => backups,
        Err(_) => {
            if let Some(raw) = list {
                let _ = app.save_document(DAMAGED_BACKUPS_DOCUMENT, &raw);
            }
            Backups::load(None, old.as_deref()).unwrap_or_default()
        }
    }
}

/// `/mijn-werkmap`.
#[component]
pub fn PortfolioScreen() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>{move || app.t("share.title")}</h1>
        <p class="lead">{move || app.t("share.intro")}</p>
        <AgreementsCard/>
        <ExportCard/>
        <ImportCard/>
        <section class="card" aria-labelledby="more-title">
            <h2 id="more-title">{move || app.t("share.more")}</h2>
            <p><A href="/samenvatting" attr:class="standalone">{move || app.t("share.summary_link")}</A></p>
            <CvForm/>
        </section>
    }
}

fn file_name(alias: &str, date: time::Date) -> String {
    let safe: String = alias
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .take(30)
        .collect();
    if safe.is_empty() {
        format!("werkmap-{date}.werkmap.json")
    } else {
        format!("werkmap-{safe}-{date}.werkmap.json")
    }
}

#[component]
fn ExportCard() -> impl IntoView {
    let app = use_app();
    // Everything is ticked at first; the job seeker unticks what stays private.
    let chosen = RwSignal::new(Section::ALL.into_iter().collect::<BTreeSet<_>>());
    let alias = RwSignal::new(String::new());
    let age_band = RwSignal::new(false);
    let postcode = RwSignal::new(false);
    let private_too = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let status = RwSignal::new(None::<(bool, String)>);
    let has_private = move || {
        app.state.with(|s| {
            PrivateParts::of(app.selftest)
                .questions
                .iter()
                .any(|q| s.answers.get(q).is_some())
        })
    };
    let save = move |_| {
        let language = app.language();
        let pass = passphrase.get_untracked();
        if pass != again.get_untracked() {
            status.set(Some((
                false,
                i18n::text(language, "share.pass_mismatch").to_owned(),
            )));
            return;
        }
        let sections: BTreeSet<Section> = chosen.get_untracked();
        if sections.is_empty() {
            status.set(Some((
                false,
                i18n::text(language, "share.nothing_chosen").to_owned(),
            )));
            return;
        }
        let choices = ExportChoices {
            sections,
            profile: ProfileChoices {
                alias: Some(alias.get_untracked()),
                age_band: age_band.get_untracked(),
                postcode: postcode.get_untracked(),
            },
            leave_out: if private_too.get_untracked() {
                PrivateParts::default()
            } else {
                PrivateParts::of(app.selftest)
            },
        };
        let now = now();
        let agreements = app
            .state
            .with_untracked(|s| s.agreements.as_ref().map(|a| a.agreements.clone()));
        let text = app
            .state
            .with_untracked(|s| export(s, agreements.as_ref(), &choices, now));
        let name = file_name(&alias.get_untracked(), now.date());
        if pass.is_empty() {
            browser::download(&name, "application/json", &text);
            status.set(Some((true, i18n::text(language, "share.saved").to_owned())));
            return;
        }
        status.set(Some((
            true,
            i18n::text(language, "share.encrypting").to_owned(),
        )));
        spawn_local(async move {
            match browser::sealed(text, &pass, language).await {
                Ok(sealed) => {
                    browser::download(&name, "application/json", &sealed);
                    status.set(Some((
                        true,
                        i18n::text(language, "share.saved_encrypted").to_owned(),
                    )));
                }
                Err(message) => status.set(Some((false, message))),
            }
        });
    };
    let section_row = move |section: Section| {
        let id = format!("share-{}", section.key());
        let contents = move || {
            app.state.with(|s| {
                let profile = ProfileChoices {
                    alias: None,
                    age_band: age_band.get(),
                    postcode: postcode.get(),
                };
                section_contents(s, section, &profile, app.language())
            })
        };
        let for_label = id.clone();
        view! {
            {move || contents().map(|text| {
                let id = id.clone();
                let for_label = for_label.clone();
                view! {
                    <div class="option share-section">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || chosen.with(|c| c.contains(&section))
                            on:change=move |_| chosen.update(|c| {
                                if !c.remove(&section) {
                                    c.insert(section);
                                }
                            })/>
                        <label for=for_label>
                            <span><strong>{section.label(app.language())}</strong><br/>
                                <span class="hint">{text}</span></span>
                        </label>
                    </div>
                }
            })}
        }
    };
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{move || app.t("share.export_title")}</h2>
            <p>{move || app.t("share.export_intro")}</p>
            <fieldset class="field">
                <legend>{move || app.t("share.sections")}</legend>
                {section_row(Section::Profile)}
                <Show when=move || chosen.with(|c| c.contains(&Section::Profile))>
                    <div class="field indent">
                        <label for="share-alias">{move || app.t("share.alias")}</label>
                        <input id="share-alias" type="text" autocomplete="nickname" maxlength="100"
                            prop:value=move || alias.get()
                            on:input=move |e| alias.set(event_target_value(&e))/>
                    </div>
                </Show>
                {section_row(Section::Selftest)}
                <Show when=move || has_private() && chosen.with(|c| c.contains(&Section::Selftest))>
                    <div class="option indent">
                        <input type="checkbox" id="share-private" prop:checked=move || private_too.get()
                            on:change=move |_| private_too.update(|v| *v = !*v)/>
                        <label for="share-private">{move || app.t("share.private")}</label>
                    </div>
                </Show>
                {section_row(Section::Competences)}
                {section_row(Section::Vacancies)}
                {section_row(Section::Activities)}
                {section_row(Section::Agreements)}
            </fieldset>
            // Age and postcode are asked once, for the whole file: unticked, they are in no
            // section at all (the section texts above say so).
            <Show when=move || chosen.with(|c| c.contains(&Section::Profile) || c.contains(&Section::Selftest))>
                <fieldset class="field">
                    <legend>{move || app.t("share.age_postcode")}</legend>
                    <div class="option">
                        <input type="checkbox" id="share-age" prop:checked=move || age_band.get()
                            on:change=move |_| age_band.update(|v| *v = !*v)/>
                        <label for="share-age">{move || app.t("share.age")}</label>
                    </div>
                    <div class="option">
                        <input type="checkbox" id="share-postcode" prop:checked=move || postcode.get()
                            on:change=move |_| postcode.update(|v| *v = !*v)/>
                        <label for="share-postcode">{move || app.t("share.postcode")}</label>
                    </div>
                </fieldset>
            </Show>
            <fieldset class="field">
                <legend>{move || app.t("share.pass_title")}</legend>
                <p class="hint">{move || app.t("share.pass_hint")}</p>
                <label for="share-pass">{move || app.t("share.pass")}</label>
                <input id="share-pass" type="password" autocomplete="new-password"
                    prop:value=move || passphrase.get() on:input=move |e| passphrase.set(event_target_value(&e))/>
                <label for="share-pass-again">{move || app.t("share.pass_again")}</label>
                <input id="share-pass-again" type="password" autocomplete="new-password"
                    prop:value=move || again.get() on:input=move |e| again.set(event_target_value(&e))/>
            </fieldset>
            <button type="button" class="button primary" on:click=save>{move || app.t("share.save")}</button>
            <p role="status" class=move || if status.get().is_some_and(|(ok, _)| !ok) { "error" } else { "done" }>
                {move || status.get().map(|(_, text)| text)}
            </p>
        </section>
    }
}

/// What an opened file is, and what the job seeker may do with it.
#[derive(Clone, PartialEq)]
enum Opened {
    None,
    /// Encrypted: the bytes wait for the passphrase.
    Locked(Vec<u8>),
    Own(Box<Portfolio>, Preview),
    Reply(Box<Portfolio>, Preview),
    Refused(String),
    Done(String),
}

fn classify(portfolio: Portfolio, from_file: Option<Preview>) -> Opened {
    let preview = from_file.unwrap_or_else(|| preview(&portfolio));
    if preview.is_coach_reply() {
        Opened::Reply(Box::new(portfolio), preview)
    } else {
        Opened::Own(Box::new(portfolio), preview)
    }
}

fn refusal(error: &PortfolioError, language: Language) -> Opened {
    Opened::Refused(error.message(language))
}

#[component]
fn ImportCard() -> impl IntoView {
    let app = use_app();
    let opened = RwSignal::new(Opened::None);
    let passphrase = RwSignal::new(String::new());
    let unlock_error = RwSignal::new(None::<String>);
    let backups = RwSignal::new(load_backups(app));
    let on_file = move |event: leptos::ev::Event| {
        let Some(file) = browser::picked_files(&event).into_iter().next() else {
            return;
        };
        spawn_local(async move {
            let language = app.language();
            let Some(bytes) = browser::read_file(&file).await else {
                opened.set(Opened::Refused(
                    i18n::text(language, "share.unreadable").to_owned(),
                ));
                return;
            };
            unlock_error.set(None);
            opened.set(match inspect(&bytes) {
                Ok(Inspected::Plain { preview, portfolio }) => classify(*portfolio, Some(preview)),
                Ok(Inspected::Encrypted) => Opened::Locked(bytes),
                Err(error) => refusal(&error, language),
            });
        });
    };
    let unlock = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Opened::Locked(bytes) = opened.get_untracked() else {
            return;
        };
        let language = app.language();
        let pass = passphrase.get_untracked();
        spawn_local(async move {
            browser::yield_to_browser().await;
            match open(&bytes, Some(&pass)) {
                Ok(portfolio) => opened.set(classify(portfolio, None)),
                Err(PortfolioError::WrongPassphrase) => {
                    // The file stays open for another try.
                    passphrase.set(String::new());
                    unlock_error.set(Some(PortfolioError::WrongPassphrase.message(language)));
                }
                Err(error) => opened.set(refusal(&error, language)),
            }
        });
    };
    let replace = move |portfolio: Portfolio| {
        let language = app.language();
        // The current work map joins the list of backups; the new list is stored before
        // anything is replaced, so the current work map is never lost.
        let taken = app.state.with_untracked(|current| {
            take_in_file(
                current,
                &backups.get_untracked(),
                &portfolio,
                app.content,
                now(),
            )
        });
        let Some(taken) = taken.ok().filter(|t| {
            app.save_document(BACKUPS_DOCUMENT, &t.backups.to_json())
                .is_ok()
        }) else {
            opened.set(Opened::Refused(
                i18n::text(language, "share.no_backup").to_owned(),
            ));
            return;
        };
        // The one backup of an older version is in the list now.
        app.remove_document(OLD_BACKUP_DOCUMENT);
        backups.set(taken.backups);
        app.state.set(taken.state);
        let names: Vec<&str> = taken.replaced.iter().map(|s| s.label(language)).collect();
        opened.set(Opened::Done(i18n::format(
            language,
            "share.replaced",
            &[("sections", &names.join(", "))],
        )));
    };
    let take_reply = move |portfolio: Portfolio| {
        let language = app.language();
        let mut state = app.state.get_untracked();
        match take_coach_reply(&mut state, &portfolio, now()) {
            MergeOutcome::Updated { .. } => {
                app.state.set(state);
                opened.set(Opened::Done(
                    i18n::text(language, "share.reply_taken").to_owned(),
                ));
            }
            MergeOutcome::Older { replied_at } => opened.set(Opened::Refused(i18n::format(
                language,
                "share.reply_older",
                &[("date", &format_date(replied_at.date(), language))],
            ))),
            MergeOutcome::NoAgreements => opened.set(Opened::Refused(
                i18n::text(language, "share.reply_none").to_owned(),
            )),
            MergeOutcome::FromTheFuture { replied_at } => {
                opened.set(Opened::Refused(i18n::format(
                    language,
                    "share.reply_future",
                    &[("date", &format_date(replied_at.date(), language))],
                )))
            }
        }
    };
    let restore = move |index: usize| {
        let language = app.language();
        let mut list = backups.get_untracked();
        let Some(which) = list.items.get(index).map(|b| b.describe(language)) else {
            return;
        };
        let back = app
            .state
            .with_untracked(|current| list.bring_back(index, current, now()));
        match back {
            Ok(previous) => {
                if app
                    .save_document(BACKUPS_DOCUMENT, &list.to_json())
                    .is_err()
                {
                    opened.set(Opened::Refused(
                        i18n::text(language, "share.no_backup").to_owned(),
                    ));
                    return;
                }
                backups.set(list);
                app.state.set(previous);
                opened.set(Opened::Done(i18n::format(
                    language,
                    "share.restored",
                    &[("backup", &which)],
                )));
            }
            Err(_) => opened.set(Opened::Refused(
                i18n::text(language, "share.backup_damaged").to_owned(),
            )),
        }
    };
    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">{move || app.t("share.import_title")}</h2>
            <p>{move || app.t("share.import_intro")}</p>
            <label for="share-file">{move || app.t("share.pick")}</label>
            <input id="share-file" type="file" accept=".json,application/json" on:change=on_file/>
            <div role="status" aria-live="polite">{move || {
                let language = app.language();
                match opened.get() {
                    Opened::None => ().into_any(),
                    Opened::Locked(_) => view! {
                        <form class="field" on:submit=unlock>
                            <p>{i18n::text(language, "share.locked")}</p>
                            <label for="share-unlock">{i18n::text(language, "share.pass")}</label>
                            <input id="share-unlock" type="password" autocomplete="off"
                                prop:value=move || passphrase.get() on:input=move |e| passphrase.set(event_target_value(&e))/>
                            <button type="submit" class="button primary">{i18n::text(language, "share.unlock")}</button>
                            <p class="error">{move || unlock_error.get()}</p>
                        </form>
                    }.into_any(),
                    Opened::Own(portfolio, preview) => {
                        let portfolio = *portfolio;
                        import_choice(
                            i18n::text(language, "share.own_file").to_owned(),
                            &preview,
                            ("share.replace_warning", "share.replace"),
                            move || replace(portfolio.clone()),
                            move || opened.set(Opened::None),
                            language,
                        )
                    }
                    Opened::Reply(portfolio, preview) => {
                        let count = portfolio.agreements.as_ref().map_or(0, |a| a.items.len());
                        let portfolio = *portfolio;
                        import_choice(
                            i18n::plural(language, "share.reply_file", count, &[]),
                            &preview,
                            ("share.reply_only", "share.take_reply"),
                            move || take_reply(portfolio.clone()),
                            move || opened.set(Opened::None),
                            language,
                        )
                    }
                    Opened::Refused(message) => view! { <p class="error">{message}</p> }.into_any(),
                    Opened::Done(message) => view! { <p class="done">{message}</p> }.into_any(),
                }
            }}</div>
            <Show when=move || backups.with(|b| !b.items.is_empty())>
                <h3>{move || app.t("share.backups_title")}</h3>
                <p class="hint">{move || app.t("share.backup_kept")}</p>
                <ul class="backups">{move || {
                    let language = app.language();
                    backups.with(|b| {
                        b.items
                            .iter()
                            .enumerate()
                            .rev()
                            .map(|(index, backup)| view! {
                                <li>
                                    <span>{backup.describe(language)}</span>" "
                                    <button type="button" class="button" on:click=move |_| restore(index)>
                                        {i18n::text(language, "share.restore")}
                                    </button>
                                </li>
                            })
                            .collect_view()
                    })
                }}</ul>
            </Show>
        </section>
    }
}

/// The agreements with the coach, from the last reply taken in.
/// An opened file before it is taken in: whose it is and what it holds, what taking it in
/// does (`texts.0`), and the choice to do it (`texts.1`) or not.
fn import_choice(
    title: String,
    preview: &Preview,
    texts: (&'static str, &'static str),
    on_confirm: impl Fn() + 'static,
    on_cancel: impl Fn() + 'static,
    language: Language,
) -> AnyView {
    let (explanation, confirm) = texts;
    view! {
        <p><strong>{title}</strong></p>
        {preview_list(preview, language)}
        <p>{i18n::text(language, explanation)}</p>
        <div class="actions">
            <button type="button" class="button primary" on:click=move |_| on_confirm()>
                {i18n::text(language, confirm)}
            </button>
            <button type="button" class="button" on:click=move |_| on_cancel()>
                {i18n::text(language, "share.cancel")}
            </button>
        </div>
    }
    .into_any()
}

fn preview_list(preview: &Preview, language: Language) -> impl IntoView {
    let whose = preview
        .whose
        .clone()
        .unwrap_or_else(|| i18n::text(language, "share.no_name").to_owned());
    let sections: Vec<&str> = preview.sections.iter().map(|s| s.label(language)).collect();
    // A reply is from the coach, for the job seeker (whose alias it carries).
    let from = preview.is_coach_reply().then(|| {
        preview
            .coach
            .clone()
            .unwrap_or_else(|| i18n::text(language, "share.your_coach").to_owned())
    });
    view! {
        <dl class="facts-list preview">
            {match from {
                Some(coach) => view! {
                    <dt>{i18n::text(language, "share.from_coach")}</dt><dd>{coach}</dd>
                    <dt>{i18n::text(language, "share.for_whom")}</dt><dd>{whose}</dd>
                }.into_any(),
                None => view! { <dt>{i18n::text(language, "share.whose")}</dt><dd>{whose}</dd> }.into_any(),
            }}
            <dt>{i18n::text(language, "share.started")}</dt><dd>{format_date(preview.created.date(), language)}</dd>
            <dt>{i18n::text(language, "share.written")}</dt><dd>{format_date(preview.modified.date(), language)}</dd>
            <dt>{i18n::text(language, "share.holds")}</dt><dd>{sections.join(", ")}</dd>
        </dl>
    }
}

#[component]
fn AgreementsCard() -> impl IntoView {
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

#[component]
fn CvForm() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let city = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let download = move |_| {
        let choices = CvChoices {
            name: name.get_untracked(),
            city: Some(city.get_untracked()),
            email: Some(email.get_untracked()),
            phone: Some(phone.get_untracked()),
        };
        let now = now();
        let cv = app
            .state
            .with_untracked(|s| json_resume(s, app.content, &choices, app.language(), now));
        let text = serde_json::to_string_pretty(&cv).unwrap_or_default();
        browser::download(
            &format!("cv-{}.json", now.date()),
            "application/json",
            &text,
        );
    };
    let field = move |id: &'static str,
                      key: &'static str,
                      kind: &'static str,
                      signal: RwSignal<String>,
                      auto: &'static str| {
        view! {
            <div class="field">
                <label for=id>{move || app.t(key)}</label>
                <input id=id type=kind autocomplete=auto prop:value=move || signal.get()
                    on:input=move |e| signal.set(event_target_value(&e))/>
            </div>
        }
    };
    view! {
        <h3>{move || app.t("share.cv_title")}</h3>
        <p>{move || app.t("share.cv_intro")}</p>
        {field("cv-name", "share.cv_name", "text", name, "name")}
        {field("cv-city", "share.cv_city", "text", city, "address-level2")}
        {field("cv-email", "share.cv_email", "email", email, "email")}
        {field("cv-phone", "share.cv_phone", "tel", phone, "tel")}
        <button type="button" class="button" on:click=download>{move || app.t("share.cv_download")}</button>
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
