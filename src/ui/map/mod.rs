//! The map panel: a Leaflet slippy map (pan, zoom, scale bar) with the county outlines, the
//! institutions, service circles, the population cells coloured by coverage, area class or
//! acceptance, and the selected application, which a click places. Below it, the layer
//! toggles with their legend and the optional base map settings.
//!
//! `ctl` drives Leaflet; `leaflet` binds the few calls it needs; `paint` turns cells and
//! crowded institutions into images; `symbols` says how everything looks.

mod ctl;
pub(crate) mod leaflet;
mod paint;
pub(crate) mod symbols;
pub(crate) mod tiles;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use self::ctl::{Inputs, MapCtl, ViewInfo};
use self::paint::Swatch;
use self::symbols::{Sym, GROUPS};
use super::decision_panel::outcome_symbol;
use super::i18n::{self as i, bi, bi_t, lang_tag, t};
use crate::app::basemap::BaseMapConfig;
use crate::app::map_view::MapView;
use crate::app::map_zoom as mz;
use crate::app::state::{Timing, AREA_CLASSES};
use crate::engine::Outcome;
use crate::scenario::import::Crs;
use crate::scenario::Category;
use crate::text::{Lang, Text, Words};

/// What the population cells are coloured by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellLayer {
    None,
    Coverage,
    AreaClass,
    Surface,
    /// Cells that gain or lose coverage against the baseline, or change outcome.
    Difference,
    /// Cells that lose coverage when the institutions the assessment removes leave.
    Exits,
}

impl CellLayer {
    pub const ALL: [CellLayer; 6] = [
        CellLayer::Surface,
        CellLayer::Coverage,
        CellLayer::AreaClass,
        CellLayer::Difference,
        CellLayer::Exits,
        CellLayer::None,
    ];
    pub fn id(self) -> &'static str {
        match self {
            CellLayer::None => "none",
            CellLayer::Coverage => "coverage",
            CellLayer::AreaClass => "area_class",
            CellLayer::Surface => "surface",
            CellLayer::Difference => "difference",
            CellLayer::Exits => "exits",
        }
    }
    fn label(self) -> Words {
        match self {
            CellLayer::None => i::L_CELLS_NONE,
            CellLayer::Coverage => i::L_CELLS_COVERAGE,
            CellLayer::AreaClass => i::L_CELLS_AREA,
            CellLayer::Surface => i::L_CELLS_SURFACE,
            CellLayer::Difference => i::L_CELLS_DIFF,
            CellLayer::Exits => i::AS_L_CELLS,
        }
    }
}

/// Which coverage layer the cells show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoverageOf {
    Pharmacy,
    Ordinary,
    Chronic,
    SpecialDrug,
    Outpatient,
    Inpatient,
}

impl CoverageOf {
    pub const ALL: [CoverageOf; 6] = [
        CoverageOf::Pharmacy,
        CoverageOf::Ordinary,
        CoverageOf::Chronic,
        CoverageOf::SpecialDrug,
        CoverageOf::Outpatient,
        CoverageOf::Inpatient,
    ];
    pub fn id(self) -> &'static str {
        match self {
            CoverageOf::Pharmacy => "pharmacy",
            CoverageOf::Ordinary => "ordinary",
            CoverageOf::Chronic => "chronic",
            CoverageOf::SpecialDrug => "special_drug",
            CoverageOf::Outpatient => "outpatient",
            CoverageOf::Inpatient => "inpatient",
        }
    }
    pub fn label(self) -> Text {
        match self {
            CoverageOf::Pharmacy => i::L_ALL_PHARMACIES.clone(),
            CoverageOf::Ordinary => cat_label(Category::Ordinary),
            CoverageOf::Chronic => cat_label(Category::Chronic),
            CoverageOf::SpecialDrug => cat_label(Category::SpecialDrug),
            CoverageOf::Outpatient => i::COV_OUTPATIENT.clone(),
            CoverageOf::Inpatient => i::COV_INPATIENT.clone(),
        }
    }
}

fn cat_label(c: Category) -> Text {
    let l = c.label();
    Text::new(format!("{}{}", l.zh, i::OF_PHARMACIES.zh), format!("{}{}", l.en, i::OF_PHARMACIES.en))
}

