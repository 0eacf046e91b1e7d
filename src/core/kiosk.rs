//! Kiosk configuration (`public/kiosk.json`, served as `/kiosk.json`): the staff PIN and the
//! inactivity times. The PIN lives only in that file, set by the youth desk; the shipped file
//! has none, which means a kiosk cannot be left through the app until staff set one.

use serde::Deserialize;
use thiserror::Error;

pub const DEFAULT_INACTIVITY_SECONDS: u32 = 120;
pub const DEFAULT_WARNING_SECONDS: u32 = 30;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskConfig {
    pub staff_pin: Option<String>,
    /// Seconds without a touch before "Ben je er nog?" appears.
    pub inactivity_seconds: u32,
    /// Seconds the warning stays before everything is wiped.
    pub warning_seconds: u32,
    /// The desk's area (a place or a postcode): where a visitor who gives no postcode is
    /// taken to live, so the vacancies shown are near the desk.
    pub area: Option<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            staff_pin: None,
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
    #[error("kiosk.json: times must be between {min} and {max} seconds")]
    Time { min: u32, max: u32 },
    #[error("kiosk.json: the area must be a place or a postcode of at most 80 characters")]
    Area,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    staff_pin: Option<String>,
    inactivity_seconds: Option<u32>,
    warning_seconds: Option<u32>,
    #[serde(default)]
    area: Option<String>,
}

impl KioskConfig {
    pub fn parse(json: &str) -> Result<Self, KioskConfigError> {
        let raw: RawConfig =
            serde_json::from_str(json).map_err(|e| KioskConfigError::Json(e.to_string()))?;
        if let Some(pin) = &raw.staff_pin {
            if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
                return Err(KioskConfigError::Pin);
            }
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
            staff_pin: raw.staff_pin,
            inactivity_seconds: inactivity,
            warning_seconds: warning,
            area,
        })
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
        self.staff_pin
            .as_deref()
            .is_some_and(|pin| constant_time_eq(pin.as_bytes(), entered.trim().as_bytes()))
    }
}

// Comparing without an early exit: the PIN guards a shared public screen.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_defaults_pin_and_limits() {
        let config = KioskConfig::parse("{}").expect("empty config is valid");
        assert_eq!(config, KioskConfig::default());
        assert!(
            !config.pin_matches("0000"),
            "no PIN configured: nothing opens"
        );

        let config = KioskConfig::parse(
            r#"{"staff_pin": "4821", "inactivity_seconds": 5, "warning_seconds": 3}"#,
        )
        .expect("valid");
        assert!(config.pin_matches("4821"));
        assert!(config.pin_matches(" 4821 "));
        assert!(!config.pin_matches("4822"));
        assert!(!config.pin_matches("48210"));
        assert_eq!((config.inactivity_seconds, config.warning_seconds), (5, 3));

        assert_eq!(
            KioskConfig::parse(r#"{"staff_pin": "12"}"#),
            Err(KioskConfigError::Pin)
        );
        assert_eq!(
            KioskConfig::parse(r#"{"staff_pin": "12ab"}"#),
            Err(KioskConfigError::Pin)
        );
        assert!(matches!(
            KioskConfig::parse(r#"{"inactivity_seconds": 0}"#),
            Err(KioskConfigError::Time { .. })
        ));
        assert!(matches!(
            KioskConfig::parse("not json"),
            Err(KioskConfigError::Json(_))
        ));
        assert!(matches!(
            KioskConfig::parse(r#"{"pin": "1234"}"#),
            Err(KioskConfigError::Json(_))
        ));
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
