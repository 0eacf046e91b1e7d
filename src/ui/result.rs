//! The self-test result: strengths first, then route, ladders, search behaviour and next
//! steps, each with "waarom zie ik dit?". Everything shown is computed by `core`.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::i18n;
use crate::core::selftest::scoring::{Finding, LadderPlacement, Severity};
use crate::core::selftest::{
    Answer, Answers, Evidence, RouteId, SearchStatus, SelfTestResult, Truth,
};
use crate::core::text::{format_count, Language};

use crate::core::matching::{Quadrant, RankQuery};

use super::selftest::question_href;
use super::state::{use_app, AppContext};
use super::vacancies::{use_overview, SharedOverview};
use crate::ui::widgets::ladder::LadderPicture;

#[component]
pub fn ResultScreen() -> impl IntoView {
    view! { <WhenAnswered><ResultView/></WhenAnswered> }
}

/// Its children once the self-test has answers; before that, a way to start it (at home and
/// at the kiosk).
#[component]
pub fn WhenAnswered(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let has_answers = move || app.state.with(|s| !s.answers.is_empty());
    view! {
        <Show
            when=has_answers
            fallback=move || view! {
                <h1>{move || app.t("result.title")}</h1>
                <p>{move || app.t("result.no_answers")}</p>
                <A href=app.href("/zelftest") attr:class="button primary">{move || app.t("home.start")}</A>
            }
        >
            {children()}
        </Show>
    }
}

/// The result of the current answers (live: editing an answer updates it).
#[component]
pub fn ResultView() -> impl IntoView {
    let app = use_app();
    let result = app.selftest_result;
    move || {
        let language = app.language();
        let answers = app.state.with(|s| s.answers.clone());
        let result = result.get();
        view! {
            <h1>{app.t("result.title")}</h1>
            <p class="disclaimer">{app.t("result.disclaimer")}</p>
            // The way on, in view at once: at the kiosk taking the result home, at home the
            // work that fits.
            <div class="actions top-actions">
                {if app.is_kiosk() {
                    view! { <a href="#handoff-title" class="button primary" data-primary="true">{app.t("kiosk.handoff")}</a> }.into_any()
                } else {
                    view! { <A href="/vacatures" attr:class="button primary" attr:data-primary="true">{app.t("result.to_vacancies")}</A> }.into_any()
                }}
                <A href=app.href("/zelftest") attr:class="button">{app.t("result.edit_answers")}</A>
            </div>
            {incomplete_notice(app, &result, &answers, language)}
            {result_parts(result, answers, language, true)}
            // A kiosk keeps no history: every visitor is new.
            {(!app.is_kiosk()).then(|| view! {
                <div class="actions">
                    <A href="/geschiedenis" attr:class="button">{app.t("home.view_history")}</A>
                </div>
            })}
        }
    }
}

/// The parts of a result, each with its "waarom": for the job seeker's own result, and for
/// a coach reading a client's (without the job supply, which needs the client's vacancies).
pub fn result_parts(
    result: SelfTestResult,
    answers: Answers,
    language: Language,
    with_job_supply: bool,
) -> impl IntoView {
    let quadrant_result = result.clone();
    view! {
        <Strengths result=result.clone() answers=answers.clone() language=language/>
        <YouthSection result=result.clone() answers=answers.clone() language=language/>
        <RouteSection result=result.clone() answers=answers.clone() language=language/>
        <LadderSection result=result.clone() answers=answers.clone() language=language/>
        <SearchSection result=result.clone() answers=answers.clone() language=language/>
        {with_job_supply.then(|| view! { <QuadrantSection result=quadrant_result language=language/> })}
        <NextSteps result=result answers=answers language=language/>
    }
}

/// "Je hebt 1 vraag niet ingevuld": which one, with a link to where it is asked.
fn incomplete_notice(
    app: AppContext,
    result: &SelfTestResult,
    answers: &Answers,
    language: Language,
) -> Option<impl IntoView> {
    let missing = result.unanswered.len();
    (missing > 0).then(|| {
        view! {
            <div class="incomplete">
                <p>{i18n::plural(language, "result.incomplete", missing, &[])}</p>
                <MissingQuestions missing=result.unanswered.clone() answers=answers.clone() language=language/>
                {(!app.is_kiosk() || missing > SHOWN_MISSING).then(|| view! {
                    <p><A href=app.href("/zelftest") attr:class="standalone">{i18n::text(language, "result.incomplete_link")}</A></p>
                })}
            </div>
        }
    })
}

