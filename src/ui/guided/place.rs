//! The location screen: tap the map, or use the map's centre (keyboard), or the browser's
//! position when it allows; a spot outside the data set's city is refused with a message.

use std::rc::Rc;

use yew::prelude::*;

use super::super::i18n::{self as i, t};
use super::geo;
use super::map::GuideMapView;
use super::questions::message;
use super::Props;
use crate::app::guided::{GuideAction, GuideField, Locate, LocateError};
use crate::scenario::Application;
use crate::text::num;

/// A callback that checks a point against the city and records it.
pub fn picker(props: &Props) -> Callback<(f64, f64)> {
    let d = props.on_guide.clone();
    let view = props.view.clone();
    Callback::from(move |(lon, lat): (f64, f64)| {
        let inside = view.inside(lon, lat);
        d.emit(GuideAction::Place { lon, lat, inside })
    })
}

/// The application as the map sees it before the answer: kind and categories, for the
/// institutions it shows.
pub fn template(props: &Props) -> Option<Application> {
    let a = &props.guide.answers;
    a.kind?;
    let (lon, lat) = a.place.unwrap_or((0.0, 0.0));
    Some(crate::guide::application(a, lon, lat, None, ""))
}

/// The screen as what stands above the map, the map, and what stands below it.
pub fn place(props: &Props) -> (Html, Html, Html) {
    let s = &props.view;
    let gd = &props.guide;
    let lang = props.lang;
    let pick = picker(props);
    let on_locate = {
        let d = props.on_guide.clone();
        let pick = pick.clone();
        Callback::from(move |_| {
            d.emit(GuideAction::Locating);
            let d2 = d.clone();
            let pick = pick.clone();
            geo::locate(move |lon, lat| pick.emit((lon, lat)), move |e| d2.emit(GuideAction::LocateFailed(e)));
        })
    };
    let status = match gd.locate {
        Locate::Idle => None,
        Locate::Asking => Some((false, i::G_LOCATING)),
        Locate::Failed(LocateError::Denied) => Some((true, i::G_LOCATE_DENIED)),
        Locate::Failed(LocateError::Unavailable) => Some((true, i::G_LOCATE_UNAVAILABLE)),
        Locate::Failed(LocateError::Timeout) => Some((true, i::G_LOCATE_TIMEOUT)),
        Locate::Failed(LocateError::Unsupported) => Some((true, i::G_LOCATE_UNSUPPORTED)),
    };
    let chosen = gd.answers.place.map(|(lon, lat)| (s.county_at(lon, lat), lon, lat));
    let above = html! {
        <div class="guide-place">
            <p class="field-hint guide-place-hint">{ i::G_PLACE_HINT.get(lang) }</p>
            <div class="guide-locate">
                <button type="button" class="btn" data-testid="guide-locate" onclick={on_locate}
                    disabled={gd.locate == Locate::Asking}>
                    <span aria-hidden="true">{ "◎ " }</span>{ i::G_LOCATE.get(lang) }
                </button>
                <p class="guide-locate-status" data-testid="guide-locate-status" aria-live="polite">
                    if let Some((bad, m)) = status {
                        <span class={classes!(bad.then_some("field-error"))}>
                            if bad { <span aria-hidden="true">{ "⚠ " }</span> }
                            { m.get(lang) }
                        </span>
                    }
                </p>
            </div>
        </div>
    };
    let map = html! {
        <GuideMapView data={s.data.clone()} scenario={s.scenario.clone()} template={template(props)}
            spot={gd.answers.place} radius={s.radius()} outcome={None::<crate::engine::Outcome>}
            places={Rc::new(Vec::new())} {lang} on_pick={pick.clone()} />
    };
    let below = html! {
        <div class="guide-place">
            <p class="guide-chosen" data-testid="guide-place-chosen" aria-live="polite">
                if let Some((name, lon, lat)) = chosen {
                    <span aria-hidden="true">{ "★ " }</span>
                    { i::G_CHOSEN.get(lang) }
                    if !name.is_empty() { <strong>{ name }</strong>{ " · " } }
                    { format!("{} {}°, {} {}°", i::G_LON.get(lang), num(lon, 5), i::G_LAT.get(lang), num(lat, 5)) }
                } else {
                    { i::G_NOT_CHOSEN.get(lang) }
                }
            </p>
            { message(lang, gd, GuideField::Place) }
            <super::way::PastePlace {lang} on_pick={pick} />
            <p class="field-hint">{ t(lang, i::G_WGS84) }</p>
        </div>
    };
    (above, map, below)
}
