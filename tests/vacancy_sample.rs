//! The bundled vacancy data: the templates, the generator, and the sample that the app
//! ships (generated from them and checked in).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::content;
use werkmap::core::place::{Places, PLACES_JSON};
use werkmap::core::vacancy::generate::{
    Generator, Templates, SAMPLE_COUNT, SAMPLE_REFERENCE, SAMPLE_SEED, TEMPLATES_JSON,
};
use werkmap::core::vacancy::jsonld::to_job_posting;
use werkmap::core::vacancy::{import_feed, ContractKind, Linker, VacancySet, SAMPLE_JSON};
use werkmap::core::vocab::Sector;

fn places() -> Places {
    Places::parse(PLACES_JSON).expect("bundled places table is valid")
}

fn templates() -> Templates {
    Templates::parse(TEMPLATES_JSON, &content().occupations).expect("templates are valid")
}

fn sample_from_generator(places: &Places, templates: &Templates) -> VacancySet {
    let generator = Generator::new(
        templates,
        &content().occupations,
        places,
        SAMPLE_SEED,
        SAMPLE_REFERENCE,
    )
    .with_id_prefix("sample");
    let mut set = VacancySet::new(
        "Werkmap voorbeeldvacatures",
        generator.generate(SAMPLE_COUNT),
    );
    set.reference_date = Some(SAMPLE_REFERENCE);
    set
}

#[test]
fn the_templates_cover_every_sector_and_both_special_kinds() {
    let t = templates();
    let occupations = &content().occupations;
    let sectors: BTreeSet<Sector> = t
        .templates
        .iter()
        .filter_map(|t| occupations.get(&t.occupation).map(|o| o.sector))
        .collect();
    assert_eq!(sectors.len(), 14);
    let distinct: BTreeSet<&str> = t.templates.iter().map(|t| t.occupation.as_str()).collect();
    assert!(distinct.len() >= 120, "{} occupations", distinct.len());
    assert!(
        t.templates
            .iter()
            .filter(|t| t.contracts == [ContractKind::Volunteering])
            .count()
            >= 12
    );
    assert!(
        t.templates
            .iter()
            .filter(|t| t.contracts.contains(&ContractKind::Bbl))
            .count()
            >= 15
    );
    for template in &t.templates {
        for text in template
            .titles
            .iter()
            .chain(&template.tasks)
            .chain(&template.intro)
        {
            assert!(!text.contains(['<', '>']), "plain text only: {text}");
        }
    }
}

#[test]
fn the_generator_is_deterministic_and_index_addressable() {
    let (p, t) = (places(), templates());
    let g = Generator::new(&t, &content().occupations, &p, 42, SAMPLE_REFERENCE);
    let batch = g.generate(50);
    assert_eq!(batch, g.generate(50));
    assert_eq!(batch[37], g.vacancy(37));
    let other = Generator::new(&t, &content().occupations, &p, 43, SAMPLE_REFERENCE).generate(50);
    assert_ne!(batch, other);
    let set = VacancySet::new("generated", g.generate(2_000));
    VacancySet::parse(&set.to_json(), &content().competences).expect("a valid vacancy file");
}

#[test]
fn the_bundled_sample_is_the_generators_output() {
    let expected = sample_from_generator(&places(), &templates());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/vacancies.json");
    if std::env::var_os("UPDATE_SAMPLE").is_some() {
        std::fs::write(&path, expected.to_compact_json()).expect("written");
    }
    let bundled = VacancySet::parse(SAMPLE_JSON, &content().competences).expect("valid sample");
    assert!(
        bundled == expected,
        "public/data/vacancies.json differs from the generator's output; regenerate it with\n\n    UPDATE_SAMPLE=1 cargo test --test vacancy_sample\n"
    );
}

#[test]
fn the_sample_is_spread_over_regions_sectors_hours_and_kinds() {
    let sample = VacancySet::parse(SAMPLE_JSON, &content().competences).expect("valid sample");
    assert!(sample.vacancies.len() >= 300);
    let places = places();
    let provinces: BTreeSet<&str> = sample
        .vacancies
        .iter()
        .filter_map(|v| places.by_name(v.place.as_deref()?))
        .map(|p| p.province.as_str())
        .collect();
    assert_eq!(provinces.len(), 12, "every province: {provinces:?}");
    let mut kinds: BTreeMap<ContractKind, usize> = BTreeMap::new();
    for v in &sample.vacancies {
        *kinds.entry(v.contract).or_default() += 1;
    }
    for kind in ContractKind::ALL {
        assert!(
            kinds.get(&kind).copied().unwrap_or(0) >= 3,
            "{kind:?}: {kinds:?}"
        );
    }
    let sectors: BTreeSet<Sector> = sample.vacancies.iter().filter_map(|v| v.sector).collect();
    assert_eq!(sectors.len(), 14);
    let part_time = sample
        .vacancies
        .iter()
        .filter(|v| v.hours.is_some_and(|h| h.max <= 24))
        .count();
    let full_time = sample
        .vacancies
        .iter()
        .filter(|v| v.hours.is_some_and(|h| h.min >= 32))
        .count();
    assert!(
        part_time >= 30 && full_time >= 30,
        "{part_time} part-time, {full_time} full-time"
    );
    assert!(sample
        .vacancies
        .iter()
        .all(|v| v.location.is_some() && v.occupation.id.is_some()));
}

#[test]
fn rebasing_moves_the_sample_to_today() {
    let sample = VacancySet::parse(SAMPLE_JSON, &content().competences).expect("valid sample");
    let today = SAMPLE_REFERENCE + time::Duration::days(100);
    let first = sample.vacancies[0].closing_date.expect("closing date");
    let moved = sample.rebased(today);
    assert_eq!(
        moved.vacancies[0].closing_date,
        Some(first + time::Duration::days(100))
    );
    assert_eq!(moved.reference_date, Some(today));
}

#[test]
fn generated_vacancies_survive_a_json_ld_round_trip() {
    let (p, t) = (places(), templates());
    let c = content();
    let generated = Generator::new(&t, &c.occupations, &p, 5, SAMPLE_REFERENCE).generate(300);
    let feed = serde_json::Value::Array(generated.iter().map(to_job_posting).collect());
    let linker = Linker {
        occupations: &c.occupations,
        index: c.occupation_index(),
        places: &p,
    };
    let report = import_feed(feed.to_string().as_bytes(), &linker).expect("imports");
    assert_eq!(report.rejected_count, 0, "{:?}", report.rejected);
    assert_eq!(report.vacancies.len(), generated.len());
    for (before, after) in generated.iter().zip(&report.vacancies) {
        assert_eq!(after.id, before.id);
        assert_eq!(after.title, before.title);
        assert_eq!(after.employer, before.employer);
        assert_eq!(after.contract, before.contract, "{}", before.title);
        assert_eq!(after.hours, before.hours);
        assert_eq!(after.education, before.education, "{}", before.title);
        assert_eq!(after.language, before.language, "{}", before.title);
        assert_eq!(
            after.driving_licence, before.driving_licence,
            "{}",
            before.title
        );
        assert_eq!(after.closing_date, before.closing_date);
        assert_eq!(after.salary, before.salary);
        assert_eq!(
            after.occupation.id, before.occupation.id,
            "{}",
            before.title
        );
        assert_eq!(after.postcode, before.postcode);
        let moved = before
            .location
            .zip(after.location)
            .map(|(a, b)| a.distance_km(b));
        assert!(moved.is_some_and(|km| km < 0.01), "{moved:?}");
    }
}
