//! One record on its way to a [`Vacancy`]: a format reads its fields into a [`Draft`] and
//! hands it to [`Records::keep`], which links it to the catalogue and the places table
//! ([`Linker`]), fills in what the words say (contract, language level, driving licence),
//! bounds every text and gives it an id no other vacancy of the import has ([`IdPool`]).

use std::collections::{BTreeSet, HashMap, HashSet};

use time::Date;

use crate::core::place::GeoPoint;
use crate::core::vacancy::link::Linker;
use crate::core::vacancy::model::*;
use crate::core::vocab::{EducationLevel, PhysicalDemand};

use super::fields::{detect_language_level, infer_contract, mentions_driving_licence};
use super::report::FeedImport;

/// The most records read from one feed.
pub const MAX_RECORDS: usize = 1_000_000;

/// What the format readers need to turn records into vacancies: shared by every format.
pub(crate) struct Records<'r, 'l> {
    pub linker: &'r Linker<'l>,
    pub report: &'r mut FeedImport,
    pub ids: &'r mut IdPool,
    /// The number of the last record read, counting from 1.
    pub position: &'r mut usize,
}

impl Records<'_, '_> {
    /// Keeps a record that could be read, linked and with a unique id.
    pub fn keep(&mut self, draft: Draft) {
        let vacancy = draft.finish(self.linker, self.ids, *self.position, self.report);
        self.report.vacancies.push(vacancy);
    }
}

/// A record as read from a feed, before linking.
#[derive(Debug, Clone, Default)]
pub(crate) struct Draft {
    pub id: Option<String>,
    pub title: String,
    pub employer: String,
    pub place: Option<String>,
    pub postcode: Option<String>,
    pub coordinates: Option<GeoPoint>,
    pub hours: Option<HoursRange>,
    pub contract: Option<ContractKind>,
    /// schema.org FULL_TIME / PART_TIME: a hint for hours when none are given.
    pub full_time: Option<bool>,
    pub occupation_id: Option<String>,
    pub isco: Option<String>,
    pub esco_uri: Option<String>,
    pub education: Option<EducationLevel>,
    pub competences: Vec<CompetenceDemand>,
    pub language: Option<LanguageLevel>,
    pub driving_licence: Option<bool>,
    pub physical: Option<PhysicalDemand>,
    pub posted: Option<Date>,
    pub start_date: Option<Date>,
    pub closing_date: Option<Date>,
    pub description: String,
    pub experience: Option<String>,
    pub support: BTreeSet<EmployerSupport>,
    pub salary: Option<Salary>,
    pub url: Option<String>,
}

/// Ids already given out in one import, so that every vacancy's id is unique.
#[derive(Default)]
pub(crate) struct IdPool {
    used: HashSet<String>,
    /// For an id wanted more than once: the next number to try after it. Without it the
    /// n-th repeat of one id would try every number before its own (quadratic in repeats).
    next: HashMap<String, usize>,
}

impl IdPool {
    /// A unique id from the feed's identifier, made safe for an address: letters, digits,
    /// `-` and `_` only (a dot would make a static server take the page for a file).
    fn take(&mut self, wanted: Option<&str>, position: usize) -> String {
        let base = wanted
            .map(|w| {
                let safe: String = w
                    .trim()
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '_' {
                            c
                        } else {
                            '-'
                        }
                    })
                    .collect();
                let mut collapsed = String::with_capacity(safe.len());
                for c in safe.chars() {
                    if !(c == '-' && collapsed.ends_with('-')) {
                        collapsed.push(c);
                    }
                }
                truncate_chars(collapsed.trim_matches('-'), 100)
            })
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| format!("import-{position}"));
        if self.used.insert(base.clone()) {
            return base;
        }
        let next = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{next}");
            *next += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

impl Draft {
    /// Links the draft to the catalogue and the places table and makes it a vacancy.
    pub(crate) fn finish(
        self,
        linker: &Linker<'_>,
        ids: &mut IdPool,
        position: usize,
        report: &mut FeedImport,
    ) -> Vacancy {
        let title = truncate_chars(&self.title, MAX_SHORT_TEXT);
        let description = truncate_chars(&self.description, MAX_DESCRIPTION);
        let (occupation, link) = linker.occupation(
            self.occupation_id.as_deref(),
            self.isco.as_deref(),
            self.esco_uri.as_deref(),
            &title,
        );
        if occupation.is_none() {
            report.unlinked += 1;
        }
        let whereabouts = linker.locate(
            self.postcode.as_deref(),
            self.place.as_deref(),
            self.coordinates,
        );
        if whereabouts.is_none() {
            report.unlocated += 1;
        }
        let all_text = format!("{title}\n{description}");
        let contract = self
            .contract
            .or_else(|| infer_contract(&title, &description))
            .unwrap_or(ContractKind::Regular);
        let hours = self.hours.or(match self.full_time {
            Some(true) => HoursRange::new(36, 40),
            Some(false) => None,
            None => None,
        });
        let mut competences = self.competences;
        competences.truncate(MAX_DEMANDS);
        Vacancy {
            id: ids.take(self.id.as_deref(), position),
            title,
            employer: truncate_chars(self.employer.trim(), MAX_SHORT_TEXT),
            place: whereabouts
                .as_ref()
                .map(|w| w.place.clone())
                .or(self.place)
                .map(|p| truncate_chars(&p, MAX_SHORT_TEXT))
                .filter(|p| !p.is_empty()),
            postcode: whereabouts.as_ref().and_then(|w| w.postcode.clone()),
            location: whereabouts.map(|w| w.point),
            hours,
            contract,
            sector: occupation.map(|o| o.sector),
            occupation: link,
            education: self.education,
            competences,
            language: self.language.or_else(|| detect_language_level(&all_text)),
            driving_licence: self
                .driving_licence
                .unwrap_or_else(|| mentions_driving_licence(&all_text)),
            physical: self.physical,
            posted: self.posted,
            start_date: self.start_date,
            closing_date: self.closing_date,
            description,
            experience: self
                .experience
                .map(|e| truncate_chars(e.trim(), 2_000))
                .filter(|e| !e.is_empty()),
            support: self.support,
            salary: self.salary,
            url: self
                .url
                .map(|u| truncate_chars(u.trim(), 2_000))
                .filter(|u| !u.is_empty()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hundred_thousand_repeats_of_one_id() {
        // Complexity guard: trying every number before its own made the n-th repeat cost n
        // tries, 4.5 × 10^10 in all here (hours); now a fraction of a second (limit a minute).
        let mut pool = IdPool::default();
        let started = std::time::Instant::now();
        let last = (1..=300_000).fold(String::new(), |_, i| pool.take(Some("x"), i));
        assert!(started.elapsed() < std::time::Duration::from_secs(60));
        assert_eq!(last, "x-300000");
        assert_eq!(
            pool.take(Some("x-2"), 0),
            "x-2-2",
            "a taken id is never given twice"
        );
        assert_eq!(pool.take(None, 7), "import-7");
    }
}
