//! The guided check's small map, on the expert map's Leaflet bindings: the county outlines, the
//! designated institutions of the applicant's kind in view (when zoomed in enough to tell them
//! apart), the chosen spot with the service circle, and the nearest places that would be
//! accepted, numbered, each with its distance written on it. One finger pans; a tap chooses.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::super::decision_panel::outcome_symbol;
use super::super::i18n::{self as i, t};
use super::super::map::leaflet::{self as l, b, escape, ll, n, opts, s};
use super::super::map::symbols::{same_type, Sym};
use super::super::map::tiles::{Deployed, Tiles};
use crate::app::basemap::{from_screen, to_screen, BaseMapConfig};
use crate::app::state::{MapData, Shared};
use crate::engine::nearest_accepted::AcceptedPlace;
use crate::engine::plain::about_distance;
use crate::engine::Outcome;
use crate::scenario::import::Crs;
use crate::scenario::{Application, Scenario};
use crate::text::Lang;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(method, js_name = getCenter)]
    fn get_center(this: &l::Map) -> l::LatLng;
}

/// Institutions drawn as markers at most; more in view and none are drawn (zoom in).
const MAX_SHOWN: usize = 250;

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub data: Shared<MapData>,
    pub scenario: Shared<Scenario>,
    /// The application's kind and categories: they pick the institutions shown.
    pub template: Option<Application>,
    /// The chosen spot (lon, lat).
    pub spot: Option<(f64, f64)>,
    pub radius: f64,
    pub outcome: Option<Outcome>,
    pub places: Rc<Vec<AcceptedPlace>>,
    pub lang: Lang,
    pub on_pick: Callback<(f64, f64)>,
}

