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
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            staff_pin: None,
            inactivity_seconds: DEFAULT_INACTIVITY_SECONDS,
            warning_seconds: DEFAULT_WARNING_SECONDS,
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    staff_pin: Option<String>,
    inactivity_seconds: Option<u32>,
    warning_seconds: Option<u32>,
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
        Ok(Self {
            staff_pin: raw.staff_pin,
            inactivity_seconds: inactivity,
            warning_seconds: warning,
        })
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
}
