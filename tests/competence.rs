//! The competence check and interest check content (`data/competences.json`,
//! `data/interests.json`), the job seeker's answers, and fit and gap on hand-made profiles and
//! occupations (independent of the bundled occupation catalogue's content).

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::{json, Value};
use werkmap::core::competence::{
    fit_occupation, gap, interest_profile, is_esco_skill_uri, rank_occupations, CompetenceCatalog,
    CompetenceDataError, CompetenceProfile, CompetenceRating, InterestAnswer, InterestCatalog,
    OccupationFit, ProfileError, WayKind, COMPETENCE_IDS, LEVEL_COUNT, MIN_ANSWERS_PER_AREA,
};
use werkmap::core::occupation::Occupation;
use werkmap::core::text::LocalizedText;
use werkmap::core::vocab::{EducationLevel, EvidenceContext, InterestArea, PhysicalDemand, Sector};

const COMPETENCES_JSON: &str = include_str!("../data/competences.json");
const INTERESTS_JSON: &str = include_str!("../data/interests.json");

fn competences() -> CompetenceCatalog {
    CompetenceCatalog::bundled().expect("the bundled competence catalogue loads")
}

fn interests() -> InterestCatalog {
    InterestCatalog::bundled().expect("the bundled interest check loads")
}

fn text(s: &str) -> LocalizedText {
    LocalizedText {
        nl: s.into(),
        en: s.into(),
    }
}

fn occupation(
    id: &str,
    required: &[(&str, u8)],
    areas: &[(InterestArea, u8)],
    bbl: bool,
) -> Occupation {
    Occupation {
        id: id.into(),
        name: text(id),
        competences: required
            .iter()
            .map(|(c, l)| ((*c).to_owned(), *l))
            .collect(),
        interests: areas.iter().copied().collect(),
        education: EducationLevel::Mbo2,
        physical: PhysicalDemand::Medium,
        bbl,
        sector: Sector::Other,
        isco: "9999".into(),
        esco_uri: None,
        synonyms: Vec::new(),
        gendered: Vec::new(),
        tasks: Vec::new(),
    }
}

fn rated(levels: &[(&str, u8)]) -> CompetenceProfile {
    let catalog = competences();
    let mut profile = CompetenceProfile::new();
    for (id, level) in levels {
        profile
            .set_level(&catalog, id, *level)
            .expect("valid rating");
    }
    profile
}

/// Answers every item of an area the same way.
fn answer_area(profile: &mut CompetenceProfile, area: InterestArea, answer: InterestAnswer) {
    let catalog = interests();
    for item in catalog.items_in(area) {
        profile
            .set_interest(&catalog, &item.id, answer)
            .expect("valid item");
    }
}

fn rank(profile: &CompetenceProfile, occupations: &[Occupation]) -> Vec<OccupationFit> {
    rank_occupations(&competences(), &interests(), profile, occupations)
}

fn fit_of(profile: &CompetenceProfile, occupation: &Occupation) -> OccupationFit {
    let interest = interest_profile(&interests(), profile);
    fit_occupation(&competences(), &interest, profile, occupation)
}

// ---------------------------------------------------------------------------------------
// Competence catalogue

#[test]
fn competence_catalogue_has_exactly_the_thirty_ids() {
    let catalog = competences();
    let ids: BTreeSet<&str> = catalog.competences.iter().map(|c| c.id.as_str()).collect();
    let expected: BTreeSet<&str> = COMPETENCE_IDS.into_iter().collect();
    assert_eq!(catalog.competences.len(), 30);
    assert_eq!(ids, expected);
    assert_eq!(
        CompetenceCatalog::from_json(COMPETENCES_JSON).as_ref(),
        Ok(&catalog)
    );
}

#[test]
fn every_competence_is_complete_in_both_languages() {
    let catalog = competences();
    assert_eq!(catalog.level_names.len(), LEVEL_COUNT);
    assert!(catalog.level_names.iter().all(LocalizedText::is_complete));
    for kind in WayKind::ALL {
        assert!(
            catalog
                .way_kind_label(kind)
                .is_some_and(LocalizedText::is_complete),
            "label for {kind:?}"
        );
    }
    for c in &catalog.competences {
        assert!(c.name.is_complete(), "{} name", c.id);
        assert!(c.explanation.is_complete(), "{} explanation", c.id);
        assert_eq!(c.anchors.len(), 5, "{} has anchors 0-4", c.id);
        assert!(c.anchors.iter().all(LocalizedText::is_complete), "{}", c.id);
        let distinct: BTreeSet<&str> = c.anchors.iter().map(|a| a.nl.as_str()).collect();
        assert_eq!(distinct.len(), 5, "{} anchors differ per level", c.id);
        assert!(c.anchor(4).is_some() && c.anchor(5).is_none());
        assert!(
            (2..=4).contains(&c.develop.len()),
            "{} has 2-4 ways to develop it",
            c.id
        );
        assert!(c.develop.iter().all(|w| w.text.is_complete()), "{}", c.id);
        let kinds: BTreeSet<WayKind> = c.develop.iter().map(|w| w.kind).collect();
        assert!(
            kinds.iter().any(|k| *k != WayKind::Bbl),
            "{} has a way without BBL",
            c.id
        );
    }
}

