//! Small browser chores shared by the screens: fetching one of the app's own files, reading
//! a picked file, saving a file, and letting the browser paint before a long step.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of one of the app's own files (`/data/vacancies.json`, `/kiosk.json`), or `None`
/// when it cannot be fetched (offline without a cached copy, a server error).
pub async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response = response.dyn_into::<web_sys::Response>().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?;
    text.as_string()
}

/// The file chosen in an `<input type="file">` whose change event this is.
pub fn picked_files(event: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let Some(files) = input.files() else {
        return Vec::new();
    };
    let picked = (0..files.length()).filter_map(|i| files.get(i)).collect();
    // Cleared, so that picking the same file again (a second try, the same backup file)
    // is seen as a new choice: browsers send no change event for an unchanged value.
    input.set_value("");
    picked
}

/// The bytes of a picked file.
pub async fn read_file(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser paint (a progress message) before a long synchronous step.
pub async fn yield_to_browser() {
    sleep(0).await;
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
    {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            link.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Random bytes from the browser's cryptographic generator (salts and nonces).
pub fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// `text` sealed with `passphrase` (Argon2id + XChaCha20-Poly1305, from `core::portfolio`),
/// or as it is when the passphrase is empty. Yields to the browser first: the key derivation
/// takes a moment on a slow device, and the "working" message should show.
/// An error is given as the message to show, in `language`.
pub async fn sealed(
    text: String,
    passphrase: &str,
    language: crate::core::text::Language,
) -> Result<String, String> {
    if passphrase.is_empty() {
        return Ok(text);
    }
    yield_to_browser().await;
    let (Some(salt), Some(nonce)) = (random_bytes::<16>(), random_bytes::<24>()) else {
        return Err(crate::core::i18n::text(language, "share.no_random").to_owned());
    };
    crate::core::portfolio::encrypt(&text, passphrase, salt, nonce).map_err(|e| e.message(language))
}
