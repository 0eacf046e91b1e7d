//! Saving the work map as a file: consent per section, optional passphrase; and the CV in
//! the JSON Resume format.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::cv::{json_resume, CvChoices};
use crate::core::i18n;
use crate::core::portfolio::{
    export, section_contents, ExportChoices, PrivateParts, ProfileChoices, Section,
};

use crate::ui::platform::browser;
use crate::ui::state::{now, use_app};

#[component]
pub(super) fn ExportCard() -> impl IntoView {
    let app = use_app();
    // Everything is ticked at first; the job seeker unticks what stays private.
    let chosen = RwSignal::new(Section::ALL.into_iter().collect::<BTreeSet<_>>());
    let alias = RwSignal::new(String::new());
    let age_band = RwSignal::new(false);
    let postcode = RwSignal::new(false);
    let private_too = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let status = RwSignal::new(None::<(bool, String)>);
    let has_private = move || {
        app.state.with(|s| {
            PrivateParts::of(app.selftest)
                .questions
                .iter()
                .any(|q| s.answers.get(q).is_some())
        })
    };
    let save = move |_| {
        let language = app.language();
        let pass = passphrase.get_untracked();
        if pass != again.get_untracked() {
            status.set(Some((
                false,
                i18n::text(language, "share.pass_mismatch").to_owned(),
            )));
            return;
        }
        let sections: BTreeSet<Section> = chosen.get_untracked();
        if sections.is_empty() {
            status.set(Some((
                false,
                i18n::text(language, "share.nothing_chosen").to_owned(),
            )));
            return;
        }
        let choices = ExportChoices {
            sections,
            profile: ProfileChoices {
                alias: Some(alias.get_untracked()),
                age_band: age_band.get_untracked(),
                postcode: postcode.get_untracked(),
            },
            leave_out: if private_too.get_untracked() {
                PrivateParts::default()
            } else {
                PrivateParts::of(app.selftest)
            },
        };
        let now = now();
        let agreements = app
            .state
            .with_untracked(|s| s.agreements.as_ref().map(|a| a.agreements.clone()));
        let text = app
            .state
            .with_untracked(|s| export(s, agreements.as_ref(), &choices, now));
        let name = file_name(&alias.get_untracked(), now.date());
        if pass.is_empty() {
            browser::download(&name, "application/json", &text);
            status.set(Some((true, i18n::text(language, "share.saved").to_owned())));
            return;
        }
        status.set(Some((
            true,
            i18n::text(language, "share.encrypting").to_owned(),
        )));
        spawn_local(async move {
            match browser::sealed(text, &pass, language).await {
                Ok(sealed) => {
                    browser::download(&name, "application/json", &sealed);
                    status.set(Some((
                        true,
                        i18n::text(language, "share.saved_encrypted").to_owned(),
                    )));
                }
                Err(message) => status.set(Some((false, message))),
            }
        });
    };
    let section_row = move |section: Section| {
        let id = format!("share-{}", section.key());
        let contents = move || {
            app.state.with(|s| {
                let profile = ProfileChoices {
                    alias: None,
                    age_band: age_band.get(),
                    postcode: postcode.get(),
                };
                section_contents(s, section, &profile, app.language())
            })
        };
        let for_label = id.clone();
        view! {
            {move || contents().map(|text| {
                let id = id.clone();
                let for_label = for_label.clone();
                view! {
                    <div class="option share-section">
                        <input type="checkbox" id=id.clone()
                            prop:checked=move || chosen.with(|c| c.contains(&section))
                            on:change=move |_| chosen.update(|c| {
                                if !c.remove(&section) {
                                    c.insert(section);
                                }
                            })/>
                        <label for=for_label>
                            <span><strong>{section.label(app.language())}</strong><br/>
                                <span class="hint">{text}</span></span>
                        </label>
                    </div>
                }
            })}
        }
    };
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{move || app.t("share.export_title")}</h2>
            <p>{move || app.t("share.export_intro")}</p>
            <fieldset class="field">
                <legend>{move || app.t("share.sections")}</legend>
                {section_row(Section::Profile)}
                <Show when=move || chosen.with(|c| c.contains(&Section::Profile))>
                    <div class="field indent">
                        <label for="share-alias">{move || app.t("share.alias")}</label>
                        <input id="share-alias" type="text" autocomplete="nickname" maxlength="100"
                            prop:value=move || alias.get()
                            on:input=move |e| alias.set(event_target_value(&e))/>
                    </div>
                </Show>
                {section_row(Section::Selftest)}
                <Show when=move || has_private() && chosen.with(|c| c.contains(&Section::Selftest))>
                    <div class="option indent">
                        <input type="checkbox" id="share-private" prop:checked=move || private_too.get()
                            on:change=move |_| private_too.update(|v| *v = !*v)/>
                        <label for="share-private">{move || app.t("share.private")}</label>
                    </div>
                </Show>
                {section_row(Section::Competences)}
                {section_row(Section::Vacancies)}
                {section_row(Section::Activities)}
                {section_row(Section::Agreements)}
            </fieldset>
            // Age and postcode are asked once, for the whole file: unticked, they are in no
            // section at all (the section texts above say so).
            <Show when=move || chosen.with(|c| c.contains(&Section::Profile) || c.contains(&Section::Selftest))>
                <fieldset class="field">
                    <legend>{move || app.t("share.age_postcode")}</legend>
                    <div class="option">
                        <input type="checkbox" id="share-age" prop:checked=move || age_band.get()
                            on:change=move |_| age_band.update(|v| *v = !*v)/>
                        <label for="share-age">{move || app.t("share.age")}</label>
                    </div>
                    <div class="option">
                        <input type="checkbox" id="share-postcode" prop:checked=move || postcode.get()
                            on:change=move |_| postcode.update(|v| *v = !*v)/>
                        <label for="share-postcode">{move || app.t("share.postcode")}</label>
                    </div>
                </fieldset>
            </Show>
            <fieldset class="field">
                <legend>{move || app.t("share.pass_title")}</legend>
                <p class="hint">{move || app.t("share.pass_hint")}</p>
                <label for="share-pass">{move || app.t("share.pass")}</label>
                <input id="share-pass" type="password" autocomplete="new-password"
                    prop:value=move || passphrase.get() on:input=move |e| passphrase.set(event_target_value(&e))/>
                <label for="share-pass-again">{move || app.t("share.pass_again")}</label>
                <input id="share-pass-again" type="password" autocomplete="new-password"
                    prop:value=move || again.get() on:input=move |e| again.set(event_target_value(&e))/>
            </fieldset>
            <button type="button" class="button primary" on:click=save>{move || app.t("share.save")}</button>
            <p role="status" class=move || if status.get().is_some_and(|(ok, _)| !ok) { "error" } else { "done" }>
                {move || status.get().map(|(_, text)| text)}
            </p>
        </section>
    }
}

