//! Optional passphrase encryption of a whole portfolio file.
//!
//! The encrypted file is a small JSON envelope that says what it is and nothing else:
//!
//! ```json
//! { "format": "werkmap-portfolio-encrypted", "version": 1,
//!   "kdf": { "name": "argon2id", "m_kib": 19456, "t": 2, "p": 1, "salt": "<base64>" },
//!   "cipher": "xchacha20poly1305", "nonce": "<base64>", "ciphertext": "<base64>" }
//! ```
//!
//! - Key: Argon2id (version 0x13) of the passphrase (Unicode NFC, so the same passphrase
//!   typed on another keyboard gives the same key) with a 16-byte random salt, 32 bytes out.
//! - Cipher: XChaCha20-Poly1305 with a 24-byte random nonce; the associated data is
//!   [`ASSOCIATED_DATA`]. The plaintext is the plain portfolio file's text (UTF-8 JSON).
//! - Base64 is standard with padding.
//!
//! **Parameters** ([`KdfParams::DEFAULT`]): 19 MiB of memory (19,456 KiB), 2 passes, 1 lane:
//! OWASP's minimum recommendation for Argon2id. It is memory-hard enough that guessing is
//! expensive on GPUs, yet it runs in a browser on a cheap phone (the wasm build is single
//! threaded, so more lanes would not help; 19 MiB fits the memory of any phone browser).
//! Reading accepts other parameters within [`KdfParams::MAX_M_KIB`] and [`KdfParams::MAX_T`],
//! so a hostile file cannot make the app allocate gigabytes or spin for minutes.
//!
//! The core stays pure: the caller supplies the random salt and nonce (the browser from
//! `crypto.getRandomValues`, tests from fixed bytes). Never reuse a nonce with the same salt
//! and passphrase.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::core::i18n;
use crate::core::text::Language;

use super::error::PortfolioError;

/// `format` of an encrypted portfolio file.
pub(crate) const ENCRYPTED_FORMAT: &str = "werkmap-portfolio-encrypted";
/// The envelope version this program writes and the newest it reads.
const ENCRYPTED_VERSION: u32 = 1;
const KDF_NAME: &str = "argon2id";
const CIPHER_NAME: &str = "xchacha20poly1305";
/// Bound to the ciphertext, so a ciphertext cannot be moved into another kind of envelope.
const ASSOCIATED_DATA: &[u8] = b"werkmap-portfolio-encrypted/1";
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;
const KEY_LEN: usize = 32;

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes over the memory.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// What [`encrypt`] uses: 19 MiB, 2 passes, 1 lane (see the module docs).
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 19_456,
        t: 2,
        p: 1,
    };
    /// The most memory a file may ask for: 64 MiB.
    pub const MAX_M_KIB: u32 = 64 * 1024;
    /// The most passes a file may ask for.
    pub const MAX_T: u32 = 10;
    /// The least memory accepted (Argon2's minimum for one lane).
    pub const MIN_M_KIB: u32 = 8;

    fn check(self) -> Result<Params, String> {
        if self.p != 1 {
            return Err(format!("kdf.p is {}, only 1 is supported", self.p));
        }
        if !(Self::MIN_M_KIB..=Self::MAX_M_KIB).contains(&self.m_kib) {
            return Err(format!(
                "kdf.m_kib is {}, expected {} to {}",
                self.m_kib,
                Self::MIN_M_KIB,
                Self::MAX_M_KIB
            ));
        }
        if !(1..=Self::MAX_T).contains(&self.t) {
            return Err(format!(
                "kdf.t is {}, expected 1 to {}",
                self.t,
                Self::MAX_T
            ));
        }
        Params::new(self.m_kib, self.t, self.p, Some(KEY_LEN)).map_err(|e| e.to_string())
    }
}

/// Why a file could not be encrypted. `Display` is English, for logs;
/// [`EncryptError::message`] gives the plain message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncryptError {
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    /// The parameters are outside what [`decrypt`] accepts (only with [`encrypt_with`]).
    #[error("bad encryption parameters: {0}")]
    BadParameters(String),
}

