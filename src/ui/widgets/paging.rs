//! What the multi-screen checks share: the 1-based page number from the address, the items
//! of one page, and moving focus to a new screen's heading.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// How many pages `total` items fill at `per_page` a page (at least one).
pub fn page_count(total: usize, per_page: usize) -> usize {
    total.div_ceil(per_page.max(1)).max(1)
}

/// The `:page` route parameter when it is a page that exists.
pub fn use_page_param(pages: usize) -> impl Fn() -> Option<usize> + Copy + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("page")
            .and_then(|p| p.parse::<usize>().ok())
            .filter(|p| (1..=pages).contains(p))
    }
}

/// The items of 1-based `page`.
pub fn page_items<T>(all: &[T], per_page: usize, page: usize) -> &[T] {
    let start = page
        .saturating_sub(1)
        .saturating_mul(per_page)
        .min(all.len());
    let end = start.saturating_add(per_page).min(all.len());
    &all[start..end]
}

/// A heading that takes focus when its screen appears, so keyboard and screen-reader users
/// hear where they are after "Volgende".
pub fn focused_heading() -> NodeRef<html::H1> {
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    heading
}
