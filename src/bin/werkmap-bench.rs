#![forbid(unsafe_code)]
//! The in-browser benchmark page (`bench.html`, served for `/bench`): only the measurement
//! hooks of `src/ui/bench*.rs` (feature `bench`), which the app bundles do not carry. Used by
//! `tests/e2e/bench-*.mjs` and `measure-portfolio.mjs` through `window.wasmBindings`.

// The exports live here, not in the library: a library's `#[wasm_bindgen]` functions are
// dropped from a binary that does not otherwise use their code.
#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use werkmap::ui::{bench, bench_matching};

    #[wasm_bindgen]
    pub fn bench_esco_search(csv: &[u8], queries_json: &str, runs: u32) -> String {
        bench::bench_esco_search(csv, queries_json, runs)
    }

    #[wasm_bindgen]
    pub fn bench_esco_documents(csv: &[u8]) -> String {
        bench::bench_esco_documents(csv)
    }

    #[wasm_bindgen]
    pub fn bench_catalogue_search(queries_json: &str, runs: u32) -> String {
        bench::bench_catalogue_search(queries_json, runs)
    }

    #[wasm_bindgen]
    pub fn bench_catalogue_documents() -> String {
        bench::bench_catalogue_documents()
    }

    #[wasm_bindgen]
    pub fn bench_rank(templates_json: &str, places_json: &str, count: u32, runs: u32) -> String {
        bench_matching::bench_rank(templates_json, places_json, count, runs)
    }

    #[wasm_bindgen]
    pub fn bench_rerank(sample_json: &str, places_json: &str, runs: u32) -> String {
        bench_matching::bench_rerank(sample_json, places_json, runs)
    }

    #[wasm_bindgen]
    pub fn bench_feed_import(templates_json: &str, places_json: &str, count: u32) -> String {
        bench_matching::bench_feed_import(templates_json, places_json, count)
    }

    #[wasm_bindgen]
    pub fn bench_heavy_portfolio(runs: u32) -> String {
        bench_matching::bench_heavy_portfolio(runs)
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        use leptos::prelude::*;
        view! { <main id="inhoud"><h1>"Werkmap benchmarks"</h1></main> }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("werkmap-bench is a browser page: `cargo xtask measure` builds and runs it.");
    std::process::exit(2);
}