/// The user's own tile layer under the map's own layers: off by default (the app works
/// offline). When off, the deployer's `basemap.json` (if any) is shown instead.
#[derive(Clone, Debug, PartialEq)]
pub struct BaseMap {
    pub on: bool,
    pub url: String,
    pub attribution: String,
    /// The tiles' coordinate system (WGS-84 or GCJ-02).
    pub crs: Crs,
}

const BASEMAP_KEY: &str = "dingdian.basemap";

impl BaseMap {
    fn defaults() -> BaseMap {
        BaseMap {
            on: false,
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            attribution: "© OpenStreetMap contributors".into(),
            crs: Crs::Wgs84,
        }
    }

    /// The tiles to show when turned on.
    pub fn config(&self) -> Option<BaseMapConfig> {
        let url = self.url.trim();
        (self.on && !url.is_empty()).then(|| BaseMapConfig {
            url: url.to_string(),
            labels: None,
            subdomains: if url.contains("{s}") { "abc".into() } else { String::new() },
            attribution: self.attribution.clone(),
            crs: self.crs,
            max_zoom: 19,
        })
    }

    /// The settings kept in this browser's storage, if any.
    fn load() -> BaseMap {
        let stored = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .and_then(|st| st.get_item(BASEMAP_KEY).ok().flatten())
            .and_then(|s| serde_json::from_str::<serde_json::Value>(&s).ok());
        let mut bm = BaseMap::defaults();
        if let Some(v) = stored {
            bm.on = v.get("on").and_then(|x| x.as_bool()).unwrap_or(false);
            if let Some(u) = v.get("url").and_then(|x| x.as_str()) {
                bm.url = u.to_string();
            }
            if let Some(a) = v.get("attribution").and_then(|x| x.as_str()) {
                bm.attribution = a.to_string();
            }
            if let Some(c) = v.get("crs").and_then(|x| x.as_str()).and_then(Crs::parse) {
                bm.crs = c;
            }
        }
        bm
    }

    fn save(&self) {
        let v = serde_json::json!({ "on": self.on, "url": self.url, "attribution": self.attribution, "crs": self.crs.id() });
        if let Some(st) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = st.set_item(BASEMAP_KEY, &v.to_string());
        }
    }
}

/// The layer choices of the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub outlines: bool,
    /// Institutions by group, in `symbols::GROUPS` order.
    pub groups: [bool; 4],
    pub non_designated: bool,
    pub circles: bool,
    pub cells: CellLayer,
    pub coverage_of: CoverageOf,
    pub basemap: BaseMap,
}

impl Default for View {
    fn default() -> Self {
        View {
            outlines: true,
            groups: [true; 4],
            non_designated: false,
            circles: true,
            cells: CellLayer::Surface,
            coverage_of: CoverageOf::Pharmacy,
            basemap: BaseMap::load(),
        }
    }
}

/// What the map shows, and the user's intent: a click on the map places the application there.
#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub view: MapView,
    pub on_place: Callback<(f64, f64)>,
}

