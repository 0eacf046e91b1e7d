//! Kiosk configuration (`public/kiosk.json`, served as `/kiosk.json`): the staff PIN's hash
//! and the inactivity times, and [`PinGuard`], the growing waits after wrong PINs.
//!
//! The file is served to anyone who asks, so it never holds the PIN itself: only a salted
//! Argon2id hash (`staff_pin_hash`), written by `werkmap kiosk pin`. A plain `staff_pin` is
//! refused with a message that says how to fix it. The shipped file has no hash, which means
//! a kiosk cannot be left through the app until staff set one.
//!
//! What the hash does and does not do: a visitor who reads `/kiosk.json` no longer reads the
//! PIN, and each guess costs an Argon2id run ([`PIN_KDF`]: 64 MiB, 3 passes, about 0.1 s on
//! one native core). A 4-digit PIN still falls to an offline search of its 10,000 values in
//! about 20 minutes; 8 digits take about 4 months of one core, so the README advises 8. At the
//! screen itself the [`PinGuard`] makes guessing slow.

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::core::i18n;
use crate::core::portfolio::crypto::{derive_key, KdfParams};
use crate::core::text::Language;

const DEFAULT_INACTIVITY_SECONDS: u32 = 120;
const DEFAULT_WARNING_SECONDS: u32 = 30;
/// The salt length of a PIN hash (bytes).
pub const PIN_SALT_LEN: usize = 16;
/// The Argon2id cost of a PIN hash: the most the portfolio's KDF limits allow in memory
/// (a PIN has far fewer values than a passphrase, so each guess must cost more).
const PIN_KDF: KdfParams = KdfParams {
    m_kib: 64 * 1024,
    t: 3,
    p: 1,
};

/// The staff PIN, hashed: Argon2id with its parameters and salt, base64 without padding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinHash {
    /// Always `argon2id`.
    pub kdf: String,
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
    pub salt: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskConfig {
    pub staff_pin_hash: Option<PinHash>,
    /// Seconds without a touch before "Ben je er nog?" appears.
    pub inactivity_seconds: u32,
    /// Seconds the warning stays before everything is wiped.
    pub warning_seconds: u32,
    /// The desk's area (a place or a postcode): where a visitor who gives no postcode is
    /// taken to live, so the vacancies shown are near the desk.
    pub area: Option<String>,
}

impl KioskConfig {
    /// The inactivity time in whole minutes, rounded up (the start screen says it).
    pub fn inactivity_minutes(&self) -> u32 {
        self.inactivity_seconds.div_ceil(60)
    }
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            staff_pin_hash: None,
            inactivity_seconds: DEFAULT_INACTIVITY_SECONDS,
            warning_seconds: DEFAULT_WARNING_SECONDS,
            area: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KioskConfigError {
    #[error("kiosk.json is not valid: {0}")]
    Json(String),
    #[error("kiosk.json: the staff PIN must be 4 to 8 digits")]
    Pin,
    /// A PIN in plain text (`staff_pin`), which the file may no longer hold.
    #[error(
        "kiosk.json: staff_pin in plain text is not allowed any more; run `werkmap kiosk pin`"
    )]
    PlainPin,
    #[error("kiosk.json: staff_pin_hash is not a hash made by `werkmap kiosk pin`: {0}")]
    BadHash(String),
    #[error("kiosk.json: times must be between {min} and {max} seconds")]
    Time { min: u32, max: u32 },
    #[error("kiosk.json: the area must be a place or a postcode of at most 80 characters")]
    Area,
}

