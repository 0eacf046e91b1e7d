//! A small ladder picture with the current rung marked, next to the rungs in words (the text
//! alternative, useful to everyone, so it is visible rather than hidden).

use leptos::prelude::*;

use crate::core::selftest::rules::LadderRung;

use super::state::use_app;

const RUNG_GAP: f64 = 22.0;

#[component]
pub fn LadderPicture(
    rungs: &'static [LadderRung],
    current: u8,
    /// Heading id this figure belongs to.
    labelled_by: &'static str,
) -> impl IntoView {
    let app = use_app();
    let height = RUNG_GAP * rungs.len() as f64 + 10.0;
    // Highest rung at the top, as on a real ladder.
    let bars = rungs
        .iter()
        .enumerate()
        .map(|(index, rung)| {
            let y = height - 10.0 - RUNG_GAP * index as f64;
            let is_current = rung.level == current;
            view! {
                <rect
                    x="14" y=y - 6.0 width="52" height="8" rx="2"
                    class=if is_current { "rung current" } else { "rung" }
                />
                {is_current.then(|| view! {
                    <circle cx="80" cy=y - 2.0 r="7" class="marker"/>
                })}
            }
        })
        .collect_view();

    view! {
        <figure class="ladder" aria-labelledby=labelled_by>
            <svg
                viewBox=format!("0 0 96 {height}")
                width="96"
                height=height
                aria-hidden="true"
                focusable="false"
            >
                <line x1="14" y1="2" x2="14" y2=height class="rail"/>
                <line x1="66" y1="2" x2="66" y2=height class="rail"/>
                {bars}
            </svg>
            <ol class="rungs">
                {rungs
                    .iter()
                    .rev()
                    .map(|rung| {
                        let is_current = rung.level == current;
                        view! {
                            <li class:current=is_current aria-current=is_current.then_some("true")>
                                <span class="rung-number">{rung.level}</span>
                                " "
                                {move || rung.label.get(app.language())}
                                {is_current.then(|| view! {
                                    <strong class="you-are-here">{move || app.t("result.you_are_here")}</strong>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </figure>
    }
}
