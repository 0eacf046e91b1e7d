//! Measurement hooks for `tests/e2e/bench-search.mjs` (run by `cargo xtask measure`): the
//! ESCO import, the index build and the search, timed inside the browser's WASM engine, over
//! the ESCO file (joined with the bundled catalogue, as the app searches it) and over the
//! bundled catalogue. The bench page (`src/bin/werkmap-bench.rs`) exports them, and Trunk
//! exposes them as `window.wasmBindings.bench_esco_search`, `bench_esco_documents`,
//! `bench_catalogue_search` and `bench_catalogue_documents`. Nothing in the app calls them.
//!
//! Both take the CSV bytes and return JSON; on bad input they return
//! `{"ok": false, "error": "…"}` rather than throwing.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::esco::{import_occupations, EscoCatalog};
use crate::core::occupation::OccupationCatalog;
use crate::core::search::{
    catalog_documents, catalog_occupation, esco_documents, SearchDocument, SearchHit, SearchIndex,
};

/// How many results a query asks for: what the search screen asks of the imported ESCO
/// index. Recall@5 and MRR (over these 10, as in `tests/search_recall.rs`) come from them.
const LIMIT: usize = 10;
/// How often the import and the index build are repeated after the first (cold) time.
const REPEATS: usize = 5;
/// A timing sample runs one query about this long (at most [`MAX_BATCH`] times), because
/// browsers coarsen `performance.now()` (Chromium: to 100 µs without cross-origin isolation).
const SAMPLE_MS: f64 = 5.0;
const CALIBRATION_ROUNDS: usize = 3;
const MAX_BATCH: u32 = 10_000;
const MAX_RUNS: u32 = 1_000;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub(super) fn performance_now() -> f64;
}

#[derive(Serialize)]
struct Failure {
    ok: bool,
    error: String,
}

pub(super) fn failure(error: impl Into<String>) -> String {
    serde_json::to_string(&Failure {
        ok: false,
        error: error.into(),
    })
    .unwrap_or_else(|_| r#"{"ok":false,"error":"unserialisable error"}"#.to_owned())
}

#[derive(Serialize)]
struct QueryTiming {
    query: String,
    /// Median over the samples of (sample time / batch), in µs.
    median_us: f64,
    p95_us: f64,
    /// Calls per sample.
    batch: u32,
    samples: u32,
    /// Keys of the first [`LIMIT`] hits, best first.
    top: Vec<String>,
}

#[derive(Serialize)]
struct Report {
    ok: bool,
    bytes: usize,
    occupations: usize,
    skipped_rows: usize,
    documents: usize,
    vocabulary: usize,
    /// Distinct stems of the texts about the work.
    about_stems: usize,
    names: usize,
    /// The first import in this page (what a user's single import costs).
    import_ms_first: f64,
    /// Median of [`REPEATS`] more imports.
    import_ms_repeat_median: f64,
    index_ms_first: f64,
    index_ms_repeat_median: f64,
    limit: usize,
    sample_ms: f64,
    queries: Vec<QueryTiming>,
}

pub(super) fn median(values: &mut [f64]) -> f64 {
    quantile(values, 0.5)
}

/// Nearest-rank quantile (`q` in 0..=1) of `values`, which it sorts; 0 when empty.
fn quantile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    if values.is_empty() {
        return 0.0;
    }
    let rank = (q * values.len() as f64).ceil().max(1.0) as usize;
    values
        .get(rank.min(values.len()) - 1)
        .copied()
        .unwrap_or_default()
}

pub(super) fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = performance_now();
    let value = f();
    (value, performance_now() - start)
}

fn import(csv: &[u8]) -> Result<(EscoCatalog, f64), String> {
    match timed(|| import_occupations(csv)) {
        (Ok(catalog), ms) => Ok((catalog, ms)),
        (Err(error), _) => Err(format!("the ESCO file does not import: {error}")),
    }
}

