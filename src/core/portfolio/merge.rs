//! Taking in a coach's reply file: only the coach's section (agreements) is taken; the job
//! seeker's own answers and competences are never read from a reply, so they cannot be
//! overwritten.
//!
//! The app keeps the agreements of the last reply in [`AppState::agreements`] and passes
//! them to [`export`](super::export) so they travel back to the coach. [`take_in`] is the
//! other way in: the job seeker's own file, which replaces the parts it holds.

use time::OffsetDateTime;

use crate::core::content::Content;
use crate::core::storage::{AppState, ReceivedAgreements};

use super::backups::{BackupError, Backups};
use super::format::{Agreements, Portfolio, Section};
use super::import::dated_in_the_future;

/// The outcome of merging a coach's reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeOutcome {
    /// Store these agreements (they replace the earlier ones: the coach's reply holds the
    /// coach's full, current list). `ignored` lists job-seeker sections that were in the
    /// reply and were left alone.
    Updated {
        agreements: Agreements,
        replied_at: OffsetDateTime,
        ignored: Vec<Section>,
    },
    /// The reply is older than the agreements already taken in; nothing changes.
    Older { replied_at: OffsetDateTime },
    /// The file has no agreements section: it is not a coach's reply.
    NoAgreements,
    /// The reply is dated more than a day after this device's clock (a clock set wrong, or a
    /// hand-made date): it is not taken in, so it cannot make every real reply after it
    /// look older.
    FromTheFuture { replied_at: OffsetDateTime },
}

/// Merges a coach's reply. `taken_at` is the `modified` time of the last reply taken in
/// (kept by the app with the agreements), so an old reply opened later cannot undo newer
/// agreements. Neither a reply nor a kept `taken_at` dated more than a day after `now`
/// ([`dated_in_the_future`]) decides anything: the first is refused, the second is
/// ignored, so one wrong date never locks a person out of their coach's replies.
pub fn merge_coach_reply(
    reply: &Portfolio,
    taken_at: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> MergeOutcome {
    let Some(agreements) = &reply.agreements else {
        return MergeOutcome::NoAgreements;
    };
    if dated_in_the_future(reply.modified, now) {
        return MergeOutcome::FromTheFuture {
            replied_at: reply.modified,
        };
    }
    let taken_at = taken_at.filter(|taken| !dated_in_the_future(*taken, now));
    if taken_at.is_some_and(|taken| reply.modified < taken) {
        return MergeOutcome::Older {
            replied_at: reply.modified,
        };
    }
    MergeOutcome::Updated {
        agreements: agreements.clone(),
        replied_at: reply.modified,
        ignored: reply
            .sections()
            .into_iter()
            .filter(|section| section.is_job_seekers())
            .collect(),
    }
}

/// Takes a coach's reply into the work map (see [`merge_coach_reply`]): on
/// [`MergeOutcome::Updated`] its agreements replace the ones kept, with the coach who wrote
/// them; nothing else in `state` changes, whatever the outcome.
pub fn take_coach_reply(
    state: &mut AppState,
    reply: &Portfolio,
    now: OffsetDateTime,
) -> MergeOutcome {
    let taken_at = state.agreements.as_ref().map(|a| a.replied_at);
    let outcome = merge_coach_reply(reply, taken_at, now);
    if let MergeOutcome::Updated {
        agreements,
        replied_at,
        ..
    } = &outcome
    {
        state.agreements = Some(ReceivedAgreements::new(agreements.clone(), *replied_at));
    }
    outcome
}

/// One's own file taken in, with the work map it replaced kept as the newest backup.
#[derive(Debug, Clone, PartialEq)]
pub struct TakenIn {
    pub state: AppState,
    pub backups: Backups,
    /// The sections the file replaced.
    pub replaced: Vec<Section>,
}

/// Taking in one's own file, the whole step: `current` joins `backups` (the caller stores
/// the new list before it shows the new state: without a stored backup nothing is
/// replaced), the file's sections replace those parts ([`take_in`]), and the result is
/// brought up to the bundled content ([`AppState::clean`]). Pure: nothing changes when
/// keeping the backup fails.
pub fn take_in_file(
    current: &AppState,
    backups: &Backups,
    portfolio: &Portfolio,
    content: &Content,
    now: OffsetDateTime,
) -> Result<TakenIn, BackupError> {
    let mut backups = backups.clone();
    backups.keep(current, now)?;
    let mut state = current.clone();
    let replaced = take_in(&mut state, portfolio, now);
    state.clean(content);
    Ok(TakenIn {
        state,
        backups,
        replaced,
    })
}

/// Taking in one's own file (from another device, or an earlier copy): every section in the
/// file replaces that part of the work map; parts the file does not have stay as they are.
/// Returns the sections that were replaced. [`take_in_file`] keeps a backup first.
/// The agreements' date is the file's, but never later than `now`: a file dated in the
/// future must not make the coach's real replies look older.
pub fn take_in(state: &mut AppState, portfolio: &Portfolio, now: OffsetDateTime) -> Vec<Section> {
    let mut replaced = Vec::new();
    if let Some(selftest) = &portfolio.selftest {
        state.answers = selftest.current.clone();
        state.history = selftest.history.clone();
        replaced.push(Section::Selftest);
    }
    if let Some(competences) = &portfolio.competences {
        state.competences = competences.clone();
        replaced.push(Section::Competences);
    }
    if let Some(vacancies) = &portfolio.vacancies {
        state.wishes = vacancies.wishes.clone();
        state.saved_vacancies = vacancies.saved.clone();
        replaced.push(Section::Vacancies);
    }
    if let Some(activities) = &portfolio.activities {
        state.activities = activities.clone();
        replaced.push(Section::Activities);
    }
    if let Some(agreements) = portfolio.agreements.as_ref().filter(|a| !a.is_empty()) {
        state.agreements = Some(ReceivedAgreements::new(
            agreements.clone(),
            portfolio.modified.min(now),
        ));
        replaced.push(Section::Agreements);
    }
    replaced
}
