//! The bundled occupation catalogue (`data/occupations.json`): it loads, covers every sector,
//! uses only known competences, and its ISCO groups and ESCO URIs agree with the official
//! ESCO file. Also: the loader rejects broken catalogues with a clear error.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use serde_json::{json, Value};
use werkmap::core::occupation::{
    CatalogError, Occupation, OccupationCatalog, COMPETENCE_IDS, ESCO_OCCUPATION_PREFIX,
};
use werkmap::core::vocab::{EducationLevel, Sector};

const SECTORS: [Sector; 14] = Sector::ALL;

/// Fails to compile when a sector is added to `vocab.rs` but not to [`SECTORS`].
#[allow(dead_code)]
fn every_sector_is_listed(sector: Sector) {
    match sector {
        Sector::Logistics
        | Sector::Cleaning
        | Sector::Care
        | Sector::Hospitality
        | Sector::Retail
        | Sector::Construction
        | Sector::Technical
        | Sector::Green
        | Sector::Security
        | Sector::Transport
        | Sector::Office
        | Sector::Childcare
        | Sector::Production
        | Sector::Other => {}
    }
}

fn bundled() -> OccupationCatalog {
    match OccupationCatalog::bundled() {
        Ok(catalog) => catalog,
        Err(e) => panic!("the bundled occupation catalogue does not load: {e}"),
    }
}

#[test]
fn bundled_catalogue_loads_and_covers_every_sector() {
    let catalog = bundled();
    assert!(
        catalog.occupations.len() >= 150,
        "only {} occupations",
        catalog.occupations.len()
    );
    for sector in SECTORS {
        let count = catalog
            .occupations
            .iter()
            .filter(|o| o.sector == sector)
            .count();
        assert!(count >= 5, "sector {sector:?} has only {count} occupations");
    }
}

#[test]
fn every_competence_is_known_and_every_known_competence_is_used() {
    let catalog = bundled();
    let known: BTreeSet<&str> = COMPETENCE_IDS.into_iter().collect();
    assert_eq!(known.len(), 30, "COMPETENCE_IDS has a duplicate");
    // The competence catalogue keeps its own list of the same ids.
    let competence_module: BTreeSet<&str> = werkmap::core::competence::COMPETENCE_IDS
        .into_iter()
        .collect();
    assert_eq!(known, competence_module);

    let mut used = BTreeSet::new();
    for occupation in &catalog.occupations {
        for (id, level) in &occupation.competences {
            assert!(
                known.contains(id.as_str()),
                "{}: unknown competence {id}",
                occupation.id
            );
            assert!((1..=4).contains(level), "{}: {id} {level}", occupation.id);
            used.insert(id.as_str());
        }
    }
    let unused: Vec<_> = known.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "competences no occupation asks for: {unused:?}"
    );
}

#[test]
fn occupations_are_complete_and_mostly_entry_level() {
    let catalog = bundled();
    for o in &catalog.occupations {
        assert!(
            (5..=9).contains(&o.competences.len()),
            "{}: {} competences, expected 5 to 9",
            o.id,
            o.competences.len()
        );
        assert!(
            (1..=3).contains(&o.interests.len()),
            "{}: {} interest areas, expected 1 to 3",
            o.id,
            o.interests.len()
        );
        assert!(
            o.education <= EducationLevel::Hbo,
            "{}: {:?}",
            o.id,
            o.education
        );
        assert!(!o.name.nl.trim().is_empty() && !o.name.en.trim().is_empty());
    }
    let entry = catalog
        .occupations
        .iter()
        .filter(|o| o.education <= EducationLevel::Mbo4)
        .count();
    assert!(
        entry * 10 >= catalog.occupations.len() * 9,
        "most occupations should be open from mbo 4 or lower ({entry} of {})",
        catalog.occupations.len()
    );
}

