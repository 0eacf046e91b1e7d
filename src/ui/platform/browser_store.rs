//! Browser local storage as a [`KeyValueStore`].

use wasm_bindgen::{JsCast, JsValue};

use crate::core::storage::{KeyValueStore, StorageError};

pub struct BrowserStore {
    storage: Option<web_sys::Storage>,
}

impl BrowserStore {
    /// `window.localStorage`, or a store that reports itself unavailable (storage disabled,
    /// some private modes): the app then still works, and says it cannot save.
    pub fn local() -> Self {
        let storage = web_sys::window().and_then(|window| window.local_storage().ok().flatten());
        Self { storage }
    }

    fn storage(&self) -> Result<&web_sys::Storage, StorageError> {
        self.storage
            .as_ref()
            .ok_or_else(|| StorageError::Unavailable("no local storage".into()))
    }
}

fn describe(error: JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) if exception.name() == "QuotaExceededError" => StorageError::Full,
        Some(exception) => StorageError::Unavailable(exception.message()),
        None => StorageError::Unavailable(format!("{error:?}")),
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage()?.get_item(key).map_err(describe)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage()?.set_item(key, value).map_err(describe)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.storage()?.remove_item(key).map_err(describe)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = self.storage()?;
        let length = storage.length().map_err(describe)?;
        let mut keys = Vec::with_capacity(length as usize);
        for index in 0..length {
            if let Some(key) = storage.key(index).map_err(describe)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
