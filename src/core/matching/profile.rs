//! Who is matched: the job seeker's wishes (hours, distance, kinds of work, sectors to
//! avoid) and the facts from the self-test and the competence check, resolved into one
//! [`MatchProfile`]. Unanswered and "zeg ik liever niet" stay unknown, never "no".

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::core::competence::CompetenceProfile;
use crate::core::content::MatchingRules;
use crate::core::i18n;
use crate::core::place::{parse_postcode, GeoPoint, Places, Precision};
use crate::core::selftest::{ids, Answer, Answers};
use crate::core::text::{truncate_chars, Language};
use crate::core::vacancy::{ContractKind, HoursRange, LanguageLevel, MAX_HOURS};
use crate::core::vocab::{EducationLevel, Sector};

/// The longest text kept for the home place.
const MAX_HOME_CHARS: usize = 80;

/// What the job seeker wants from work. Every wish is a hard constraint: a vacancy that does
/// not meet it is not shown among the matches, and "waarom niet" names the wish.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Wishes {
    /// Where the job seeker lives: a place or a postcode. `None`: the self-test's postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home: Option<String>,
    /// How far they can travel, in km. `None`: the default distance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_distance_km: Option<u16>,
    /// Hours per week. `None`: from the self-test's `hours` answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<HoursRange>,
    /// Kinds of work wanted; empty means every kind.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub contracts: BTreeSet<ContractKind>,
    /// Sectors the job seeker does not want to work in.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub avoid_sectors: BTreeSet<Sector>,
    /// No physically heavy work.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub avoid_heavy_work: bool,
}

/// The hours a week shown in the form before the job seeker has any.
const FORM_HOURS: HoursRange = HoursRange { min: 4, max: 40 };

impl Wishes {
    /// The home typed in the form: trimmed and cut to [`MAX_HOME_CHARS`]; empty means "the
    /// self-test's postcode".
    pub fn set_home(&mut self, typed: &str) {
        let typed = typed.trim();
        self.home = (!typed.is_empty()).then(|| truncate_chars(typed, MAX_HOME_CHARS));
    }

    /// One end of the hours typed in the form (`None`: that end stays as `current`, the
    /// hours now in use). Swapped when the minimum is above the maximum, and kept within
    /// 1 to [`MAX_HOURS`].
    pub fn set_hours(&mut self, current: Option<HoursRange>, min: Option<u8>, max: Option<u8>) {
        let current = current.unwrap_or(FORM_HOURS);
        let min = min.unwrap_or(current.min);
        let max = max.unwrap_or(current.max);
        let (min, max) = (min.min(max), min.max(max));
        if let Some(range) = HoursRange::new(min.max(1), max.min(MAX_HOURS)) {
            self.hours = Some(range);
        }
    }

    /// Wants this kind of work, or no longer (a tick box).
    pub fn toggle_contract(&mut self, kind: ContractKind) {
        toggle(&mut self.contracts, kind);
    }

    /// Avoids this sector, or no longer (a tick box).
    pub fn toggle_avoided_sector(&mut self, sector: Sector) {
        toggle(&mut self.avoid_sectors, sector);
    }
}

fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

/// Where a profile value came from, so the explanation can say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The job seeker set it as a wish.
    Wish,
    /// From the self-test.
    SelfTest,
    /// The app's default.
    Default,
    /// Not known.
    Unknown,
}

/// The job seeker's home, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Home {
    /// What to call it: "Assen", or "9401 (Assen)".
    pub label: String,
    pub point: GeoPoint,
    pub precision: Precision,
    pub source: Source,
}

/// Everything matching needs about the job seeker.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchProfile {
    pub home: Option<Home>,
    /// A home wish that names no place we know (shown, so the job seeker can correct it).
    pub home_not_found: Option<String>,
    pub max_distance_km: u16,
    pub distance_source: Source,
    pub hours: Option<HoursRange>,
    pub hours_source: Source,
    pub contracts: BTreeSet<ContractKind>,
    pub avoid_sectors: BTreeSet<Sector>,
    pub avoid_heavy_work: bool,
    /// Driving licence B; `None` when unknown (then a licence is not checked).
    pub driving_licence: Option<bool>,
    /// The highest level with a diploma, as matching counts it.
    pub education: Option<EducationLevel>,
    /// The self-test says there is no diploma for the level named (counted one lower).
    pub education_without_diploma: bool,
    pub language: Option<LanguageLevel>,
    pub competences: CompetenceProfile,
    /// Under 27: the youth route puts learning first.
    pub youth: bool,
    pub today: Date,
}

/// Under 27 (the youth route): learning and working come first.
pub fn is_youth(rules: &MatchingRules, answers: &Answers) -> bool {
    answers
        .single(ids::AGE_BAND)
        .is_some_and(|band| rules.youth_age_bands.iter().any(|b| b == band))
}

