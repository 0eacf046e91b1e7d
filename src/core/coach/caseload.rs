//! The coach's caseload: opening a job seeker's file for it ([`open_client_file`]), taking
//! it in ([`Caseload::import`]), and reading the stored records back
//! ([`Caseload::from_records`]).

use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::{Date, OffsetDateTime};

use super::client::{same_content, Client, ImportedVersion, KEPT_VERSIONS};
use super::key::{client_key, client_slug};
use super::overview::{overview_row, OverviewRow};
use crate::core::i18n;
use crate::core::portfolio::import::dated_in_the_future;
use crate::core::portfolio::{inspect, open, Inspected, Portfolio, PortfolioError, Section};
use crate::core::selftest::SelfTest;
use crate::core::text::Language;

/// Why a file cannot join the caseload.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpenClientError {
    #[error("the file is encrypted and no passphrase was given")]
    NeedsPassphrase,
    /// A coach's reply (agreements and a profile only), not a job seeker's work map.
    #[error("a coach's reply, not a job seeker's work map")]
    NotAWorkMap,
    #[error("{0}")]
    Portfolio(PortfolioError),
}

impl OpenClientError {
    pub fn message(&self, language: Language) -> String {
        match self {
            OpenClientError::NeedsPassphrase => {
                i18n::text(language, "coach.needs_passphrase").to_owned()
            }
            OpenClientError::NotAWorkMap => i18n::text(language, "coach.not_a_work_map").to_owned(),
            OpenClientError::Portfolio(error) => error.message(language),
        }
    }
}

/// Opens a file for the caseload: a job seeker's work map, plain or encrypted with
/// `passphrase`. A file with nothing of the job seeker's own (a coach's reply) is refused.
pub fn open_client_file(bytes: &[u8], passphrase: &str) -> Result<Portfolio, OpenClientError> {
    let portfolio = match inspect(bytes).map_err(OpenClientError::Portfolio)? {
        Inspected::Plain { portfolio, .. } => *portfolio,
        Inspected::Encrypted if passphrase.is_empty() => {
            return Err(OpenClientError::NeedsPassphrase)
        }
        Inspected::Encrypted => {
            open(bytes, Some(passphrase)).map_err(OpenClientError::Portfolio)?
        }
    };
    let own_content = portfolio
        .sections()
        .iter()
        .any(|s| !matches!(s, Section::Profile | Section::Agreements));
    if !own_content {
        return Err(OpenClientError::NotAWorkMap);
    }
    Ok(portfolio)
}

/// What [`Caseload::import`] did with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    /// A person not in the caseload yet.
    New,
    /// A newer file of a known person: kept as the newest version.
    Updated,
    /// The same content (checksum) as the newest kept version: nothing kept.
    Unchanged,
    /// The file's `modified` is older than the newest kept version: kept out, so an old
    /// file opened by mistake does not hide the newer one.
    Older,
    /// The file's `modified` is more than a day after this device's clock: kept out, so it
    /// cannot make every real file after it look older.
    FromTheFuture,
}

impl ImportOutcome {
    /// The key of [`ImportOutcome::message`] in the locale files.
    fn i18n_key(self) -> &'static str {
        match self {
            ImportOutcome::New => "coach.import.new",
            ImportOutcome::Updated => "coach.import.updated",
            ImportOutcome::Unchanged => "coach.import.unchanged",
            ImportOutcome::Older => "coach.import.older",
            ImportOutcome::FromTheFuture => "coach.import.from_the_future",
        }
    }

    pub fn message(self, language: Language) -> &'static str {
        i18n::text(language, self.i18n_key())
    }
}

/// The coach's caseload, in import order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Caseload {
    pub clients: Vec<Client>,
}

impl Caseload {
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes in a job seeker's file (already opened and checked by
    /// [`portfolio::open`](crate::core::portfolio::open)). Returns the person's key and
    /// what happened.
    /// A file dated more than a day after `now` is refused ([`ImportOutcome::FromTheFuture`]),
    /// and a kept version with such a date (stored before this check) does not count as
    /// newer than anything.
    pub fn import(&mut self, portfolio: Portfolio, now: OffsetDateTime) -> (String, ImportOutcome) {
        let key = client_key(&portfolio);
        if dated_in_the_future(portfolio.modified, now) {
            return (key, ImportOutcome::FromTheFuture);
        }
        let Some(client) = self.clients.iter_mut().find(|c| c.key == key) else {
            self.clients.push(Client::new(key.clone(), portfolio, now));
            return (key, ImportOutcome::New);
        };
        if let Some(newest) = client.latest() {
            if same_content(newest, &portfolio) {
                return (key, ImportOutcome::Unchanged);
            }
            if portfolio.modified < newest.modified && !dated_in_the_future(newest.modified, now) {
                return (key, ImportOutcome::Older);
            }
        }
        client.versions.push(ImportedVersion {
            imported_at: now,
            portfolio,
        });
        if client.versions.len() > KEPT_VERSIONS {
            let surplus = client.versions.len() - KEPT_VERSIONS;
            client.versions.drain(..surplus);
        }
        (key, ImportOutcome::Updated)
    }

    pub fn get(&self, key: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.key == key)
    }

    /// The client whose [`client_slug`] this is.
    pub fn by_slug(&self, slug: &str) -> Option<&Client> {
        self.clients.iter().find(|c| client_slug(&c.key) == slug)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Client> {
        self.clients.iter_mut().find(|c| c.key == key)
    }

    pub fn remove(&mut self, key: &str) -> Option<Client> {
        let at = self.clients.iter().position(|c| c.key == key)?;
        Some(self.clients.remove(at))
    }

    pub fn len(&self) -> usize {
        self.clients.len()
    }

    pub fn is_empty(&self) -> bool {
        self.clients.is_empty()
    }

    /// One row per client, in caseload order. A client without any version (only possible
    /// when built by hand) has nothing to show and gets no row.
    pub fn overview(&self, selftest: &SelfTest, today: Date) -> Vec<OverviewRow> {
        self.clients
            .iter()
            .filter_map(|client| overview_row(client, selftest, today))
            .collect()
    }
}

/// The caseload as read back from its stored records ([`Caseload::from_records`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoredCaseload {
    pub caseload: Caseload,
    /// Records that could not be used: not text, not a client record, failing the file
    /// checks, or from a newer version. They stay stored as they are (never overwritten).
    pub unreadable: usize,
    /// Store keys whose record is a client read under another key (or under a key that is
    /// not its own): the caller writes each client again under its key and deletes these.
    pub merged: Vec<String>,
}

impl Caseload {
    /// Reads stored records: (store key, the record's text, or `None` when the stored value
    /// is not text). Every record goes through [`Client::from_json`] (the file checks); one
    /// person stored under two keys becomes one client (versions merged, the agreements of
    /// the record replied to last), in the order of the records.
    pub fn from_records(
        records: impl IntoIterator<Item = (String, Option<String>)>,
    ) -> StoredCaseload {
        let mut stored = StoredCaseload::default();
        for (store_key, text) in records {
            let Some(client) = text.as_deref().and_then(|t| Client::from_json(t).ok()) else {
                stored.unreadable += 1;
                continue;
            };
            if store_key != client.key {
                stored.merged.push(store_key);
            }
            match stored.caseload.get_mut(&client.key) {
                None => stored.caseload.clients.push(client),
                Some(known) => known.absorb(client),
            }
        }
        stored
    }
}
