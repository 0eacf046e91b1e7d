//! Earlier work maps kept aside before a file replaces parts of the current one: a small
//! list, newest last, each with when it was kept and what it holds, so the job seeker can
//! see which one "Zet terug" brings back (issue 15, item 4: one slot was overwritten by a
//! second import, and the original work map was gone).
//!
//! The list is one stored document ([`BACKUPS_DOCUMENT`]). It keeps at most [`MAX_BACKUPS`]
//! work maps and at most [`BUDGET_BYTES`] in all (local storage is about 5 MB for the whole
//! origin); the oldest go first. The backup of older versions of the app (one slot,
//! [`OLD_BACKUP_DOCUMENT`]) is read into the list once.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::core::i18n;
use crate::core::storage::{parse_state, AppState, Damage};
use crate::core::text::{format_date, Language};

/// The stored document with the list.
pub const BACKUPS_DOCUMENT: &str = "backups";
/// Where a list that cannot be read is copied aside (it is never overwritten).
pub const DAMAGED_BACKUPS_DOCUMENT: &str = "backups-damaged";
/// The one backup older versions of the app kept.
pub const OLD_BACKUP_DOCUMENT: &str = "backup";
/// How many earlier work maps are kept.
const MAX_BACKUPS: usize = 5;
/// How many bytes the list may take in all.
const BUDGET_BYTES: usize = 1_500_000;
/// Version of the stored list.
const BACKUPS_VERSION: u32 = 1;

/// What a kept work map holds, in counts a person recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Holds {
    pub selftests: usize,
    pub answers: usize,
    pub competences: usize,
    pub activities: usize,
    pub saved_vacancies: usize,
    pub agreements: usize,
}

impl Holds {
    pub fn of(state: &AppState) -> Self {
        Self {
            selftests: state.history.len(),
            answers: state.answers.len(),
            competences: state.competences.ratings().len(),
            activities: state.activities.entries.len(),
            saved_vacancies: state.saved_vacancies.len(),
            agreements: state
                .agreements
                .as_ref()
                .map_or(0, |a| a.agreements.items.len()),
        }
    }

    /// "2 zelftests, 5 antwoorden, 1 activiteit"; "leeg" when it holds nothing.
    pub fn describe(&self, language: Language) -> String {
        let words: Vec<String> = [
            (self.selftests > 0)
                .then(|| i18n::plural(language, "backups.holds.selftests", self.selftests, &[])),
            (self.answers > 0)
                .then(|| i18n::plural(language, "backups.holds.answers", self.answers, &[])),
            (self.competences > 0).then(|| {
                i18n::plural(language, "backups.holds.competences", self.competences, &[])
            }),
            (self.activities > 0)
                .then(|| i18n::plural(language, "backups.holds.activities", self.activities, &[])),
            (self.saved_vacancies > 0).then(|| {
                i18n::plural(
                    language,
                    "backups.holds.saved_vacancies",
                    self.saved_vacancies,
                    &[],
                )
            }),
            (self.agreements > 0)
                .then(|| i18n::plural(language, "backups.holds.agreements", self.agreements, &[])),
        ]
        .into_iter()
        .flatten()
        .collect();
        if words.is_empty() {
            i18n::text(language, "backups.empty").to_owned()
        } else {
            words.join(", ")
        }
    }
}

/// One earlier work map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// When it was kept aside (`None`: by an older version of the app, which did not say).
    #[serde(with = "time::serde::rfc3339::option")]
    pub kept_at: Option<OffsetDateTime>,
    pub holds: Holds,
    /// The work map as stored (the state document's JSON).
    pub state: String,
}

impl Backup {
    /// "3 december 2026, 14:05: 2 zelftests, 5 antwoorden, 1 activiteit".
    pub fn describe(&self, language: Language) -> String {
        let when = match self.kept_at {
            Some(at) => format!(
                "{}, {:02}:{:02}",
                format_date(at.date(), language),
                at.hour(),
                at.minute()
            ),
            None => i18n::text(language, "backups.kept_earlier").to_owned(),
        };
        format!("{when}: {}", self.holds.describe(language))
    }
}

/// Why a work map could not be kept aside or brought back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    /// The work map alone is larger than the whole budget.
    TooLarge,
    /// No backup with that number.
    NotFound,
    /// The kept work map cannot be read.
    Damaged(Damage),
}

/// The kept work maps, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backups {
    pub version: u32,
    pub items: Vec<Backup>,
}

impl Default for Backups {
    fn default() -> Self {
        Self {
            version: BACKUPS_VERSION,
            items: Vec::new(),
        }
    }
}

