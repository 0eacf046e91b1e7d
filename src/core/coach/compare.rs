//! What changed between two versions of a person's file ([`compare`]), and each change in
//! plain words ([`Change::describe`]).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::Date;

use super::standing::{newest_completed, Standing};
use crate::core::content::Content;
use crate::core::i18n;
use crate::core::portfolio::{Portfolio, Section};
use crate::core::selftest::{RouteId, SelfTest};
use crate::core::storage::CompletedSelfTest;
use crate::core::text::{calendar_date, format_date, Language, LocalizedText};

/// A change between two versions of a person's file, for the "compare" view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The latest file has a completed self-test newer than the previous file's newest.
    NewSelfTest {
        #[serde(with = "calendar_date")]
        completed: Date,
    },
    Participation {
        from: Option<u8>,
        to: Option<u8>,
    },
    Reintegration {
        from: Option<u8>,
        to: Option<u8>,
    },
    Route {
        from: Option<RouteId>,
        to: Option<RouteId>,
    },
    /// An obstacle id of the rules.
    ObstacleAdded(String),
    ObstacleRemoved(String),
    /// A competence id of the catalogue, rated for the first time.
    CompetenceNew {
        competence: String,
        level: u8,
    },
    CompetenceChanged {
        competence: String,
        from: u8,
        to: u8,
    },
    /// Log entries in the latest file that the previous did not have (by id).
    NewActivities {
        count: usize,
    },
    /// Saved vacancies in the latest file that the previous did not have (by vacancy id).
    NewSavedVacancies {
        count: usize,
    },
    SectionShared(Section),
    SectionNoLongerShared(Section),
}

