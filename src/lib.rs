#![forbid(unsafe_code)]
pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