/// The queries of `queries_json` (a JSON array of strings), after checking `runs`.
fn parse_queries(queries_json: &str, runs: u32) -> Result<Vec<String>, String> {
    if runs == 0 || runs > MAX_RUNS {
        return Err(format!("runs must be 1..={MAX_RUNS}, got {runs}"));
    }
    serde_json::from_str(queries_json)
        .map_err(|error| format!("queries_json is not a JSON array of strings: {error}"))
}

/// The index of `documents`, the first build's time and [`REPEATS`] more.
fn build_index(documents: &[SearchDocument]) -> (SearchIndex, f64, Vec<f64>) {
    let (index, first) = timed(|| SearchIndex::new(documents.to_vec()));
    let repeats = (0..REPEATS)
        .map(|_| timed(|| SearchIndex::new(documents.to_vec())).1)
        .collect();
    (index, first, repeats)
}

/// Imports `csv` (the ESCO occupations file), builds the search index, and times each query
/// of `queries_json` (a JSON array of strings) `runs` times (1..=1000). Returns the report as
/// JSON (see [`Report`]), or `{"ok": false, "error": …}`.
pub fn bench_esco_search(csv: &[u8], queries_json: &str, runs: u32) -> String {
    let queries = match parse_queries(queries_json, runs) {
        Ok(queries) => queries,
        Err(error) => return failure(error),
    };

    let (catalog, import_ms_first) = match import(csv) {
        Ok(done) => done,
        Err(error) => return failure(error),
    };
    let mut import_repeats = Vec::with_capacity(REPEATS);
    for _ in 0..REPEATS {
        match import(csv) {
            Ok((_, ms)) => import_repeats.push(ms),
            Err(error) => return failure(error),
        }
    }
    let bundled = match OccupationCatalog::bundled() {
        Ok(bundled) => bundled,
        Err(error) => return failure(error.to_string()),
    };
    let documents = esco_documents(&catalog, &bundled);
    let (index, index_ms_first, mut index_repeats) = build_index(&documents);

    let timings = time_queries(&index, queries, runs, |hit| hit.key.clone());

    let report = Report {
        ok: true,
        bytes: csv.len(),
        occupations: catalog.occupations.len(),
        skipped_rows: catalog.skipped.count,
        documents: index.len(),
        vocabulary: index.vocabulary_len(),
        about_stems: index.about_vocabulary_len(),
        names: index.names_len(),
        import_ms_first,
        import_ms_repeat_median: median(&mut import_repeats),
        index_ms_first,
        index_ms_repeat_median: median(&mut index_repeats),
        limit: LIMIT,
        sample_ms: SAMPLE_MS,
        queries: timings,
    };
    serde_json::to_string(&report).unwrap_or_else(|error| failure(error.to_string()))
}

/// Times each query `runs` times (see the module constants); `top` names a hit.
fn time_queries(
    index: &SearchIndex,
    queries: Vec<String>,
    runs: u32,
    top: impl Fn(&SearchHit) -> String,
) -> Vec<QueryTiming> {
    let mut timings = Vec::with_capacity(queries.len());
    for query in queries {
        // Warm-up and calibration: how many calls fill one sample. Three rounds, the most
        // calls counting, so one slow call (a tier-up compile, a memory grow) cannot leave a
        // sample too short for the timer.
        let mut batch = 1u32;
        for _ in 0..CALIBRATION_ROUNDS {
            let mut calls = 0u32;
            let start = performance_now();
            while calls < MAX_BATCH && performance_now() - start < SAMPLE_MS {
                std::hint::black_box(index.search(std::hint::black_box(&query), LIMIT));
                calls += 1;
            }
            batch = batch.max(calls);
        }
        let mut samples: Vec<f64> = (0..runs)
            .map(|_| {
                let start = performance_now();
                for _ in 0..batch {
                    std::hint::black_box(index.search(std::hint::black_box(&query), LIMIT));
                }
                (performance_now() - start) * 1000.0 / f64::from(batch)
            })
            .collect();
        let top = index.search(&query, LIMIT).iter().map(&top).collect();
        timings.push(QueryTiming {
            median_us: median(&mut samples),
            p95_us: quantile(&mut samples, 0.95),
            query,
            batch,
            samples: runs,
            top,
        });
    }
    timings
}

