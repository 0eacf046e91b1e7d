//! The matching rules as data (`data/matching.json`): the weights of the score's parts, what
//! an unknown counts as, the thresholds for a good vacancy and for "enough work", how the
//! self-test's answers become matching facts, and the kwadrantenmodel's next steps.
//! `docs/matching.md` says the same in words for coaches.

use std::collections::BTreeMap;

use serde::Deserialize;
use thiserror::Error;

use crate::core::text::LocalizedText;
use crate::core::vacancy::LanguageLevel;
use crate::core::vocab::EducationLevel;

const MATCHING_JSON: &str = include_str!("../../../data/matching.json");

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MatchingDataError {
    #[error("the matching rules are not valid JSON: {0}")]
    Json(String),
    #[error("the matching rules are not valid: {0}")]
    Invalid(String),
}

/// The weights of the score's parts, in percent (they add up to 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    pub competences: u8,
    pub education: u8,
    pub interests: u8,
    pub language: u8,
    pub distance: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhatIfRules {
    /// Extra kilometres to try.
    pub extra_km: Vec<u16>,
    /// Extra hours per week to try.
    pub extra_hours: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuadrantStep {
    pub id: String,
    /// A self-test search criterion (its id): the step is only given when that criterion is
    /// not met ("vertel mensen dat je werk zoekt" only to someone who does not yet).
    #[serde(default)]
    pub when_not_met: Option<String>,
    /// Self-test routes (rule ids) on which the step is not given.
    #[serde(default)]
    pub unless_route: Vec<String>,
    pub text: LocalizedText,
    pub why: LocalizedText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuadrantText {
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub steps: Vec<QuadrantStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quadrants {
    pub sufficient_optimal: QuadrantText,
    pub sufficient_incomplete: QuadrantText,
    pub insufficient_optimal: QuadrantText,
    pub insufficient_incomplete: QuadrantText,
    pub unknown: QuadrantText,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchingRules {
    pub version: u32,
    pub weights: Weights,
    /// What an unknown part counts as (0–100).
    pub unknown: u8,
    /// Education part by how many levels the job seeker is below what is asked (0, 1, 2, 3+).
    pub education_steps_below: Vec<u8>,
    /// Language part by how many levels below (0, 1, 2+).
    pub language_steps_below: Vec<u8>,
    /// The distance part at the edge of the travel distance (100 at the door).
    pub distance_at_limit: u8,
    /// A vacancy that passes every wish and scores at least this is a good vacancy…
    pub good_score: u8,
    /// …when at least this share (percent of the weights) of its score is known.
    pub min_known_weight: u8,
    /// At least this many good vacancies is "enough work" in the kwadrantenmodel.
    pub sufficient_good: usize,
    pub default_distance_km: u16,
    pub max_distance_km: u16,
    /// The self-test's number question with the most hours a week the job seeker can work.
    pub hours_question: String,
    /// Self-test `dutch_level` answer → CEFR level.
    pub dutch_by_answer: BTreeMap<String, LanguageLevel>,
    /// Self-test `education` answer → level (with a diploma; without one it counts one level
    /// lower). Answers not listed (a diploma from abroad) leave the level unknown.
    pub education_by_answer: BTreeMap<String, EducationLevel>,
    /// Self-test age bands of the youth route (under 27).
    pub youth_age_bands: Vec<String>,
    pub what_if: WhatIfRules,
    pub quadrants: Quadrants,
}

impl MatchingRules {
    pub fn bundled() -> Result<Self, MatchingDataError> {
        Self::parse(MATCHING_JSON)
    }

    pub fn parse(json: &str) -> Result<Self, MatchingDataError> {
        let rules: Self =
            serde_json::from_str(json).map_err(|e| MatchingDataError::Json(e.to_string()))?;
        rules.check()?;
        Ok(rules)
    }

    /// Weights add up to 100; every part value is 0–100; the step tables start at 100 and
    /// never rise; distances are sensible; every text is in both languages.
    pub fn check(&self) -> Result<(), MatchingDataError> {
        let mut problems = Vec::new();
        let w = self.weights;
        let sum = u32::from(w.competences)
            + u32::from(w.education)
            + u32::from(w.interests)
            + u32::from(w.language)
            + u32::from(w.distance);
        if sum != 100 {
            problems.push(format!("weights add up to {sum}, not 100"));
        }
        for (name, steps) in [
            ("education_steps_below", &self.education_steps_below),
            ("language_steps_below", &self.language_steps_below),
        ] {
            if steps.first() != Some(&100)
                || steps.windows(2).any(|p| p[1] > p[0])
                || steps.iter().any(|s| *s > 100)
            {
                problems.push(format!("{name} must start at 100 and never rise"));
            }
        }
        if self.unknown > 100
            || self.distance_at_limit > 100
            || self.good_score > 100
            || self.min_known_weight > 100
        {
            problems.push("unknown, distance_at_limit and good_score are 0–100".to_owned());
        }
        if self.default_distance_km == 0 || self.default_distance_km > self.max_distance_km {
            problems.push("default_distance_km must be 1..=max_distance_km".to_owned());
        }
        let q = &self.quadrants;
        for text in [
            &q.sufficient_optimal,
            &q.sufficient_incomplete,
            &q.insufficient_optimal,
            &q.insufficient_incomplete,
            &q.unknown,
        ] {
            let complete = text.title.is_complete()
                && text.summary.is_complete()
                && text
                    .steps
                    .iter()
                    .all(|s| s.text.is_complete() && s.why.is_complete());
            if !complete {
                problems.push(format!("quadrant `{}` misses a translation", text.title.nl));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(MatchingDataError::Invalid(problems.join("; ")))
        }
    }

    /// The education part for a job seeker `below` levels under what is asked.
    pub fn education_part(&self, below: usize) -> u8 {
        step(&self.education_steps_below, below)
    }

    pub fn language_part(&self, below: usize) -> u8 {
        step(&self.language_steps_below, below)
    }
}

fn step(table: &[u8], below: usize) -> u8 {
    table.get(below).or(table.last()).copied().unwrap_or(0)
}
