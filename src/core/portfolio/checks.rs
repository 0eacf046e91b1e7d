//! The checks of a portfolio's content that its shape alone does not make: text lengths,
//! `shared` against the sections present, plausible aliases, postcodes, hours, dates and
//! targets. The importer runs them on every file it opens; [`check_portfolio`] runs them on
//! a portfolio that was kept (a coach's stored record).

use serde_json::Value;
use time::OffsetDateTime;

use crate::core::activity::MAX_TARGET_PER_4_WEEKS;

use super::error::PortfolioError;
use super::format::{Agreements, Portfolio, MAX_AGREEMENT_CHARS, MAX_ALIAS_CHARS};

/// The longest single text (in characters) accepted anywhere in a file.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Refuses any text longer than [`MAX_TEXT_CHARS`] (keys included). The path to a text is
/// only written out for the message, so the check stays linear in the file however long
/// and deep its keys are.
pub(super) fn check_texts(value: &Value) -> Result<(), PortfolioError> {
    fn too_long(text: &str) -> bool {
        text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS
    }
    enum Step<'v> {
        Key(&'v str),
        Index(usize),
    }
    fn path(steps: &[Step<'_>]) -> String {
        let mut out = String::from("$");
        for step in steps {
            match step {
                Step::Key(key) => {
                    out.push('.');
                    out.push_str(&crate::core::text::truncate_middle(key, 40));
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
    fn walk<'v>(value: &'v Value, steps: &mut Vec<Step<'v>>) -> Result<(), PortfolioError> {
        match value {
            Value::String(text) if too_long(text) => Err(PortfolioError::Damaged(format!(
                "the text at {} is longer than {MAX_TEXT_CHARS} characters",
                path(steps)
            ))),
            Value::Array(items) => items.iter().enumerate().try_for_each(|(i, item)| {
                steps.push(Step::Index(i));
                walk(item, steps)?;
                steps.pop();
                Ok(())
            }),
            Value::Object(members) => members.iter().try_for_each(|(key, member)| {
                if too_long(key) {
                    return Err(PortfolioError::Damaged(format!(
                        "a key in {} is longer than {MAX_TEXT_CHARS} characters",
                        path(steps)
                    )));
                }
                steps.push(Step::Key(key));
                walk(member, steps)?;
                steps.pop();
                Ok(())
            }),
            _ => Ok(()),
        }
    }
    walk(value, &mut Vec::new())
}

/// Checks that the shape alone does not: `shared` lists exactly the sections present, the
/// alias and postcode are plausible, competence levels are 0–4.
pub(super) fn check_content(portfolio: &Portfolio) -> Result<(), PortfolioError> {
    let damaged = |detail: String| Err(PortfolioError::Damaged(detail));
    let mut shared = portfolio.shared.clone();
    shared.sort();
    shared.dedup();
    if shared.len() != portfolio.shared.len() {
        return damaged("`shared` lists a section twice".into());
    }
    if shared != portfolio.sections() {
        return damaged("`shared` does not list exactly the sections in the file".into());
    }
    if let Some(profile) = &portfolio.profile {
        if let Some(alias) = &profile.alias {
            // Counted as a person reads it: hidden characters (zero-width, bidi) do not count.
            let shown = crate::core::text::clean_name(alias);
            if shown.is_empty() || shown.chars().count() > MAX_ALIAS_CHARS {
                return damaged(format!(
                    "profile.alias must have 1 to {MAX_ALIAS_CHARS} characters"
                ));
            }
        }
        if let Some(postcode) = &profile.postcode {
            if !crate::core::place::is_postcode_area(postcode) {
                return damaged("profile.postcode is not four digits".into());
            }
        }
    }
    if let Some(vacancies) = &portfolio.vacancies {
        let hours_ok = |h: &crate::core::vacancy::HoursRange| {
            crate::core::vacancy::HoursRange::new(h.min, h.max).is_some()
        };
        if vacancies
            .wishes
            .hours
            .as_ref()
            .is_some_and(|h| !hours_ok(h))
        {
            return damaged("vacancies.wishes.hours is not a valid range".into());
        }
        if vacancies
            .saved
            .iter()
            .any(|s| s.vacancy.hours.as_ref().is_some_and(|h| !hours_ok(h)))
        {
            return damaged("a saved vacancy has hours that are not a valid range".into());
        }
        if vacancies.saved.len() > crate::core::activity::MAX_ENTRIES {
            return damaged("too many saved vacancies".into());
        }
    }
    if let Some(activities) = &portfolio.activities {
        if activities.entries.len() > crate::core::activity::MAX_ENTRIES {
            return damaged("too many activities".into());
        }
        let mut ids: Vec<u32> = activities.entries.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        if ids.windows(2).any(|pair| pair[0] == pair[1]) {
            return damaged("two activities have the same id".into());
        }
    }
    check_dates_and_counts(portfolio)?;
    if let Some(competences) = &portfolio.competences {
        if let Some((id, _)) = competences
            .ratings()
            .iter()
            .find(|(_, rating)| rating.level > crate::core::competence::MAX_LEVEL)
        {
            return damaged(format!("competences.ratings.{id}.level is above 4"));
        }
    }
    Ok(())
}

/// The years a date in a file may have: a work map is about a person's life now, so a year
/// outside these is damage (`-9999`), never a date to show or sort by.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Dates within [`YEARS`] and targets up to [`MAX_TARGET_PER_4_WEEKS`]: what the app shows
/// from a file (or from a coach's stored record, which holds files) must be a plausible value.
fn check_dates_and_counts(portfolio: &Portfolio) -> Result<(), PortfolioError> {
    let mut dates: Vec<(&str, time::Date)> = vec![
        ("created", portfolio.created.date()),
        ("modified", portfolio.modified.date()),
    ];
    if let Some(selftest) = &portfolio.selftest {
        dates.extend(
            selftest
                .history
                .iter()
                .map(|t| ("selftest.history.completed_at", t.completed_at.date())),
        );
    }
    if let Some(activities) = &portfolio.activities {
        dates.extend(
            activities
                .entries
                .iter()
                .map(|e| ("activities.entries.date", e.date)),
        );
    }
    if let Some(vacancies) = &portfolio.vacancies {
        dates.extend(
            vacancies
                .saved
                .iter()
                .map(|s| ("vacancies.saved.saved_on", s.saved_on)),
        );
    }
    if let Some((field, date)) = dates.into_iter().find(|(_, d)| !YEARS.contains(&d.year())) {
        return Err(PortfolioError::Damaged(format!(
            "{field} has the year {}, which cannot be right",
            date.year()
        )));
    }
    if portfolio
        .activities
        .as_ref()
        .and_then(|a| a.own_target_per_4_weeks)
        .is_some_and(|t| t > MAX_TARGET_PER_4_WEEKS)
    {
        return Err(PortfolioError::Damaged(format!(
            "activities.own_target_per_4_weeks is above {MAX_TARGET_PER_4_WEEKS}"
        )));
    }
    portfolio
        .agreements
        .as_ref()
        .map_or(Ok(()), check_agreements)
}

/// The agreements' dates within [`YEARS`], their texts up to [`MAX_AGREEMENT_CHARS`] and
/// the target up to [`MAX_TARGET_PER_4_WEEKS`]
/// (a file's, or the coach's own stored copy).
pub fn check_agreements(agreements: &Agreements) -> Result<(), PortfolioError> {
    let mut dates = agreements
        .items
        .iter()
        .map(|a| a.date)
        .chain(agreements.next_evaluation);
    if let Some(date) = dates.find(|d| !YEARS.contains(&d.year())) {
        return Err(PortfolioError::Damaged(format!(
            "an agreement has the year {}, which cannot be right",
            date.year()
        )));
    }
    if agreements
        .items
        .iter()
        .any(|a| a.text.chars().count() > MAX_AGREEMENT_CHARS)
    {
        return Err(PortfolioError::Damaged(format!(
            "an agreement is longer than {MAX_AGREEMENT_CHARS} characters"
        )));
    }
    if agreements
        .application_target_per_4_weeks
        .is_some_and(|t| t > MAX_TARGET_PER_4_WEEKS)
    {
        return Err(PortfolioError::Damaged(format!(
            "agreements.application_target_per_4_weeks is above {MAX_TARGET_PER_4_WEEKS}"
        )));
    }
    Ok(())
}

/// The checks of an opened file (text lengths and content) on a portfolio that was kept
/// rather than read from a file just now: a coach's stored record goes through the same
/// rules as the file it came from.
pub fn check_portfolio(portfolio: &Portfolio) -> Result<(), PortfolioError> {
    let value =
        serde_json::to_value(portfolio).map_err(|e| PortfolioError::Damaged(e.to_string()))?;
    check_texts(&value)?;
    check_content(portfolio)
}

/// Whether a file's `modified` lies more than [`FUTURE_TOLERANCE`] after `now`: a clock set
/// wrong, or a hand-made date (9999-12-31). Such a date must never decide which file is
/// newer, or every real file after it would count as older.
pub fn dated_in_the_future(modified: OffsetDateTime, now: OffsetDateTime) -> bool {
    modified > now + FUTURE_TOLERANCE
}

/// How far ahead of this device's clock a file may be dated (time zones, a clock a little
/// off): one day.
pub const FUTURE_TOLERANCE: time::Duration = time::Duration::days(1);