/// A search document as another engine gets it: the same text, the texts about the work
/// joined into one field.
#[derive(Serialize)]
struct PlainDocument<'a> {
    /// The catalogue id (bundled catalogue) or the ESCO URI (ESCO file).
    id: &'a str,
    key: &'a str,
    label: &'a str,
    terms: &'a [String],
    about: String,
    /// ESCO only: the ISCO-08 group (the query set's rules need it).
    isco: &'a str,
}

fn plain<'a>(doc: &'a SearchDocument, id: &'a str, isco: &'a str) -> PlainDocument<'a> {
    PlainDocument {
        id,
        key: &doc.key,
        label: &doc.label,
        terms: &doc.terms,
        about: doc
            .about
            .iter()
            .map(|a| a.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        isco,
    }
}

/// The search documents of `csv` (the ESCO occupations file) as a JSON array of
/// `{id, key, label, terms, about, isco}`: exactly what [`bench_esco_search`] indexes (labels,
/// descriptions and what the bundled catalogue adds), so another engine can index the same
/// data. `{"ok": false, "error": …}` when the file does not import.
pub fn bench_esco_documents(csv: &[u8]) -> String {
    let catalog = match import(csv) {
        Ok((catalog, _)) => catalog,
        Err(error) => return failure(error),
    };
    let bundled = match OccupationCatalog::bundled() {
        Ok(bundled) => bundled,
        Err(error) => return failure(error.to_string()),
    };
    let documents = esco_documents(&catalog, &bundled);
    let plain: Vec<PlainDocument> = documents
        .iter()
        .zip(&catalog.occupations)
        .map(|(doc, o)| plain(doc, &o.uri, &o.isco))
        .collect();
    serde_json::to_string(&plain).unwrap_or_else(|error| failure(error.to_string()))
}

/// The bundled catalogue's search documents, as [`bench_esco_documents`] gives the ESCO
/// file's (`id` is the catalogue id, unique; `key` may be shared by two occupations).
pub fn bench_catalogue_documents() -> String {
    let bundled = match OccupationCatalog::bundled() {
        Ok(bundled) => bundled,
        Err(error) => return failure(error.to_string()),
    };
    let documents = catalog_documents(&bundled);
    let plain: Vec<PlainDocument> = documents
        .iter()
        .zip(&bundled.occupations)
        .map(|(doc, o)| plain(doc, &o.id, &o.isco))
        .collect();
    serde_json::to_string(&plain).unwrap_or_else(|error| failure(error.to_string()))
}

#[derive(Serialize)]
struct CatalogueReport {
    ok: bool,
    documents: usize,
    vocabulary: usize,
    about_stems: usize,
    index_ms_first: f64,
    index_ms_repeat_median: f64,
    limit: usize,
    sample_ms: f64,
    /// `top` holds catalogue ids.
    queries: Vec<QueryTiming>,
}

/// Like [`bench_esco_search`] over the bundled catalogue; each hit is named by its catalogue
/// id.
pub fn bench_catalogue_search(queries_json: &str, runs: u32) -> String {
    let queries = match parse_queries(queries_json, runs) {
        Ok(queries) => queries,
        Err(error) => return failure(error),
    };
    let bundled = match OccupationCatalog::bundled() {
        Ok(bundled) => bundled,
        Err(error) => return failure(error.to_string()),
    };
    let documents = catalog_documents(&bundled);
    let (index, index_ms_first, mut index_repeats) = build_index(&documents);
    let timings = time_queries(&index, queries, runs, |hit| {
        catalog_occupation(&bundled, hit).map_or_else(|| hit.key.clone(), |o| o.id.clone())
    });
    let report = CatalogueReport {
        ok: true,
        documents: index.len(),
        vocabulary: index.vocabulary_len(),
        about_stems: index.about_vocabulary_len(),
        index_ms_first,
        index_ms_repeat_median: median(&mut index_repeats),
        limit: LIMIT,
        sample_ms: SAMPLE_MS,
        queries: timings,
    };
    serde_json::to_string(&report).unwrap_or_else(|error| failure(error.to_string()))
}