impl KioskConfigError {
    /// The reason for the staff, in plain words, with what to do.
    pub fn message(&self, language: Language) -> String {
        match self {
            KioskConfigError::Json(detail) => {
                i18n::format(language, "kiosk.error.json", &[("detail", detail)])
            }
            KioskConfigError::Pin => i18n::text(language, "kiosk.error.pin").to_owned(),
            KioskConfigError::PlainPin => i18n::text(language, "kiosk.error.plain_pin").to_owned(),
            KioskConfigError::BadHash(detail) => {
                i18n::format(language, "kiosk.error.bad_hash", &[("detail", detail)])
            }
            KioskConfigError::Time { min, max } => i18n::format(
                language,
                "kiosk.error.time",
                &[("min", &min.to_string()), ("max", &max.to_string())],
            ),
            KioskConfigError::Area => i18n::text(language, "kiosk.error.area").to_owned(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    /// Only `null` is accepted (the old shipped file); any PIN here is refused.
    #[serde(default)]
    staff_pin: Option<Value>,
    #[serde(default)]
    staff_pin_hash: Option<PinHash>,
    inactivity_seconds: Option<u32>,
    warning_seconds: Option<u32>,
    #[serde(default)]
    area: Option<String>,
}

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD_NO_PAD;

fn is_pin(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

impl PinHash {
    /// Hashes a PIN of 4 to 8 digits with the given random salt (the caller has the
    /// randomness: the CLI takes it from the operating system).
    pub fn new(pin: &str, salt: [u8; PIN_SALT_LEN]) -> Result<Self, KioskConfigError> {
        Self::with_cost(pin, salt, PIN_KDF)
    }

    /// [`PinHash::new`] with other Argon2id costs (tests use cheap ones).
    pub fn with_cost(
        pin: &str,
        salt: [u8; PIN_SALT_LEN],
        params: KdfParams,
    ) -> Result<Self, KioskConfigError> {
        let pin = pin.trim();
        if !is_pin(pin) {
            return Err(KioskConfigError::Pin);
        }
        let key = derive_key(pin, &salt, params).map_err(KioskConfigError::BadHash)?;
        Ok(Self {
            kdf: "argon2id".to_owned(),
            m_kib: params.m_kib,
            t: params.t,
            p: params.p,
            salt: B64.encode(salt),
            hash: B64.encode(key),
        })
    }

    fn params(&self) -> KdfParams {
        KdfParams {
            m_kib: self.m_kib,
            t: self.t,
            p: self.p,
        }
    }

    /// Checks the parameters, salt and hash without deriving anything.
    fn check(&self) -> Result<(), KioskConfigError> {
        let bad = |detail: &str| Err(KioskConfigError::BadHash(detail.to_owned()));
        if self.kdf != "argon2id" {
            return bad("kdf is not argon2id");
        }
        let params = self.params();
        if params.p != 1
            || !(KdfParams::MIN_M_KIB..=KdfParams::MAX_M_KIB).contains(&params.m_kib)
            || !(1..=KdfParams::MAX_T).contains(&params.t)
        {
            return bad("the cost parameters are out of range");
        }
        match (B64.decode(&self.salt), B64.decode(&self.hash)) {
            (Ok(salt), Ok(hash)) if salt.len() >= 8 && hash.len() == 32 => Ok(()),
            _ => bad("salt or hash is not valid base64 of the right length"),
        }
    }

    /// Whether `entered` is the PIN (an Argon2id run: about a second on a slow kiosk).
    pub fn matches(&self, entered: &str) -> bool {
        let entered = entered.trim();
        if !is_pin(entered) {
            return false;
        }
        let (Ok(salt), Ok(expected)) = (B64.decode(&self.salt), B64.decode(&self.hash)) else {
            return false;
        };
        derive_key(entered, &salt, self.params()).is_ok_and(|key| constant_time_eq(&key, &expected))
    }
}

impl KioskConfig {
    pub fn parse(json: &str) -> Result<Self, KioskConfigError> {
        let raw: RawConfig =
            serde_json::from_str(json).map_err(|e| KioskConfigError::Json(e.to_string()))?;
        if raw.staff_pin.as_ref().is_some_and(|pin| !pin.is_null()) {
            return Err(KioskConfigError::PlainPin);
        }
        if let Some(hash) = &raw.staff_pin_hash {
            hash.check()?;
        }
        let (min, max) = (1, 3600);
        let inactivity = raw.inactivity_seconds.unwrap_or(DEFAULT_INACTIVITY_SECONDS);
        let warning = raw.warning_seconds.unwrap_or(DEFAULT_WARNING_SECONDS);
        if !(min..=max).contains(&inactivity) || !(min..=max).contains(&warning) {
            return Err(KioskConfigError::Time { min, max });
        }
        let area = match raw.area.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(area) if area.chars().count() <= 80 => Some(area.to_owned()),
            Some(_) => return Err(KioskConfigError::Area),
        };
        Ok(Self {
            staff_pin_hash: raw.staff_pin_hash,
            inactivity_seconds: inactivity,
            warning_seconds: warning,
            area,
        })
    }

    pub fn has_pin(&self) -> bool {
        self.staff_pin_hash.is_some()
    }

    /// The change a kiosk makes to the visitor's home wish: the desk's area while the
    /// visitor has given no postcode, and none again once they have (their own postcode
    /// goes first). `None`: leave the wish as it is.
    pub fn home_wish_change(
        &self,
        postcode_given: bool,
        current: Option<&str>,
    ) -> Option<Option<String>> {
        let area = self.area.as_deref()?;
        match (postcode_given, current) {
            (false, None) => Some(Some(area.to_owned())),
            (true, Some(home)) if home == area => Some(None),
            _ => None,
        }
    }

    /// Whether `entered` is the staff PIN. Without a configured PIN nothing matches.
    pub fn pin_matches(&self, entered: &str) -> bool {
        self.staff_pin_hash
            .as_ref()
            .is_some_and(|hash| hash.matches(entered))
    }

    /// The file with this configuration (what `werkmap kiosk pin --out` writes).
    pub fn to_json(&self) -> String {
        let value = serde_json::json!({
            "staff_pin_hash": self.staff_pin_hash,
            "inactivity_seconds": self.inactivity_seconds,
            "warning_seconds": self.warning_seconds,
            "area": self.area,
        });
        let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.push('\n');
        text
    }
}

// Comparing without an early exit: the PIN guards a shared public screen.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Wrong PINs in a row that cost nothing but the Argon2id run.
pub const FREE_TRIES: u32 = 3;
/// The wait after the first wrong PIN beyond [`FREE_TRIES`]; it doubles with each one more.
pub const FIRST_WAIT_SECONDS: u64 = 30;
/// The longest wait: one hour.
pub const MAX_WAIT_SECONDS: u64 = 3600;

/// Growing waits after wrong PINs, on the kiosk's own clock (milliseconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinGuard {
    failures: u32,
    /// No try before this moment.
    until_ms: u64,
}

impl PinGuard {
    /// Seconds still to wait before the next try (0: try now).
    pub fn wait_seconds(&self, now_ms: u64) -> u64 {
        self.until_ms.saturating_sub(now_ms).div_ceil(1000)
    }

    /// Counts a wrong PIN; returns the wait before the next try, in seconds.
    pub fn failed(&mut self, now_ms: u64) -> u64 {
        self.failures = self.failures.saturating_add(1);
        let beyond = self.failures.saturating_sub(FREE_TRIES);
        let wait = if beyond == 0 {
            0
        } else {
            FIRST_WAIT_SECONDS
                .saturating_mul(1u64 << (beyond - 1).min(20))
                .min(MAX_WAIT_SECONDS)
        };
        self.until_ms = now_ms.saturating_add(wait * 1000);
        wait
    }

    /// A right PIN: the count starts again.
    pub fn succeeded(&mut self) {
        *self = Self::default();
    }
}

/// A wait in plain words: "30 seconden", "2 minuten", "1 uur".
pub fn describe_wait(seconds: u64, language: Language) -> String {
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    match seconds {
        0..=90 => i18n::plural(language, "kiosk.wait_seconds", count(seconds), &[]),
        _ if seconds < 3600 => i18n::plural(
            language,
            "kiosk.wait_minutes",
            count(seconds.div_ceil(60)),
            &[],
        ),
        _ => i18n::plural(
            language,
            "kiosk.wait_hours",
            count(seconds.div_ceil(3600)),
            &[],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cheap costs: a debug build runs the real ones slowly.
    const CHEAP: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    fn hashed(pin: &str) -> PinHash {
        PinHash::with_cost(pin, [7; PIN_SALT_LEN], CHEAP).expect("a valid PIN")
    }

    #[test]
    fn parses_defaults_hash_and_limits() {
        let config = KioskConfig::parse("{}").expect("empty config is valid");
        assert_eq!(config, KioskConfig::default());
        assert!(
            !config.pin_matches("0000"),
            "no PIN configured: nothing opens"
        );
        assert_eq!(
            KioskConfig::parse(r#"{"staff_pin": null}"#),
            Ok(KioskConfig::default())
        );

        let with = KioskConfig {
            staff_pin_hash: Some(hashed("48213377")),
            inactivity_seconds: 5,
            warning_seconds: 3,
            area: Some("Utrecht".to_owned()),
        };
        let text = with.to_json();
        assert!(!text.contains("48213377"), "the file never holds the PIN");
        let config = KioskConfig::parse(&text).expect("valid");
        assert_eq!(config, with);
        assert!(config.pin_matches("48213377"));
        assert!(config.pin_matches(" 48213377 "));
        assert!(!config.pin_matches("48213378"));
        assert!(!config.pin_matches("482133770"));
        assert_eq!(PinHash::new("12", [0; 16]), Err(KioskConfigError::Pin));
        assert_eq!(PinHash::new("12ab", [0; 16]), Err(KioskConfigError::Pin));

        assert!(matches!(
            KioskConfig::parse(r#"{"inactivity_seconds": 0}"#),
            Err(KioskConfigError::Time { .. })
        ));
        assert!(matches!(
            KioskConfig::parse("not json"),
            Err(KioskConfigError::Json(_))
        ));
        let mut bad = serde_json::to_value(hashed("1234")).unwrap();
        bad["m_kib"] = 10_000_000.into();
        assert!(matches!(
            KioskConfig::parse(&serde_json::json!({ "staff_pin_hash": bad }).to_string()),
            Err(KioskConfigError::BadHash(_))
        ));
    }

    #[test]
    fn a_plain_pin_is_refused_with_the_way_to_fix_it() {
        // Issue 15, items 8 and 9: the PIN was served in plain text, and a broken file
        // ("staff_pin": 4821) said only "no staff code set".
        for file in [r#"{"staff_pin": "4821"}"#, r#"{"staff_pin": 4821}"#] {
            let error = KioskConfig::parse(file).expect_err("refused");
            assert_eq!(error, KioskConfigError::PlainPin);
            assert!(error.message(Language::Nl).contains("werkmap kiosk pin"));
            assert!(error.message(Language::En).contains("plain text"));
        }
        let error = KioskConfig::parse(r#"{"pin": "1234"}"#).expect_err("refused");
        assert!(
            error.message(Language::Nl).contains("unknown field"),
            "{error:?}"
        );
    }

    #[test]
    fn wrong_pins_make_the_wait_grow() {
        let mut guard = PinGuard::default();
        let mut now = 1_000_000;
        let waits: Vec<u64> = (0..9)
            .map(|_| {
                let wait = guard.failed(now);
                now += wait * 1000;
                wait
            })
            .collect();
        assert_eq!(waits, vec![0, 0, 0, 30, 60, 120, 240, 480, 960]);
        assert_eq!(guard.wait_seconds(now - 500), 1);
        assert_eq!(guard.wait_seconds(now), 0);
        for _ in 0..30 {
            guard.failed(now);
        }
        assert_eq!(guard.wait_seconds(now), MAX_WAIT_SECONDS);
        guard.succeeded();
        assert_eq!(guard.wait_seconds(now), 0);
        assert_eq!(describe_wait(30, Language::Nl), "30 seconden");
        assert_eq!(describe_wait(960, Language::Nl), "16 minuten");
        assert_eq!(describe_wait(3600, Language::En), "1 hour");
    }

    #[test]
    fn the_desks_area_is_home_until_the_visitor_gives_a_postcode() {
        let config = KioskConfig::parse(r#"{"area": " Utrecht "}"#).expect("valid");
        assert_eq!(config.area.as_deref(), Some("Utrecht"));
        assert_eq!(
            config.home_wish_change(false, None),
            Some(Some("Utrecht".to_owned()))
        );
        assert_eq!(config.home_wish_change(false, Some("Utrecht")), None);
        assert_eq!(config.home_wish_change(true, Some("Utrecht")), Some(None));
        assert_eq!(config.home_wish_change(true, None), None);
        assert_eq!(config.home_wish_change(true, Some("Zwolle")), None);
        assert_eq!(KioskConfig::default().home_wish_change(false, None), None);
        assert_eq!(
            KioskConfig::parse(&format!(r#"{{"area": "{}"}}"#, "x".repeat(81))),
            Err(KioskConfigError::Area)
        );
        assert_eq!(
            KioskConfig::parse(r#"{"area": ""}"#).map(|c| c.area),
            Ok(None)
        );
    }
}
