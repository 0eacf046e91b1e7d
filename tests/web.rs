//! Component tests in a real browser (headless Chrome via wasm-bindgen-test-runner):
//! `cargo test --target wasm32-unknown-unknown --test web` (run by `cargo xtask test`).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

use werkmap::core::content::Content;
use werkmap::core::selftest::{Answer, Answers, Layout, SelfTest};
use werkmap::core::storage::{AppState, KeyValueStore, MemoryStore, Persistence};
use werkmap::ui::result::ResultScreen;
use werkmap::ui::selftest::TopicScreen;
use werkmap::ui::state::AppContext;
use werkmap::ui::Shell;

wasm_bindgen_test_configure!(run_in_browser);

const NAMESPACE: &str = "werkmap.test";

/// Loaded once per test binary: the content is read-only.
fn content() -> &'static Content {
    static CONTENT: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().expect("bundled content loads"))
}

fn selftest() -> &'static SelfTest {
    &content().selftest
}

/// Mounts `view` (with an app context over `store`) in a fresh container.
fn mount<V: IntoView + 'static>(
    store: Rc<MemoryStore>,
    view: impl FnOnce() -> V + 'static,
) -> HtmlElement {
    let document = document();
    let container: HtmlElement = document
        .create_element("div")
        .expect("create div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let content = content();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        let store: Box<dyn KeyValueStore> = Box::new(store);
        AppContext::provide(content, store, NAMESPACE);
        view()
    });
    handle.forget();
    container
}

fn stored_state(store: &MemoryStore) -> AppState {
    let raw = store
        .get(&format!("{NAMESPACE}.state"))
        .expect("store readable")
        .expect("state saved");
    serde_json::from_str(&raw).expect("state is JSON")
}

fn input(container: &HtmlElement, id: &str) -> HtmlInputElement {
    container
        .query_selector(&format!("#{id}"))
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element #{id}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn question_screen_renders_topic_and_saves_answers() {
    let store = Rc::new(MemoryStore::new());
    let container = mount(
        store.clone(),
        || view! { <Router><TopicScreen index=0 screen=1/></Router> },
    );
    leptos::task::tick().await;

    let heading = container.query_selector("h1").unwrap().expect("heading");
    assert_eq!(heading.text_content().unwrap_or_default(), "Over jou");
    assert!(container
        .text_content()
        .unwrap_or_default()
        .contains("Deel 1 van 5"));

    // At home the topic is shown a page at a time: the first page's questions only.
    let topic = &selftest().questionnaire.topics[0];
    let first_page = &topic.screens(Layout::Grouped)[0];
    let fieldsets = container.query_selector_all("fieldset").unwrap();
    assert_eq!(fieldsets.length() as usize, first_page.len());
    assert!(first_page.len() < topic.questions.len());

    // Sensitive questions offer "zeg ik liever niet" (others do not: see below).
    assert!(container
        .query_selector("#age_band-decline")
        .unwrap()
        .is_some());
    assert!(container
        .query_selector("#education-vmbo")
        .unwrap()
        .is_none());

    let young = input(&container, "age_band-18_22");
    young.click();
    leptos::task::tick().await;
    assert!(young.checked());
    let state = stored_state(&store);
    assert_eq!(
        state.answers.get("age_band"),
        Some(&Answer::Chosen(vec!["18_22".into()]))
    );

    // Changing the answer replaces it; declining is stored as such, not as "no".
    input(&container, "age_band-decline").click();
    leptos::task::tick().await;
    assert!(!input(&container, "age_band-18_22").checked());
    assert_eq!(
        stored_state(&store).answers.get("age_band"),
        Some(&Answer::PreferNotToSay)
    );

    // An exclusive option ("ik heb nog niet gewerkt") clears the others in a multi-choice.
    let (_, sectors_page) = selftest()
        .questionnaire
        .screen_of("work_sectors", Layout::Grouped)
        .expect("work_sectors is on a page");
    let container = mount(
        store.clone(),
        move || view! { <Router><TopicScreen index=0 screen=sectors_page/></Router> },
    );
    leptos::task::tick().await;
    assert!(container
        .query_selector("#work_sectors-decline")
        .unwrap()
        .is_none());
    input(&container, "work_sectors-care").click();
    input(&container, "work_sectors-retail").click();
    leptos::task::tick().await;
    input(&container, "work_sectors-none").click();
    leptos::task::tick().await;
    assert!(!input(&container, "work_sectors-care").checked());
    assert!(input(&container, "work_sectors-none").checked());
}

