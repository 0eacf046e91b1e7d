//! Reading a portfolio file: every refusal has a plain reason, nothing panics whatever the
//! bytes (property tests and the hostile corpus in `tests/fixtures/portfolio/` check this).
//!
//! The order of checks: empty → too large (before anything is parsed) → UTF-8 byte order
//! mark skipped → nesting deeper than [`MAX_DEPTH`] → JSON (duplicate keys refused) →
//! `format` (ours, encrypted, or not a Werkmap file) → `version` (newer refused, older
//! migrated after the checksum check) → checksum → shape → content checks.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use time::OffsetDateTime;

use crate::core::i18n;
use crate::core::text::Language;

use super::crypto::{self, ENCRYPTED_FORMAT};
use super::format::{
    checksum_of, Agreements, Portfolio, Section, FORMAT, MAX_AGREEMENT_CHARS, MAX_ALIAS_CHARS,
    VERSION,
};
use crate::core::activity::MAX_TARGET_PER_4_WEEKS;

/// The largest file read: 16 MiB. A heavy portfolio (three years of activities) is well under
/// 2 MB; the limit leaves room for the encrypted form (base64 adds a third).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The deepest nesting of arrays and objects accepted. The format itself needs 7.
pub const MAX_DEPTH: usize = 32;
/// The longest single text (in characters) accepted anywhere in a file.
pub const MAX_TEXT_CHARS: usize = 20_000;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a file was refused. [`PortfolioError::message`] gives the plain text for the screen;
/// `Display` is English, for logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortfolioError {
    /// No bytes (or only spaces).
    #[error("the file is empty")]
    Empty,
    /// Larger than [`MAX_FILE_BYTES`]; refused before parsing.
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// Not JSON at all (or not UTF-8 text).
    #[error("the file is not JSON text")]
    NotJson,
    /// Valid JSON, but not a Werkmap portfolio file.
    #[error("the file is not a Werkmap portfolio")]
    NotWerkmap,
    /// Arrays or objects nested deeper than [`MAX_DEPTH`].
    #[error("the file is nested too deeply")]
    TooDeep,
    /// Looks like a portfolio but is damaged or cut off; the detail is for the coach or
    /// helpdesk (a serde message, English).
    #[error("the file is damaged: {0}")]
    Damaged(String),
    /// The content does not match its checksum: changed or damaged after it was written.
    #[error("the content does not match its checksum")]
    ChecksumMismatch,
    /// The file is encrypted and no passphrase was given.
    #[error("the file is encrypted and no passphrase was given")]
    PassphraseNeeded,
    /// The passphrase is wrong, or the encrypted content was changed.
    #[error("the passphrase is wrong, or the encrypted content was changed")]
    WrongPassphrase,
    /// Made by a newer version of Werkmap (the file's version).
    #[error("the file has version {0}, newer than this app reads")]
    NewerVersion(u32),
}

impl PortfolioError {
    /// A plain message for the job seeker or coach, in Dutch (B1) or English.
    pub fn message(&self, language: Language) -> String {
        match self {
            PortfolioError::TooLarge { size, limit } => {
                let mb = |b: usize| b.div_ceil(1024 * 1024).to_string();
                i18n::format(
                    language,
                    "portfolio.error.too_large",
                    &[("size", &mb(*size)), ("limit", &mb(*limit))],
                )
            }
            PortfolioError::Damaged(detail) => {
                i18n::format(language, "portfolio.error.damaged", &[("detail", detail)])
            }
            PortfolioError::NewerVersion(version) => i18n::format(
                language,
                "portfolio.error.newer_version",
                &[("version", &version.to_string())],
            ),
            PortfolioError::Empty => i18n::text(language, "portfolio.error.empty").to_owned(),
            PortfolioError::NotJson => i18n::text(language, "portfolio.error.not_json").to_owned(),
            PortfolioError::NotWerkmap => {
                i18n::text(language, "portfolio.error.not_werkmap").to_owned()
            }
            PortfolioError::TooDeep => i18n::text(language, "portfolio.error.too_deep").to_owned(),
            PortfolioError::ChecksumMismatch => {
                i18n::text(language, "portfolio.error.checksum_mismatch").to_owned()
            }
            PortfolioError::PassphraseNeeded => {
                i18n::text(language, "portfolio.error.passphrase_needed").to_owned()
            }
            PortfolioError::WrongPassphrase => {
                i18n::text(language, "portfolio.error.wrong_passphrase").to_owned()
            }
        }
    }
}

/// What a file is, before anything is imported.
#[derive(Debug, Clone, PartialEq)]
pub enum Inspected {
    /// A readable portfolio: show the preview, import after confirmation.
    Plain {
        preview: Preview,
        portfolio: Box<Portfolio>,
    },
    /// An encrypted portfolio (its envelope checked): ask for the passphrase, then [`open`].
    Encrypted,
}

