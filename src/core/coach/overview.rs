//! The caseload overview: one [`OverviewRow`] per client (route, ladders, activities against
//! the target, when the next evaluation is), sorted by a column ([`sort_rows`]) and filtered
//! ([`filter_rows`]).

use std::cmp::{Ordering, Reverse};

use serde::{Deserialize, Serialize};
use time::{Date, Duration, OffsetDateTime};

use super::standing::Standing;
use super::Client;
use crate::core::activity::ActivityLog;
use crate::core::i18n;
use crate::core::search::normalize::normalize;
use crate::core::selftest::{RouteId, SelfTest};
use crate::core::text::Language;

/// An evaluation this many days ahead (or fewer) is [`EvaluationDue::Soon`].
const SOON_DAYS: i64 = 7;

/// The overview row of one client; `None` for a client without any version.
pub(super) fn overview_row(
    client: &Client,
    selftest: &SelfTest,
    today: Date,
) -> Option<OverviewRow> {
    let latest = client.latest()?;
    let standing = Standing::of(latest, selftest);
    let activities_4_weeks = latest
        .activities
        .as_ref()
        .map(|log| counted_in_four_weeks(log, today));
    let target = client.application_target().map(|(target, _)| target);
    let next_evaluation = client.agreements.next_evaluation;
    Some(OverviewRow {
        key: client.key.clone(),
        alias: client.alias(),
        last_update: latest.modified,
        route: standing.route,
        participation: standing.participation,
        reintegration: standing.reintegration,
        activities_4_weeks,
        target,
        next_evaluation,
        evaluation_due: EvaluationDue::of(next_evaluation, today),
        behind_target: match (target, activities_4_weeks) {
            (Some(target), Some(done)) => done < usize::try_from(target).unwrap_or(usize::MAX),
            // Without the log shared there is nothing to be behind on.
            _ => false,
        },
    })
}

fn counted_in_four_weeks(log: &ActivityLog, today: Date) -> usize {
    log.last_four_weeks(today, None).counted
}

/// When the next evaluation with the coach is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationDue {
    /// The date has passed.
    Overdue,
    /// Today or within `SOON_DAYS` days.
    Soon,
    Later,
    NotPlanned,
}

impl EvaluationDue {
    pub fn of(next: Option<Date>, today: Date) -> Self {
        let Some(next) = next else {
            return EvaluationDue::NotPlanned;
        };
        if next < today {
            return EvaluationDue::Overdue;
        }
        // At the calendar's end every later date is within reach.
        let soon = today
            .checked_add(Duration::days(SOON_DAYS))
            .is_none_or(|limit| next <= limit);
        if soon {
            EvaluationDue::Soon
        } else {
            EvaluationDue::Later
        }
    }

    /// The key of its label in the locale files.
    fn i18n_key(self) -> &'static str {
        match self {
            EvaluationDue::Overdue => "coach.due.overdue",
            EvaluationDue::Soon => "coach.due.soon",
            EvaluationDue::Later => "coach.due.later",
            EvaluationDue::NotPlanned => "coach.due.not_planned",
        }
    }

    pub fn label(self, language: Language) -> &'static str {
        i18n::text(language, self.i18n_key())
    }
}

/// One row of the caseload overview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverviewRow {
    pub key: String,
    pub alias: Option<String>,
    /// The newest file's `modified`.
    pub last_update: OffsetDateTime,
    /// From the newest completed self-test, else by scoring the current answers; `None` when
    /// the self-test is not shared or has no answers at all.
    pub route: Option<RouteId>,
    /// Participatieladder rung 1–6 (a rung outside that range is shown as unknown).
    pub participation: Option<u8>,
    /// Suggested re-integratieladder rung 0–6 (outside that range: unknown).
    pub reintegration: Option<u8>,
    /// Entries that count towards the target in the 28 days up to `today`; `None` when the
    /// activities section is not shared.
    pub activities_4_weeks: Option<usize>,
    /// The coach's agreed target, else the job seeker's own.
    pub target: Option<u32>,
    /// From the coach's agreements.
    pub next_evaluation: Option<Date>,
    pub evaluation_due: EvaluationDue,
    /// The target is known, the log is shared, and fewer entries counted than the target.
    pub behind_target: bool,
}

