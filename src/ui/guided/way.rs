//! The way to a place the answer names: its direction and distance from the chosen spot, its
//! coordinates, and links that open it in AMap and Baidu Maps (`app::way`). The links are plain
//! links the person chooses to follow, in a new tab; the page itself asks nothing of either
//! service.

use yew::prelude::*;

use super::super::i18n::{self as i, t};
use crate::app::way;
use crate::text::Lang;

/// "约 750 米" with its direction: "东北方向约 750 米".
pub fn heading_distance(lang: Lang, spot: (f64, f64), to: (f64, f64), distance_m: f64) -> String {
    t(lang, &way::heading_distance(spot, to, distance_m))
}

/// The coordinates and the two map links of place `no` (from 1).
pub fn place_links(lang: Lang, no: usize, at: (f64, f64), about: &str) -> Html {
    let (lon, lat) = at;
    let name = i::w_place_name(lang, no);
    let amap = way::amap_link(lon, lat, &name);
    let baidu = way::baidu_link(lon, lat, &name, about);
    let new_tab = i::W_NEW_TAB.get(lang);
    html! {
        <span class="guide-place-way">
            <span class="guide-place-coords" data-testid="guide-place-coords">{ t(lang, &way::coords(lon, lat)) }</span>
            <span class="guide-place-links">
                <a href={amap} target="_blank" rel="noopener noreferrer" data-testid="guide-place-amap"
                    aria-label={format!("{}{}{}", name, i::W_OPEN_AMAP.get(lang), new_tab)}>
                    { i::W_AMAP.get(lang) }<span aria-hidden="true">{ " ↗" }</span>
                </a>
                <a href={baidu} target="_blank" rel="noopener noreferrer" data-testid="guide-place-baidu"
                    aria-label={format!("{}{}{}", name, i::W_OPEN_BAIDU.get(lang), new_tab)}>
                    { i::W_BAIDU.get(lang) }<span aria-hidden="true">{ " ↗" }</span>
                </a>
            </span>
        </span>
    }
}

/// The chosen spot's own coordinates and links, under the answer's map.
pub fn spot_line(lang: Lang, at: (f64, f64)) -> Html {
    let (lon, lat) = at;
    let name = i::G_MAP_SPOT.get(lang);
    let new_tab = i::W_NEW_TAB.get(lang);
    html! {
        <p class="guide-spot-way" data-testid="guide-spot-way">
            <span aria-hidden="true">{ "★ " }</span>{ name }{ i::COLON.get(lang) }
            <span data-testid="guide-spot-coords">{ t(lang, &way::coords(lon, lat)) }</span>
            <span class="guide-place-links">
                <a href={way::amap_link(lon, lat, name)} target="_blank" rel="noopener noreferrer" data-testid="guide-spot-amap"
                    aria-label={format!("{}{}{}", name, i::W_OPEN_AMAP.get(lang), new_tab)}>
                    { i::W_AMAP.get(lang) }<span aria-hidden="true">{ " ↗" }</span>
                </a>
                <a href={way::baidu_link(lon, lat, name, name)} target="_blank" rel="noopener noreferrer" data-testid="guide-spot-baidu"
                    aria-label={format!("{}{}{}", name, i::W_OPEN_BAIDU.get(lang), new_tab)}>
                    { i::W_BAIDU.get(lang) }<span aria-hidden="true">{ " ↗" }</span>
                </a>
            </span>
        </p>
    }
}

#[derive(Properties, PartialEq)]
pub struct PasteProps {
    pub lang: Lang,
    /// A WGS-84 point, checked against the city by the caller.
    pub on_pick: Callback<(f64, f64)>,
}

/// A spot given by pasting coordinates or a share link from a map app: the system is taken from
/// the text when it tells (a link's service, a name beside the numbers), else asked.
#[function_component(PastePlace)]
pub fn paste_place(props: &PasteProps) -> Html {
    use crate::scenario::import::Crs;
    use web_sys::HtmlInputElement;

    let lang = props.lang;
    let text = use_state(String::new);
    // The person's own choice of system; a new text forgets it.
    let choice = use_state(|| None::<Crs>);
    let error = use_state(|| None::<crate::text::Text>);
    let parsed = way::parse_pasted(&text).ok();
    let detected = parsed.as_ref().and_then(|p| p.crs);
    let effective = (*choice).or(detected);

    let on_input = {
        let (text, choice, error) = (text.clone(), choice.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlInputElement>().value());
            choice.set(None);
            error.set(None);
        })
    };
    let on_use = {
        let (text, error, on_pick) = (text.clone(), error.clone(), props.on_pick.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match way::parse_pasted(&text) {
                Err(m) => error.set(Some(m)),
                Ok(p) => match p.to_wgs84(effective) {
                    None => error.set(Some(i::P_E_CRS.clone())),
                    Some(at) => {
                        error.set(None);
                        on_pick.emit(at);
                    }
                },
            }
        })
    };
    let why = parsed.as_ref().and_then(|p| p.why).filter(|_| choice.is_none());
    html! {
        <details class="guide-paste" data-testid="guide-paste">
            <summary>{ i::P_HEADING.get(lang) }</summary>
            <form class="guide-paste-form" onsubmit={on_use} novalidate=true>
                <div class="field">
                    <label for="guide-paste-text">{ i::P_LABEL.get(lang) }</label>
                    <div class="control">
                        <input id="guide-paste-text" type="text" data-testid="guide-paste-text" autocomplete="off"
                            spellcheck="false" inputmode="text" value={(*text).clone()} oninput={on_input}
                            aria-describedby="guide-paste-hint guide-paste-error"
                            aria-invalid={error.is_some().then_some("true")} />
                    </div>
                    <p id="guide-paste-hint" class="field-hint">{ i::P_HINT.get(lang) }</p>
                </div>
                <fieldset class="guide-paste-crs" data-testid="guide-paste-crs" data-detected={detected.map(|c| c.id())}>
                    <legend>{ i::P_CRS.get(lang) }</legend>
                    { for Crs::ALL.into_iter().map(|c| {
                        let id = format!("guide-paste-crs-{}", c.id());
                        let choice = choice.clone();
                        let error = error.clone();
                        let on = Callback::from(move |_| {
                            choice.set(Some(c));
                            error.set(None);
                        });
                        html! {
                            <div class="check">
                                <input type="radio" name="guide-paste-crs" id={id.clone()} value={c.id()}
                                    data-testid={id.clone()} checked={effective == Some(c)} onchange={on} />
                                <label for={id}>{ t(lang, &c.label()) }</label>
                            </div>
                        }
                    }) }
                    if let Some(w) = why {
                        <p class="field-hint" data-testid="guide-paste-detected">{ "✓ " }{ w.get(lang) }</p>
                    }
                </fieldset>
                <button type="submit" class="btn" data-testid="guide-paste-use">{ i::P_USE.get(lang) }</button>
                if let Some(m) = &*error {
                    <p id="guide-paste-error" class="field-error" data-testid="guide-paste-error" role="alert">
                        <span aria-hidden="true">{ "⚠ " }</span>{ t(lang, m) }
                    </p>
                }
            </form>
        </details>
    }
}