/// What the import screen shows before anything is replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The alias the job seeker chose, if they shared one.
    pub whose: Option<String>,
    /// Who wrote the newest agreement (the coach, in a coach's reply), if named.
    pub coach: Option<String>,
    pub created: OffsetDateTime,
    pub modified: OffsetDateTime,
    pub app_version: String,
    /// The version the file was written in (older versions were migrated).
    pub file_version: u32,
    pub sections: Vec<Section>,
}

impl Preview {
    /// A coach's reply: agreements, and at most the alias of whom it is for.
    pub fn is_coach_reply(&self) -> bool {
        is_coach_reply(&self.sections)
    }
}

/// Whether a file with these sections is a coach's reply (agreements, at most a profile).
pub fn is_coach_reply(sections: &[Section]) -> bool {
    sections.contains(&Section::Agreements)
        && sections
            .iter()
            .all(|s| matches!(s, Section::Profile | Section::Agreements))
}

/// The preview of an opened portfolio. `file_version` is the current version here; use the
/// one from [`inspect`] to tell a migrated file.
pub fn preview(portfolio: &Portfolio) -> Preview {
    Preview {
        whose: portfolio
            .profile
            .as_ref()
            .and_then(|profile| profile.alias.as_deref())
            .map(crate::core::text::clean_name),
        coach: portfolio.agreements.as_ref().and_then(Agreements::author),
        created: portfolio.created,
        modified: portfolio.modified,
        app_version: portfolio.app_version.clone(),
        file_version: portfolio.version,
        sections: portfolio.sections(),
    }
}

/// Looks at a file: a plain portfolio is fully checked and previewed; an encrypted one only
/// has its envelope checked.
pub fn inspect(bytes: &[u8]) -> Result<Inspected, PortfolioError> {
    let value = parse(bytes)?;
    match kind(&value)? {
        Kind::Encrypted => {
            crypto::check_envelope(value)?;
            Ok(Inspected::Encrypted)
        }
        Kind::Plain => {
            let (portfolio, file_version) = read_plain(value)?;
            let mut preview = preview(&portfolio);
            preview.file_version = file_version;
            Ok(Inspected::Plain {
                preview,
                portfolio: Box::new(portfolio),
            })
        }
    }
}

/// Opens a file, decrypting it with `passphrase` when it is encrypted.
pub fn open(bytes: &[u8], passphrase: Option<&str>) -> Result<Portfolio, PortfolioError> {
    let value = parse(bytes)?;
    match kind(&value)? {
        Kind::Plain => read_plain(value).map(|(portfolio, _)| portfolio),
        Kind::Encrypted => {
            let Some(passphrase) = passphrase else {
                // A broken envelope is reported as such, not as "enter the passphrase".
                crypto::check_envelope(value)?;
                return Err(PortfolioError::PassphraseNeeded);
            };
            let plain = crypto::decrypt(value, passphrase)?;
            let inner = parse(&plain).map_err(|e| match e {
                PortfolioError::NotJson | PortfolioError::NotWerkmap => {
                    PortfolioError::Damaged("the decrypted content is not a portfolio".into())
                }
                other => other,
            })?;
            match kind(&inner)? {
                Kind::Plain => read_plain(inner).map(|(portfolio, _)| portfolio),
                Kind::Encrypted => Err(PortfolioError::Damaged(
                    "an encrypted file inside an encrypted file".into(),
                )),
            }
        }
    }
}

enum Kind {
    Plain,
    Encrypted,
}

fn kind(value: &Value) -> Result<Kind, PortfolioError> {
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => Ok(Kind::Plain),
        Some(ENCRYPTED_FORMAT) => Ok(Kind::Encrypted),
        _ => Err(PortfolioError::NotWerkmap),
    }
}

