#![forbid(unsafe_code)]
//! Kiosk mode for a shared touch screen (`kiosk.html`, served for `/kiosk…`). A bundle of its own, built by
//! `cargo xtask build` from `kiosk.html`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(werkmap::ui::KioskRoot);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("werkmap-kiosk is a browser app: run `cargo xtask serve` to build and serve it.");
    std::process::exit(2);
}