#[test]
fn informal_and_gendered_names_are_there() {
    let catalog = bundled();
    let find = |name: &str| -> Vec<&str> {
        catalog
            .occupations
            .iter()
            .filter(|o| o.names().any(|n| n.to_lowercase() == name))
            .map(|o| o.id.as_str())
            .collect()
    };
    for (name, id) in [
        ("vakkenvuller", "vakkenvuller"),
        ("orderpicker", "orderpicker"),
        ("heftruckbestuurder", "heftruckchauffeur"),
        ("kapster", "kapper"),
        ("caissière", "kassamedewerker"),
        ("kassière", "kassamedewerker"),
        ("verpleegster", "verpleegkundige"),
        ("serveerster", "medewerker-bediening"),
        ("schoonmaakster", "schoonmaker"),
        ("poetshulp", "huishoudelijke-hulp"),
        ("magazijnmedewerker", "magazijnmedewerker"),
    ] {
        assert_eq!(find(name), vec![id], "who is called `{name}`?");
    }
}

#[test]
fn lookups_by_id_and_isco() {
    let catalog = bundled();
    let forklift = catalog.get("heftruckchauffeur").expect("heftruckchauffeur");
    assert_eq!(forklift.isco, "8344");
    assert!(catalog.get("no-such-occupation").is_none());
    let in_9333: Vec<&str> = catalog.by_isco("9333").map(|o| o.id.as_str()).collect();
    assert!(in_9333.contains(&"magazijnmedewerker"), "{in_9333:?}");
    assert!(in_9333.contains(&"orderpicker"), "{in_9333:?}");
    assert!(catalog.by_isco("0000").next().is_none());
}

#[test]
fn bundled_catalogue_round_trips() {
    let catalog = bundled();
    let json = serde_json::to_string_pretty(&catalog).expect("serialize");
    assert_eq!(OccupationCatalog::parse(&json), Ok(catalog));
}

/// The ESCO occupations file, if this machine has it: URI → ISCO group.
fn esco_isco_groups() -> Option<HashMap<String, String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco/occupations_nl.csv");
    if !path.exists() {
        println!(
            "SKIPPED: ../shared/data/esco/occupations_nl.csv not found \
             (only CI and developer machines have it)"
        );
        return None;
    }
    let mut reader = csv::Reader::from_path(&path).expect("open the ESCO file");
    let headers = reader.headers().expect("ESCO header").clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
            .unwrap_or_else(|| panic!("the ESCO file has no `{name}` column"))
    };
    let (uri_column, isco_column) = (column("conceptUri"), column("iscoGroup"));
    let mut groups = HashMap::new();
    for record in reader.records() {
        let record = record.expect("an ESCO row");
        groups.insert(
            record[uri_column].to_owned(),
            record[isco_column].to_owned(),
        );
    }
    assert!(
        groups.len() > 2_000,
        "only {} ESCO occupations read",
        groups.len()
    );
    Some(groups)
}

