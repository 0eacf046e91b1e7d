//! The portfolio file (`*.werkmap.json`): the job seeker's work map in one versioned JSON
//! file they own and hand to a coach, and the coach's reply with agreements.
//!
//! - [`format`]: the file's types, version and checksum; [`json_schema`] generates
//!   `public/schema/portfolio.schema.json`.
//! - [`export`](mod@export): the file from the app state, with only the sections the job
//!   seeker chose (consent per section: unshared sections are absent from the bytes).
//! - [`crypto`]: optional passphrase encryption (Argon2id + XChaCha20-Poly1305); the caller
//!   supplies the random bytes, so the core needs no random source.
//! - [`import`]: [`inspect`], [`open`], [`preview`]; every refusal is a [`PortfolioError`]
//!   with a plain Dutch and English message.
//! - [`merge`]: a coach's reply merges only the coach's section.
//! - [`backups`]: earlier work maps kept aside before a file replaces parts of the current
//!   one (a small list with dates and contents).
//!
//! Everything here is pure and never panics on input bytes.

pub mod backups;
pub mod checks;
pub mod crypto;
pub mod error;
pub mod export;
pub mod format;
pub mod import;
pub mod merge;
pub mod sample;

pub use crypto::{encrypt, encrypt_with, EncryptError, KdfParams};
pub use export::{
    build, export, export_coach_reply, section_contents, ExportChoices, PrivateParts,
    ProfileChoices,
};
pub use format::{
    checksum_of, json_schema, Agreement, Agreements, Portfolio, ProfileSection, Section,
    SelftestSection, VacanciesSection, FORMAT, MAX_AGREEMENT_CHARS, VERSION,
};
pub use import::{
    inspect, is_coach_reply, open, preview, Inspected, PortfolioError, Preview, MAX_FILE_BYTES,
};
pub use merge::{
    merge_coach_reply, take_coach_reply, take_in, take_in_file, MergeOutcome, TakenIn,
};
