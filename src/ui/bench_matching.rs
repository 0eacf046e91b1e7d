//! Measurement hooks for `tests/e2e/bench-matching.mjs` and `measure-portfolio.mjs` (run by
//! `cargo xtask measure`): matching, feed import and the portfolio file, timed inside the
//! browser's WASM engine, with the same generated data and job seeker as the native
//! benchmarks. Nothing in the app calls them. Each returns JSON; on bad input
//! `{"ok": false, "error": "…"}` rather than throwing.

use serde::Serialize;

use crate::core::content::Content;
use crate::core::matching::{
    explain, overview, what_if, InterestTable, MatchProfile, RankQuery, Scorer, Seeker,
    VacancyPool, Wishes,
};
use crate::core::place::Places;
use crate::core::portfolio::sample::{benchmark_seeker, SamplePeople, Size};
use crate::core::portfolio::{export, open, ExportChoices};
use crate::core::text::Language;
use crate::core::vacancy::generate::{Generator, Templates};
use crate::core::vacancy::jsonld::to_job_posting;
use crate::core::vacancy::{import_feed, VacancySet};

use super::bench::{failure, median, performance_now, timed};
use super::state::now;

const MAX_COUNT: u32 = 2_000_000;
const MAX_RUNS: u32 = 200;

struct World {
    content: Content,
    places: Places,
}

fn world(places_json: &str) -> Result<World, String> {
    Ok(World {
        content: Content::bundled().map_err(|e| e.to_string())?,
        places: Places::parse(places_json).map_err(|e| e.to_string())?,
    })
}

/// The world and the generator's templates, for the benchmarks on generated vacancies.
fn world_and_templates(
    templates_json: &str,
    places_json: &str,
) -> Result<(World, Templates), String> {
    let w = world(places_json)?;
    let templates =
        Templates::parse(templates_json, &w.content.occupations).map_err(|e| e.to_string())?;
    Ok((w, templates))
}

#[derive(Serialize)]
struct RankReport {
    ok: bool,
    vacancies: usize,
    generate_ms: f64,
    compile_ms: f64,
    feature_bytes: usize,
    /// Median over the runs of: rank all, keep the best 10, explain them.
    rank_top10_explained_ms: f64,
    rank_runs: Vec<f64>,
    what_if_ms: f64,
    eligible: usize,
    good: usize,
}