impl MatchProfile {
    /// Builds the profile from the self-test answers, the competence check and the wishes.
    pub fn build(
        rules: &MatchingRules,
        places: &Places,
        answers: &Answers,
        competences: &CompetenceProfile,
        wishes: &Wishes,
        today: Date,
    ) -> Self {
        let postcode_answer = match answers.get(ids::POSTCODE) {
            Some(Answer::Text(text)) => Some(text.as_str()),
            _ => None,
        };
        let typed_home = wishes
            .home
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty());
        let (home_query, home_source) = match (typed_home, postcode_answer) {
            (Some(home), _) => (Some(home), Source::Wish),
            (None, Some(pc)) => (Some(pc), Source::SelfTest),
            (None, None) => (None, Source::Unknown),
        };
        let located = home_query.and_then(|q| places.find(q));
        let home = located.map(|found| Home {
            label: match home_query.and_then(parse_postcode) {
                Some(pc) => format!("{pc} ({})", found.place.name),
                None => found.place.name.clone(),
            },
            point: found.point,
            precision: found.precision,
            source: home_source,
        });
        let home_not_found = match (home_query, &home) {
            (Some(query), None) => Some(truncate_chars(query, MAX_HOME_CHARS)),
            _ => None,
        };

        let (max_distance_km, distance_source) = match wishes.max_distance_km {
            Some(km) => (km.clamp(1, rules.max_distance_km), Source::Wish),
            None => (rules.default_distance_km, Source::Default),
        };
        let (hours, hours_source) = match wishes.hours {
            Some(h) => (Some(h), Source::Wish),
            // "At most N hours": any vacancy that starts at N hours or fewer fits.
            None => match answers
                .number(&rules.hours_question)
                .and_then(|n| u8::try_from(n.min(u32::from(MAX_HOURS))).ok())
                .and_then(|max| HoursRange::new(1, max))
            {
                Some(h) => (Some(h), Source::SelfTest),
                None => (None, Source::Unknown),
            },
        };
        let driving_licence = match answers.single(ids::DRIVING_LICENCE) {
            Some("yes") => Some(true),
            Some(_) => Some(false),
            None => None,
        };
        let named_level = answers
            .single(ids::EDUCATION)
            .and_then(|a| rules.education_by_answer.get(a))
            .copied();
        let diploma = answers.single(ids::DIPLOMA);
        let education_without_diploma = named_level.is_some_and(|l| l != EducationLevel::None)
            && matches!(diploma, Some("no" | "studying"));
        let education = if education_without_diploma {
            named_level.and_then(EducationLevel::previous)
        } else {
            named_level
        };
        let language = answers
            .single(ids::DUTCH_LEVEL)
            .and_then(|a| rules.dutch_by_answer.get(a))
            .copied();
        let youth = is_youth(rules, answers);
        Self {
            home,
            home_not_found,
            max_distance_km,
            distance_source,
            hours,
            hours_source,
            contracts: wishes.contracts.clone(),
            avoid_sectors: wishes.avoid_sectors.clone(),
            avoid_heavy_work: wishes.avoid_heavy_work,
            driving_licence,
            education,
            education_without_diploma,
            language,
            competences: competences.clone(),
            youth,
            today,
        }
    }
}

impl MatchProfile {
    /// The wishes this profile matches on, in words, so a count of vacancies always says
    /// what it was counted for ("binnen 20 km van 3511 (Utrecht), hoogstens 24 uur per
    /// week, alle soorten werk").
    pub fn wishes_in_words(&self, language: Language) -> String {
        let mut parts = Vec::new();
        match &self.home {
            Some(home) => parts.push(i18n::format(
                language,
                "match.wishes_distance",
                &[
                    ("km", &self.max_distance_km.to_string()),
                    ("home", &home.label),
                ],
            )),
            None => parts.push(i18n::text(language, "match.wishes_no_home").to_owned()),
        }
        match self.hours {
            Some(hours) => parts.push(hours.describe(language)),
            None => parts.push(i18n::text(language, "match.wishes_any_hours").to_owned()),
        }
        if self.contracts.is_empty() {
            parts.push(i18n::text(language, "match.wishes_any_kind").to_owned());
        } else {
            let kinds: Vec<String> = self
                .contracts
                .iter()
                .map(|k| k.label().get(language).to_lowercase())
                .collect();
            parts.push(kinds.join(", "));
        }
        if !self.avoid_sectors.is_empty() || self.avoid_heavy_work {
            parts.push(i18n::text(language, "match.wishes_some_left_out").to_owned());
        }
        parts.join("; ")
    }
}
