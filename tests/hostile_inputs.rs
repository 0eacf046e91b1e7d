//! Hostile inputs are read in linear time (issue 15): for every parser of untrusted input,
//! the shape that makes naive work grow faster than the input, at a size where quadratic
//! work would take minutes and linear work takes milliseconds.
//!
//! These are complexity guards, the one kind of timed assertion the project allows. Each
//! limit ([`LIMIT`], a minute) is tens of times what the linear code needs in a debug build
//! on a loaded two-core machine (about a second), and the sizes are chosen so that the
//! quadratic code needed an hour or more: a failure means the work grows faster than the
//! input again, not a slow machine. `benches/hostile.rs` measures the same shapes at doubling sizes.

mod common;
#[path = "hostile/shapes.rs"]
mod shapes;

use std::time::{Duration, Instant};

use common::content;
use werkmap::core::esco::import_occupations;
use werkmap::core::place::{Places, PLACES_JSON};
use werkmap::core::portfolio::{inspect, PortfolioError};
use werkmap::core::search::SearchIndex;
use werkmap::core::vacancy::html::html_to_text;
use werkmap::core::vacancy::{import_feed, FeedError, Linker};

/// The time any of these may take.
const LIMIT: Duration = Duration::from_secs(60);

/// Runs `work`, and fails when it took longer than `limit`.
fn guard<T>(what: &str, limit: Duration, work: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let result = work();
    let took = started.elapsed();
    eprintln!("{what}: {took:?} (limit {limit:?})");
    assert!(
        took < limit,
        "{what} took {took:?}, more than {limit:?}: work grows faster than the input"
    );
    result
}

fn places() -> &'static Places {
    static PLACES: std::sync::OnceLock<Places> = std::sync::OnceLock::new();
    PLACES.get_or_init(|| Places::parse(PLACES_JSON).expect("bundled places"))
}

fn linker() -> Linker<'static> {
    let c = content();
    Linker {
        occupations: &c.occupations,
        index: c.occupation_index(),
        places: places(),
    }
}

#[test]
fn html_with_a_million_unclosed_comments() {
    // 5 MB. Rescanning to the end at every `<!--` did 1,000,000 × 2.5 MB on average: 20,000
    // of them took 2 s in a release build, so a million take about 80 minutes.
    let html = shapes::unclosed_comments(1_000_000);
    let text = guard("unclosed comments", LIMIT, || html_to_text(&html));
    assert!(text.starts_with("x<!--x<!--"), "the text stays as it is");
    assert_eq!(text.len(), html.len());
}

#[test]
fn html_with_a_hundred_thousand_unclosed_quotes() {
    let html = shapes::unclosed_quotes(100_000);
    let text = guard("unclosed quotes", LIMIT, || html_to_text(&html));
    assert!(text.starts_with("<a \"<b '"), "{}", &text[..20]);
}

#[test]
fn esco_row_with_two_hundred_thousand_labels() {
    // 2.2 MB. Comparing each label with every kept one did 2 × 10^10 comparisons: 20,000
    // labels took 1.3 s in a release build, 200,000 more than 2 minutes there and far more
    // in a debug build.
    let file = shapes::esco_many_labels(200_000);
    let catalog = guard("ESCO labels", LIMIT, || import_occupations(&file)).expect("imports");
    assert_eq!(catalog.occupations[0].alt_labels.len(), 200_000);
}

#[test]
fn graph_node_shared_by_every_posting_is_read_once() {
    // 2,000 postings refer to an organisation and a place with 2 MB names: converting them
    // per posting was 2,000 × 10 MB of text (100 postings × 0.2 MB took 6 s in a release
    // build; this is 200 times that).
    let feed = shapes::graph_shared_node(2_000, 2_000_000);
    let report = guard("@graph shared node", LIMIT, || {
        import_feed(&feed, &linker())
    })
    .expect("reads");
    assert_eq!(report.vacancies.len(), 2_000);
    assert!(report
        .vacancies
        .iter()
        .all(|v| v.employer.starts_with("Bedrijf B.V.")));
    assert!(report
        .vacancies
        .iter()
        .all(|v| v.employer.chars().count() <= 200));
}

#[test]
fn csv_feed_where_every_row_has_the_same_id() {
    // The guard on the id pool itself is `import::tests::a_hundred_thousand_repeats_of_one_id`
    // (linking each row's title costs more than the ids here).
    let feed = shapes::csv_repeated_ids(2_000);
    let report = import_feed(&feed, &linker()).expect("reads");
    let ids: std::collections::HashSet<&str> =
        report.vacancies.iter().map(|v| v.id.as_str()).collect();
    assert_eq!(ids.len(), 2_000, "every id is unique");
    assert!(ids.contains("x") && ids.contains("x-2") && ids.contains("x-2000"));
}

#[test]
fn csv_title_of_a_megabyte_of_unclosed_comments() {
    let mut feed = String::from("title;place\n\"");
    feed.push_str(&shapes::unclosed_comments(200_000));
    feed.push_str("\";Utrecht\n");
    let report = guard("CSV title", LIMIT, || {
        import_feed(feed.as_bytes(), &linker())
    })
    .expect("reads");
    assert_eq!(report.vacancies.len(), 1);
}