#[test]
fn level_anchors_start_without_judging_and_end_with_teaching_others() {
    for c in &competences().competences {
        let zero = &c.anchors[0];
        // Level 0 is "not done yet", never "I can't".
        assert!(zero.nl.contains("nog"), "{} level 0: {}", c.id, zero.nl);
        assert!(
            !zero.nl.to_lowercase().contains("ik kan niet"),
            "{} level 0 does not judge",
            c.id
        );
        let four = c.anchors[4].nl.to_lowercase();
        assert!(
            ["leren", "uitleggen", "help", "tips"]
                .iter()
                .any(|w| four.contains(w)),
            "{} level 4 mentions passing it on: {four}",
            c.id
        );
        for anchor in &c.anchors[1..] {
            assert!(anchor.nl.starts_with("Ik ") || anchor.nl.starts_with("Anderen "));
        }
    }
}

#[test]
fn esco_skill_uris_are_well_formed_and_distinct() {
    let catalog = competences();
    let uris: Vec<&str> = catalog
        .competences
        .iter()
        .filter_map(|c| c.esco_skill.as_deref())
        .collect();
    assert!(uris.len() >= 15, "most competences map to ESCO");
    for uri in &uris {
        assert!(is_esco_skill_uri(uri), "{uri}");
    }
    let distinct: BTreeSet<&&str> = uris.iter().collect();
    assert_eq!(
        distinct.len(),
        uris.len(),
        "no two competences share a skill"
    );

    assert!(is_esco_skill_uri(
        "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
    ));
    for bad in [
        "https://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0",
        "http://data.europa.eu/esco/occupation/60c78287-22eb-4103-9c8c-28deaa460da0",
        "http://data.europa.eu/esco/skill/60C78287-22EB-4103-9C8C-28DEAA460DA0",
        "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c",
        "http://data.europa.eu/esco/skill/S1.8.1",
        "",
    ] {
        assert!(!is_esco_skill_uri(bad), "{bad}");
    }
}

fn competences_with(
    change: impl FnOnce(&mut Value),
) -> Result<CompetenceCatalog, CompetenceDataError> {
    let mut value: Value = serde_json::from_str(COMPETENCES_JSON).expect("json");
    change(&mut value);
    CompetenceCatalog::from_json(&value.to_string())
}

fn assert_invalid(result: Result<CompetenceCatalog, CompetenceDataError>, needle: &str) {
    match result {
        Err(CompetenceDataError::Invalid { message, .. }) => {
            assert!(message.contains(needle), "`{message}` mentions `{needle}`")
        }
        other => panic!("expected Invalid mentioning {needle}, got {other:?}"),
    }
}

#[test]
fn broken_competence_catalogues_are_refused() {
    assert_invalid(
        competences_with(|v| {
            v["competences"].as_array_mut().map(|a| a.remove(0));
        }),
        "`samenwerken` is missing",
    );
    assert_invalid(
        competences_with(|v| v["competences"][0]["id"] = json!("dansen")),
        "unknown competence id `dansen`",
    );
    assert_invalid(
        competences_with(|v| {
            let first = v["competences"][1].clone();
            if let Some(a) = v["competences"].as_array_mut() {
                a.push(first);
            }
        }),
        "appears twice",
    );
    assert_invalid(
        competences_with(|v| {
            v["competences"][2]["anchors"]
                .as_array_mut()
                .map(|a| a.pop());
        }),
        "4 level anchors",
    );
    assert_invalid(
        competences_with(|v| v["competences"][3]["name"]["en"] = json!(" ")),
        "name: missing translation",
    );
    assert_invalid(
        competences_with(|v| v["competences"][4]["anchors"][2]["nl"] = json!("")),
        "anchor 2: missing translation",
    );
    assert_invalid(
        competences_with(|v| {
            v["competences"][0]["esco_skill"] = json!("http://data.europa.eu/esco/skill/made-up")
        }),
        "not an ESCO skill URI",
    );
    assert_invalid(
        competences_with(|v| {
            if let Some(a) = v["competences"][0]["develop"].as_array_mut() {
                a.truncate(1);
            }
        }),
        "not 2 to 4",
    );
    assert_invalid(
        competences_with(|v| {
            v["way_kinds"].as_object_mut().map(|o| o.remove("bbl"));
        }),
        "no label for Bbl",
    );
    assert!(matches!(
        competences_with(|v| v["competences"][0]["develop"][0]["kind"] = json!("internship")),
        Err(CompetenceDataError::Json { .. })
    ));
    assert!(matches!(
        CompetenceCatalog::from_json("not json"),
        Err(CompetenceDataError::Json {
            file: "competences.json",
            ..
        })
    ));
}

