//! A small IndexedDB store for coach mode: text records by key, in object stores of one
//! database. A caseload of several hundred portfolios does not fit in local storage (about
//! 5 MB for the whole origin, shared with the job seeker's data); IndexedDB holds far more
//! and keeps the coach's data apart from the job seeker's.
//!
//! Everything is read once at start into memory (`all`), and each change is written back
//! (`put`, `delete`): the caseload logic stays synchronous in `core::coach`.

use js_sys::{Array, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

/// Why IndexedDB could not be used (disabled, private mode, quota).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdbError(pub String);

fn error(context: &str, value: JsValue) -> IdbError {
    let detail = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_default();
    IdbError(format!("{context}: {detail}"))
}

/// A request as a promise of its result.
fn settle(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let result = done.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let reason = failed
                .error()
                .ok()
                .flatten()
                .map(|e| JsValue::from(e.message()))
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &reason);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

/// One database with named object stores of text records.
#[derive(Clone)]
pub struct Idb {
    db: IdbDatabase,
}

impl Idb {
    /// Opens (and on first use creates) the database with these object stores.
    pub async fn open(name: &str, stores: &'static [&'static str]) -> Result<Self, IdbError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| IdbError("IndexedDB is not available".into()))?;
        let request = factory
            .open_with_u32(name, 1)
            .map_err(|e| error("open", e))?;
        let upgrading = request.clone();
        let on_upgrade = Closure::once_into_js(move |_: web_sys::Event| {
            if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let existing = db.object_store_names();
                for store in stores {
                    if !existing.contains(store) {
                        let _ = db.create_object_store(store);
                    }
                }
            }
        });
        request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = JsFuture::from(settle(&request))
            .await
            .map_err(|e| error("open", e))?
            .dyn_into::<IdbDatabase>()
            .map_err(|e| error("open", e))?;
        Ok(Self { db })
    }

    fn store(
        &self,
        store: &str,
        mode: IdbTransactionMode,
    ) -> Result<web_sys::IdbObjectStore, IdbError> {
        self.db
            .transaction_with_str_and_mode(store, mode)
            .and_then(|t| t.object_store(store))
            .map_err(|e| error("transaction", e))
    }

    /// Every record of a store as (key, text); `None` for a value that is not text (a
    /// record of another kind, written by something else), so it is counted, not skipped.
    /// A record whose key is not text comes as an empty key with `None`.
    pub async fn all(&self, store: &str) -> Result<Vec<(String, Option<String>)>, IdbError> {
        let object_store = self.store(store, IdbTransactionMode::Readonly)?;
        let keys = object_store.get_all_keys().map_err(|e| error("keys", e))?;
        let values = object_store.get_all().map_err(|e| error("values", e))?;
        let keys: Array = JsFuture::from(settle(&keys))
            .await
            .map_err(|e| error("keys", e))?
            .unchecked_into();
        let values: Array = JsFuture::from(settle(&values))
            .await
            .map_err(|e| error("values", e))?
            .unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(k, v)| match k.as_string() {
                Some(k) => (k, v.as_string()),
                None => (String::new(), None),
            })
            .collect())
    }

    pub async fn put(&self, store: &str, key: &str, text: &str) -> Result<(), IdbError> {
        let request = self
            .store(store, IdbTransactionMode::Readwrite)?
            .put_with_key(&JsValue::from_str(text), &JsValue::from_str(key))
            .map_err(|e| error("put", e))?;
        JsFuture::from(settle(&request))
            .await
            .map(|_| ())
            .map_err(|e| error("put", e))
    }

    pub async fn delete(&self, store: &str, key: &str) -> Result<(), IdbError> {
        let request = self
            .store(store, IdbTransactionMode::Readwrite)?
            .delete(&JsValue::from_str(key))
            .map_err(|e| error("delete", e))?;
        JsFuture::from(settle(&request))
            .await
            .map(|_| ())
            .map_err(|e| error("delete", e))
    }

    pub async fn clear(&self, store: &str) -> Result<(), IdbError> {
        let request = self
            .store(store, IdbTransactionMode::Readwrite)?
            .clear()
            .map_err(|e| error("clear", e))?;
        JsFuture::from(settle(&request))
            .await
            .map(|_| ())
            .map_err(|e| error("clear", e))
    }
}
