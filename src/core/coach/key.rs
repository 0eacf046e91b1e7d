//! Who is who in the caseload: the key that joins one person's files ([`client_key`]) and
//! its short, address-safe name ([`client_slug`]).

use time::format_description::well_known::Rfc3339;
use time::UtcOffset;

use crate::core::portfolio::Portfolio;
use crate::core::text::clean_name;

/// The key that tells one person's files apart from another's: the work map's `created` time
/// (in UTC, RFC 3339) and the alias, trimmed, lowercased and with inner runs of whitespace
/// made one space, joined by `|` (the time never holds one, so the split is unambiguous).
///
/// Why these two: `created` is the moment of the first completed self-test, which the app
/// writes into every export of that work map (also after moving to another device with the
/// person's own file), so it stays the same across re-exports; two people almost never
/// share it to the nanosecond. The alias guards against the rare same moment (two kiosks)
/// and lets the key be read by a person. Case and spacing are the job seeker's typing, not a
/// different person.
///
/// Limits (the coach then sees a second client, never a mix of two people):
/// - a work map without a completed self-test takes `created` from the moment of export, so
///   each such export is a new key;
/// - the app lets a same-day correction replace the first self-test, which moves `created`;
/// - "Wis alles" starts a new work map, so a new key;
/// - a changed alias, or a file that leaves the profile section (or the alias) out where an
///   earlier one had it, is a new key;
/// - diacritics are kept ("Zoë" and "Zoe" differ), as they may tell two people apart.
///
/// Two different people get the same key only with the same alias and the same `created`.
pub fn client_key(portfolio: &Portfolio) -> String {
    let created = portfolio
        .created
        .checked_to_offset(UtcOffset::UTC)
        .unwrap_or(portfolio.created);
    // RFC 3339 cannot write years outside 0–9999; such a file is odd but must still get a
    // key that is stable for it.
    let created = created
        .format(&Rfc3339)
        .unwrap_or_else(|_| created.unix_timestamp_nanos().to_string());
    let alias = portfolio
        .profile
        .as_ref()
        .and_then(|profile| profile.alias.as_deref())
        .unwrap_or("");
    format!("{created}|{}", normalize_alias(alias))
}

/// A short, address-safe name for a client key (16 hex digits of its SHA-256): keys hold
/// times with dots and colons and an alias with any characters, which do not belong in a URL
/// path (a static server would take `…46.1679Z…` for a file name).
pub fn client_slug(key: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(key.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn normalize_alias(alias: &str) -> String {
    clean_name(alias)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
