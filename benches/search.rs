//! Native benchmarks of occupation search over the full ESCO file: importing the CSV,
//! building the index (names, and the texts about the work joined with the bundled
//! catalogue), and answering what job seekers type — names (the queries of
//! `tests/search_recall.rs`) and what they would like to do (`tests/data/intent_queries.json`).
//! The product asks for ≤ 1 ms per keystroke.
//!
//! Run with `cargo bench --bench search` (add `-- --quick` for a short run). Without
//! `../shared/data/esco/occupations_nl.csv` the benchmarks print a message and do nothing.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use werkmap::core::esco::import_occupations;
use werkmap::core::occupation::OccupationCatalog;
use werkmap::core::search::{catalog_documents, esco_documents, SearchIndex};

/// The queries of the recall test, in the same order.
const QUERIES: &[&str] = &[
    "orderpikker",
    "heftrukchauffeur",
    "vrachtwagenchauffer",
    "beveilliger",
    "lootgieter",
    "kassamedewerkter",
    "schoonmaaker",
    "taxichaufeur",
    "recepsionist",
    "magazijmedewerker",
    "metzelaar",
    "stukkadoor",
    "caissiere",
    "kassiere",
    "concierge",
    "coordinator kinderopvang",
    "privekok",
    "kapster",
    "schoonmaakster",
    "verkoopmedewerkster",
    "beveiligster",
    "serveerster",
    "kokkin",
    "receptioniste",
    "vrachtwagenchauffeuse",
    "taxichauffeuse",
    "telefoniste",
    "glazenwasster",
    "lerares basisschool",
    "vakkenvuller",
    "vuilnisman",
    "tuinman",
    "klusjesman",
    "afwasser",
    "stratenmaker",
    "pizzakoerier",
    "heftrucker",
    "uitsmijter",
    "poetsvrouw",
    "thuiszorg",
    "oppas",
    "schoonmaker",
    "heftruck",
    "magazijn",
    "kassa",
    "verhuiz",
    "beveil",
    "timmer",
    "callcenter",
    "kinderopvang",
    "vrachtwagen",
    "dierenverz",
    "schoonmaakster kantoor",
    "bezorger pakketten",
    "verzorgende ig",
    "chauffeur vrachtwagen",
    "medewerker keuken",
    "pedagogisch medewerker",
    "heftruck chauffeur",
    "medewerker klantenservice",
    "administratief medewerker",
    "bus chauffeur",
    "monteur auto",
    "kok in een restaurant",
    "beveiliger",
    "kok",
    "kapper",
    "bakker",
    "lasser",
    "hovenier",
    "elektricien",
    "loodgieter",
    "orderpicker",
    "productiemedewerker",
    "dakdekker",
    "tegelzetter",
    "schilder",
    "steigerbouwer",
    "postbode",
];

/// What a typeahead sends while "heftruckchauffeur" is typed, one keystroke at a time.
const KEYSTROKES: &[&str] = &[
    "h",
    "he",
    "hef",
    "heft",
    "heftr",
    "heftru",
    "heftruc",
    "heftruck",
    "heftruckc",
    "heftruckch",
    "heftruckcha",
    "heftruckchau",
    "heftruckchauf",
    "heftruckchauff",
    "heftruckchauffe",
    "heftruckchauffeu",
    "heftruckchauffeur",
];

/// What a typeahead sends while "iets met paarden" is typed.
const INTENT_KEYSTROKES: &[&str] = &[
    "i",
    "ie",
    "iet",
    "iets",
    "iets m",
    "iets me",
    "iets met",
    "iets met p",
    "iets met pa",
    "iets met paa",
    "iets met paar",
    "iets met paard",
    "iets met paarde",
    "iets met paarden",
];

