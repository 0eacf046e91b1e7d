//! The portfolio file's types (version [`VERSION`]) and its checksum.
//!
//! The JSON Schema in `public/schema/portfolio.schema.json` is generated from these types
//! ([`json_schema`]). Where the file holds a type of the rest of the core (the self-test
//! answers, the competence profile), a small schema-only twin in [`schema`] describes its JSON
//! shape; a test checks that the twins read everything the real types write.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::core::activity::{ActivityLog, SavedVacancy};
pub use crate::core::agreement::{Agreement, Agreements, MAX_AGREEMENT_CHARS};
use crate::core::competence::CompetenceProfile;
use crate::core::i18n;
use crate::core::matching::Wishes;
use crate::core::selftest::Answers;
use crate::core::storage::CompletedSelfTest;
use crate::core::text::Language;

/// `format` of a plain portfolio file.
pub const FORMAT: &str = "werkmap-portfolio";
/// The portfolio file version this program writes, and the newest it reads. Bump it together
/// with a step in `import::migrate` and keep a file of the old version in
/// `tests/fixtures/portfolio/v<N>.werkmap.json`.
///
/// - 1: profile, self-test, competences, agreements.
/// - 2: adds the sections `vacancies` (wishes and saved vacancies) and `activities` (the
///   activity log). A version-1 file migrates by staying as it is: the new sections are
///   absent, as unshared sections are.
pub const VERSION: u32 = 2;
/// The prefix of [`Portfolio::checksum`].
const CHECKSUM_PREFIX: &str = "sha256:";
/// The longest alias (in characters) a file may carry.
pub(crate) const MAX_ALIAS_CHARS: usize = 100;

/// The marker in `format`: a one-value enum, so the schema says exactly which string it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum FormatName {
    #[default]
    #[serde(rename = "werkmap-portfolio")]
    WerkmapPortfolio,
}

/// A part of the work map the job seeker can choose to share. Unshared sections are not in
/// the file at all.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Alias, age band, postcode: only the parts the job seeker chose.
    Profile,
    /// The self-test: current answers and every completed test with its result summary.
    Selftest,
    /// The competence check and interest check answers.
    Competences,
    /// What the job seeker wants from work, and the vacancies they saved.
    Vacancies,
    /// The activity log (applications, interviews, network contacts…).
    Activities,
    /// The coach's agreements, application target and next evaluation date.
    Agreements,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Profile,
        Section::Selftest,
        Section::Competences,
        Section::Vacancies,
        Section::Activities,
        Section::Agreements,
    ];

    /// The member of the file that holds this section.
    pub fn key(self) -> &'static str {
        match self {
            Section::Profile => "profile",
            Section::Selftest => "selftest",
            Section::Competences => "competences",
            Section::Vacancies => "vacancies",
            Section::Activities => "activities",
            Section::Agreements => "agreements",
        }
    }

    /// Sections written by the job seeker's app; [`Section::Agreements`] is the coach's.
    pub fn is_job_seekers(self) -> bool {
        !matches!(self, Section::Agreements)
    }

    /// The key of its label in the locale files.
    pub fn i18n_key(self) -> &'static str {
        match self {
            Section::Profile => "portfolio.section.profile",
            Section::Selftest => "portfolio.section.selftest",
            Section::Competences => "portfolio.section.competences",
            Section::Vacancies => "portfolio.section.vacancies",
            Section::Activities => "portfolio.section.activities",
            Section::Agreements => "portfolio.section.agreements",
        }
    }

    pub fn label(self, language: Language) -> &'static str {
        i18n::text(language, self.i18n_key())
    }
}

