//! Thin, typed bindings to the parts of Leaflet 1.9 the map uses, over the global `L` of the
//! script the build copies from node_modules (never from a CDN) and the page loads after its
//! wasm (`load`, `ready`). Coordinates cross as `[lat, lng]`
//! arrays, options as plain objects built with `opts`.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen]
extern "C" {
    // ---------------------------------------------------------------- the map
    #[derive(Clone, Debug)]
    pub type Map;

    #[wasm_bindgen(js_namespace = L, js_name = map)]
    pub fn map(el: &HtmlElement, options: &Object) -> Map;

    #[wasm_bindgen(method, js_name = setView)]
    pub fn set_view(this: &Map, center: &Array, zoom: f64) -> Map;

    #[wasm_bindgen(method, js_name = fitBounds)]
    pub fn fit_bounds(this: &Map, bounds: &Array, options: &Object) -> Map;

    #[wasm_bindgen(method, js_name = getBounds)]
    pub fn get_bounds(this: &Map) -> LatLngBounds;

    #[wasm_bindgen(method, js_name = getSize)]
    pub fn get_size(this: &Map) -> Point;

    #[wasm_bindgen(method, js_name = getZoom)]
    pub fn get_zoom(this: &Map) -> f64;

    #[wasm_bindgen(method, js_name = invalidateSize)]
    pub fn invalidate_size(this: &Map) -> Map;

    #[wasm_bindgen(method, js_name = createPane)]
    pub fn create_pane(this: &Map, name: &str) -> HtmlElement;

    #[wasm_bindgen(method)]
    pub fn on(this: &Map, event: &str, handler: &Function) -> Map;

    /// Removes every handler the app gave the map (`on`), so no event it still delivers (the
    /// end of a pan, a tap) reaches one dropped with the app's side.
    #[wasm_bindgen(method, js_name = off)]
    pub fn off_all(this: &Map) -> Map;

    /// Stops a pan or zoom animation under way.
    #[wasm_bindgen(method)]
    pub fn stop(this: &Map) -> Map;

    #[wasm_bindgen(method, js_name = getContainer)]
    pub fn get_container(this: &Map) -> HtmlElement;

    // ---------------------------------------------------------------- values
    #[derive(Clone, Debug)]
    pub type LatLng;
    #[wasm_bindgen(method, getter)]
    pub fn lat(this: &LatLng) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn lng(this: &LatLng) -> f64;

    #[derive(Clone, Debug)]
    pub type LatLngBounds;
    #[wasm_bindgen(method, js_name = getWest)]
    pub fn west(this: &LatLngBounds) -> f64;
    #[wasm_bindgen(method, js_name = getSouth)]
    pub fn south(this: &LatLngBounds) -> f64;
    #[wasm_bindgen(method, js_name = getEast)]
    pub fn east(this: &LatLngBounds) -> f64;
    #[wasm_bindgen(method, js_name = getNorth)]
    pub fn north(this: &LatLngBounds) -> f64;
    /// The bounds grown by `ratio` of their size on every side.
    #[wasm_bindgen(method)]
    pub fn pad(this: &LatLngBounds, ratio: f64) -> LatLngBounds;

    #[derive(Clone, Debug)]
    pub type Point;
    #[wasm_bindgen(method, getter)]
    pub fn x(this: &Point) -> f64;
    #[wasm_bindgen(method, getter)]
    pub fn y(this: &Point) -> f64;

    /// The event of a map click: where it was.
    #[derive(Clone, Debug)]
    pub type MouseEvent;
    #[wasm_bindgen(method, getter)]
    pub fn latlng(this: &MouseEvent) -> LatLng;

    // ---------------------------------------------------------------- layers
    #[derive(Clone, Debug)]
    pub type Layer;
    #[wasm_bindgen(method, js_name = addTo)]
    pub fn add_to(this: &Layer, map: &Map) -> Layer;
    #[wasm_bindgen(method)]
    pub fn remove(this: &Layer) -> Layer;
    #[wasm_bindgen(method, js_name = bindTooltip)]
    pub fn bind_tooltip(this: &Layer, content: &str, options: &Object) -> Layer;
    /// A handler for one of the layer's events (an interactive marker's `click`).
    #[wasm_bindgen(method, js_name = on)]
    pub fn on(this: &Layer, event: &str, handler: &Function) -> Layer;

    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Layer)]
    pub type LayerGroup;
    #[wasm_bindgen(js_namespace = L, js_name = layerGroup)]
    pub fn layer_group() -> LayerGroup;
    #[wasm_bindgen(method, js_name = addLayer)]
    pub fn add_layer(this: &LayerGroup, layer: &Layer) -> LayerGroup;
    #[wasm_bindgen(method, js_name = clearLayers)]
    pub fn clear_layers(this: &LayerGroup) -> LayerGroup;

    /// Vector layers (polygons, circles): their style can change in place.
    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Layer)]
    pub type Path;
    #[wasm_bindgen(method, js_name = setStyle)]
    pub fn set_style(this: &Path, style: &Object) -> Path;
    /// Its SVG element, while it is on the map.
    #[wasm_bindgen(method, js_name = getElement)]
    pub fn get_element(this: &Path) -> Option<web_sys::Element>;

    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Path, extends = Layer)]
    pub type Polygon;
    #[wasm_bindgen(js_namespace = L, js_name = polygon)]
    pub fn polygon(latlngs: &Array, options: &Object) -> Polygon;

    /// A circle of a radius in metres.
    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Path, extends = Layer)]
    pub type Circle;
    #[wasm_bindgen(js_namespace = L, js_name = circle)]
    pub fn circle(center: &Array, options: &Object) -> Circle;
    #[wasm_bindgen(method, js_name = setRadius)]
    pub fn set_radius(this: &Circle, metres: f64) -> Circle;
    #[wasm_bindgen(method, js_name = getRadius)]
    pub fn get_radius(this: &Circle) -> f64;
    #[wasm_bindgen(method, js_name = setLatLng)]
    pub fn set_lat_lng(this: &Circle, center: &Array) -> Circle;

    /// A circle of a radius in screen pixels.
    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Path, extends = Layer)]
    pub type CircleMarker;
    #[wasm_bindgen(js_namespace = L, js_name = circleMarker)]
    pub fn circle_marker(center: &Array, options: &Object) -> CircleMarker;

    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Layer)]
    pub type ImageOverlay;
    /// An element (here a canvas) placed over bounds as an image overlay is: Leaflet's
    /// SVGOverlay takes any element as its image.
    #[wasm_bindgen(js_namespace = L, js_name = svgOverlay)]
    pub fn element_overlay(el: &web_sys::Element, bounds: &Array, options: &Object) -> ImageOverlay;
    #[wasm_bindgen(method, js_name = setBounds)]
    pub fn set_bounds(this: &ImageOverlay, bounds: &LatLngBounds) -> ImageOverlay;

    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Layer)]
    pub type TileLayer;
    #[wasm_bindgen(js_namespace = L, js_name = tileLayer)]
    pub fn tile_layer(url_template: &str, options: &Object) -> TileLayer;

    #[derive(Clone, Debug)]
    #[wasm_bindgen(extends = Layer)]
    pub type Marker;
    #[wasm_bindgen(js_namespace = L, js_name = marker)]
    pub fn marker(at: &Array, options: &Object) -> Marker;
    #[wasm_bindgen(method, js_name = setLatLng)]
    pub fn set_lat_lng(this: &Marker, at: &Array) -> Marker;
    #[wasm_bindgen(method, js_name = setIcon)]
    pub fn set_icon(this: &Marker, icon: &DivIcon) -> Marker;
    /// Its icon's element, while it is on the map.
    #[wasm_bindgen(method, js_name = getElement)]
    pub fn get_element(this: &Marker) -> Option<HtmlElement>;

    /// An icon that is a bit of HTML (a letter in a badge).
    #[derive(Clone, Debug)]
    pub type DivIcon;
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    pub fn div_icon(options: &Object) -> DivIcon;

    #[wasm_bindgen(js_namespace = L, js_name = latLngBounds)]
    pub fn lat_lng_bounds(corners: &Array) -> LatLngBounds;

    // ---------------------------------------------------------------- controls
    #[derive(Clone, Debug)]
    pub type Control;
    #[wasm_bindgen(js_namespace = ["L", "control"], js_name = scale)]
    pub fn control_scale(options: &Object) -> Control;
    #[wasm_bindgen(method, js_name = addTo)]
    pub fn add_to(this: &Control, map: &Map) -> Control;
    #[wasm_bindgen(js_namespace = ["L", "control"], js_name = attribution)]
    pub fn control_attribution(options: &Object) -> Control;
    #[wasm_bindgen(method, js_name = remove)]
    pub fn remove(this: &Control) -> Control;
}

