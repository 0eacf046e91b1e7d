//! Kiosk mode for a shared touch screen at a jongerenloket (`/kiosk`): everything lives in
//! memory, nothing is written to any browser storage, and after inactivity (or "Klaar — wis
//! alles") the page is reloaded from scratch so no answer survives in memory, in the DOM or
//! behind the back button.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::core::content::Content;
use crate::core::handoff::{qr_svg, summary_text, vacancy_reference, MAX_VACANCIES};
use crate::core::i18n;
use crate::core::kiosk::{describe_wait, KioskConfig, KioskConfigError, PinGuard};
use crate::core::matching::{format_km, is_youth, Overview, RankQuery};
use crate::core::selftest::ids;
use crate::core::storage::{KeyValueStore, MemoryStore};

use super::platform::{browser, offline, speech};
use super::result::{ResultView, WhenAnswered};
use super::selftest::{SelfTestStart, TopicRoute};
use super::state::{use_app, AppContext};
use super::vacancies::{use_overview, SharedOverview};
use super::LanguageSwitch;

pub const KIOSK_BASE: &str = "/kiosk";
const KIOSK_NAMESPACE: &str = "werkmap.kiosk";

#[derive(Clone, Copy)]
struct KioskContext {
    config: RwSignal<KioskConfig>,
    /// Why kiosk.json could not be used, for the staff screen.
    config_error: RwSignal<Option<KioskConfigError>>,
    /// Growing waits after wrong PINs (memory only, like everything in kiosk mode).
    guard: RwSignal<PinGuard>,
}

/// The whole app in kiosk mode.
#[component]
pub fn KioskApp(content: &'static Content) -> impl IntoView {
    // Memory only: the store is dropped with the page, and the page is reloaded on a wipe.
    let store: Box<dyn KeyValueStore> = Box::new(Rc::new(MemoryStore::new()));
    AppContext::provide_with_base(content, store, KIOSK_NAMESPACE, KIOSK_BASE);
    let config = RwSignal::new(KioskConfig::default());
    let config_error = RwSignal::new(None);
    provide_context(KioskContext {
        config,
        config_error,
        guard: RwSignal::new(PinGuard::default()),
    });
    load_config(config, config_error);
    offline::register_service_worker();
    if let Some(body) = document().body() {
        let _ = body.class_list().add_1("kiosk");
    }
    view! { <KioskShell/> }
}

fn load_config(config: RwSignal<KioskConfig>, config_error: RwSignal<Option<KioskConfigError>>) {
    leptos::task::spawn_local(async move {
        let Some(text) = browser::fetch_text("/kiosk.json").await else {
            return;
        };
        match KioskConfig::parse(&text) {
            Ok(loaded) => config.set(loaded),
            // A broken file keeps the safe defaults (and no way out without a valid PIN);
            // the staff screen says why.
            Err(error) => {
                leptos::logging::warn!("{error}");
                config_error.set(Some(error));
            }
        }
    });
}

/// Starts over: a fresh page at the kiosk's start screen, replacing the current history
/// entry, so nothing of the previous visitor is left in memory or on screen.
fn wipe() {
    speech::stop();
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(KIOSK_BASE);
    }
}

#[component]
fn KioskShell() -> impl IntoView {
    let app = use_app();
    crate::ui::follow_language(app, "app.title");
    view! {
        <Router>
            <a class="skip-link" href="#inhoud">{move || app.t("nav.skip")}</a>
            <header class="app-header">
                <A href=KIOSK_BASE attr:class="brand">{move || app.t("app.name")}</A>
                <LanguageSwitch/>
                <button type="button" class="button danger done-button" on:click=move |_| wipe()>
                    {move || app.t("kiosk.done")}
                </button>
            </header>
            <InactivityGuard/>
            <main id="inhoud" tabindex="-1">
                <Routes fallback=KioskStart>
                    <Route path=path!("/kiosk") view=KioskStart/>
                    <Route path=path!("/kiosk/zelftest") view=SelfTestStart/>
                    <Route path=path!("/kiosk/zelftest/:topic") view=TopicRoute/>
                    <Route path=path!("/kiosk/zelftest/:topic/:page") view=TopicRoute/>
                    <Route path=path!("/kiosk/uitslag") view=KioskResult/>
                    <Route path=path!("/kiosk/personeel") view=StaffExit/>
                </Routes>
            </main>
            <footer class="app-footer">
                <p>{move || app.t("kiosk.privacy")}</p>
                <p><A href="/kiosk/personeel" attr:class="staff-link">{move || app.t("kiosk.staff")}</A></p>
            </footer>
        </Router>
    }
}

