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

use super::checks::{check_content, check_texts};
use super::crypto::{self, ENCRYPTED_FORMAT};
use super::format::{checksum_of, Agreements, Portfolio, Section, FORMAT, VERSION};

pub use super::checks::{
    check_agreements, check_portfolio, dated_in_the_future, FUTURE_TOLERANCE, MAX_TEXT_CHARS, YEARS,
};
pub use super::error::PortfolioError;

/// The largest file read: 16 MiB. A heavy portfolio (three years of activities) is well under
/// 2 MB; the limit leaves room for the encrypted form (base64 adds a third).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The deepest nesting of arrays and objects accepted. The format itself needs 7.
pub const MAX_DEPTH: usize = 32;

const BOM: &[u8] = b"\xEF\xBB\xBF";

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

pub enum Kind {
    Plain,
    Encrypted,
}

pub fn kind(value: &Value) -> Result<Kind, PortfolioError> {
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => Ok(Kind::Plain),
        Some(ENCRYPTED_FORMAT) => Ok(Kind::Encrypted),
        _ => Err(PortfolioError::NotWerkmap),
    }
}

/// Bytes to a JSON value, with the size, depth and duplicate-key checks.
pub fn parse(bytes: &[u8]) -> Result<Value, PortfolioError> {
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
