//! The Leptos web UI: screens render state from `core` and send intents to [`state::AppContext`].
//! No scoring or storage rules live here.

pub mod activities;
#[cfg(feature = "bench")]
pub mod bench;
#[cfg(feature = "bench")]
pub mod bench_matching;
pub mod coach;
pub mod competences;
pub mod history;
pub mod home;
pub mod interests;
pub mod kiosk;
pub mod occupations;
pub mod platform;
pub mod portfolio;
pub mod result;
pub mod selftest;
pub mod staff;
pub mod state;
pub mod vacancies;
pub mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::core::content::Content;
use crate::core::storage::KeyValueStore;
use crate::core::text::Language;
use state::{use_app, AppContext, Notice};

/// The bundled content, or a plain message when it is broken (a bug caught by the tests;
/// never a blank page).
fn with_content(build: impl FnOnce(&'static Content) -> AnyView) -> AnyView {
    match Content::bundled() {
        // The content lives as long as the page.
        Ok(content) => build(Box::leak(Box::new(content))),
        Err(error) => {
            leptos::logging::error!("bundled content is broken: {error}");
            view! {
                <main id="inhoud">
                    <h1>"Werkmap"</h1>
                    <p role="alert">
                        "Er ging iets mis in de app. Probeer het later opnieuw. / "
                        "Something went wrong in the app. Please try again later."
                    </p>
                </main>
            }
            .into_any()
        }
    }
}

/// The job seeker's app at home, with browser storage (`index.html`).
#[component]
pub fn App() -> impl IntoView {
    with_content(|content| {
        let store: Box<dyn KeyValueStore> =
            Box::new(platform::browser_store::BrowserStore::local());
        AppContext::provide(content, store, state::HOME_NAMESPACE);
        platform::offline::register_service_worker();
        view! { <Shell/> }.into_any()
    })
}

/// Kiosk mode (`kiosk.html`, served for `/kiosk…`): its own, smaller bundle, because a
/// kiosk's slow CPU pays for every byte at start.
#[component]
pub fn KioskRoot() -> impl IntoView {
    with_content(|content| view! { <kiosk::KioskApp content=content/> }.into_any())
}

/// Coach mode (`coach.html`, served for `/coach…`): its own bundle, so job seekers do not
/// download the coach's screens.
#[component]
pub fn CoachRoot() -> impl IntoView {
    with_content(|content| {
        platform::offline::register_service_worker();
        view! { <coach::CoachApp content=content/> }.into_any()
    })
}

/// Header, navigation, storage notice and the routed screens.
/// Keeps `<html lang>` and the page title (`title_key`) in step with the chosen language
/// (screen readers and read-aloud pick their voice from it): one effect for every frame.
pub(crate) fn follow_language(app: AppContext, title_key: &'static str) {
    Effect::new(move |_| {
        let language = app.language();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", language.code());
        }
        document().set_title(app.t(title_key));
    });
}