/// Whether Leaflet's script has loaded (a missing `L` would otherwise be a panic).
pub fn available() -> bool {
    Reflect::get(&js_sys::global(), &JsValue::from_str("L")).map(|l| l.is_object()).unwrap_or(false)
}

thread_local! {
    /// Settles once Leaflet's script has run (`true`) or could not be loaded (`false`).
    static READY: std::cell::RefCell<Option<js_sys::Promise>> = const { std::cell::RefCell::new(None) };
}

/// Starts loading Leaflet's script, once. The built page carries it inert, in
/// `<template id="dd-leaflet">` (scripts/early-fetch.mjs), so that on a slow network its bytes
/// do not share the line with the page's wasm, which every answer waits for; the maps wait
/// for it instead (`ready`). A page that loads Leaflet itself (`L` already there) is ready.
pub fn load() {
    READY.with(|r| {
        if r.borrow().is_none() {
            *r.borrow_mut() = Some(start_loading());
        }
    });
}

fn start_loading() -> js_sys::Promise {
    if available() {
        return js_sys::Promise::resolve(&JsValue::TRUE);
    }
    let doc = web_sys::window().and_then(|w| w.document());
    let template = doc.as_ref().and_then(|d| d.get_element_by_id("dd-leaflet"));
    let script = template
        .and_then(|t| Reflect::get(&t, &JsValue::from_str("content")).ok())
        .and_then(|c| c.dyn_into::<web_sys::DocumentFragment>().ok())
        .and_then(|c| c.first_element_child());
    let (Some(doc), Some(inert)) = (doc, script) else {
        return js_sys::Promise::resolve(&JsValue::FALSE);
    };
    let (Ok(live), Some(head)) = (doc.create_element("script"), doc.head()) else {
        return js_sys::Promise::resolve(&JsValue::FALSE);
    };
    for name in ["src", "integrity", "crossorigin"] {
        if let Some(v) = inert.get_attribute(name) {
            let _ = live.set_attribute(name, &v);
        }
    }
    js_sys::Promise::new(&mut |resolve, _| {
        let (ok, failed) = (resolve.clone(), resolve);
        let on_load = Closure::once_into_js(move || {
            let _ = ok.call1(&JsValue::NULL, &JsValue::from_bool(available()));
        });
        let on_error = Closure::once_into_js(move || {
            let _ = failed.call1(&JsValue::NULL, &JsValue::FALSE);
        });
        let _ = live.add_event_listener_with_callback("load", on_load.unchecked_ref());
        let _ = live.add_event_listener_with_callback("error", on_error.unchecked_ref());
        let _ = head.append_child(&live);
    })
}

