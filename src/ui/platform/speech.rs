//! Read-aloud through the browser's speech synthesis, where the browser has it.

use leptos::prelude::*;

use crate::core::text::Language;

use crate::ui::state::use_app;

fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    let window = web_sys::window()?;
    // Checked first: on browsers without the API the getter would not return an object.
    let present = js_sys::Reflect::has(&window, &"speechSynthesis".into()).unwrap_or(false);
    if !present {
        return None;
    }
    window.speech_synthesis().ok()
}

pub fn is_available() -> bool {
    synthesis().is_some()
}

/// Speaks `text`, interrupting anything still being read.
pub fn speak(text: &str, language: Language) {
    let Some(synthesis) = synthesis() else {
        return;
    };
    synthesis.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang(language.tag());
        // Slightly slower than default: many users read (and listen to) Dutch as a second language.
        utterance.set_rate(0.9);
        synthesis.speak(&utterance);
    }
}

/// Stops anything being read (a kiosk wipe must not keep talking about the last visitor).
pub fn stop() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}

/// Whether the device has a voice for `language` (the synthesis can exist without any voice,
/// as on many Linux machines and some cheap phones).
fn has_voice(language: Language) -> bool {
    let Some(synthesis) = synthesis() else {
        return false;
    };
    let voices = synthesis.get_voices();
    let prefix = language.code();
    (0..voices.length()).any(|i| {
        js_sys::Reflect::get(&voices.get(i), &"lang".into())
            .ok()
            .and_then(|lang| lang.as_string())
            .is_some_and(|lang| lang.to_ascii_lowercase().starts_with(prefix))
    })
}

/// "Lees voor": reads `text` aloud, or — on a device without a voice for the language — says
/// so in its own place, so nothing around it moves.
#[component]
pub fn ReadAloud(
    text: impl Fn() -> String + Send + Sync + 'static,
    /// The id of what is read (the question's legend).
    described_by: String,
) -> impl IntoView {
    let app = use_app();
    let no_voice = RwSignal::new(false);
    let on_click = move |_| {
        let language = app.language();
        if has_voice(language) {
            no_voice.set(false);
            speak(&text(), language);
        } else {
            no_voice.set(true);
        }
    };
    view! {
        <button
            type="button"
            class="read-aloud"
            class:no-voice=move || no_voice.get()
            aria-describedby=described_by
            on:click=on_click
        >
            <svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor"/>
                <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>
            </svg>
            <span aria-live="polite">
                {move || if no_voice.get() { app.t("question.no_voice") } else { app.t("question.read_aloud") }}
            </span>
        </button>
    }
}
