//! `portfolio validate`.

use werkmap::core::portfolio::{self, Inspected, PortfolioError};
use werkmap::core::text::Language;

use crate::{env_value, read_capped, say, warn, Failure, ReadError};

/// Check portfolio files (*.werkmap.json).
///
/// Exit 0 when every file is valid, else one line per invalid file and exit 1. An encrypted
/// file is checked fully with the passphrase from --passphrase-env; without it only its
/// envelope is checked (a note on stderr) and it counts as valid.
#[derive(clap::Args)]
pub(crate) struct ValidateArgs {
    /// The portfolio files.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// The environment variable that holds the passphrase of encrypted files.
    #[arg(long = "passphrase-env", value_name = "VAR", value_parser = env_value)]
    passphrase: Option<String>,
}

/// `portfolio validate`: one line per invalid file on stdout (`<path>: <nl> / <en>`), exit 1
/// when there is any. Never panics: the importer refuses any bytes with a reason.
pub(crate) fn portfolio_validate(args: &ValidateArgs) -> Result<(), Failure> {
    let (files, passphrase) = (&args.files, &args.passphrase);
    let mut invalid = 0usize;
    for path in files {
        match validate_file(path, passphrase.as_deref()) {
            Ok(None) => {}
            Ok(Some(note)) => warn(format!("{path}: {note}")),
            Err((nl, en)) => {
                invalid += 1;
                say(format!("{path}: {nl} / {en}"));
            }
        }
    }
    if invalid == 0 {
        Ok(())
    } else {
        Err(Failure::new(
            format!("{invalid} van de {} bestanden is ongeldig", files.len()),
            format!("{invalid} of {} files invalid", files.len()),
        ))
    }
}

/// `Ok(None)`: valid; `Ok(Some(note))`: valid as far as it could be checked; `Err`: the
/// Dutch and English reason.
fn validate_file(path: &str, passphrase: Option<&str>) -> Result<Option<String>, (String, String)> {
    let refused =
        |error: PortfolioError| (error.message(Language::Nl), error.message(Language::En));
    let unreadable = |e: std::io::Error| {
        (
            format!("kan het bestand niet lezen ({e})"),
            format!("cannot read the file ({e})"),
        )
    };
    let bytes = read_capped(path, portfolio::MAX_FILE_BYTES).map_err(|error| match error {
        ReadError::Io(e) => unreadable(e),
        ReadError::TooLarge(size) => refused(PortfolioError::TooLarge {
            size,
            limit: portfolio::MAX_FILE_BYTES,
        }),
    })?;
    match portfolio::inspect(&bytes).map_err(refused)? {
        Inspected::Plain { .. } => Ok(None),
        Inspected::Encrypted => match passphrase {
            Some(passphrase) => portfolio::open(&bytes, Some(passphrase))
                .map(|_| None)
                .map_err(refused),
            None => Ok(Some(
                "versleuteld, niet gecontroleerd zonder wachtwoord / encrypted, not checked without a passphrase"
                    .to_owned(),
            )),
        },
    }
}