/// Whether Leaflet is there to draw with, once its script has loaded or failed (`load` first).
pub async fn ready() -> bool {
    load();
    let Some(p) = READY.with(|r| r.borrow().clone()) else { return false };
    wasm_bindgen_futures::JsFuture::from(p).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// A map kept outside Yew's state, made once: `make` builds it in `node` once Leaflet's script is
/// there (`ready`), after the first paint when `after_paint`, and is given a weak handle to the
/// map for its event handlers. The component renders again once the map exists, so that its
/// drawing effect finds it; the flag is true when Leaflet never came (the decision stands, the
/// map says so).
#[yew::hook]
pub fn use_map<C, F>(node: &yew::NodeRef, after_paint: bool, make: F) -> (Rc<RefCell<Option<C>>>, bool)
where
    C: 'static,
    F: FnOnce(&HtmlElement, Weak<RefCell<Option<C>>>) -> Option<C> + 'static,
{
    use yew::prelude::*;
    let map: Rc<RefCell<Option<C>>> = use_mut_ref(|| None);
    let failed = use_state_eq(|| false);
    let rerender = use_force_update();
    {
        let (node, map, failed) = (node.clone(), map.clone(), failed.setter());
        use_effect_with((), move |_| {
            let mounted = Rc::new(Cell::new(true));
            let still = mounted.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if after_paint {
                    crate::ui::widgets::next_paint().await;
                }
                let leaflet = ready().await;
                let Some(el) = node.cast::<HtmlElement>().filter(|_| still.get()) else { return };
                match leaflet.then(|| make(&el, Rc::downgrade(&map))).flatten() {
                    Some(m) => {
                        *map.borrow_mut() = Some(m);
                        rerender.force_update();
                    }
                    None => failed.set(true),
                }
            });
            move || mounted.set(false)
        });
    }
    (map, *failed)
}

/// `[lat, lng]`
pub fn ll(lon: f64, lat: f64) -> Array {
    Array::of2(&JsValue::from_f64(lat), &JsValue::from_f64(lon))
}