/// Bytes to a JSON value, with the size, depth and duplicate-key checks.
fn parse(bytes: &[u8]) -> Result<Value, PortfolioError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(PortfolioError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(PortfolioError::Empty);
    }
    if too_deep(bytes, MAX_DEPTH) {
        return Err(PortfolioError::TooDeep);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let parsed = Strict::deserialize(&mut deserializer).and_then(|value| {
        deserializer.end()?;
        Ok(value.0)
    });
    parsed.map_err(|error| {
        use serde_json::error::Category;
        let looks_like_ours = contains(bytes, FORMAT.as_bytes());
        match error.classify() {
            Category::Eof => PortfolioError::Damaged(format!("the file is cut off ({error})")),
            Category::Data => PortfolioError::Damaged(error.to_string()),
            Category::Syntax | Category::Io if looks_like_ours => {
                PortfolioError::Damaged(error.to_string())
            }
            Category::Syntax | Category::Io => PortfolioError::NotJson,
        }
    })
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// Whether arrays/objects nest deeper than `limit`, counted on the bytes (outside strings),
/// so no parser ever recurses on a hostile file.
fn too_deep(bytes: &[u8], limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &byte in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Checks the checksum, migrates, reads the shape and checks the content.
/// Returns the portfolio and the version the file was written in.
fn read_plain(value: Value) -> Result<(Portfolio, u32), PortfolioError> {
    let version = match value.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .filter(|v| *v >= 1)
            .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
            .ok_or_else(|| PortfolioError::Damaged(format!("version {n} is not valid")))?,
        Some(_) => return Err(PortfolioError::Damaged("version is not a number".into())),
        None => return Err(PortfolioError::Damaged("the file has no version".into())),
    };
    if version > VERSION {
        return Err(PortfolioError::NewerVersion(version));
    }
    check_texts(&value)?;
    for section in Section::ALL {
        let name = section.key();
        if value.get(name).is_some_and(Value::is_null) {
            return Err(PortfolioError::Damaged(format!(
                "`{name}` is null; a section that is not shared is left out"
            )));
        }
    }
    let Some(stated) = value
        .get("checksum")
        .and_then(Value::as_str)
        .map(str::to_owned)
    else {
        return Err(PortfolioError::ChecksumMismatch);
    };
    // The checksum covers the content, not how the file writes it: the document is read into
    // its types and written again (`"alias": null` and an absent alias, `+2025-07-01` and
    // `2025-07-01`, `.000Z` and `Z` are the same content), and that canonical form is what
    // the checksum is of. So a file that opens is written out again with the same checksum,
    // and validate, import and export agree. (The version-1 shape is the version-2 shape
    // without two sections, so the same types read both.)
    let typed: Portfolio =
        serde_json::from_value(value).map_err(|e| PortfolioError::Damaged(e.to_string()))?;
    let mut canonical =
        serde_json::to_value(&typed).map_err(|e| PortfolioError::Damaged(e.to_string()))?;
    if stated != checksum_of(&canonical) {
        return Err(PortfolioError::ChecksumMismatch);
    }
    let portfolio = if version < VERSION {
        migrate(&mut canonical, version)?;
        serde_json::from_value(canonical).map_err(|e| PortfolioError::Damaged(e.to_string()))?
    } else {
        typed
    };
    check_content(&portfolio)?;
    Ok((portfolio, version))
}

/// One migration step: reshapes a document of version `n` into version `n + 1`.
type Step = fn(&mut Map<String, Value>);

/// The migration steps, by the version they start from. To add a version: push
/// `(n, vn_to_vn1)`, bump [`VERSION`], and keep a version-n file in
/// `tests/fixtures/portfolio/` (the test opens every kept version).
const STEPS: &[(u32, Step)] = &[(1, v1_to_v2)];

/// Version 2 added the vacancies and activities sections; a version-1 file has neither,
/// which is what "not shared" looks like, so nothing changes.
fn v1_to_v2(_document: &mut Map<String, Value>) {}

/// Brings an older file up to [`VERSION`], one version at a time, like
/// `storage::migrate`. The checksum was checked on the file as written; the migrated
/// document gets a fresh one, so the result stays self-consistent.
fn migrate(value: &mut Value, from: u32) -> Result<(), PortfolioError> {
    for version in from..VERSION {
        let step = STEPS
            .iter()
            .find(|(start, _)| *start == version)
            .map(|(_, step)| *step)
            .ok_or_else(|| {
                PortfolioError::Damaged(format!("no migration from version {version}"))
            })?;
        let document = value
            .as_object_mut()
            .ok_or_else(|| PortfolioError::Damaged("not a JSON object".into()))?;
        step(document);
        document.insert("version".to_owned(), Value::from(version + 1));
    }
    if from < VERSION {
        let checksum = checksum_of(value);
        if let Some(document) = value.as_object_mut() {
            document.insert("checksum".to_owned(), Value::from(checksum));
        }
    }
    Ok(())
}

/// Refuses any text longer than [`MAX_TEXT_CHARS`] (keys included). The path to a text is
/// only written out for the message, so the check stays linear in the file however long
/// and deep its keys are.
fn check_texts(value: &Value) -> Result<(), PortfolioError> {
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
fn check_content(portfolio: &Portfolio) -> Result<(), PortfolioError> {
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
pub fn check_agreements(agreements: &super::format::Agreements) -> Result<(), PortfolioError> {
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

/// A JSON value read with duplicate object keys refused (two readers of a file with
/// duplicate keys may each see a different value, so such a file is damaged).
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Strict::deserialize(deserializer).map(|strict| strict.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if members.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate key `{key}`")));
            }
            let Strict(member) = map.next_value()?;
            members.insert(key, member);
        }
        Ok(Value::Object(members))
    }
}
