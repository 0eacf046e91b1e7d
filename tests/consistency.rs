//! A result page never contradicts itself: the pairs in `data/consistency.json` never appear
//! together, over generated answer sets and every kind of job supply.

mod common;

use common::{arbitrary_answers, choose, content, selftest};
use proptest::prelude::*;
use werkmap::core::consistency::{statements, ConsistencyRules};
use werkmap::core::matching::{JobSupply, Quadrant};
use werkmap::core::selftest::Answers;

fn rules() -> ConsistencyRules {
    ConsistencyRules::bundled(selftest(), &content().matching).expect("pairs name real statements")
}

/// No supply block (vacancies not loaded), no home, too few and enough good vacancies.
fn supplies() -> Vec<Option<JobSupply>> {
    let matching = &content().matching;
    vec![
        None,
        Some(JobSupply::new(0, 320, 20, false, matching)),
        Some(JobSupply::new(1, 320, 20, true, matching)),
        Some(JobSupply::new(
            matching.sufficient_good + 5,
            320,
            20,
            true,
            matching,
        )),
    ]
}

fn check(answers: &Answers) -> Result<(), String> {
    let rules = rules();
    let result = selftest().score(answers);
    for supply in supplies() {
        let quadrant =
            supply.map(|s| (Quadrant::of(&s, result.search.status), &content().matching));
        let said = statements(selftest(), &result, quadrant);
        let broken = rules.violations(&said);
        if !broken.is_empty() {
            return Err(format!(
                "{:?} on one page ({}); all statements: {said:?}",
                broken.iter().map(|p| (&p.a, &p.b)).collect::<Vec<_>>(),
                broken[0].why
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn no_result_page_contradicts_itself(answers in arbitrary_answers()) {
        prop_assert!(check(&answers).is_ok(), "{}", check(&answers).unwrap_err());
    }
}

fn with(pairs: &[(&str, &[&str])]) -> Answers {
    let mut answers = Answers::new();
    for (question, options) in pairs {
        choose(&mut answers, question, options);
    }
    answers
}

/// The page a job seeker saw: "✓ Je zoekt op meer manieren" next to "zoek op meer manieren"
/// (search incomplete because of the CV, channels fine), and "Eerst steun" next to "probeer
/// elke week 1 keer te solliciteren".
#[test]
fn the_contradictions_users_met_are_gone() {
    let rules = rules();
    let answers = with(&[
        ("channels", &["job_sites", "network"]),
        ("cv_ready", &["no"]),
        ("applications_4w", &["1_3"]),
        ("knows_goal", &["yes"]),
        ("want_work", &["yes"]),
        ("obstacle_money", &["a_lot"]),
        ("obstacle_help", &["money"]),
    ]);
    let result = selftest().score(&answers);
    assert_eq!(result.route.route.rule_id(), "support");
    for supply in supplies().into_iter().flatten() {
        let quadrant = Quadrant::of(&supply, result.search.status);
        let said = statements(selftest(), &result, Some((quadrant, &content().matching)));
        assert!(rules.violations(&said).is_empty(), "{said:?}");
        assert!(!said.contains("quadrant_step:tell_people"), "{said:?}");
        assert!(!said.contains("step:apply_more"), "{said:?}");
    }
}

/// A pair must be able to fail: putting both statements on a page is caught.
#[test]
fn a_page_with_both_statements_is_caught() {
    let rules = rules();
    let pair = &rules.never_together[0];
    let said = [pair.a.clone(), pair.b.clone()].into_iter().collect();
    assert_eq!(rules.violations(&said).len(), 1);
}
