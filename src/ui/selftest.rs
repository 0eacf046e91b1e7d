//! The self-test screens: an overview of the topics, then the topic's questions a screen at a
//! time — a few that belong together at home, one per screen on a shared kiosk — with the
//! way forward always in view.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use crate::core::i18n;
use crate::core::selftest::{Answer, Layout, Question, QuestionKind, Topic};

use super::state::{use_app, AppContext};
use crate::ui::platform::speech::ReadAloud;
use crate::ui::widgets::paging::focused_heading;

/// How this mode shows the questions.
pub fn layout(app: AppContext) -> Layout {
    if app.is_kiosk() {
        Layout::OnePerScreen
    } else {
        Layout::Grouped
    }
}

/// The address of screen `screen` (1-based) of `topic`.
pub fn screen_href(app: AppContext, topic: &Topic, screen: usize) -> String {
    if screen <= 1 {
        app.href(&format!("/zelftest/{}", topic.id))
    } else {
        app.href(&format!("/zelftest/{}/{screen}", topic.id))
    }
}

/// The address of the screen that asks `question`.
pub fn question_href(app: AppContext, question: &str) -> Option<String> {
    app.selftest
        .questionnaire
        .screen_of(question, layout(app))
        .map(|(topic, screen)| screen_href(app, topic, screen))
}

/// `/zelftest`: the topics with how far each is filled in, and a button to go on.
#[component]
pub fn SelfTestStart() -> impl IntoView {
    let app = use_app();
    let topics = &app.selftest.questionnaire.topics;
    // The first screen with an open question, or the very first screen.
    let go_on = move || {
        app.state.with(|s| {
            topics
                .iter()
                .flat_map(|topic| topic.questions.iter())
                .find(|q| s.answers.get(&q.id).is_none())
                .and_then(|q| question_href(app, &q.id))
                .unwrap_or_else(|| screen_href(app, &topics[0], 1))
        })
    };
    let started = move || app.state.with(|s| !s.answers.is_empty());
    let heading = focused_heading();

    view! {
        <h1 node_ref=heading tabindex="-1">{move || app.t("selftest.title")}</h1>
        <p class="lead">{move || app.t("selftest.intro")}</p>
        <A href=go_on attr:class="button primary" attr:data-primary="true">
            {move || if started() { app.t("selftest.continue") } else { app.t("selftest.begin") }}
        </A>
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
                    let href = screen_href(app, topic, 1);
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
        <BackToResult/>
    }
}

/// After "Antwoorden aanpassen": the way straight back to the result, on every screen.
#[component]
fn BackToResult() -> impl IntoView {
    let app = use_app();
    let done_before = move || app.state.with(|s| !s.history.is_empty());
    view! {
        <Show when=done_before>
            <p class="back-to-result">
                <A href=app.href("/uitslag")>{move || app.t("selftest.back_to_result")}</A>
            </p>
        </Show>
    }
}

/// `/zelftest/:topic` and `/zelftest/:topic/:page`.
#[component]
pub fn TopicRoute() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let place = move || {
        let params = params.read();
        let topic = params
            .get("topic")
            .and_then(|id| app.selftest.questionnaire.topic_index(&id))?;
        let screens = app.selftest.questionnaire.topics[topic]
            .screens(layout(app))
            .len();
        let screen = match params.get("page") {
            None => 1,
            Some(page) => page
                .parse::<usize>()
                .ok()
                .filter(|p| (1..=screens).contains(p))?,
        };
        Some((topic, screen))
    };
    move || {
        match place() {
        Some((topic, screen)) => view! { <TopicScreen index=topic screen=screen/> }.into_any(),
        None => view! {
            <h1>{move || app.t("notfound.title")}</h1>
            <p><A href=app.href("/zelftest") attr:class="standalone">{move || app.t("selftest.title")}</A></p>
        }
        .into_any(),
    }
    }
}