#[component]
pub(super) fn CvForm() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let city = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let download = move |_| {
        let choices = CvChoices {
            name: name.get_untracked(),
            city: Some(city.get_untracked()),
            email: Some(email.get_untracked()),
            phone: Some(phone.get_untracked()),
        };
        let now = now();
        let cv = app
            .state
            .with_untracked(|s| json_resume(s, app.content, &choices, app.language(), now));
        let text = serde_json::to_string_pretty(&cv).unwrap_or_default();
        browser::download(
            &format!("cv-{}.json", now.date()),
            "application/json",
            &text,
        );
    };
    let field = move |id: &'static str,
                      key: &'static str,
                      kind: &'static str,
                      signal: RwSignal<String>,
                      auto: &'static str| {
        view! {
            <div class="field">
                <label for=id>{move || app.t(key)}</label>
                <input id=id type=kind autocomplete=auto prop:value=move || signal.get()
                    on:input=move |e| signal.set(event_target_value(&e))/>
            </div>
        }
    };
    view! {
        <h3>{move || app.t("share.cv_title")}</h3>
        <p>{move || app.t("share.cv_intro")}</p>
        {field("cv-name", "share.cv_name", "text", name, "name")}
        {field("cv-city", "share.cv_city", "text", city, "address-level2")}
        {field("cv-email", "share.cv_email", "email", email, "email")}
        {field("cv-phone", "share.cv_phone", "tel", phone, "tel")}
        <button type="button" class="button" on:click=download>{move || app.t("share.cv_download")}</button>
    }
}

fn file_name(alias: &str, date: time::Date) -> String {
    let safe: String = alias
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .take(30)
        .collect();
    if safe.is_empty() {
        format!("werkmap-{date}.werkmap.json")
    } else {
        format!("werkmap-{safe}-{date}.werkmap.json")
    }
}
