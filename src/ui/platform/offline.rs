//! Registers the service worker (`public/sw.js`) that keeps the app's own files for offline
//! use. Where the browser has no service workers the app simply needs the network.

pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if !supported {
        return;
    }
    // The promise settles on its own; a failed registration only means no offline copy.
    let _ = navigator.service_worker().register("/sw.js");
}