#[test]
fn the_occupation_catalogue_uses_the_same_competence_ids() {
    assert_eq!(werkmap::core::occupation::COMPETENCE_IDS, COMPETENCE_IDS);
    // Whatever the bundled occupations hold, each required competence has a description, and
    // ranking them all works for an empty and a full profile.
    let catalog = competences();
    let occupations = werkmap::core::occupation::OccupationCatalog::bundled()
        .expect("the bundled occupation catalogue loads")
        .occupations;
    for occupation in &occupations {
        for id in occupation.competences.keys() {
            assert!(catalog.contains(id), "{}: {id}", occupation.id);
        }
    }
    let everything = rated(&COMPETENCE_IDS.map(|id| (id, 4)));
    for profile in [CompetenceProfile::new(), everything] {
        let ranking = rank(&profile, &occupations);
        assert_eq!(ranking.len(), occupations.len());
        assert!(ranking.iter().all(|f| f.score <= 100));
    }
}

// ---------------------------------------------------------------------------------------
// Interest catalogue and profile

#[test]
fn interest_check_has_six_areas_with_five_items_each() {
    let catalog = interests();
    let areas: Vec<InterestArea> = catalog.areas.iter().map(|a| a.area).collect();
    assert_eq!(areas, InterestArea::ALL);
    assert_eq!(catalog.items.len(), 30);
    for area in InterestArea::ALL {
        assert_eq!(catalog.items_in(area).count(), 5, "{area:?}");
        let info = catalog.area(area).expect("area info");
        assert!(info.name.is_complete() && info.explanation.is_complete());
    }
    let ids: BTreeSet<&str> = catalog.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids.len(), catalog.items.len());
    assert!(catalog.items.iter().all(|i| i.text.is_complete()));
    assert!(catalog.question.is_complete());
    for answer in InterestAnswer::ALL {
        assert!(catalog.answers.get(answer).is_complete());
    }
}

#[test]
fn broken_interest_checks_are_refused() {
    let with = |change: &dyn Fn(&mut Value)| {
        let mut value: Value = serde_json::from_str(INTERESTS_JSON).expect("json");
        change(&mut value);
        InterestCatalog::from_json(&value.to_string())
    };
    let invalid = |result: Result<InterestCatalog, CompetenceDataError>, needle: &str| match result
    {
        Err(CompetenceDataError::Invalid { message, .. }) => {
            assert!(message.contains(needle), "`{message}` mentions `{needle}`")
        }
        other => panic!("expected Invalid mentioning {needle}, got {other:?}"),
    };
    invalid(
        with(&|v| {
            v["areas"].as_array_mut().map(|a| a.remove(5));
        }),
        "Organising is missing",
    );
    invalid(
        with(&|v| {
            if let Some(a) = v["items"].as_array_mut() {
                a.retain(|i| i["area"] != json!("creative") || i["id"] == json!("koken"));
            }
        }),
        "Creative has 1 items",
    );
    invalid(
        with(&|v| v["items"][0]["text"]["en"] = json!("")),
        "missing translation",
    );
    invalid(
        with(&|v| v["items"][1]["id"] = json!("repareren")),
        "appears twice",
    );
    assert!(matches!(
        with(&|v| v["items"][0]["area"] = json!("cooking")),
        Err(CompetenceDataError::Json { .. })
    ));
}

#[test]
fn interest_profile_scores_yes_maybe_no() {
    let catalog = interests();
    let mut profile = CompetenceProfile::new();
    answer_area(&mut profile, InterestArea::Social, InterestAnswer::Yes);
    answer_area(&mut profile, InterestArea::Organising, InterestAnswer::No);
    let practical: Vec<String> = catalog
        .items_in(InterestArea::Practical)
        .map(|i| i.id.clone())
        .collect();
    for (id, answer) in practical.iter().zip([
        InterestAnswer::Yes,
        InterestAnswer::Maybe,
        InterestAnswer::No,
    ]) {
        profile.set_interest(&catalog, id, answer).expect("valid");
    }
    let creative: Vec<String> = catalog
        .items_in(InterestArea::Creative)
        .map(|i| i.id.clone())
        .collect();
    profile
        .set_interest(&catalog, &creative[0], InterestAnswer::Yes)
        .expect("valid");
    profile
        .set_interest(&catalog, &creative[1], InterestAnswer::Maybe)
        .expect("valid");

    let result = interest_profile(&catalog, &profile);
    assert_eq!(result.areas.len(), 6);
    assert_eq!(result.score(InterestArea::Social), Some(100));
    assert_eq!(result.score(InterestArea::Organising), Some(0));
    // yes + maybe + no = 3 of 6 points; the two unanswered items are not counted as "no".
    let practical_score = result.get(InterestArea::Practical).expect("area");
    assert_eq!(practical_score.score, Some(50));
    assert_eq!(practical_score.answered, 3);
    assert_eq!(practical_score.items, 5);
    // Two answers are not enough to say anything.
    let creative_score = result.get(InterestArea::Creative).expect("area");
    assert_eq!(creative_score.score, None);
    assert_eq!(creative_score.answered, 2);
    assert_eq!(creative_score.needed, MIN_ANSWERS_PER_AREA);
    assert_eq!(result.score(InterestArea::Investigative), None);
    let ranked: Vec<InterestArea> = result.ranked().iter().map(|a| a.area).collect();
    assert_eq!(
        ranked,
        [
            InterestArea::Social,
            InterestArea::Practical,
            InterestArea::Organising
        ]
    );
    assert!(interest_profile(&catalog, &CompetenceProfile::new()).is_unknown());
}