/// One screen of a topic: progress, its questions, and back/next.
#[component]
pub fn TopicScreen(index: usize, screen: usize) -> impl IntoView {
    let app = use_app();
    let topics = &app.selftest.questionnaire.topics;
    let count = topics.len();
    let topic: &'static Topic = &topics[index.min(count - 1)];
    let layout = layout(app);
    let screens = topic.screens(layout);
    let screen_count = screens.len();
    let shown: Vec<&'static Question> = screens
        .get(screen.saturating_sub(1))
        .map(|s| s.iter().filter_map(|&i| topic.questions.get(i)).collect())
        .unwrap_or_default();
    let heading = focused_heading();

    let previous = if screen > 1 {
        Some(screen_href(app, topic, screen - 1))
    } else if index > 0 {
        let before = &topics[index - 1];
        Some(screen_href(app, before, before.screens(layout).len()))
    } else {
        None
    };
    let next = if screen < screen_count {
        Some(screen_href(app, topic, screen + 1))
    } else if index + 1 < count {
        Some(screen_href(app, &topics[index + 1], 1))
    } else {
        None
    };
    let navigate = use_navigate();
    let finish = move |_| {
        app.complete_selftest();
        navigate(&app.href("/uitslag"), NavigateOptions::default());
    };
    let part = move || {
        i18n::format(
            app.language(),
            "selftest.step_of",
            &[
                ("step", &(index + 1).to_string()),
                ("total", &count.to_string()),
            ],
        )
    };
    let within = move || {
        (screen_count > 1).then(|| {
            let key = if layout == Layout::OnePerScreen {
                "selftest.question_of"
            } else {
                "selftest.screen_of"
            };
            i18n::format(
                app.language(),
                key,
                &[
                    ("step", &screen.to_string()),
                    ("total", &screen_count.to_string()),
                ],
            )
        })
    };
    // Progress over the whole self-test, screen by screen.
    let done_screens: usize = topics[..index]
        .iter()
        .map(|t| t.screens(layout).len())
        .sum::<usize>()
        + screen;
    let all_screens: usize = topics.iter().map(|t| t.screens(layout).len()).sum();

    view! {
        <div class="progress">
            <p id="progress-label">
                {part}
                {move || within().map(|w| view! { <span class="progress-within">" · "{w}</span> })}
            </p>
            <progress max=all_screens value=done_screens aria-labelledby="progress-label"></progress>
        </div>
        <h1 node_ref=heading tabindex="-1">{move || topic.title.get(app.language())}</h1>
        {(screen == 1).then(|| view! {
            <p class="lead">
                {move || topic.intro.get(app.language())}" "
                <span class="hint">{move || app.t("selftest.no_wrong_answers")}</span>
            </p>
        })}
        {shown.into_iter().map(|question| view! { <QuestionView question=question/> }).collect_view()}
        <BackToResult/>
        <nav class="step-nav sticky" aria-label=move || app.t("selftest.step_nav")>
            {match previous {
                Some(href) => view! { <A href=href attr:class="button">{move || app.t("selftest.previous")}</A> }.into_any(),
                None => view! { <A href=app.href("/zelftest") attr:class="button">{move || app.t("selftest.overview")}</A> }.into_any(),
            }}
            {match next {
                Some(href) => view! { <A href=href attr:class="button primary" attr:data-primary="true">{move || app.t("selftest.next")}</A> }.into_any(),
                None => view! {
                    <button type="button" class="button primary" data-primary="true" on:click=finish>
                        {move || app.t("selftest.finish")}
                    </button>
                }.into_any(),
            }}
        </nav>
    }
}

/// The longest answer (in characters) that still fits half a phone's width.
const SHORT_LABEL: usize = 12;

/// One question as a fieldset of large radio buttons or checkboxes (or the postcode or number
/// field), with "zeg ik liever niet" for sensitive questions, read-aloud, and "antwoord
/// wissen" — whose place is kept while there is no answer, so nothing below it moves when
/// an answer appears.
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

    let spoken = move || {
        let language = app.language();
        let mut text = question.text.get(language).to_owned();
        for option in &question.options {
            text.push_str(". ");
            text.push_str(option.label.get(language));
        }
        text
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

    // Answers of a word or two stand in two columns on a phone: half the height to scroll.
    let short = move || {
        let language = app.language();
        question
            .options
            .iter()
            .all(|option| option.label.get(language).chars().count() <= SHORT_LABEL)
    };

    let decline_id = format!("{qid}-decline");
    let decline = question.sensitive.then(|| {
        let decline_type = if question.kind == QuestionKind::Multi {
            "checkbox"
        } else {
            "radio"
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
        <fieldset class="question" id=format!("vraag-{qid}") aria-describedby=question.help.as_ref().map(|_| format!("{qid}-help"))>
            <legend id=legend_id.clone()>{move || question.text.get(app.language())}</legend>
            <QuestionTools
                text=spoken
                described_by=legend_id.clone()
                answered=answered
                clear=move || app.clear_answer(qid)
            />
            {question.help.as_ref().map(|help| view! {
                <p class="help" id=format!("{qid}-help")>{move || help.get(app.language())}</p>
            })}
            {question.private.then(|| view! { <p class="private-note">{move || app.t("question.private")}</p> })}
            {match question.kind {
                QuestionKind::Postcode => view! { <PostcodeInput question=question/> }.into_any(),
                QuestionKind::Number => view! { <NumberInput question=question/> }.into_any(),
                _ => view! { <div class="options" class:short=short>{options}</div> }.into_any(),
            }}
            {decline}
        </fieldset>
    }
}

/// Above a question's answers: "Lees voor", and "Antwoord wissen", which keeps its place
/// while there is nothing to clear (hidden, out of the tab order and the accessibility
/// tree), so nothing moves when an answer appears or goes.
#[component]
pub fn QuestionTools(
    text: impl Fn() -> String + Send + Sync + 'static,
    described_by: String,
    answered: impl Fn() -> bool + Send + Sync + Copy + 'static,
    clear: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="question-tools">
            <ReadAloud text=text described_by=described_by/>
            <button
                type="button"
                class="link-button clear-answer"
                class:unused=move || !answered()
                aria-hidden=move || (!answered()).then_some("true")
                tabindex=move || if answered() { "0" } else { "-1" }
                on:click=move |_| clear()
            >
                {move || app.t("question.clear")}
            </button>
        </div>
    }
}

/// What a typed answer (postcode, number) does when its field is left: an empty field clears
/// the answer, anything else goes through the core's check, and `error` says whether it was
/// refused.
fn commit_typed(
    app: AppContext,
    qid: &'static str,
    error: RwSignal<bool>,
) -> impl Fn(leptos::ev::Event) + 'static {
    move |event| {
        app.editing_ended(qid);
        let text = event_target_value(&event);
        if text.trim().is_empty() {
            app.clear_answer(qid);
            error.set(false);
        } else {
            error.set(app.set_answer(qid, Answer::Text(text)).is_err());
        }
    }
}

