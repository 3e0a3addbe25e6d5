//! The header's share menu — copy a link holding the whole scenario, download or open
//! the scenario file (DESIGN.md §3), and "reset to preset" behind a confirmation dialog — and
//! the notices shown above the page (a link opened or refused, autosave failing, a file
//! refused). Rendering and intent only: the browser glue is `persist`.

use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

use super::i18n::{self as i, lang_tag, other};
use super::persist::{self, Work};
use crate::app::state::{Action, Shared};
use crate::persist::{Level, Notice};
use crate::text::Lang;

/// What a link, a save and the scenario file carry; the user's intents (open a file, reset to
/// the preset, say so) as actions.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub work: Work,
    pub on_action: Callback<Action>,
}

/// The notices above the page and the user's intents (dismiss one, restore the previous work).
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub notices: Shared<Vec<Notice>>,
    pub on_action: Callback<Action>,
}

/// What the last "copy link" did.
#[derive(Clone, PartialEq)]
struct Copied {
    url: String,
    /// The clipboard took it; otherwise the link is shown to select by hand.
    ok: bool,
    /// The data was left out: the size the link would have had.
    left_out: Option<usize>,
}

#[function_component(ShareMenu)]
pub fn share_menu(props: &Props) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let copied = use_state(|| None::<Copied>);
    let dialog = use_node_ref();
    let file = use_node_ref();
    let link_field = use_node_ref();

    // The fallback field is selected as it appears, ready for Ctrl+C.
    {
        let link_field = link_field.clone();
        use_effect_with((*copied).clone(), move |c| {
            if c.as_ref().is_some_and(|c| !c.ok) {
                if let Some(input) = link_field.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    // Open: the first item takes the focus (keyboard users land in the menu), and a click or
    // tap anywhere outside closes it.
    let root = use_node_ref();
    {
        let root = root.clone();
        let open = open.clone();
        use_effect_with(*open, move |is_open| {
            let mut listener = None;
            if *is_open {
                if let Some(first) = root
                    .cast::<web_sys::Element>()
                    .and_then(|r| r.query_selector(".share-item").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = first.focus();
                }
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    listener = Some(gloo::events::EventListener::new(&doc, "pointerdown", move |e| {
                        let inside = match (
                            root.cast::<web_sys::Node>(),
                            e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
                        ) {
                            (Some(r), Some(t)) => r.contains(Some(&t)),
                            _ => true,
                        };
                        if !inside {
                            open.set(false);
                        }
                    }));
                }
            }
            move || drop(listener)
        });
    }

    let toggle = {
        let open = open.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            copied.set(None);
            open.set(!*open);
        })
    };
    let button = use_node_ref();
    let on_key = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // Handled here: the header's phone menu around it stays open.
                e.prevent_default();
                open.set(false);
                if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                    let _ = b.focus();
                }
            }
        })
    };
    let on_copy = {
        let work = props.work.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let (url, left_out) = work.link(&persist::page_address());
            let copied = copied.clone();
            let u = url.clone();
            persist::copy_text(&url, move |ok| copied.set(Some(Copied { url: u, ok, left_out })));
        })
    };
    let on_download = {
        let work = props.work.clone();
        let open = open.clone();
        Callback::from(move |_| {
            let (name, json) = work.scenario_file();
            super::widgets::download(&name, "application/json;charset=utf-8", json.as_bytes());
            open.set(false);
        })
    };
    let on_upload = {
        let file = file.clone();
        Callback::from(move |_| {
            if let Some(input) = file.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let d = props.on_action.clone();
        let open = open.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                persist::open_file(f, d.clone());
                open.set(false);
            }
            // The same file chosen again is a new choice.
            input.set_value("");
        })
    };
    let on_reset = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let close_dialog = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let on_confirm = {
        let dialog = dialog.clone();
        let d = props.on_action.clone();
        let open = open.clone();
        Callback::from(move |_| {
            if let Some(el) = dialog.cast::<HtmlDialogElement>() {
                el.close();
            }
            d.emit(Action::ResetToPreset);
            d.emit(Action::Notify(Notice::info(i::RESET_DONE.clone())));
            open.set(false);
        })
    };

    let status = (*copied).clone().map(|c| {
        html! {
            <div class="share-status" data-testid="share-status" data-copied={c.ok.to_string()}>
                <p role="status" class={classes!("share-msg", if c.ok { "ok" } else { "warn" })}>
                    { if c.ok { i::share_copied(lang, c.url.len()) } else { i::SHARE_FALLBACK.get(lang).to_string() } }
                </p>
                if let Some(n) = c.left_out {
                    <p class="share-msg warn" data-testid="share-left-out">{ i::share_data_left_out(lang, n) }</p>
                }
                <label for="share-link" class="share-link-label">{ i::SHARE_LINK_LABEL.get(lang) }</label>
                <input id="share-link" ref={link_field.clone()} class="share-link" data-testid="share-link"
                    type="text" readonly=true value={c.url.clone()}
                    onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
            </div>
        }
    });

    html! {
        <div class="share" ref={root}>
            <button type="button" class="btn btn-lang btn-share" data-testid="share-button" ref={button}
                aria-haspopup="true" aria-expanded={open.to_string()} aria-controls="share-menu" onclick={toggle}>
                <span aria-hidden="true">{ "⇪ " }</span>{ i::SHARE_MENU.get(lang) }<span aria-hidden="true">{ " ▾" }</span>
            </button>
            if *open {
                <div id="share-menu" class="share-menu" data-testid="share-menu" role="group"
                    aria-label={i::SHARE_MENU.get(lang)} onkeydown={on_key}>
                    <button type="button" class="share-item" data-testid="share-copy" onclick={on_copy}>
                        <span aria-hidden="true" class="share-icon">{ "⇪" }</span>{ i::SHARE_COPY.get(lang) }
                    </button>
                    { for status }
                    <button type="button" class="share-item" data-testid="share-download" onclick={on_download}>
                        <span aria-hidden="true" class="share-icon">{ "⬇" }</span>{ i::SHARE_DOWNLOAD.get(lang) }
                    </button>
                    <button type="button" class="share-item" data-testid="share-upload" onclick={on_upload}>
                        <span aria-hidden="true" class="share-icon">{ "⬆" }</span>{ i::SHARE_UPLOAD.get(lang) }
                    </button>
                    <button type="button" class="share-item share-danger" data-testid="share-reset" onclick={on_reset}>
                        <span aria-hidden="true" class="share-icon">{ "↺" }</span>{ i::SHARE_RESET.get(lang) }
                    </button>
                    <p class="share-note">{ i::SHARE_AUTOSAVE_NOTE.get(lang) }</p>
                </div>
            }
            // Outside the menu, so choosing a file or confirming survives the menu closing.
            <input type="file" ref={file} class="visually-hidden" tabindex="-1" aria-hidden="true"
                accept=".json,application/json" data-testid="share-file" onchange={on_file} />
            <dialog ref={dialog} class="confirm-dialog" data-testid="reset-dialog"
                aria-labelledby="reset-title" aria-describedby="reset-body">
                <h2 id="reset-title">{ i::RESET_TITLE.get(lang) }</h2>
                <p id="reset-body">{ i::RESET_BODY.get(lang) }</p>
                <div class="dialog-buttons">
                    <button type="button" class="btn btn-quiet" data-testid="reset-cancel" autofocus=true onclick={close_dialog}>
                        { i::DIALOG_CANCEL.get(lang) }
                    </button>
                    <button type="button" class="btn btn-danger" data-testid="reset-confirm" onclick={on_confirm}>
                        <span aria-hidden="true">{ "↺ " }</span>{ i::RESET_CONFIRM.get(lang) }
                    </button>
                </div>
            </dialog>
        </div>
    }
}