/// `window.__dingdianTiming`, for measuring responsiveness in a test (test hooks only): the
/// last recompute (engine) and map update, in milliseconds, and running counts of recomputes
/// (`recomputes`) and of map updates (`syncs`, fewer while the map waits off the screen).
fn note_timing(fields: &[(&str, f64)], counter: &str) {
    if !crate::ui::test_hooks() {
        return;
    }
    let Some(w) = web_sys::window() else { return };
    let o = js_sys::Reflect::get(&w, &"__dingdianTiming".into())
        .ok()
        .filter(|v| v.is_object())
        .map(|v| v.unchecked_into::<js_sys::Object>())
        .unwrap_or_default();
    let count = js_sys::Reflect::get(&o, &counter.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
    for (k, v) in fields.iter().copied().chain([(counter, count + 1.0)]) {
        let _ = js_sys::Reflect::set(&o, &k.into(), &v.into());
    }
    crate::ui::expose("__dingdianTiming", &o);
}

fn note_recompute(t: Timing) {
    note_timing(
        &[
            ("recompute_ms", t.total_ms),
            ("prepare_ms", t.prepare_ms),
            ("decide_ms", t.decide_ms),
            ("coverage_ms", t.coverage_ms),
            ("area_classes_ms", t.area_classes_ms),
            ("surface_ms", t.surface_ms),
        ],
        "recomputes",
    );
}

fn note_map(m: &MapCtl) {
    note_timing(
        &[
            ("map_ms", m.last_sync_ms),
            ("map_cells_ms", m.last_cells_ms),
            ("map_encode_ms", m.last_encode_ms),
            ("map_app_ms", m.last_app_ms),
        ],
        "syncs",
    );
}

type Ctl = Rc<RefCell<Option<MapCtl>>>;

/// Brings the map in line with `inputs` (nothing while Leaflet has not made it yet: the render
/// that follows its making brings it in line).
fn sync_map(ctl: &Ctl, inputs: Inputs, info: &UseStateSetter<ViewInfo>) {
    let pending = match ctl.try_borrow_mut() {
        Ok(mut c) => match c.as_mut() {
            Some(m) => {
                info.set(m.sync(inputs));
                note_map(m);
                m.redraw_pending()
            }
            None => false,
        },
        Err(_) => false,
    };
    if pending {
        // New data's institutions after the frame that shows its outlines and cells (unless the
        // fit's `moveend` drew them first).
        let (ctl, info) = (Rc::downgrade(ctl), info.clone());
        wasm_bindgen_futures::spawn_local(async move {
            crate::ui::widgets::next_paint().await;
            redraw_after_move(&ctl, &info, true);
        });
    }
}

/// Draws what the map's view now needs (`MapCtl::redraw_if_moved`) and tells the legend;
/// `only_pending`: only while new data's institutions are still to be drawn.
fn redraw_after_move(
    ctl: &std::rc::Weak<RefCell<Option<MapCtl>>>,
    info: &UseStateSetter<ViewInfo>,
    only_pending: bool,
) {
    let Some(c) = ctl.upgrade() else { return };
    let Ok(mut c) = c.try_borrow_mut() else { return };
    if let Some(m) = c.as_mut().filter(|m| !only_pending || m.redraw_pending()) {
        m.redraw_if_moved();
        info.set(m.info);
    }
}

/// Whether the map is near the screen, and the update that waits while it is not.
struct Offscreen {
    /// On the screen or within a screen's height of it (the observer's margin), so that a
    /// scroll back reaches a map already drawn.
    near: Cell<bool>,
    pending: RefCell<Option<Inputs>>,
}

impl Offscreen {
    /// Draws the waiting update now: before the map is moved by a button, whose result the user
    /// then looks at.
    fn flush(&self, ctl: &Ctl, info: &UseStateSetter<ViewInfo>) {
        let waiting = self.pending.borrow_mut().take();
        if let Some(inputs) = waiting {
            sync_map(ctl, inputs, info);
        }
    }
}

/// Watches how near the map's element is to the screen (an IntersectionObserver), and draws the
/// waiting update when it comes near. Without the observer the map counts as always near.
#[hook]
fn use_offscreen(node: &NodeRef, ctl: &Ctl, info: UseStateSetter<ViewInfo>) -> Rc<Offscreen> {
    let offscreen = use_memo((), |_| Offscreen { near: Cell::new(true), pending: RefCell::new(None) });
    {
        let (node, ctl, offscreen) = (node.clone(), ctl.clone(), offscreen.clone());
        use_effect_with((), move |_| {
            let observer = node.cast::<web_sys::Element>().and_then(|el| {
                let cb =
                    wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                        let Some(entry) = entries.iter().last() else { return };
                        let near = entry.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting();
                        offscreen.near.set(near);
                        if near {
                            offscreen.flush(&ctl, &info);
                        }
                    });
                let init = web_sys::IntersectionObserverInit::new();
                init.set_root_margin("100% 0px");
                let io = web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init).ok()?;
                io.observe(&el);
                Some((io, cb))
            });
            move || {
                if let Some((io, cb)) = observer {
                    io.disconnect();
                    drop(cb);
                }
            }
        });
    }
    offscreen
}