/// A Werkmap portfolio file: the job seeker's story, told once, in a file they own.
///
/// Sections the job seeker did not share are absent (not `null`; a `null` section is refused).
/// Optional members inside a section are absent when empty; a reader takes `null` there as
/// absent. `checksum` is
/// `sha256:<64 lowercase hex digits>` over the canonical form of the document without the
/// `checksum` member (see [`checksum_of`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Werkmap portfolio")]
pub struct Portfolio {
    /// Always `werkmap-portfolio`.
    pub format: FormatName,
    /// The file format version (not the app version).
    #[schemars(range(min = 1))]
    pub version: u32,
    /// The version of the app that wrote the file.
    pub app_version: String,
    /// When the work map was started (the first completed self-test), RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    #[schemars(with = "schema::DateTime")]
    pub created: OffsetDateTime,
    /// When this file was written, RFC 3339.
    #[serde(with = "time::serde::rfc3339")]
    #[schemars(with = "schema::DateTime")]
    pub modified: OffsetDateTime,
    /// The language the job seeker uses the app in.
    #[schemars(with = "schema::Language")]
    pub language: Language,
    /// The sections the job seeker chose to share; exactly the sections present below.
    pub shared: Vec<Section>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "ProfileSection")]
    pub profile: Option<ProfileSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "SelftestSection")]
    pub selftest: Option<SelftestSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "schema::CompetenceProfile")]
    pub competences: Option<CompetenceProfile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "VacanciesSection")]
    pub vacancies: Option<VacanciesSection>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "ActivityLog")]
    pub activities: Option<ActivityLog>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Agreements")]
    pub agreements: Option<Agreements>,
    /// `sha256:` and 64 lowercase hex digits.
    #[schemars(regex(pattern = r"^sha256:[0-9a-f]{64}$"))]
    pub checksum: String,
}

/// Who the file is about: only what the job seeker chose to share.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileSection {
    /// A name or alias the job seeker typed for this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", length(min = 1, max = 100))]
    pub alias: Option<String>,
    /// The self-test's age band option id, e.g. `27_34`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub age_band: Option<String>,
    /// The four digits of a Dutch postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String", regex(pattern = r"^[1-9][0-9]{3}$"))]
    pub postcode: Option<String>,
}

/// The self-test: the answers as they are now, and every completed test, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SelftestSection {
    #[schemars(with = "schema::Answers")]
    pub current: Answers,
    #[schemars(with = "Vec<schema::CompletedSelfTest>")]
    pub history: Vec<CompletedSelfTest>,
}

/// What the job seeker wants from work and the vacancies they kept.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VacanciesSection {
    #[serde(default)]
    pub wishes: Wishes,
    /// Oldest first.
    #[serde(default)]
    pub saved: Vec<SavedVacancy>,
}

impl Portfolio {
    /// The sections present in this file, in [`Section`] order.
    pub fn sections(&self) -> Vec<Section> {
        let present = [
            (Section::Profile, self.profile.is_some()),
            (Section::Selftest, self.selftest.is_some()),
            (Section::Competences, self.competences.is_some()),
            (Section::Vacancies, self.vacancies.is_some()),
            (Section::Activities, self.activities.is_some()),
            (Section::Agreements, self.agreements.is_some()),
        ];
        present
            .into_iter()
            .filter_map(|(section, here)| here.then_some(section))
            .collect()
    }

    /// Sets `shared` to the sections present, and `checksum` to the content's checksum.
    pub fn seal(&mut self) {
        self.shared = self.sections();
        self.checksum = String::new();
        self.checksum = match serde_json::to_value(&*self) {
            Ok(value) => checksum_of(&value),
            // Serialising these types cannot fail; an empty checksum would be refused on
            // import, never silently accepted.
            Err(_) => String::new(),
        };
    }

