//! Opening a portfolio file never panics, whatever the bytes: it opens, or it is refused
//! with a message in both languages. An opened file written out again opens to the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use werkmap::core::portfolio::{inspect, open, Inspected};
use werkmap::core::text::Language;

fuzz_target!(|data: &[u8]| {
    match inspect(data) {
        Ok(Inspected::Plain { portfolio, .. }) => {
            let again = open(portfolio.to_json().as_bytes(), None);
            assert_eq!(again.ok().as_ref(), Some(portfolio.as_ref()));
        }
        Ok(Inspected::Encrypted) => {
            // Without the passphrase it must ask for one, never open.
            assert!(open(data, None).is_err());
            let _ = open(data, Some("fuzz"));
        }
        Err(error) => {
            assert!(!error.message(Language::Nl).is_empty());
            assert!(!error.message(Language::En).is_empty());
        }
    }
});