#[function_component(MapPanel)]
pub fn map_panel(props: &Props) -> Html {
    let s = &props.view;
    let lang = props.lang;
    let view = use_state(View::default);
    let info = use_state_eq(ViewInfo::default);
    let node = use_node_ref();
    let deployed = use_context::<tiles::Deployed>().unwrap_or_default();
    let tiles = view.basemap.config().or_else(|| deployed.0.as_deref().cloned());

    // Made once, after the first paint: the decision shows first and the map follows (its
    // script, `leaflet::ready`, may still be arriving).
    let (ctl, failed) = {
        let on_place = props.on_place.clone();
        let info = info.setter();
        leaflet::use_map::<MapCtl, _>(&node, true, move |el, weak| {
            let on_moved = move || {
                // After the event: the map may be moving because `sync` asked it to.
                let weak = weak.clone();
                let info = info.clone();
                let later =
                    wasm_bindgen::closure::Closure::once_into_js(move || redraw_after_move(&weak, &info, false));
                if let Some(w) = web_sys::window() {
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
                }
            };
            let on_click = move |lon: f64, lat: f64| on_place.emit((lon, lat));
            MapCtl::create(el, on_click, on_moved)
        })
    };

    // Bring the map in line with the state after every render (only what changed is redrawn),
    // or, while it is scrolled far off the screen (a phone's one column, the parameters far
    // below it), once it comes near again: an edit there then costs no map drawing at all.
    let offscreen = use_offscreen(&node, &ctl, info.setter());
    {
        let inputs = Inputs {
            data: s.data.clone(),
            scenario: s.scenario.0.clone(),
            layers: s.layers.clone(),
            radius: s.radius,
            app: s.app.clone(),
            outcome: s.outcome,
            view: (*view).clone(),
            lang,
            sites: s.sites.clone(),
            review: s.review.clone(),
            exits: s.exits.clone(),
            boundaries: s.boundaries.as_ref().map(|b| b.0.clone()),
            tiles: tiles.clone(),
        };
        // The same data as drawn: the change is drawn before the browser paints, with the rest
        // of the page. New data waits for the effect (its outlines and cells are heavy).
        let same_data = ctl.try_borrow().ok().is_some_and(|c| c.as_ref().is_some_and(|m| m.draws(&inputs.data)));
        let (ctl, info, offscreen) = (ctl.clone(), info.setter(), offscreen.clone());
        crate::ui::widgets::use_draw(inputs, same_data, move |inputs| {
            if offscreen.near.get() {
                offscreen.pending.borrow_mut().take();
                sync_map(&ctl, inputs, &info);
            } else {
                *offscreen.pending.borrow_mut() = Some(inputs);
            }
        });
    }
    // Every recompute is counted, the map drawn or not.
    {
        let timing = s.timing;
        use_effect_with(s.layers.clone(), move |_| note_recompute(timing));
    }

    // A row chosen in the results table brings its application into view.
    {
        let ctl = ctl.clone();
        let (offscreen, info) = (offscreen.clone(), info.setter());
        use_effect_with(s.focus, move |focus| {
            if *focus > 0 {
                offscreen.flush(&ctl, &info);
                if let Ok(c) = ctl.try_borrow() {
                    if let Some(m) = c.as_ref() {
                        m.go_to_app();
                    }
                }
            }
            || ()
        });
    }

    let on_fit = {
        let (ctl, offscreen, info) = (ctl.clone(), offscreen.clone(), info.setter());
        Callback::from(move |_| {
            offscreen.flush(&ctl, &info);
            if let Ok(c) = ctl.try_borrow() {
                if let Some(m) = c.as_ref() {
                    m.fit_data(true);
                }
            }
        })
    };
    let on_to_app = {
        let (ctl, offscreen, info) = (ctl.clone(), offscreen.clone(), info.setter());
        Callback::from(move |_| {
            offscreen.flush(&ctl, &info);
            if let Ok(c) = ctl.try_borrow() {
                if let Some(m) = c.as_ref() {
                    m.go_to_app();
                }
            }
        })
    };

    // "Show on the map" in the assessment panel switches the cells to its layer.
    {
        let view = view.clone();
        use_effect_with(s.show_exits, move |n| {
            if *n > 0 && view.cells != CellLayer::Exits {
                let mut next = (*view).clone();
                next.cells = CellLayer::Exits;
                view.set(next);
            }
            || ()
        });
    }

    let app = s.app.as_ref();
    html! {
        <section class="panel panel-map" aria-labelledby="map-heading" data-testid="map-panel">
            <div class="panel-head map-head">
                <h2 id="map-heading">{ bi_t(lang, i::MAP_HEADING) }</h2>
                <div class="map-actions">
                    <button type="button" class="btn btn-quiet btn-small" data-testid="map-fit" onclick={on_fit}>{ "⤢ " }{ i::MAP_FIT.get(lang) }</button>
                    <button type="button" class="btn btn-quiet btn-small" data-testid="map-to-application" onclick={on_to_app}
                        disabled={app.is_none()}>{ "◎ " }{ i::MAP_TO_APP.get(lang) }</button>
                </div>
            </div>
            <p class="field-hint map-hint">{ i::MAP_HINT.get(lang) }</p>
            // The legend beside the map on wide screens (CSS), under it elsewhere.
            <div class="map-body">
            <div class="map-frame" data-testid="map"
                data-app-lon={app.map(|a| a.lon.to_string())} data-app-lat={app.map(|a| a.lat.to_string())}
                data-cells={view.cells.id()} data-institutions={if info.as_image { "image" } else { "markers" }}
                data-by-county={info.by_county.to_string()} data-in-view={info.institutions_in_view.to_string()}
                data-clusters={info.clusters.to_string()}>
                <div class="map-canvas" ref={node} role="region" aria-label={i::MAP_LABEL.get(lang)}></div>
            </div>
            { legend(props, &view, *info) }
            </div>
            if failed {
                <p class="field-error" role="alert">{ i::MAP_NO_LEAFLET.get(lang) }</p>
            }
            if tiles.as_ref().is_some_and(|t| t.crs == Crs::Gcj02) {
                <p class="field-hint" data-testid="map-shifted">{ bi_t(lang, i::B_SHIFTED) }</p>
            }
        </section>
    }
}