#[component]
fn KioskStart() -> impl IntoView {
    let app = use_app();
    let minutes = move || {
        let minutes = use_context::<KioskContext>().map_or_else(
            || KioskConfig::default().inactivity_minutes(),
            |k| k.config.get().inactivity_minutes(),
        );
        minutes as usize
    };
    let first_topic = app.href(&format!(
        "/zelftest/{}",
        app.selftest
            .questionnaire
            .topics
            .first()
            .map_or("", |t| t.id.as_str())
    ));
    let steps = [
        ("kiosk.step_questions", "kiosk.step_questions_more"),
        ("kiosk.step_result", "kiosk.step_result_more"),
        ("kiosk.step_take_home", "kiosk.step_take_home_more"),
    ];
    view! {
        <div class="kiosk-start">
            <h1>{move || app.t("kiosk.title")}</h1>
            <p class="lead">{move || app.t("kiosk.intro")}</p>
            <ol class="kiosk-steps">
                {steps.into_iter().map(|(title, more)| view! {
                    <li>
                        <strong>{move || app.t(title)}</strong>
                        <span>{move || app.t(more)}</span>
                    </li>
                }).collect_view()}
            </ol>
            <A href=first_topic attr:class="button primary huge" attr:data-primary="true">{move || app.t("home.start")}</A>
            <p class="kiosk-privacy">{move || i18n::plural(app.language(), "kiosk.wipe_info", minutes(), &[])}</p>
        </div>
    }
}

#[component]
fn KioskResult() -> impl IntoView {
    view! { <WhenAnswered><KioskResultBody/></WhenAnswered> }
}

/// The result with the kiosk's vacancies and hand-off: one match overview, worked out once
/// and shared by the three (the result's job supply included).
#[component]
fn KioskResultBody() -> impl IntoView {
    let app = use_app();
    let overview = use_kiosk_overview(app);
    provide_context(SharedOverview(overview));
    view! {
        <ResultView/>
        <KioskVacancies overview/>
        <HandOff overview/>
    }
}

/// The vacancies of the kiosk: the best five near the visitor's postcode, learn-and-work
/// first for young people (the jongerenladder puts a diploma before work).
fn use_kiosk_overview(app: AppContext) -> Memo<Option<std::sync::Arc<Overview>>> {
    let query = Signal::derive(move || RankQuery {
        top: MAX_VACANCIES,
        learning_first: app
            .state
            .with(|s| is_youth(&app.content.matching, &s.answers)),
        ..RankQuery::default()
    });
    use_overview(app, query, 0)
}

