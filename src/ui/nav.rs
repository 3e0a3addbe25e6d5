//! The expert view's tasks as tabs (the WAI-ARIA tabs pattern: a tablist whose arrow keys,
//! Home and End move between the tabs, one tabpanel), and the links into a task's panels: a
//! click on `#review-heading` opens its task, then scrolls to it. Only the chosen task's
//! panels are in the page (`app.rs`).

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::i18n::{self as i, bi};
use crate::app::tasks::Task;
use crate::text::Lang;

/// The one tabpanel's id: every tab controls it.
pub const PANEL_ID: &str = "task-panel";

fn tab_id(t: Task) -> String {
    format!("task-{}", t.id())
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub task: Task,
    pub on_task: Callback<Task>,
}

#[function_component(TaskTabs)]
pub fn task_tabs(props: &Props) -> Html {
    let lang = props.lang;
    let list = use_node_ref();
    {
        // A tab chosen from the keyboard takes the focus (the arrows move it, not Tab).
        let list = list.clone();
        use_effect_with(props.task, move |t| {
            let inside = list.cast::<web_sys::Element>().zip(focused()).is_some_and(|(l, f)| l.contains(Some(&f)));
            if inside {
                if let Some(b) = by_id(&tab_id(*t)) {
                    let _ = b.focus();
                }
            }
        });
    }
    let on_key = {
        let (task, on_task) = (props.task, props.on_task.clone());
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = task.after_key(&e.key()) {
                e.prevent_default();
                on_task.emit(next);
            }
        })
    };
    html! {
        <div class="task-tabs" role="tablist" aria-label={i::TASKS_LABEL.get(lang)} data-testid="task-tabs"
            ref={list.clone()} onkeydown={on_key}>
            { for Task::ALL.iter().map(|t| {
                let selected = *t == props.task;
                let onclick = {
                    let (t, on_task, list) = (*t, props.on_task.clone(), list.clone());
                    Callback::from(move |_: MouseEvent| {
                        on_task.emit(t);
                        bring_up(&list);
                    })
                };
                html! {
                    <button type="button" role="tab" id={tab_id(*t)} data-task={t.id()}
                        class={classes!("task-tab", selected.then_some("is-selected"))}
                        aria-selected={selected.to_string()} aria-controls={PANEL_ID}
                        tabindex={if selected { "0" } else { "-1" }} {onclick}>
                        { bi(lang, t.label()) }
                    </button>
                }
            }) }
        </div>
    }
}

/// A tab clicked below the top third of the screen: the tabs move up to the top (below the sticky line), so
/// the task's panels show under them at once.
fn bring_up(list: &NodeRef) {
    let (Some(el), Some(w)) = (list.cast::<web_sys::HtmlElement>(), web_sys::window()) else {
        return;
    };
    let mut top = 0.0;
    let mut at = Some(el.clone());
    while let Some(e) = at {
        top += f64::from(e.offset_top());
        at = e.offset_parent().and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok());
    }
    let (scrolled, height) =
        (w.scroll_y().unwrap_or(0.0), w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0));
    if top - scrolled > height * 0.3 {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// The chosen task's panels.
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub task: Task,
    pub children: Html,
}

#[function_component(TaskPanel)]
pub fn task_panel(props: &PanelProps) -> Html {
    html! {
        <div class="task-panel" role="tabpanel" id={PANEL_ID} aria-labelledby={tab_id(props.task)}
            data-testid="task-panel" data-task={props.task.id()}>
            { props.children.clone() }
        </div>
    }
}

/// The task chosen on opening: the one holding the address's fragment, else the first.
pub fn initial_task() -> Task {
    web_sys::window().and_then(|w| w.location().hash().ok()).and_then(|h| Task::holding(&h)).unwrap_or_default()
}

/// In-page links into a task's panels: a click opens the task and names the element to
/// scroll to once it is drawn (`scroll_to_anchor`). Links to the working surface or the
/// register go on as before.
#[hook]
pub fn use_task_links(on_link: Callback<(Task, String)>) {
    use_effect_with((), move |_| {
        let doc = web_sys::window().and_then(|w| w.document());
        let listener = doc.map(|d| {
            // Capture: before the browser follows the link to an element not yet in the page.
            let opts = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
            EventListener::new_with_options(&d, "click", opts, move |e| {
                let link = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("a[href^=\"#\"]").ok().flatten());
                let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
                    return;
                };
                if let Some(task) = Task::holding(&href) {
                    e.prevent_default();
                    on_link.emit((task, href.trim_start_matches('#').to_string()));
                }
            })
        });
        move || drop(listener)
    });
}

/// Scrolls to an element of the page (its top below the sticky line: CSS scroll-margin-top)
/// and moves the focus there, so a screen reader reads on from it.
pub fn scroll_to_anchor(id: &str) {
    let Some(el) = by_id(id) else {
        return;
    };
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let _ = el.focus();
}

fn by_id(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

fn focused() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}
