//! Table-driven tests of the self-test scoring, through the public API only.
//!
//! Each table is a `Vec` of cases with a name; every assertion message carries the case
//! name, so a failing row says which situation broke. The answers are written as
//! `(question, options)` pairs; the single option [`DECLINE`] stands for "zeg ik liever
//! niet".

mod common;

use std::collections::BTreeSet;

use common::{arbitrary_answers, selftest};
use proptest::prelude::*;
use werkmap::core::selftest::{
    Answer, AnswerError, Answers, Evidence, QuestionKind, RouteId, SearchStatus, SelfTestResult,
    Severity, Truth,
};

/// Marks a "zeg ik liever niet" answer in the tables.
const DECLINE: &str = "<liever niet>";

type Spec<'a> = &'a [(&'a str, &'a [&'a str])];

/// Builds answers from a table spec, on top of `base`. Later pairs override earlier ones.
fn answers_on(base: &Answers, spec: Spec<'_>) -> Answers {
    let questionnaire = &selftest().questionnaire;
    let mut answers = base.clone();
    for (question, options) in spec {
        let answer = if options == &[DECLINE] {
            Answer::PreferNotToSay
        } else {
            Answer::Chosen(options.iter().map(|o| (*o).to_owned()).collect())
        };
        answers
            .set(questionnaire, question, answer)
            .unwrap_or_else(|e| panic!("test data: {question} = {options:?}: {e}"));
    }
    answers
}

fn answers(spec: Spec<'_>) -> Answers {
    answers_on(&Answers::new(), spec)
}

/// A complete self-test of a 40-year-old with an mbo-3 diploma, no obstacles, who is doing
/// volunteer work and searching well. Rows override the parts they are about, so that a
/// "complete" row has nothing unchecked.
const CLEAN: Spec<'static> = &[
    ("age_band", &["35_44"]),
    ("education", &["mbo3"]),
    ("diploma", &["yes"]),
    ("work_years", &["1_5"]),
    ("work_sectors", &["logistics"]),
    ("dutch_level", &["native"]),
    ("other_languages", &["english"]),
    ("driving_licence", &["no"]),
    ("transport", &["bike"]),
    ("hours", &["20_31"]),
    ("time_without_work", &["less_6m"]),
    ("income", &["ww"]),
    ("obstacle_health_physical", &["none"]),
    ("obstacle_health_mental", &["none"]),
    ("obstacle_care", &["none"]),
    ("obstacle_money", &["none"]),
    ("obstacle_housing", &["none"]),
    ("obstacle_language", &["none"]),
    ("obstacle_digital", &["none"]),
    ("obstacle_addiction", &["none"]),
    ("obstacle_justice", &["none"]),
    ("obstacle_help", &["none"]),
    ("applications_4w", &["4_9"]),
    ("channels", &["job_sites", "temp_agency"]),
    ("cv_ready", &["yes"]),
    ("knows_goal", &["yes"]),
    ("interviews", &["1"]),
    ("want_work", &["yes"]),
    ("expect_work", &["maybe"]),
    ("know_strengths", &["somewhat"]),
    ("activities", &["volunteering"]),
];

fn clean(spec: Spec<'_>) -> Answers {
    answers_on(&answers(CLEAN), spec)
}

fn score(answers: &Answers) -> SelfTestResult {
    selftest().score(answers)
}

fn evidence_questions(evidence: &[Evidence]) -> BTreeSet<String> {
    evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Answer { question } => Some(question.clone()),
            Evidence::Fact { .. } => None,
        })
        .collect()
}

fn evidence_facts(evidence: &[Evidence]) -> BTreeSet<String> {
    evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Fact { fact } => Some(fact.clone()),
            Evidence::Answer { .. } => None,
        })
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn step_ids(result: &SelfTestResult) -> Vec<&str> {
    result.next_steps.iter().map(|s| s.id.as_str()).collect()
}

fn all_question_ids() -> Vec<String> {
    selftest()
        .questionnaire
        .questions()
        .map(|q| q.id.clone())
        .collect()
}

const OBSTACLE_QUESTIONS: [&str; 9] = [
    "obstacle_health_physical",
    "obstacle_health_mental",
    "obstacle_care",
    "obstacle_money",
    "obstacle_housing",
    "obstacle_language",
    "obstacle_digital",
    "obstacle_addiction",
    "obstacle_justice",
];

// ---------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------

struct RouteCase {
    name: &'static str,
    answers: Answers,
    route: RouteId,
    /// Obstacle questions that must appear in the route's evidence ("waarom zie ik dit?").
    evidence: &'static [&'static str],
    unchecked: &'static [RouteId],
}

#[test]
fn every_route_with_its_evidence() {
    let cases = vec![
        RouteCase {
            name: "A: complete test without obstacles, 40 years old",
            answers: clean(&[]),
            route: RouteId::SelfSearch,
            evidence: &[],
            unchecked: &[],
        },
        RouteCase {
            name: "B: one obstacle 'a lot' (money)",
            answers: clean(&[("obstacle_money", &["a_lot"])]),
            route: RouteId::SupportFirst,
            evidence: &["obstacle_money"],
            unchecked: &[],
        },
        RouteCase {
            name: "B: one obstacle 'a lot' (addiction, a private question)",
            answers: clean(&[("obstacle_addiction", &["a_lot"])]),
            route: RouteId::SupportFirst,
            evidence: &["obstacle_addiction"],
            unchecked: &[],
        },
        RouteCase {
            name: "B: three obstacles 'some'",
            answers: clean(&[
                ("obstacle_care", &["some"]),
                ("obstacle_money", &["some"]),
                ("obstacle_housing", &["some"]),
            ]),
            route: RouteId::SupportFirst,
            evidence: &["obstacle_care", "obstacle_money", "obstacle_housing"],
            unchecked: &[],
        },
        RouteCase {
            // Language and digital skills are learned alongside searching (a course), so a
            // little trouble with them does not add up to "eerst steun".
            name: "A: language, digital and care 'some'",
            answers: clean(&[
                ("obstacle_care", &["some"]),
                ("obstacle_language", &["some"]),
                ("obstacle_digital", &["some"]),
            ]),
            route: RouteId::SelfSearch,
            evidence: &[],
            unchecked: &[],
        },
        RouteCase {
            name: "B: two 'a lot' and one 'some' all named",
            answers: clean(&[
                ("obstacle_health_mental", &["a_lot"]),
                ("obstacle_housing", &["a_lot"]),
                ("obstacle_care", &["some"]),
            ]),
            route: RouteId::SupportFirst,
            evidence: &[
                "obstacle_health_mental",
                "obstacle_housing",
                "obstacle_care",
            ],
            unchecked: &[],
        },
        RouteCase {
            name: "A: two obstacles 'some' is not enough for B",
            answers: clean(&[("obstacle_care", &["some"]), ("obstacle_money", &["some"])]),
            route: RouteId::SelfSearch,
            evidence: &[],
            unchecked: &[],
        },
        RouteCase {
            name: "A, B unchecked: two 'some' and the other obstacles unanswered",
            answers: answers(&[
                ("age_band", &["35_44"]),
                ("obstacle_care", &["some"]),
                ("obstacle_money", &["some"]),
            ]),
            route: RouteId::SelfSearch,
            evidence: &[],
            unchecked: &[RouteId::SupportFirst],
        },
        RouteCase {
            name: "youth: 19 years old with a vmbo diploma",
            answers: clean(&[
                ("age_band", &["18_22"]),
                ("education", &["vmbo"]),
                ("diploma", &["yes"]),
            ]),
            route: RouteId::DiplomaFirst,
            evidence: &["age_band", "education"],
            unchecked: &[],
        },
        RouteCase {
            name: "youth before B: young, no startkwalificatie and a heavy obstacle",
            answers: clean(&[
                ("age_band", &["15_17"]),
                ("education", &["praktijk"]),
                ("obstacle_housing", &["a_lot"]),
            ]),
            route: RouteId::DiplomaFirst,
            evidence: &["age_band", "education"],
            unchecked: &[],
        },
        RouteCase {
            name: "B for a young person who has a startkwalificatie",
            answers: clean(&[
                ("age_band", &["23_26"]),
                ("education", &["mbo2"]),
                ("diploma", &["yes"]),
                ("obstacle_health_physical", &["a_lot"]),
            ]),
            route: RouteId::SupportFirst,
            evidence: &["obstacle_health_physical"],
            unchecked: &[],
        },
    ];
    for case in cases {
        let result = score(&case.answers);
        assert_eq!(result.route.route, case.route, "{}", case.name);
        assert_eq!(
            result.route.unchecked_routes(),
            case.unchecked,
            "{}: unchecked",
            case.name
        );
        let named = evidence_questions(&result.route.because);
        for question in case.evidence {
            assert!(
                named.contains(*question),
                "{}: evidence {named:?} lacks {question}",
                case.name
            );
        }
        let rule = selftest()
            .rules
            .routes
            .iter()
            .find(|r| r.id == case.route.rule_id())
            .expect("route rule");
        assert_eq!(result.route.title, rule.title, "{}: title", case.name);
        assert_eq!(result.route.explanation, rule.explanation, "{}", case.name);
        if case.route == RouteId::SupportFirst {
            // Route B names exactly the obstacles that caused it, nothing answered "none".
            let obstacles: BTreeSet<String> = named
                .iter()
                .filter(|q| q.starts_with("obstacle_"))
                .cloned()
                .collect();
            assert_eq!(
                obstacles,
                set(case.evidence),
                "{}: obstacle evidence",
                case.name
            );
            assert!(
                !result.obstacles.is_empty(),
                "{}: obstacles listed",
                case.name
            );
        }
    }
}

