//! The one table of the app: a caption, column headers and rows whose first cell names the
//! row. On a wide screen it is a normal table (scrolling sideways if it must); on a phone
//! each row becomes a small card with every value under its column's name, so nothing is
//! cut off at the edge of the screen.

use leptos::prelude::*;

/// One row: what the row is about (a date, a competence) and its values, in column order.
pub struct Row {
    pub head: AnyView,
    pub cells: Vec<AnyView>,
}

#[component]
pub fn DataTable(
    /// Unique id of the caption.
    id: &'static str,
    caption: String,
    /// The caption is said by a heading just above: keep it for screen readers only.
    #[prop(optional)]
    caption_hidden: bool,
    /// Column names, the first for the rows' heads.
    headers: Vec<String>,
    rows: Vec<Row>,
) -> impl IntoView {
    let labels: Vec<String> = headers.iter().skip(1).cloned().collect();
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .into_iter()
                .zip(labels.iter().cloned())
                .map(|(cell, label)| view! { <td data-label=label>{cell}</td> })
                .collect_view();
            view! { <tr><th scope="row">{row.head}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <ScrollRegion labelledby=id>
            <table class="history stack">
                <caption id=id class:visually-hidden=caption_hidden>{caption}</caption>
                <thead><tr>
                    {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </ScrollRegion>
    }
}

/// The frame of every table: it scrolls sideways where the table is wider than the screen,
/// and is focusable (named by `labelledby`) so keyboard users can scroll it too.
#[component]
pub fn ScrollRegion(labelledby: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-labelledby=labelledby tabindex="0">
            {children()}
        </div>
    }
}