#[component]
fn KioskVacancies(overview: Memo<Option<std::sync::Arc<Overview>>>) -> impl IntoView {
    let app = use_app();
    use_desk_area(app);
    move || {
        let language = app.language();
        let data = app.vacancy_data();
        let overview = overview.get();
        let youth = app
            .state
            .with(|s| is_youth(&app.content.matching, &s.answers));
        let (Some(data), Some(overview)) = (data, overview) else {
            return view! {
                <section class="card" aria-labelledby="kiosk-vacancies-title">
                    <h2 id="kiosk-vacancies-title">{i18n::text(language, "kiosk.vacancies")}</h2>
                    <p role="status">{i18n::text(language, if app.vacancies_failed() { "vacancies.load_failed" } else { "vacancies.loading" })}</p>
                </section>
            }
            .into_any();
        };
        let items = overview
            .top
            .iter()
            .filter_map(|(ranked, _)| {
                let v = data.pool.get(ranked.index)?;
                let distance = ranked
                    .distance_km
                    .map(|km| format!(" ({} km)", format_km(km)))
                    .unwrap_or_default();
                let line = format!(
                    "{} · {}{distance} · {}",
                    v.employer,
                    v.place.clone().unwrap_or_default(),
                    v.contract.label().get(language)
                );
                let title = v.title.clone();
                Some(view! {
                    <li>
                        <p><strong>{title}</strong></p>
                        <p class="meta">{line}</p>
                        <p>{i18n::format(language, "vacancies.score", &[("score", &ranked.score.to_string())])}</p>
                    </li>
                })
            })
            .collect_view();
        view! {
            <section class="card" aria-labelledby="kiosk-vacancies-title">
                <h2 id="kiosk-vacancies-title">{i18n::text(language, "kiosk.vacancies")}</h2>
                <p>{i18n::text(language, match (youth, data.published.is_some()) {
                    (true, _) => "kiosk.vacancies_youth",
                    (false, false) => "kiosk.vacancies_intro",
                    (false, true) => "kiosk.vacancies_intro_published",
                })}</p>
                <crate::ui::vacancies::published::FeedSource/>
                {if overview.top.is_empty() {
                    view! { <p>{i18n::text(language, "kiosk.vacancies_none")}</p> }.into_any()
                } else {
                    view! { <ol class="findings kiosk-vacancies">{items}</ol> }.into_any()
                }}
            </section>
        }
        .into_any()
    }
}

/// The desk's area (`kiosk.json`) is the visitor's home while they give no postcode.
fn use_desk_area(app: AppContext) {
    let Some(kiosk) = use_context::<KioskContext>() else {
        return;
    };
    Effect::new(move |_| {
        let config = kiosk.config.get();
        let (postcode_given, home) = app.state.with(|s| {
            (
                s.answers.get(ids::POSTCODE).is_some(),
                s.wishes.home.clone(),
            )
        });
        if let Some(change) = config.home_wish_change(postcode_given, home.as_deref()) {
            app.update_wishes(|w| w.home = change);
        }
    });
}

/// Taking the result home: print it (or save it as PDF), or scan a QR code that holds a
/// short summary — shown in words first, so the visitor knows what the code contains.
#[component]
fn HandOff(overview: Memo<Option<std::sync::Arc<Overview>>>) -> impl IntoView {
    let app = use_app();
    let show_text = RwSignal::new(false);
    let show_code = RwSignal::new(false);
    let summary = Memo::new(move |_| {
        let language = app.language();
        let vacancies: Vec<String> = match (app.vacancy_data(), overview.get()) {
            (Some(data), Some(overview)) => overview
                .top
                .iter()
                .filter_map(|(r, _)| data.pool.get(r.index).map(vacancy_reference))
                .collect(),
            _ => Vec::new(),
        };
        let result = app.selftest_result.get();
        app.state.with(|s| {
            let competences = (!s.competences.ratings().is_empty())
                .then_some((&app.content.competences, &s.competences));
            summary_text(
                &result,
                competences,
                &[],
                &vacancies,
                super::state::now().date(),
                language,
            )
        })
    });
    let settled = move || overview.with(Option::is_some) || app.vacancies_failed();
    let qr_image = move || {
        qr_svg(&summary.get()).ok().map(|image| {
            // Our own SVG (squares only), as an image: no markup is inserted into the page.
            let src = format!(
                "data:image/svg+xml;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&image.svg))
            );
            (src, image.pixels.to_string())
        })
    };
    view! {
        <section class="card handoff" aria-labelledby="handoff-title">
            <h2 id="handoff-title">{move || app.t("kiosk.handoff")}</h2>
            <p>{move || app.t("kiosk.handoff_intro")}</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                }>{move || app.t("kiosk.print")}</button>
                <button type="button" class="button primary" on:click=move |_| show_text.set(true)>
                    {move || app.t("kiosk.qr")}
                </button>
            </div>
            // A shared screen keeps no files: a download would stay in its downloads folder
            // for the next visitor, where "wis alles" cannot reach it.
            <p class="hint">{move || app.t("kiosk.no_files")}</p>
            // The text is shown once the vacancies are in (or could not be fetched), so what
            // the visitor reads is what the code will hold.
            <Show when=move || show_text.get() && !settled()>
                <p role="status">{move || app.t("vacancies.loading")}</p>
            </Show>
            <Show when=move || show_text.get() && settled()>
                <p>{move || app.t("kiosk.qr_contains")}</p>
                <pre class="qr-text" id="qr-text">{move || summary.get()}</pre>
                <p>{move || app.t("kiosk.qr_private")}</p>
                <button type="button" class="button primary" on:click=move |_| show_code.set(true)>
                    {move || app.t("kiosk.qr_show")}
                </button>
            </Show>
            <Show when=move || show_code.get()>
                <QrDialog image=qr_image close=move || show_code.set(false)/>
            </Show>
        </section>
    }
}