#[test]
fn interest_scores_round_to_whole_numbers() {
    let catalog = interests();
    let mut profile = CompetenceProfile::new();
    let ids: Vec<String> = catalog
        .items_in(InterestArea::Enterprising)
        .map(|i| i.id.clone())
        .collect();
    // yes, yes, maybe = 5 of 6 points = 83.3 → 83.
    for (id, answer) in ids.iter().zip([
        InterestAnswer::Yes,
        InterestAnswer::Yes,
        InterestAnswer::Maybe,
    ]) {
        profile.set_interest(&catalog, id, answer).expect("valid");
    }
    assert_eq!(
        interest_profile(&catalog, &profile).score(InterestArea::Enterprising),
        Some(83)
    );
    // Adding a "maybe": 6 of 8 = 75.
    profile
        .set_interest(&catalog, &ids[3], InterestAnswer::Maybe)
        .expect("valid");
    assert_eq!(
        interest_profile(&catalog, &profile).score(InterestArea::Enterprising),
        Some(75)
    );
}

// ---------------------------------------------------------------------------------------
// The job seeker's answers

#[test]
fn setters_refuse_bad_input() {
    let catalog = competences();
    let interest_catalog = interests();
    let mut profile = CompetenceProfile::new();
    assert_eq!(
        profile.set_level(&catalog, "dansen", 2),
        Err(ProfileError::UnknownCompetence("dansen".into()))
    );
    assert_eq!(
        profile.set_level(&catalog, "samenwerken", 5),
        Err(ProfileError::LevelTooHigh {
            competence: "samenwerken".into(),
            level: 5
        })
    );
    assert_eq!(
        profile.set_rating(&catalog, "samenwerken", CompetenceRating::new(200)),
        Err(ProfileError::LevelTooHigh {
            competence: "samenwerken".into(),
            level: 200
        })
    );
    assert_eq!(
        profile.toggle_shown_in(&catalog, "samenwerken", EvidenceContext::Work),
        Err(ProfileError::NotRated("samenwerken".into()))
    );
    assert_eq!(
        profile.set_shown_in(&catalog, "dansen", BTreeSet::new()),
        Err(ProfileError::UnknownCompetence("dansen".into()))
    );
    assert_eq!(
        profile.set_interest(&interest_catalog, "dansen", InterestAnswer::Yes),
        Err(ProfileError::UnknownInterestItem("dansen".into()))
    );
    assert!(profile.is_empty(), "refused input changes nothing");

    profile
        .set_level(&catalog, "samenwerken", 0)
        .expect("level 0 is a real answer");
    profile
        .set_level(&catalog, "samenwerken", 4)
        .expect("valid");
    assert_eq!(
        profile.toggle_shown_in(&catalog, "samenwerken", EvidenceContext::Volunteering),
        Ok(true)
    );
    assert_eq!(
        profile.toggle_shown_in(&catalog, "samenwerken", EvidenceContext::HomeCare),
        Ok(true)
    );
    assert_eq!(
        profile.toggle_shown_in(&catalog, "samenwerken", EvidenceContext::HomeCare),
        Ok(false)
    );
    profile
        .set_level(&catalog, "samenwerken", 3)
        .expect("valid");
    let rating = profile.rating("samenwerken").expect("rated");
    assert_eq!(rating.level, 3);
    assert_eq!(
        rating.shown_in,
        BTreeSet::from([EvidenceContext::Volunteering]),
        "changing the level keeps where it was shown"
    );
    assert_eq!(
        profile.clear_rating("samenwerken").map(|r| r.level),
        Some(3)
    );
    assert_eq!(profile.level("samenwerken"), None);
}

