//! How the self-test results changed over time: a small line chart and the same in a table
//! (the table is the chart's text alternative).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::i18n;
use crate::core::selftest::SearchStatus;
use crate::core::storage::CompletedSelfTest;
use crate::core::text::{format_date, format_short_date, Language};

use super::state::use_app;
use crate::ui::widgets::table::{DataTable, Row};

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 28.0;

#[component]
pub fn HistoryScreen() -> impl IntoView {
    let app = use_app();
    move || {
        let language = app.language();
        let history = app.state.with(|s| s.history.clone());
        if history.is_empty() {
            return view! {
                <h1>{i18n::text(language, "history.title")}</h1>
                <p>{i18n::text(language, "history.empty")}</p>
                <A href="/zelftest" attr:class="button primary">{i18n::text(language, "home.start")}</A>
            }
            .into_any();
        }
        view! {
            <h1>{i18n::text(language, "history.title")}</h1>
            <p class="lead">{i18n::text(language, "history.intro")}</p>
            <Chart history=history.clone() language=language/>
            <HistoryTable history=history language=language/>
        }
        .into_any()
    }
}

fn x_at(index: usize, count: usize) -> f64 {
    if count <= 1 {
        LEFT + (WIDTH - LEFT - RIGHT) / 2.0
    } else {
        LEFT + (WIDTH - LEFT - RIGHT) * index as f64 / (count - 1) as f64
    }
}

fn y_at(level: u8) -> f64 {
    TOP + (HEIGHT - TOP - BOTTOM) * (6.0 - f64::from(level)) / 6.0
}

#[component]
pub fn Chart(history: Vec<CompletedSelfTest>, language: Language) -> impl IntoView {
    let count = history.len();
    let series = |pick: fn(&CompletedSelfTest) -> Option<u8>, class: &'static str| {
        let points: Vec<(f64, f64)> = history
            .iter()
            .enumerate()
            .filter_map(|(i, test)| pick(test).map(|level| (x_at(i, count), y_at(level))))
            .collect();
        let path = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ");
        view! {
            <polyline points=path class=format!("series {class}")/>
            {points.into_iter().map(|(x, y)| {
                // Different marks, so equal values on both ladders stay visible.
                if class == "participation" {
                    view! { <circle cx=x cy=y r="6" class=format!("dot {class}")/> }.into_any()
                } else {
                    view! { <rect x=x - 3.5 y=y - 3.5 width="7" height="7" class=format!("dot {class}")/> }.into_any()
                }
            }).collect_view()}
        }
    };
    let grid = (0..=6u8)
        .map(|level| {
            let y = y_at(level);
            view! {
                <line x1=LEFT x2=WIDTH - RIGHT y1=y y2=y class="grid"/>
                <text x=LEFT - 8.0 y=y + 4.0 class="axis" text-anchor="end">{level}</text>
            }
        })
        .collect_view();
    let labels = history
        .iter()
        .enumerate()
        .map(|(i, test)| {
            view! {
                <text x=x_at(i, count) y=HEIGHT - 8.0 class="axis" text-anchor="middle">
                    {format_short_date(test.completed_at.date())}
                </text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true" focusable="false">
                {grid}
                {labels}
                {series(|t| t.summary.participation, "participation")}
                {series(|t| t.summary.reintegration, "reintegration")}
            </svg>
            <figcaption>
                <span class="legend participation">{i18n::text(language, "history.legend_participation")}</span>
                <span class="legend reintegration">{i18n::text(language, "history.legend_reintegration")}</span>
                <span>{i18n::text(language, "history.table_note")}</span>
            </figcaption>
        </figure>
    }
}

#[component]
pub fn HistoryTable(history: Vec<CompletedSelfTest>, language: Language) -> impl IntoView {
    let app = use_app();
    let level = |level: Option<u8>| level.map_or_else(|| "–".to_owned(), |l| l.to_string());
    let rows = history
        .iter()
        .rev()
        .map(|test| {
            let route = app
                .selftest
                .rules
                .routes
                .iter()
                .find(|rule| rule.id == test.summary.route.rule_id())
                .map(|rule| rule.title.get(language))
                .unwrap_or_default();
            let search = match test.summary.search {
                SearchStatus::Optimal => "history.search_optimal",
                SearchStatus::Incomplete => "history.search_incomplete",
                SearchStatus::Unknown => "history.search_unknown",
            };
            Row {
                head: format_date(test.completed_at.date(), language).into_any(),
                cells: vec![
                    level(test.summary.participation).into_any(),
                    level(test.summary.reintegration).into_any(),
                    route.to_owned().into_any(),
                    i18n::text(language, search).into_any(),
                ],
            }
        })
        .collect::<Vec<_>>();
    let t = |key| i18n::text(language, key).to_owned();
    view! {
        <DataTable
            id="history-caption"
            caption=t("history.table_caption")
            headers=vec![
                t("history.date"),
                t("history.participation"),
                t("history.reintegration"),
                t("history.route"),
                t("history.search"),
            ]
            rows=rows
        />
    }
}
