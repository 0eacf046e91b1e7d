#![forbid(unsafe_code)]
//! Coach mode (`coach.html`, served for `/coach…`). A bundle of its own, built by
//! `cargo xtask build` from `coach.html`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(werkmap::ui::CoachRoot);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("werkmap-coach is a browser app: run `cargo xtask serve` to build and serve it.");
    std::process::exit(2);
}