#[test]
fn profile_json_is_small_and_round_trips() {
    let catalog = competences();
    let interest_catalog = interests();
    assert_eq!(
        serde_json::to_value(CompetenceProfile::new()).expect("json"),
        json!({})
    );
    let mut profile = CompetenceProfile::new();
    profile.set_level(&catalog, "rekenen", 2).expect("valid");
    profile.set_level(&catalog, "zorgzaam", 4).expect("valid");
    profile
        .toggle_shown_in(&catalog, "zorgzaam", EvidenceContext::HomeCare)
        .expect("rated");
    profile
        .set_interest(&interest_catalog, "koken", InterestAnswer::Maybe)
        .expect("valid");
    let value = serde_json::to_value(&profile).expect("json");
    assert_eq!(
        value,
        json!({
            "ratings": {
                "rekenen": { "level": 2 },
                "zorgzaam": { "level": 4, "shown_in": ["home_care"] }
            },
            "interests": { "koken": "maybe" }
        })
    );
    let back: CompetenceProfile = serde_json::from_value(value).expect("reads back");
    assert_eq!(back, profile);
}

#[test]
fn retain_valid_cleans_a_profile_from_a_file() {
    let mut profile: CompetenceProfile = serde_json::from_value(json!({
        "ratings": {
            "rekenen": { "level": 2 },
            "toveren": { "level": 3 },
            "plannen": { "level": 9 }
        },
        "interests": { "koken": "yes", "vliegen": "no" }
    }))
    .expect("reads");
    // Scoring an unclean profile doesn't panic: level 9 reads as 4.
    let occupation = occupation("x", &[("plannen", 4)], &[], false);
    assert_eq!(fit_of(&profile, &occupation).met, ["plannen"]);

    let mut dropped = profile.retain_valid(&competences(), &interests());
    dropped.sort();
    assert_eq!(dropped, ["plannen", "toveren", "vliegen"]);
    assert_eq!(profile.level("rekenen"), Some(2));
    assert_eq!(profile.interest("koken"), Some(InterestAnswer::Yes));
}

#[test]
fn where_a_skill_was_shown_never_changes_its_weight() {
    let catalog = competences();
    let occupations = [occupation(
        "zorg",
        &[("zorgzaam", 3), ("communiceren", 2), ("plannen", 2)],
        &[(InterestArea::Social, 3)],
        true,
    )];
    let mut paid = rated(&[("zorgzaam", 3), ("communiceren", 2), ("plannen", 1)]);
    let mut informal = paid.clone();
    paid.toggle_shown_in(&catalog, "zorgzaam", EvidenceContext::Work)
        .expect("rated");
    informal
        .toggle_shown_in(&catalog, "zorgzaam", EvidenceContext::HomeCare)
        .expect("rated");
    informal
        .toggle_shown_in(&catalog, "communiceren", EvidenceContext::Volunteering)
        .expect("rated");
    assert_eq!(rank(&paid, &occupations), rank(&informal, &occupations));
    assert_eq!(
        gap(&catalog, &paid, &occupations[0]),
        gap(&catalog, &informal, &occupations[0])
    );
}

// ---------------------------------------------------------------------------------------
// Fit

fn sample_occupations() -> Vec<Occupation> {
    vec![
        occupation(
            "magazijn",
            &[
                ("nauwkeurig", 2),
                ("fysiek_werk", 3),
                ("veilig_werken", 2),
                ("betrouwbaar", 2),
            ],
            &[(InterestArea::Practical, 3), (InterestArea::Organising, 1)],
            true,
        ),
        occupation(
            "kantoor",
            &[
                ("administratie", 3),
                ("digitaal", 3),
                ("nederlands_lezen_schrijven", 3),
                ("nauwkeurig", 3),
            ],
            &[(InterestArea::Organising, 3)],
            false,
        ),
        occupation(
            "zorg",
            &[
                ("zorgzaam", 3),
                ("communiceren", 3),
                ("hygienisch_werken", 3),
                ("nederlands_spreken", 3),
            ],
            &[(InterestArea::Social, 3)],
            true,
        ),
    ]
}

fn warehouse_person() -> CompetenceProfile {
    let mut profile = rated(&[
        ("nauwkeurig", 3),
        ("fysiek_werk", 4),
        ("veilig_werken", 2),
        ("betrouwbaar", 3),
        ("administratie", 1),
        ("digitaal", 1),
        ("zorgzaam", 1),
        ("communiceren", 2),
        ("nederlands_lezen_schrijven", 2),
        ("nederlands_spreken", 2),
        ("hygienisch_werken", 1),
    ]);
    answer_area(&mut profile, InterestArea::Practical, InterestAnswer::Yes);
    answer_area(&mut profile, InterestArea::Organising, InterestAnswer::Yes);
    answer_area(&mut profile, InterestArea::Social, InterestAnswer::No);
    profile
}

