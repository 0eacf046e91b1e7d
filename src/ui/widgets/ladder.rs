//! A ladder with the current rung marked: each rung is one row of a list — the drawn rung
//! beside its words — so the marked rung and its "← jij nu" always stand on the same line,
//! however the words wrap on a narrow phone. The words are the text alternative, visible to
//! everyone; the drawing is decoration.

use leptos::prelude::*;

use crate::core::selftest::rules::LadderRung;

use crate::ui::state::use_app;

#[component]
pub fn LadderPicture(
    rungs: &'static [LadderRung],
    current: u8,
    /// Heading id this figure belongs to.
    labelled_by: &'static str,
) -> impl IntoView {
    let app = use_app();
    view! {
        <figure class="ladder" aria-labelledby=labelled_by>
            // Highest rung at the top, as on a real ladder.
            <ol class="rungs">
                {rungs
                    .iter()
                    .rev()
                    .map(|rung| {
                        let is_current = rung.level == current;
                        view! {
                            <li class:current=is_current aria-current=is_current.then_some("true")>
                                <span class="rung-drawing" aria-hidden="true"></span>
                                <span class="rung-words">
                                    <span class="rung-number">{rung.level}</span>
                                    " "
                                    {move || rung.label.get(app.language())}
                                    {is_current.then(|| view! {
                                        <strong class="you-are-here">{move || app.t("result.you_are_here")}</strong>
                                    })}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </figure>
    }
}
