//! Read-aloud through the browser's speech synthesis, where the browser has it.

use crate::core::text::Language;

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