#[test]
fn a_perfect_match_ranks_first_with_its_parts_shown() {
    let ranking = rank(&warehouse_person(), &sample_occupations());
    let order: Vec<&str> = ranking.iter().map(|f| f.occupation_id.as_str()).collect();
    assert_eq!(order[0], "magazijn");
    let best = &ranking[0];
    assert_eq!(best.score, 100);
    assert_eq!(best.competence_part, Some(100));
    assert_eq!(best.interest_part, Some(100));
    assert_eq!(best.coverage, 1.0);
    assert!(best.below.is_empty() && best.missing.is_empty());
    // Most demanding first, then catalogue order.
    assert_eq!(
        best.met,
        ["fysiek_werk", "nauwkeurig", "betrouwbaar", "veilig_werken"]
    );
    assert_eq!(best.interest_areas.len(), 2);
    assert_eq!(best.interest_areas[0].area, InterestArea::Practical);
    assert_eq!(best.interest_areas[0].weight, 3);
    assert_eq!(best.interest_areas[0].score, Some(100));

    for fit in &ranking {
        assert!(fit.score <= 100);
    }
    assert!(ranking.windows(2).all(|w| w[0].score >= w[1].score));
    // Care: everything known, interest "no" → the lowest.
    assert_eq!(order[2], "zorg");
    let care = &ranking[2];
    assert_eq!(care.interest_part, Some(0));
    assert_eq!(care.below.len(), 4);
}

#[test]
fn a_partly_filled_check_lists_what_is_missing() {
    let occupation = occupation(
        "schoonmaak",
        &[
            ("netjes_werken", 2),
            ("zelfstandig", 2),
            ("betrouwbaar", 2),
            ("fysiek_werk", 2),
            ("hygienisch_werken", 2),
            ("omgaan_met_stress", 1),
        ],
        &[(InterestArea::Practical, 2)],
        false,
    );
    let profile = rated(&[("netjes_werken", 3), ("zelfstandig", 1), ("creatief", 4)]);
    let fit = fit_of(&profile, &occupation);
    assert_eq!(fit.met, ["netjes_werken"]);
    assert_eq!(fit.below.len(), 1);
    assert_eq!(fit.below[0].competence, "zelfstandig");
    assert_eq!(
        (fit.below[0].have, fit.below[0].need, fit.below[0].short_by),
        (1, 2, 1)
    );
    assert_eq!(
        fit.missing,
        [
            "fysiek_werk",
            "betrouwbaar",
            "hygienisch_werken",
            "omgaan_met_stress"
        ]
    );
    assert!(fit.coverage < 1.0);
    assert!((fit.coverage - 4.0 / 11.0).abs() < 1e-6, "{}", fit.coverage);
    // Over what is known: 2 + 1 of 4 points.
    assert_eq!(fit.competence_part, Some(75));
    assert_eq!(
        fit.interest_part, None,
        "no interest answers: unknown, not zero"
    );
    assert_eq!(fit.interest_areas[0].score, None);
    // Known 3 of 4 points, unknown 7 points at half: (3 + 3.5) / 11 = 59.1; interests 50.
    // 0.7 × 59.1 + 0.3 × 50 = 56.4.
    assert_eq!(fit.score, 56);
}

#[test]
fn unrated_is_missing_not_zero() {
    let occupation = occupation("x", &[("rekenen", 2), ("plannen", 2)], &[], false);
    let unrated = rated(&[("rekenen", 2)]);
    let zero = rated(&[("rekenen", 2), ("plannen", 0)]);
    let unrated_fit = fit_of(&unrated, &occupation);
    let zero_fit = fit_of(&zero, &occupation);
    assert_eq!(unrated_fit.missing, ["plannen"]);
    assert!(unrated_fit.below.is_empty());
    assert_eq!(zero_fit.below[0].competence, "plannen");
    assert!(zero_fit.missing.is_empty());
    assert!(unrated_fit.score > zero_fit.score);
    assert_eq!(unrated_fit.competence_part, Some(100));
    assert_eq!(zero_fit.competence_part, Some(50));
    assert_eq!(zero_fit.coverage, 1.0);
}

#[test]
fn knowing_less_never_beats_an_equal_full_check() {
    let occupations = sample_occupations();
    let full = warehouse_person();
    // The same person before rating two of the warehouse competences.
    let mut partial = full.clone();
    partial.clear_rating("fysiek_werk");
    partial.clear_rating("betrouwbaar");
    let full_fit = fit_of(&full, &occupations[0]);
    let partial_fit = fit_of(&partial, &occupations[0]);
    assert_eq!(
        partial_fit.competence_part,
        Some(100),
        "what is known matches"
    );
    assert!(partial_fit.coverage < full_fit.coverage);
    assert!(
        partial_fit.score < full_fit.score,
        "{} < {}",
        partial_fit.score,
        full_fit.score
    );
    // Someone who rated nothing at all gets the neutral score, below a real match.
    let empty = fit_of(&CompetenceProfile::new(), &occupations[0]);
    assert_eq!(empty.score, 50);
    assert_eq!(empty.competence_part, None);
    assert_eq!(empty.coverage, 0.0);

    // For one person: a well-known good fit ranks above a barely-known "perfect" one.
    let known = occupation(
        "known",
        &[
            ("samenwerken", 2),
            ("plannen", 2),
            ("rekenen", 2),
            ("leren", 2),
        ],
        &[],
        false,
    );
    let barely = occupation(
        "barely",
        &[
            ("samenwerken", 2),
            ("verkopen", 2),
            ("creatief", 2),
            ("leidinggeven", 2),
        ],
        &[],
        false,
    );
    let person = rated(&[
        ("samenwerken", 2),
        ("plannen", 2),
        ("rekenen", 2),
        ("leren", 1),
    ]);
    let ranking = rank(&person, &[barely, known]);
    assert_eq!(ranking[0].occupation_id, "known");
    assert_eq!(ranking[1].competence_part, Some(100));
    assert!(ranking[0].competence_part < ranking[1].competence_part);
}