struct GuideMap {
    map: l::Map,
    outlines: l::LayerGroup,
    institutions: l::LayerGroup,
    spot: l::LayerGroup,
    places: l::LayerGroup,
    tiles: Option<Tiles>,
    /// The tiles' coordinate system (shared with the tap handler): layers drawn at `to_screen`,
    /// taps taken back with `from_screen`.
    crs: Rc<Cell<Crs>>,
    /// What was last drawn, to redraw only what changed.
    last: Option<Drawn>,
    /// Whether too many institutions were in view to draw.
    crowded: bool,
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// Leaflet may still deliver a tap's events after the screen has changed: the map lets go of
/// the handlers before they are dropped (a dropped handler would throw).
impl Drop for GuideMap {
    fn drop(&mut self) {
        // Not `remove()`: Leaflet then throws from an animation frame it had already asked for.
        self.map.stop();
        self.map.off_all();
    }
}

#[derive(Clone, PartialEq)]
struct Drawn {
    data: Shared<MapData>,
    scenario: Shared<Scenario>,
    template: Option<Application>,
    spot: Option<(f64, f64)>,
    radius: f64,
    outcome: Option<Outcome>,
    places: Rc<Vec<AcceptedPlace>>,
    lang: Lang,
    /// The deployer's base map.
    tiles: Option<Rc<BaseMapConfig>>,
}

/// The legend's badge for the institutions the applicant's kind is measured against.
fn sym_of_kind(k: crate::scenario::Kind) -> Sym {
    use crate::scenario::Kind;
    match k {
        Kind::Pharmacy => Sym::Pharmacy,
        Kind::Outpatient => Sym::Outpatient,
        Kind::InpatientGeneral => Sym::General,
        Kind::InpatientSpecialty => Sym::Specialty,
        Kind::PrimaryCare => Sym::Primary,
    }
}

impl GuideMap {
    fn create(el: &HtmlElement, on_click: Callback<(f64, f64)>, on_moved: impl Fn() + 'static) -> Option<GuideMap> {
        if !l::available() {
            return None;
        }
        let map = l::map(
            el,
            &opts(&[
                ("zoomControl", b(true)),
                ("attributionControl", b(false)),
                ("minZoom", n(6.0)),
                ("maxZoom", n(18.0)),
                ("zoomSnap", n(0.5)),
                ("tapTolerance", n(15.0)),
                // The page scrolls with the wheel; zoom with the buttons, two fingers or a double tap.
                ("scrollWheelZoom", b(false)),
            ]),
        );
        let pane = map.create_pane("dd-vectors");
        let _ = pane.style().set_property("z-index", "410");
        let _ = pane.style().set_property("pointer-events", "none");
        l::control_scale(&opts(&[("imperial", b(false)), ("metric", b(true)), ("maxWidth", n(120.0))])).add_to(&map);
        let crs = Rc::new(Cell::new(Crs::Wgs84));
        let click_crs = crs.clone();
        let click = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let e: l::MouseEvent = e.unchecked_into();
            let at = e.latlng();
            on_click.emit(from_screen(click_crs.get(), at.lng(), at.lat()));
        });
        map.on("click", click.as_ref().unchecked_ref());
        let moved = Closure::<dyn FnMut(JsValue)>::new(move |_e: JsValue| on_moved());
        map.on("moveend", moved.as_ref().unchecked_ref());
        let (outlines, institutions, spot, places) =
            (l::layer_group(), l::layer_group(), l::layer_group(), l::layer_group());
        for g in [&outlines, &institutions, &spot, &places] {
            g.add_to(&map);
        }
        crate::ui::expose("__dingdianGuideMap", &map);
        Some(GuideMap {
            map,
            outlines,
            institutions,
            spot,
            places,
            tiles: None,
            crs,
            last: None,
            crowded: false,
            _handlers: vec![click, moved],
        })
    }

    /// `[lat, lng]` where a WGS-84 point is drawn on the current tiles.
    fn at(&self, lon: f64, lat: f64) -> js_sys::Array {
        let (x, y) = to_screen(self.crs.get(), lon, lat);
        ll(x, y)
    }

    fn fit(&self, d: &Drawn) {
        // The frame may have been laid out after the map was made: measure it again first.
        self.map.invalidate_size();
        // Room on the right for the distance written beside each numbered place.
        let right = if d.places.is_empty() { 24.0 } else { 110.0 };
        let pad = opts(&[
            ("paddingTopLeft", js_sys::Array::of2(&n(24.0), &n(24.0)).into()),
            ("paddingBottomRight", js_sys::Array::of2(&n(right), &n(24.0)).into()),
            ("maxZoom", n(16.0)),
            // At once: the answer's places are framed in the frame that shows them.
            ("animate", b(false)),
        ]);
        match d.spot {
            Some((lon, lat)) => {
                let (mut w, mut s_, mut e, mut n_) = (lon, lat, lon, lat);
                for p in d.places.iter() {
                    w = w.min(p.lon);
                    e = e.max(p.lon);
                    s_ = s_.min(p.lat);
                    n_ = n_.max(p.lat);
                }
                // At least the service circle round the spot.
                let dlat = (d.radius * 1.2 / crate::spatial::EARTH_RADIUS_M).to_degrees();
                let dlon = dlat / lat.to_radians().cos().max(0.05);
                let crs = self.crs.get();
                let (w, s_) = to_screen(crs, w.min(lon - dlon), s_.min(lat - dlat));
                let (e, n_) = to_screen(crs, e.max(lon + dlon), n_.max(lat + dlat));
                self.map.fit_bounds(&l::bounds([w, s_, e, n_]), &pad);
            }
            None => {
                let b = d.data.bounds;
                let (w, s_) = to_screen(self.crs.get(), b[0], b[1]);
                let (e, n_) = to_screen(self.crs.get(), b[2], b[3]);
                self.map.fit_bounds(&l::bounds([w, s_, e, n_]), &pad);
            }
        }
    }

    /// Whether the map last drew this data (a sync for it redraws only what changed).
    fn draws(&self, data: &Shared<MapData>) -> bool {
        self.last.as_ref().is_some_and(|l| l.data == *data)
    }

    fn sync(&mut self, d: Drawn) {
        let mut prev = self.last.take();
        if prev.as_ref().map_or(true, |p| p.tiles != d.tiles) {
            if let Some(t) = self.tiles.take() {
                t.remove();
            }
            self.tiles = d.tiles.as_ref().map(|cfg| Tiles::add(&self.map, cfg));
            let crs = d.tiles.as_ref().map_or(Crs::Wgs84, |t| t.crs);
            if crs != self.crs.get() {
                // Another coordinate system: everything is drawn again.
                self.crs.set(crs);
                prev = None;
            }
        }
        let data_changed = prev.as_ref().map_or(true, |p| p.data != d.data || p.lang != d.lang);
        if data_changed {
            self.outlines.clear_layers();
            for a in &d.data.outlines.areas {
                let name = d
                    .scenario
                    .counties
                    .iter()
                    .find(|c| c.id == a.id)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| a.id.clone());
                let poly = l::county_outline(&l::boundary_rings(a, self.crs.get()), false, None);
                self.outlines.add_layer(&poly);
                // Names above the institutions, as Leaflet's own labels stand.
                if let Some(label) = l::county_label(a, self.crs.get(), &name, "tooltipPane") {
                    self.outlines.add_layer(&label);
                }
            }
        }
        let spot_changed = prev
            .as_ref()
            .map_or(true, |p| p.spot != d.spot || p.outcome != d.outcome || p.radius != d.radius || p.lang != d.lang);
        if spot_changed {
            self.spot.clear_layers();
            if let Some((lon, lat)) = d.spot {
                let oc = d.outcome.map(|o| o.id()).unwrap_or("none");
                let circle = l::circle(
                    &self.at(lon, lat),
                    &opts(&[
                        ("radius", n(d.radius)),
                        ("pane", s("dd-vectors")),
                        ("interactive", b(false)),
                        ("color", s("#15304d")),
                        ("weight", n(2.0)),
                        ("dashArray", s("8 6")),
                        ("fillOpacity", n(0.04)),
                    ]),
                );
                self.spot.add_layer(&circle);
                let symbol = d.outcome.map(outcome_symbol).unwrap_or("★");
                let label = escape(i::G_MAP_SPOT.get(d.lang));
                let icon = l::div_icon(&opts(&[
                    ("className", s(&format!("dd-app-pin outcome-{oc}"))),
                    (
                        "html",
                        s(&format!(
                            "<span data-testid=\"guide-spot\" data-outcome=\"{oc}\" title=\"{label}\">{symbol}</span>"
                        )),
                    ),
                    ("iconSize", js_sys::Array::of2(&n(34.0), &n(34.0)).into()),
                    ("iconAnchor", js_sys::Array::of2(&n(17.0), &n(17.0)).into()),
                ]));
                let m = l::marker(
                    &self.at(lon, lat),
                    &opts(&[
                        ("icon", icon.into()),
                        ("interactive", b(false)),
                        ("keyboard", b(false)),
                        ("zIndexOffset", n(1000.0)),
                    ]),
                );
                self.spot.add_layer(&m);
            }
        }
        let places_changed = prev.as_ref().map_or(true, |p| p.places != d.places || p.lang != d.lang);
        if places_changed {
            self.places.clear_layers();
            for (k, p) in d.places.iter().enumerate() {
                let no = k + 1;
                let dist = t(d.lang, &about_distance(p.distance_m));
                let icon = l::div_icon(&opts(&[
                    ("className", s("dd-guide-place")),
                    (
                        "html",
                        s(&format!(
                            "<span data-testid=\"guide-place-marker\" data-n=\"{no}\" data-distance-m=\"{:.0}\"><b>{no}</b> {}</span>",
                            p.distance_m,
                            escape(&dist)
                        )),
                    ),
                    ("iconSize", JsValue::NULL),
                    ("iconAnchor", js_sys::Array::of2(&n(15.0), &n(15.0)).into()),
                ]));
                let m = l::marker(
                    &self.at(p.lon, p.lat),
                    &opts(&[
                        ("icon", icon.into()),
                        ("interactive", b(false)),
                        ("keyboard", b(false)),
                        ("zIndexOffset", n(900.0)),
                    ]),
                );
                self.places.add_layer(&m);
            }
        }
        // Re-framed when the data, the offered places, or the first spot come: never under a finger
        // that is only looking around.
        let refit =
            data_changed || places_changed || prev.as_ref().map_or(true, |p| p.spot.is_none() && d.spot.is_some());
        self.last = Some(d);
        if refit {
            if let Some(d) = &self.last {
                self.fit(d);
            }
        }
        self.draw_institutions();
    }

    /// The designated institutions of the applicant's kind in view.
    fn draw_institutions(&mut self) {
        self.institutions.clear_layers();
        let Some(d) = &self.last else { return };
        let Some(app) = &d.template else { return };
        let vb = self.map.get_bounds().pad(0.1);
        // The view's box in WGS-84 (the shift is far smaller than the padding's tenth of a view).
        let crs = self.crs.get();
        let (w, s_) = from_screen(crs, vb.west(), vb.south());
        let (e, n_) = from_screen(crs, vb.east(), vb.north());
        let shown: Vec<&crate::scenario::Institution> = d
            .scenario
            .institutions
            .iter()
            .filter(|x| x.lon >= w && x.lon <= e && x.lat >= s_ && x.lat <= n_ && same_type(app, x))
            .take(MAX_SHOWN + 1)
            .collect();
        self.crowded = shown.len() > MAX_SHOWN;
        if self.crowded {
            return;
        }
        for x in shown {
            let sym = Sym::of(x);
            let icon = l::div_icon(&opts(&[
                ("className", s(&format!("dd-inst {}", sym.class()))),
                (
                    "html",
                    s(&format!("<span data-institution=\"{}\">{}</span>", escape(&x.id), sym.letter().get(d.lang))),
                ),
                ("iconSize", js_sys::Array::of2(&n(22.0), &n(22.0)).into()),
                ("iconAnchor", js_sys::Array::of2(&n(11.0), &n(11.0)).into()),
            ]));
            let m = l::marker(
                &self.at(x.lon, x.lat),
                &opts(&[("icon", icon.into()), ("interactive", b(false)), ("keyboard", b(false))]),
            );
            self.institutions.add_layer(&m);
        }
    }

    fn centre(&self) -> (f64, f64) {
        self.map.invalidate_size();
        let c = self.map.get_center();
        from_screen(self.crs.get(), c.lng(), c.lat())
    }
}