impl EncryptError {
    pub fn message(&self, language: Language) -> String {
        match self {
            EncryptError::EmptyPassphrase => {
                i18n::text(language, "portfolio.encrypt_error.empty_passphrase").to_owned()
            }
            EncryptError::BadParameters(detail) => i18n::format(
                language,
                "portfolio.encrypt_error.bad_parameters",
                &[("detail", detail)],
            ),
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    format: String,
    version: u32,
    kdf: Kdf,
    cipher: String,
    nonce: String,
    ciphertext: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kdf {
    name: String,
    m_kib: u32,
    t: u32,
    p: u32,
    salt: String,
}

/// Encrypts a portfolio file's text with [`KdfParams::DEFAULT`]; returns the envelope
/// (pretty JSON). `salt` and `nonce` must be fresh random bytes.
pub fn encrypt(
    json: &str,
    passphrase: &str,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
) -> Result<String, EncryptError> {
    encrypt_with(json, passphrase, salt, nonce, KdfParams::DEFAULT)
}

/// [`encrypt`] with other Argon2id parameters (tests use cheap ones).
pub fn encrypt_with(
    json: &str,
    passphrase: &str,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    params: KdfParams,
) -> Result<String, EncryptError> {
    if passphrase.is_empty() {
        return Err(EncryptError::EmptyPassphrase);
    }
    let key = derive_key(passphrase, &salt, params).map_err(EncryptError::BadParameters)?;
    let cipher = XChaCha20Poly1305::new(&key.into());
    let ciphertext = cipher
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: json.as_bytes(),
                aad: ASSOCIATED_DATA,
            },
        )
        .map_err(|e| EncryptError::BadParameters(e.to_string()))?;
    let envelope = Envelope {
        format: ENCRYPTED_FORMAT.to_owned(),
        version: ENCRYPTED_VERSION,
        kdf: Kdf {
            name: KDF_NAME.to_owned(),
            m_kib: params.m_kib,
            t: params.t,
            p: params.p,
            salt: STANDARD.encode(salt),
        },
        cipher: CIPHER_NAME.to_owned(),
        nonce: STANDARD.encode(nonce),
        ciphertext: STANDARD.encode(ciphertext),
    };
    serde_json::to_string_pretty(&envelope).map_err(|e| EncryptError::BadParameters(e.to_string()))
}

/// Derives the 32-byte key (public so the timing can be measured).
pub fn derive_key(passphrase: &str, salt: &[u8], params: KdfParams) -> Result<[u8; 32], String> {
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.check()?);
    let normalized: String = passphrase.nfc().collect();
    let mut key = [0u8; KEY_LEN];
    argon2
        .hash_password_into(normalized.as_bytes(), salt, &mut key)
        .map_err(|e| e.to_string())?;
    Ok(key)
}

/// Checks an envelope's shape without decrypting (the app then asks for the passphrase).
pub(crate) fn check_envelope(value: serde_json::Value) -> Result<(), PortfolioError> {
    parse_envelope(value).map(|_| ())
}

struct Parsed {
    params: KdfParams,
    salt: Vec<u8>,
    nonce: Vec<u8>,
    ciphertext: Vec<u8>,
}

fn parse_envelope(value: serde_json::Value) -> Result<Parsed, PortfolioError> {
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| PortfolioError::Damaged("the encrypted file has no version".into()))?;
    if version > u64::from(ENCRYPTED_VERSION) {
        return Err(PortfolioError::NewerVersion(
            u32::try_from(version).unwrap_or(u32::MAX),
        ));
    }
    let envelope: Envelope =
        serde_json::from_value(value).map_err(|e| PortfolioError::Damaged(e.to_string()))?;
    let damaged = |detail: &str| PortfolioError::Damaged(detail.to_owned());
    if envelope.version != ENCRYPTED_VERSION {
        return Err(damaged("unknown encrypted file version"));
    }
    if envelope.kdf.name != KDF_NAME {
        return Err(damaged("kdf.name is not argon2id"));
    }
    if envelope.cipher != CIPHER_NAME {
        return Err(damaged("cipher is not xchacha20poly1305"));
    }
    let params = KdfParams {
        m_kib: envelope.kdf.m_kib,
        t: envelope.kdf.t,
        p: envelope.kdf.p,
    };
    params.check().map_err(PortfolioError::Damaged)?;
    let decode = |field: &str, text: &str| {
        STANDARD
            .decode(text)
            .map_err(|e| PortfolioError::Damaged(format!("{field} is not base64: {e}")))
    };
    let salt = decode("kdf.salt", &envelope.kdf.salt)?;
    let nonce = decode("nonce", &envelope.nonce)?;
    let ciphertext = decode("ciphertext", &envelope.ciphertext)?;
    if salt.len() != SALT_LEN {
        return Err(damaged("kdf.salt is not 16 bytes"));
    }
    if nonce.len() != NONCE_LEN {
        return Err(damaged("nonce is not 24 bytes"));
    }
    Ok(Parsed {
        params,
        salt,
        nonce,
        ciphertext,
    })
}

/// Decrypts an envelope to the plain file's text.
pub(crate) fn decrypt(
    value: serde_json::Value,
    passphrase: &str,
) -> Result<Vec<u8>, PortfolioError> {
    let parsed = parse_envelope(value)?;
    let key =
        derive_key(passphrase, &parsed.salt, parsed.params).map_err(PortfolioError::Damaged)?;
    let cipher = XChaCha20Poly1305::new(&key.into());
    cipher
        .decrypt(
            XNonce::from_slice(&parsed.nonce),
            Payload {
                msg: &parsed.ciphertext,
                aad: ASSOCIATED_DATA,
            },
        )
        .map_err(|_| PortfolioError::WrongPassphrase)
}
