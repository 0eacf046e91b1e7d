//! One job seeker in the caseload: the stored record ([`Client`]) with its imported versions
//! and the coach's agreements, reading it back through the file checks and its schema
//! migration ([`Client::from_json`]), and the coach's reply ([`Client::reply`]).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;
use time::OffsetDateTime;

use super::compare::{compare, Change};
use super::key::client_key;
use crate::core::i18n;
use crate::core::portfolio::import::{check_agreements, check_portfolio, YEARS};
use crate::core::portfolio::{export_coach_reply, Agreements, Portfolio};
use crate::core::selftest::SelfTest;
use crate::core::storage::TargetSource;
use crate::core::text::{clean_name, Language};

/// Version of the stored caseload records ([`Client`]). Bump it together with a step in
/// `migrate` (below) and keep a record of the old version as a test fixture, as `storage.rs`
/// does.
///
/// - 1: key, imported versions, the coach's agreements, when the coach last replied.
///
/// The records hold whole [`Portfolio`]s: a portfolio format change that older stored
/// portfolios would not read as they are needs a bump here too.
pub const CLIENT_SCHEMA_VERSION: u32 = 1;
/// How many imported versions of one person are kept (newest last). Two are needed for the
/// comparison; a few more let the coach look back without the caseload growing without end.
pub const KEPT_VERSIONS: usize = 5;

/// Why a stored client record could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClientDataError {
    /// Not JSON, or JSON that is not a client record.
    #[error("the stored client record is not readable: {0}")]
    Unreadable(String),
    /// Written by a newer version of the app: keep it, do not overwrite it.
    #[error("the stored client record was written by a newer version (schema {0})")]
    NewerVersion(u32),
}

impl ClientDataError {
    pub fn message(&self, language: Language) -> &'static str {
        let key = match self {
            ClientDataError::Unreadable(_) => "coach.error.unreadable",
            ClientDataError::NewerVersion(_) => "coach.error.newer_version",
        };
        i18n::text(language, key)
    }
}

/// One imported file of a person, with when the coach imported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedVersion {
    #[serde(with = "time::serde::rfc3339")]
    pub imported_at: OffsetDateTime,
    pub portfolio: Portfolio,
}

/// One job seeker in the coach's caseload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Client {
    pub schema_version: u32,
    /// [`client_key`] of the files.
    pub key: String,
    /// Imported versions, oldest first (at most [`KEPT_VERSIONS`]); never empty for a
    /// client made by [`Caseload::import`](super::Caseload::import) or read by
    /// [`Client::from_json`].
    pub versions: Vec<ImportedVersion>,
    /// The coach's working copy of the agreements: from the first file's agreements section
    /// when it had one, else empty; never overwritten by a later import.
    pub agreements: Agreements,
    /// When the coach last exported a reply.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub replied_at: Option<OffsetDateTime>,
}

impl Client {
    /// Takes in another record of the same person: versions of both (one per content,
    /// oldest first, the newest [`KEPT_VERSIONS`]), and the agreements of the record the
    /// coach replied to last.
    pub(super) fn absorb(&mut self, other: Client) {
        if other.replied_at > self.replied_at {
            self.agreements = other.agreements;
            self.replied_at = other.replied_at;
        }
        for version in other.versions {
            if !self
                .versions
                .iter()
                .any(|v| same_content(&v.portfolio, &version.portfolio))
            {
                self.versions.push(version);
            }
        }
        self.versions.sort_by_key(|v| v.portfolio.modified);
        let surplus = self.versions.len().saturating_sub(KEPT_VERSIONS);
        self.versions.drain(..surplus);
    }
}

/// A checksum is only a fingerprint when there is one; a hand-built portfolio may lack it.
pub(super) fn same_content(a: &Portfolio, b: &Portfolio) -> bool {
    if a.checksum.is_empty() || b.checksum.is_empty() {
        a == b
    } else {
        a.checksum == b.checksum
    }
}

impl Client {
    pub(super) fn new(key: String, portfolio: Portfolio, now: OffsetDateTime) -> Self {
        Self {
            schema_version: CLIENT_SCHEMA_VERSION,
            key,
            agreements: portfolio.agreements.clone().unwrap_or_default(),
            versions: vec![ImportedVersion {
                imported_at: now,
                portfolio,
            }],
            replied_at: None,
        }
    }

    pub fn latest(&self) -> Option<&Portfolio> {
        self.versions.last().map(|v| &v.portfolio)
    }