#[test]
fn route_b_evidence_excludes_obstacles_answered_none_or_declined() {
    let result = score(&clean(&[
        ("obstacle_money", &["a_lot"]),
        ("obstacle_care", &[DECLINE]),
        ("obstacle_housing", &["none"]),
    ]));
    assert_eq!(result.route.route, RouteId::SupportFirst);
    assert_eq!(
        evidence_questions(&result.route.because),
        set(&["obstacle_money"])
    );
    assert!(evidence_facts(&result.route.because).contains("heavy_obstacle"));
}

#[test]
fn route_rule_ids_round_trip() {
    for route in [
        RouteId::SelfSearch,
        RouteId::SupportFirst,
        RouteId::DiplomaFirst,
    ] {
        assert_eq!(RouteId::from_rule_id(route.rule_id()), Some(route));
    }
    assert_eq!(RouteId::from_rule_id("elsewhere"), None);
}

// ---------------------------------------------------------------------------------------
// Youth rule and startkwalificatie
// ---------------------------------------------------------------------------------------

struct YouthCase {
    name: &'static str,
    age: &'static str,
    education: Option<&'static str>,
    diploma: Option<&'static str>,
    /// Whether the startkwalificatie fact holds (shown as the `diploma` strength).
    has_sk: Option<bool>,
    route_is_diploma: bool,
    diploma_unchecked: bool,
}