/// Ranks `count` generated vacancies (seed 7) for the benchmark job seeker `runs` times.
pub fn bench_rank(templates_json: &str, places_json: &str, count: u32, runs: u32) -> String {
    if count == 0 || count > MAX_COUNT || runs == 0 || runs > MAX_RUNS {
        return failure(format!("count 1..={MAX_COUNT}, runs 1..={MAX_RUNS}"));
    }
    let (w, templates) = match world_and_templates(templates_json, places_json) {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    let today = now().date();
    let generator = Generator::new(&templates, &w.content.occupations, &w.places, 7, today);
    let (vacancies, generate_ms) = timed(|| generator.generate(count as usize));
    let (pool, compile_ms) = timed(|| VacancyPool::new(vacancies, &w.content));
    let state = benchmark_seeker(&w.content);
    let rules = &w.content.matching;
    let profile = MatchProfile::build(
        rules,
        &w.places,
        &state.answers,
        &state.competences,
        &Wishes::default(),
        today,
    );
    let interests = InterestTable::new(&w.content, &state.competences);
    let scorer = Scorer::new(&profile, rules, &w.content, &interests);
    let query = RankQuery {
        top: 10,
        ..RankQuery::default()
    };
    let mut last = None;
    let mut rank_runs: Vec<f64> = (0..runs)
        .map(|_| {
            let start = performance_now();
            let ranking = scorer.rank(&pool, &query);
            let explained = ranking
                .top
                .iter()
                .filter_map(|r| {
                    explain(&scorer, &profile, &w.content, &pool, r.index, Language::Nl)
                })
                .count();
            let ms = performance_now() - start;
            std::hint::black_box(explained);
            last = Some(ranking);
            ms
        })
        .collect();
    let runs_in_order = rank_runs.clone();
    let (_, what_if_ms) = timed(|| what_if(&profile, rules, &w.content, &interests, &pool).len());
    let (eligible, good) = last.map_or((0, 0), |r| (r.eligible, r.good));
    serde_json::to_string(&RankReport {
        ok: true,
        vacancies: pool.len(),
        generate_ms,
        compile_ms,
        feature_bytes: pool.feature_bytes(),
        rank_top10_explained_ms: median(&mut rank_runs),
        rank_runs: runs_in_order,
        what_if_ms,
        eligible,
        good,
    })
    .unwrap_or_else(|e| failure(e.to_string()))
}

#[derive(Serialize)]
struct RerankReport {
    ok: bool,
    vacancies: usize,
    /// Median over the runs of what a wish change costs on the vacancy screen: the profile,
    /// the ranking with explanations, the near misses and "wat als".
    rerank_ms: f64,
    runs: Vec<f64>,
}

/// Re-ranks the bundled sample (`sample_json`) after a wish change, `runs` times.
pub fn bench_rerank(sample_json: &str, places_json: &str, runs: u32) -> String {
    if runs == 0 || runs > MAX_RUNS {
        return failure(format!("runs 1..={MAX_RUNS}"));
    }
    let w = match world(places_json) {
        Ok(w) => w,
        Err(e) => return failure(e),
    };
    let today = now().date();
    let sample = match VacancySet::parse(sample_json, &w.content.competences) {
        Ok(s) => s.rebased(today),
        Err(e) => return failure(e.to_string()),
    };
    let pool = VacancyPool::new(sample.vacancies, &w.content);
    let state = benchmark_seeker(&w.content);
    let interests = InterestTable::new(&w.content, &state.competences);
    let query = RankQuery {
        top: 10,
        ..RankQuery::default()
    };
    let mut samples: Vec<f64> = (0..runs)
        .map(|run| {
            let wishes = Wishes {
                max_distance_km: Some(10 + (run % 7) as u16 * 5),
                ..Wishes::default()
            };
            let seeker = Seeker {
                answers: &state.answers,
                competences: &state.competences,
                wishes: &wishes,
            };
            timed(|| {
                overview(
                    &w.content,
                    &w.places,
                    &pool,
                    &interests,
                    seeker,
                    &query,
                    5,
                    today,
                    Language::Nl,
                )
            })
            .1
        })
        .collect();
    let runs_in_order = samples.clone();
    serde_json::to_string(&RerankReport {
        ok: true,
        vacancies: pool.len(),
        rerank_ms: median(&mut samples),
        runs: runs_in_order,
    })
    .unwrap_or_else(|e| failure(e.to_string()))
}

#[derive(Serialize)]
struct ImportReport {
    ok: bool,
    vacancies: usize,
    bytes: usize,
    import_ms: f64,
    megabytes_per_second: f64,
}

/// Writes `count` generated vacancies as a JSON-LD feed (not timed) and times reading it.
pub fn bench_feed_import(templates_json: &str, places_json: &str, count: u32) -> String {
    if count == 0 || count > MAX_COUNT {
        return failure(format!("count 1..={MAX_COUNT}"));
    }
    let (w, templates) = match world_and_templates(templates_json, places_json) {
        Ok(found) => found,
        Err(e) => return failure(e),
    };
    let generator = Generator::new(
        &templates,
        &w.content.occupations,
        &w.places,
        7,
        now().date(),
    );
    let mut feed = String::from("[");
    for i in 0..u64::from(count) {
        if i > 0 {
            feed.push(',');
        }
        feed.push_str(&to_job_posting(&generator.vacancy(i)).to_string());
    }
    feed.push(']');
    let linker = w.content.linker(&w.places);
    let (report, import_ms) = timed(|| import_feed(feed.as_bytes(), &linker));
    match report {
        Ok(report) => serde_json::to_string(&ImportReport {
            ok: true,
            vacancies: report.vacancies.len(),
            bytes: feed.len(),
            import_ms,
            megabytes_per_second: feed.len() as f64 / 1e6 / (import_ms / 1000.0),
        })
        .unwrap_or_else(|e| failure(e.to_string())),
        Err(e) => failure(e.to_string()),
    }
}

#[derive(Serialize)]
struct PortfolioReport {
    ok: bool,
    self_tests: usize,
    activities: usize,
    file_bytes: usize,
    export_ms: f64,
    import_ms: f64,
}

/// Exports and imports a heavy portfolio (20 self-tests, 1,000 activities), `runs` times.
pub fn bench_heavy_portfolio(runs: u32) -> String {
    if runs == 0 || runs > MAX_RUNS {
        return failure(format!("runs 1..={MAX_RUNS}"));
    }
    let content = match Content::bundled() {
        Ok(c) => c,
        Err(e) => return failure(e.to_string()),
    };
    let stamp = now();
    let state = SamplePeople::new(&content, &[], 3).state(0, Size::HEAVY, stamp);
    let choices = ExportChoices::everything(Some("Zware werkmap"));
    let mut exports = Vec::new();
    let mut imports = Vec::new();
    let mut bytes = 0;
    for _ in 0..runs {
        let (text, ms) = timed(|| export(&state, None, &choices, stamp));
        exports.push(ms);
        bytes = text.len();
        let (opened, ms) = timed(|| open(text.as_bytes(), None));
        if let Err(e) = opened {
            return failure(e.to_string());
        }
        imports.push(ms);
    }
    serde_json::to_string(&PortfolioReport {
        ok: true,
        self_tests: state.history.len(),
        activities: state.activities.entries.len(),
        file_bytes: bytes,
        export_ms: median(&mut exports),
        import_ms: median(&mut imports),
    })
    .unwrap_or_else(|e| failure(e.to_string()))
}
