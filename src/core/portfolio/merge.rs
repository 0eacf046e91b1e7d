//! Taking in a coach's reply file: only the coach's section (agreements) is taken; the job
//! seeker's own answers and competences are never read from a reply, so they cannot be
//! overwritten.
//!
//! Note for the app: [`AppState`](crate::core::storage::AppState) has no place for the
//! agreements yet. Until it gets one (a storage schema bump with a migration), the app keeps
//! the [`Agreements`] returned here next to the state (e.g. `Persistence::save_document`)
//! and passes them to [`export`](super::export) so they travel back to the coach.

use time::OffsetDateTime;

use super::format::{Agreements, Portfolio, Section};

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
}

/// Merges a coach's reply. `taken_at` is the `modified` time of the last reply taken in
/// (kept by the app with the agreements), so an old reply opened later cannot undo newer
/// agreements.
pub fn merge_coach_reply(reply: &Portfolio, taken_at: Option<OffsetDateTime>) -> MergeOutcome {
    let Some(agreements) = &reply.agreements else {
        return MergeOutcome::NoAgreements;
    };
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
