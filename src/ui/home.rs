//! Start screen: begin or continue the self-test, see results, wipe everything.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use super::state::use_app;

#[component]
pub fn HomeScreen() -> impl IntoView {
    let app = use_app();
    let has_answers = move || app.state.with(|s| !s.answers.is_empty());
    let has_history = move || app.state.with(|s| !s.history.is_empty());

    view! {
        <h1>{move || app.t("home.title")}</h1>
        <p class="lead">{move || app.t("home.intro")}</p>
        <div class="actions">
            <A href="/zelftest" attr:class="button primary" attr:data-primary="true">
                {move || if has_answers() { app.t("home.continue") } else { app.t("home.start") }}
            </A>
            <Show when=has_history>
                <A href="/uitslag" attr:class="button">{move || app.t("home.view_result")}</A>
                <A href="/geschiedenis" attr:class="button">{move || app.t("home.view_history")}</A>
            </Show>
        </div>
        <p>{move || app.t("home.saved_here")}</p>
        <WipeAll/>
    }
}

/// "Wis alles" with an explicit confirmation step.
#[component]
pub fn WipeAll() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(false);
    // Keyboard and screen-reader users must not lose their place when the buttons swap:
    // the question puts focus on the safe choice, closing it returns focus to "Wis alles".
    // (The `autofocus` attribute is not honoured on elements inserted after page load.)
    let cancel_button = NodeRef::<html::Button>::new();
    let wipe_button = NodeRef::<html::Button>::new();
    let return_focus = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(button) = cancel_button.get() {
            let _ = button.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(button) = wipe_button.get() {
            if return_focus.get_value() {
                return_focus.set_value(false);
                let _ = button.focus();
            }
        }
    });

    view! {
        <section class="wipe" aria-labelledby="wipe-title">
            <h2 id="wipe-title">{move || app.t("wipe.title")}</h2>
            <p>{move || app.t("wipe.explain")}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button danger" node_ref=wipe_button on:click=move |_| {
                        done.set(false);
                        confirming.set(true);
                    }>
                        {move || app.t("wipe.button")}
                    </button>
                }
            >
                <div role="alertdialog" aria-labelledby="wipe-confirm" class="confirm">
                    <p id="wipe-confirm">{move || app.t("wipe.confirm")}</p>
                    <button type="button" class="button danger" on:click=move |_| {
                        app.wipe_all();
                        return_focus.set_value(true);
                        confirming.set(false);
                        done.set(true);
                    }>
                        {move || app.t("wipe.yes")}
                    </button>
                    <button type="button" class="button" node_ref=cancel_button on:click=move |_| {
                        return_focus.set_value(true);
                        confirming.set(false);
                    }>
                        {move || app.t("wipe.no")}
                    </button>
                </div>
            </Show>
            <p role="status">{move || done.get().then(|| app.t("wipe.done"))}</p>
        </section>
    }
}