/// The notices above the page, each in both languages, dismissible.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    if props.notices.is_empty() {
        return html! {};
    }
    let o = other(lang);
    html! {
        <div class="notices" data-testid="notices">
            { for props.notices.iter().enumerate().map(|(k, n)| {
                let warn = n.level == Level::Warning;
                let dismiss = props.on_action.reform(move |_| Action::DismissNotice(k));
                let restore = {
                    let d = props.on_action.clone();
                    Callback::from(move |_| {
                        d.emit(Action::DismissNotice(k));
                        persist::restore_previous(&d);
                    })
                };
                html! {
                    <div class={classes!("notice", if warn { "notice-warn" } else { "notice-info" })}
                        role={if warn { "alert" } else { "status" }} data-testid="notice"
                        data-level={if warn { "warning" } else { "info" }}>
                        <span class="notice-icon" aria-hidden="true">{ if warn { "⚠" } else { "ⓘ" } }</span>
                        <span class="notice-text">
                            <span class="main">{ n.text.get(lang).to_string() }</span>
                            <span class="sub" lang={lang_tag(o)}>{ n.text.get(o).to_string() }</span>
                        </span>
                        if n.offers_previous {
                            <button type="button" class="btn btn-small" data-testid="restore-previous" onclick={restore}>
                                { i::NOTICE_RESTORE_PREVIOUS.get(lang) }
                            </button>
                        }
                        <button type="button" class="notice-close" data-testid="notice-dismiss"
                            aria-label={i::NOTICE_DISMISS.get(lang)} title={i::NOTICE_DISMISS.get(lang)} onclick={dismiss}>
                            { "×" }
                        </button>
                    </div>
                }
            }) }
        </div>
    }
}