/// What changed from `previous` to `latest`, in the order of [`Change`]'s variants.
///
/// A part is compared only when both files share its section: a section shared or no longer
/// shared is reported as that, not as everything in it appearing or vanishing. Ladders, route
/// and obstacles come from each file's newest completed self-test (what the job seeker saw
/// as their result), not from re-scoring. Only the job seeker's sections count as shared or
/// not: the coach's own agreements are kept apart in
/// [`Client::agreements`](super::Client::agreements).
pub fn compare(previous: &Portfolio, latest: &Portfolio, selftest: &SelfTest) -> Vec<Change> {
    let mut changes = Vec::new();

    if previous.selftest.is_some() && latest.selftest.is_some() {
        let before = newest_completed(previous);
        let after = newest_completed(latest);
        if let Some(after) = after {
            if before.is_none_or(|before| after.completed_at > before.completed_at) {
                changes.push(Change::NewSelfTest {
                    completed: after.completed_at.date(),
                });
            }
        }
        let from = before.map(Standing::from_summary).unwrap_or_default();
        let to = after.map(Standing::from_summary).unwrap_or_default();
        if from.participation != to.participation {
            changes.push(Change::Participation {
                from: from.participation,
                to: to.participation,
            });
        }
        if from.reintegration != to.reintegration {
            changes.push(Change::Reintegration {
                from: from.reintegration,
                to: to.reintegration,
            });
        }
        if from.route != to.route {
            changes.push(Change::Route {
                from: from.route,
                to: to.route,
            });
        }
        let obstacles = |entry: Option<&CompletedSelfTest>| -> BTreeSet<String> {
            entry
                .map(|e| e.summary.obstacles.iter().cloned().collect())
                .unwrap_or_default()
        };
        let (had, has) = (obstacles(before), obstacles(after));
        let rank = |id: &String| {
            selftest
                .rules
                .obstacles
                .iter()
                .position(|rule| &rule.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut added: Vec<&String> = has.difference(&had).collect();
        added.sort_by_key(|id| rank(id));
        let mut removed: Vec<&String> = had.difference(&has).collect();
        removed.sort_by_key(|id| rank(id));
        changes.extend(added.into_iter().cloned().map(Change::ObstacleAdded));
        changes.extend(removed.into_iter().cloned().map(Change::ObstacleRemoved));
    }

    if let (Some(before), Some(after)) = (&previous.competences, &latest.competences) {
        for (id, rating) in after.ratings() {
            match before.level(id) {
                None => changes.push(Change::CompetenceNew {
                    competence: id.clone(),
                    level: rating.level,
                }),
                Some(level) if level != rating.level => changes.push(Change::CompetenceChanged {
                    competence: id.clone(),
                    from: level,
                    to: rating.level,
                }),
                Some(_) => {}
            }
        }
    }

    if let (Some(before), Some(after)) = (&previous.activities, &latest.activities) {
        let known: BTreeSet<u32> = before.entries.iter().map(|e| e.id).collect();
        let count = after
            .entries
            .iter()
            .map(|e| e.id)
            .collect::<BTreeSet<u32>>()
            .difference(&known)
            .count();
        if count > 0 {
            changes.push(Change::NewActivities { count });
        }
    }

    if let (Some(before), Some(after)) = (&previous.vacancies, &latest.vacancies) {
        let known: BTreeSet<&str> = before.saved.iter().map(|s| s.vacancy.id.as_str()).collect();
        let count = after
            .saved
            .iter()
            .map(|s| s.vacancy.id.as_str())
            .collect::<BTreeSet<&str>>()
            .difference(&known)
            .count();
        if count > 0 {
            changes.push(Change::NewSavedVacancies { count });
        }
    }

    let (had, has) = (previous.sections(), latest.sections());
    for section in Section::ALL.into_iter().filter(|s| s.is_job_seekers()) {
        match (had.contains(&section), has.contains(&section)) {
            (false, true) => changes.push(Change::SectionShared(section)),
            (true, false) => changes.push(Change::SectionNoLongerShared(section)),
            _ => {}
        }
    }

    changes
}

impl Change {
    /// The change in plain words. Ladder rungs, routes and obstacles are named from the
    /// self-test rules; competences from the catalogue in `content` (their id without it).
    /// Ids the rules or catalogue do not know are shown as they are.
    pub fn describe(
        &self,
        language: Language,
        selftest: &SelfTest,
        content: Option<&Content>,
    ) -> String {
        let from_to = |key: &'static str, from: &str, to: &str| {
            i18n::format(language, key, &[("from", from), ("to", to)])
        };
        let label =
            |key: &'static str, label: &str| i18n::format(language, key, &[("label", label)]);
        match self {
            Change::NewSelfTest { completed } => i18n::format(
                language,
                "coach.change.new_selftest",
                &[("date", &format_date(*completed, language))],
            ),
            Change::Participation { from, to } => {
                let rung = |level: Option<u8>| {
                    rung_text(level, language, |l| selftest.participation_label(l))
                };
                from_to("coach.change.participation", &rung(*from), &rung(*to))
            }
            Change::Reintegration { from, to } => {
                let rung = |level: Option<u8>| {
                    rung_text(level, language, |l| selftest.reintegration_label(l))
                };
                from_to("coach.change.reintegration", &rung(*from), &rung(*to))
            }
            Change::Route { from, to } => {
                let route = |route: Option<RouteId>| route_text(route, language, selftest);
                from_to("coach.change.route", &route(*from), &route(*to))
            }
            Change::ObstacleAdded(id) => label(
                "coach.change.obstacle_added",
                &obstacle_text(id, language, selftest),
            ),
            Change::ObstacleRemoved(id) => label(
                "coach.change.obstacle_removed",
                &obstacle_text(id, language, selftest),
            ),
            Change::CompetenceNew { competence, level } => i18n::format(
                language,
                "coach.change.competence_new",
                &[
                    ("name", &competence_text(competence, language, content)),
                    ("level", &level_text(*level, language, content)),
                ],
            ),
            Change::CompetenceChanged {
                competence,
                from,
                to,
            } => i18n::format(
                language,
                "coach.change.competence_changed",
                &[
                    ("name", &competence_text(competence, language, content)),
                    ("from", &level_text(*from, language, content)),
                    ("to", &level_text(*to, language, content)),
                ],
            ),
            Change::NewActivities { count } => {
                i18n::plural(language, "coach.change.new_activities", *count, &[])
            }
            Change::NewSavedVacancies { count } => {
                i18n::plural(language, "coach.change.new_saved_vacancies", *count, &[])
            }
            Change::SectionShared(section) => {
                label("coach.change.section_shared", section.label(language))
            }
            Change::SectionNoLongerShared(section) => label(
                "coach.change.section_no_longer_shared",
                section.label(language),
            ),
        }
    }
}

fn unknown(language: Language) -> String {
    i18n::text(language, "coach.change.unknown").to_owned()
}

fn rung_text<'a>(
    level: Option<u8>,
    language: Language,
    label: impl Fn(u8) -> Option<&'a LocalizedText>,
) -> String {
    let Some(level) = level else {
        return unknown(language);
    };
    let number = level.to_string();
    match label(level) {
        Some(text) => i18n::format(
            language,
            "coach.change.rung_named",
            &[("level", &number), ("label", text.get(language))],
        ),
        None => i18n::format(language, "coach.change.rung", &[("level", &number)]),
    }
}

fn route_text(route: Option<RouteId>, language: Language, selftest: &SelfTest) -> String {
    let Some(route) = route else {
        return unknown(language);
    };
    selftest
        .rules
        .routes
        .iter()
        .find(|rule| rule.id == route.rule_id())
        .map(|rule| rule.title.get(language).to_owned())
        .unwrap_or_else(|| route.rule_id().to_owned())
}

fn obstacle_text(id: &str, language: Language, selftest: &SelfTest) -> String {
    selftest
        .rules
        .obstacles
        .iter()
        .find(|rule| rule.id == id)
        .map(|rule| rule.label.get(language).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

fn competence_text(id: &str, language: Language, content: Option<&Content>) -> String {
    match content {
        Some(content) => content.competences.name_or_id(id, language),
        None => id.to_owned(),
    }
}

fn level_text(level: u8, language: Language, content: Option<&Content>) -> String {
    match content.and_then(|c| c.competences.level_name(level)) {
        Some(name) => format!("{level} ({})", name.get(language)),
        None => level.to_string(),
    }
}