    /// The file's text: pretty JSON, sections in a fixed order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The checksum of a document: `sha256:` and the lowercase hex SHA-256 of its canonical form.
///
/// The canonical form is the document **without its top-level `checksum` member**, written
/// as compact JSON: no whitespace; object members sorted by key (byte order of the UTF-8
/// key); strings with only `"`, `\` and control characters escaped (`\n`, `\t`, … and
/// `\u00XX` for the rest, lowercase hex), everything else as UTF-8; integers in plain
/// decimal. It is what `serde_json::to_string` writes for a document whose objects are
/// sorted. So the checksum covers the content, not the layout: re-indenting a file keeps it
/// valid; changing any value, key or member does not.
///
/// The importer takes the document as its types read it and write it again (an absent and a
/// `null` optional member are the same; a date is written the one way its type writes it),
/// and checks the checksum of that: a file that opens is written out again with the same
/// checksum (`import::read_plain`).
pub fn checksum_of(document: &Value) -> String {
    let mut canonical = String::new();
    match document {
        Value::Object(members) => {
            let mut without = members.clone();
            without.remove("checksum");
            write_canonical(&Value::Object(without), &mut canonical);
        }
        other => write_canonical(other, &mut canonical),
    }
    let digest = Sha256::digest(canonical.as_bytes());
    let mut out = String::with_capacity(CHECKSUM_PREFIX.len() + 64);
    out.push_str(CHECKSUM_PREFIX);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// Writes the canonical form (see [`checksum_of`]). Sorting is done here, so the result does
/// not depend on whether serde_json keeps insertion order (its `preserve_order` feature).
/// The depth is bounded by the importer's nesting limit.
fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(members) => {
            let mut keys: Vec<&String> = members.keys().collect();
            keys.sort();
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                if let Some(member) = members.get(key) {
                    write_canonical(member, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The JSON Schema of the portfolio file, as checked in at `public/schema/portfolio.schema.json`.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Portfolio);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Schema-only twins of core types that live outside this module. They mirror the serde
/// shape of the real types; `tests/portfolio.rs` reads real values through them to keep the
/// two in step.
pub mod schema {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    pub use crate::core::text::date_schema::{CalendarDate, DateTime};

    /// The app's language.
    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(rename_all = "lowercase")]
    pub enum Language {
        Nl,
        En,
    }

    /// Self-test answers keyed by question id (see `data/selftest/questions.json`).
    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(transparent)]
    pub struct Answers(pub BTreeMap<String, Answer>);

    /// One answer.
    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case", tag = "type", content = "value")]
    pub enum Answer {
        /// Chosen option ids.
        Chosen(Vec<String>),
        /// Free input such as the four postcode digits.
        Text(String),
        /// A whole number (the most hours a week someone can work).
        Number(u32),
        /// "Zeg ik liever niet".
        PreferNotToSay,
    }

    /// A completed self-test.
    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct CompletedSelfTest {
        #[schemars(with = "DateTime")]
        pub completed_at: String,
        /// Which version of the rules scored it.
        pub rules_version: u32,
        pub answers: Answers,
        pub summary: ResultSummary,
    }

    /// The small part of a self-test result kept in the history.
    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct ResultSummary {
        /// Participatieladder rung, 1–6.
        pub participation: Option<u8>,
        /// Suggested re-integratieladder rung.
        pub reintegration: Option<u8>,
        pub route: RouteId,
        pub search: SearchStatus,
        pub strengths: Vec<String>,
        pub obstacles: Vec<String>,
    }

    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum RouteId {
        SelfSearch,
        SupportFirst,
        DiplomaFirst,
    }

    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum SearchStatus {
        Optimal,
        Incomplete,
        Unknown,
    }

    /// The competence check and interest check answers.
    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct CompetenceProfile {
        /// Competence id → rating; unrated competences are absent.
        #[serde(default)]
        pub ratings: BTreeMap<String, CompetenceRating>,
        /// Interest item id → answer; unanswered items are absent.
        #[serde(default)]
        pub interests: BTreeMap<String, InterestAnswer>,
    }

    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(deny_unknown_fields)]
    pub struct CompetenceRating {
        /// 0 to 4.
        #[schemars(range(max = 4))]
        pub level: u8,
        /// Where it was shown.
        #[serde(default)]
        pub shown_in: BTreeSet<EvidenceContext>,
    }

    #[derive(Serialize, Deserialize, JsonSchema, PartialEq, Eq, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    pub enum EvidenceContext {
        Work,
        School,
        Internship,
        Volunteering,
        HomeCare,
        HobbySport,
    }

    #[derive(Serialize, Deserialize, JsonSchema)]
    #[serde(rename_all = "snake_case")]
    pub enum InterestAnswer {
        Yes,
        Maybe,
        No,
    }
}