#[component]
fn PostcodeInput(question: &'static Question) -> impl IntoView {
    let app = use_app();
    let qid: &'static str = &question.id;
    let input_id = format!("{qid}-input");
    let error_id = format!("{qid}-error");
    let error = RwSignal::new(false);
    // A memo: the field is written only when this answer changes, never when another
    // answer (or another tab's save) changes the state while someone types here.
    let value = Memo::new(move |_| {
        app.state.with(|s| match s.answers.get(qid) {
            Some(Answer::Text(text)) => text.clone(),
            _ => String::new(),
        })
    });
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
                on:input=move |_| app.editing_started(qid)
                on:blur=move |_| app.editing_ended(qid)
                on:change=commit_typed(app, qid, error)
            />
            <p id=error_id class="error" aria-live="polite">
                {move || error.get().then(|| app.t("question.postcode_error"))}
            </p>
        </div>
    }
}

/// A whole number (the most hours a week), typed or picked from a few common ones.
#[component]
fn NumberInput(question: &'static Question) -> impl IntoView {
    let app = use_app();
    let qid: &'static str = &question.id;
    let Some(spec) = question.number.as_ref() else {
        return ().into_any();
    };
    let input_id = format!("{qid}-input");
    let error_id = format!("{qid}-error");
    let unit_id = format!("{qid}-unit");
    let error = RwSignal::new(false);
    // Memos: the field is written only when this answer changes (not when another answer
    // or another tab's save changes the state while someone types here).
    let current = Memo::new(move |_| app.state.with(|s| s.answers.number(qid)));
    let value = Memo::new(move |_| current.get().map(|n| n.to_string()).unwrap_or_default());
    let (min, max) = (spec.min, spec.max);
    let suggestions = spec
        .suggestions
        .iter()
        .map(|&n| {
            let chosen = move || current.get() == Some(n);
            view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || if chosen() { "true" } else { "false" }
                    on:click=move |_| {
                        error.set(false);
                        let _ = app.set_answer(qid, Answer::Number(n));
                    }
                >
                    {n.to_string()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="number">
            <label for=input_id.clone()>{move || app.t("question.number_label")}</label>
            <div class="number-row">
                <input
                    id=input_id
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    maxlength="2"
                    size="4"
                    prop:value=value
                    aria-invalid=move || error.get().then_some("true")
                    aria-describedby=format!("{unit_id} {error_id}")
                    on:input=move |_| app.editing_started(qid)
                    on:blur=move |_| app.editing_ended(qid)
                    on:change=commit_typed(app, qid, error)
                />
                <span class="unit" id=unit_id.clone()>{move || spec.unit.get(app.language())}</span>
            </div>
            <div class="chips" role="group" aria-label=move || app.t("question.number_pick")>
                {suggestions}
            </div>
            <p id=error_id class="error" aria-live="polite">
                {move || error.get().then(|| i18n::format(
                    app.language(),
                    "question.number_error",
                    &[("min", &min.to_string()), ("max", &max.to_string())],
                ))}
            </p>
        </div>
    }
    .into_any()
}
