//! The bundled self-test content (`data/selftest/*.json`) against PRODUCT.md §1, and the
//! loader's refusal of broken rules.

use std::collections::BTreeSet;

use serde_json::{json, Value};
use werkmap::core::selftest::{QuestionKind, SelfTest, SelfTestDataError};

const QUESTIONS_JSON: &str = include_str!("../data/selftest/questions.json");
const RULES_JSON: &str = include_str!("../data/selftest/rules.json");

fn bundled() -> SelfTest {
    SelfTest::bundled().expect("the bundled self-test loads")
}

#[test]
fn bundled_content_loads() {
    let selftest = bundled();
    assert!(selftest.questionnaire.version >= 1);
    assert!(selftest.rules.version >= 1);
    assert_eq!(
        SelfTest::from_json(QUESTIONS_JSON, RULES_JSON).as_ref(),
        Ok(&selftest)
    );
}

#[test]
fn the_five_topics_in_product_order() {
    let selftest = bundled();
    let ids: Vec<&str> = selftest
        .questionnaire
        .topics
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "over-jou",
            "wat-houdt-je-tegen",
            "zoeken",
            "willen-en-kunnen",
            "meedoen"
        ]
    );
    for (index, topic) in selftest.questionnaire.topics.iter().enumerate() {
        assert!(
            !topic.questions.is_empty(),
            "topic {} has questions",
            topic.id
        );
        assert_eq!(selftest.questionnaire.topic_index(&topic.id), Some(index));
        // URL slugs: lowercase ASCII words joined by single hyphens.
        let slug_ok = !topic.id.is_empty()
            && topic.id.split('-').all(|word| {
                !word.is_empty()
                    && word
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            });
        assert!(slug_ok, "topic id `{}` is a URL-safe slug", topic.id);
    }
    assert_eq!(selftest.questionnaire.topic_index("nergens"), None);
}

#[test]
fn the_questions_product_md_asks_for() {
    let selftest = bundled();
    let topic_of = |question: &str| {
        selftest
            .questionnaire
            .topics
            .iter()
            .find(|t| t.questions.iter().any(|q| q.id == question))
            .map(|t| t.id.as_str())
            .unwrap_or_else(|| panic!("question `{question}` exists"))
    };
    let expected = [
        ("over-jou", "age_band"),
        ("over-jou", "postcode"),
        ("over-jou", "education"),
        ("over-jou", "diploma"),
        ("over-jou", "work_years"),
        ("over-jou", "work_sectors"),
        ("over-jou", "dutch_level"),
        ("over-jou", "other_languages"),
        ("over-jou", "driving_licence"),
        ("over-jou", "transport"),
        ("over-jou", "hours"),
        ("over-jou", "time_without_work"),
        ("over-jou", "income"),
        ("wat-houdt-je-tegen", "obstacle_health_physical"),
        ("wat-houdt-je-tegen", "obstacle_health_mental"),
        ("wat-houdt-je-tegen", "obstacle_care"),
        ("wat-houdt-je-tegen", "obstacle_money"),
        ("wat-houdt-je-tegen", "obstacle_housing"),
        ("wat-houdt-je-tegen", "obstacle_language"),
        ("wat-houdt-je-tegen", "obstacle_digital"),
        ("wat-houdt-je-tegen", "obstacle_addiction"),
        ("wat-houdt-je-tegen", "obstacle_justice"),
        ("wat-houdt-je-tegen", "obstacle_help"),
        ("zoeken", "applications_4w"),
        ("zoeken", "channels"),
        ("zoeken", "cv_ready"),
        ("zoeken", "knows_goal"),
        ("zoeken", "interviews"),
        ("willen-en-kunnen", "want_work"),
        ("willen-en-kunnen", "expect_work"),
        ("willen-en-kunnen", "know_strengths"),
        ("meedoen", "activities"),
    ];
    for (topic, question) in expected {
        assert_eq!(topic_of(question), topic, "{question}");
    }
    assert_eq!(selftest.questionnaire.questions().count(), expected.len());
    let postcode = selftest.questionnaire.question("postcode").unwrap();
    assert_eq!(postcode.kind, QuestionKind::Postcode);
    assert!(postcode.options.is_empty());
}

