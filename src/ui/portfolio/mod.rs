//! The job seeker's own file (`/mijn-werkmap`): saving the work map with consent per section
//! (and optionally a passphrase), opening a file (one's own, or a coach's reply) with a
//! preview and a confirmation, the agreements with the coach, the printable summary
//! (`/samenvatting`) and the CV in the JSON Resume format. The file format, consent,
//! encryption, merging and the CV are all in `core::portfolio` and `core::cv`.

mod opening;
mod saving;
mod summary;

use opening::ImportCard;
use saving::{CvForm, ExportCard};
use summary::AgreementsCard;
pub use summary::{agreements_view, SummaryScreen};

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::state::use_app;

/// `/mijn-werkmap`.
#[component]
pub fn PortfolioScreen() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>{move || app.t("share.title")}</h1>
        <p class="lead">{move || app.t("share.intro")}</p>
        <AgreementsCard/>
        <ExportCard/>
        <ImportCard/>
        <section class="card" aria-labelledby="more-title">
            <h2 id="more-title">{move || app.t("share.more")}</h2>
            <p><A href="/samenvatting" attr:class="standalone">{move || app.t("share.summary_link")}</A></p>
            <CvForm/>
        </section>
    }
}
