//! The pure core: no browser, no Leptos. Everything here compiles and is tested natively;
//! the web UI and the `werkmap` CLI are thin layers over it.

pub mod activity;
pub mod agreement;
pub mod coach;
pub mod competence;
pub mod consistency;
pub mod content;
pub mod cv;
pub mod esco;
pub mod handoff;
pub mod i18n;
pub mod kiosk;
pub mod language;
pub mod matching;
pub mod occupation;
pub mod place;
pub mod portfolio;
pub mod publish;
pub mod rng;
pub mod search;
pub mod selftest;
pub mod storage;
pub mod text;
pub mod vacancy;
pub mod vocab;
