//! The simulated decision slip (模拟判定单): the guided answer as a page to keep, printed on one
//! A4 page or saved as an image. What it says (`Slip::of`: the spot, the decision, the reasons
//! with their clauses, what would change it, the readings it rests on, the preset, the judging
//! date and the statement that it is a simulation), its small maps as shapes in screen
//! coordinates (`SlipMaps::of`: the county round the spot, and the spot's neighbourhood with the
//! service radius and the numbered places), and the saved image laid out as drawing steps
//! (`image`). The skin only paints them: the maps as SVG for print and on a canvas for the image.
//!
//! The words come from the guided answer (`engine::plain`), never restated here.

use super::guided_view::{Computed, GuidedView};
use super::i18n::guided as gw;
use super::i18n::slip as w;
use super::i18n::{change_label, paren, COLON, LIST_SEP};
use crate::engine::{Outcome, Verdict};
use crate::policy::readings::{is_switch, label_of, value_reading};
use crate::policy::{param_def, rule_def};
use crate::scenario::import::Boundaries;
use crate::spatial::{haversine_m, EARTH_RADIUS_M};
use crate::text::{Lang, Text, Words};

/// One reason of the decision, with its clause and the readings its verdict rests on.
#[derive(Clone, Debug, PartialEq)]
pub struct SlipReason {
    pub verdict: Verdict,
    pub text: Text,
    pub clause: String,
    /// "reading: value in force" of each switch or assumption the rule's verdict rests on.
    pub readings: Vec<Text>,
}

/// A place where the same application would be accepted, numbered as on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct SlipPlace {
    pub lon: f64,
    pub lat: f64,
    /// "约 1.2 公里 · 兰山区 · 受理（纳入评估）".
    pub text: Text,
}

/// Everything the slip says.
#[derive(Clone, Debug, PartialEq)]
pub struct Slip {
    /// The kind of institution and whether it is new or moving.
    pub application: Text,
    pub lon: f64,
    pub lat: f64,
    pub coords: Text,
    /// The county's name (empty: outside every county).
    pub county: String,
    /// The county's id, whose outline the map draws in bold.
    pub county_id: Option<String>,
    pub outcome: Outcome,
    pub summary: Text,
    pub reasons: Vec<SlipReason>,
    pub changes: Vec<Text>,
    pub places: Vec<SlipPlace>,
    /// Why no place is open (the county or the whole city closed), when that is the case.
    pub closed: Option<Text>,
    /// The switches and assumptions the outcome rests on, each with the reading in force.
    pub readings: Vec<Text>,
    pub preset: Text,
    pub as_of: String,
    pub dataset: Text,
    pub data_note: Words,
    pub radius_m: f64,
}

/// A switch's or an assumption's label and the reading in force ("药店密集片区：不受理").
fn reading(view: &GuidedView, id: &str) -> Text {
    let label = label_of(id).unwrap_or_else(|| Text::new(id.to_owned(), id.to_owned()));
    let kind = match param_def(id) {
        Some(def) if is_switch(def) => None,
        _ => Some(w::S_ASSUMED),
    };
    let value = param_def(id).and_then(|def| view.policy.values.get(id).map(|v| value_reading(def, v)));
    let head = |lang: Lang| {
        let k = kind.map(|k| format!("{}{}", k.get(lang), COLON.get(lang))).unwrap_or_default();
        match &value {
            Some(v) => format!("{k}{}{}{}", label.get(lang), COLON.get(lang), v.get(lang)),
            None => format!("{k}{}", label.get(lang)),
        }
    };
    Text::new(head(Lang::Zh), head(Lang::En))
}

fn join(parts: &[Text], sep: &str) -> Text {
    let side = |lang: Lang| parts.iter().map(|t| t.get(lang).to_string()).collect::<Vec<_>>().join(sep);
    Text::new(side(Lang::Zh), side(Lang::En))
}

