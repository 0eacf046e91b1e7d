//! Native benchmarks of vacancy matching and feed import:
//!
//! - `rank_top10_explained/<N>`: rank N generated vacancies for a realistic job seeker and
//!   explain the top 10 (the product asks ≤ 10 ms for 100,000);
//! - `rerank_after_wish_change/sample`: what the app does on every wish change with the
//!   bundled sample (profile, scorer, rank, explanations, "wat als");
//! - `what_if/<N>`: the "wat als" counts;
//! - `import_jsonld/100000`: reading a 100,000-vacancy JSON-LD feed.
//!
//! Memory (the compact features the ranking reads, and the vacancies themselves) is printed
//! before the timings. Run with `cargo bench --bench matching` (`-- --quick` for a short run).

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use time::macros::date;
use werkmap::core::competence::CompetenceProfile;
use werkmap::core::content::Content;
use werkmap::core::matching::{
    explain, what_if, InterestTable, MatchProfile, RankQuery, Scorer, VacancyPool, Wishes,
};
use werkmap::core::place::{Places, PLACES_JSON};
use werkmap::core::portfolio::sample::benchmark_seeker;
use werkmap::core::selftest::Answers;
use werkmap::core::text::Language;
use werkmap::core::vacancy::generate::{Generator, Templates, TEMPLATES_JSON};
use werkmap::core::vacancy::jsonld::to_job_posting;
use werkmap::core::vacancy::{import_feed, Linker, Vacancy, VacancySet, SAMPLE_JSON};

const TODAY: time::Date = date!(2026 - 12 - 01);

struct World {
    content: Content,
    places: Places,
    templates: Templates,
}

fn world() -> World {
    let content = Content::bundled().expect("content");
    let places = Places::parse(PLACES_JSON).expect("places");
    let templates = Templates::parse(TEMPLATES_JSON, &content.occupations).expect("templates");
    World {
        content,
        places,
        templates,
    }
}

/// The benchmark job seeker (`portfolio::sample::benchmark_seeker`), shared with the
/// in-browser benchmark.
fn job_seeker(w: &World) -> (Answers, CompetenceProfile) {
    let state = benchmark_seeker(&w.content);
    (state.answers, state.competences)
}

fn generated(w: &World, count: usize) -> Vec<Vacancy> {
    Generator::new(&w.templates, &w.content.occupations, &w.places, 7, TODAY).generate(count)
}

fn print_memory(label: &str, pool: &VacancyPool) {
    let text: usize = pool
        .vacancies()
        .iter()
        .map(|v| {
            std::mem::size_of::<Vacancy>()
                + v.title.len()
                + v.employer.len()
                + v.description.len()
                + v.place.as_ref().map_or(0, String::len)
                + v.competences.len() * 40
        })
        .sum();
    println!(
        "{label}: {} vacancies, features {:.1} MB ({} bytes each), vacancies about {:.0} MB",
        pool.len(),
        pool.feature_bytes() as f64 / 1e6,
        pool.feature_bytes() / pool.len().max(1),
        text as f64 / 1e6
    );
}

fn ranking(c: &mut Criterion) {
    let w = world();
    let (answers, competences) = job_seeker(&w);
    let rules = &w.content.matching;
    let profile = MatchProfile::build(
        rules,
        &w.places,
        &answers,
        &competences,
        &Wishes::default(),
        TODAY,
    );
    let interests = InterestTable::new(&w.content, &competences);
    let pools: Vec<VacancyPool> = [10_000usize, 100_000, 1_000_000]
        .into_iter()
        .map(|count| {
            let pool = VacancyPool::new(generated(&w, count), &w.content);
            print_memory(&format!("pool {count}"), &pool);
            pool
        })
        .collect();
    let scorer = Scorer::new(&profile, rules, &w.content, &interests);
    let query = RankQuery {
        top: 10,
        ..RankQuery::default()
    };
    let mut group = c.benchmark_group("rank_top10_explained");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(6));
    for pool in &pools {
        group.throughput(Throughput::Elements(pool.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(pool.len()), pool, |b, pool| {
            b.iter(|| {
                let ranking = scorer.rank(black_box(pool), &query);
                let explained: Vec<_> = ranking
                    .top
                    .iter()
                    .filter_map(|r| {
                        explain(&scorer, &profile, &w.content, pool, r.index, Language::Nl)
                    })
                    .collect();
                black_box((ranking.good, explained.len()))
            })
        });
    }
    group.finish();
    let mut what = c.benchmark_group("what_if");
    what.sample_size(10);
    for pool in pools.iter().filter(|p| p.len() <= 100_000) {
        what.bench_with_input(BenchmarkId::from_parameter(pool.len()), pool, |b, pool| {
            b.iter(|| black_box(what_if(&profile, rules, &w.content, &interests, pool).len()))
        });
    }
    what.finish();
}

fn rerank(c: &mut Criterion) {
    let w = world();
    let (answers, competences) = job_seeker(&w);
    let rules = &w.content.matching;
    let sample = VacancySet::parse(SAMPLE_JSON, &w.content.competences)
        .expect("sample")
        .rebased(TODAY);
    let pool = VacancyPool::new(sample.vacancies, &w.content);
    let interests = InterestTable::new(&w.content, &competences);
    let mut distance = 10u16;
    c.bench_function("rerank_after_wish_change/sample", |b| {
        b.iter(|| {
            // The wish that changed: the travel distance, as a slider would move it.
            distance = if distance >= 40 { 10 } else { distance + 5 };
            let wishes = Wishes {
                max_distance_km: Some(distance),
                ..Wishes::default()
            };
            let profile =
                MatchProfile::build(rules, &w.places, &answers, &competences, &wishes, TODAY);
            let scorer = Scorer::new(&profile, rules, &w.content, &interests);
            let ranking = scorer.rank(
                &pool,
                &RankQuery {
                    top: 10,
                    ..RankQuery::default()
                },
            );
            let explained = ranking
                .top
                .iter()
                .filter_map(|r| {
                    explain(&scorer, &profile, &w.content, &pool, r.index, Language::Nl)
                })
                .count();
            let changes = what_if(&profile, rules, &w.content, &interests, &pool).len();
            black_box((explained, changes))
        })
    });
}

fn import(c: &mut Criterion) {
    let w = world();
    let count = 100_000;
    let mut feed = String::from("[\n");
    for (i, vacancy) in generated(&w, count).iter().enumerate() {
        if i > 0 {
            feed.push_str(",\n");
        }
        feed.push_str(&to_job_posting(vacancy).to_string());
    }
    feed.push_str("\n]\n");
    println!(
        "JSON-LD feed: {count} vacancies, {:.1} MB",
        feed.len() as f64 / 1e6
    );
    let linker = Linker {
        occupations: &w.content.occupations,
        index: w.content.occupation_index(),
        places: &w.places,
    };
    let mut group = c.benchmark_group("import_jsonld");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(feed.len() as u64));
    group.bench_function(BenchmarkId::from_parameter(count), |b| {
        b.iter(|| {
            let report = import_feed(black_box(feed.as_bytes()), &linker).expect("imports");
            assert_eq!(report.vacancies.len(), count);
            black_box(report.vacancies.len())
        })
    });
    group.finish();
}

criterion_group!(benches, ranking, rerank, import);
criterion_main!(benches);
