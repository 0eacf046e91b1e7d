//! `/beheer`, for staff: reading in files for everyone who uses Werkmap on this device (the
//! European list of occupations, a vacancy file). Job seekers never need it, so it is out
//! of their way: linked from the footer only.

use leptos::prelude::*;

use super::occupations::EscoImport;
use super::state::use_app;
use super::vacancies::FeedImport;
use crate::ui::widgets::paging::focused_heading;

#[component]
pub fn StaffScreen() -> impl IntoView {
    let app = use_app();
    let heading = focused_heading();
    view! {
        <h1 node_ref=heading tabindex="-1">{move || app.t("staff.title")}</h1>
        <p class="lead">{move || app.t("staff.intro")}</p>
        <EscoImport/>
        <FeedImport/>
    }
}