#[function_component(GuideMapView)]
pub fn guide_map(props: &MapProps) -> Html {
    let lang = props.lang;
    let node = use_node_ref();
    let crowded = use_state_eq(|| false);
    let deployed = use_context::<Deployed>().unwrap_or_default();
    let on_pick = use_mut_ref(|| props.on_pick.clone());
    *on_pick.borrow_mut() = props.on_pick.clone();

    let (ctl, failed) = {
        let crowded = crowded.setter();
        // The map outlives a screen (the place and the answer share it): a tap goes to the
        // current screen's callback.
        let on_pick = {
            let latest = on_pick.clone();
            Callback::from(move |at: (f64, f64)| latest.borrow().emit(at))
        };
        l::use_map::<GuideMap, _>(&node, false, move |el, weak| {
            let on_moved = move || {
                let Some(c) = weak.upgrade() else { return };
                let Ok(mut c) = c.try_borrow_mut() else {
                    return;
                };
                if let Some(m) = c.as_mut() {
                    m.draw_institutions();
                    crowded.set(m.crowded);
                }
            };
            GuideMap::create(el, on_pick, on_moved)
        })
    };
    {
        let ctl = ctl.clone();
        use_effect_with((), move |_| {
            move || {
                // Forget the test handle only if it is still this map (another screen's map may
                // have been made already).
                let Some(w) = web_sys::window() else { return };
                let key = JsValue::from_str("__dingdianGuideMap");
                let mine = ctl.borrow().as_ref().map(|m: &GuideMap| JsValue::from(m.map.clone()));
                if let (Some(mine), Ok(current)) = (mine, js_sys::Reflect::get(&w, &key)) {
                    if js_sys::Object::is(&mine, &current) {
                        let _ = js_sys::Reflect::delete_property(&w, &key);
                    }
                }
            }
        });
    }
    {
        let drawn = Drawn {
            data: props.data.clone(),
            scenario: props.scenario.clone(),
            template: props.template.clone(),
            spot: props.spot,
            radius: props.radius,
            outcome: props.outcome,
            places: props.places.clone(),
            lang,
            tiles: deployed.0.clone(),
        };
        // The same data as drawn: the answer's places are drawn before the browser paints.
        let same_data = ctl.try_borrow().ok().is_some_and(|c| c.as_ref().is_some_and(|m| m.draws(&drawn.data)));
        let ctl = ctl.clone();
        crate::ui::widgets::use_draw(drawn, same_data, move |drawn| {
            if let Ok(mut c) = ctl.try_borrow_mut() {
                if let Some(m) = c.as_mut() {
                    if m.last.as_ref() != Some(&drawn) {
                        m.sync(drawn);
                    }
                }
            }
        });
    }
    let on_centre = {
        let ctl = ctl.clone();
        let on_pick = props.on_pick.clone();
        Callback::from(move |_| {
            let at = ctl.try_borrow().ok().and_then(|c| c.as_ref().map(|m| m.centre()));
            if let Some(at) = at {
                on_pick.emit(at);
            }
        })
    };

    html! {
        <div class="guide-map">
            <div class="map-frame guide-map-frame" data-testid="guide-map">
                <div class="map-canvas guide-map-canvas" ref={node} role="region" aria-label={i::G_MAP_LABEL.get(lang)}></div>
                <span class="guide-crosshair" aria-hidden="true"></span>
            </div>
            if failed {
                <p class="field-error" role="alert">{ i::MAP_NO_LEAFLET.get(lang) }</p>
            }
            <button type="button" class="btn btn-quiet guide-centre" data-testid="guide-use-centre" onclick={on_centre}>
                <span aria-hidden="true">{ "＋ " }</span>{ i::G_USE_CENTRE.get(lang) }
            </button>
            <ul class="guide-legend-list" aria-label={i::G_MAP_LEGEND.get(lang)}>
                <li><span class="dd-app-pin legend-pin" aria-hidden="true"><span>{ "★" }</span></span><span>{ i::G_MAP_SPOT.get(lang) }</span></li>
                <li><span class="legend-circle" aria-hidden="true"></span><span>{ i::G_MAP_CIRCLE.get(lang) }</span></li>
                if let Some(a) = &props.template {
                    <li><span class={classes!("dd-inst", "legend-badge", sym_of_kind(a.kind).class())} aria-hidden="true"><span>{ sym_of_kind(a.kind).letter().get(lang) }</span></span>
                        <span>{ i::G_MAP_SAME.get(lang) }{ i::paren(lang, &t(lang, &a.kind.label())) }</span></li>
                }
                if !props.places.is_empty() {
                    <li><span class="dd-guide-place legend-place" aria-hidden="true"><span><b>{ "1" }</b></span></span><span>{ i::G_MAP_PLACE.get(lang) }</span></li>
                }
            </ul>
            if *crowded {
                <p class="field-hint">{ i::G_MAP_CROWDED.get(lang) }</p>
            }
        </div>
    }
}