/// The "what I want to do" queries of `tests/data/intent_queries.json`.
fn intent_queries() -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/intent_queries.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        panic!("{} is in the repository", path.display());
    };
    let Ok(set) = serde_json::from_str::<serde_json::Value>(&text) else {
        panic!("{} is JSON", path.display());
    };
    set["queries"]
        .as_array()
        .map(|queries| {
            queries
                .iter()
                .filter_map(|q| q["query"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn esco_bytes() -> Option<Vec<u8>> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/esco/occupations_nl.csv");
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(_) => {
            println!(
                "SKIPPED: {} not found (only CI and developer machines have it)",
                path.display()
            );
            None
        }
    }
}

fn benches(c: &mut Criterion) {
    let Ok(bundled) = OccupationCatalog::bundled() else {
        panic!("the bundled catalogue loads");
    };
    let intents = intent_queries();
    let catalogue_docs = catalog_documents(&bundled);
    c.bench_function("search_index_build_catalogue", |b| {
        b.iter(|| SearchIndex::new(black_box(catalogue_docs.clone())).len())
    });
    let catalogue = SearchIndex::new(catalogue_docs);
    c.bench_function("search_catalogue_intent_set_all", |b| {
        b.iter(|| {
            intents
                .iter()
                .map(|q| catalogue.search(black_box(q), 10).len())
                .sum::<usize>()
        })
    });

    let Some(bytes) = esco_bytes() else {
        return;
    };
    c.bench_function("esco_import_full_file", |b| {
        b.iter(|| import_occupations(black_box(&bytes)).map(|c| c.occupations.len()))
    });

    let Ok(catalog) = import_occupations(&bytes) else {
        panic!("the ESCO file must import");
    };
    let docs = esco_documents(&catalog, &bundled);
    c.bench_function("search_index_build_full_esco", |b| {
        b.iter(|| SearchIndex::new(black_box(docs.clone())).len())
    });

    let index = SearchIndex::new(docs);
    let mut group = c.benchmark_group("search_full_esco");
    group.bench_function("query_set_all", |b| {
        b.iter(|| {
            QUERIES
                .iter()
                .map(|q| index.search(black_box(q), 10).len())
                .sum::<usize>()
        })
    });
    group.bench_function("intent_set_all", |b| {
        b.iter(|| {
            intents
                .iter()
                .map(|q| index.search(black_box(q), 10).len())
                .sum::<usize>()
        })
    });
    group.bench_function("keystrokes_iets_met_paarden", |b| {
        b.iter(|| {
            INTENT_KEYSTROKES
                .iter()
                .map(|q| index.search(black_box(q), 10).len())
                .sum::<usize>()
        })
    });
    group.bench_function("keystrokes_heftruckchauffeur", |b| {
        b.iter(|| {
            KEYSTROKES
                .iter()
                .map(|q| index.search(black_box(q), 10).len())
                .sum::<usize>()
        })
    });
    for query in [
        "kok",
        "heftruck",
        "orderpikker",
        "schoonmaakster kantoor",
        "ka",
        "iets met paarden",
        "mensen helpen die ziek zijn",
        "fix cars",
    ] {
        group.bench_function(format!("query {query}"), |b| {
            b.iter(|| index.search(black_box(query), 10))
        });
    }
    group.finish();

    // Per-query figures in plain words: mean and worst over the query set and keystrokes.
    let mut worst = (Duration::ZERO, "");
    let mut total = Duration::ZERO;
    let rounds = 20;
    let all: Vec<&str> = QUERIES
        .iter()
        .chain(KEYSTROKES)
        .chain(INTENT_KEYSTROKES)
        .copied()
        .chain(intents.iter().map(String::as_str))
        .collect();
    for _ in 0..rounds {
        for &query in &all {
            let start = Instant::now();
            black_box(index.search(query, 10));
            let took = start.elapsed();
            total += took;
            if took > worst.0 {
                worst = (took, query);
            }
        }
    }
    let count = all.len() * rounds;
    println!(
        "per query over {} occupations: mean {:.1} µs, worst {:.1} µs ({:?})",
        index.len(),
        total.as_secs_f64() * 1e6 / count as f64,
        worst.0.as_secs_f64() * 1e6,
        worst.1
    );
}

criterion_group!(search, benches);
criterion_main!(search);
