//! The self-test screens: an overview of the topics, then one topic per screen.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::core::i18n;
use crate::core::selftest::{Answer, Question, QuestionKind, Topic};

use super::paging::focused_heading;
use super::speech;
use super::state::use_app;

/// `/zelftest`: the topics with how far each is filled in, and a button to go on.
#[component]
pub fn SelfTestStart() -> impl IntoView {
    let app = use_app();
    let topics = &app.selftest.questionnaire.topics;
    let first_open = move || {
        app.state.with(|s| {
            topics
                .iter()
                .find(|topic| {
                    topic
                        .questions
                        .iter()
                        .any(|q| s.answers.get(&q.id).is_none())
                })
                .unwrap_or(&topics[0])
                .id
                .clone()
        })
    };
    let started = move || app.state.with(|s| !s.answers.is_empty());

    view! {
        <h1>{move || app.t("selftest.title")}</h1>
        <p class="lead">{move || app.t("selftest.intro")}</p>
        <ol class="topic-list">
            {topics
                .iter()
                .map(|topic| {
                    let total = topic.questions.len();
                    let answered = move || {
                        app.state.with(|s| {
                            topic.questions.iter().filter(|q| s.answers.get(&q.id).is_some()).count()
                        })
                    };
                    let href = app.href(&format!("/zelftest/{}", topic.id));
                    view! {
                        <li>
                            <A href=href>{move || topic.title.get(app.language())}</A>
                            <span class="count">
                                {move || i18n::plural(
                                    app.language(),
                                    "selftest.answered_count",
                                    total,
                                    &[("answered", &answered().to_string())],
                                )}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        <A href=move || app.href(&format!("/zelftest/{}", first_open())) attr:class="button primary">
            {move || if started() { app.t("selftest.continue") } else { app.t("selftest.begin") }}
        </A>
    }
}

/// `/zelftest/:topic`.
#[component]
pub fn TopicRoute() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let index = move || {
        params
            .read()
            .get("topic")
            .and_then(|id| app.selftest.questionnaire.topic_index(&id))
    };
    move || match index() {
        Some(index) => view! { <TopicScreen index=index/> }.into_any(),
        None => view! {
            <h1>{move || app.t("notfound.title")}</h1>
            <p><A href=app.href("/zelftest")>{move || app.t("selftest.title")}</A></p>
        }
        .into_any(),
    }
}

/// One topic: progress, its questions, and back/next.
#[component]
pub fn TopicScreen(index: usize) -> impl IntoView {
    let app = use_app();
    let topics = &app.selftest.questionnaire.topics;
    let count = topics.len();
    let topic: &'static Topic = &topics[index.min(count - 1)];
    let heading = focused_heading();

    let previous = (index > 0).then(|| app.href(&format!("/zelftest/{}", topics[index - 1].id)));
    let next =
        (index + 1 < count).then(|| app.href(&format!("/zelftest/{}", topics[index + 1].id)));
    let navigate = use_navigate();
    let finish = move |_| {
        app.complete_selftest();
        navigate(&app.href("/uitslag"), NavigateOptions::default());
    };

    view! {
        <div class="progress">
            <p id="progress-label">
                {move || i18n::format(
                    app.language(),
                    "selftest.step_of",
                    &[("step", &(index + 1).to_string()), ("total", &count.to_string())],
                )}
            </p>
            <progress max=count value=index + 1 aria-labelledby="progress-label"></progress>
        </div>
        <h1 node_ref=heading tabindex="-1">{move || topic.title.get(app.language())}</h1>
        <p class="lead">{move || topic.intro.get(app.language())}</p>
        <p class="hint">{move || app.t("selftest.no_wrong_answers")}</p>
        {topic.questions.iter().map(|question| view! { <QuestionView question=question/> }).collect_view()}
        <nav class="step-nav" aria-label=move || app.t("selftest.step_nav")>
            {match previous {
                Some(href) => view! { <A href=href attr:class="button">{move || app.t("selftest.previous")}</A> }.into_any(),
                None => view! { <A href=app.href("/zelftest") attr:class="button">{move || app.t("selftest.overview")}</A> }.into_any(),
            }}
            {match next {
                Some(href) => view! { <A href=href attr:class="button primary">{move || app.t("selftest.next")}</A> }.into_any(),
                None => view! {
                    <button type="button" class="button primary" on:click=finish>
                        {move || app.t("selftest.finish")}
                    </button>
                }.into_any(),
            }}
        </nav>
    }
}

/// One question as a fieldset of large radio buttons or checkboxes (or the postcode field),
/// with "zeg ik liever niet" for sensitive questions and a read-aloud button.
#[component]
pub fn QuestionView(question: &'static Question) -> impl IntoView {
    let app = use_app();
    let qid: &'static str = &question.id;
    let legend_id = format!("{qid}-legend");
    let answer = move || app.state.with(|s| s.answers.get(qid).cloned());
    let declined = move || matches!(answer(), Some(Answer::PreferNotToSay));
    let answered = move || answer().is_some();
    let input_type = match question.kind {
        QuestionKind::Multi => "checkbox",
        _ => "radio",
    };

    let read_aloud = move |_| {
        let language = app.language();
        let mut text = question.text.get(language).to_owned();
        for option in &question.options {
            text.push_str(". ");
            text.push_str(option.label.get(language));
        }
        speech::speak(&text, language);
    };

    let options = question
        .options
        .iter()
        .map(|option| {
            let oid: &'static str = &option.id;
            let id = format!("{qid}-{oid}");
            let checked = move || app.state.with(|s| s.answers.is_chosen(qid, oid));
            let on_change = move |_| match question.kind {
                QuestionKind::Multi => app.toggle_option(qid, oid),
                _ => {
                    let _ = app.set_answer(qid, Answer::Chosen(vec![oid.to_owned()]));
                }
            };
            view! {
                <div class="option">
                    <input type=input_type id=id.clone() name=qid value=oid prop:checked=checked on:change=on_change/>
                    <label for=id>{move || option.label.get(app.language())}</label>
                </div>
            }
        })
        .collect_view();

    let decline_id = format!("{qid}-decline");
    let decline = question.sensitive.then(|| {
        let decline_type = if question.kind == QuestionKind::Single {
            "radio"
        } else {
            "checkbox"
        };
        view! {
            <div class="option decline">
                <input
                    type=decline_type
                    id=decline_id.clone()
                    name=qid
                    value="liever-niet"
                    prop:checked=declined
                    on:change=move |_| {
                        if declined() {
                            app.clear_answer(qid);
                        } else {
                            let _ = app.set_answer(qid, Answer::PreferNotToSay);
                        }
                    }
                />
                <label for=decline_id>{move || app.t("question.decline")}</label>
            </div>
        }
    });

    view! {
        <fieldset class="question" aria-describedby=question.help.as_ref().map(|_| format!("{qid}-help"))>
            <legend id=legend_id.clone()>{move || question.text.get(app.language())}</legend>
            <Show when=speech::is_available>
                <button type="button" class="read-aloud" aria-describedby=legend_id.clone() on:click=read_aloud>
                    <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                        <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor"/>
                        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
                    </svg>
                    {move || app.t("question.read_aloud")}
                </button>
            </Show>
            {question.help.as_ref().map(|help| view! {
                <p class="help" id=format!("{qid}-help")>{move || help.get(app.language())}</p>
            })}
            {question.private.then(|| view! { <p class="private-note">{move || app.t("question.private")}</p> })}
            {if question.kind == QuestionKind::Postcode {
                view! { <PostcodeInput question=question/> }.into_any()
            } else {
                options.into_any()
            }}
            {decline}
            <Show when=answered>
                <button type="button" class="link-button" on:click=move |_| app.clear_answer(qid)>
                    {move || app.t("question.clear")}
                </button>
            </Show>
        </fieldset>
    }
}

#[component]
fn PostcodeInput(question: &'static Question) -> impl IntoView {
    let app = use_app();
    let qid: &'static str = &question.id;
    let input_id = format!("{qid}-input");
    let error_id = format!("{qid}-error");
    let error = RwSignal::new(false);
    let value = move || {
        app.state.with(|s| match s.answers.get(qid) {
            Some(Answer::Text(text)) => text.clone(),
            _ => String::new(),
        })
    };
    view! {
        <div class="postcode">
            <label for=input_id.clone()>{move || app.t("question.postcode_label")}</label>
            <input
                id=input_id
                type="text"
                inputmode="numeric"
                // A shared kiosk screen must not offer the previous visitor's postcode.
                autocomplete=if app.is_kiosk() { "off" } else { "postal-code" }
                maxlength="4"
                size="6"
                prop:value=value
                aria-invalid=move || error.get().then_some("true")
                aria-describedby=error_id.clone()
                on:change=move |event| {
                    let text = event_target_value(&event);
                    if text.trim().is_empty() {
                        app.clear_answer(qid);
                        error.set(false);
                    } else {
                        error.set(app.set_answer(qid, Answer::Text(text)).is_err());
                    }
                }
            />
            <p id=error_id class="error" aria-live="polite">
                {move || error.get().then(|| app.t("question.postcode_error"))}
            </p>
        </div>
    }
}
