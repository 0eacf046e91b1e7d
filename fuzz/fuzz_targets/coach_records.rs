//! The coach's stored records (IndexedDB) read back never panic, whatever is stored: each is
//! a client that passes the file checks, or counted as unreadable. A client read back and
//! stored again reads back the same; one person is never listed twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use werkmap::core::coach::{Caseload, Client};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    // The same bytes as one record, as two records under two keys, and as a value of
    // another kind.
    let stored = Caseload::from_records(vec![
        ("a".to_owned(), Some(text.clone())),
        ("b".to_owned(), Some(text.clone())),
        ("c".to_owned(), None),
    ]);
    match stored.caseload.len() {
        // Readable: one client from both keys; only the value of another kind is unreadable.
        1 => assert_eq!(stored.unreadable, 1),
        0 => assert_eq!(stored.unreadable, 3),
        more => panic!("one person listed {more} times"),
    }
    if let Ok(client) = Client::from_json(&text) {
        let again = Client::from_json(&client.to_json());
        assert_eq!(again.as_ref().ok(), Some(&client), "{again:?}");
    }
});