/// A column of the overview to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortColumn {
    Alias,
    LastUpdate,
    Route,
    Participation,
    Reintegration,
    Activities,
    NextEvaluation,
}

impl SortColumn {
    pub const ALL: [SortColumn; 7] = [
        SortColumn::Alias,
        SortColumn::LastUpdate,
        SortColumn::Route,
        SortColumn::Participation,
        SortColumn::Reintegration,
        SortColumn::Activities,
        SortColumn::NextEvaluation,
    ];
}

/// Sorts the rows by one column. Stable (equal rows keep their order, so sorting by a second
/// column after a first gives a secondary order); rows without a value come last in both
/// directions, as an unknown is neither high nor low. Aliases compare without case and
/// diacritics; routes in the order self search, support first, diploma first.
pub fn sort_rows(rows: &mut [OverviewRow], column: SortColumn, descending: bool) {
    if column == SortColumn::Alias {
        // Normalising is the costly part: once per row, not once per comparison.
        let key = |row: &OverviewRow| {
            row.alias
                .as_deref()
                .map(normalize)
                .filter(|alias| !alias.is_empty())
        };
        if descending {
            rows.sort_by_cached_key(|row| {
                let alias = key(row);
                (alias.is_none(), Reverse(alias))
            });
        } else {
            rows.sort_by_cached_key(|row| {
                let alias = key(row);
                (alias.is_none(), alias)
            });
        }
        return;
    }
    rows.sort_by(|a, b| match column {
        // Handled above with cached keys; kept correct here all the same.
        SortColumn::Alias => nones_last(
            a.alias.as_deref().map(normalize).filter(|s| !s.is_empty()),
            b.alias.as_deref().map(normalize).filter(|s| !s.is_empty()),
            descending,
        ),
        SortColumn::LastUpdate => nones_last(Some(a.last_update), Some(b.last_update), descending),
        SortColumn::Route => {
            nones_last(a.route.map(route_rank), b.route.map(route_rank), descending)
        }
        SortColumn::Participation => nones_last(a.participation, b.participation, descending),
        SortColumn::Reintegration => nones_last(a.reintegration, b.reintegration, descending),
        SortColumn::Activities => {
            nones_last(a.activities_4_weeks, b.activities_4_weeks, descending)
        }
        SortColumn::NextEvaluation => nones_last(a.next_evaluation, b.next_evaluation, descending),
    });
}

fn nones_last<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn route_rank(route: RouteId) -> u8 {
    match route {
        RouteId::SelfSearch => 0,
        RouteId::SupportFirst => 1,
        RouteId::DiplomaFirst => 2,
    }
}

/// Which rows the overview shows. The default shows every row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Part of the alias, without regard to case, diacritics or punctuation; empty: any.
    pub text: String,
    /// Only evaluations that are overdue or soon.
    pub due_only: bool,
    pub route: Option<RouteId>,
    /// Only rows behind their target.
    pub behind_only: bool,
}

/// The rows that pass the filter, in their order.
pub fn filter_rows(rows: Vec<OverviewRow>, filter: &RowFilter) -> Vec<OverviewRow> {
    let text = normalize(&filter.text);
    rows.into_iter()
        .filter(|row| {
            let text_ok = text.is_empty()
                || row
                    .alias
                    .as_deref()
                    .is_some_and(|alias| normalize(alias).contains(&text));
            let due_ok = !filter.due_only
                || matches!(
                    row.evaluation_due,
                    EvaluationDue::Overdue | EvaluationDue::Soon
                );
            let route_ok = filter.route.is_none() || row.route == filter.route;
            let behind_ok = !filter.behind_only || row.behind_target;
            text_ok && due_ok && route_ok && behind_ok
        })
        .collect()
}
