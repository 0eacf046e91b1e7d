//! The interest check: "lijkt me leuk" items over six interest areas, loaded from
//! `data/interests.json`, and the interest profile's shape. The profile is worked out from
//! the answers by `fit::interest_profile`, with the other derived results.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::text::LocalizedText;
use crate::core::vocab::InterestArea;

use super::CompetenceDataError;

const INTERESTS_JSON: &str = include_str!("../../../data/interests.json");
const FILE: &str = "interests.json";

/// An area gets a score only when at least this many of its items are answered (or all of
/// them, if it has fewer). With fewer answers the area says "not enough answers" (`None`).
pub const MIN_ANSWERS_PER_AREA: usize = 3;

/// The answer to one "lijkt me leuk" item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InterestAnswer {
    Yes,
    Maybe,
    No,
}

impl InterestAnswer {
    pub const ALL: [InterestAnswer; 3] = [
        InterestAnswer::Yes,
        InterestAnswer::Maybe,
        InterestAnswer::No,
    ];

    /// Points towards the area score: yes 2, maybe 1, no 0.
    pub fn points(self) -> u32 {
        match self {
            InterestAnswer::Yes => 2,
            InterestAnswer::Maybe => 1,
            InterestAnswer::No => 0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerLabels {
    pub yes: LocalizedText,
    pub maybe: LocalizedText,
    pub no: LocalizedText,
}

impl AnswerLabels {
    pub fn get(&self, answer: InterestAnswer) -> &LocalizedText {
        match answer {
            InterestAnswer::Yes => &self.yes,
            InterestAnswer::Maybe => &self.maybe,
            InterestAnswer::No => &self.no,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestAreaInfo {
    pub area: InterestArea,
    pub name: LocalizedText,
    pub explanation: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestItem {
    pub id: String,
    pub area: InterestArea,
    /// A short concrete activity, e.g. "Iets repareren met gereedschap".
    pub text: LocalizedText,
}

/// The bundled interest check, validated at load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterestCatalog {
    pub version: u32,
    /// The question above every item ("Lijkt dit je leuk?").
    pub question: LocalizedText,
    pub answers: AnswerLabels,
    /// Each of the six areas once, in display order.
    pub areas: Vec<InterestAreaInfo>,
    /// In display order.
    pub items: Vec<InterestItem>,
}

impl InterestCatalog {
    /// The interest check bundled with the app.
    pub fn bundled() -> Result<Self, CompetenceDataError> {
        Self::from_json(INTERESTS_JSON)
    }

    pub fn from_json(json: &str) -> Result<Self, CompetenceDataError> {
        let catalog: Self = CompetenceDataError::read_json(json, FILE)?;
        catalog.check()?;
        Ok(catalog)
    }

    pub fn item(&self, id: &str) -> Option<&InterestItem> {
        self.items.iter().find(|item| item.id == id)
    }

    pub fn area(&self, area: InterestArea) -> Option<&InterestAreaInfo> {
        self.areas.iter().find(|info| info.area == area)
    }

    pub fn items_in(&self, area: InterestArea) -> impl Iterator<Item = &InterestItem> {
        self.items.iter().filter(move |item| item.area == area)
    }

    fn check(&self) -> Result<(), CompetenceDataError> {
        let mut problems: Vec<String> = Vec::new();
        if self.version == 0 {
            problems.push("version must be 1 or higher".into());
        }
        let mut texts: Vec<(String, &LocalizedText)> = vec![
            ("question".into(), &self.question),
            ("answer yes".into(), &self.answers.yes),
            ("answer maybe".into(), &self.answers.maybe),
            ("answer no".into(), &self.answers.no),
        ];
        let mut areas = BTreeSet::new();
        for info in &self.areas {
            if !areas.insert(info.area) {
                problems.push(format!("area {:?} appears twice", info.area));
            }
            texts.push((format!("area {:?} name", info.area), &info.name));
            texts.push((
                format!("area {:?} explanation", info.area),
                &info.explanation,
            ));
        }
        for area in InterestArea::ALL {
            if !areas.contains(&area) {
                problems.push(format!("area {area:?} is missing"));
            }
            let count = self.items_in(area).count();
            if count < MIN_ANSWERS_PER_AREA {
                problems.push(format!(
                    "area {area:?} has {count} items, at least {MIN_ANSWERS_PER_AREA} needed"
                ));
            }
        }
        let mut ids = BTreeSet::new();
        for item in &self.items {
            if item.id.trim().is_empty() {
                problems.push("an item has an empty id".into());
            }
            if !ids.insert(item.id.as_str()) {
                problems.push(format!("item `{}` appears twice", item.id));
            }
            texts.push((format!("item `{}`", item.id), &item.text));
        }
        problems.extend(
            texts
                .into_iter()
                .filter(|(_, text)| !text.is_complete())
                .map(|(place, _)| format!("{place}: missing translation")),
        );
        if problems.is_empty() {
            Ok(())
        } else {
            Err(CompetenceDataError::Invalid {
                file: FILE,
                message: problems.join("; "),
            })
        }
    }
}

/// One area of the interest profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaScore {
    pub area: InterestArea,
    /// 0 to 100; `None` when too few of the area's items are answered to say.
    pub score: Option<u8>,
    /// Items of this area answered.
    pub answered: usize,
    /// Items this area has.
    pub items: usize,
    /// Answered items needed before the area gets a score.
    pub needed: usize,
}

/// The interest profile: one entry per area, in the catalogue's area order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct InterestProfile {
    pub areas: Vec<AreaScore>,
}

impl InterestProfile {
    pub fn get(&self, area: InterestArea) -> Option<&AreaScore> {
        self.areas.iter().find(|a| a.area == area)
    }

    /// The area's score, `None` when unknown (not enough answers).
    pub fn score(&self, area: InterestArea) -> Option<u8> {
        self.get(area).and_then(|a| a.score)
    }

    /// Areas with a score, highest first (ties in catalogue order).
    pub fn ranked(&self) -> Vec<&AreaScore> {
        let mut scored: Vec<&AreaScore> = self.areas.iter().filter(|a| a.score.is_some()).collect();
        scored.sort_by_key(|a| std::cmp::Reverse(a.score));
        scored
    }

    /// True when no area has enough answers yet.
    pub fn is_unknown(&self) -> bool {
        self.areas.iter().all(|a| a.score.is_none())
    }
}