/// At most this many open questions are named one by one.
const SHOWN_MISSING: usize = 5;

/// The questions that would tell more, named, each linked to where it is asked; a question
/// the person chose not to answer is named as such ("je zei: liever niet"), without a push.
#[component]
fn MissingQuestions(missing: Vec<String>, answers: Answers, language: Language) -> impl IntoView {
    let app = use_app();
    let more = missing.len().saturating_sub(SHOWN_MISSING);
    let items = missing
        .into_iter()
        .take(SHOWN_MISSING)
        .filter_map(|id| {
            let question = app.selftest.questionnaire.question(&id)?;
            let text = question.text.get(language).to_owned();
            let declined = matches!(answers.get(&id), Some(Answer::PreferNotToSay));
            Some(if declined || app.is_coach() {
                let mark = if declined {
                    i18n::text(language, "result.declined_mark")
                } else {
                    ""
                };
                view! {
                    <li>{text}" "<span class="hint">{mark}</span></li>
                }
                .into_any()
            } else {
                let href = question_href(app, &id).unwrap_or_else(|| app.href("/zelftest"));
                view! { <li><A href=href>{text}</A></li> }.into_any()
            })
        })
        .collect_view();
    view! {
        <ul class="missing">{items}</ul>
        {(more > 0).then(|| view! { <p>{i18n::plural(language, "result.missing_more", more, &[])}</p> })}
    }
}

/// "Waarom zie ik dit?": the answers behind one part of the result.
#[component]
fn Why(because: Vec<Evidence>, answers: Answers, language: Language) -> impl IntoView {
    let app = use_app();
    let lines = because
        .iter()
        .map(|evidence| {
            let line = app.selftest.describe(&answers, evidence);
            let question = line.question.get(language).to_owned();
            match line.answer {
                Some(answer) => view! {
                    <li>{question}" — "<strong>{answer.get(language).to_owned()}</strong></li>
                }
                .into_any(),
                None => view! { <li>{question}</li> }.into_any(),
            }
        })
        .collect_view();
    view! {
        <details class="why">
            <summary>{i18n::text(language, "result.why")}</summary>
            {if because.is_empty() {
                view! { <p>{i18n::text(language, "result.why_default")}</p> }.into_any()
            } else {
                view! {
                    <p>{i18n::text(language, "result.why_intro")}</p>
                    <ul>{lines}</ul>
                }
                .into_any()
            }}
        </details>
    }
}

