//! The competence check: a few competences per screen, each rated 0–4 with "ik kan…"
//! examples, and where it was shown (all places count the same).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::competence::Competence;
use crate::core::i18n;
use crate::core::vocab::EvidenceContext;

use super::interests::INTEREST_PAGES_HREF;
use super::selftest::QuestionTools;
use super::state::use_app;
use crate::ui::widgets::paging::{focused_heading, page_count, page_items, use_page_param};

pub const COMPETENCES_PER_PAGE: usize = 5;

/// `/competenties`: what the check is, and how far each part is.
#[component]
pub fn CompetenceStart() -> impl IntoView {
    let app = use_app();
    let total = app.content.competences.competences.len();
    let items = app.content.interests.items.len();
    let rated = move || app.state.with(|s| s.competences.ratings().len());
    let answered = move || app.state.with(|s| s.competences.interests().len());
    view! {
        <h1>{move || app.t("competences.title")}</h1>
        <p class="lead">{move || app.t("competences.intro")}</p>
        <p>{move || app.t("competences.all_count")}</p>
        <ol class="topic-list">
            <li>
                <A href="/competenties/1">{move || app.t("competences.part_competences")}</A>
                <span class="count">{move || i18n::format(app.language(), "competences.rated_count",
                    &[("rated", &rated().to_string()), ("total", &total.to_string())])}</span>
            </li>
            <li>
                <A href=INTEREST_PAGES_HREF>{move || app.t("competences.part_interests")}</A>
                <span class="count">{move || i18n::format(app.language(), "competences.rated_count",
                    &[("rated", &answered().to_string()), ("total", &items.to_string())])}</span>
            </li>
            <li><A href="/beroepen">{move || app.t("competences.part_results")}</A></li>
        </ol>
        <A href="/competenties/1" attr:class="button primary" attr:data-primary="true">{move || app.t("selftest.begin")}</A>
    }
}

/// `/competenties/:page` (1-based).
#[component]
pub fn CompetencePageRoute() -> impl IntoView {
    let app = use_app();
    let pages = page_count(
        app.content.competences.competences.len(),
        COMPETENCES_PER_PAGE,
    );
    let page = use_page_param(pages);
    move || {
        match page() {
        Some(page) => view! { <CompetencePage page=page/> }.into_any(),
        None => view! {
            <h1>{move || app.t("notfound.title")}</h1>
            <p><A href="/competenties" attr:class="standalone">{move || app.t("competences.title")}</A></p>
        }
        .into_any(),
    }
    }
}

#[component]
pub fn CompetencePage(page: usize) -> impl IntoView {
    let app = use_app();
    let all = &app.content.competences.competences;
    let pages = page_count(all.len(), COMPETENCES_PER_PAGE);
    let shown: &'static [Competence] = page_items(all, COMPETENCES_PER_PAGE, page);
    let heading = focused_heading();
    let previous = if page > 1 {
        format!("/competenties/{}", page - 1)
    } else {
        "/competenties".to_owned()
    };
    let next = if page < pages {
        format!("/competenties/{}", page + 1)
    } else {
        INTEREST_PAGES_HREF.to_owned()
    };

    view! {
        <div class="progress">
            <p id="progress-label">{move || i18n::format(app.language(), "competences.page_of",
                &[("step", &page.to_string()), ("total", &pages.to_string())])}</p>
            <progress max=pages value=page aria-labelledby="progress-label"></progress>
        </div>
        <h1 node_ref=heading tabindex="-1">{move || app.t("competences.page_title")}</h1>
        <p class="lead">{move || app.t("competences.page_intro")}</p>
        {shown.iter().map(|competence| view! { <CompetenceView competence=competence/> }).collect_view()}
        <nav class="step-nav sticky" aria-label=move || app.t("selftest.step_nav")>
            <A href=previous attr:class="button">{move || app.t("selftest.previous")}</A>
            <A href=next attr:class="button primary" attr:data-primary="true">{move || app.t("selftest.next")}</A>
        </nav>
    }
}

/// One competence: its levels as large radio buttons with "ik kan…" examples, and, once
/// rated, where it was shown.
#[component]
pub fn CompetenceView(competence: &'static Competence) -> impl IntoView {
    let app = use_app();
    let cid: &'static str = &competence.id;
    let legend_id = format!("comp-{cid}-legend");
    let level = move || app.state.with(|s| s.competences.level(cid));
    let spoken = move || {
        let language = app.language();
        let mut text = format!(
            "{}. {}",
            competence.name.get(language),
            competence.explanation.get(language)
        );
        for anchor in &competence.anchors {
            text.push_str(". ");
            text.push_str(anchor.get(language));
        }
        text
    };
    let levels = competence
        .anchors
        .iter()
        .enumerate()
        .map(|(level_index, anchor)| {
            let value = level_index as u8;
            let id = format!("comp-{cid}-{value}");
            view! {
                <div class="option">
                    <input type="radio" id=id.clone() name=format!("comp-{cid}") value=value
                        prop:checked=move || level() == Some(value)
                        on:change=move |_| { let _ = app.set_competence_level(cid, value); }/>
                    <label for=id>
                        <span class="level-number" aria-hidden="true">{value}</span>
                        {move || anchor.get(app.language())}
                    </label>
                </div>
            }
        })
        .collect_view();
    let shown_in = move || {
        level().filter(|l| *l > 0).map(|_| {
            let contexts = EvidenceContext::ALL
                .iter()
                .map(|context| {
                    let context = *context;
                    let id = format!("comp-{cid}-shown-{context:?}").to_lowercase();
                    let checked = move || app.state.with(|s| {
                        s.competences.rating(cid).is_some_and(|r| r.shown_in.contains(&context))
                    });
                    view! {
                        <div class="option">
                            <input type="checkbox" id=id.clone() prop:checked=checked
                                on:change=move |_| app.toggle_shown_in(cid, context)/>
                            <label for=id>{move || context.label().get(app.language()).to_owned()}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="shown-in">
                    <legend>{move || app.t("competences.shown_in")}</legend>
                    <p class="help">{move || app.t("competences.shown_in_help")}</p>
                    {contexts}
                </fieldset>
            }
        })
    };
    view! {
        <fieldset class="question competence">
            <legend id=legend_id.clone()>{move || competence.name.get(app.language())}</legend>
            <QuestionTools
                text=spoken
                described_by=legend_id.clone()
                answered=move || level().is_some()
                clear=move || app.clear_competence(cid)
            />
            <p class="help">{move || competence.explanation.get(app.language())}</p>
            {levels}
            {shown_in}
        </fieldset>
    }
}