#[wasm_bindgen_test]
async fn postcode_rejects_invalid_input_with_a_message() {
    let store = Rc::new(MemoryStore::new());
    let container = mount(
        store.clone(),
        || view! { <Router><TopicScreen index=0 screen=1/></Router> },
    );
    leptos::task::tick().await;

    let field = input(&container, "postcode-input");
    field.set_value("12a4");
    field
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = container
        .query_selector("#postcode-error")
        .unwrap()
        .unwrap();
    assert!(error
        .text_content()
        .unwrap_or_default()
        .contains("4 cijfers"));

    field.set_value("3511");
    field
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(field.get_attribute("aria-invalid"), None);
    assert_eq!(
        stored_state(&store).answers.get("postcode"),
        Some(&Answer::Text("3511".into()))
    );
}

fn young_without_diploma() -> AppState {
    let questionnaire = &selftest().questionnaire;
    let mut answers = Answers::new();
    let mut choose = |question: &str, option: &str| {
        answers
            .set(questionnaire, question, Answer::Chosen(vec![option.into()]))
            .expect("valid answer");
    };
    choose("age_band", "18_22");
    choose("education", "vmbo");
    choose("diploma", "no");
    choose("want_work", "yes");
    choose("obstacle_money", "a_lot");
    choose("activities", "volunteering");
    AppState {
        answers,
        ..AppState::default()
    }
}

#[wasm_bindgen_test]
async fn result_screen_shows_strengths_first_and_explains_why() {
    let store = Rc::new(MemoryStore::new());
    Persistence::new(store.clone(), NAMESPACE)
        .save(&young_without_diploma())
        .expect("saved");
    let container = mount(store, || view! { <Router><ResultScreen/></Router> });
    leptos::task::tick().await;

    let headings: Vec<String> = (0..)
        .map_while(|i| container.query_selector_all("h2").unwrap().get(i))
        .map(|node| node.text_content().unwrap_or_default())
        .collect();
    assert_eq!(headings.first().map(String::as_str), Some("Dit gaat goed"));
    assert!(headings.iter().any(|h| h == "Jouw route"));

    let text = container.text_content().unwrap_or_default();
    assert!(text.contains("Eerst een diploma"), "youth route shown");
    assert!(
        text.contains("Je wilt graag werken"),
        "strength from want_work"
    );
    assert!(text.contains("geld of schulden"), "obstacle named");
    assert!(
        text.contains("Je staat op trede 4 van 6"),
        "participation from volunteering"
    );
    assert!(
        text.contains("Voorstel"),
        "re-integration rung labelled as a suggestion"
    );

    // Both ladders mark the current rung, for sight and for assistive technology.
    let current = container
        .query_selector_all("li[aria-current='true']")
        .unwrap();
    assert_eq!(current.length(), 2);
    assert_eq!(
        container
            .query_selector_all("figure.ladder .you-are-here")
            .unwrap()
            .length(),
        2
    );

    // "Waarom zie ik dit?" lists the question and the given answer.
    let why = container.query_selector_all("details.why").unwrap();
    assert!(why.length() >= 5);
    let route_why = container
        .query_selector("section.route details.why")
        .unwrap()
        .expect("route has a why");
    let route_why = route_why.text_content().unwrap_or_default();
    assert!(route_why.contains("Hoe oud ben je?"), "{route_why}");
    assert!(route_why.contains("18 tot 23 jaar"), "{route_why}");
}

#[wasm_bindgen_test]
async fn result_screen_follows_the_language() {
    let store = Rc::new(MemoryStore::new());
    let mut state = young_without_diploma();
    state.language = werkmap::core::text::Language::En;
    Persistence::new(store.clone(), NAMESPACE)
        .save(&state)
        .expect("saved");
    let container = mount(store, || view! { <Router><ResultScreen/></Router> });
    leptos::task::tick().await;
    let text = container.text_content().unwrap_or_default();
    assert!(text.contains("What goes well"));
    assert!(text.contains("A diploma first"));
    assert!(!text.contains("Dit gaat goed"));
}

#[wasm_bindgen_test]
async fn damaged_storage_shows_a_message_instead_of_crashing() {
    let store = Rc::new(MemoryStore::new());
    store
        .set(&format!("{NAMESPACE}.state"), "{ this is not json")
        .unwrap();
    let container = mount(store.clone(), || view! { <Shell/> });
    leptos::task::tick().await;
    let alert = container
        .query_selector("[role='alert']")
        .unwrap()
        .expect("notice shown");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("niet lezen"));
    let kept: Vec<String> = store
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(&format!("{NAMESPACE}.damaged.")))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        store.get(&kept[0]).unwrap().as_deref(),
        Some("{ this is not json")
    );
}