impl Slip {
    /// The slip of the guided answer `c`.
    pub fn of(view: &GuidedView, c: &Computed) -> Slip {
        let x = &c.answer.explanation;
        let d = &c.answer.decision;
        let reasons = x
            .reasons
            .iter()
            .map(|r| {
                let entry = d.rules.iter().find(|e| e.rule == r.rule);
                let ids = entry
                    .map(|e| e.switch.iter().chain(e.assumptions.iter()).map(|s| s.to_string()).collect::<Vec<_>>())
                    .unwrap_or_default();
                SlipReason {
                    verdict: r.verdict,
                    text: r.text.clone(),
                    clause: r.clause.clone(),
                    readings: ids.iter().map(|id| reading(view, id)).collect(),
                }
            })
            .collect();
        let county_id = c.app.county.clone();
        let county = county_id.as_deref().and_then(|id| view.county_name(id)).unwrap_or_default();
        let places = c
            .answer
            .nearest
            .as_ref()
            .map(|n| {
                n.places
                    .iter()
                    .map(|p| {
                        // As the answer names it: the way from the spot, then the coordinates to find it by.
                        let from = (c.app.lon, c.app.lat);
                        let mut parts = vec![super::way::heading_distance(from, (p.lon, p.lat), p.distance_m)];
                        if let Some(name) = p.county.as_deref().and_then(|id| view.county_name(id)) {
                            let en = crate::place_names::county_label(Lang::En, &name).into_owned();
                            parts.push(Text::new(name, en));
                        }
                        parts.push(p.outcome.label());
                        parts.push(super::way::coords(p.lon, p.lat));
                        SlipPlace { lon: p.lon, lat: p.lat, text: join(&parts, " · ") }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let closed =
            c.answer.nearest.as_ref().and_then(|n| n.city_closed.as_ref().or(n.county_closed.as_ref())).map(|cl| {
                let place = view.closed_where(cl.county.as_deref());
                let rule = cl.rule.as_ref().map(|e| {
                    let title = rule_def(&e.rule)
                        .map(|d| d.title())
                        .unwrap_or_else(|| Text::new(e.rule.clone(), e.rule.clone()));
                    (title, e.clause.clone())
                });
                let side = |lang: Lang| {
                    let mut s = format!("{}{}", place.get(lang), gw::G_CLOSED.get(lang));
                    if let Some((title, clause)) = &rule {
                        let gap = if lang == Lang::En { " " } else { "" };
                        s.push_str(&format!(
                            "{gap}{}{}{}",
                            gw::G_CLOSED_BY.get(lang),
                            title.get(lang),
                            paren(lang, clause)
                        ));
                    }
                    s
                };
                Text::new(side(Lang::Zh), side(Lang::En))
            });
        let app = &c.app;
        let mut what = app.kind.label();
        if let Some(cats) = app.category.filter(|c| !c.is_empty()) {
            let l = cats.label();
            what = Text::new(format!("{}（{}）", what.zh, l.zh), format!("{} ({})", what.en, l.en));
        }
        let change = change_label(app.change);
        Slip {
            application: Text::new(format!("{}，{}", what.zh, change.zh), format!("{}, {}", what.en, change.en)),
            lon: app.lon,
            lat: app.lat,
            coords: w::s_coords(app.lon, app.lat),
            county,
            county_id,
            outcome: d.outcome,
            summary: x.summary.clone(),
            reasons,
            changes: x.changes.clone(),
            places,
            closed,
            readings: d.readings.iter().map(|id| reading(view, id)).collect(),
            preset: view.policy.preset.title.clone(),
            as_of: c.as_of.to_string(),
            dataset: view.dataset.label().clone(),
            data_note: view.data_note(),
            radius_m: view.radius(),
        }
    }

    /// How tightly the printed slip is set so that it stays on one A4 page: 0 (roomy) to 3
    /// (smallest), from how much the answer says (characters weigh as the longer language's).
    pub fn density(&self) -> u8 {
        let len = |t: &Text| t.zh.chars().count().max(t.en.chars().count() / 2);
        let lines: usize = self.reasons.iter().map(|r| 1 + len(&r.text) / 40 + r.readings.len()).sum::<usize>()
            + self.changes.iter().map(|t| 1 + len(t) / 40).sum::<usize>()
            + self.places.len()
            // the readings' block has a heading line of its own
            + if self.readings.is_empty() { 0 } else { 1 + self.readings.len() }
            + len(&self.summary) / 40
            + self.closed.as_ref().map_or(0, |t| 1 + len(t) / 40);
        match lines {
            0..=14 => 0,
            15..=20 => 1,
            21..=27 => 2,
            _ => 3,
        }
    }

    /// The title of map 0 (the county, named) or 1 (nearby).
    pub fn map_title(&self, lang: Lang, which: usize) -> String {
        match which {
            0 if !self.county.is_empty() => format!("{}{}{}", w::S_MAP_AREA.get(lang), COLON.get(lang), self.county),
            0 => w::S_MAP_AREA.get(lang).to_string(),
            _ => w::S_MAP_NEAR.get(lang).to_string(),
        }
    }

    pub fn file_name(&self, lang: Lang) -> String {
        w::s_file_name(lang, &self.as_of)
    }
}

// ---------------------------------------------------------------------------------------------
// The small maps, as shapes in screen coordinates.

/// A map's size in drawing units (the SVG's viewBox, scaled on the canvas).
pub const MAP_W: f64 = 400.0;
pub const MAP_H: f64 = 300.0;

/// One county outline: its rings in screen coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    /// The spot's own county.
    pub home: bool,
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// A map's scale bar: its length on the map and what it measures.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleBar {
    pub px: f64,
    pub label: Text,
}

/// One small map, in a `MAP_W`×`MAP_H` frame.
#[derive(Clone, Debug, PartialEq)]
pub struct SlipMap {
    pub outlines: Vec<Outline>,
    pub spot: (f64, f64),
    /// The service radius round the spot, in screen units (close-up only).
    pub radius_px: Option<f64>,
    /// The places where it would be accepted, numbered from 1.
    pub places: Vec<(f64, f64)>,
    /// The close-up's extent on the overview: x, y, width, height.
    pub inset: Option<[f64; 4]>,
    pub scale: ScaleBar,
}

/// The slip's two maps: the county round the spot, and the spot's neighbourhood.
#[derive(Clone, Debug, PartialEq)]
pub struct SlipMaps {
    pub area: SlipMap,
    pub near: SlipMap,
}

/// A local equirectangular view: exact enough for a few tens of kilometres on paper.
#[derive(Clone, Copy, Debug)]
struct Frame {
    lon0: f64,
    lat0: f64,
    /// Screen units per degree of latitude and of longitude.
    ky: f64,
    kx: f64,
}

impl Frame {
    /// The frame that shows `wsen` whole, centred, with `pad` units to spare on every side.
    fn fit(wsen: [f64; 4], pad: f64) -> Frame {
        let lat0 = (wsen[1] + wsen[3]) / 2.0;
        let lon0 = (wsen[0] + wsen[2]) / 2.0;
        let cos = lat0.to_radians().cos().max(0.05);
        let dx = ((wsen[2] - wsen[0]) * cos).max(1e-6);
        let dy = (wsen[3] - wsen[1]).max(1e-6);
        let ky = ((MAP_W - 2.0 * pad) / dx).min((MAP_H - 2.0 * pad) / dy);
        Frame { lon0, lat0, ky, kx: ky * cos }
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (MAP_W / 2.0 + (lon - self.lon0) * self.kx, MAP_H / 2.0 - (lat - self.lat0) * self.ky)
    }

    /// Metres per screen unit.
    fn m_per_unit(&self) -> f64 {
        EARTH_RADIUS_M.to_radians() / self.ky
    }
}

/// A box of `half_m` metres each side of a point.
fn around(lon: f64, lat: f64, half_m: f64) -> [f64; 4] {
    let dlat = (half_m / EARTH_RADIUS_M).to_degrees();
    let dlon = dlat / lat.to_radians().cos().max(0.05);
    [lon - dlon, lat - dlat, lon + dlon, lat + dlat]
}

/// The longest round length (1, 2 or 5 times a power of ten metres) within a quarter of the map.
fn scale_bar(f: &Frame) -> ScaleBar {
    let most = MAP_W / 4.0 * f.m_per_unit();
    let mut m = 10f64.powf(most.log10().floor());
    for k in [5.0, 2.0, 1.0] {
        if m * k <= most {
            m *= k;
            break;
        }
    }
    ScaleBar { px: m / f.m_per_unit(), label: w::s_length(m) }
}

/// The outlines that reach into the frame, projected; points closer than half a unit to the
/// last one kept are dropped (the paper cannot show them).
fn outlines_in(b: &Boundaries, f: &Frame, home: Option<&str>) -> Vec<Outline> {
    let mut out = Vec::new();
    for a in &b.areas {
        let (min, max) = (a.bbox.min(), a.bbox.max());
        let (x0, y1) = f.xy(min.x, min.y);
        let (x1, y0) = f.xy(max.x, max.y);
        if x1 < 0.0 || x0 > MAP_W || y1 < 0.0 || y0 > MAP_H {
            continue;
        }
        let mut rings = Vec::new();
        for p in &a.shape.0 {
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                let mut ring: Vec<(f64, f64)> = Vec::new();
                for c in &r.0 {
                    let q = f.xy(c.x, c.y);
                    if ring.last().is_none_or(|l| (l.0 - q.0).abs() + (l.1 - q.1).abs() >= 0.5) {
                        ring.push((round1(q.0), round1(q.1)));
                    }
                }
                if ring.len() >= 3 {
                    rings.push(ring);
                }
            }
        }
        out.push(Outline { home: home == Some(a.id.as_str()), rings });
    }
    // The spot's county last, drawn over its neighbours' shared edges.
    out.sort_by_key(|o| o.home);
    out
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl SlipMaps {
    /// The maps of `slip` over the data's county `outlines`; `bounds` (west, south, east,
    /// north of the data) frames the overview when the spot's county has no outline.
    pub fn of(slip: &Slip, outlines: &Boundaries, bounds: [f64; 4]) -> SlipMaps {
        let (lon, lat) = (slip.lon, slip.lat);
        let home = slip.county_id.as_deref();
        let place_pts: Vec<(f64, f64)> = slip.places.iter().map(|p| (p.lon, p.lat)).collect();

        // Near: the service radius and the places, with room round them.
        let far = place_pts.iter().map(|&(x, y)| haversine_m(lon, lat, x, y)).fold(0.0, f64::max);
        let half = (slip.radius_m * 1.6).max(far * 1.2).max(600.0);
        let near_box = around(lon, lat, half);
        let nf = Frame::fit(near_box, 0.0);
        let near = SlipMap {
            outlines: outlines_in(outlines, &nf, home),
            spot: nf.xy(lon, lat),
            radius_px: Some(slip.radius_m / nf.m_per_unit()),
            places: place_pts.iter().map(|&(x, y)| nf.xy(x, y)).collect(),
            inset: None,
            scale: scale_bar(&nf),
        };

        // Area: the spot's county whole (else the data), the spot and the near map's box in it.
        let mut wsen = outlines
            .areas
            .iter()
            .find(|a| Some(a.id.as_str()) == home)
            .map(|a| [a.bbox.min().x, a.bbox.min().y, a.bbox.max().x, a.bbox.max().y])
            .unwrap_or(bounds);
        for (x, y) in [(near_box[0], near_box[1]), (near_box[2], near_box[3])] {
            wsen = [wsen[0].min(x), wsen[1].min(y), wsen[2].max(x), wsen[3].max(y)];
        }
        let af = Frame::fit(wsen, 12.0);
        let (bx0, by1) = af.xy(near_box[0], near_box[1]);
        let (bx1, by0) = af.xy(near_box[2], near_box[3]);
        let area = SlipMap {
            outlines: outlines_in(outlines, &af, home),
            spot: af.xy(lon, lat),
            radius_px: None,
            places: Vec::new(),
            inset: Some([bx0, by0, bx1 - bx0, by1 - by0]),
            scale: scale_bar(&af),
        };
        SlipMaps { area, near }
    }
}

/// A ring as an SVG path's data.
pub fn ring_path(ring: &[(f64, f64)]) -> String {
    let mut d = String::with_capacity(ring.len() * 12);
    for (k, (x, y)) in ring.iter().enumerate() {
        d.push_str(if k == 0 { "M" } else { "L" });
        d.push_str(&format!("{x} {y}"));
    }
    d.push('Z');
    d
}

// ---------------------------------------------------------------------------------------------
// The saved image: an A4 page drawn top to bottom.

/// The image's size: A4 at 150 dots per inch.
pub const IMAGE_W: f64 = 1240.0;
pub const IMAGE_H: f64 = 1754.0;
const MARGIN: f64 = 84.0;

/// One drawing step of the image, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub enum Draw {
    /// A line of text, `y` its baseline.
    Text { x: f64, y: f64, px: f64, bold: bool, colour: &'static str, text: String },
    /// A rectangle's outline (`fill`: its inside too).
    Rect { x: f64, y: f64, w: f64, h: f64, stroke: &'static str, fill: Option<&'static str> },
    /// Map 0 (the county) or 1 (nearby) scaled into the box.
    Map { which: usize, x: f64, y: f64, w: f64, h: f64 },
}

/// The image's drawing steps and how far down the page they reach.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub steps: Vec<Draw>,
    /// The lowest point drawn above the foot, in pixels.
    pub bottom: f64,
    /// The text scale it fits at (1: as designed).
    pub scale: f64,
}

/// Measures a line of text (width in pixels at `px` pixels, bold or not).
pub type Measure<'a> = &'a dyn Fn(&str, f64, bool) -> f64;

/// Breaks `text` into lines no wider than `width`: between words, and between any two Chinese
/// characters.
pub fn wrap(text: &str, width: f64, px: f64, bold: bool, measure: Measure) -> Vec<String> {
    // Pieces that stay together: a run of non-space Latin characters with its following space,
    // or one wide character.
    let mut pieces: Vec<String> = Vec::new();
    let mut cur = String::new();
    for ch in text.chars() {
        let wide = (ch as u32) >= 0x2E80;
        if wide {
            if !cur.is_empty() {
                pieces.push(std::mem::take(&mut cur));
            }
            pieces.push(ch.to_string());
        } else {
            cur.push(ch);
            if ch == ' ' {
                pieces.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        pieces.push(cur);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for p in pieces {
        let tried = format!("{line}{p}");
        if !line.is_empty() && measure(tried.trim_end(), px, bold) > width {
            lines.push(line.trim_end().to_string());
            line = p.trim_start().to_string();
        } else {
            line = tried;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

const INK: &str = "#111111";
const MUTED: &str = "#444444";

/// The colour an outcome is printed in (dark enough on white paper).
pub fn outcome_colour(o: Outcome) -> &'static str {
    match o {
        Outcome::Accepted => "#1b6e33",
        Outcome::Prioritized => "#0b5394",
        Outcome::Rejected => "#a8231b",
        Outcome::Suspended => "#7a5300",
        Outcome::Undetermined => "#5a3f8f",
    }
}

pub fn verdict_symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Pass => "✓",
        Verdict::Fail => "✕",
        Verdict::Suspend => "‖",
        Verdict::Gap => "?",
        Verdict::Priority => "★",
        Verdict::Exempt => "◇",
        Verdict::NotApplicable => "–",
    }
}

pub fn outcome_symbol(o: Outcome) -> &'static str {
    match o {
        Outcome::Accepted => "✓",
        Outcome::Prioritized => "★",
        Outcome::Rejected => "✕",
        Outcome::Suspended => "‖",
        Outcome::Undetermined => "?",
    }
}

struct Pen<'m> {
    steps: Vec<Draw>,
    y: f64,
    s: f64,
    measure: Measure<'m>,
}

impl Pen<'_> {
    /// Wrapped text from `x` to the right margin; `first` is drawn before the first line
    /// (a number, a symbol) and the rest hang under the text.
    fn para(
        &mut self,
        x: f64,
        first: Option<(&str, &'static str)>,
        text: &str,
        px: f64,
        bold: bool,
        colour: &'static str,
    ) {
        let px = px * self.s;
        let lead = px * 1.38;
        let indent = first.map_or(0.0, |(f, _)| (self.measure)(f, px, true) + px * 0.4);
        let lines = wrap(text, IMAGE_W - MARGIN - x - indent, px, bold, self.measure);
        for (k, line) in lines.into_iter().enumerate() {
            self.y += lead;
            if let (0, Some((f, c))) = (k, first) {
                self.steps.push(Draw::Text { x, y: self.y, px, bold: true, colour: c, text: f.to_string() });
            }
            self.steps.push(Draw::Text { x: x + indent, y: self.y, px, bold, colour, text: line });
        }
    }

    fn heading(&mut self, text: &str) {
        self.y += 14.0 * self.s;
        self.para(MARGIN, None, text, 25.0, true, INK);
        self.y += 4.0 * self.s;
    }

    fn gap(&mut self, g: f64) {
        self.y += g * self.s;
    }
}

fn centred(steps: &mut Vec<Draw>, y: f64, text: &str, px: f64, bold: bool, measure: Measure) {
    let x = (IMAGE_W - measure(text, px, bold)) / 2.0;
    steps.push(Draw::Text { x, y, px, bold, colour: INK, text: text.to_string() });
}

/// The slip laid out on an A4 image in `lang` (title and statement in both languages), at the
/// largest text scale at which it fits above the foot.
pub fn image(slip: &Slip, lang: Lang, measure: Measure) -> Image {
    let mut last = None;
    for s in [1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55, 0.5] {
        let im = image_at(slip, lang, measure, s);
        if im.bottom <= IMAGE_H - MARGIN - 70.0 {
            return im;
        }
        last = Some(im);
    }
    last.expect("at least one scale")
}

fn image_at(slip: &Slip, lang: Lang, measure: Measure, s: f64) -> Image {
    let mut steps =
        vec![Draw::Rect { x: 0.0, y: 0.0, w: IMAGE_W, h: IMAGE_H, stroke: "#ffffff", fill: Some("#ffffff") }];
    centred(&mut steps, MARGIN + 40.0, &w::S_TITLE.zh, 46.0, true, measure);
    centred(&mut steps, MARGIN + 78.0, &w::S_TITLE.en, 24.0, false, measure);
    let mut p = Pen { steps, y: MARGIN + 92.0, s, measure };

    // The statement, boxed.
    let top = p.y;
    p.para(MARGIN + 18.0, None, &w::S_STATEMENT.zh, 23.0, true, INK);
    p.para(MARGIN + 18.0, None, &w::S_STATEMENT.en, 20.0, false, INK);
    p.gap(14.0);
    p.steps.push(Draw::Rect { x: MARGIN, y: top, w: IMAGE_W - 2.0 * MARGIN, h: p.y - top, stroke: INK, fill: None });
    p.gap(8.0);

    // What was checked, where, under which rules and as of when.
    let county = if slip.county.is_empty() { w::S_OUTSIDE.get(lang).to_string() } else { slip.county.clone() };
    let colon = COLON.get(lang);
    for (label, value) in [
        (w::S_APPLICATION, slip.application.get(lang).to_string()),
        (w::S_SPOT, format!("{}{}{}", slip.coords.get(lang), LIST_SEP.get(lang), county)),
        (w::S_PRESET, slip.preset.get(lang).to_string()),
        (w::S_AS_OF, slip.as_of.clone()),
        (w::S_DATA, format!("{}{}{}", slip.dataset.get(lang), " · ", slip.data_note.get(lang))),
    ] {
        p.para(MARGIN, None, &format!("{}{colon}{value}", label.get(lang)), 20.0, false, INK);
    }

    // The maps, side by side.
    p.gap(16.0);
    let mw = (IMAGE_W - 2.0 * MARGIN - 24.0) / 2.0 * s.max(0.75);
    let mh = mw * MAP_H / MAP_W;
    let x0 = (IMAGE_W - 2.0 * mw - 24.0) / 2.0;
    // Each map is painted with its own title (`Slip::map_title`).
    for k in 0..2 {
        let x = x0 + k as f64 * (mw + 24.0);
        p.steps.push(Draw::Map { which: k, x, y: p.y, w: mw, h: mh });
        p.steps.push(Draw::Rect { x, y: p.y, w: mw, h: mh, stroke: MUTED, fill: None });
    }
    p.y += mh;
    let key = format!(
        "● {}　○ {} {}　① {}　□ {}",
        w::S_MAP_SPOT.get(lang),
        w::S_MAP_RADIUS.get(lang),
        w::s_length(slip.radius_m).get(lang),
        w::S_MAP_PLACES.get(lang),
        w::S_MAP_BOX.get(lang)
    );
    p.para(x0, None, &key, 17.0, false, MUTED);

    // The decision.
    p.heading(w::S_DECISION.get(lang));
    let o = slip.outcome;
    p.para(MARGIN, Some((outcome_symbol(o), outcome_colour(o))), o.label().get(lang), 32.0, true, outcome_colour(o));
    p.gap(4.0);
    p.para(MARGIN, None, slip.summary.get(lang), 20.0, false, INK);

    p.heading(w::S_REASONS.get(lang));
    for (k, r) in slip.reasons.iter().enumerate() {
        let num = format!("{}.", k + 1);
        let text = format!(
            "{} {}{}{}{}",
            verdict_symbol(r.verdict),
            r.verdict.label().get(lang),
            colon,
            r.text.get(lang),
            if lang == Lang::Zh { "。" } else { "." }
        );
        p.para(MARGIN, Some((&num, INK)), &text, 20.0, false, INK);
        p.para(MARGIN + 30.0 * s, None, &format!("{}{}", w::S_CLAUSE.get(lang), r.clause), 17.0, false, MUTED);
        for rd in &r.readings {
            p.para(
                MARGIN + 30.0 * s,
                None,
                &format!("⚑ {}{colon}{}", w::S_READING_MARK.get(lang), rd.get(lang)),
                17.0,
                false,
                MUTED,
            );
        }
        p.gap(3.0);
    }

    p.heading(w::S_CHANGES.get(lang));
    if slip.changes.is_empty() {
        p.para(MARGIN, None, w::S_NO_CHANGES.get(lang), 20.0, false, INK);
    }
    for c in &slip.changes {
        p.para(MARGIN, Some(("•", INK)), c.get(lang), 20.0, false, INK);
    }
    if let Some(cl) = &slip.closed {
        p.para(MARGIN, Some(("•", INK)), cl.get(lang), 20.0, false, INK);
    }
    if !slip.places.is_empty() {
        p.heading(w::S_PLACES.get(lang));
        for (k, pl) in slip.places.iter().enumerate() {
            p.para(MARGIN, Some((&format!("{}", k + 1), INK)), pl.text.get(lang), 20.0, false, INK);
        }
    }
    if !slip.readings.is_empty() {
        p.gap(10.0);
        p.para(MARGIN, Some(("⚑", INK)), &format!("{}{colon}", w::S_READINGS.get(lang)), 19.0, true, INK);
        for rd in &slip.readings {
            p.para(MARGIN + 30.0 * s, None, rd.get(lang), 18.0, false, INK);
        }
    }
    let bottom = p.y;

    // The foot: the statement again, where a cut-off page still shows it.
    let mut steps = p.steps;
    let foot = IMAGE_H - MARGIN;
    steps.push(Draw::Rect { x: MARGIN, y: foot - 62.0, w: IMAGE_W - 2.0 * MARGIN, h: 0.0, stroke: MUTED, fill: None });
    let statement = format!("{} / {}", w::S_STATEMENT.zh, w::S_STATEMENT.en);
    let px = if measure(&statement, 17.0, true) > IMAGE_W - 2.0 * MARGIN { 14.0 } else { 17.0 };
    steps.push(Draw::Text { x: MARGIN, y: foot - 34.0, px, bold: true, colour: INK, text: statement });
    let note = w::S_FOOT.get(lang);
    let px = if measure(note, 15.0, false) > IMAGE_W - 2.0 * MARGIN { 12.0 } else { 15.0 };
    steps.push(Draw::Text { x: MARGIN, y: foot - 8.0, px, bold: false, colour: MUTED, text: note.to_string() });
    Image { steps, bottom, scale: s }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A measure as a CJK font roughly sets text: wide characters one em, others half an em.
    fn measure(s: &str, px: f64, _bold: bool) -> f64 {
        s.chars().map(|c| if (c as u32) >= 0x2E80 { px } else { px * 0.55 }).sum()
    }

    #[test]
    fn lines_break_between_words_and_between_chinese_characters() {
        let en = wrap("the nearest pharmacy is about 140 m from your site", 200.0, 20.0, false, &measure);
        assert!(en.len() > 1 && en.iter().all(|l| measure(l, 20.0, false) <= 200.0), "{en:?}");
        assert!(en.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')), "{en:?}");
        assert_eq!(en.join(" "), "the nearest pharmacy is about 140 m from your site");
        let zh = wrap(
            "离您选址最近的同类定点药店约 140 米，规划要求 800 米内不能已有同类定点药店",
            200.0,
            20.0,
            false,
            &measure,
        );
        assert!(zh.len() >= 4 && zh.iter().all(|l| measure(l, 20.0, false) <= 200.0), "{zh:?}");
        assert_eq!(
            zh.concat().replace(' ', ""),
            "离您选址最近的同类定点药店约140米，规划要求800米内不能已有同类定点药店"
        );
    }

    #[test]
    fn a_scale_bar_is_a_round_length_within_a_quarter_of_the_map() {
        let f = Frame::fit(around(118.3, 35.06, 1280.0), 0.0);
        let b = scale_bar(&f);
        let m = b.px * f.m_per_unit();
        assert!(b.px <= MAP_W / 4.0 + 1e-9 && b.px > MAP_W / 10.0, "{b:?}");
        assert!((m - 500.0).abs() < 1e-6, "{m}");
        assert_eq!(b.label.zh, "500 米");
    }
}
