//! Vacancies: the job seeker's wishes, the ten vacancies that fit best with the parts of
//! their score, "wat als", "net niet" with the wishes each one misses, one vacancy's detail,
//! and importing a vacancy feed. Every number and every reason comes from `core::matching`.

pub mod data;
mod detail;
mod feed_import;
mod list;
pub mod published;
mod wishes;

pub use detail::VacancyRoute;
pub use feed_import::FeedImport;
use list::{MatchList, NearMisses, WhatIfSection};
use wishes::WishesPanel;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::matching::{overview, Filter, Overview, RankQuery, Seeker, SortBy};
use crate::core::text::Language;
use crate::core::vacancy::ContractKind;

use super::state::{now, use_app, AppContext};

/// How many vacancies the list shows.
pub const TOP: usize = 10;
/// How many "net niet" vacancies are shown.
const NEAR_MISSES: usize = 5;
/// Travel distances offered, in km.
const DISTANCES: [u16; 11] = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150];

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
    let interests = app.interests;
    crate::ui::vacancies::published::use_published_area(app);
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
        <crate::ui::vacancies::published::FeedSource/>
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