#[test]
fn ties_rank_the_better_known_occupation_first() {
    // Both score 50: one is fully unknown, the other known at exactly half.
    let unknown = occupation("a_unknown", &[("verkopen", 2)], &[], false);
    let half = occupation("b_half", &[("rekenen", 2)], &[], false);
    let person = rated(&[("rekenen", 1)]);
    let ranking = rank(&person, &[unknown, half]);
    assert_eq!(ranking[0].score, ranking[1].score);
    assert_eq!(ranking[0].occupation_id, "b_half");
}

#[test]
fn odd_occupation_data_is_handled_without_guessing() {
    let person = rated(&[("rekenen", 4), ("plannen", 1)]);
    // Unknown competence ids and level 0 are skipped; levels above 4 read as 4.
    let odd = occupation(
        "odd",
        &[("toveren", 3), ("plannen", 0), ("rekenen", 9)],
        &[(InterestArea::Social, 0), (InterestArea::Creative, 7)],
        false,
    );
    let fit = fit_of(&person, &odd);
    assert_eq!(fit.met, ["rekenen"]);
    assert!(fit.below.is_empty() && fit.missing.is_empty());
    assert_eq!(fit.interest_areas.len(), 1);
    assert_eq!(fit.interest_areas[0].weight, 3);
    // An occupation without any requirement is neutral.
    let empty = fit_of(&person, &occupation("empty", &[], &[], false));
    assert_eq!(empty.score, 50);
    assert_eq!(empty.coverage, 1.0);
    assert_eq!((empty.competence_part, empty.interest_part), (None, None));
}

// ---------------------------------------------------------------------------------------
// Gap

#[test]
fn gaps_are_ordered_by_size_with_ways_from_the_data() {
    let catalog = competences();
    let occupation = occupation(
        "kok",
        &[
            ("hygienisch_werken", 3),
            ("samenwerken", 2),
            ("omgaan_met_stress", 3),
            ("nauwkeurig", 2),
            ("plannen", 2),
            ("creatief", 2),
        ],
        &[(InterestArea::Creative, 2)],
        true,
    );
    let profile = rated(&[
        ("hygienisch_werken", 2),
        ("samenwerken", 3),
        ("omgaan_met_stress", 0),
        ("nauwkeurig", 1),
        ("plannen", 2),
    ]);
    let result = gap(&catalog, &profile, &occupation);
    assert_eq!(result.occupation_id, "kok");
    assert_eq!(result.met, ["samenwerken", "plannen"]);
    let order: Vec<(&str, u8)> = result
        .below
        .iter()
        .map(|g| (g.competence.as_str(), g.short_by))
        .collect();
    // Biggest gap first; equal gaps: higher required level, then catalogue order.
    assert_eq!(
        order,
        [
            ("omgaan_met_stress", 3),
            ("hygienisch_werken", 1),
            ("nauwkeurig", 1)
        ]
    );
    assert_eq!(result.below[0].have, Some(0));
    assert_eq!(result.below[0].need, 3);
    assert_eq!(result.missing, ["creatief"]);
    for g in &result.below {
        let data = &catalog.get(&g.competence).expect("known").develop;
        assert_eq!(&g.ways, data, "ways come from the data, in its order");
        assert!(!g.ways.is_empty());
    }
}

#[test]
fn bbl_ways_only_for_occupations_with_a_bbl_route() {
    let catalog = competences();
    let profile = rated(&[("zorgzaam", 1), ("hygienisch_werken", 1)]);
    let required = [("zorgzaam", 3), ("hygienisch_werken", 3)];
    let with_bbl = gap(
        &catalog,
        &profile,
        &occupation("met_bbl", &required, &[], true),
    );
    let without = gap(
        &catalog,
        &profile,
        &occupation("zonder_bbl", &required, &[], false),
    );
    for g in &with_bbl.below {
        assert!(
            g.ways.iter().any(|w| w.kind == WayKind::Bbl),
            "{} offers BBL",
            g.competence
        );
    }
    for g in &without.below {
        assert!(g.ways.iter().all(|w| w.kind != WayKind::Bbl));
        assert!(!g.ways.is_empty(), "{} still has other ways", g.competence);
        let data = &catalog.get(&g.competence).expect("known").develop;
        assert_eq!(g.ways.len(), data.len() - 1);
    }
}

// ---------------------------------------------------------------------------------------
// Properties

