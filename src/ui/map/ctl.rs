//! The Leaflet side of the map: one `MapCtl` owns the Leaflet map and its layers and brings them
//! in line with the app's state (`sync`), touching only what changed. Dense layers are images:
//! the population cells always, the institutions when more are in view than DOM markers can
//! carry. Vector layers (outlines, service circles, the applicant) are few and stay vectors.

use crate::ui::widgets::now_ms;
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement};

use super::leaflet::{self as l, b, escape, ll, n, opts, s};
use super::paint::{new_canvas, put_pixels, CellIndexImage, Swatch, ViewImage};
use super::symbols::{self as sy, Sym};
use super::tiles::Tiles;
use super::{CellLayer, View};
use crate::app::basemap::{from_screen, to_screen, BaseMapConfig};
use crate::app::map_zoom::{self as mz, LabelBox};
use crate::app::state::{Layers, MapData, Shared};
use crate::engine::Outcome;
use crate::scenario::import::Crs;
use crate::scenario::{Application, Scenario};
use crate::spatial::haversine_m;
use crate::text::Lang;
use crate::ui::decision_panel::outcome_symbol;

/// At most this many markers (institutions and their clusters) in view are drawn as DOM nodes;
/// more are painted as shapes on one image.
const MAX_MARKERS: usize = 300;
/// At most this many service circles are drawn; beyond, the legend asks to zoom in.
const MAX_CIRCLES: usize = 400;

/// What the map shows, taken from the app's state on every render.
#[derive(Clone)]
pub struct Inputs {
    pub data: Shared<MapData>,
    pub scenario: Rc<Scenario>,
    pub layers: Shared<Layers>,
    pub radius: f64,
    pub app: Option<Application>,
    pub outcome: Option<Outcome>,
    pub view: View,
    pub lang: Lang,
    /// Suggested sites, numbered from 1 on the map.
    pub sites: Shared<Vec<crate::planning::Site>>,
    /// The baseline and the draft, for the difference layer.
    pub review: Shared<crate::app::review::Review>,
    /// The last assessment of the data set shown, for the lost-coverage layer.
    pub exits: Option<Shared<crate::app::assess::AssessResult>>,
    /// Imported county boundaries, drawn instead of the sample cities' outlines.
    pub boundaries: Option<Rc<crate::scenario::import::Boundaries>>,
    /// The base map: the user's own when turned on, else the deployer's, else none.
    pub tiles: Option<BaseMapConfig>,
}

/// What the legend needs to know back from the map.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ViewInfo {
    /// Same-type institutions in view were too many for their circles.
    pub circles_skipped: bool,
    pub institutions_in_view: usize,
    pub as_image: bool,
    /// Markers standing for several institutions.
    pub clusters: usize,
    /// The coverage layer is painted by county (city zoom), not by cell.
    pub by_county: bool,
    /// Some county has an outline to fill.
    pub fillable: bool,
}

/// Which cells picture is on the overlay, to skip repainting an identical one.
#[derive(Clone, PartialEq)]
struct CellsKey {
    mode: CellLayer,
    classes: Vec<Option<u8>>,
}

pub struct MapCtl {
    pub map: l::Map,
    /// The institutions when painted as shapes: a canvas on the map, like the cells.
    canvas: HtmlCanvasElement,
    outlines: l::LayerGroup,
    outlines_on: bool,
    /// Each outline with its county (index into the scenario's counties), name and name's label,
    /// the largest county first (its label is placed first).
    outline_list: Vec<(Option<usize>, String, l::Polygon, Option<l::Marker>)>,
    /// The text each outline's label shows now.
    label_text: Vec<String>,
    /// How far each outline's label was moved off the markers under it, in pixels.
    label_shift: Vec<(f64, f64)>,
    /// Something labels must keep clear of moved or changed: place them again (a forced layout,
    /// so not on a change that moves nothing, such as a radius change on the surface layer).
    labels_dirty: bool,
    /// The counties filled by their covered share: the coverage layer at city zoom.
    fills: l::LayerGroup,
    fill_list: Vec<(Option<usize>, l::Polygon)>,
    /// Each county's rings, from which its fill is made when fills are first shown (most views
    /// never show them, and a city's fills are as many vertices again as its outlines).
    fill_rings: Vec<(Option<usize>, js_sys::Array)>,
    fills_on: bool,
    /// The share (per mille) each fill was painted for, to restyle only those that changed.
    fill_shares: Vec<Option<Option<u16>>>,
    /// What the fills were last computed from: the coverage masks and the layers asked.
    fills_key: Option<(Rc<crate::spatial::CoverageLayers>, u8)>,
    fill_values: Vec<Option<f64>>,
    /// Cluster markers' click handlers, dropped with their markers.
    cluster_handlers: Vec<Closure<dyn FnMut(JsValue)>>,
    site_markers: Vec<l::Marker>,
    markers: l::LayerGroup,
    inst_image: l::ImageOverlay,
    inst_image_on: bool,
    circles: l::LayerGroup,
    circle_list: Vec<l::Circle>,
    /// Rings round the institutions inside the application's circle, by institution index.
    rings: HashMap<usize, l::CircleMarker>,
    app_circle: Option<l::Circle>,
    app_marker: Option<l::Marker>,
    /// The name the application's label shows (which imported row is selected).
    app_label: Option<String>,
    /// The population cells: a canvas on the map, painted in place.
    cells: l::ImageOverlay,
    cells_canvas: HtmlCanvasElement,
    cells_on: bool,
    cells_key: Option<CellsKey>,
    /// Which cell each pixel of the cells image shows, for the current data.
    cell_index: Option<CellIndexImage>,
    tiles: Option<Tiles>,
    /// The tiles' coordinate system: every layer is drawn at `to_screen` of its WGS-84 point,
    /// and a click is taken back with `from_screen` (shared with the click handler).
    crs: Rc<Cell<Crs>>,
    /// The suggested sites' numbered markers.
    sites: l::LayerGroup,
    last: Option<Inputs>,
    /// The view (west, south, east, north, zoom) the institutions and circles were drawn for.
    drawn_view: Option<[f64; 5]>,
    pub info: ViewInfo,
    pub last_sync_ms: f64,
    /// Of which painting and encoding the cell image.
    pub last_cells_ms: f64,
    pub last_encode_ms: f64,
    pub last_app_ms: f64,
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

/// An element's box on the page (left, top, right, bottom); none for one not laid out.
fn element_box(el: &web_sys::Element) -> Option<LabelBox> {
    let f: js_sys::Function = js_sys::Reflect::get(el, &"getBoundingClientRect".into()).ok()?.dyn_into().ok()?;
    let r = f.call0(el).ok()?;
    let get = |k: &str| js_sys::Reflect::get(&r, &k.into()).ok().and_then(|v| v.as_f64());
    let b = [get("left")?, get("top")?, get("right")?, get("bottom")?];
    (b[2] > b[0] && b[3] > b[1]).then_some(b)
}

/// The map lets go of its handlers before they are dropped: an event Leaflet still had to
/// deliver (a tap, the end of a pan) would otherwise reach a dropped one.
impl Drop for MapCtl {
    fn drop(&mut self) {
        // Not `remove()`: Leaflet then throws from an animation frame it had already asked for.
        self.map.stop();
        self.map.off_all();
    }
}

impl MapCtl {
    /// Creates the map in `el`. `on_click(lon, lat)` is called for every click on the map;
    /// `on_moved` after every pan or zoom.
    pub fn create(
        el: &HtmlElement,
        on_click: impl Fn(f64, f64) + 'static,
        on_moved: impl Fn() + 'static,
    ) -> Option<MapCtl> {
        if !l::available() {
            return None;
        }
        let map = l::map(
            el,
            &opts(&[
                ("zoomControl", b(true)),
                ("attributionControl", b(true)),
                ("minZoom", n(3.0)),
                ("maxZoom", n(19.0)),
                ("zoomSnap", n(0.25)),
                ("worldCopyJump", b(false)),
                ("tapTolerance", n(12.0)),
            ]),
        );
        // Panes from bottom to top: tiles (200), cells and county fills (the overlay pane, 400),
        // outlines and circles (410), institutions drawn as an image (420), markers (600), county
        // names (650: a name with its share is what the city view is read by; a name on the
        // application's pin is skipped, and names let taps through).
        for (name, z) in [("dd-vectors", "410"), ("dd-institutions", "420"), ("dd-labels", "650")] {
            let pane = map.create_pane(name);
            let _ = pane.style().set_property("z-index", z);
            let _ = pane.style().set_property("pointer-events", "none");
        }
        l::control_scale(&opts(&[("imperial", b(false)), ("metric", b(true)), ("maxWidth", n(140.0))])).add_to(&map);

        let crs = Rc::new(Cell::new(Crs::Wgs84));
        let click_crs = crs.clone();
        let click = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            let e: l::MouseEvent = e.unchecked_into();
            let at = e.latlng();
            let (lon, lat) = from_screen(click_crs.get(), at.lng(), at.lat());
            on_click(lon, lat);
        });
        map.on("click", click.as_ref().unchecked_ref());
        let moved = Closure::<dyn FnMut(JsValue)>::new(move |_e: JsValue| on_moved());
        map.on("moveend", moved.as_ref().unchecked_ref());