#[test]
fn sensitive_questions_are_flagged() {
    let selftest = bundled();
    let questionnaire = &selftest.questionnaire;
    let mut must_be_sensitive: Vec<String> = vec![
        "age_band".into(),
        "postcode".into(),
        "income".into(),
        "time_without_work".into(),
        "want_work".into(),
        "obstacle_help".into(),
    ];
    // Every question of the obstacles topic.
    let obstacles = &questionnaire.topics[questionnaire.topic_index("wat-houdt-je-tegen").unwrap()];
    must_be_sensitive.extend(obstacles.questions.iter().map(|q| q.id.clone()));
    for id in &must_be_sensitive {
        let question = questionnaire.question(id).unwrap();
        assert!(question.sensitive, "`{id}` offers 'zeg ik liever niet'");
    }
    // Addiction and justice are optional and clearly private; nothing else is marked so.
    let private: BTreeSet<&str> = questionnaire
        .questions()
        .filter(|q| q.private)
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(
        private,
        BTreeSet::from(["obstacle_addiction", "obstacle_justice"])
    );
    for question in questionnaire.questions().filter(|q| q.private) {
        assert!(question.sensitive, "private `{}` is sensitive", question.id);
    }
}

#[test]
fn obstacles_are_wired_to_the_scale_the_scoring_reads() {
    let selftest = bundled();
    let help = selftest
        .questionnaire
        .question(&selftest.rules.obstacle_help_question)
        .unwrap();
    assert_eq!(help.kind, QuestionKind::Multi);
    for obstacle in &selftest.rules.obstacles {
        let question = selftest.questionnaire.question(&obstacle.question).unwrap();
        assert_eq!(question.kind, QuestionKind::Single, "{}", obstacle.id);
        let options: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
        // scoring.rs reads "some" and "a_lot" as the severities.
        assert_eq!(options, ["none", "some", "a_lot"], "{}", obstacle.id);
        assert!(
            help.option(&obstacle.id).is_some(),
            "help option {}",
            obstacle.id
        );
    }
    let help_options: BTreeSet<&str> = help
        .options
        .iter()
        .filter(|o| !o.exclusive)
        .map(|o| o.id.as_str())
        .collect();
    let obstacle_ids: BTreeSet<&str> = selftest
        .rules
        .obstacles
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(help_options, obstacle_ids, "one help option per obstacle");
}

#[test]
fn every_activity_has_a_participation_level() {
    let selftest = bundled();
    let rule = &selftest.rules.participation;
    let question = selftest.questionnaire.question(&rule.question).unwrap();
    assert_eq!(question.kind, QuestionKind::Multi);
    for option in &question.options {
        assert!(
            rule.levels.contains_key(&option.id),
            "activity `{}`",
            option.id
        );
    }
    let levels: BTreeSet<u8> = rule.levels.values().copied().collect();
    assert_eq!(
        levels,
        (1..=6).collect(),
        "every participatieladder level is reachable"
    );
}