#[component]
fn Strengths(result: SelfTestResult, answers: Answers, language: Language) -> impl IntoView {
    view! {
        <section class="card strengths" aria-labelledby="strengths-title">
            <h2 id="strengths-title">{i18n::text(language, "result.strengths")}</h2>
            <ul class="findings">
                {result.strengths.into_iter().map(|finding| view! {
                    <li>
                        <p>{finding.text.get(language).to_owned()}</p>
                        <Why because=finding.because answers=answers.clone() language=language/>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn RouteSection(result: SelfTestResult, answers: Answers, language: Language) -> impl IntoView {
    let route = result.route;
    let obstacles: Vec<_> = result
        .obstacles
        .iter()
        .filter(|o| route.route == RouteId::SupportFirst || o.severity == Severity::ALot)
        .map(|o| {
            let key = match o.severity {
                Severity::ALot => "result.obstacle_a_lot",
                Severity::Some => "result.obstacle_some",
            };
            i18n::format(language, key, &[("obstacle", o.label.get(language))])
        })
        .collect();
    let app = use_app();
    let unchecked: Vec<(String, Vec<String>)> = route
        .unchecked
        .iter()
        .map(|u| {
            let title = app
                .selftest
                .rules
                .routes
                .iter()
                .find(|r| RouteId::from_rule_id(&r.id) == Some(u.item))
                .map(|r| r.title.get(language).to_owned())
                .unwrap_or_default();
            (title, u.missing.clone())
        })
        .collect();
    view! {
        <section class="card route" aria-labelledby="route-title">
            <h2 id="route-title">{i18n::text(language, "result.route")}</h2>
            <p class="route-name"><strong>{route.title.get(language).to_owned()}</strong></p>
            <p>{route.explanation.get(language).to_owned()}</p>
            {(!obstacles.is_empty()).then(|| view! {
                <p>{i18n::text(language, "result.obstacles_intro")}</p>
                <ul>{obstacles.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}</ul>
            })}
            {unchecked.into_iter().map(|(title, missing)| view! {
                <Unchecked text=i18n::format(language, "result.unchecked_route", &[("route", &title)]) missing=missing answers=answers.clone() language=language/>
            }).collect_view()}
            <Why because=route.because answers=answers.clone() language=language/>
            {route.also.into_iter().map(|also| view! {
                <h3>{i18n::text(language, "result.also")}" "{also.title.get(language).to_owned()}</h3>
                <p>{also.explanation.get(language).to_owned()}</p>
                <Why because=also.because answers=answers.clone() language=language/>
            }).collect_view()}
        </section>
    }
}

/// "Misschien past … beter": what could fit better, and the questions that would tell.
#[component]
fn Unchecked(
    text: String,
    missing: Vec<String>,
    answers: Answers,
    language: Language,
) -> impl IntoView {
    let all_declined = missing
        .iter()
        .all(|id| matches!(answers.get(id), Some(Answer::PreferNotToSay)));
    let tail = if all_declined {
        "result.unchecked_declined"
    } else {
        "result.unchecked_open"
    };
    view! {
        <div class="unchecked">
            <p>{text}" "{i18n::text(language, tail)}</p>
            <MissingQuestions missing=missing answers=answers language=language/>
        </div>
    }
}

#[component]
fn LadderSection(result: SelfTestResult, answers: Answers, language: Language) -> impl IntoView {
    let app = use_app();
    let ladders = &app.selftest.rules.ladders;
    let placement = |placement: Option<LadderPlacement>,
                     rungs: &'static [crate::core::selftest::rules::LadderRung],
                     title_id: &'static str,
                     text_key: &'static str,
                     answers: Answers| {
        match placement {
            Some(p) => {
                let label = rungs
                    .iter()
                    .find(|r| r.level == p.level)
                    .map(|r| r.label.get(language))
                    .unwrap_or_default();
                let top = rungs.last().map(|r| r.level).unwrap_or(p.level);
                view! {
                    <p>{i18n::format(language, text_key, &[
                        ("level", &p.level.to_string()),
                        ("top", &top.to_string()),
                        ("label", label),
                    ])}</p>
                    <LadderPicture rungs=rungs current=p.level labelled_by=title_id/>
                    <Why because=p.because answers=answers language=language/>
                }
                .into_any()
            }
            None => view! { <p>{i18n::text(language, "result.ladder_unknown")}</p> }.into_any(),
        }
    };
    view! {
        <section class="card ladders" aria-labelledby="ladders-title">
            <h2 id="ladders-title">{i18n::text(language, "result.ladders")}</h2>
            <div class="ladder-pair">
                <div>
                    <h3 id="participation-title">{i18n::text(language, "result.participation")}</h3>
                    {placement(result.participation, &ladders.participation, "participation-title", "result.participation_text", answers.clone())}
                </div>
                <div>
                    <h3 id="reintegration-title">{i18n::text(language, "result.reintegration")}</h3>
                    <p class="suggestion">{i18n::text(language, "result.reintegration_suggestion")}</p>
                    {placement(result.reintegration, &ladders.reintegration, "reintegration-title", "result.reintegration_text", answers)}
                </div>
            </div>
        </section>
    }
}

#[component]
fn SearchSection(result: SelfTestResult, answers: Answers, language: Language) -> impl IntoView {
    let search = result.search;
    let status_key = match search.status {
        SearchStatus::Optimal => "result.search_optimal",
        SearchStatus::Incomplete => "result.search_incomplete",
        SearchStatus::Unknown => "result.search_unknown",
    };
    let because: Vec<Evidence> = search
        .criteria
        .iter()
        .flat_map(|c| c.because.clone())
        .collect();
    view! {
        <section class="card search" aria-labelledby="search-title">
            <h2 id="search-title">{i18n::text(language, "result.search")}</h2>
            <p><strong>{i18n::text(language, status_key)}</strong></p>
            <ul class="criteria">
                {search.criteria.into_iter().map(|c| {
                    let (mark, key) = match c.truth {
                        Truth::True => ("✓", "result.criterion_met"),
                        Truth::False => ("○", "result.criterion_not_met"),
                        Truth::Unknown => ("?", "result.criterion_unknown"),
                    };
                    view! {
                        <li>
                            <span aria-hidden="true" class="mark">{mark}</span>
                            <span class="visually-hidden">{i18n::text(language, key)}": "</span>
                            {c.text.get(language).to_owned()}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Why because=because answers=answers language=language/>
        </section>
    }
}

/// The kwadrantenmodel: job supply (good vacancies nearby, from matching) crossed with the
/// search behaviour, with the quadrant's next steps.
#[component]
fn QuadrantSection(result: SelfTestResult, language: Language) -> impl IntoView {
    let search = result.search.status;
    let app = use_app();
    // The job supply counts every good match, whatever the order or length of a list, so
    // a page's shared overview serves as well as one of its own.
    let overview = match use_context::<SharedOverview>() {
        Some(SharedOverview(shared)) => shared,
        None => {
            let query = Signal::derive(|| RankQuery {
                top: 0,
                ..RankQuery::default()
            });
            use_overview(app, query, 0)
        }
    };
    let t = move |key: &'static str| i18n::text(language, key);
    move || {
        let body = match overview.get() {
            None if app.vacancies_failed() => {
                view! { <p>{t("vacancies.load_failed")}</p> }.into_any()
            }
            None => view! { <p role="status">{t("vacancies.loading")}</p> }.into_any(),
            Some(overview) => {
                let supply = overview.supply;
                let rules = &app.content.matching;
                let quadrant = Quadrant::of(&supply, search);
                let text = quadrant.text(rules);
                let steps = quadrant.steps(rules, &result);
                let support_first = result.route.route == RouteId::SupportFirst;
                let count = if supply.known {
                    let km = supply.distance_km.to_string();
                    let total = format_count(supply.total, language);
                    let args = [("km", km.as_str()), ("total", total.as_str())];
                    if app.vacancy_data().is_some_and(|d| d.published.is_some()) {
                        i18n::plural(
                            language,
                            "result.supply_count_published",
                            supply.good,
                            &args,
                        )
                    } else {
                        i18n::plural(language, "result.supply_count", supply.good, &args)
                    }
                } else {
                    t("result.supply_no_home").to_owned()
                };
                // The count depends on the vacancy wishes: say which, so a changed count
                // is never a mystery.
                let wishes = i18n::format(
                    language,
                    "result.supply_wishes",
                    &[("wishes", &overview.profile.wishes_in_words(language))],
                );
                let level = if supply.sufficient {
                    "result.supply_enough"
                } else {
                    "result.supply_few"
                };
                view! {
                    <p>{count}</p>
                    <p class="hint">{wishes}" "
                        {(!app.is_kiosk()).then(|| view! { <A href="/vacatures">{t("result.change_wishes")}</A> })}
                    </p>
                    {supply.known.then(|| view! { <p><strong>{t(level)}</strong></p> })}
                    <h3>{text.title.get(language).to_owned()}</h3>
                    <p>{text.summary.get(language).to_owned()}</p>
                    {support_first.then(|| view! { <p>{t("result.quadrant_support_first")}</p> })}
                    {(!steps.is_empty()).then(|| view! {
                        <ul class="findings">
                            {steps.iter().map(|step| view! {
                                <li>
                                    <p class="step">{step.text.get(language).to_owned()}</p>
                                    <p class="step-why">{t("result.step_why")}" "{step.why.get(language).to_owned()}</p>
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                    <details class="why">
                        <summary>{t("result.why")}</summary>
                        <p>{i18n::format(language, "result.supply_why", &[
                            ("good", &rules.good_score.to_string()),
                            ("enough", &rules.sufficient_good.to_string()),
                        ])}</p>
                    </details>
                    {(!app.is_kiosk()).then(|| view! {
                        <p><A href="/vacatures" attr:class="standalone">{t("result.to_vacancies")}</A></p>
                    })}
                }
                .into_any()
            }
        };
        view! {
            <section class="card quadrant" aria-labelledby="quadrant-title">
                <h2 id="quadrant-title">{t("result.quadrant")}</h2>
                {body}
            </section>
        }
    }
}

#[component]
fn NextSteps(result: SelfTestResult, answers: Answers, language: Language) -> impl IntoView {
    let (now, later): (Vec<Finding>, Vec<Finding>) = result
        .next_steps
        .into_iter()
        .partition(|step| !step.help_declined);
    let render = move |steps: Vec<Finding>, answers: Answers| {
        steps
            .into_iter()
            .map(|step| {
                let why = step.why.as_ref().map(|w| w.get(language).to_owned());
                view! {
                    <li>
                        <p class="step">{step.text.get(language).to_owned()}</p>
                        {why.map(|why| view! {
                            <p class="step-why">{i18n::text(language, "result.step_why")}" "{why}</p>
                        })}
                        <Why because=step.because answers=answers.clone() language=language/>
                    </li>
                }
            })
            .collect_view()
    };
    let has_later = !later.is_empty();
    let nothing = now.is_empty() && later.is_empty();
    view! {
        <section class="card steps" aria-labelledby="steps-title">
            <h2 id="steps-title">{i18n::text(language, "result.next_steps")}</h2>
            {nothing.then(|| view! { <p>{i18n::text(language, "result.no_steps")}</p> })}
            <ol class="findings">{render(now, answers.clone())}</ol>
            {has_later.then(|| view! {
                <h3>{i18n::text(language, "result.later")}</h3>
                <p>{i18n::text(language, "result.later_intro")}</p>
            })}
            <ul class="findings">{render(later, answers)}</ul>
        </section>
    }
}

/// For young people the jongerenladder comes first: a diploma before work.
#[component]
fn YouthSection(result: SelfTestResult, answers: Answers, language: Language) -> impl IntoView {
    let app = use_app();
    let ladder = app.selftest.rules.youth_ladder.as_ref();
    result.youth.zip(ladder).map(|(youth, ladder)| {
        let current = youth.step.and_then(|step| ladder.steps.get(step));
        let step_name = |index: usize| {
            ladder
                .steps
                .get(index)
                .map(|s| format!("{} ({})", s.id, s.label.get(language)))
                .unwrap_or_default()
        };
        let unchecked: Vec<(String, Vec<String>)> = youth
            .unchecked
            .iter()
            .map(|u| (step_name(u.item), u.missing.clone()))
            .collect();
        let all_missing: Vec<String> = {
            let mut all: Vec<String> = Vec::new();
            for (_, missing) in &unchecked {
                for id in missing {
                    if !all.contains(id) {
                        all.push(id.clone());
                    }
                }
            }
            all
        };
        view! {
            <section class="card youth" aria-labelledby="youth-title">
                <h2 id="youth-title">{i18n::text(language, "result.youth")}</h2>
                <p>{i18n::text(language, "result.youth_intro")}</p>
                <ol class="youth-steps">
                    {ladder.steps.iter().map(|step| {
                        let is_current = current.is_some_and(|c| c.id == step.id);
                        view! {
                            <li class:current=is_current aria-current=is_current.then_some("step")>
                                <span class="rung-number">{step.id.clone()}</span>" "
                                {step.label.get(language).to_owned()}
                                {is_current.then(|| view! {
                                    <strong class="you-are-here">{i18n::text(language, "result.you_are_here")}</strong>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
                {match current {
                    Some(current) => view! {
                        <p class="step">{current.explanation.get(language).to_owned()}</p>
                        {unchecked.into_iter().map(|(name, missing)| view! {
                            <Unchecked text=i18n::format(language, "result.youth_unchecked", &[("step", &name)]) missing=missing answers=answers.clone() language=language/>
                        }).collect_view()}
                    }.into_any(),
                    None => view! {
                        <Unchecked text=i18n::text(language, "result.youth_unknown").to_owned() missing=all_missing answers=answers.clone() language=language/>
                    }.into_any(),
                }}
                <Why because=youth.because answers=answers language=language/>
            </section>
        }
    })
}