impl Backups {
    /// The list from its stored document, with the one backup of older versions (when there
    /// is one) as the oldest entry. A list that cannot be read is `Err` (the caller keeps it
    /// aside: it is never overwritten silently).
    pub fn load(list: Option<&str>, old: Option<&str>) -> Result<Self, Damage> {
        let mut backups = match list {
            Some(json) => {
                let backups: Backups =
                    serde_json::from_str(json).map_err(|e| Damage::Unreadable(e.to_string()))?;
                if backups.version > BACKUPS_VERSION {
                    return Err(Damage::NewerVersion(backups.version));
                }
                backups
            }
            None => Backups::default(),
        };
        if let Some(old) = old {
            if !backups.items.iter().any(|b| b.state == old) {
                let holds = parse_state(old).map(|s| Holds::of(&s)).unwrap_or_default();
                backups.items.insert(
                    0,
                    Backup {
                        kept_at: None,
                        holds,
                        state: old.to_owned(),
                    },
                );
                backups.trim(0);
            }
        }
        Ok(backups)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn bytes(&self) -> usize {
        self.items.iter().map(|b| b.state.len() + 128).sum()
    }

    /// Drops the oldest entries beyond [`MAX_BACKUPS`] or [`BUDGET_BYTES`], keeping the
    /// newest `keep_newest` whatever their size.
    fn trim(&mut self, keep_newest: usize) {
        while self.items.len() > keep_newest
            && (self.items.len() > MAX_BACKUPS || self.bytes() > BUDGET_BYTES)
        {
            self.items.remove(0);
        }
    }

    /// Keeps `state` aside as the newest backup; the oldest go when the list is full.
    pub fn keep(&mut self, state: &AppState, now: OffsetDateTime) -> Result<(), BackupError> {
        let json = serde_json::to_string(state)
            .map_err(|e| BackupError::Damaged(Damage::Unreadable(e.to_string())))?;
        if json.len() + 128 > BUDGET_BYTES {
            return Err(BackupError::TooLarge);
        }
        self.items.push(Backup {
            kept_at: Some(now),
            holds: Holds::of(state),
            state: json,
        });
        self.trim(1);
        Ok(())
    }

    /// Brings back backup `index` (0 is the oldest): it leaves the list, and `current` is
    /// kept aside first, so bringing back can itself be undone.
    pub fn bring_back(
        &mut self,
        index: usize,
        current: &AppState,
        now: OffsetDateTime,
    ) -> Result<AppState, BackupError> {
        let backup = self.items.get(index).ok_or(BackupError::NotFound)?;
        let state = parse_state(&backup.state).map_err(BackupError::Damaged)?;
        self.items.remove(index);
        self.keep(current, now)?;
        Ok(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;
    use time::Duration;

    const NOW: OffsetDateTime = datetime!(2026-12-03 14:05:00 UTC);

    fn state_with(activities: usize) -> AppState {
        let mut state = AppState::default();
        for i in 0..activities {
            state
                .activities
                .entries
                .push(crate::core::activity::Activity {
                    id: u32::try_from(i + 1).unwrap_or(u32::MAX),
                    date: NOW.date(),
                    kind: crate::core::activity::ActivityKind::Application,
                    employer: format!("Werkgever {i}"),
                    vacancy: None,
                    vacancy_id: None,
                    outcome: crate::core::activity::Outcome::Waiting,
                    reason: None,
                    note: String::new(),
                });
        }
        state
    }

    #[test]
    fn a_second_import_keeps_the_first_work_map() {
        // Before: one slot; the second import overwrote the original work map.
        let original = state_with(1);
        let first_file = state_with(2);
        let mut backups = Backups::default();
        backups.keep(&original, NOW).expect("kept");
        backups
            .keep(&first_file, NOW + Duration::minutes(5))
            .expect("kept");
        assert_eq!(backups.items.len(), 2);
        assert_eq!(
            backups.items[0].describe(Language::Nl),
            "3 december 2026, 14:05: 1 activiteit"
        );
        assert_eq!(
            backups.items[1].describe(Language::En),
            "3 December 2026, 14:10: 2 activities"
        );
        let current = state_with(3);
        let back = backups
            .bring_back(0, &current, NOW + Duration::minutes(10))
            .expect("brought back");
        assert_eq!(back, original, "the one chosen comes back");
        assert_eq!(backups.items.len(), 2, "the current one is kept instead");
        assert_eq!(backups.items[1].holds.activities, 3);
        let round = Backups::load(Some(&backups.to_json()), None).expect("reads");
        assert_eq!(round, backups);
    }

    #[test]
    fn the_oldest_go_first_within_count_and_budget() {
        let mut backups = Backups::default();
        for i in 0..(MAX_BACKUPS + 2) {
            backups
                .keep(&state_with(i), NOW + Duration::minutes(i as i64))
                .expect("kept");
        }
        assert_eq!(backups.items.len(), MAX_BACKUPS);
        assert_eq!(backups.items[0].holds.activities, 2, "the two oldest went");
        // Work maps of about 600 KB: fewer than four fit the budget.
        let big = state_with(4_000);
        let mut backups = Backups::default();
        for i in 0..4 {
            backups
                .keep(&big, NOW + Duration::minutes(i))
                .expect("kept");
        }
        assert!(backups.bytes() <= BUDGET_BYTES, "{}", backups.bytes());
        assert!(backups.items.len() < 4);
        assert_eq!(
            backups.items.last().and_then(|b| b.kept_at),
            Some(NOW + Duration::minutes(3))
        );
        assert_eq!(
            Backups::default().keep(&state_with(30_000), NOW),
            Err(BackupError::TooLarge)
        );
    }

    #[test]
    fn the_backup_of_older_versions_joins_the_list() {
        let old = serde_json::to_string(&state_with(1)).expect("json");
        let backups = Backups::load(None, Some(&old)).expect("reads");
        assert_eq!(backups.items.len(), 1);
        assert_eq!(backups.items[0].kept_at, None);
        assert_eq!(
            backups.items[0].describe(Language::Nl),
            "eerder bewaard: 1 activiteit"
        );
        let again = Backups::load(Some(&backups.to_json()), Some(&old)).expect("reads");
        assert_eq!(again.items.len(), 1, "not twice");
        assert!(Backups::load(Some("{"), None).is_err());
    }
}
