//! The interest check: "lijkt me leuk?" items, a few per screen.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::competence::{InterestAnswer, InterestItem};
use crate::core::i18n;

use super::selftest::QuestionTools;
use super::state::use_app;
use crate::ui::widgets::paging::{focused_heading, page_count, page_items, use_page_param};

pub const ITEMS_PER_PAGE: usize = 6;
pub const INTEREST_PAGES_HREF: &str = "/interesses/1";

/// `/interesses/:page` (1-based).
#[component]
pub fn InterestPageRoute() -> impl IntoView {
    let app = use_app();
    let pages = page_count(app.content.interests.items.len(), ITEMS_PER_PAGE);
    let page = use_page_param(pages);
    move || {
        match page() {
        Some(page) => view! { <InterestPage page=page/> }.into_any(),
        None => view! {
            <h1>{move || app.t("notfound.title")}</h1>
            <p><A href="/competenties" attr:class="standalone">{move || app.t("competences.title")}</A></p>
        }
        .into_any(),
    }
    }
}

#[component]
pub fn InterestPage(page: usize) -> impl IntoView {
    let app = use_app();
    let all = &app.content.interests.items;
    let pages = page_count(all.len(), ITEMS_PER_PAGE);
    let shown: &'static [InterestItem] = page_items(all, ITEMS_PER_PAGE, page);
    let heading = focused_heading();
    let previous = if page > 1 {
        format!("/interesses/{}", page - 1)
    } else {
        "/competenties".to_owned()
    };
    let next = if page < pages {
        format!("/interesses/{}", page + 1)
    } else {
        "/beroepen".to_owned()
    };
    let next_label = if page < pages {
        "selftest.next"
    } else {
        "interests.to_results"
    };

    view! {
        <div class="progress">
            <p id="progress-label">{move || i18n::format(app.language(), "interests.page_of",
                &[("step", &page.to_string()), ("total", &pages.to_string())])}</p>
            <progress max=pages value=page aria-labelledby="progress-label"></progress>
        </div>
        <h1 node_ref=heading tabindex="-1">{move || app.t("interests.title")}</h1>
        <p class="lead">{move || app.content.interests.question.get(app.language())}</p>
        {shown.iter().map(|item| view! { <InterestView item=item/> }).collect_view()}
        <nav class="step-nav sticky" aria-label=move || app.t("selftest.step_nav")>
            <A href=previous attr:class="button">{move || app.t("selftest.previous")}</A>
            <A href=next attr:class="button primary" attr:data-primary="true">{move || app.t(next_label)}</A>
        </nav>
    }
}

#[component]
fn InterestView(item: &'static InterestItem) -> impl IntoView {
    let app = use_app();
    let iid: &'static str = &item.id;
    let answer = move || app.state.with(|s| s.competences.interest(iid));
    let options = InterestAnswer::ALL
        .iter()
        .map(|choice| {
            let choice = *choice;
            let id = format!("interest-{iid}-{choice:?}").to_lowercase();
            view! {
                <div class="option inline">
                    <input type="radio" id=id.clone() name=format!("interest-{iid}")
                        prop:checked=move || answer() == Some(choice)
                        on:change=move |_| app.set_interest(iid, choice)/>
                    <label for=id>{move || app.content.interests.answers.get(choice).get(app.language())}</label>
                </div>
            }
        })
        .collect_view();
    let legend_id = format!("interest-{iid}-legend");
    let spoken = move || {
        let language = app.language();
        let mut text = item.text.get(language).to_owned();
        for choice in InterestAnswer::ALL {
            text.push_str(". ");
            text.push_str(app.content.interests.answers.get(choice).get(language));
        }
        text
    };
    view! {
        <fieldset class="question interest">
            <legend id=legend_id.clone()>{move || item.text.get(app.language())}</legend>
            <QuestionTools
                text=spoken
                described_by=legend_id
                answered=move || answer().is_some()
                clear=move || app.clear_interest(iid)
            />
            <div class="inline-options">{options}</div>
        </fieldset>
    }
}