/// The QR code over the whole screen, so it is in view without scrolling and large enough
/// for a phone camera; "Sluit" goes back.
#[component]
fn QrDialog(
    image: impl Fn() -> Option<(String, String)> + Send + Sync + 'static,
    close: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let app = use_app();
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_button.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="qr-title">
            <div class="overlay-box qr-box">
                <h2 id="qr-title">{move || app.t("kiosk.qr_scan")}</h2>
                {move || match image() {
                    Some((src, pixels)) => view! {
                        <img class="qr" src=src width=pixels.clone() height=pixels alt=app.t("kiosk.qr_alt")/>
                    }.into_any(),
                    None => view! { <p class="error">{app.t("kiosk.qr_too_long")}</p> }.into_any(),
                }}
                <button type="button" class="button big" node_ref=close_button on:click=move |_| close()>
                    {move || app.t("kiosk.qr_close")}
                </button>
            </div>
        </div>
    }
}

/// "Ben je er nog?" after inactivity, then a wipe.
#[component]
fn InactivityGuard() -> impl IntoView {
    let app = use_app();
    let kiosk = use_context::<KioskContext>();
    let last_activity = StoredValue::new(js_sys::Date::now());
    let remaining = RwSignal::new(None::<u32>);
    let spoken = StoredValue::new(false);

    let touch = move || {
        last_activity.set_value(js_sys::Date::now());
        if remaining.get_untracked().is_some() {
            remaining.set(None);
        }
    };
    let listeners = [
        window_event_listener(leptos::ev::pointerdown, move |_| touch()),
        window_event_listener(leptos::ev::keydown, move |_| touch()),
        window_event_listener(leptos::ev::touchstart, move |_| touch()),
        window_event_listener(leptos::ev::input, move |_| touch()),
    ];
    let tick = set_interval_with_handle(
        move || {
            let Some(config) = kiosk.map(|k| k.config.get_untracked()) else {
                return;
            };
            let idle = (js_sys::Date::now() - last_activity.get_value()) / 1000.0;
            let warn_at = f64::from(config.inactivity_seconds);
            let wipe_at = warn_at + f64::from(config.warning_seconds);
            if idle >= wipe_at {
                wipe();
            } else if idle >= warn_at {
                let left = (wipe_at - idle).ceil() as u32;
                if remaining.get_untracked() != Some(left) {
                    remaining.set(Some(left));
                }
                if !spoken.get_value() {
                    spoken.set_value(true);
                    speech::speak(app.t("kiosk.still_there"), app.language());
                }
            } else {
                spoken.set_value(false);
            }
        },
        Duration::from_millis(250),
    );
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
        if let Ok(tick) = tick {
            tick.clear();
        }
    });

    // The warning takes focus, so a keyboard or screen-reader user lands on "Ja, ik ben er nog".
    let stay_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = stay_button.get() {
            let _ = button.focus();
        }
    });
    move || {
        remaining.get().map(|left| {
            view! {
                <div class="inactivity" role="alertdialog" aria-modal="true" aria-labelledby="still-there" aria-describedby="still-there-text">
                    <div class="inactivity-box">
                        <h2 id="still-there">{app.t("kiosk.still_there")}</h2>
                        <p id="still-there-text" aria-live="polite">
                            {i18n::plural(app.language(), "kiosk.countdown", left as usize, &[])}
                        </p>
                        <button type="button" class="button primary big" node_ref=stay_button on:click=move |_| touch()>
                            {app.t("kiosk.yes_here")}
                        </button>
                        <button type="button" class="button danger big" on:click=move |_| wipe()>
                            {app.t("kiosk.done")}
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// Leaving the kiosk: only with the staff PIN whose hash is in kiosk.json, with growing
/// waits after wrong tries (`core::kiosk::PinGuard`).
#[component]
fn StaffExit() -> impl IntoView {
    let app = use_app();
    let kiosk = use_context::<KioskContext>();
    let entered = RwSignal::new(String::new());
    // What to tell after a try: wrong, or wait.
    let told = RwSignal::new(None::<String>);
    let checking = RwSignal::new(false);
    let has_pin = move || kiosk.is_some_and(|k| k.config.with(KioskConfig::has_pin));
    let config_error = move || {
        kiosk
            .and_then(|k| k.config_error.get())
            .map(|e| e.message(app.language()))
    };
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(kiosk) = kiosk else {
            return;
        };
        if checking.get_untracked() {
            return;
        }
        let language = app.language();
        let now_ms = js_sys::Date::now() as u64;
        let wait = kiosk.guard.with_untracked(|g| g.wait_seconds(now_ms));
        if wait > 0 {
            told.set(Some(i18n::format(
                language,
                "kiosk.pin_wait",
                &[("time", &describe_wait(wait, language))],
            )));
            return;
        }
        let pin = entered.get_untracked();
        entered.set(String::new());
        checking.set(true);
        leptos::task::spawn_local(async move {
            // The check takes a moment (a slow hash): paint "checking" first.
            browser::yield_to_browser().await;
            let ok = kiosk.config.with_untracked(|c| c.pin_matches(&pin));
            checking.set(false);
            if ok {
                kiosk.guard.update(PinGuard::succeeded);
                if let Some(window) = web_sys::window() {
                    let _ = window.location().replace("/");
                }
                return;
            }
            let mut wait = 0;
            kiosk
                .guard
                .update(|g| wait = g.failed(js_sys::Date::now() as u64));
            let mut text = i18n::text(language, "kiosk.pin_wrong").to_owned();
            if wait > 0 {
                text.push(' ');
                text.push_str(&i18n::format(
                    language,
                    "kiosk.pin_wait",
                    &[("time", &describe_wait(wait, language))],
                ));
            }
            told.set(Some(text));
        });
    };
    view! {
        <h1>{move || app.t("kiosk.staff_title")}</h1>
        {move || config_error().map(|reason| view! { <p role="alert" class="error">{reason}</p> })}
        <Show when=move || has_pin() && config_error().is_none() fallback=move || view! {
            <Show when=move || config_error().is_none()><p>{move || app.t("kiosk.no_pin")}</p></Show>
        }>
            <form on:submit=submit class="staff-form">
                <label for="staff-pin">{move || app.t("kiosk.pin_label")}</label>
                <input id="staff-pin" type="password" inputmode="numeric" autocomplete="off"
                    prop:value=move || entered.get()
                    on:input=move |event| entered.set(event_target_value(&event))/>
                <button type="submit" class="button primary" prop:disabled=move || checking.get()>{move || app.t("kiosk.leave")}</button>
                <p role="status">{move || checking.get().then(|| app.t("kiosk.pin_checking"))}</p>
                <p role="alert" class="error">{move || told.get()}</p>
            </form>
        </Show>
        <p><A href=KIOSK_BASE attr:class="standalone">{move || app.t("notfound.home")}</A></p>
    }
}