#[test]
fn esco_uris_exist_and_agree_on_the_isco_group() {
    let Some(esco) = esco_isco_groups() else {
        return;
    };
    let catalog = bundled();
    let mut problems = Vec::new();
    let mut with_uri = 0;
    for o in &catalog.occupations {
        let Some(uri) = &o.esco_uri else { continue };
        with_uri += 1;
        match esco.get(uri) {
            None => problems.push(format!("{}: {uri} is not in the ESCO file", o.id)),
            Some(isco) if isco != &o.isco => problems.push(format!(
                "{}: ISCO {} but ESCO says {isco} for {uri}",
                o.id, o.isco
            )),
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        with_uri >= 120,
        "only {with_uri} occupations have an ESCO URI"
    );
}

// ---- the loader rejects broken catalogues ----

fn valid_occupation(id: &str) -> Value {
    json!({
        "id": id,
        "name": { "nl": "Heftruckchauffeur", "en": "Forklift driver" },
        "synonyms": ["heftruckbestuurder"],
        "gendered": ["heftruckchauffeuse"],
        "tasks": [
            { "nl": "Je rijdt op een heftruck.", "en": "You drive a forklift." },
            { "nl": "Je zet pallets in de stellingen.", "en": "You put pallets on the racks." }
        ],
        "isco": "8344",
        "esco_uri": format!("{ESCO_OCCUPATION_PREFIX}eeac6251-1974-42f5-91ed-513c6c883755"),
        "sector": "logistics",
        "competences": { "machines_bedienen": 3, "veilig_werken": 3 },
        "interests": { "practical": 3 },
        "education": "none",
        "physical": "medium",
        "bbl": true
    })
}

fn catalog_of(occupations: Vec<Value>) -> String {
    json!({ "version": 1, "occupations": occupations }).to_string()
}

/// A catalogue with one occupation, changed by `edit`.
fn with_edit(edit: impl FnOnce(&mut Value)) -> Result<OccupationCatalog, CatalogError> {
    let mut occupation = valid_occupation("heftruckchauffeur");
    edit(&mut occupation);
    OccupationCatalog::parse(&catalog_of(vec![occupation]))
}

fn invalid_message(result: Result<OccupationCatalog, CatalogError>) -> String {
    match result {
        Err(CatalogError::Invalid(message)) => message,
        other => panic!("expected CatalogError::Invalid, got {other:?}"),
    }
}

#[test]
fn a_valid_minimal_catalogue_parses() {
    let catalog = with_edit(|_| {}).expect("valid");
    let occupation: &Occupation = catalog.get("heftruckchauffeur").expect("present");
    assert_eq!(
        occupation.names().collect::<Vec<_>>(),
        [
            "Heftruckchauffeur",
            "heftruckbestuurder",
            "heftruckchauffeuse"
        ]
    );
}

#[test]
fn rejects_a_bad_isco_group() {
    for bad in ["834", "83440", "83a4", "", "８３４４"] {
        let message = invalid_message(with_edit(|o| o["isco"] = json!(bad)));
        assert!(message.contains("ISCO"), "{bad}: {message}");
    }
}

#[test]
fn rejects_an_unknown_competence() {
    let message = invalid_message(with_edit(|o| o["competences"]["toveren"] = json!(2)));
    assert!(
        message.contains("unknown competence `toveren`"),
        "{message}"
    );
}

#[test]
fn rejects_a_duplicate_id() {
    let json = catalog_of(vec![
        valid_occupation("heftruckchauffeur"),
        valid_occupation("heftruckchauffeur"),
    ]);
    let message = invalid_message(OccupationCatalog::parse(&json));
    assert!(message.contains("used more than once"), "{message}");
}

#[test]
fn rejects_level_5_and_level_0() {
    for level in [0, 5] {
        let message = invalid_message(with_edit(|o| {
            o["competences"]["veilig_werken"] = json!(level)
        }));
        assert!(message.contains(&format!("level {level}")), "{message}");
    }
}

#[test]
fn rejects_bad_interests() {
    let message = invalid_message(with_edit(|o| o["interests"] = json!({})));
    assert!(message.contains("no interest areas"), "{message}");
    let message = invalid_message(with_edit(|o| o["interests"]["social"] = json!(4)));
    assert!(message.contains("weight 4"), "{message}");
    // An interest area that does not exist is a shape error.
    let result = with_edit(|o| o["interests"]["dancing"] = json!(1));
    assert!(matches!(result, Err(CatalogError::Json(_))), "{result:?}");
}

#[test]
fn rejects_bad_ids_names_and_uris() {
    for bad in [
        "",
        "Heftruck",
        "heftruck chauffeur",
        "-heftruck",
        "heftruck_chauffeur",
    ] {
        let message = invalid_message(with_edit(|o| o["id"] = json!(bad)));
        assert!(message.contains("must be letters"), "{bad:?}: {message}");
    }
    let message = invalid_message(with_edit(|o| o["name"]["en"] = json!(" ")));
    assert!(message.contains("both Dutch and English"), "{message}");
    for bad in [
        "https://data.europa.eu/esco/occupation/eeac6251",
        "http://data.europa.eu/esco/skill/eeac6251",
        ESCO_OCCUPATION_PREFIX,
    ] {
        let message = invalid_message(with_edit(|o| o["esco_uri"] = json!(bad)));
        assert!(message.contains("not an ESCO occupation URI"), "{message}");
    }
    // No ESCO equivalent is fine.
    assert!(with_edit(|o| o["esco_uri"] = Value::Null).is_ok());
}

#[test]
fn rejects_bad_synonyms() {
    let message = invalid_message(with_edit(|o| {
        o["synonyms"] = json!(["heftruckbestuurder", "Heftruckbestuurder"])
    }));
    assert!(message.contains("more than once"), "{message}");
    let message = invalid_message(with_edit(|o| o["gendered"] = json!(["heftruckbestuurder"])));
    assert!(message.contains("more than once"), "{message}");
    let message = invalid_message(with_edit(|o| o["synonyms"] = json!(["heftruckchauffeur"])));
    assert!(message.contains("is the name itself"), "{message}");
    let message = invalid_message(with_edit(|o| o["synonyms"] = json!(["  "])));
    assert!(message.contains("empty synonym"), "{message}");
}

#[test]
fn rejects_missing_or_bad_sentences_about_the_work() {
    let message = invalid_message(with_edit(|o| o["tasks"] = json!([])));
    assert!(message.contains("0 sentences about the work"), "{message}");
    let message = invalid_message(with_edit(|o| {
        o["tasks"][1] = json!({ "nl": "Je zet pallets neer.", "en": " " })
    }));
    assert!(message.contains("both Dutch and English"), "{message}");
    let long = "lang ".repeat(30);
    let message = invalid_message(with_edit(|o| {
        o["tasks"][0] = json!({ "nl": long, "en": "You drive." })
    }));
    assert!(message.contains("longer than"), "{message}");
    let result = with_edit(|o| {
        o.as_object_mut().map(|o| o.remove("tasks"));
    });
    assert!(matches!(result, Err(CatalogError::Json(_))), "{result:?}");
}

#[test]
fn every_occupation_says_what_the_work_is() {
    let catalog = bundled();
    for o in &catalog.occupations {
        assert!(
            o.tasks.len() >= 3,
            "{}: only {} sentences",
            o.id,
            o.tasks.len()
        );
        for task in &o.tasks {
            // Plain sentences: a capital at the start, a full stop at the end, no jargon
            // markers; the Dutch speaks to the reader ("je"), as the English does ("you").
            for text in [&task.nl, &task.en] {
                assert!(text.ends_with('.'), "{}: {text}", o.id);
                assert!(
                    text.starts_with(|c: char| c.is_uppercase()),
                    "{}: {text}",
                    o.id
                );
            }
            assert!(task.nl.starts_with("Je "), "{}: {}", o.id, task.nl);
            assert!(task.en.starts_with("You "), "{}: {}", o.id, task.en);
        }
    }
}

#[test]
fn rejects_json_of_the_wrong_shape() {
    for bad in [
        "",
        "not json",
        "[]",
        r#"{"version": 1}"#,
        r#"{"version": 1, "occupations": [], "extra": true}"#,
    ] {
        let result = OccupationCatalog::parse(bad);
        assert!(
            matches!(result, Err(CatalogError::Json(_))),
            "{bad:?}: {result:?}"
        );
    }
    let result = with_edit(|o| o["sector"] = json!("space"));
    assert!(matches!(result, Err(CatalogError::Json(_))), "{result:?}");
    let result = with_edit(|o| o["salary"] = json!(3000));
    assert!(matches!(result, Err(CatalogError::Json(_))), "{result:?}");
    let message = invalid_message(OccupationCatalog::parse(&catalog_of(vec![])));
    assert!(message.contains("no occupations"), "{message}");
}

#[test]
fn reports_every_problem_at_once() {
    let message = invalid_message(with_edit(|o| {
        o["isco"] = json!("12");
        o["competences"]["toveren"] = json!(5);
    }));
    assert!(message.contains("ISCO"), "{message}");
    assert!(message.contains("unknown competence"), "{message}");
    assert!(message.contains("level 5"), "{message}");
}
