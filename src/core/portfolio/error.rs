//! Why a portfolio file was refused: one error for reading, decrypting and checking a file,
//! so the importer (`import`), the envelope (`crypto`) and the content checks (`checks`)
//! share it without depending on each other.

use crate::core::i18n;
use crate::core::text::Language;

/// Why a file was refused. [`PortfolioError::message`] gives the plain text for the screen;
/// `Display` is English, for logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PortfolioError {
    /// No bytes (or only spaces).
    #[error("the file is empty")]
    Empty,
    /// Larger than the import's limit (`import::MAX_FILE_BYTES`); refused before parsing.
    #[error("the file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// Not JSON at all (or not UTF-8 text).
    #[error("the file is not JSON text")]
    NotJson,
    /// Valid JSON, but not a Werkmap portfolio file.
    #[error("the file is not a Werkmap portfolio")]
    NotWerkmap,
    /// Arrays or objects nested deeper than the import's limit (`import::MAX_DEPTH`).
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
