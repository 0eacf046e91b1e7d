//! Hostile inputs (issue 15) at doubling sizes: each shape that once made a parser's work grow
//! faster than its input is read at size n and 2n, and the ratio of the times is printed
//! (about 2 when the work is linear, about 4 when it is quadratic). Criterion then measures
//! each case at the larger size. The same shapes are the complexity guards in
//! `tests/hostile_inputs.rs`.

#[path = "../tests/hostile/shapes.rs"]
mod shapes;

use std::time::{Duration, Instant};

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use werkmap::core::content::Content;
use werkmap::core::esco::import_occupations;
use werkmap::core::place::{Places, PLACES_JSON};
use werkmap::core::portfolio::inspect;
use werkmap::core::vacancy::html::html_to_text;
use werkmap::core::vacancy::{import_feed, Linker};

/// The median of five runs.
fn median(mut run: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

struct Case {
    name: &'static str,
    /// Runs the case at size n.
    run: Box<dyn Fn(usize)>,
    n: usize,
}

fn cases(content: &'static Content, places: &'static Places) -> Vec<Case> {
    let linker = move || Linker {
        occupations: &content.occupations,
        index: content.occupation_index(),
        places,
    };
    vec![
        Case {
            name: "html_to_text, unclosed <!--",
            run: Box::new(|n| {
                black_box(html_to_text(&shapes::unclosed_comments(n)));
            }),
            n: 20_000,
        },
        Case {
            name: "html_to_text, unclosed quotes",
            run: Box::new(|n| {
                black_box(html_to_text(&shapes::unclosed_quotes(n)));
            }),
            n: 20_000,
        },
        Case {
            name: "ESCO, labels in one row",
            run: Box::new(|n| {
                black_box(import_occupations(&shapes::esco_many_labels(n)).ok());
            }),
            n: 20_000,
        },
        Case {
            name: "JSON-LD, @graph node shared by every posting",
            run: Box::new(move |n| {
                black_box(import_feed(&shapes::graph_shared_node(n, 200_000), &linker()).ok());
            }),
            n: 100,
        },
        Case {
            name: "HTML page, JSON-LD blocks",
            run: Box::new(move |n| {
                black_box(import_feed(&shapes::html_many_blocks(n), &linker()).ok());
            }),
            n: 10_000,
        },
        Case {
            name: "portfolio, long deep keys",
            run: Box::new(|n| {
                black_box(inspect(&shapes::portfolio_long_keys(30, 2_000, n)).ok());
            }),
            n: 20_000,
        },
        Case {
            name: "search, long query",
            run: Box::new(move |n| {
                black_box(
                    content
                        .occupation_index()
                        .search(&shapes::long_query(n), 10),
                );
            }),
            n: 20_000,
        },
    ]
}

fn hostile(c: &mut Criterion) {
    let content: &'static Content = Box::leak(Box::new(Content::bundled().expect("content")));
    let places: &'static Places = Box::leak(Box::new(
        Places::parse(PLACES_JSON).expect("bundled places"),
    ));
    let cases = cases(content, places);
    println!(
        "{:<48} {:>10} {:>12} {:>12} {:>7}",
        "case", "n", "time(n)", "time(2n)", "ratio"
    );
    for case in &cases {
        let one = median(|| (case.run)(case.n));
        let two = median(|| (case.run)(2 * case.n));
        println!(
            "{:<48} {:>10} {:>12.2?} {:>12.2?} {:>7.2}",
            case.name,
            case.n,
            one,
            two,
            two.as_secs_f64() / one.as_secs_f64().max(1e-9)
        );
    }
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for case in &cases {
        group.bench_function(case.name, |b| b.iter(|| (case.run)(2 * case.n)));
    }
    group.finish();
}

criterion_group!(benches, hostile);
criterion_main!(benches);