/// `[[south, west], [north, east]]` from `[west, south, east, north]`.
pub fn bounds(wsen: [f64; 4]) -> Array {
    Array::of2(&ll(wsen[0], wsen[1]), &ll(wsen[2], wsen[3]))
}

/// A plain options object.
pub fn opts(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

pub fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

pub fn n(v: f64) -> JsValue {
    JsValue::from_f64(v)
}

pub fn b(v: bool) -> JsValue {
    JsValue::from_bool(v)
}

/// Text for Leaflet's HTML options (tooltips and popups take a string as HTML; names come
/// from user files). Tested natively in `crate::text`.
pub use crate::text::escape_html as escape;

/// A boundary's rings for `county_outline`: a polygon's exterior and holes, or for several
/// polygons one such list each, the one of most vertices first (Leaflet puts the label on the first: a
/// county's small exclave must not carry it).
/// Each vertex is drawn where `crs` tiles have it (`app::basemap::to_screen`).
pub fn boundary_rings(a: &crate::scenario::import::Boundary, crs: crate::scenario::import::Crs) -> Array {
    let at = |x: f64, y: f64| {
        let (lon, lat) = crate::app::basemap::to_screen(crs, x, y);
        JsValue::from(ll(lon, lat))
    };
    let polygon = |p: &geo::Polygon<f64>| {
        let rings = Array::new();
        for r in std::iter::once(p.exterior()).chain(p.interiors().iter()) {
            rings.push(&r.0.iter().map(|c| at(c.x, c.y)).collect::<Array>());
        }
        rings
    };
    let mut polys: Vec<&geo::Polygon<f64>> = a.shape.0.iter().collect();
    if polys.len() == 1 {
        return polygon(polys[0]);
    }
    let first = (0..polys.len()).max_by_key(|&i| polys[i].exterior().0.len()).unwrap_or(0);
    polys.swap(0, first);
    polys.into_iter().map(|p| JsValue::from(polygon(p))).collect()
}

/// A county's outline (`rings`: one ring, or a polygon's rings with holes); its name is
/// `county_label`. `class_name` styles the outline.
pub fn county_outline(rings: &Array, dashed: bool, class_name: Option<&str>) -> Polygon {
    let mut style = vec![
        ("pane", s("dd-vectors")),
        ("interactive", b(false)),
        ("color", s("#15304d")),
        ("weight", n(1.5)),
        ("fill", b(false)),
    ];
    if dashed {
        style.push(("dashArray", s("6 4")));
    }
    if let Some(c) = class_name {
        style.push(("className", s(c)));
    }
    polygon(rings, &opts(&style))
}

/// The html of a county's label holding `inner` (escaped by the caller).
fn label_html(inner: &str) -> String {
    format!("<span class=\"dd-county-label\">{inner}</span>")
}

/// A county's name at the centre of its largest part (`app::map_zoom::label_point`), drawn
/// where `crs` tiles have it, in `pane` (above the institutions). A marker, not a Leaflet
/// tooltip: a tooltip measures itself as it is added or changed, a layout of the whole page
/// for each county; this one is centred by CSS.
pub fn county_label(
    a: &crate::scenario::import::Boundary,
    crs: crate::scenario::import::Crs,
    name: &str,
    pane: &str,
) -> Option<Marker> {
    let (lon, lat) = crate::app::map_zoom::label_point(&a.shape)?;
    let (x, y) = crate::app::basemap::to_screen(crs, lon, lat);
    let icon = div_icon(&opts(&[
        ("className", s("dd-county-anchor")),
        ("html", s(&label_html(&escape(name)))),
        ("iconSize", Array::of2(&n(0.0), &n(0.0)).into()),
    ]));
    Some(marker(
        &ll(x, y),
        &opts(&[("icon", icon.into()), ("interactive", b(false)), ("keyboard", b(false)), ("pane", s(pane))]),
    ))
}

/// The element of a county's label (what is measured and moved aside), while it is on the map.
pub fn label_element(m: &Marker) -> Option<HtmlElement> {
    m.get_element()?.first_element_child()?.dyn_into::<HtmlElement>().ok()
}

/// Sets what a county's label says (`inner`: escaped html), on the map and for when it is added
/// again.
pub fn set_label(m: &Marker, inner: &str) {
    if let Some(el) = label_element(m) {
        el.set_inner_html(inner);
    }
    let icon_options = Reflect::get(m, &"options".into())
        .and_then(|o| Reflect::get(&o, &"icon".into()))
        .and_then(|i| Reflect::get(&i, &"options".into()));
    if let Ok(o) = icon_options {
        let _ = Reflect::set(&o, &"html".into(), &label_html(inner).into());
    }
}
