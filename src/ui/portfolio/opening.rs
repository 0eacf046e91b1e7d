//! Opening a file (one's own, or a coach's reply) with a preview and a confirmation, and the
//! kept backups (`core::portfolio::backups`) with a way back.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::i18n;
use crate::core::portfolio::{
    inspect, open, preview, take_coach_reply, take_in_file, Inspected, MergeOutcome, Portfolio,
    PortfolioError, Preview,
};
use crate::core::text::{format_date, Language};

use crate::ui::platform::browser;
use crate::ui::state::{now, use_app};

use crate::core::portfolio::backups::{
    Backups, BACKUPS_DOCUMENT, DAMAGED_BACKUPS_DOCUMENT, OLD_BACKUP_DOCUMENT,
};

/// The kept work maps; a list that cannot be read is copied aside (never overwritten) and a
/// new one starts.
fn load_backups(app: crate::ui::state::AppContext) -> Backups {
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
pub(super) fn ImportCard() -> impl IntoView {
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