#[test]
fn youth_rule_and_startkwalificatie() {
    let young = |name, education, diploma, has_sk: bool| YouthCase {
        name,
        age: "18_22",
        education: Some(education),
        diploma: Some(diploma),
        has_sk: Some(has_sk),
        route_is_diploma: !has_sk,
        diploma_unchecked: false,
    };
    let cases = vec![
        young("havo diploma", "havo", "yes", true),
        young("vwo diploma", "vwo", "yes", true),
        young("mbo 2 diploma", "mbo2", "yes", true),
        young("mbo 3 diploma", "mbo3", "yes", true),
        young("mbo 4 diploma", "mbo4", "yes", true),
        young("hbo diploma", "hbo", "yes", true),
        young("university diploma", "wo", "yes", true),
        // Admission to hbo or university needs a havo, vwo or mbo-4 diploma: someone who
        // studies there, or stopped, already has a startkwalificatie.
        young("hbo student", "hbo", "studying", true),
        young("stopped university", "wo", "no", true),
        young("mbo 1 (entree) diploma", "mbo1", "yes", false),
        young("vmbo diploma", "vmbo", "yes", false),
        young("praktijkonderwijs", "praktijk", "yes", false),
        young("primary school only", "primary", "no", false),
        young("no school", "none", "no", false),
        young("mbo 2 without diploma", "mbo2", "no", false),
        young("mbo 2 still studying", "mbo2", "studying", false),
        young("mbo 4 still studying", "mbo4", "studying", false),
        young("havo without diploma", "havo", "no", false),
        young("15 to 17", "vmbo", "studying", false),
        YouthCase {
            name: "23 to 26 without startkwalificatie",
            age: "23_26",
            ..young("", "mbo1", "yes", false)
        },
        YouthCase {
            name: "27 to 34 without startkwalificatie: not the youth route",
            age: "27_34",
            route_is_diploma: false,
            ..young("", "vmbo", "yes", false)
        },
        YouthCase {
            name: "55+ without any school: not the youth route",
            age: "55_plus",
            route_is_diploma: false,
            ..young("", "none", "no", false)
        },
        YouthCase {
            name: "age declined, no startkwalificatie: diploma route unchecked",
            age: DECLINE,
            route_is_diploma: false,
            diploma_unchecked: true,
            ..young("", "vmbo", "yes", false)
        },
        YouthCase {
            name: "age declined, with startkwalificatie: diploma route ruled out",
            age: DECLINE,
            route_is_diploma: false,
            diploma_unchecked: false,
            ..young("", "mbo2", "yes", true)
        },
        YouthCase {
            name: "young, education unanswered: diploma route unchecked",
            education: None,
            diploma: None,
            has_sk: None,
            route_is_diploma: false,
            diploma_unchecked: true,
            ..young("", "vmbo", "yes", false)
        },
        YouthCase {
            name: "young, mbo 3 but diploma unanswered: diploma route unchecked",
            diploma: None,
            has_sk: None,
            route_is_diploma: false,
            diploma_unchecked: true,
            ..young("", "mbo3", "yes", false)
        },
        YouthCase {
            name: "young, mbo 1 and diploma unanswered: no startkwalificatie either way",
            diploma: None,
            ..young("", "mbo1", "yes", false)
        },
        YouthCase {
            name: "young, education declined: diploma route unchecked",
            education: Some(DECLINE),
            has_sk: None,
            route_is_diploma: false,
            diploma_unchecked: true,
            ..young("", "vmbo", "yes", false)
        },
    ];
    for case in cases {
        let mut spec: Vec<(&str, &[&str])> = Vec::new();
        let age = [case.age];
        let education = case.education.map(|e| [e]);
        let diploma = case.diploma.map(|d| [d]);
        spec.push(("age_band", &age));
        let mut base = answers(CLEAN);
        base.clear("education");
        base.clear("diploma");
        if let Some(education) = &education {
            spec.push(("education", education));
        }
        if let Some(diploma) = &diploma {
            spec.push(("diploma", diploma));
        }
        let given = answers_on(&base, &spec);
        let result = score(&given);
        let is_diploma = result.route.route == RouteId::DiplomaFirst;
        assert_eq!(is_diploma, case.route_is_diploma, "{}: route", case.name);
        assert_eq!(
            result
                .route
                .unchecked_routes()
                .contains(&RouteId::DiplomaFirst),
            case.diploma_unchecked,
            "{}: unchecked {:?}",
            case.name,
            result.route.unchecked
        );
        let diploma_strength = result.strengths.iter().any(|s| s.id == "diploma");
        assert_eq!(
            diploma_strength,
            case.has_sk == Some(true),
            "{}: startkwalificatie strength",
            case.name
        );
        let diploma_step = step_ids(&result).contains(&"diploma");
        assert_eq!(
            diploma_step, case.route_is_diploma,
            "{}: diploma next step follows the route",
            case.name
        );
        if case.route_is_diploma {
            let facts = evidence_facts(&result.route.because);
            assert!(
                facts.contains("youth") && facts.contains("startkwalificatie"),
                "{}: evidence {:?}",
                case.name,
                result.route.because
            );
            // "Waarom zie ik dit?" must not claim a startkwalificatie the person lacks.
            let say = |fact: &str| {
                let evidence = Evidence::Fact { fact: fact.into() };
                selftest()
                    .describe(&given, &evidence)
                    .answer
                    .map(|a| (a.nl, a.en))
            };
            assert_eq!(
                say("youth"),
                Some(("Klopt".into(), "True".into())),
                "{}",
                case.name
            );
            assert_eq!(
                say("startkwalificatie"),
                Some(("Klopt niet".into(), "Not true".into())),
                "{}",
                case.name
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Participatieladder
// ---------------------------------------------------------------------------------------

#[test]
fn participation_level_from_activities() {
    let cases: Vec<(&str, Answers, Option<u8>)> = vec![
        (
            "1 mostly at home",
            answers(&[("activities", &["mostly_home"])]),
            Some(1),
        ),
        (
            "2 social contacts",
            answers(&[("activities", &["social_contacts"])]),
            Some(2),
        ),
        (
            "3 course or club",
            answers(&[("activities", &["course_or_club"])]),
            Some(3),
        ),
        (
            "4 volunteering",
            answers(&[("activities", &["volunteering"])]),
            Some(4),
        ),
        (
            "4 internship",
            answers(&[("activities", &["internship"])]),
            Some(4),
        ),
        (
            "5 paid work with support",
            answers(&[("activities", &["paid_work_support"])]),
            Some(5),
        ),
        (
            "6 paid work",
            answers(&[("activities", &["paid_work"])]),
            Some(6),
        ),
        (
            "multi: home and volunteering, the highest counts",
            answers(&[("activities", &["mostly_home", "volunteering"])]),
            Some(4),
        ),
        (
            "multi: paid work listed last still counts",
            answers(&[(
                "activities",
                &["social_contacts", "course_or_club", "paid_work"],
            )]),
            Some(6),
        ),
        (
            "multi: supported and regular paid work",
            answers(&[("activities", &["paid_work_support", "paid_work"])]),
            Some(6),
        ),
        ("unanswered", answers(&[]), None),
        ("declined", answers(&[("activities", &[DECLINE])]), None),
        (
            "other questions do not set a level",
            answers(&[("time_without_work", &["working"]), ("income", &["wages"])]),
            None,
        ),
    ];
    for (name, answers, expected) in cases {
        let result = score(&answers);
        let level = result.participation.as_ref().map(|p| p.level);
        assert_eq!(level, expected, "{name}");
        if let Some(placement) = &result.participation {
            assert_eq!(
                evidence_questions(&placement.because),
                set(&["activities"]),
                "{name}: evidence"
            );
            assert!(
                selftest().participation_label(placement.level).is_some(),
                "{name}: label"
            );
        }
    }
    for level in 1..=6 {
        assert!(
            selftest().participation_label(level).is_some(),
            "label {level}"
        );
    }
    assert!(selftest().participation_label(0).is_none());
    assert!(selftest().participation_label(7).is_none());
}

// ---------------------------------------------------------------------------------------
// Re-integratieladder (suggestion)
// ---------------------------------------------------------------------------------------

#[test]
fn reintegration_rungs() {
    let cases: Vec<(&str, Answers, u8, &[u8])> = vec![
        (
            "6: paid work",
            clean(&[("activities", &["paid_work"])]),
            6,
            &[],
        ),
        (
            "6: paid work outranks obstacles",
            clean(&[
                ("activities", &["paid_work"]),
                ("obstacle_money", &["a_lot"]),
            ]),
            6,
            &[],
        ),
        (
            "5: paid work with support",
            clean(&[("activities", &["paid_work_support"])]),
            5,
            &[],
        ),
        (
            "0: does not want work and health holds back a lot",
            clean(&[
                ("want_work", &["no"]),
                ("obstacle_health_physical", &["a_lot"]),
            ]),
            0,
            &[],
        ),
        (
            "0: does not want work and mental health holds back a lot",
            clean(&[
                ("want_work", &["no"]),
                ("obstacle_health_mental", &["a_lot"]),
            ]),
            0,
            &[],
        ),
        (
            "1: two heavy obstacles (money, housing)",
            clean(&[
                ("obstacle_money", &["a_lot"]),
                ("obstacle_housing", &["a_lot"]),
            ]),
            1,
            &[],
        ),
        (
            "1: wants work later, health and care heavy",
            clean(&[
                ("want_work", &["later"]),
                ("obstacle_health_physical", &["a_lot"]),
                ("obstacle_care", &["a_lot"]),
            ]),
            1,
            &[],
        ),
        (
            "2: mostly at home and one heavy obstacle",
            clean(&[
                ("activities", &["mostly_home"]),
                ("obstacle_care", &["a_lot"]),
            ]),
            2,
            &[],
        ),
        (
            "2: social contacts only and three obstacles 'some'",
            clean(&[
                ("activities", &["social_contacts"]),
                ("obstacle_care", &["some"]),
                ("obstacle_money", &["some"]),
                ("obstacle_housing", &["some"]),
            ]),
            2,
            &[],
        ),
        (
            "3: volunteering and one heavy obstacle",
            clean(&[("obstacle_health_mental", &["a_lot"])]),
            3,
            &[],
        ),
        (
            "3: language and digital heavy are not 'care first'",
            clean(&[
                ("obstacle_language", &["a_lot"]),
                ("obstacle_digital", &["a_lot"]),
            ]),
            3,
            &[],
        ),
        (
            "3: a course, no obstacles, 2 to 5 years without work",
            clean(&[
                ("activities", &["course_or_club"]),
                ("time_without_work", &["2_5y"]),
            ]),
            3,
            &[],
        ),
        (
            "3: mostly at home and never had paid work",
            clean(&[
                ("activities", &["mostly_home"]),
                ("time_without_work", &["never"]),
            ]),
            3,
            &[],
        ),
        ("4: default for a complete, clean test", clean(&[]), 4, &[]),
        (
            "4: volunteering and 5+ years without work (participation above 3)",
            clean(&[("time_without_work", &["5y_plus"])]),
            4,
            &[],
        ),
        (
            "4: does not want work but no heavy health obstacle",
            clean(&[("want_work", &["no"])]),
            4,
            &[],
        ),
        (
            "4: empty test, every other rung unchecked",
            answers(&[]),
            4,
            &[6, 5, 0, 1, 2, 3],
        ),
        (
            "4: activities declined, 6 and 5 unchecked",
            clean(&[("activities", &[DECLINE])]),
            4,
            &[6, 5],
        ),
    ];
    let mut produced = BTreeSet::new();
    for (name, answers, rung, unchecked) in cases {
        let result = score(&answers);
        let placement = result
            .reintegration
            .unwrap_or_else(|| panic!("{name}: a rung is always suggested"));
        assert_eq!(placement.level, rung, "{name}");
        assert_eq!(placement.unchecked, unchecked, "{name}: unchecked");
        assert!(
            selftest().reintegration_label(rung).is_some(),
            "{name}: label"
        );
        if rung != 4 {
            assert!(!placement.because.is_empty(), "{name}: evidence");
        }
        produced.insert(rung);
    }
    let possible: BTreeSet<u8> = selftest()
        .rules
        .reintegration_rungs
        .iter()
        .map(|r| r.rung)
        .collect();
    assert_eq!(
        produced, possible,
        "every rung in rules.json is covered by a case"
    );
    assert_eq!(
        selftest().rules.reintegration_rungs.last().map(|r| r.rung),
        Some(4),
        "the default rung is 4"
    );
}

// ---------------------------------------------------------------------------------------
// "Zeg ik liever niet"
// ---------------------------------------------------------------------------------------

fn decline_all_sensitive(base: &Answers) -> Answers {
    let mut answers = base.clone();
    for question in selftest().questionnaire.questions().filter(|q| q.sensitive) {
        answers
            .set(
                &selftest().questionnaire,
                &question.id,
                Answer::PreferNotToSay,
            )
            .expect("declining is always allowed");
    }
    answers
}

fn obstacle_related_step_ids() -> BTreeSet<String> {
    // A step is about an obstacle when it names one, or when its condition reads one of the
    // obstacle questions.
    let mut ids = BTreeSet::new();
    for step in &selftest().rules.next_steps {
        let mut reads_obstacle = step.obstacle.is_some();
        step.when.visit(&mut |c| {
            if let werkmap::core::selftest::Condition::Answer { question, .. } = c {
                if question.starts_with("obstacle_") {
                    reads_obstacle = true;
                }
            }
        });
        if reads_obstacle {
            ids.insert(step.id.clone());
        }
    }
    ids
}

#[test]
fn declining_every_sensitive_question() {
    let obstacle_steps = obstacle_related_step_ids();
    assert!(obstacle_steps.contains("childcare") && obstacle_steps.contains("health"));
    // The last field: whether the youth route stays open. With the age declined it does,
    // unless the answers show a startkwalificatie (the clean test has an mbo-3 diploma).
    let cases: Vec<(&str, Answers, bool)> = vec![
        (
            "only declined answers",
            decline_all_sensitive(&Answers::new()),
            true,
        ),
        (
            "declined over a clean test",
            decline_all_sensitive(&answers(CLEAN)),
            false,
        ),
        (
            "declined over a test without startkwalificatie",
            decline_all_sensitive(&clean(&[("education", &["vmbo"])])),
            true,
        ),
        (
            "declined after first saying 'a lot' everywhere",
            decline_all_sensitive(&answers_on(
                &answers(CLEAN),
                &OBSTACLE_QUESTIONS.map(|q| (q, &["a_lot"][..])),
            )),
            false,
        ),
    ];
    for (name, answers, youth_open) in cases {
        let result = score(&answers);
        assert!(result.obstacles.is_empty(), "{name}: no obstacle");
        assert_ne!(
            result.route.route,
            RouteId::SupportFirst,
            "{name}: not route B"
        );
        assert_ne!(
            result.route.route,
            RouteId::DiplomaFirst,
            "{name}: not youth"
        );
        for step in &result.next_steps {
            assert!(
                !obstacle_steps.contains(&step.id),
                "{name}: step {} is about an obstacle",
                step.id
            );
            assert!(!step.help_declined, "{name}: {} marked declined", step.id);
        }
        assert!(!result.strengths.is_empty(), "{name}: strengths");
        // A declined question is answered, so it is not in `unanswered`.
        for question in selftest().questionnaire.questions().filter(|q| q.sensitive) {
            assert!(
                !result.unanswered.contains(&question.id),
                "{name}: {}",
                question.id
            );
        }
        // The routes that depend on declined answers stay open, never ruled out.
        assert!(
            result
                .route
                .unchecked_routes()
                .contains(&RouteId::SupportFirst),
            "{name}: route B is unchecked, not 'no'"
        );
        assert_eq!(
            result
                .route
                .unchecked_routes()
                .contains(&RouteId::DiplomaFirst),
            youth_open,
            "{name}: youth route unchecked"
        );
    }
}

/// Declining a question scores exactly like leaving it open: "zeg ik liever niet" is never a
/// "no" (and never a "yes").
#[test]
fn declining_scores_like_not_answering() {
    let bases: Vec<(&str, Answers)> = vec![
        ("empty", Answers::new()),
        ("clean", answers(CLEAN)),
        (
            "young, heavy obstacles, few applications",
            clean(&[
                ("age_band", &["18_22"]),
                ("education", &["vmbo"]),
                ("obstacle_money", &["a_lot"]),
                ("obstacle_care", &["some"]),
                ("obstacle_help", &["money"]),
                ("applications_4w", &["0"]),
                ("cv_ready", &["no"]),
                ("activities", &["mostly_home"]),
                ("want_work", &["no"]),
                ("obstacle_health_mental", &["a_lot"]),
            ]),
        ),
    ];
    for (base_name, base) in &bases {
        for question in all_question_ids() {
            let mut declined = base.clone();
            declined
                .set(&selftest().questionnaire, &question, Answer::PreferNotToSay)
                .unwrap();
            let mut open = base.clone();
            open.clear(&question);
            let mut a = score(&declined);
            let mut b = score(&open);
            assert!(!a.unanswered.contains(&question), "{base_name}/{question}");
            assert!(b.unanswered.contains(&question), "{base_name}/{question}");
            a.unanswered.clear();
            b.unanswered.clear();
            assert_eq!(
                a, b,
                "{base_name}: declining {question} differs from leaving it open"
            );
        }
    }
}

#[test]
fn declining_keeps_what_was_said() {
    let cases: Vec<(&str, Answers, RouteId)> = vec![
        (
            "one heavy obstacle, the rest declined",
            decline_all_sensitive(&Answers::new()).tap(|a| {
                a.set(
                    &selftest().questionnaire,
                    "obstacle_money",
                    Answer::Chosen(vec!["a_lot".into()]),
                )
                .unwrap()
            }),
            RouteId::SupportFirst,
        ),
        (
            "young without startkwalificatie, obstacles declined",
            decline_all_sensitive(&Answers::new()).tap(|a| {
                for (q, o) in [
                    ("age_band", "18_22"),
                    ("education", "vmbo"),
                    ("diploma", "yes"),
                ] {
                    a.set(&selftest().questionnaire, q, Answer::Chosen(vec![o.into()]))
                        .unwrap();
                }
            }),
            RouteId::DiplomaFirst,
        ),
    ];
    for (name, answers, route) in cases {
        assert_eq!(score(&answers).route.route, route, "{name}");
    }
}

#[test]
fn declined_help_question_is_not_a_refusal_of_help() {
    let result = score(&clean(&[
        ("obstacle_care", &["a_lot"]),
        ("obstacle_help", &[DECLINE]),
    ]));
    let childcare = result
        .next_steps
        .iter()
        .find(|s| s.id == "childcare")
        .expect("childcare step");
    assert!(!childcare.help_declined);
    assert!(!result.obstacles[0].wants_help);
}

trait Tap {
    fn tap(self, f: impl FnOnce(&mut Self)) -> Self;
}

impl Tap for Answers {
    fn tap(mut self, f: impl FnOnce(&mut Self)) -> Self {
        f(&mut self);
        self
    }
}

// ---------------------------------------------------------------------------------------
// Incomplete tests
// ---------------------------------------------------------------------------------------

#[test]
fn empty_test() {
    let result = score(&Answers::new());
    assert_eq!(result.route.route, RouteId::SelfSearch);
    assert_eq!(
        result.route.unchecked_routes(),
        vec![RouteId::DiplomaFirst, RouteId::SupportFirst]
    );
    assert!(result.route.because.is_empty());
    assert_eq!(result.search.status, SearchStatus::Unknown);
    assert!(result
        .search
        .criteria
        .iter()
        .all(|c| c.truth == Truth::Unknown));
    assert_eq!(result.strengths.len(), 1);
    assert_eq!(result.strengths[0].id, "took_the_test");
    assert_eq!(result.strengths[0].text, selftest().rules.fallback_strength);
    assert_eq!(result.participation, None);
    assert_eq!(result.reintegration.as_ref().map(|r| r.level), Some(4));
    assert!(result.obstacles.is_empty());
    assert!(result.next_steps.is_empty());
    assert_eq!(result.unanswered, all_question_ids());
}

#[test]
fn half_filled_tests_list_exactly_the_open_questions() {
    let questionnaire = &selftest().questionnaire;
    let topic_ids = |topics: &[usize]| -> Vec<String> {
        topics
            .iter()
            .flat_map(|&t| {
                questionnaire.topics[t]
                    .questions
                    .iter()
                    .map(|q| q.id.clone())
            })
            .collect()
    };
    let mut cases: Vec<(String, Answers, Vec<String>)> = Vec::new();
    // Fill one topic from the clean answers at a time.
    for (index, topic) in questionnaire.topics.iter().enumerate() {
        let mut answers = Answers::new();
        let full = self::answers(CLEAN);
        for question in &topic.questions {
            if let Some(answer) = full.get(&question.id) {
                answers
                    .set(questionnaire, &question.id, answer.clone())
                    .unwrap();
            } else if question.kind == QuestionKind::Postcode {
                answers
                    .set(questionnaire, &question.id, Answer::Text("3511".into()))
                    .unwrap();
            }
        }
        let others: Vec<usize> = (0..questionnaire.topics.len())
            .filter(|&t| t != index)
            .collect();
        cases.push((
            format!("only topic {}", topic.id),
            answers,
            topic_ids(&others),
        ));
    }
    cases.push((
        "clean without postcode".into(),
        self::answers(CLEAN),
        vec!["postcode".into()],
    ));
    let mut every_other = Answers::new();
    let mut open = Vec::new();
    for (i, question) in questionnaire.questions().enumerate() {
        if i % 2 == 0 {
            every_other
                .set(questionnaire, &question.id, Answer::PreferNotToSay)
                .unwrap();
        } else {
            open.push(question.id.clone());
        }
    }
    cases.push(("every other question declined".into(), every_other, open));
    for (name, answers, expected) in cases {
        let result = score(&answers);
        assert_eq!(result.unanswered, expected, "{name}");
        assert!(!result.strengths.is_empty(), "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// Search behaviour (one axis of the kwadrantenmodel)
// ---------------------------------------------------------------------------------------

#[test]
fn search_behaviour() {
    const GOOD: Spec<'static> = &[
        ("applications_4w", &["4_9"]),
        ("channels", &["job_sites", "network"]),
        ("cv_ready", &["yes"]),
        ("knows_goal", &["yes"]),
    ];
    let good = |spec: Spec<'_>| answers_on(&answers(GOOD), spec);
    let cases: Vec<(&str, Answers, SearchStatus, &[&str])> = vec![
        ("optimal", good(&[]), SearchStatus::Optimal, &[]),
        (
            "optimal: 10+ applications, knows goal a little",
            good(&[
                ("applications_4w", &["10_plus"]),
                ("knows_goal", &["somewhat"]),
            ]),
            SearchStatus::Optimal,
            &[],
        ),
        (
            "optimal: many channels",
            good(&[(
                "channels",
                &[
                    "temp_agency",
                    "open_application",
                    "social_media",
                    "werkplein",
                ],
            )]),
            SearchStatus::Optimal,
            &[],
        ),
        (
            "incomplete: 1-3 applications",
            good(&[("applications_4w", &["1_3"])]),
            SearchStatus::Incomplete,
            &["applications"],
        ),
        (
            "incomplete: no applications",
            good(&[("applications_4w", &["0"])]),
            SearchStatus::Incomplete,
            &["applications"],
        ),
        (
            "incomplete: one channel",
            good(&[("channels", &["job_sites"])]),
            SearchStatus::Incomplete,
            &["channels"],
        ),
        (
            "incomplete: not looking",
            good(&[("channels", &["none"])]),
            SearchStatus::Incomplete,
            &["channels"],
        ),
        (
            "incomplete: CV half done",
            good(&[("cv_ready", &["partly"])]),
            SearchStatus::Incomplete,
            &["cv"],
        ),
        (
            "incomplete: no CV",
            good(&[("cv_ready", &["no"])]),
            SearchStatus::Incomplete,
            &["cv"],
        ),
        (
            "incomplete: does not know what work",
            good(&[("knows_goal", &["no"])]),
            SearchStatus::Incomplete,
            &["goal"],
        ),
        (
            "incomplete: everything",
            answers(&[
                ("applications_4w", &["0"]),
                ("channels", &["none"]),
                ("cv_ready", &["no"]),
                ("knows_goal", &["no"]),
            ]),
            SearchStatus::Incomplete,
            &["applications", "channels", "cv", "goal"],
        ),
        (
            "incomplete although the rest is unanswered",
            answers(&[("cv_ready", &["no"])]),
            SearchStatus::Incomplete,
            &["cv"],
        ),
        ("unknown: empty", answers(&[]), SearchStatus::Unknown, &[]),
        (
            "unknown: three met, CV unanswered",
            {
                let mut a = good(&[]);
                a.clear("cv_ready");
                a
            },
            SearchStatus::Unknown,
            &[],
        ),
        (
            "unknown: three met, channels declined",
            good(&[("channels", &[DECLINE])]),
            SearchStatus::Unknown,
            &[],
        ),
    ];
    for (name, answers, status, not_met) in cases {
        let result = score(&answers);
        assert_eq!(result.search.status, status, "{name}");
        let ids: Vec<&str> = result
            .search
            .criteria
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["applications", "channels", "cv", "goal"], "{name}");
        let failing: Vec<&str> = result
            .search
            .criteria
            .iter()
            .filter(|c| c.truth == Truth::False)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(failing, not_met, "{name}: criteria not met");
        for criterion in &result.search.criteria {
            let rule = selftest()
                .rules
                .search_criteria
                .iter()
                .find(|c| c.id == criterion.id)
                .unwrap();
            let expected = if criterion.truth == Truth::False {
                &rule.not_met
            } else {
                &rule.met
            };
            assert_eq!(&criterion.text, expected, "{name}: {} text", criterion.id);
            if criterion.truth != Truth::Unknown {
                assert!(
                    !criterion.because.is_empty(),
                    "{name}: {} evidence",
                    criterion.id
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Strengths
// ---------------------------------------------------------------------------------------

#[test]
fn strengths_are_never_empty() {
    let cases: Vec<(&str, Answers, &[&str])> = vec![
        ("empty test", answers(&[]), &["took_the_test"]),
        (
            "everything declined",
            decline_all_sensitive(&Answers::new()),
            &["took_the_test"],
        ),
        (
            "every answer on the hard side",
            answers(&[
                ("age_band", &["45_54"]),
                ("education", &["none"]),
                ("diploma", &["no"]),
                ("work_years", &["0"]),
                ("work_sectors", &["none"]),
                ("dutch_level", &["hard"]),
                ("other_languages", &["none"]),
                ("driving_licence", &["no"]),
                ("hours", &["0_11"]),
                ("time_without_work", &["never"]),
                ("obstacle_money", &["a_lot"]),
                ("obstacle_help", &["none"]),
                ("applications_4w", &["0"]),
                ("channels", &["none"]),
                ("cv_ready", &["no"]),
                ("knows_goal", &["no"]),
                ("interviews", &["0"]),
                ("want_work", &["no"]),
                ("expect_work", &["no"]),
                ("know_strengths", &["no"]),
                ("activities", &["mostly_home"]),
            ]),
            &["took_the_test"],
        ),
        (
            "clean test, in rule order",
            clean(&[]),
            &[
                "motivated",
                "experience",
                "diploma",
                "dutch",
                "languages",
                "hours",
                "taking_part",
                "channels",
                "cv",
                "goal",
            ],
        ),
        (
            "asking for help is a strength",
            answers(&[("obstacle_help", &["money"])]),
            &["asks_help"],
        ),
        (
            "a little work experience",
            answers(&[("work_years", &["less_1"]), ("driving_licence", &["yes"])]),
            &["first_experience", "licence"],
        ),
        (
            "confidence and self-knowledge",
            answers(&[("expect_work", &["yes"]), ("know_strengths", &["yes"])]),
            &["self_knowledge", "confidence"],
        ),
    ];
    for (name, answers, expected) in cases {
        let result = score(&answers);
        let ids: Vec<&str> = result.strengths.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, expected, "{name}");
        for strength in &result.strengths {
            assert!(strength.why.is_none(), "{name}: {}", strength.id);
            assert!(!strength.help_declined, "{name}: {}", strength.id);
            assert!(strength.text.is_complete(), "{name}: {}", strength.id);
            if strength.id != "took_the_test" {
                assert!(
                    !strength.because.is_empty(),
                    "{name}: {} evidence",
                    strength.id
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Next steps
// ---------------------------------------------------------------------------------------

struct StepCase {
    name: &'static str,
    answers: Answers,
    /// Step ids expected, in order, with whether help was declined.
    steps: &'static [(&'static str, bool)],
}

#[test]
fn next_steps_follow_the_answers() {
    let cases = vec![
        StepCase {
            name: "clean test: nothing to do",
            answers: clean(&[]),
            steps: &[],
        },
        StepCase {
            name: "CV not ready",
            answers: clean(&[("cv_ready", &["no"])]),
            steps: &[("cv", false)],
        },
        StepCase {
            name: "CV half done",
            answers: clean(&[("cv_ready", &["partly"])]),
            steps: &[("cv", false)],
        },
        StepCase {
            name: "care obstacle, help asked",
            answers: clean(&[("obstacle_care", &["some"]), ("obstacle_help", &["care"])]),
            steps: &[("childcare", false)],
        },
        StepCase {
            name: "care obstacle, help question unanswered",
            answers: {
                let mut a = clean(&[("obstacle_care", &["some"])]);
                a.clear("obstacle_help");
                a
            },
            steps: &[("childcare", false)],
        },
        StepCase {
            name: "money a lot, help asked",
            answers: clean(&[
                ("obstacle_money", &["a_lot"]),
                ("obstacle_help", &["money"]),
            ]),
            steps: &[("debt_help", false)],
        },
        StepCase {
            name: "Dutch is hard, no language obstacle answered",
            answers: {
                let mut a = clean(&[("dutch_level", &["hard"])]);
                a.clear("obstacle_help");
                a
            },
            steps: &[("language_course", false)],
        },
        StepCase {
            name: "Dutch basic",
            answers: {
                let mut a = clean(&[("dutch_level", &["basic"])]);
                a.clear("obstacle_help");
                a
            },
            steps: &[("language_course", false)],
        },
        StepCase {
            name: "language obstacle with good Dutch",
            answers: clean(&[
                ("obstacle_language", &["some"]),
                ("obstacle_help", &["language"]),
            ]),
            steps: &[("language_course", false)],
        },
        StepCase {
            // Not ticking care is not saying "no help with care": only "ik wil nu geen hulp"
            // is, so childcare is a step like any other (after the one asked for).
            name: "care obstacle but help asked only for money: childcare not declined",
            answers: clean(&[
                ("obstacle_care", &["some"]),
                ("obstacle_money", &["some"]),
                ("obstacle_help", &["money"]),
            ]),
            steps: &[("debt_help", false), ("childcare", false)],
        },
        StepCase {
            name: "'ik wil nu geen hulp': every obstacle step for later, others first",
            answers: clean(&[
                ("obstacle_care", &["a_lot"]),
                ("obstacle_money", &["some"]),
                ("obstacle_digital", &["some"]),
                ("cv_ready", &["no"]),
                ("obstacle_help", &["none"]),
            ]),
            steps: &[
                ("cv", false),
                ("childcare", true),
                ("debt_help", true),
                ("digital_course", true),
            ],
        },
        StepCase {
            name: "health obstacles: the one asked for first, the other not declined",
            answers: clean(&[
                ("obstacle_health_physical", &["some"]),
                ("obstacle_health_mental", &["some"]),
                ("obstacle_help", &["health_mental"]),
            ]),
            steps: &[("mental_health", false), ("health", false)],
        },
        StepCase {
            name: "physical health, help asked",
            answers: clean(&[
                ("obstacle_health_physical", &["a_lot"]),
                ("obstacle_help", &["health_physical"]),
            ]),
            steps: &[("health", false)],
        },
        StepCase {
            name: "housing, addiction and justice",
            answers: clean(&[
                ("obstacle_housing", &["some"]),
                ("obstacle_addiction", &["some"]),
                ("obstacle_justice", &["a_lot"]),
                ("obstacle_help", &["housing", "justice"]),
            ]),
            steps: &[("housing", false), ("justice", false), ("addiction", false)],
        },
        StepCase {
            name: "young without startkwalificatie",
            answers: clean(&[("age_band", &["18_22"]), ("education", &["mbo1"])]),
            steps: &[("diploma", false)],
        },
        StepCase {
            name: "searching: goal, channels, applications",
            answers: clean(&[
                ("knows_goal", &["no"]),
                ("channels", &["job_sites"]),
                ("applications_4w", &["1_3"]),
            ]),
            steps: &[
                ("find_goal", false),
                ("more_channels", false),
                ("apply_more", false),
            ],
        },
        StepCase {
            name: "no push to apply when the person does not want work now",
            answers: clean(&[
                ("want_work", &["later"]),
                ("channels", &["none"]),
                ("applications_4w", &["0"]),
            ]),
            steps: &[],
        },
        StepCase {
            name: "many applications, no interview",
            answers: clean(&[("interviews", &["0"])]),
            steps: &[("practice_interview", false)],
        },
        StepCase {
            name: "mostly at home",
            answers: clean(&[("activities", &["mostly_home"])]),
            steps: &[("take_part", false)],
        },
    ];
    for case in cases {
        let result = score(&case.answers);
        let got: Vec<(&str, bool)> = result
            .next_steps
            .iter()
            .map(|s| (s.id.as_str(), s.help_declined))
            .collect();
        assert_eq!(got, case.steps, "{}", case.name);
        let mut seen_declined = false;
        for step in &result.next_steps {
            assert!(
                step.why.as_ref().is_some_and(|w| w.is_complete()),
                "{}: {} has a why",
                case.name,
                step.id
            );
            assert!(
                !step.because.is_empty(),
                "{}: {} evidence",
                case.name,
                step.id
            );
            assert!(
                !seen_declined || step.help_declined,
                "{}: declined steps come last",
                case.name
            );
            seen_declined |= step.help_declined;
            if step.help_declined {
                assert!(
                    evidence_questions(&step.because).contains("obstacle_help"),
                    "{}: {} says why it is for later",
                    case.name,
                    step.id
                );
            }
        }
    }
}

/// Every step tied to an obstacle respects the help answer, and every obstacle that can
/// produce a step has its step marked "for later" when help is declined.
#[test]
fn every_obstacle_step_respects_the_help_answer() {
    for obstacle in &selftest().rules.obstacles {
        let spec: [(&str, &[&str]); 2] = [
            (obstacle.question.as_str(), &["some"]),
            ("obstacle_help", &["none"]),
        ];
        let declined = score(&clean(&spec));
        let help = [obstacle.id.as_str()];
        let asked = score(&clean(&[
            (obstacle.question.as_str(), &["some"]),
            ("obstacle_help", &help),
        ]));
        let declined_steps: Vec<_> = declined
            .next_steps
            .iter()
            .filter(|s| evidence_questions(&s.because).contains(&obstacle.question))
            .collect();
        assert!(!declined_steps.is_empty(), "{}: a step", obstacle.id);
        for step in declined_steps {
            assert!(
                step.help_declined,
                "{}: step {} for later",
                obstacle.id, step.id
            );
        }
        for step in asked
            .next_steps
            .iter()
            .filter(|s| evidence_questions(&s.because).contains(&obstacle.question))
        {
            assert!(
                !step.help_declined,
                "{}: step {} pushed",
                obstacle.id, step.id
            );
        }
        assert_eq!(asked.obstacles.len(), 1, "{}", obstacle.id);
        assert!(asked.obstacles[0].wants_help, "{}", obstacle.id);
        assert_eq!(
            asked.obstacles[0].severity,
            Severity::Some,
            "{}",
            obstacle.id
        );
        assert!(!declined.obstacles[0].wants_help, "{}", obstacle.id);
    }
}

#[test]
fn obstacles_heaviest_first() {
    let result = score(&clean(&[
        ("obstacle_care", &["some"]),
        ("obstacle_money", &["a_lot"]),
        ("obstacle_digital", &["some"]),
        ("obstacle_justice", &["a_lot"]),
        ("obstacle_help", &["care", "justice"]),
    ]));
    let got: Vec<(&str, Severity, bool)> = result
        .obstacles
        .iter()
        .map(|o| (o.id.as_str(), o.severity, o.wants_help))
        .collect();
    assert_eq!(
        got,
        [
            ("money", Severity::ALot, false),
            ("justice", Severity::ALot, true),
            ("care", Severity::Some, true),
            ("digital", Severity::Some, false),
        ]
    );
    let summary = result.summary();
    assert_eq!(summary.obstacles, ["money", "justice", "care", "digital"]);
    assert_eq!(summary.route, RouteId::SupportFirst);
    assert_eq!(summary.participation, Some(4));
    assert_eq!(summary.reintegration, Some(1));
    assert_eq!(summary.search, SearchStatus::Optimal);
}

// ---------------------------------------------------------------------------------------
// "Waarom zie ik dit?"
// ---------------------------------------------------------------------------------------

#[test]
fn describe_evidence_in_both_languages() {
    let answers = clean(&[
        ("obstacle_money", &["a_lot"]),
        ("obstacle_housing", &["some"]),
        ("channels", &["job_sites", "network"]),
        ("obstacle_care", &[DECLINE]),
    ])
    .tap(|a| {
        a.set(
            &selftest().questionnaire,
            "postcode",
            Answer::Text("3511".into()),
        )
        .unwrap();
        a.clear("hours");
    });
    let answer = |question: &str| Evidence::Answer {
        question: question.into(),
    };
    // (case, evidence, question in nl/en, answer in nl/en)
    type Bilingual<'a> = (&'a str, &'a str);
    let cases: Vec<(&str, Evidence, Bilingual, Option<Bilingual>)> = vec![
        (
            "single choice",
            answer("obstacle_money"),
            (
                "Heb je zorgen over geld of schulden?",
                "Do you worry about money or debts?",
            ),
            Some(("Veel", "A lot")),
        ),
        (
            "multi choice, labels in questionnaire order",
            answer("channels"),
            (
                "Waar zoek je naar werk? Je mag meer dingen kiezen.",
                "Where do you look for work? You can choose more than one.",
            ),
            Some((
                "Op vacaturesites, Via familie, vrienden of buren",
                "On job websites, Through family, friends or neighbours",
            )),
        ),
        (
            "declined",
            answer("obstacle_care"),
            (
                "Zorg je voor kinderen of voor iemand anders, zodat werken moeilijk is?",
                "Do you care for children or someone else, so that working is hard?",
            ),
            Some(("Zeg ik liever niet", "I'd rather not say")),
        ),
        (
            "postcode text",
            answer("postcode"),
            (
                "Wat zijn de 4 cijfers van je postcode?",
                "What are the 4 digits of your postcode?",
            ),
            Some(("3511", "3511")),
        ),
        (
            "unanswered",
            answer("hours"),
            (
                "Hoeveel uur per week kan je hoogstens werken?",
                "What is the most hours a week you can work?",
            ),
            None,
        ),
        (
            "a fact that does not hold says so",
            Evidence::Fact {
                fact: "youth".into(),
            },
            ("Je bent jonger dan 27 jaar", "You are younger than 27"),
            Some(("Klopt niet", "Not true")),
        ),
        (
            "a fact that holds",
            Evidence::Fact {
                fact: "heavy_obstacle".into(),
            },
            ("Iets houdt je veel tegen", "Something holds you back a lot"),
            Some(("Klopt", "True")),
        ),
        (
            "a fact that cannot be checked (an obstacle declined)",
            Evidence::Fact {
                fact: "several_obstacles".into(),
            },
            (
                "Drie of meer dingen in je leven houden je tegen (gezondheid, zorg, geld, wonen, verslaving of justitie)",
                "Three or more things in your life hold you back (health, care, money, housing, addiction or justice)",
            ),
            None,
        ),
    ];
    for (name, evidence, (question_nl, question_en), answer) in cases {
        let line = selftest().describe(&answers, &evidence);
        assert_eq!(line.question.nl, question_nl, "{name}");
        assert_eq!(line.question.en, question_en, "{name}");
        assert_eq!(
            line.answer.as_ref().map(|a| (a.nl.as_str(), a.en.as_str())),
            answer,
            "{name}"
        );
    }

    // Every piece of route-B evidence reads as a real question with its answer.
    let result = score(&answers);
    assert_eq!(result.route.route, RouteId::SupportFirst);
    for evidence in &result.route.because {
        let line = selftest().describe(&answers, evidence);
        assert!(line.question.is_complete(), "{evidence:?}");
        if let Evidence::Answer { .. } = evidence {
            assert_eq!(
                line.answer.map(|a| a.nl),
                Some("Veel".to_owned()),
                "{evidence:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Answers: exclusive options and validation
// ---------------------------------------------------------------------------------------

#[test]
fn exclusive_options_clear_the_others() {
    let questionnaire = &selftest().questionnaire;
    let multi_with_exclusive: Vec<_> = questionnaire
        .questions()
        .filter(|q| q.kind == QuestionKind::Multi && q.options.iter().any(|o| o.exclusive))
        .collect();
    let ids: Vec<&str> = multi_with_exclusive.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "work_sectors",
            "other_languages",
            "obstacle_help",
            "channels"
        ]
    );
    for question in multi_with_exclusive {
        let name = &question.id;
        let exclusive = question
            .options
            .iter()
            .find(|o| o.exclusive)
            .unwrap()
            .id
            .as_str();
        let others: Vec<&str> = question
            .options
            .iter()
            .filter(|o| !o.exclusive)
            .map(|o| o.id.as_str())
            .take(2)
            .collect();
        let chosen = |a: &Answers| a.chosen(name).to_vec();
        let mut answers = Answers::new();
        let steps: Vec<(&str, Vec<&str>)> = vec![
            (others[1], vec![others[1]]),
            (others[0], vec![others[0], others[1]]),
            (exclusive, vec![exclusive]),
            (others[0], vec![others[0]]),
            (others[1], vec![others[0], others[1]]),
            (others[0], vec![others[1]]),
            (others[1], vec![]),
            (exclusive, vec![exclusive]),
            (exclusive, vec![]),
        ];
        for (i, (toggle, expected)) in steps.into_iter().enumerate() {
            answers.toggle(questionnaire, name, toggle).unwrap();
            assert_eq!(
                chosen(&answers),
                expected,
                "{name} step {i}: toggle {toggle}"
            );
            if expected.is_empty() {
                assert_eq!(
                    answers.get(name),
                    None,
                    "{name} step {i}: empty is unanswered"
                );
            }
        }
        // `set` with a mix is accepted as given (the UI uses toggle), in option order.
        answers
            .set(
                questionnaire,
                name,
                Answer::Chosen(vec![others[1].into(), others[0].into(), others[1].into()]),
            )
            .unwrap();
        assert_eq!(
            chosen(&answers),
            [others[0], others[1]],
            "{name}: sorted, deduplicated"
        );
    }

    // Toggling a single-choice question picks the option.
    let mut answers = Answers::new();
    answers.toggle(questionnaire, "cv_ready", "no").unwrap();
    answers.toggle(questionnaire, "cv_ready", "yes").unwrap();
    assert_eq!(answers.chosen("cv_ready"), ["yes"]);
    // Toggling after "liever niet" starts a real answer.
    answers
        .set(questionnaire, "channels", Answer::PreferNotToSay)
        .unwrap();
    answers
        .toggle(questionnaire, "channels", "network")
        .unwrap();
    assert_eq!(answers.chosen("channels"), ["network"]);
}

#[test]
fn answer_validation() {
    let questionnaire = &selftest().questionnaire;
    let chosen = |ids: &[&str]| Answer::Chosen(ids.iter().map(|s| (*s).to_owned()).collect());
    let text = |s: &str| Answer::Text(s.to_owned());
    // (case, question, answer given, what is stored or the error)
    type Expected = Result<Option<Answer>, AnswerError>;
    let cases: Vec<(&str, &str, Answer, Expected)> = vec![
        (
            "a valid single choice",
            "cv_ready",
            chosen(&["yes"]),
            Ok(Some(chosen(&["yes"]))),
        ),
        (
            "unknown question",
            "shoe_size",
            chosen(&["42"]),
            Err(AnswerError::UnknownQuestion("shoe_size".into())),
        ),
        (
            "unknown option",
            "cv_ready",
            chosen(&["maybe"]),
            Err(AnswerError::UnknownOption {
                question: "cv_ready".into(),
                option: "maybe".into(),
            }),
        ),
        (
            "unknown option in a multi choice",
            "channels",
            chosen(&["job_sites", "carrier_pigeon"]),
            Err(AnswerError::UnknownOption {
                question: "channels".into(),
                option: "carrier_pigeon".into(),
            }),
        ),
        (
            "two options on a single question",
            "cv_ready",
            chosen(&["yes", "no"]),
            Err(AnswerError::NotSingle("cv_ready".into())),
        ),
        (
            "text on a choice question",
            "cv_ready",
            text("yes"),
            Err(AnswerError::TextNotAllowed("cv_ready".into())),
        ),
        (
            "choice on the postcode",
            "postcode",
            chosen(&["3511"]),
            Err(AnswerError::ChoiceNotAllowed("postcode".into())),
        ),
        (
            "postcode 3511",
            "postcode",
            text("3511"),
            Ok(Some(text("3511"))),
        ),
        (
            "postcode trimmed",
            "postcode",
            text(" 3511 "),
            Ok(Some(text("3511"))),
        ),
        (
            "postcode 9999",
            "postcode",
            text("9999"),
            Ok(Some(text("9999"))),
        ),
        (
            "postcode 1000",
            "postcode",
            text("1000"),
            Ok(Some(text("1000"))),
        ),
        (
            "postcode 0123",
            "postcode",
            text("0123"),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode 351",
            "postcode",
            text("351"),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode 35a1",
            "postcode",
            text("35a1"),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode 35111",
            "postcode",
            text("35111"),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode empty",
            "postcode",
            text(""),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode 3511AB",
            "postcode",
            text("3511AB"),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode 35 11",
            "postcode",
            text("35 11"),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode in Arabic-Indic digits",
            "postcode",
            text("٣٥١١"),
            Err(AnswerError::InvalidPostcode),
        ),
        (
            "postcode declined",
            "postcode",
            Answer::PreferNotToSay,
            Ok(Some(Answer::PreferNotToSay)),
        ),
        (
            "empty multi choice is unanswered",
            "channels",
            chosen(&[]),
            Ok(None),
        ),
    ];
    for (name, question, answer, expected) in cases {
        let mut answers = Answers::new();
        // A previous answer must survive a refused one.
        let previous = if question == "postcode" {
            text("1234")
        } else if question == "channels" {
            chosen(&["werkplein"])
        } else {
            chosen(&["partly"])
        };
        if questionnaire.question(question).is_some() {
            answers
                .set(questionnaire, question, previous.clone())
                .unwrap();
        }
        let outcome = answers.set(questionnaire, question, answer);
        match expected {
            Ok(stored) => {
                assert_eq!(outcome, Ok(()), "{name}");
                assert_eq!(answers.get(question), stored.as_ref(), "{name}: stored");
            }
            Err(error) => {
                assert_eq!(outcome, Err(error), "{name}");
                if questionnaire.question(question).is_some() {
                    assert_eq!(answers.get(question), Some(&previous), "{name}: untouched");
                } else {
                    assert!(answers.is_empty(), "{name}: nothing stored");
                }
            }
        }
    }
    // The error messages are readable.
    assert_eq!(
        AnswerError::InvalidPostcode.to_string(),
        "a postcode has four digits and does not start with 0"
    );
}

#[test]
fn retain_valid_drops_answers_that_no_longer_fit() {
    // Answers from storage are deserialized without the questionnaire; simulate an old file.
    let stored: Answers = serde_json::from_str(
        r#"{
            "cv_ready": {"type": "chosen", "value": ["yes"]},
            "shoe_size": {"type": "chosen", "value": ["42"]},
            "channels": {"type": "chosen", "value": ["pigeon"]},
            "hours": {"type": "chosen", "value": ["0_11", "32_plus"]},
            "postcode": {"type": "text", "value": "0123"},
            "age_band": {"type": "prefer_not_to_say"}
        }"#,
    )
    .expect("answers json");
    let mut answers = stored;
    let dropped = answers.retain_valid(&selftest().questionnaire);
    assert_eq!(dropped, ["channels", "hours", "postcode", "shoe_size"]);
    assert_eq!(answers.len(), 2);
    assert_eq!(answers.get("age_band"), Some(&Answer::PreferNotToSay));
}

// ---------------------------------------------------------------------------------------
// Properties over arbitrary answers
// ---------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn scoring_invariants(answers in arbitrary_answers()) {
        let result = score(&answers);
        prop_assert!(!result.strengths.is_empty());
        prop_assert!(result.reintegration.is_some());
        let expected_unanswered: Vec<String> = all_question_ids()
            .into_iter()
            .filter(|q| answers.get(q).is_none())
            .collect();
        prop_assert_eq!(&result.unanswered, &expected_unanswered);
        // Route B always names at least one obstacle the person reported.
        if result.route.route == RouteId::SupportFirst {
            prop_assert!(!result.obstacles.is_empty());
            prop_assert!(evidence_questions(&result.route.because)
                .iter()
                .any(|q| q.starts_with("obstacle_")));
        }
        // The chosen route is never also listed as unchecked.
        prop_assert!(!result.route.unchecked_routes().contains(&result.route.route));
        // Obstacles are sorted heaviest first.
        prop_assert!(result.obstacles.windows(2).all(|w| w[0].severity >= w[1].severity));
        // Declined steps come last.
        prop_assert!(result
            .next_steps
            .windows(2)
            .all(|w| !w[0].help_declined || w[1].help_declined));
        // Every piece of evidence anywhere can be put into words.
        let all_evidence = result
            .route
            .because
            .iter()
            .chain(result.strengths.iter().flat_map(|s| &s.because))
            .chain(result.next_steps.iter().flat_map(|s| &s.because))
            .chain(
                result
                    .search
                    .criteria
                    .iter()
                    .filter(|c| c.truth != Truth::Unknown)
                    .flat_map(|c| &c.because),
            )
            .chain(result.reintegration.iter().flat_map(|r| &r.because));
        for evidence in all_evidence {
            let line = selftest().describe(&answers, evidence);
            prop_assert!(line.question.is_complete());
            match evidence {
                Evidence::Answer { question } => {
                    prop_assert!(line.answer.is_some(), "evidence from an open question {}", question);
                    prop_assert!(answers.get(question).is_some());
                    prop_assert_ne!(answers.get(question), Some(&Answer::PreferNotToSay));
                }
                // Evidence only comes from decided outcomes, so every fact in it is
                // either true or not true for this person.
                Evidence::Fact { fact } => {
                    prop_assert!(line.answer.is_some(), "undecided fact {} in evidence", fact);
                }
            }
        }
        // Scoring is deterministic.
        prop_assert_eq!(score(&answers), result);
    }
}

// ---------------------------------------------------------------------------------------
// What is not scored
// ---------------------------------------------------------------------------------------

/// The kind of income (bijstand, WW, …), the postcode and the age above 27 never change a
/// result: no compliance or benefit-status scoring (DOMAIN.md), and the postcode waits for
/// vacancy matching.
#[test]
fn income_postcode_and_age_over_27_do_not_change_the_result() {
    let bases: Vec<(&str, Answers)> = vec![
        ("empty", Answers::new()),
        ("clean", answers(CLEAN)),
        (
            "heavy",
            clean(&[
                ("obstacle_money", &["a_lot"]),
                ("activities", &["mostly_home"]),
                ("cv_ready", &["no"]),
            ]),
        ),
    ];
    let questionnaire = &selftest().questionnaire;
    let options = |id: &str| -> Vec<Answer> {
        let mut all: Vec<Answer> = questionnaire
            .question(id)
            .unwrap()
            .options
            .iter()
            .map(|o| Answer::Chosen(vec![o.id.clone()]))
            .collect();
        all.push(Answer::PreferNotToSay);
        all
    };
    let variants: Vec<(&str, Vec<Answer>)> = vec![
        ("income", options("income")),
        (
            "postcode",
            ["1011", "3511", "9999", "6211"]
                .iter()
                .map(|p| Answer::Text((*p).into()))
                .chain([Answer::PreferNotToSay])
                .collect(),
        ),
        (
            "age_band",
            ["27_34", "35_44", "45_54", "55_plus"]
                .iter()
                .map(|a| Answer::Chosen(vec![(*a).into()]))
                .collect(),
        ),
    ];
    for (base_name, base) in &bases {
        for (question, answers) in &variants {
            let mut reference: Option<SelfTestResult> = None;
            for answer in answers {
                let mut given = base.clone();
                given.set(questionnaire, question, answer.clone()).unwrap();
                let mut result = score(&given);
                result.unanswered.clear();
                match &reference {
                    None => reference = Some(result),
                    Some(first) => {
                        assert_eq!(&result, first, "{base_name}: {question} = {answer:?}")
                    }
                }
            }
        }
    }
    // And nothing in the rules reads the income question at all.
    let mut read = BTreeSet::new();
    let rules = &selftest().rules;
    let conditions = rules
        .facts
        .values()
        .map(|f| &f.when)
        .chain(rules.routes.iter().map(|r| &r.when))
        .chain(rules.reintegration_rungs.iter().map(|r| &r.when))
        .chain(rules.search_criteria.iter().map(|c| &c.when))
        .chain(rules.strengths.iter().map(|s| &s.when))
        .chain(rules.next_steps.iter().map(|s| &s.when));
    for condition in conditions {
        condition.visit(&mut |c| {
            if let werkmap::core::selftest::Condition::Answer { question, .. } = c {
                read.insert(question.clone());
            }
        });
    }
    for question in ["income", "postcode", "transport", "work_sectors"] {
        assert!(!read.contains(question), "{question} is not scored");
    }
}

/// Stored answers are deserialized without the questionnaire (an old or hand-edited
/// file); scoring them before `retain_valid` must still not panic.
fn unchecked_answers() -> impl Strategy<Value = Answers> {
    let ids: Vec<String> = all_question_ids();
    let answer = prop_oneof![
        prop::collection::vec("[a-z0-9_]{0,10}", 0..4)
            .prop_map(|v| serde_json::json!({"type": "chosen", "value": v})),
        "[0-9 ]{0,6}".prop_map(|t| serde_json::json!({"type": "text", "value": t})),
        Just(serde_json::json!({"type": "prefer_not_to_say"})),
    ];
    let key = prop_oneof![prop::sample::select(ids), "[a-z_]{1,12}"];
    prop::collection::btree_map(key, answer, 0..40).prop_map(|map| {
        serde_json::from_value(serde_json::to_value(map).unwrap()).expect("answers shape")
    })
}

proptest! {
    #[test]
    fn scoring_unchecked_stored_answers_never_panics(answers in unchecked_answers()) {
        let result = score(&answers);
        prop_assert!(!result.strengths.is_empty());
        for evidence in &result.route.because {
            let _ = selftest().describe(&answers, evidence);
        }
        let mut cleaned = answers.clone();
        cleaned.retain_valid(&selftest().questionnaire);
        let _ = score(&cleaned);
    }
}

#[test]
fn later_routes_that_also_hold_are_shown_next_to_the_route() {
    let cases: Vec<(&str, Answers, RouteId, Vec<RouteId>)> = vec![
        (
            "young, no startkwalificatie, heavy money worries: diploma first, support too",
            clean(&[
                ("age_band", &["18_22"]),
                ("education", &["vmbo"]),
                ("diploma", &["yes"]),
                ("obstacle_money", &["a_lot"]),
            ]),
            RouteId::DiplomaFirst,
            vec![RouteId::SupportFirst],
        ),
        (
            "young, no startkwalificatie, no obstacles: diploma only",
            clean(&[
                ("age_band", &["18_22"]),
                ("education", &["vmbo"]),
                ("diploma", &["yes"]),
            ]),
            RouteId::DiplomaFirst,
            vec![],
        ),
        (
            "adult with a heavy obstacle: support, nothing else (self-search is the default)",
            clean(&[("obstacle_money", &["a_lot"])]),
            RouteId::SupportFirst,
            vec![],
        ),
    ];
    for (name, answers, route, also) in cases {
        let result = score(&answers);
        assert_eq!(result.route.route, route, "{name}");
        let got: Vec<RouteId> = result.route.also.iter().map(|a| a.route).collect();
        assert_eq!(got, also, "{name}");
        for also in &result.route.also {
            assert!(
                !also.because.is_empty(),
                "{name}: also-route explains itself"
            );
        }
    }
}

#[test]
fn young_people_get_the_jongerenladder_first() {
    let steps = |result: &SelfTestResult| {
        result.youth.as_ref().and_then(|youth| {
            youth.step.map(|step| {
                selftest()
                    .rules
                    .youth_ladder
                    .as_ref()
                    .expect("youth ladder in rules")
                    .steps[step]
                    .id
                    .clone()
            })
        })
    };
    let young = [("age_band", &["18_22"][..])];
    let cases: Vec<(&str, Answers, Option<&str>)> = vec![
        (
            "young without startkwalificatie: a diploma first",
            clean(&[young[0], ("education", &["vmbo"]), ("diploma", &["yes"])]),
            Some("a"),
        ),
        (
            "young with an mbo 2 diploma: regular work",
            clean(&[young[0], ("education", &["mbo2"]), ("diploma", &["yes"])]),
            Some("c"),
        ),
        (
            "young with a diploma, working with a job coach: work with support",
            clean(&[
                young[0],
                ("education", &["mbo3"]),
                ("diploma", &["yes"]),
                ("activities", &["paid_work_support"]),
            ]),
            Some("d"),
        ),
        (
            "young with two heavy obstacles: care and support first, before the diploma",
            clean(&[
                young[0],
                ("education", &["vmbo"]),
                ("obstacle_housing", &["a_lot"]),
                ("obstacle_money", &["a_lot"]),
            ]),
            Some("e"),
        ),
        (
            "27 or older: no jongerenladder",
            clean(&[("education", &["vmbo"])]),
            None,
        ),
    ];
    for (name, answers, expected) in cases {
        let result = score(&answers);
        assert_eq!(steps(&result).as_deref(), expected, "{name}");
        if let Some(youth) = &result.youth {
            assert!(
                evidence_questions(&youth.because).contains("age_band"),
                "{name}: the age answer explains the youth ladder"
            );
        }
    }
}

/// The case a 19-year-old met at the kiosk: "Heb je een diploma? — Nee" with the education
/// question skipped. Whether they have a startkwalificatie is not known (hbo or wo counts
/// without the diploma question), so the ladder must not say "gewoon werk — je hebt een
/// diploma", and what it lacks is the education question, not the age that was given.
#[test]
fn youth_ladder_with_unknown_education_names_the_missing_question() {
    let mut answers = clean(&[("age_band", &["18_22"]), ("diploma", &["no"])]);
    answers.clear("education");
    let result = score(&answers);
    let youth = result.youth.as_ref().expect("young: the ladder is shown");
    assert_eq!(youth.step, None, "no step on a guess");
    let missing: BTreeSet<&str> = youth
        .unchecked
        .iter()
        .flat_map(|u| u.missing.iter().map(String::as_str))
        .collect();
    assert!(missing.contains("education"), "{missing:?}");
    assert!(
        !missing.contains("age_band"),
        "the age was given: {missing:?}"
    );
    assert!(
        !missing.contains("diploma"),
        "the diploma was given: {missing:?}"
    );
    // The route says the same: "eerst een diploma" could fit, and it is the education
    // question that would tell.
    let diploma = result
        .route
        .unchecked
        .iter()
        .find(|u| u.item == RouteId::DiplomaFirst)
        .expect("the diploma route is unchecked");
    assert_eq!(diploma.missing, vec!["education".to_owned()]);

    // With the education answered the step follows from it.
    let answers = clean(&[
        ("age_band", &["18_22"]),
        ("diploma", &["no"]),
        ("education", &["vmbo"]),
    ]);
    let youth = score(&answers).youth.expect("young");
    assert_eq!(
        youth
            .step
            .map(|s| selftest().rules.youth_ladder.as_ref().unwrap().steps[s]
                .id
                .clone())
            .as_deref(),
        Some("a")
    );
    assert!(evidence_questions(&youth.because).contains("education"));
}

// "Gewoon werk — je hebt een diploma" only when the diploma is known, over any answers.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn regular_work_step_only_with_a_known_startkwalificatie(answers in common::arbitrary_answers()) {
        let result = score(&answers);
        let ladder = selftest().rules.youth_ladder.as_ref().unwrap();
        if let Some(step) = result.youth.as_ref().and_then(|y| y.step) {
            if ladder.steps[step].id == "c" {
                let evaluator = werkmap::core::selftest::rules::Evaluator::new(&selftest().rules, &answers);
                prop_assert_eq!(evaluator.fact("startkwalificatie").truth, Truth::True);
            }
        }
        // Every unchecked item names at least one question that would tell.
        for unchecked in result.route.unchecked.iter() {
            prop_assert!(!unchecked.missing.is_empty());
        }
    }
}

/// The hours question takes the person's own maximum, and the strength says that number.
#[test]
fn hours_are_a_number_and_the_words_follow_it() {
    let questionnaire = &selftest().questionnaire;
    let mut answers = clean(&[]);
    answers
        .set(questionnaire, "hours", Answer::Text(" 24 ".into()))
        .expect("24 hours is valid");
    assert_eq!(answers.number("hours"), Some(24));
    let strength = score(&answers)
        .strengths
        .into_iter()
        .find(|s| s.id == "hours")
        .expect("24 hours is a strength");
    assert_eq!(
        strength.text.nl,
        "Je kan 24 uur per week werken. Daar is veel werk voor."
    );
    assert_eq!(
        strength.text.en,
        "You can work 24 hours a week. There is a lot of work for that."
    );

    answers
        .set(questionnaire, "hours", Answer::Number(12))
        .expect("12 is valid");
    assert!(
        !score(&answers).strengths.iter().any(|s| s.id == "hours"),
        "12 hours is not 'many hours'"
    );
    for bad in ["0", "61", "twintig", "-4", ""] {
        assert!(
            answers
                .set(questionnaire, "hours", Answer::Text(bad.into()))
                .is_err(),
            "{bad:?} is refused"
        );
    }
    assert_eq!(
        answers.number("hours"),
        Some(12),
        "a refused number changes nothing"
    );

    // Answers from when the question was a choice keep their meaning.
    for (option, hours) in [("0_11", 11), ("12_19", 19), ("20_31", 31), ("32_plus", 40)] {
        let mut old = Answers::new();
        let raw = format!(r#"{{"hours": {{"type": "chosen", "value": ["{option}"]}}}}"#);
        old = serde_json::from_str(&raw).unwrap_or(old);
        let dropped = old.retain_valid(questionnaire);
        assert!(dropped.is_empty(), "{option}");
        assert_eq!(old.number("hours"), Some(hours), "{option}");
    }
}