#[component]
pub fn Shell() -> impl IntoView {
    let app = use_app();
    follow_language(app, "app.title");

    view! {
        <Router>
            <a class="skip-link" href="#inhoud">{move || app.t("nav.skip")}</a>
            <AppHeader/>
            <StorageNotice/>
            <main id="inhoud" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=home::HomeScreen/>
                    <Route path=path!("/zelftest") view=selftest::SelfTestStart/>
                    <Route path=path!("/zelftest/:topic") view=selftest::TopicRoute/>
                    <Route path=path!("/zelftest/:topic/:page") view=selftest::TopicRoute/>
                    <Route path=path!("/uitslag") view=result::ResultScreen/>
                    <Route path=path!("/geschiedenis") view=history::HistoryScreen/>
                    <Route path=path!("/competenties") view=competences::CompetenceStart/>
                    <Route path=path!("/competenties/:page") view=competences::CompetencePageRoute/>
                    <Route path=path!("/interesses/:page") view=interests::InterestPageRoute/>
                    <Route path=path!("/beroepen") view=occupations::OccupationsScreen/>
                    <Route path=path!("/beroepen/zoeken") view=occupations::SearchScreen/>
                    <Route path=path!("/beroepen/:id") view=occupations::OccupationRoute/>
                    <Route path=path!("/vacatures") view=vacancies::VacanciesScreen/>
                    <Route path=path!("/vacatures/:id") view=vacancies::VacancyRoute/>
                    <Route path=path!("/activiteiten") view=activities::ActivitiesScreen/>
                    <Route path=path!("/mijn-werkmap") view=portfolio::PortfolioScreen/>
                    <Route path=path!("/samenvatting") view=portfolio::SummaryScreen/>
                    <Route path=path!("/beheer") view=staff::StaffScreen/>
                </Routes>
            </main>
            <footer class="app-footer">
                <p>{move || app.t("footer.privacy")}</p>
                <p><A href="/beheer" attr:class="standalone">{move || app.t("staff.link")}</A></p>
            </footer>
        </Router>
    }
}

/// The app's header: one compact bar on a phone (name, menu button, language), the menu
/// opened by the button; on a wide screen the menu is always shown in the bar.
#[component]
fn AppHeader() -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    // Going somewhere closes the menu, so the new screen is not hidden behind it.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        open.set(false);
    });
    let links: [(&'static str, &'static str); 8] = [
        ("/zelftest", "nav.selftest"),
        ("/uitslag", "nav.result"),
        ("/geschiedenis", "nav.history"),
        ("/competenties", "nav.competences"),
        ("/beroepen", "nav.occupations"),
        ("/vacatures", "nav.vacancies"),
        ("/activiteiten", "nav.activities"),
        ("/mijn-werkmap", "nav.share"),
    ];
    view! {
        <header class="app-header" class:menu-open=move || open.get()>
            <A href="/" attr:class="brand">{move || app.t("app.name")}</A>
            <button
                type="button"
                class="menu-button"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="hoofdmenu"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                    <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>
                </svg>
                {move || app.t("nav.menu")}
            </button>
            <LanguageSwitch/>
            <nav id="hoofdmenu" aria-label=move || app.t("nav.label")>
                <ul>
                    {links.into_iter().map(|(href, key)| view! {
                        <li><A href=href>{move || app.t(key)}</A></li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}

#[component]
pub(crate) fn LanguageSwitch() -> impl IntoView {
    let app = use_app();
    // The button offers the other language, named in that language.
    let other = move || match app.language() {
        Language::Nl => Language::En,
        Language::En => Language::Nl,
    };
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || other().code()
            on:click=move |_| app.set_language(other())
        >
            {move || match other() {
                Language::Nl => "Nederlands",
                Language::En => "English",
            }}
        </button>
    }
}

#[component]
fn StorageNotice() -> impl IntoView {
    let app = use_app();
    move || {
        app.notice.get().map(|notice| {
            let (message, action): (&'static str, &'static str) = match notice {
                Notice::Recovered {
                    newer_version: true,
                    kept: true,
                } => ("notice.newer_kept", "notice.ok"),
                Notice::Recovered { kept: true, .. } => ("notice.damaged_kept", "notice.ok"),
                Notice::Recovered { kept: false, .. } => {
                    ("notice.damaged_not_kept", "notice.start_fresh")
                }
                Notice::Unavailable => ("notice.unavailable", "notice.ok"),
                Notice::SaveFailed { .. } => ("notice.save_failed", "notice.ok"),
            };
            view! {
                <div class="notice" role="alert">
                    <p>{app.t(message)}</p>
                    <button type="button" on:click=move |_| app.accept_fresh_start()>
                        {app.t(action)}
                    </button>
                </div>
            }
        })
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>{move || app.t("notfound.title")}</h1>
        <p><A href="/" attr:class="standalone">{move || app.t("notfound.home")}</A></p>
    }
}
