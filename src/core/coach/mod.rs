//! Coach mode (werkcoach): a caseload of job seekers' portfolio files, the overview table, the
//! comparison of a person's newest file with the one before, and the coach's own agreements.
//!
//! This is the logic only; the UI stores each [`Client`] as its own record (IndexedDB) via
//! [`Client::to_json`] / [`Client::from_json`], and keeps the [`Caseload`] in memory.
//!
//! Who is who: files carry no stable person id (the job seeker owns the file and shares only
//! what they choose), so [`client_key`] joins the work map's `created` time with the alias.
//! See its documentation for what that can and cannot tell apart.
//!
//! The coach owns [`Client::agreements`]: an import takes them from the first file only and
//! never writes over them afterwards, so a job seeker's file that still carries last month's
//! reply cannot undo what the coach changed since. A reply ([`Client::reply`]) carries only
//! the agreements and the alias, so it never changes the job seeker's own sections.
//!
//! The files, each using only those before it: `key.rs` (who is who), `standing.rs` (where
//! one file puts a person), `compare.rs` (what changed between two versions, in plain
//! words), `client.rs` (one person's stored record, its migration and the reply),
//! `overview.rs` (the rows, sorting and filtering), `caseload.rs` (opening and importing
//! files, reading the stored records back). Everything outside this folder uses the items
//! re-exported here.

mod caseload;
mod client;
mod compare;
mod key;
mod overview;
mod standing;

pub use caseload::{open_client_file, Caseload, ImportOutcome, OpenClientError, StoredCaseload};
pub use client::{Client, ClientDataError, ImportedVersion, CLIENT_SCHEMA_VERSION, KEPT_VERSIONS};
pub use compare::{compare, Change};
pub use key::{client_key, client_slug};
pub use overview::{filter_rows, sort_rows, EvaluationDue, OverviewRow, RowFilter, SortColumn};