fn badge(lang: Lang, sym: Sym, designated: bool) -> Html {
    html! {
        <span class={classes!("dd-inst", "legend-badge", sym.class(), (!designated).then_some("is-undesignated"))} aria-hidden="true">
            <span>{ sym.letter().get(lang) }</span>
        </span>
    }
}

/// A checkbox in the legend, 44 px tall.
fn toggle(id: &str, testid: &str, checked: bool, label: Html, onchange: Callback<bool>) -> Html {
    let onchange =
        Callback::from(move |e: Event| onchange.emit(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <div class="check legend-check">
            <input id={id.to_string()} type="checkbox" data-testid={testid.to_string()} {checked} {onchange} />
            <label for={id.to_string()}>{ label }</label>
        </div>
    }
}

fn legend(props: &Props, view: &UseStateHandle<View>, info: ViewInfo) -> Html {
    let s = &props.view;
    let lang = props.lang;
    let v = (**view).clone();
    let update = |f: fn(&mut View, bool)| {
        let view = view.clone();
        Callback::from(move |on: bool| {
            let mut next = (*view).clone();
            f(&mut next, on);
            view.set(next);
        })
    };

    // The lost-coverage layer is offered once an assessment of this data set exists.
    let has_exits = s.exits.is_some();
    // The cell layer: a choice of one, then its legend.
    let on_cells = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(c) = CellLayer::ALL.into_iter().find(|c| c.id() == id) {
                let mut next = (*view).clone();
                next.cells = c;
                view.set(next);
            }
        })
    };
    let on_coverage_of = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(c) = CoverageOf::ALL.into_iter().find(|c| c.id() == id) {
                let mut next = (*view).clone();
                next.coverage_of = c;
                view.set(next);
            }
        })
    };
    let hatched = |sw: Swatch, l: Text| {
        if sw.fill == paint::Fill::Hatch {
            Text::new(format!("{}（{}）", l.zh, i::L_HATCHED.zh), format!("{} ({})", l.en, i::L_HATCHED.en))
        } else {
            l
        }
    };
    // Swatch, symbol (outcomes), words.
    let cell_items: Vec<(String, &'static str, Text)> = match v.cells {
        CellLayer::None => vec![],
        // At city zoom, each county's share in bins, fewest covered first.
        CellLayer::Coverage if info.by_county => (0..mz::SHARE_PALETTE.len())
            .map(|k| {
                let [r, g, b] = mz::SHARE_PALETTE[k];
                (format!("background: rgba({r},{g},{b},{})", mz::FILL_OPACITY), "", mz::bin_label(k))
            })
            .collect(),
        CellLayer::Coverage => vec![
            (symbols::COVERAGE_PALETTE[1].css(), "", i::COVERED.clone()),
            (symbols::COVERAGE_PALETTE[0].css(), "", i::NOT_COVERED.clone()),
        ],
        CellLayer::AreaClass => AREA_CLASSES
            .iter()
            .map(|c| {
                let sw = symbols::AREA_PALETTE[symbols::area_index(*c) as usize];
                (sw.css(), "", hatched(sw, c.label()))
            })
            .collect(),
        CellLayer::Surface => Outcome::ALL
            .iter()
            .map(|o| {
                let sw = symbols::OUTCOME_PALETTE[symbols::outcome_index(*o) as usize];
                (sw.css(), outcome_symbol(*o), hatched(sw, o.label()))
            })
            .collect(),
        CellLayer::Difference => symbols::DIFF_CHANGES
            .iter()
            .zip(symbols::DIFF_PALETTE)
            .map(|(c, sw)| (sw.css(), symbols::diff_symbol(*c), hatched(sw, c.label())))
            .collect(),
        CellLayer::Exits => symbols::EXITS_LOST
            .iter()
            .zip(symbols::EXITS_PALETTE)
            .map(|((symbol, label), sw)| (sw.css(), *symbol, hatched(sw, (*label).clone())))
            .collect(),
    };
    let surface_when = match v.cells {
        CellLayer::Surface => crate::app::coverage::surface_when(&s.layers, s.app.as_ref()),
        _ => Vec::new(),
    };
    let cell_note = match v.cells {
        CellLayer::Surface => Some(i::L_SURFACE_NOTE),
        CellLayer::Difference => Some(i::RV_L_DIFF_NOTE),
        CellLayer::Exits => Some(if has_exits { i::AS_L_NOTE } else { i::AS_L_NONE }),
        CellLayer::None => None,
        CellLayer::Coverage if info.by_county => Some(i::L_BY_COUNTY_NOTE),
        _ => Some(i::CELL_NOTE),
    };
    // Zoomed in on a city whose counties can be filled: say how to get their shares back.
    let by_cell_note = v.cells == CellLayer::Coverage && !info.by_county && info.fillable;

    let basemap = {
        let bm = v.basemap.clone();
        let set = |f: fn(&mut BaseMap, String)| {
            let view = view.clone();
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut next = (*view).clone();
                f(&mut next.basemap, value);
                next.basemap.save();
                view.set(next);
            })
        };
        let on_toggle = {
            let view = view.clone();
            Callback::from(move |on: bool| {
                let mut next = (*view).clone();
                next.basemap.on = on;
                next.basemap.save();
                view.set(next);
            })
        };
        let on_crs = {
            let view = view.clone();
            Callback::from(move |e: Event| {
                let id = e.target_unchecked_into::<HtmlSelectElement>().value();
                let mut next = (*view).clone();
                next.basemap.crs = Crs::parse(&id).unwrap_or(Crs::Wgs84);
                next.basemap.save();
                view.set(next);
            })
        };
        html! {
            <details class="basemap" data-testid="basemap">
                <summary>{ bi_t(lang, i::BASEMAP) }
                    if bm.on { <span class="tag tag-changed">{ i::YES.get(lang) }</span> }
                </summary>
                { toggle("basemap-on", "basemap-on", bm.on, bi_t(lang, i::BASEMAP_ON), on_toggle) }
                <div class="field">
                    <label for="basemap-url">{ bi_t(lang, i::BASEMAP_URL) }</label>
                    <div class="control">
                        <input id="basemap-url" type="url" inputmode="url" spellcheck="false" value={bm.url.clone()}
                            placeholder="https://…/{z}/{x}/{y}.png" onchange={set(|b, v| b.url = v)} />
                    </div>
                </div>
                <div class="field">
                    <label for="basemap-attribution">{ bi_t(lang, i::BASEMAP_ATTRIBUTION) }</label>
                    <div class="control">
                        <input id="basemap-attribution" type="text" value={bm.attribution.clone()} onchange={set(|b, v| b.attribution = v)} />
                    </div>
                </div>
                <div class="field">
                    <label for="basemap-crs">{ bi_t(lang, i::B_CRS) }</label>
                    <div class="control">
                        <select id="basemap-crs" data-testid="basemap-crs" onchange={on_crs}>
                            { for [Crs::Wgs84, Crs::Gcj02].into_iter().map(|c| html! {
                                <option value={c.id()} selected={c == bm.crs}>{ t(lang, &c.label()) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <p class="field-hint">{ i::BASEMAP_HINT.get(lang) }</p>
            </details>
        }
    };

    let app_kind = s.app.as_ref().map(|a| a.kind);
    // Open on wide screens; on a phone folded, so the decision follows the map closely.
    let narrow = web_sys::window()
        .and_then(|w| w.match_media("(max-width: 719px)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false);
    html! {
        <details class="map-layers" data-testid="map-layers" open={!narrow}>
            <summary><h3>{ bi_t(lang, i::LAYERS) }</h3></summary>
            <div class="legend-grid">
                <fieldset class="legend-group" data-testid="legend-cells">
                    <legend>{ bi_t(lang, i::L_CELLS) }</legend>
                    <div class="radio-row" role="radiogroup">
                        { for CellLayer::ALL.iter().filter(|c| **c != CellLayer::Exits || has_exits || v.cells == CellLayer::Exits).map(|c| {
                            let id = format!("cells-{}", c.id());
                            html! {
                                <div class="check">
                                    <input type="radio" name="cells" id={id.clone()} value={c.id()} checked={v.cells == *c}
                                        data-testid={format!("cells-{}", c.id())} onchange={on_cells.clone()} />
                                    <label for={id}>{ c.label().get(lang) }</label>
                                </div>
                            }
                        }) }
                    </div>
                    if matches!(v.cells, CellLayer::Coverage | CellLayer::Difference) {
                        <div class="field">
                            <label for="coverage-of">{ bi_t(lang, i::L_COVERAGE_OF) }</label>
                            <div class="control">
                                <select id="coverage-of" data-testid="coverage-of" ~value={v.coverage_of.id()} onchange={on_coverage_of}>
                                    { for CoverageOf::ALL.iter().map(|c| html! {
                                        <option value={c.id()} selected={*c == v.coverage_of}>{ t(lang, &c.label()) }</option>
                                    }) }
                                </select>
                            </div>
                        </div>
                    }
                    if info.by_county {
                        <p class="legend-by-county" data-testid="legend-by-county">{ bi_t(lang, i::L_BY_COUNTY) }</p>
                    }
                    <ul class="legend-list" data-testid="legend-cell-items">
                        { for cell_items.iter().map(|(sw, symbol, label)| html! {
                            <li>
                                <span class="swatch" style={sw.clone()} aria-hidden="true"></span>
                                if !symbol.is_empty() {
                                    <span class="legend-symbol" aria-hidden="true">{ *symbol }</span>
                                }
                                <span>{ bi(lang, label) }</span>
                            </li>
                        }) }
                    </ul>
                    if let Some(n) = cell_note {
                        <p class="field-hint" data-testid="legend-cell-note">{ n.get(lang) }</p>
                    }
                    if by_cell_note {
                        <p class="field-hint" data-testid="legend-by-cell">{ i::L_BY_CELL_NOTE.get(lang) }</p>
                    }
                    if !surface_when.is_empty() {
                        <p class="surface-when" data-testid="legend-surface-when">{ i::SURFACE_WHEN.get(lang) }
                            { surface_when.iter().map(|w| t(lang, w)).collect::<Vec<_>>().join(i::SEMICOLON.get(lang)) }
                            { " " }{ crate::ui::readings_panel::assumption_mark(lang, crate::policy::readings::WHERE_WHEN) }
                        </p>
                    }
                </fieldset>
                <fieldset class="legend-group" data-testid="legend-institutions">
                    <legend>{ bi_t(lang, i::L_INSTITUTIONS) }</legend>
                    { for GROUPS.iter().enumerate().map(|(g, first)| {
                        let syms: Vec<Sym> = Sym::ALL.iter().copied().filter(|x| x.group() == g).collect();
                        let view = view.clone();
                        let on = Callback::from(move |on: bool| {
                            let mut next = (*view).clone();
                            next.groups[g] = on;
                            view.set(next);
                        });
                        let label = html! {
                            <>
                                <span class="legend-badges">
                                    <span class={classes!("shape-glyph", first.class())} aria-hidden="true">{ first.shape_glyph() }</span>
                                    { for syms.iter().map(|x| badge(lang, *x, true)) }
                                </span>
                                <span class="legend-text">
                                    { bi_t(lang, Sym::group_label(g)) }
                                    if syms.len() > 1 {
                                        <span class="legend-detail">
                                            { syms.iter().map(|x| format!("{} {}", x.letter().get(lang), x.label().get(lang))).collect::<Vec<_>>().join(i::LIST_SEP.get(lang)) }
                                        </span>
                                    }
                                </span>
                            </>
                        };
                        toggle(&format!("layer-group-{g}"), &format!("layer-group-{g}"), v.groups[g], label, on)
                    }) }
                    { toggle("layer-non-designated", "layer-non-designated", v.non_designated,
                        html! { <>
                            <span class="legend-badges">{ badge(lang, Sym::Pharmacy, false) }</span>
                            <span class="legend-text">{ bi_t(lang, i::L_NON_DESIGNATED) }</span>
                        </> },
                        update(|v, on| v.non_designated = on)) }
                    if info.clusters > 0 {
                        <p class="field-hint legend-clusters" data-testid="legend-clusters">
                            <span class="dd-cluster sym-pharmacy legend-cluster" aria-hidden="true"><span>{ "12" }</span></span>
                            { i::L_CLUSTERS.get(lang) }
                        </p>
                    }
                </fieldset>
                <fieldset class="legend-group" data-testid="legend-application">
                    <legend>{ bi_t(lang, i::L_APP_GROUP) }</legend>
                    <ul class="legend-list">
                        <li><span class="dd-app-pin legend-pin" aria-hidden="true"><span>{ "★" }</span></span>
                            <span>{ bi_t(lang, i::L_APPLICATION) }</span></li>
                        <li><span class="legend-ring" aria-hidden="true"></span><span>{ bi_t(lang, i::L_DECIDING) }</span></li>
                        if !s.sites.is_empty() {
                            <li data-testid="legend-sites"><span class="dd-site legend-site" aria-hidden="true"><span>{ "1" }</span></span>
                                <span>{ bi_t(lang, i::SITES_LEGEND) }</span></li>
                        }
                    </ul>
                    { toggle("layer-circles", "layer-circles", v.circles,
                        html! { <>
                            <span class="legend-circle" aria-hidden="true"></span>
                            <span class="legend-text">{ bi_t(lang, i::L_CIRCLES) }
                                if let Some(k) = app_kind {
                                    <span class="legend-detail">{ t(lang, &k.label()) }</span>
                                }
                            </span>
                        </> },
                        update(|v, on| v.circles = on)) }
                    if info.circles_skipped && v.circles {
                        <p class="field-hint legend-warn" data-testid="circles-zoom">{ i::L_CIRCLES_ZOOM.get(lang) }</p>
                    }
                    { toggle("layer-outlines", "layer-outlines", v.outlines,
                        html! { <>
                            <span class="legend-outline" aria-hidden="true"></span>
                            <span class="legend-text">{ bi_t(lang, i::L_OUTLINES) }</span>
                        </> },
                        update(|v, on| v.outlines = on)) }
                    <p class="field-hint" lang={lang_tag(lang)}>{ i::L_OUTLINES_NOTE.get(lang) }</p>
                </fieldset>
            </div>
            { basemap }
        </details>
    }
}