    /// The version before the latest, if more than one is kept.
    pub fn previous(&self) -> Option<&Portfolio> {
        let before = self.versions.len().checked_sub(2)?;
        self.versions.get(before).map(|v| &v.portfolio)
    }

    /// The alias as the job seeker typed it, from the newest version that has one.
    /// Cleaned as every name a person reads ([`clean_name`]).
    pub fn alias(&self) -> Option<String> {
        self.versions.iter().rev().find_map(|v| {
            v.portfolio
                .profile
                .as_ref()
                .and_then(|p| p.alias.as_deref())
                .map(clean_name)
        })
    }

    /// The application target per four weeks: the coach's agreed one, else the job seeker's
    /// own from the newest file (when the activities section is shared).
    pub fn application_target(&self) -> Option<(u32, TargetSource)> {
        if let Some(target) = self.agreements.application_target_per_4_weeks {
            return Some((target, TargetSource::Coach));
        }
        self.latest()
            .and_then(|p| p.activities.as_ref())
            .and_then(|log| log.own_target_per_4_weeks)
            .map(|target| (target, TargetSource::Own))
    }

    /// What changed between the previous and the latest version (empty when there is one
    /// version). See [`compare`].
    pub fn changes(&self, selftest: &SelfTest) -> Vec<Change> {
        match (self.previous(), self.latest()) {
            (Some(previous), Some(latest)) => compare(previous, latest, selftest),
            _ => Vec::new(),
        }
    }

    /// The reply file for this person (the coach's agreements and the job seeker's alias, so
    /// they see it is theirs), and notes when it was made.
    pub fn reply(&mut self, language: Language, now: OffsetDateTime) -> String {
        let alias = self.alias();
        let text = export_coach_reply(&self.agreements, alias.as_deref(), language, now);
        self.replied_at = Some(now);
        text
    }

    /// Reads a stored record of any known schema version. Never panics; a newer version is
    /// refused so the caller can keep it aside instead of overwriting it.
    pub fn from_json(json: &str) -> Result<Client, ClientDataError> {
        let value: Value =
            serde_json::from_str(json).map_err(|e| ClientDataError::Unreadable(e.to_string()))?;
        let version = value
            .get("schema_version")
            .and_then(Value::as_u64)
            .ok_or_else(|| ClientDataError::Unreadable("no schema_version".to_owned()))?;
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        if version > CLIENT_SCHEMA_VERSION {
            return Err(ClientDataError::NewerVersion(version));
        }
        let migrated = migrate(value, version)?;
        let mut client: Client = serde_json::from_value(migrated)
            .map_err(|e| ClientDataError::Unreadable(e.to_string()))?;
        let Some(latest) = client.latest() else {
            return Err(ClientDataError::Unreadable(
                "no imported version".to_owned(),
            ));
        };
        // The same checks as a file: a stored record is only as good as what is in it.
        let key = client_key(latest);
        for (n, version) in client.versions.iter().enumerate() {
            check_portfolio(&version.portfolio)
                .map_err(|e| ClientDataError::Unreadable(format!("version {}: {e}", n + 1)))?;
            if client_key(&version.portfolio) != key {
                return Err(ClientDataError::Unreadable(format!(
                    "version {} is of another person",
                    n + 1
                )));
            }
            if !YEARS.contains(&version.imported_at.year()) {
                return Err(ClientDataError::Unreadable(format!(
                    "version {} was imported in the year {}",
                    n + 1,
                    version.imported_at.year()
                )));
            }
        }
        if client.versions.len() > KEPT_VERSIONS {
            return Err(ClientDataError::Unreadable(format!(
                "{} versions, more than {KEPT_VERSIONS}",
                client.versions.len()
            )));
        }
        check_agreements(&client.agreements)
            .map_err(|e| ClientDataError::Unreadable(format!("agreements: {e}")))?;
        if client
            .replied_at
            .is_some_and(|at| !YEARS.contains(&at.year()))
        {
            return Err(ClientDataError::Unreadable(
                "replied in an impossible year".to_owned(),
            ));
        }
        // The key is what the files say, not what the record claims.
        client.key = key;
        Ok(client)
    }

    /// The stored record (compact JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Brings an older stored record up to [`CLIENT_SCHEMA_VERSION`]. Version 1 is the first, so
/// there is no step yet; a bump adds one here (one version at a time, as `storage::migrate`).
fn migrate(value: Value, from: u32) -> Result<Value, ClientDataError> {
    if from < CLIENT_SCHEMA_VERSION {
        return Err(ClientDataError::Unreadable(format!(
            "unknown schema version {from}"
        )));
    }
    Ok(value)
}