#[test]
fn option_ids_are_stable_identifiers() {
    for question in bundled().questionnaire.questions() {
        let ok = |id: &str| {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        assert!(ok(&question.id), "question id `{}`", question.id);
        for option in &question.options {
            assert!(ok(&option.id), "{}: option id `{}`", question.id, option.id);
        }
        let exclusive = question.options.iter().filter(|o| o.exclusive).count();
        assert!(
            exclusive <= 1,
            "{}: at most one exclusive option",
            question.id
        );
        if exclusive == 1 {
            assert_eq!(question.kind, QuestionKind::Multi, "{}", question.id);
        }
    }
}

/// Plain Dutch at B1 level: short sentences. A coarse check, but it catches a paragraph
/// that slipped into a question or a next step.
#[test]
fn dutch_sentences_are_short() {
    let selftest = bundled();
    let mut texts: Vec<(String, String)> = Vec::new();
    for topic in &selftest.questionnaire.topics {
        texts.push((topic.id.clone(), topic.intro.nl.clone()));
        for question in &topic.questions {
            texts.push((question.id.clone(), question.text.nl.clone()));
            if let Some(help) = &question.help {
                texts.push((question.id.clone(), help.nl.clone()));
            }
            for option in &question.options {
                texts.push((
                    format!("{}.{}", question.id, option.id),
                    option.label.nl.clone(),
                ));
            }
        }
    }
    let rules = &selftest.rules;
    for route in &rules.routes {
        texts.push((route.id.clone(), route.explanation.nl.clone()));
    }
    for step in &rules.next_steps {
        texts.push((step.id.clone(), step.text.nl.clone()));
        texts.push((step.id.clone(), step.why.nl.clone()));
    }
    for strength in &rules.strengths {
        texts.push((strength.id.clone(), strength.text.nl.clone()));
    }
    for (place, text) in texts {
        for sentence in text.split(['.', '?', '!', ':']) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 20, "{place}: {words} words in `{sentence}`");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Broken content is refused with a clear message
// ---------------------------------------------------------------------------------------

enum File {
    Questions,
    Rules,
}

struct Broken {
    name: &'static str,
    file: File,
    breaks: fn(&mut Value),
    /// Whether the error is a JSON shape error (else a consistency error).
    json_error: bool,
    message: &'static str,
}

fn remove_route(rules: &mut Value, id: &str) {
    rules["routes"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["id"] != id);
}

#[test]
fn broken_content_is_refused_with_a_clear_error() {
    let cases = vec![
        Broken {
            name: "no topics at all",
            file: File::Questions,
            breaks: |q| q["topics"] = json!([]),
            json_error: false,
            message: "the questionnaire has no topics",
        },
        Broken {
            name: "a topic without questions",
            file: File::Questions,
            breaks: |q| {
                q["topics"][4]["questions"] = json!([]);
                q["topics"][4]["pages"] = json!(null);
            },
            json_error: false,
            message: "topic `meedoen` has no questions",
        },
        Broken {
            name: "pages out of order",
            file: File::Questions,
            breaks: |q| {
                q["topics"][3]["pages"] = json!([["expect_work", "want_work", "know_strengths"]])
            },
            json_error: false,
            message: "pages must list its questions in order",
        },
        Broken {
            name: "pages that leave a question out",
            file: File::Questions,
            breaks: |q| q["topics"][3]["pages"] = json!([["want_work", "expect_work"]]),
            json_error: false,
            message: "its pages leave questions out",
        },
        Broken {
            name: "a route reads a question that does not exist",
            file: File::Rules,
            breaks: |r| {
                r["routes"][1]["when"] =
                    json!({ "answer": { "question": "obstacle_pets", "any_of": ["a_lot"] } })
            },
            json_error: false,
            message: "route support: unknown question `obstacle_pets`",
        },
        Broken {
            name: "a strength reads an option that does not exist",
            file: File::Rules,
            breaks: |r| r["strengths"][0]["when"]["answer"]["any_of"] = json!(["absolutely"]),
            json_error: false,
            message: "strength motivated: question `want_work` has no option `absolutely`",
        },
        Broken {
            name: "a route names an unknown fact",
            file: File::Rules,
            breaks: |r| {
                r["routes"][0]["when"] = json!({ "all": [{ "fact": "young" }, { "not": { "fact": "startkwalificatie" } }] })
            },
            json_error: false,
            message: "route diploma: unknown fact `young`",
        },
        Broken {
            name: "a fact names an unknown fact deep inside",
            file: File::Rules,
            breaks: |r| {
                r["facts"]["heavy_obstacle"]["when"]["any"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({ "not": { "fact": "nope" } }))
            },
            json_error: false,
            message: "fact heavy_obstacle: unknown fact `nope`",
        },
        Broken {
            name: "a rung reads a question that does not exist",
            file: File::Rules,
            breaks: |r| {
                r["reintegration_rungs"][0]["when"] =
                    json!({ "answer": { "question": "salary", "any_of": ["high"] } })
            },
            json_error: false,
            message: "rung 6: unknown question `salary`",
        },
        Broken {
            name: "a next step reads an option of the wrong question",
            file: File::Rules,
            breaks: |r| {
                r["next_steps"][1]["when"] =
                    json!({ "answer": { "question": "cv_ready", "any_of": ["a_lot"] } })
            },
            json_error: false,
            message: "step cv: question `cv_ready` has no option `a_lot`",
        },
        Broken {
            name: "a search criterion reads an unknown question",
            file: File::Rules,
            breaks: |r| r["search_criteria"][2]["when"]["answer"]["question"] = json!("resume"),
            json_error: false,
            message: "search cv: unknown question `resume`",
        },
        Broken {
            name: "an empty English route title",
            file: File::Rules,
            breaks: |r| r["routes"][0]["title"]["en"] = json!(""),
            json_error: false,
            message: "missing translation in: route diploma",
        },
        Broken {
            name: "a blank Dutch 'why' of a next step",
            file: File::Rules,
            breaks: |r| r["next_steps"][1]["why"]["nl"] = json!("   "),
            json_error: false,
            message: "missing translation in: step cv why",
        },
        Broken {
            name: "a missing English fallback strength",
            file: File::Rules,
            breaks: |r| {
                r["fallback_strength"].as_object_mut().unwrap().remove("en");
            },
            json_error: true,
            message: "missing field `en`",
        },
        Broken {
            name: "a missing translation of a ladder rung",
            file: File::Rules,
            breaks: |r| r["ladders"]["reintegration"][3]["label"]["nl"] = json!(""),
            json_error: false,
            message: "missing translation in: ladder rung 3",
        },
        Broken {
            name: "the last route is not `always`",
            file: File::Rules,
            breaks: |r| remove_route(r, "self"),
            json_error: false,
            message: "the last route must be `always`",
        },
        Broken {
            name: "the `always` route is not last",
            file: File::Rules,
            breaks: |r| r["routes"].as_array_mut().unwrap().swap(1, 2),
            json_error: false,
            message: "the last route must be `always`",
        },
        Broken {
            name: "no routes at all",
            file: File::Rules,
            breaks: |r| r["routes"] = json!([]),
            json_error: false,
            message: "the last route must be `always`",
        },
        Broken {
            name: "the last rung is not `always`",
            file: File::Rules,
            breaks: |r| {
                r["reintegration_rungs"].as_array_mut().unwrap().pop();
            },
            json_error: false,
            message: "the last re-integration rung must be `always`",
        },
        Broken {
            name: "a route the app does not know",
            file: File::Rules,
            breaks: |r| r["routes"][0]["id"] = json!("elsewhere"),
            json_error: false,
            message: "unknown route id `elsewhere`",
        },
        Broken {
            name: "a rung beyond the ladder",
            file: File::Rules,
            breaks: |r| r["reintegration_rungs"][0]["rung"] = json!(7),
            json_error: false,
            message: "re-integration rung 7 is not 0-6",
        },
        Broken {
            name: "a participation level beyond the ladder",
            file: File::Rules,
            breaks: |r| r["participation"]["levels"]["paid_work"] = json!(7),
            json_error: false,
            message: "participation option `paid_work` / level 7",
        },
        Broken {
            name: "a participation option that does not exist",
            file: File::Rules,
            breaks: |r| r["participation"]["levels"]["sleeping"] = json!(1),
            json_error: false,
            message: "participation option `sleeping`",
        },
        Broken {
            name: "an obstacle without a help option",
            file: File::Rules,
            breaks: |r| r["obstacles"][0]["id"] = json!("back_pain"),
            json_error: false,
            message: "obstacle `back_pain` is not wired to its questions",
        },
        Broken {
            name: "a step for an unknown obstacle",
            file: File::Rules,
            breaks: |r| r["next_steps"][2]["obstacle"] = json!("kids"),
            json_error: false,
            message: "step `childcare`: unknown obstacle `kids`",
        },
        Broken {
            name: "a ladder rung missing",
            file: File::Rules,
            breaks: |r| {
                r["ladders"]["participation"]
                    .as_array_mut()
                    .unwrap()
                    .remove(2);
            },
            json_error: false,
            message: "ladders must list participation 1-6 and re-integration 0-6",
        },
        Broken {
            name: "a typo in a field name",
            file: File::Rules,
            breaks: |r| {
                let step = r["next_steps"][0].as_object_mut().unwrap();
                let when = step.remove("when").unwrap();
                step.insert("whenn".into(), when);
            },
            json_error: true,
            message: "unknown field `whenn`",
        },
        Broken {
            name: "an unknown kind of condition",
            file: File::Rules,
            breaks: |r| r["routes"][1]["when"] = json!({ "sometimes": true }),
            json_error: true,
            message: "sometimes",
        },
        Broken {
            name: "a rule on a question removed from questions.json",
            file: File::Questions,
            breaks: |q| {
                q["topics"][2]["questions"]
                    .as_array_mut()
                    .unwrap()
                    .retain(|question| question["id"] != "cv_ready");
                q["topics"][2]["pages"] = json!(null);
            },
            json_error: false,
            message: "search cv: unknown question `cv_ready`",
        },
        Broken {
            name: "a question id used twice",
            file: File::Questions,
            breaks: |q| q["topics"][4]["questions"][0]["id"] = json!("age_band"),
            json_error: false,
            message: "question `age_band` appears twice",
        },
        Broken {
            name: "a topic id used twice",
            file: File::Questions,
            breaks: |q| q["topics"][3]["id"] = json!("zoeken"),
            json_error: false,
            message: "topic `zoeken` appears twice",
        },
        Broken {
            name: "an option id used twice",
            file: File::Questions,
            breaks: |q| q["topics"][2]["questions"][2]["options"][1]["id"] = json!("yes"),
            json_error: false,
            message: "question `cv_ready`: option `yes` appears twice",
        },
        Broken {
            name: "an unknown option set",
            file: File::Questions,
            breaks: |q| q["topics"][1]["questions"][0]["options"] = json!("obstacle_scale"),
            json_error: false,
            message: "question `obstacle_health_physical` uses unknown option set `obstacle_scale`",
        },
        Broken {
            name: "a choice question without options",
            file: File::Questions,
            breaks: |q| {
                q["topics"][2]["questions"][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("options");
            },
            json_error: false,
            message: "question `cv_ready`: choice questions need options",
        },
        Broken {
            name: "a missing translation of an option",
            file: File::Questions,
            breaks: |q| q["topics"][0]["questions"][0]["options"][1]["label"]["en"] = json!(""),
            json_error: false,
            message: "missing translation in: option age_band.18_22",
        },
        Broken {
            name: "a missing translation of a topic intro",
            file: File::Questions,
            breaks: |q| q["topics"][4]["intro"]["nl"] = json!(" "),
            json_error: false,
            message: "missing translation in: topic meedoen intro",
        },
        Broken {
            name: "a question without the sensitive flag",
            file: File::Questions,
            breaks: |q| {
                q["topics"][0]["questions"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("sensitive");
            },
            json_error: true,
            message: "missing field `sensitive`",
        },
    ];
    for case in cases {
        let mut questions: Value = serde_json::from_str(QUESTIONS_JSON).unwrap();
        let mut rules: Value = serde_json::from_str(RULES_JSON).unwrap();
        match case.file {
            File::Questions => (case.breaks)(&mut questions),
            File::Rules => (case.breaks)(&mut rules),
        }
        let error =
            SelfTest::from_json(&questions.to_string(), &rules.to_string()).expect_err(case.name);
        let text = error.to_string();
        match (&error, case.json_error, &case.file) {
            (SelfTestDataError::Json { file, .. }, true, File::Rules) => {
                assert_eq!(*file, "rules.json", "{}", case.name);
                assert!(
                    text.starts_with("rules.json is not valid: "),
                    "{}: {text}",
                    case.name
                );
            }
            (SelfTestDataError::Json { file, .. }, true, File::Questions) => {
                assert_eq!(*file, "questions.json", "{}", case.name);
            }
            (SelfTestDataError::Invalid { .. }, false, _) => {
                assert!(
                    text.starts_with("self-test content is inconsistent: "),
                    "{}: {text}",
                    case.name
                );
            }
            _ => panic!("{}: unexpected kind of error: {error:?}", case.name),
        }
        assert!(
            text.contains(case.message),
            "{}: `{text}` should say `{}`",
            case.name,
            case.message
        );
    }
}

#[test]
fn every_problem_is_listed_at_once() {
    let mut rules: Value = serde_json::from_str(RULES_JSON).unwrap();
    rules["routes"][1]["when"] = json!({ "fact": "nope" });
    rules["strengths"][0]["when"]["answer"]["question"] = json!("gone");
    let error = SelfTest::from_json(QUESTIONS_JSON, &rules.to_string()).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("route support: unknown fact `nope`"),
        "{text}"
    );
    assert!(
        text.contains("strength motivated: unknown question `gone`"),
        "{text}"
    );
}

#[test]
fn not_json_at_all() {
    for (questions, rules, file) in [
        ("", RULES_JSON, "questions.json"),
        (QUESTIONS_JSON, "{", "rules.json"),
        (QUESTIONS_JSON, "[]", "rules.json"),
    ] {
        match SelfTest::from_json(questions, rules) {
            Err(SelfTestDataError::Json { file: f, message }) => {
                assert_eq!(f, file);
                assert!(!message.is_empty());
            }
            other => panic!("{file}: {other:?}"),
        }
    }
}