#[test]
fn html_page_with_a_hundred_thousand_blocks() {
    let page = shapes::html_many_blocks(100_000);
    let report = guard("JSON-LD blocks", LIMIT, || import_feed(&page, &linker())).expect("reads");
    assert_eq!(report.vacancies.len(), 1);
    assert_eq!(report.other_nodes, 100_000);
}

#[test]
fn portfolio_with_long_deep_keys_and_a_long_array() {
    // Keys of 15,000 characters nested 30 deep, and 1,000,000 items under them: writing the
    // path of every item was 1,000,000 × 450 KB.
    let file = shapes::portfolio_long_keys(30, 15_000, 1_000_000);
    let result = guard("portfolio paths", LIMIT, || inspect(&file));
    assert!(
        matches!(result, Err(PortfolioError::Damaged(_))),
        "{result:?}"
    );
}

#[test]
fn search_with_a_four_megabyte_query() {
    let index: &SearchIndex = content().occupation_index();
    let query = shapes::long_query(200_000);
    let hits = guard("long query", LIMIT, || index.search(&query, 10));
    assert!(hits.len() <= 10);
}

#[test]
fn esco_labels_of_a_large_row_are_searchable_in_linear_time() {
    // Each name was compared with every earlier one of its occupation: 100,000 labels took
    // 8 minutes in a debug build, 200,000 about half an hour.
    let file = shapes::esco_many_labels(200_000);
    let catalog = import_occupations(&file).expect("imports");
    let index = guard("index of many labels", LIMIT, || {
        SearchIndex::new(catalog.search_documents())
    });
    assert!(!index.search("naam 199999", 5).is_empty());
}

#[test]
fn refused_feeds_are_refused_quickly() {
    // A feed of a million `[` is refused on its depth before any parser recurses.
    let deep = "[".repeat(1_000_000);
    let result = guard("deep feed", LIMIT, || {
        import_feed(deep.as_bytes(), &linker())
    });
    assert!(matches!(result, Err(FeedError::TooDeep)), "{result:?}");
}

/// Writes the fuzz targets' seeds (`fuzz/seeds/<target>/`): small forms of the shapes above
/// and of the fixtures. Run by `cargo xtask fuzz` before fuzzing, and by hand with
/// `cargo test --test hostile_inputs -- --ignored write_fuzz_seeds`.
#[test]
#[ignore]
fn write_fuzz_seeds() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let write = |target: &str, name: &str, bytes: &[u8]| {
        let dir = seeds.join(target);
        std::fs::create_dir_all(&dir).expect("seed dir");
        std::fs::write(dir.join(name), bytes).expect("writes a seed");
    };
    write(
        "html_to_text",
        "unclosed-comments.html",
        shapes::unclosed_comments(40).as_bytes(),
    );
    write(
        "html_to_text",
        "unclosed-quotes.html",
        shapes::unclosed_quotes(40).as_bytes(),
    );
    write(
        "html_to_text",
        "description.html",
        "<p>Wij zoeken een <b>orderpicker</b> &amp; chauffeur.</p><ul><li>32 uur</li><li>Dag&shy;dienst</li></ul><!-- x --><script>x</script>\u{202E}".as_bytes(),
    );
    write(
        "esco_import",
        "many-labels.csv",
        &shapes::esco_many_labels(40),
    );
    write(
        "vacancy_feed",
        "graph-shared-node.json",
        &shapes::graph_shared_node(3, 100),
    );
    write(
        "vacancy_feed",
        "html-many-blocks.html",
        &shapes::html_many_blocks(5),
    );
    write(
        "vacancy_feed",
        "csv-repeated-ids.csv",
        &shapes::csv_repeated_ids(10),
    );
    write(
        "vacancy_feed",
        "numbers.json",
        br#"[{"@type":"JobPosting","title":"Kok","baseSalary":1e309},{"@type":"JobPosting","title":"Bakker","workHours":"-32","description":"<!--<!--<a \"x"}]"#,
    );
    write(
        "vacancy_csv",
        "repeated-and-negative.csv",
        b"x,Kok,<!--<!--,,1234,-32\nx,Bakker\n",
    );
    write(
        "portfolio_import",
        "long-keys.json",
        &shapes::portfolio_long_keys(3, 30, 10),
    );
    write(
        "search_query",
        "long.txt",
        shapes::long_query(30).as_bytes(),
    );
    // A stored client record, made the way the coach's app makes one.
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/portfolio/v2.werkmap.json");
    let portfolio = werkmap::core::portfolio::open(&std::fs::read(fixture).expect("fixture"), None)
        .expect("the fixture opens");
    let mut caseload = werkmap::core::coach::Caseload::new();
    let at = portfolio.modified;
    let (key, _) = caseload.import(portfolio, at);
    let record = caseload.get(&key).expect("imported").to_json();
    write("coach_records", "client.json", record.as_bytes());
}
