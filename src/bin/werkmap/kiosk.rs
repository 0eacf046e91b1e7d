//! `kiosk pin`.

use std::path::Path;

use werkmap::core::text::Language;

use crate::{env_value, read_capped, say, warn, write_atomically, Failure};

/// Hash a new staff PIN (4 to 8 digits; 8 is advised) for kiosk mode.
///
/// The PIN is read from the environment variable of --pin-env, else from the first line of
/// stdin. --out writes it into kiosk.json (keeping its times, dropping a plain staff_pin),
/// else it is printed.
#[derive(clap::Args)]
pub(crate) struct KioskPinArgs {
    /// The environment variable that holds the PIN.
    #[arg(long = "pin-env", value_name = "VAR", value_parser = env_value)]
    pin: Option<String>,
    /// The kiosk.json to write the hash into.
    #[arg(long, value_name = "FILE")]
    out: Option<String>,
}

/// `kiosk pin`: a salted Argon2id hash of a new staff PIN for kiosk.json.
pub(crate) fn kiosk_pin(args: &KioskPinArgs) -> Result<(), Failure> {
    use werkmap::core::kiosk::{KioskConfig, PinHash, PIN_SALT_LEN};
    let pin = match &args.pin {
        Some(pin) => pin.clone(),
        None => {
            warn("Typ de nieuwe personeelscode (4 tot 8 cijfers) en Enter / Type the new staff PIN (4 to 8 digits) and Enter:");
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).map_err(|e| {
                Failure::new(
                    format!("kan de code niet lezen: {e}"),
                    format!("cannot read the PIN: {e}"),
                )
            })?;
            line
        }
    };
    let salt = random_salt::<PIN_SALT_LEN>()?;
    let hash = PinHash::new(&pin, salt)
        .map_err(|e| Failure::new(e.message(Language::Nl), e.message(Language::En)))?;
    let mut config = KioskConfig {
        staff_pin_hash: Some(hash),
        ..KioskConfig::default()
    };
    let Some(out) = args.out.as_deref() else {
        say(config.to_json());
        return Ok(());
    };
    // Keep the times of an existing file, whatever else it holds (a plain PIN goes).
    if let Ok(bytes) = read_capped(out, 64 * 1024) {
        if let Ok(old) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            let seconds = |key: &str| {
                old.get(key)
                    .and_then(serde_json::Value::as_u64)
                    .and_then(|n| u32::try_from(n).ok())
            };
            if let Some(s) = seconds("inactivity_seconds") {
                config.inactivity_seconds = s;
            }
            if let Some(s) = seconds("warning_seconds") {
                config.warning_seconds = s;
            }
        }
    }
    let text = config.to_json();
    KioskConfig::parse(&text)
        .map_err(|e| Failure::new(e.message(Language::Nl), e.message(Language::En)))?;
    write_atomically(Path::new(out), &text)?;
    say(format!(
        "de personeelscode staat versleuteld in {out} / the staff PIN is stored hashed in {out}"
    ));
    Ok(())
}

/// Random bytes from the operating system.
fn random_salt<const N: usize>() -> Result<[u8; N], Failure> {
    let mut salt = [0u8; N];
    getrandom::fill(&mut salt).map_err(|e| {
        Failure::new(
            format!("geen willekeurige getallen van het systeem: {e}"),
            format!("no random numbers from the system: {e}"),
        )
    })?;
    Ok(salt)
}
