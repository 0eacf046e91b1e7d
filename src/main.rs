#![forbid(unsafe_code)]
//! Entry point of the browser app (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(werkmap::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("werkmap-web is the browser app: run `cargo xtask serve` to build and serve it.");
    std::process::exit(2);
}
