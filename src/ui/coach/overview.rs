//! The caseload overview: one row per job seeker, sorted and filtered (rules in `core::coach`).

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::core::coach::{
    client_slug, filter_rows, sort_rows, Caseload, EvaluationDue, OverviewRow, RowFilter,
    SortColumn,
};
use crate::core::i18n;
use crate::core::selftest::RouteId;
use crate::core::text::format_date;

use super::import::ImportCard;
use super::{use_coach, CLIENTS, COACH_BASE};
use crate::ui::state::{now, use_app, AppContext};
use crate::ui::widgets::table::ScrollRegion;

fn route_label(route: RouteId, app: AppContext) -> String {
    app.selftest
        .rules
        .routes
        .iter()
        .find(|r| RouteId::from_rule_id(&r.id) == Some(route))
        .map(|r| r.title.get(app.language()).to_owned())
        .unwrap_or_default()
}

/// `/coach`: the caseload.
#[component]
pub(super) fn Overview() -> impl IntoView {
    let app = use_app();
    let coach = use_coach();
    let sort = RwSignal::new((SortColumn::NextEvaluation, false));
    let filter = RwSignal::new(RowFilter::default());
    let rows = Memo::new(move |_| {
        let today = now().date();
        let mut rows = coach.caseload.with(|c| c.overview(app.selftest, today));
        let (column, descending) = sort.get();
        sort_rows(&mut rows, column, descending);
        filter_rows(rows, &filter.get())
    });
    let header = move |column: SortColumn, key: &'static str| {
        let aria = move || match sort.get() {
            (c, false) if c == column => "ascending",
            (c, true) if c == column => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort-button" on:click=move |_| sort.update(|(c, d)| {
                    if *c == column {
                        *d = !*d;
                    } else {
                        *c = column;
                        *d = false;
                    }
                })>{move || app.t(key)}</button>
            </th>
        }
    };
    let confirming = RwSignal::new(false);
    view! {
        <h1>{move || app.t("coach.caseload_title")}</h1>
        <p class="lead">{move || app.t("coach.intro")}</p>
        {move || (coach.unreadable.get() > 0).then(|| view! {
            <p class="notice-inline" role="alert">{i18n::plural(app.language(), "coach.unreadable_records", coach.unreadable.get(), &[])}</p>
        })}
        <div class="field">
            <label for="coach-name">{move || app.t("coach.your_name")}</label>
            <input id="coach-name" type="text" autocomplete="name" prop:value=move || coach.name.get()
                on:change=move |e| coach.save_name(event_target_value(&e))/>
        </div>
        <ImportCard/>
        <section aria-labelledby="caseload-title">
            <h2 id="caseload-title">{move || app.t("coach.caseload")}</h2>
            <p role="status">{move || {
                let total = coach.caseload.with(Caseload::len);
                let due = rows.with(|r| r.iter().filter(|row| matches!(row.evaluation_due, EvaluationDue::Overdue | EvaluationDue::Soon)).count());
                format!(
                    "{} {}",
                    i18n::plural(app.language(), "coach.count_clients", total, &[("shown", &rows.with(Vec::len).to_string())]),
                    i18n::plural(app.language(), "coach.count_due", due, &[]),
                )
            }}</p>
            <div class="list-controls">
                <div class="field">
                    <label for="coach-search">{move || app.t("coach.search")}</label>
                    <input id="coach-search" type="text" autocomplete="off" prop:value=move || filter.with(|f| f.text.clone())
                        on:input=move |e| filter.update(|f| f.text = event_target_value(&e))/>
                </div>
                <div class="field">
                    <label for="coach-route">{move || app.t("coach.route_filter")}</label>
                    <select id="coach-route" on:change=move |e| {
                        let value = event_target_value(&e);
                        filter.update(|f| f.route = RouteId::from_rule_id(&value));
                    }>
                        <option value="all">{move || app.t("vacancies.filter_all")}</option>
                        {app.selftest.rules.routes.iter().map(|r| {
                            let id = r.id.clone();
                            let title = r.title.clone();
                            view! { <option value=id>{move || title.get(app.language()).to_owned()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="option">
                    <input type="checkbox" id="coach-due" prop:checked=move || filter.with(|f| f.due_only)
                        on:change=move |_| filter.update(|f| f.due_only = !f.due_only)/>
                    <label for="coach-due">{move || app.t("coach.due_only")}</label>
                </div>
                <div class="option">
                    <input type="checkbox" id="coach-behind" prop:checked=move || filter.with(|f| f.behind_only)
                        on:change=move |_| filter.update(|f| f.behind_only = !f.behind_only)/>
                    <label for="coach-behind">{move || app.t("coach.behind_only")}</label>
                </div>
            </div>
            <ScrollRegion labelledby="caseload-title">
                <table class="history caseload">
                    <thead><tr>
                        {header(SortColumn::Alias, "coach.col_name")}
                        {header(SortColumn::LastUpdate, "coach.col_updated")}
                        {header(SortColumn::Route, "coach.col_route")}
                        {header(SortColumn::Participation, "coach.col_participation")}
                        {header(SortColumn::Reintegration, "coach.col_reintegration")}
                        {header(SortColumn::Activities, "coach.col_activities")}
                        {header(SortColumn::NextEvaluation, "coach.col_evaluation")}
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|row| overview_row(app, row)).collect_view()}
                    </tbody>
                </table>
            </ScrollRegion>
        </section>
        <section class="wipe" aria-labelledby="coach-wipe-title">
            <h2 id="coach-wipe-title">{move || app.t("coach.wipe_title")}</h2>
            <Show when=move || confirming.get() fallback=move || view! {
                <button type="button" class="button danger" on:click=move |_| confirming.set(true)>{move || app.t("coach.wipe")}</button>
            }>
                <div role="alertdialog" aria-labelledby="coach-wipe-confirm" class="confirm">
                    <p id="coach-wipe-confirm">{move || app.t("coach.wipe_confirm")}</p>
                    <button type="button" class="button danger" on:click=move |_| {
                        coach.caseload.set(Caseload::new());
                        if let Some(db) = coach.db.get_value() {
                            spawn_local(async move { let _ = db.clear(CLIENTS).await; });
                        }
                        confirming.set(false);
                    }>{move || app.t("wipe.yes")}</button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>{move || app.t("wipe.no")}</button>
                </div>
            </Show>
        </section>
    }
}

fn overview_row(app: AppContext, row: OverviewRow) -> impl IntoView {
    let language = app.language();
    let t = move |key: &'static str| i18n::text(language, key);
    let href = format!("{COACH_BASE}/client/{}", client_slug(&row.key));
    let name = row
        .alias
        .clone()
        .unwrap_or_else(|| t("share.no_name").to_owned());
    let activities = match (row.activities_4_weeks, row.target) {
        (Some(done), Some(target)) => format!("{done} / {target}"),
        (Some(done), None) => done.to_string(),
        (None, _) => t("coach.not_shared").to_owned(),
    };
    let due_class = match row.evaluation_due {
        EvaluationDue::Overdue => "due overdue",
        EvaluationDue::Soon => "due soon",
        _ => "due",
    };
    let evaluation = match row.next_evaluation {
        Some(date) => format!(
            "{} ({})",
            format_date(date, language),
            row.evaluation_due.label(language)
        ),
        None => row.evaluation_due.label(language).to_owned(),
    };
    let number = |n: Option<u8>| n.map_or("–".to_owned(), |n| n.to_string());
    view! {
        <tr>
            <th scope="row"><A href=href>{name}</A></th>
            <td>{format_date(row.last_update.date(), language)}</td>
            <td>{row.route.map(|r| route_label(r, app)).unwrap_or_else(|| "–".to_owned())}</td>
            <td>{number(row.participation)}</td>
            <td>{number(row.reintegration)}</td>
            <td class=if row.behind_target { "behind" } else { "" }>{activities}
                {row.behind_target.then(|| view! { <span class="visually-hidden">{format!(" ({})", t("coach.behind"))}</span> })}</td>
            <td class=due_class>{evaluation}</td>
        </tr>
    }
}
