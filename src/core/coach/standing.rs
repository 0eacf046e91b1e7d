//! Where a person stands according to one file: route and ladder rungs, from the newest
//! completed self-test (what the job seeker saw as their result). Shared by the overview and
//! the comparison of two versions.

use crate::core::portfolio::Portfolio;
use crate::core::selftest::{RouteId, SelfTest};
use crate::core::storage::CompletedSelfTest;

/// Where a person stands according to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Standing {
    pub(super) route: Option<RouteId>,
    pub(super) participation: Option<u8>,
    pub(super) reintegration: Option<u8>,
}

impl Standing {
    pub(super) fn of(portfolio: &Portfolio, selftest: &SelfTest) -> Self {
        let Some(section) = &portfolio.selftest else {
            return Self::default();
        };
        if let Some(newest) = newest_completed(portfolio) {
            return Self::from_summary(newest);
        }
        // Scoring no answers at all would still give the default route; that would tell the
        // coach something the job seeker never said.
        if section.current.is_empty() {
            return Self::default();
        }
        let result = selftest.score(&section.current);
        Self {
            route: Some(result.route.route),
            participation: participation_rung(result.participation.map(|p| p.level)),
            reintegration: reintegration_rung(result.reintegration.map(|p| p.level)),
        }
    }

    pub(super) fn from_summary(entry: &CompletedSelfTest) -> Self {
        Self {
            route: Some(entry.summary.route),
            participation: participation_rung(entry.summary.participation),
            reintegration: reintegration_rung(entry.summary.reintegration),
        }
    }
}

fn participation_rung(level: Option<u8>) -> Option<u8> {
    level.filter(|l| (1..=6).contains(l))
}

fn reintegration_rung(level: Option<u8>) -> Option<u8> {
    level.filter(|l| *l <= 6)
}

/// The newest completed self-test of a file. History is oldest first when the app writes
/// it; taking the latest `completed_at` also holds for a file put together by hand.
pub(super) fn newest_completed(portfolio: &Portfolio) -> Option<&CompletedSelfTest> {
    portfolio
        .selftest
        .as_ref()?
        .history
        .iter()
        .max_by_key(|entry| entry.completed_at)
}