        let empty = l::bounds([0.0, 0.0, 0.001, 0.001]);
        let cells_canvas = new_canvas()?;
        let cells = l::element_overlay(
            &cells_canvas,
            &empty,
            &opts(&[("className", s("dd-cells")), ("interactive", b(false))]),
        );
        let canvas = new_canvas()?;
        let inst_image = l::element_overlay(
            &canvas,
            &empty,
            &opts(&[("className", s("dd-institutions")), ("interactive", b(false)), ("pane", s("dd-institutions"))]),
        );
        let outlines = l::layer_group();
        let fills = l::layer_group();
        let markers = l::layer_group();
        let circles = l::layer_group();
        markers.add_to(&map);
        circles.add_to(&map);
        let sites = l::layer_group();
        sites.add_to(&map);

        // For the browser tests: the Leaflet map object.
        crate::ui::expose("__dingdianMap", &map);
        Some(MapCtl {
            map,
            canvas,
            outlines,
            outlines_on: false,
            outline_list: Vec::new(),
            label_shift: Vec::new(),
            label_text: Vec::new(),
            labels_dirty: true,
            fills,
            fill_list: Vec::new(),
            fill_rings: Vec::new(),
            fills_on: false,
            fill_shares: Vec::new(),
            fills_key: None,
            fill_values: Vec::new(),
            cluster_handlers: Vec::new(),
            site_markers: Vec::new(),
            markers,
            inst_image,
            inst_image_on: false,
            circles,
            circle_list: Vec::new(),
            rings: HashMap::new(),
            app_circle: None,
            app_marker: None,
            app_label: None,
            cells,
            cells_canvas,
            cells_on: false,
            cells_key: None,
            cell_index: None,
            tiles: None,
            crs,
            sites,
            last: None,
            drawn_view: None,
            info: ViewInfo::default(),
            last_sync_ms: 0.0,
            last_cells_ms: 0.0,
            last_encode_ms: 0.0,
            last_app_ms: 0.0,
            _handlers: vec![click, moved],
        })
    }

    /// `[lat, lng]` where a WGS-84 point is drawn on the current tiles.
    fn at(&self, lon: f64, lat: f64) -> js_sys::Array {
        let (x, y) = to_screen(self.crs.get(), lon, lat);
        ll(x, y)
    }

    /// A `[west, south, east, north]` box of WGS-84 points, its corners as drawn.
    fn shifted(&self, wsen: [f64; 4]) -> [f64; 4] {
        let (w, s_) = to_screen(self.crs.get(), wsen[0], wsen[1]);
        let (e, n_) = to_screen(self.crs.get(), wsen[2], wsen[3]);
        [w, s_, e, n_]
    }

    /// Fits the view to the data. `animate`: glide there (the whole-city button); new data
    /// jumps, so that the institutions are drawn once, for the view that stays.
    pub fn fit_data(&self, animate: bool) {
        if let Some(last) = &self.last {
            self.fit_bounds(last.data.bounds, animate);
        }
    }

    fn fit_bounds(&self, bounds: [f64; 4], animate: bool) {
        self.map.fit_bounds(
            &l::bounds(self.shifted(bounds)),
            &opts(&[("padding", js_sys::Array::of2(&n(12.0), &n(12.0)).into()), ("animate", b(animate))]),
        );
    }

    pub fn go_to_app(&self) {
        if let Some(a) = self.last.as_ref().and_then(|x| x.app.as_ref()) {
            let z = self.map.get_zoom().max(14.0);
            self.map.set_view(&self.at(a.lon, a.lat), z);
        }
    }

    /// Whether the map last drew this data (a sync for it redraws only what changed).
    pub fn draws(&self, data: &Shared<MapData>) -> bool {
        self.last.as_ref().is_some_and(|l| l.data == *data)
    }

    /// Brings the map in line with `inp`; returns what the legend needs to know.
    pub fn sync(&mut self, inp: Inputs) -> ViewInfo {
        let t0 = now_ms();
        let prev = self.last.take();
        // Other tiles may be in another coordinate system: everything is drawn again.
        let crs = inp.tiles.as_ref().map_or(Crs::Wgs84, |t| t.crs);
        let crs_changed = crs != self.crs.get();
        self.crs.set(crs);
        let data_changed = crs_changed || prev.as_ref().map_or(true, |p| p.data != inp.data);
        let view_changed = prev.as_ref().map_or(true, |p| p.view != inp.view);
        let lang_changed = prev.as_ref().map_or(true, |p| p.lang != inp.lang);
        let app_kind_changed = prev.as_ref().map_or(true, |p| {
            let key = |a: &Option<Application>| {
                a.as_ref().map(|a| (a.kind, a.categories(), a.specialty, a.institution_id.clone(), a.change))
            };
            key(&p.app) != key(&inp.app)
        });
        let radius_changed = prev.as_ref().map_or(true, |p| p.radius != inp.radius);
        let app_moved = prev
            .as_ref()
            .map_or(true, |p| p.app.as_ref().map(|a| (a.lon, a.lat)) != inp.app.as_ref().map(|a| (a.lon, a.lat)));
        let outcome_changed = prev.as_ref().map_or(true, |p| p.outcome != inp.outcome);
        let sites_changed = prev.as_ref().map_or(true, |p| p.sites != inp.sites);
        let institutions_changed = data_changed
            || prev.as_ref().map_or(true, |p| {
                !Rc::ptr_eq(&p.scenario, &inp.scenario) && p.scenario.institutions != inp.scenario.institutions
            });

        if sites_changed || lang_changed || crs_changed {
            self.draw_sites(&inp);
        }
        let boundaries_changed = prev.as_ref().map_or(true, |p| match (&p.boundaries, &inp.boundaries) {
            (Some(a), Some(b)) => !Rc::ptr_eq(a, b),
            (None, None) => false,
            _ => true,
        });
        if (boundaries_changed || lang_changed) && !data_changed {
            self.draw_outlines(&inp);
        }
        if data_changed {
            // The new data's view first, with the old outlines gone: Leaflet then lays the new
            // outlines and the cells out once, at the zoom they are shown at, instead of at the
            // old view and again after the fit. Without an animation the view is final at once;
            // the fit's `moveend` handler runs in a task of its own, after this.
            self.clear_outlines();
            self.fit_bounds(inp.data.bounds, false);
            self.draw_outlines(&inp);
            self.cells_key = None;
            self.cell_index = None;
        }
        if institutions_changed {
            for (_, ring) in self.rings.drain() {
                ring.remove();
            }
        }
        if view_changed || data_changed {
            self.show_outlines(inp.view.outlines);
        }
        self.set_base_map(inp.tiles.as_ref());

        self.last = Some(inp);
        let tc = now_ms();
        self.zoom_layers();
        self.last_cells_ms = now_ms() - tc;
        if data_changed {
            // New data draws its institutions in a task of its own, after the outlines and cells
            // are painted (`redraw_pending`), so that no one task draws a whole city. The fit
            // above ends in a `moveend` whose handler may do it first.
            self.drawn_view = None;
        } else if view_changed || lang_changed || app_kind_changed || institutions_changed {
            self.redraw_view();
        } else if radius_changed {
            let r = self.last.as_ref().map(|x| x.radius).unwrap_or(0.0);
            for c in &self.circle_list {
                c.set_radius(r);
            }
        }
        let ta = now_ms();
        let restyle = data_changed || outcome_changed || lang_changed;
        let renamed = self
            .last
            .as_ref()
            .and_then(|x| x.app.as_ref())
            .and_then(|a| a.name.clone())
            .filter(|n| !n.trim().is_empty())
            != self.app_label;
        if restyle || renamed || app_moved || radius_changed || app_kind_changed || institutions_changed {
            // The pin and its name keep labels clear of them; a new radius moves neither.
            self.labels_dirty |= restyle || renamed || app_moved;
            // Another coordinate system moves the pin on the screen though it stays put on the ground.
            self.draw_app(restyle, app_moved || crs_changed);
        }
        self.last_app_ms = now_ms() - ta;
        if self.labels_dirty && !self.redraw_pending() {
            self.place_labels();
        }
        self.last_sync_ms = now_ms() - t0;
        self.info
    }

    /// What the zoom decides: the coverage layer by county (city zoom, where counties have
    /// outlines) or by cell, and the county labels with or without their share.
    fn zoom_layers(&mut self) {
        let Some(inp) = self.last.clone() else { return };
        let lat = (inp.data.bounds[1] + inp.data.bounds[3]) / 2.0;
        let fillable = self.fill_rings.iter().any(|(c, _)| c.is_some());
        self.info.fillable = fillable;
        let by_county = inp.view.cells == CellLayer::Coverage
            && fillable
            && !mz::cells_shown(self.map.get_zoom(), lat, inp.data.spacing_m);
        if by_county {
            let bits = sy::coverage_bits(inp.view.coverage_of);
            let fresh = match &self.fills_key {
                Some((cov, b)) => !Rc::ptr_eq(cov, &inp.layers.coverage) || *b != bits,
                None => true,
            };
            if fresh {
                let d = &inp.data.index;
                self.fill_values = mz::county_shares(
                    &inp.layers.coverage,
                    bits,
                    &d.cell_county,
                    &d.cell_population,
                    inp.scenario.counties.len(),
                );
                self.fills_key = Some((inp.layers.coverage.clone(), bits));
            }
            self.make_fills();
            if !self.fills_on {
                self.fills.add_to(&self.map);
                self.fills_on = true;
                // Paths made anew on the map carry no data attributes yet.
                self.fill_shares.clear();
            }
            self.paint_fills(&inp.scenario.counties);
        } else if self.fills_on {
            self.fills.remove();
            self.fills_on = false;
        }
        self.label_counties(by_county, inp.lang);
        self.draw_cells(&inp, !by_county);
        self.info.by_county = by_county;
    }

    /// The counties' fills, made from their rings the first time they are wanted.
    fn make_fills(&mut self) {
        if !self.fill_list.is_empty() {
            return;
        }
        for (county, rings) in &self.fill_rings {
            let fill = l::polygon(
                rings,
                &opts(&[
                    ("stroke", b(false)),
                    ("fill", b(true)),
                    ("fillOpacity", n(0.0)),
                    ("interactive", b(false)),
                    ("className", s("dd-choropleth")),
                ]),
            );
            self.fills.add_layer(&fill);
            self.fill_list.push((*county, fill));
        }
    }

    /// Each county's fill in its share's colour: a restyle of the paths already on the map.
    fn paint_fills(&mut self, counties: &[crate::scenario::County]) {
        self.fill_shares.resize(self.fill_list.len(), None);
        for (k, (county, poly)) in self.fill_list.iter().enumerate() {
            let share = county.and_then(|c| self.fill_values.get(c).copied().flatten());
            let permille = share.map(|v| (v * 1000.0).round() as u16);
            if self.fill_shares[k] == Some(permille) {
                continue;
            }
            let style = match share {
                Some(v) => {
                    let [r, g, b_] = mz::SHARE_PALETTE[mz::share_bin(v)];
                    opts(&[("fillColor", s(&format!("rgb({r},{g},{b_})"))), ("fillOpacity", n(mz::FILL_OPACITY))])
                }
                None => opts(&[("fillOpacity", n(0.0))]),
            };
            poly.set_style(&style);
            if let Some(el) = poly.get_element() {
                if let Some(c) = county.and_then(|c| counties.get(c)) {
                    let _ = el.set_attribute("data-county", &c.id);
                }
                match share {
                    Some(v) => {
                        let _ = el.set_attribute("data-share", &format!("{:.3}", v));
                        let _ = el.set_attribute("data-bin", &mz::share_bin(v).to_string());
                    }
                    None => {
                        let _ = el.remove_attribute("data-share");
                        let _ = el.remove_attribute("data-bin");
                    }
                }
            }
            self.fill_shares[k] = Some(permille);
        }
    }

    /// The county labels: the name, and under it the covered share while counties are filled.
    fn label_counties(&mut self, with_share: bool, _lang: Lang) {
        self.label_text.resize(self.outline_list.len(), String::new());
        for (k, (county, name, _, label)) in self.outline_list.iter().enumerate() {
            let share = county.and_then(|c| self.fill_values.get(c).copied().flatten()).filter(|_| with_share);
            let text = match share {
                Some(v) => format!(
                    "{}<span class=\"dd-share\" data-testid=\"county-share\">{}</span>",
                    escape(name),
                    mz::share_pct(v)
                ),
                None => escape(name),
            };
            if self.label_text[k] != text {
                if let Some(label) = label {
                    l::set_label(label, &text);
                }
                self.label_text[k] = text;
                self.labels_dirty = true;
            }
        }
    }

    /// Skips each label that would overlap one placed before it: the suggested sites' numbers
    /// in their order (a skipped one shrinks to a dot where it stands), then the county names,
    /// the most populous county first, which step aside from the institutions' markers and
    /// counts; all keep clear of the application's pin and name.
    pub fn place_labels(&mut self) {
        self.labels_dirty = false;
        let rect = |el: &web_sys::Element| -> Option<LabelBox> { element_box(el) };
        let mut fixed: Vec<LabelBox> = Vec::new();
        if let Some(b) = self.app_marker.as_ref().and_then(|m| m.get_element()).and_then(|el| rect(&el)) {
            fixed.push(b);
        }
        if let Some(b) = self
            .app_marker
            .as_ref()
            .and_then(|m| m.get_element())
            .and_then(|el| el.query_selector(".dd-app-label").ok().flatten())
            .and_then(|el| rect(&el))
        {
            fixed.push(b);
        }
        let sites: Vec<Option<HtmlElement>> = self.site_markers.iter().map(|m| m.get_element()).collect();
        let site_boxes: Vec<LabelBox> =
            sites.iter().map(|el| el.as_ref().and_then(|e| rect(e)).unwrap_or([0.0; 4])).collect();
        for ((el, b), show) in sites.iter().zip(&site_boxes).zip(mz::place_labels(&fixed, &site_boxes)) {
            if let Some(el) = el {
                if show {
                    let _ = el.remove_attribute("data-crowded");
                } else {
                    let _ = el.set_attribute("data-crowded", "");
                }
            }
            if show && b[2] > b[0] {
                fixed.push(*b);
            }
        }
        // The institutions' markers and cluster counts: a county name steps aside rather than
        // cover one (the pin and the sites are already in `fixed`). The map's own buttons sit
        // above every label: none goes under them.
        let container = self.map.get_container();
        let boxes_of = |selector: &str| -> Vec<LabelBox> {
            match container.query_selector_all(selector) {
                Ok(list) => (0..list.length())
                    .filter_map(|k| list.item(k)?.dyn_into::<web_sys::Element>().ok())
                    .filter_map(|el| rect(&el))
                    .collect(),
                Err(_) => Vec::new(),
            }
        };
        fixed.extend(boxes_of(".leaflet-control-container .leaflet-control"));
        let labels: Vec<Option<HtmlElement>> =
            self.outline_list.iter().map(|(_, _, _, m)| m.as_ref().and_then(l::label_element)).collect();
        self.label_shift.resize(labels.len(), (0.0, 0.0));
        // Where each label stands before the shift it was last given.
        let boxes: Vec<LabelBox> = labels
            .iter()
            .zip(&self.label_shift)
            .map(|(el, &(dx, dy))| {
                el.as_ref()
                    .and_then(|e| rect(e))
                    .map(|b| [b[0] - dx, b[1] - dy, b[2] - dx, b[3] - dy])
                    .unwrap_or([0.0; 4])
            })
            .collect();
        // Only the markers within a name's reach, and only while a name could be seen: zoomed in
        // to place an application, no name is usually in view, and the hundreds of markers
        // there need not be measured.
        let view = rect(&container);
        let reach: Vec<LabelBox> = boxes
            .iter()
            .filter(|b| b[2] > b[0])
            .map(mz::label_reach)
            .filter(|r| view.is_some_and(|v| mz::boxes_overlap(r, &v)))
            .collect();
        let avoid: Vec<LabelBox> = if reach.is_empty() {
            Vec::new()
        } else {
            boxes_of(".leaflet-marker-pane .leaflet-marker-icon")
                .into_iter()
                .filter(|m| reach.iter().any(|r| mz::boxes_overlap(r, m)))
                .collect()
        };
        for ((el, at), shift) in
            labels.iter().zip(mz::place_labels_around(&fixed, &avoid, &boxes)).zip(self.label_shift.iter_mut())
        {
            *shift = at.unwrap_or((0.0, 0.0));
            if let Some(el) = el {
                let st = el.style();
                let _ = st.set_property("visibility", if at.is_some() { "visible" } else { "hidden" });
                let _ = st.set_property("translate", &format!("{}px {}px", shift.0, shift.1));
                if at.is_some() {
                    let _ = el.remove_attribute("data-crowded");
                } else {
                    let _ = el.set_attribute("data-crowded", "");
                }
            }
        }
    }

    fn clear_outlines(&mut self) {
        self.outlines.clear_layers();
        self.fills.clear_layers();
    }

    fn draw_outlines(&mut self, inp: &Inputs) {
        self.labels_dirty = true;
        self.clear_outlines();
        self.outline_list.clear();
        self.fill_list.clear();
        self.fill_rings.clear();
        self.label_text.clear();
        self.label_shift.clear();
        self.fill_shares.clear();
        match &inp.boundaries {
            Some(b) => self.draw_boundaries(inp, b, "dd-outline dd-boundary"),
            None => self.draw_boundaries(inp, &inp.data.outlines.clone(), "dd-outline"),
        }
        // The most populous county's label first: it is the one kept where labels would overlap.
        let mut residents = vec![0u64; inp.scenario.counties.len()];
        for (&c, &p) in inp.data.index.cell_county.iter().zip(&inp.data.index.cell_population) {
            if let Some(r) = residents.get_mut(c as usize) {
                *r = r.saturating_add(p);
            }
        }
        let of = |c: &Option<usize>| c.and_then(|c| residents.get(c).copied()).unwrap_or(0);
        self.outline_list.sort_by(|a, b| of(&b.0).cmp(&of(&a.0)));
    }

    /// County boundaries (imported, or the sample cities' real outlines): every polygon with its
    /// holes, named by the data's county names.
    fn draw_boundaries(&mut self, inp: &Inputs, bounds: &crate::scenario::import::Boundaries, class: &str) {
        for a in &bounds.areas {
            let name = inp
                .scenario
                .counties
                .iter()
                .find(|c| c.id == a.id)
                .map(|c| c.name.clone())
                .or_else(|| a.name.clone())
                .unwrap_or_else(|| a.id.clone());
            let county = inp.scenario.counties.iter().position(|c| c.id == a.id);
            let rings = l::boundary_rings(a, self.crs.get());
            let poly = l::county_outline(&rings, false, Some(class));
            self.outlines.add_layer(&poly);
            let label = l::county_label(a, self.crs.get(), &name, "dd-labels");
            if let Some(m) = &label {
                self.outlines.add_layer(m);
            }
            self.outline_list.push((county, name, poly, label));
            self.fill_rings.push((county, rings));
        }
    }

    /// The suggested sites as numbered badges, above the institutions, each with its residents added.
    fn draw_sites(&mut self, inp: &Inputs) {
        self.labels_dirty = true;
        self.sites.clear_layers();
        self.site_markers.clear();
        let persons = crate::ui::i18n::U_PERSONS.get(inp.lang);
        for (k, site) in inp.sites.iter().enumerate() {
            let no = k + 1;
            let icon = l::div_icon(&opts(&[
                ("className", s("dd-site")),
                ("html", s(&format!("<span data-testid=\"site-marker\" data-n=\"{no}\">{no}</span>"))),
                ("iconSize", js_sys::Array::of2(&n(26.0), &n(26.0)).into()),
                ("iconAnchor", js_sys::Array::of2(&n(13.0), &n(13.0)).into()),
            ]));
            let m = l::marker(
                &self.at(site.lon, site.lat),
                &opts(&[("icon", icon.into()), ("keyboard", b(false)), ("zIndexOffset", n(900.0))]),
            );
            m.bind_tooltip(
                &format!("#{no} +{} {persons}", crate::text::thousands(site.added_population)),
                &opts(&[("direction", s("top"))]),
            );
            self.sites.add_layer(&m);
            self.site_markers.push(m);
        }
    }

    fn show_outlines(&mut self, on: bool) {
        if on && !self.outlines_on {
            self.outlines.add_to(&self.map);
        } else if !on && self.outlines_on {
            self.outlines.remove();
        }
        self.outlines_on = on;
    }

    fn set_base_map(&mut self, want: Option<&BaseMapConfig>) {
        if self.tiles.as_ref().map(|t| &t.config) == want {
            return;
        }
        if let Some(t) = self.tiles.take() {
            t.remove();
        }
        self.tiles = want.map(|cfg| Tiles::add(&self.map, cfg));
    }

    /// The cell picture for the chosen layer: classes per cell and the palette.
    fn cell_classes(inp: &Inputs) -> (Vec<Option<u8>>, &'static [Swatch]) {
        let layers = &inp.layers;
        match inp.view.cells {
            CellLayer::None => (Vec::new(), &[]),
            CellLayer::Coverage => {
                let bits = sy::coverage_bits(inp.view.coverage_of);
                (layers.coverage.covered(bits).map(|c| Some(c as u8)).collect(), &sy::COVERAGE_PALETTE)
            }
            CellLayer::AreaClass => {
                (layers.area_classes.iter().map(|&c| Some(sy::area_index(c))).collect(), &sy::AREA_PALETTE)
            }
            CellLayer::Surface => {
                // The conditions of the place: those of the time are the same everywhere (the legend says them).
                (
                    layers.surface.where_outcomes.iter().map(|&o| Some(sy::outcome_index(o))).collect(),
                    &sy::OUTCOME_PALETTE,
                )
            }
            CellLayer::Difference => {
                let r = &inp.review;
                let Some(b) = r.baseline.as_ref() else {
                    return (Vec::new(), &[]);
                };
                let changes = crate::review::cell_changes(
                    &b.snapshot,
                    &r.draft,
                    sy::coverage_bits(inp.view.coverage_of),
                    &inp.data.index.cell_population,
                );
                (changes.cells.iter().map(|&c| sy::diff_index(c)).collect(), &sy::DIFF_PALETTE)
            }
            CellLayer::Exits => {
                let Some(r) = inp.exits.as_ref() else {
                    return (Vec::new(), &[]);
                };
                let mut classes = vec![None; inp.data.points.len()];
                for c in &r.assessment.coverage.cells_losing_coverage {
                    if let Some(slot) = classes.get_mut(c.cell) {
                        *slot = sy::exits_index(&c.kinds);
                    }
                }
                (classes, &sy::EXITS_PALETTE)
            }
        }
    }

    /// The cells of the chosen layer, unless `wanted` is false (the coverage layer at city zoom):
    /// then they are neither shown nor painted.
    fn draw_cells(&mut self, inp: &Inputs, wanted: bool) {
        let (classes, palette) = if wanted { Self::cell_classes(inp) } else { (Vec::new(), &[][..]) };
        let show = inp.view.cells != CellLayer::None && !classes.is_empty() && !inp.data.points.is_empty();
        if show {
            let key = CellsKey { mode: inp.view.cells, classes };
            if self.cells_key.as_ref() != Some(&key) {
                let d = &inp.data;
                let index =
                    self.cell_index.get_or_insert_with(|| CellIndexImage::build(&d.points, d.spacing_m, d.extent_m));
                let rgba = index.colour(&key.classes, palette);
                let te = now_ms();
                if put_pixels(&self.cells_canvas, index.width, index.height, &rgba).is_some() {
                    // On GCJ-02 tiles the image's corners are shifted; the offset varies by
                    // centimetres per kilometre, so within the city the stretch between them
                    // is as good as shifting every cell.
                    let b = index.bounds;
                    let (w, s_) = to_screen(self.crs.get(), b[0], b[1]);
                    let (e, n_) = to_screen(self.crs.get(), b[2], b[3]);
                    self.cells.set_bounds(&l::lat_lng_bounds(&l::bounds([w, s_, e, n_])));
                }
                self.last_encode_ms = now_ms() - te;
                self.cells_key = Some(key);
            }
        }
        if show && !self.cells_on {
            self.cells.add_to(&self.map);
        } else if !show && self.cells_on {
            self.cells.remove();
        }
        self.cells_on = show;
    }

    /// The view as drawn: bounds and zoom.
    fn view_now(&self) -> [f64; 5] {
        let b = self.map.get_bounds();
        [b.west(), b.south(), b.east(), b.north(), self.map.get_zoom()]
    }

    /// After a pan or zoom: redraws the view unless it was drawn for this view already (a new
    /// data set is drawn at once, and its fitting the view then ends in a `moveend` too).
    pub fn redraw_if_moved(&mut self) {
        if self.drawn_view != Some(self.view_now()) {
            self.redraw_view();
            self.zoom_layers();
        }
        self.place_labels();
    }

    /// Whether the institutions of new data are still to be drawn (`redraw_if_moved` draws them).
    pub fn redraw_pending(&self) -> bool {
        self.drawn_view.is_none() && self.last.is_some()
    }

    /// Redraws what depends on the view: institutions and service circles in (and near) it.
    pub fn redraw_view(&mut self) {
        let Some(inp) = self.last.clone() else { return };
        self.drawn_view = Some(self.view_now());
        self.labels_dirty = true;
        let vb = self.map.get_bounds().pad(0.25);
        let (w, s_, e, n_) = (vb.west(), vb.south(), vb.east(), vb.north());
        let crs = self.crs.get();
        // Where an institution is drawn, and whether that is in view.
        let drawn = |lon: f64, lat: f64| to_screen(crs, lon, lat);
        let in_view = |lon: f64, lat: f64| {
            let (lon, lat) = drawn(lon, lat);
            lon >= w && lon <= e && lat >= s_ && lat <= n_
        };
        let view = &inp.view;

        // Institutions
        let shown: Vec<(usize, Sym)> = inp
            .scenario
            .institutions
            .iter()
            .enumerate()
            .filter(|(_, x)| x.designated || view.non_designated)
            .map(|(k, x)| (k, Sym::of(x)))
            .filter(|(k, sym)| {
                view.groups[sym.group()] && {
                    let x = &inp.scenario.institutions[*k];
                    in_view(x.lon, x.lat)
                }
            })
            .collect();
        self.markers.clear_layers();
        self.cluster_handlers.clear();
        // Institutions that would overlap are one marker, except those the selected
        // application's rules weigh (ringed on the map) and the one it changes.
        let zoom = self.map.get_zoom();
        let apart: std::collections::HashSet<usize> = inp
            .app
            .as_ref()
            .map(|app| {
                let mut k = deciding(&inp, app);
                if let Some(id) = &app.institution_id {
                    k.extend(inp.scenario.institutions.iter().position(|x| &x.id == id));
                }
                k.into_iter().collect()
            })
            .unwrap_or_default();
        let clusters = if zoom >= mz::NO_CLUSTER_ZOOM {
            (0..shown.len()).map(|k| mz::Cluster { members: vec![k], x: 0.0, y: 0.0 }).collect()
        } else {
            let pts: Vec<(f64, f64)> = shown
                .iter()
                .map(|(k, _)| {
                    let x = &inp.scenario.institutions[*k];
                    let (lon, lat) = drawn(x.lon, x.lat);
                    mz::world_px(lon, lat, zoom)
                })
                .collect();
            mz::cluster(&pts, mz::cluster_px(shown.len()), |j| apart.contains(&shown[j].0))
        };
        let as_image = clusters.len() > MAX_MARKERS;
        let mut n_clusters = 0;
        if as_image {
            let size = self.map.get_size();
            let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).clamp(1.0, 2.0);
            // The image covers the padded view: 1.5 × the container on each axis.
            let (pw, ph) = ((size.x() * 1.5 * dpr).round() as u32, (size.y() * 1.5 * dpr).round() as u32);
            let mut img = ViewImage::new(pw, ph, [w, s_, e, n_]);
            // Smaller marks, without their white rim, where many share the view: a texture of
            // the city's institutions that leaves the cells beneath readable.
            let (h, rim) = match shown.len() {
                n if n > 3000 => (1.0, false),
                n if n > 1000 => (2.0, true),
                _ => (3.0, true),
            };
            let h = (h * dpr).round() as i64;
            // Non-designated first, so designated ones are drawn on top.
            for pass in [false, true] {
                for (k, sym) in &shown {
                    let x = &inp.scenario.institutions[*k];
                    if x.designated == pass {
                        let rgb = if x.designated { sym.rgb() } else { [110, 118, 128] };
                        let (lon, lat) = drawn(x.lon, x.lat);
                        img.shape(lon, lat, sym.shape(), h, rim, rgb, !x.designated);
                    }
                }
            }
            if put_pixels(&self.canvas, img.width, img.height, &img.rgba).is_some() {
                self.inst_image.set_bounds(&vb);
            }
            if !self.inst_image_on {
                self.inst_image.add_to(&self.map);
                self.inst_image_on = true;
            }
        } else {
            if self.inst_image_on {
                self.inst_image.remove();
                self.inst_image_on = false;
            }
            for c in &clusters {
                if let [j] = c.members[..] {
                    let (k, sym) = shown[j];
                    self.letter_marker(&inp, k, sym);
                } else {
                    self.cluster_marker(&inp, &shown, c);
                    n_clusters += 1;
                }
            }
        }

        // Service circles of the institutions the application's proximity rules weigh.
        self.circles.clear_layers();
        self.circle_list.clear();
        let mut skipped = false;
        if let (true, Some(app)) = (view.circles, inp.app.as_ref()) {
            let same: Vec<usize> = inp
                .scenario
                .institutions
                .iter()
                .enumerate()
                .filter(|(_, x)| in_view(x.lon, x.lat) && sy::same_type(app, x))
                .map(|(k, _)| k)
                .collect();
            if same.len() > MAX_CIRCLES {
                skipped = true;
            } else {
                for k in same {
                    let x = &inp.scenario.institutions[k];
                    let rgb = Sym::of(x).rgb();
                    let c = l::circle(
                        &self.at(x.lon, x.lat),
                        &opts(&[
                            ("radius", n(inp.radius)),
                            ("pane", s("dd-vectors")),
                            ("interactive", b(false)),
                            ("color", s(&format!("rgb({},{},{})", rgb[0], rgb[1], rgb[2]))),
                            ("weight", n(1.0)),
                            ("opacity", n(0.75)),
                            ("fill", b(false)),
                            ("className", s("dd-service-circle")),
                        ]),
                    );
                    self.circles.add_layer(&c);
                    self.circle_list.push(c);
                }
            }
        }
        self.info = ViewInfo {
            circles_skipped: skipped,
            institutions_in_view: shown.len(),
            as_image,
            clusters: n_clusters,
            by_county: self.info.by_county,
            fillable: self.info.fillable,
        };
    }

    /// One institution: a letter in a badge of its kind's colour.
    fn letter_marker(&self, inp: &Inputs, k: usize, sym: Sym) {
        let x = &inp.scenario.institutions[k];
        let letter = sym.letter().get(inp.lang);
        let class = format!("dd-inst {}{}", sym.class(), if x.designated { "" } else { " is-undesignated" });
        let html = format!("<span data-institution=\"{}\">{}</span>", escape(&x.id), letter);
        let icon = l::div_icon(&opts(&[
            ("className", s(&class)),
            ("html", s(&html)),
            ("iconSize", js_sys::Array::of2(&n(mz::MARKER_PX), &n(mz::MARKER_PX)).into()),
            ("iconAnchor", js_sys::Array::of2(&n(11.0), &n(11.0)).into()),
        ]));
        let m = l::marker(
            &self.at(x.lon, x.lat),
            &opts(&[("icon", icon.into()), ("interactive", b(false)), ("keyboard", b(false))]),
        );
        self.markers.add_layer(&m);
    }

    /// Institutions that would overlap: one badge with their count, in the colour of the kind
    /// most of them are; a click (or Enter) zooms to them.
    fn cluster_marker(&mut self, inp: &Inputs, shown: &[(usize, Sym)], c: &mz::Cluster) {
        let count = c.members.len();
        let mut by_sym = [0usize; Sym::ALL.len()];
        let (mut w, mut s_, mut e, mut n_) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        let (mut lon_sum, mut lat_sum) = (0.0, 0.0);
        for &j in &c.members {
            let (k, sym) = shown[j];
            if let Some(slot) = Sym::ALL.iter().position(|x| *x == sym) {
                by_sym[slot] += 1;
            }
            let x = &inp.scenario.institutions[k];
            let (lon, lat) = to_screen(self.crs.get(), x.lon, x.lat);
            (w, s_, e, n_) = (w.min(lon), s_.min(lat), e.max(lon), n_.max(lat));
            lon_sum += lon;
            lat_sum += lat;
        }
        // The first of the most numerous kind, in the legend's order.
        let most = (0..by_sym.len()).rev().max_by_key(|&k| by_sym[k]).map(|k| Sym::ALL[k]).unwrap_or(Sym::Pharmacy);
        let size = match count {
            ..=9 => 28.0,
            10..=99 => 34.0,
            _ => 40.0,
        };
        let title = crate::ui::i18n::cluster_title(count).get(inp.lang).to_string();
        let html = format!(
            "<span data-testid=\"map-cluster\" data-count=\"{count}\" data-kind=\"{}\">{count}</span>",
            most.class()
        );
        let icon = l::div_icon(&opts(&[
            ("className", s(&format!("dd-cluster {}", most.class()))),
            ("html", s(&html)),
            ("iconSize", js_sys::Array::of2(&n(size), &n(size)).into()),
            ("iconAnchor", js_sys::Array::of2(&n(size / 2.0), &n(size / 2.0)).into()),
        ]));
        let at = ll(lon_sum / count as f64, lat_sum / count as f64);
        let m = l::marker(&at, &opts(&[("icon", icon.into()), ("keyboard", b(true)), ("title", s(&title))]));
        let map = self.map.clone();
        let extent = l::bounds([w, s_, e, n_]);
        let zoom_in = Closure::<dyn FnMut(JsValue)>::new(move |_e: JsValue| {
            map.fit_bounds(
                &extent,
                &opts(&[
                    ("padding", js_sys::Array::of2(&n(48.0), &n(48.0)).into()),
                    ("maxZoom", n(mz::NO_CLUSTER_ZOOM)),
                ]),
            );
        });
        m.on("click", zoom_in.as_ref().unchecked_ref());
        self.cluster_handlers.push(zoom_in);
        self.markers.add_layer(&m);
    }

    /// The selected application: its marker (with the outcome's symbol), its service circle,
    /// and rings round the same-type designated institutions inside that circle. `restyle`:
    /// the outcome changed (or everything must be redrawn).
    fn draw_app(&mut self, restyle: bool, moved: bool) {
        let Some(inp) = self.last.as_ref() else {
            return;
        };
        let Some(app) = inp.app.as_ref() else {
            for (_, ring) in self.rings.drain() {
                ring.remove();
            }
            if let Some(m) = self.app_marker.take() {
                m.remove();
            }
            self.app_label = None;
            if let Some(c) = self.app_circle.take() {
                c.remove();
            }
            return;
        };
        let at = self.at(app.lon, app.lat);
        let outcome_class = inp.outcome.map(|o| o.id()).unwrap_or("none");
        let colour = match inp.outcome {
            Some(Outcome::Accepted) => "#1b6e33",
            Some(Outcome::Prioritized) => "#0b5a86",
            Some(Outcome::Rejected) => "#a8231b",
            Some(Outcome::Suspended) => "#7c5200",
            _ => "#5a3f8f",
        };
        match &self.app_circle {
            // Each of these redraws the circle's path: only what changed is set.
            Some(c) => {
                if moved {
                    c.set_lat_lng(&at);
                }
                if c.get_radius() != inp.radius {
                    c.set_radius(inp.radius);
                }
                if restyle {
                    c.set_style(&opts(&[("color", s(colour))]));
                }
            }
            None => {
                let c = l::circle(
                    &at,
                    &opts(&[
                        ("radius", n(inp.radius)),
                        ("pane", s("dd-vectors")),
                        ("interactive", b(false)),
                        ("color", s(colour)),
                        ("weight", n(3.0)),
                        ("dashArray", s("8 6")),
                        ("fillOpacity", n(0.05)),
                        ("className", s("dd-app-circle")),
                    ]),
                );
                c.add_to(&self.map);
                self.app_circle = Some(c);
            }
        }
        // The application's name stands beside its pin, in the pin's own html (escaped: names
        // come from imported files), so moving the pin moves it without measuring it (a Leaflet
        // tooltip would lay the page out to place itself).
        let name = app.name.clone().filter(|n| !n.trim().is_empty());
        let renamed = name != self.app_label;
        let icon = || {
            let symbol = inp.outcome.map(outcome_symbol).unwrap_or("?");
            let label = name
                .as_ref()
                .map(|n| {
                    format!(
                        "<span class=\"dd-app-label leaflet-tooltip leaflet-tooltip-right\" data-testid=\"map-application-label\">{}</span>",
                        escape(n)
                    )
                })
                .unwrap_or_default();
            l::div_icon(&opts(&[
                ("className", s(&format!("dd-app-pin outcome-{outcome_class}"))),
                (
                    "html",
                    s(&format!(
                        "<span data-testid=\"map-application\" data-outcome=\"{outcome_class}\">{symbol}</span>{label}"
                    )),
                ),
                ("iconSize", js_sys::Array::of2(&n(34.0), &n(34.0)).into()),
                ("iconAnchor", js_sys::Array::of2(&n(17.0), &n(17.0)).into()),
            ]))
        };
        match &self.app_marker {
            Some(m) => {
                if moved {
                    m.set_lat_lng(&at);
                }
                if restyle || renamed {
                    m.set_icon(&icon());
                }
            }
            None => {
                let m = l::marker(
                    &at,
                    &opts(&[
                        ("icon", icon().into()),
                        ("interactive", b(false)),
                        ("keyboard", b(false)),
                        ("zIndexOffset", n(1000.0)),
                    ]),
                );
                m.add_to(&self.map);
                self.app_marker = Some(m);
            }
        }
        self.app_label = name;
        // Rings already on the map stay; only those that enter or leave the circle are added or
        // removed.
        let want = deciding(inp, app);
        self.rings.retain(|k, ring| {
            let keep = want.binary_search(k).is_ok();
            if !keep {
                ring.remove();
            }
            keep
        });
        for k in want {
            if self.rings.contains_key(&k) {
                continue;
            }
            let x = &inp.scenario.institutions[k];
            let ring = l::circle_marker(
                &self.at(x.lon, x.lat),
                &opts(&[
                    ("radius", n(15.0)),
                    ("pane", s("dd-vectors")),
                    ("interactive", b(false)),
                    ("color", s("#a8231b")),
                    ("weight", n(3.0)),
                    ("fill", b(false)),
                    ("className", s("dd-hit")),
                ]),
            );
            ring.add_to(&self.map);
            self.rings.insert(k, ring);
        }
    }
}

/// The same-type institutions within the application's service circle (ringed on the map), in
/// index order: a cheap box test first, then the same haversine as the rules.
fn deciding(inp: &Inputs, app: &Application) -> Vec<usize> {
    let dlat = (inp.radius / crate::spatial::EARTH_RADIUS_M).to_degrees() * 1.01;
    let dlon = dlat / app.lat.to_radians().cos().max(0.05);
    let mut want: Vec<usize> = Vec::new();
    for (k, x) in inp.scenario.institutions.iter().enumerate() {
        if (x.lat - app.lat).abs() > dlat || (x.lon - app.lon).abs() > dlon || !sy::same_type(app, x) {
            continue;
        }
        if haversine_m(app.lon, app.lat, x.lon, x.lat) <= inp.radius {
            want.push(k);
        }
    }
    want
}
