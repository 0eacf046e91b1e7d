//! Adapters to the browser: files, downloads and timers (`browser`), local storage as a
//! `core::storage::KeyValueStore` (`browser_store`), IndexedDB (`idb`), reading aloud
//! (`speech`) and the service worker (`offline`). Nothing here knows a screen or a rule;
//! screens call these, never `web_sys` for the same job themselves.

pub mod browser;
pub mod browser_store;
pub mod idb;
pub mod offline;
pub mod speech;