fn arb_profile() -> impl Strategy<Value = CompetenceProfile> {
    let ratings = proptest::collection::btree_map(0..COMPETENCE_IDS.len(), 0u8..=4, 0..=30);
    let answers = proptest::collection::btree_map(0usize..30, 0usize..3, 0..=30);
    (ratings, answers).prop_map(|(ratings, answers)| {
        let catalog = competences();
        let interest_catalog = interests();
        let mut profile = CompetenceProfile::new();
        for (index, level) in ratings {
            profile
                .set_level(&catalog, COMPETENCE_IDS[index], level)
                .expect("valid");
        }
        for (index, answer) in answers {
            let id = interest_catalog.items[index].id.clone();
            profile
                .set_interest(&interest_catalog, &id, InterestAnswer::ALL[answer])
                .expect("valid");
        }
        profile
    })
}

fn arb_occupation() -> impl Strategy<Value = Occupation> {
    let required = proptest::collection::btree_map(0..COMPETENCE_IDS.len() + 3, 0u8..=6, 0..10);
    let areas = proptest::collection::btree_map(0usize..6, 0u8..=5, 0..4);
    ("[a-z]{1,6}", required, areas, any::<bool>()).prop_map(|(id, required, areas, bbl)| {
        let required: BTreeMap<String, u8> = required
            .into_iter()
            .map(|(index, level)| {
                let id = COMPETENCE_IDS
                    .get(index)
                    .map_or_else(|| format!("onbekend_{index}"), |id| (*id).to_owned());
                (id, level)
            })
            .collect();
        let mut occupation = occupation(&id, &[], &[], bbl);
        occupation.competences = required;
        occupation.interests = areas
            .into_iter()
            .map(|(index, weight)| (InterestArea::ALL[index], weight))
            .collect();
        occupation
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ranking_never_panics_and_stays_in_range(
        profile in arb_profile(),
        occupations in proptest::collection::vec(arb_occupation(), 0..12),
    ) {
        let catalog = competences();
        let ranking = rank(&profile, &occupations);
        prop_assert_eq!(ranking.len(), occupations.len());
        for pair in ranking.windows(2) {
            prop_assert!(pair[0].score >= pair[1].score);
        }
        for fit in &ranking {
            prop_assert!(fit.score <= 100);
            prop_assert!(fit.competence_part.is_none_or(|p| p <= 100));
            prop_assert!(fit.interest_part.is_none_or(|p| p <= 100));
            prop_assert!((0.0..=1.0).contains(&fit.coverage));
            prop_assert_eq!(fit.missing.is_empty(), fit.coverage == 1.0);
            for g in &fit.below {
                prop_assert!(g.have < g.need && g.need <= 4 && g.short_by == g.need - g.have);
            }
        }
        for occupation in &occupations {
            let result = gap(&catalog, &profile, occupation);
            let known = occupation
                .competences
                .iter()
                .filter(|(id, level)| **level > 0 && catalog.contains(id))
                .count();
            prop_assert_eq!(result.met.len() + result.below.len() + result.missing.len(), known);
            for pair in result.below.windows(2) {
                prop_assert!(pair[0].short_by >= pair[1].short_by);
            }
            for g in &result.below {
                prop_assert!(g.have.is_some());
                prop_assert!(occupation.bbl || g.ways.iter().all(|w| w.kind != WayKind::Bbl));
            }
        }
    }

    #[test]
    fn rating_a_met_competence_never_lowers_the_score(
        profile in arb_profile(),
        occupation in arb_occupation(),
    ) {
        let catalog = competences();
        let before = fit_of(&profile, &occupation);
        for (id, &need) in &occupation.competences {
            if !catalog.contains(id) || profile.level(id).is_some() {
                continue;
            }
            let mut more = profile.clone();
            more.set_level(&catalog, id, need.clamp(1, 4)).expect("valid");
            let after = fit_of(&more, &occupation);
            prop_assert!(after.score >= before.score, "{} → {}", before.score, after.score);
            prop_assert!(after.coverage >= before.coverage);
        }
    }

    #[test]
    fn stored_profiles_with_any_levels_never_panic(
        levels in proptest::collection::btree_map(0..COMPETENCE_IDS.len() + 5, any::<u8>(), 0..20),
        occupation in arb_occupation(),
    ) {
        let ratings: serde_json::Map<String, Value> = levels
            .into_iter()
            .map(|(index, level)| {
                let id = COMPETENCE_IDS
                    .get(index)
                    .map_or_else(|| format!("onbekend_{index}"), |id| (*id).to_owned());
                (id, json!({ "level": level }))
            })
            .collect();
        let profile: CompetenceProfile =
            serde_json::from_value(json!({ "ratings": ratings })).expect("reads");
        let fit = fit_of(&profile, &occupation);
        prop_assert!(fit.score <= 100);
        let _ = gap(&competences(), &profile, &occupation);
    }
}
