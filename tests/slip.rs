//! The simulated decision slip (模拟判定单) of the guided answer: what it says is the answer's
//! own words with every clause, reading, the preset and the judging date; its small maps put the
//! spot, its county and the places where they are; and the saved image keeps it all on one A4
//! page, a long answer too.

use dingdian::app::guided_view::{Computed, GuidedView};
use dingdian::app::i18n::slip as w;
use dingdian::app::slip::{image, Draw, Slip, SlipMaps, IMAGE_H, IMAGE_W, MAP_H, MAP_W};
use dingdian::app::state::State;
use dingdian::guide::Answers;
use dingdian::policy::readings::label_of;
use dingdian::scenario::{Kind, NegativeReason};
use dingdian::spatial::haversine_m;
use dingdian::text::Lang;

/// An ordinary pharmacy, new, 6 months open, 1 pharmacist.
fn pharmacy() -> Answers {
    Answers { kind: Some(Kind::Pharmacy), operating_months: Some(6.0), pharmacists: Some(1), ..Answers::default() }
}

/// 300 m east of the sample's designated pharmacy p-001: refused, with places nearby.
fn near_p001(s: &State) -> (f64, f64) {
    let p = s.scenario.institutions.iter().find(|i| i.id == "p-001").unwrap();
    (p.lon + 300.0 / (111_195.0 * p.lat.to_radians().cos()), p.lat)
}

fn answer(v: &GuidedView, mut a: Answers, spot: (f64, f64)) -> Computed {
    a.place = Some(spot);
    v.answer(&a).unwrap()
}

/// A measure as a CJK font roughly sets text: wide characters one em, others 0.55 em.
fn measure(s: &str, px: f64, bold: bool) -> f64 {
    let w: f64 = s.chars().map(|c| if (c as u32) >= 0x2E80 { px } else { px * 0.55 }).sum();
    if bold {
        w * 1.05
    } else {
        w
    }
}

#[test]
fn the_slip_says_what_the_guided_answer_says_with_every_clause_the_preset_and_the_date() {
    let s = State::new();
    let v = GuidedView::of(&s);
    let c = answer(&v, pharmacy(), near_p001(&s));
    let slip = Slip::of(&v, &c);
    let x = &c.answer.explanation;
    assert_eq!(slip.outcome, c.answer.decision.outcome);
    assert_eq!(slip.summary, x.summary);
    assert_eq!(slip.reasons.len(), x.reasons.len());
    assert!(!slip.reasons.is_empty());
    for (r, e) in slip.reasons.iter().zip(&x.reasons) {
        assert_eq!((&r.text, &r.clause, r.verdict), (&e.text, &e.clause, e.verdict));
        assert!(!r.clause.is_empty(), "every reason cites its clause");
    }
    assert_eq!(slip.changes, x.changes);
    assert_eq!(slip.preset, v.policy.preset.title);
    assert_eq!(slip.as_of, c.as_of.to_string());
    let county = v.county_name(c.app.county.as_deref().unwrap()).unwrap();
    assert_eq!(slip.county, county);
    assert!(slip.map_title(Lang::En, 0).ends_with(&county), "the county map is named");
    assert!(slip.coords.zh.contains(&format!("{:.5}", c.app.lon)) && slip.coords.en.contains("WGS-84"));
    let places = &c.answer.nearest.as_ref().unwrap().places;
    assert_eq!(slip.places.len(), places.len());
    assert!(!places.is_empty());
    // Each place as the answer names it: the way from the spot, and the coordinates to find it by.
    for (line, p) in slip.places.iter().zip(places) {
        let way = dingdian::app::way::heading_distance((c.app.lon, c.app.lat), (p.lon, p.lat), p.distance_m);
        assert!(line.text.zh.starts_with(&*way.zh), "{} starts with {}", line.text.zh, way.zh);
        assert!(line.text.zh.contains(&*dingdian::app::way::coords(p.lon, p.lat).zh), "{}", line.text.zh);
        assert!(line.text.en.contains(&*way.en), "{}", line.text.en);
    }
    assert_eq!(slip.file_name(Lang::Zh), format!("模拟判定单-{}.png", c.as_of));
}

#[test]
fn the_readings_an_answer_rests_on_are_on_the_slip_with_the_reading_in_force() {
    let s = State::new();
    let v = GuidedView::of(&s);
    // The first spot of the sample whose answer rests on a switch or an assumption.
    let c = s
        .scenario
        .population_cells
        .iter()
        .map(|cell| answer(&v, pharmacy(), (cell.lon, cell.lat)))
        .find(|c| !c.answer.decision.readings.is_empty())
        .expect("some spot of the sample rests on a reading");
    let slip = Slip::of(&v, &c);
    let d = &c.answer.decision;
    assert_eq!(slip.readings.len(), d.readings.len());
    for (id, text) in d.readings.iter().zip(&slip.readings) {
        let label = label_of(id).unwrap();
        assert!(text.zh.contains(&*label.zh) && text.en.contains(&*label.en), "{text:?} names {id}");
        if let Some(def) = dingdian::policy::param_def(id) {
            let now = dingdian::policy::readings::value_reading(def, &v.policy.values[def.id]);
            assert!(text.zh.ends_with(&*now.zh), "{text:?} says the reading in force, {now:?}");
        }
    }
    // A reason whose rule rests on a reading carries it too.
    let marked = slip.reasons.iter().filter(|r| !r.readings.is_empty()).count();
    let resting = c
        .answer
        .explanation
        .reasons
        .iter()
        .filter(|r| d.rules.iter().any(|e| e.rule == r.rule && (e.switch.is_some() || !e.assumptions.is_empty())))
        .count();
    assert!(resting > 0);
    assert_eq!(marked, resting);
}

/// Whether a point lies inside rings (even–odd).
fn inside(rings: &[Vec<(f64, f64)>], (x, y): (f64, f64)) -> bool {
    let mut odd = false;
    for r in rings {
        for k in 0..r.len() {
            let (a, b) = (r[k], r[(k + 1) % r.len()]);
            if (a.1 > y) != (b.1 > y) && x < a.0 + (y - a.1) * (b.0 - a.0) / (b.1 - a.1) {
                odd = !odd;
            }
        }
    }
    odd
}

#[test]
fn the_maps_put_the_spot_in_its_county_and_the_places_at_their_distances() {
    let s = State::new();
    let v = GuidedView::of(&s);
    let spot = near_p001(&s);
    let c = answer(&v, pharmacy(), spot);
    let slip = Slip::of(&v, &c);
    let maps = SlipMaps::of(&slip, &v.data.outlines, v.data.bounds);

    // The county: its outline in bold, holding the spot, and the close-up's box round the spot.
    let home: Vec<_> = maps.area.outlines.iter().filter(|o| o.home).collect();
    assert_eq!(home.len(), 1, "the spot's county is drawn as such");
    assert!(inside(&home[0].rings, maps.area.spot), "the spot is inside its county's outline");
    let (sx, sy) = maps.area.spot;
    assert!(sx > 0.0 && sx < MAP_W && sy > 0.0 && sy < MAP_H);
    let [bx, by, bw, bh] = maps.area.inset.unwrap();
    assert!(sx > bx && sx < bx + bw && sy > by && sy < by + bh, "the box holds the spot");
    assert!(maps.area.outlines.len() > 1, "the neighbouring counties too");

    // Nearby: the spot at the centre, each place at its distance by the map's own scale bar.
    assert_eq!(maps.near.spot, (MAP_W / 2.0, MAP_H / 2.0));
    let scale_m: f64 = {
        let l = &maps.near.scale.label.en;
        let n: f64 = l.split(' ').next().unwrap().parse().unwrap();
        if l.ends_with("km") {
            n * 1000.0
        } else {
            n
        }
    };
    let m_per_px = scale_m / maps.near.scale.px;
    let r = maps.near.radius_px.unwrap() * m_per_px;
    assert!((r - slip.radius_m).abs() < 1.0, "the service radius drawn to scale: {r}");
    assert_eq!(maps.near.places.len(), slip.places.len());
    for ((px, py), p) in maps.near.places.iter().zip(&slip.places) {
        assert!(*px > 0.0 && *px < MAP_W && *py > 0.0 && *py < MAP_H, "place on the map");
        let on_map = ((px - MAP_W / 2.0).powi(2) + (py - MAP_H / 2.0).powi(2)).sqrt() * m_per_px;
        let real = haversine_m(spot.0, spot.1, p.lon, p.lat);
        assert!((on_map - real).abs() < real * 0.01 + 5.0, "{on_map} m on the map, {real} m on the ground");
    }
}

/// The texts of an image, and whether every one stays within the page.
fn texts(steps: &[Draw]) -> Vec<String> {
    steps
        .iter()
        .filter_map(|d| match d {
            Draw::Text { x, y, px, bold, text, .. } => {
                assert!(*x >= 0.0 && x + measure(text, *px, *bold) <= IMAGE_W + 0.5, "{text} runs off the page");
                assert!(*y > 0.0 && *y < IMAGE_H, "{text} below the page");
                Some(text.clone())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_image_keeps_the_slip_on_one_a4_page_and_a_long_answer_is_set_tighter() {
    let s = State::new();
    let v = GuidedView::of(&s);
    let short = Slip::of(&v, &answer(&v, pharmacy(), near_p001(&s)));
    let long_answers = Answers {
        operating_months: Some(1.0),
        pharmacists: Some(0),
        negative_list: Some(NegativeReason::FalseMaterials),
        ..pharmacy()
    };
    let long = Slip::of(&v, &answer(&v, long_answers, near_p001(&s)));
    assert!(long.reasons.len() >= 4, "{:?}", long.reasons);
    assert!(long.density() > short.density(), "the printed slip of a long answer is set tighter");

    for lang in [Lang::Zh, Lang::En] {
        for slip in [&short, &long] {
            let im = image(slip, lang, &measure);
            assert!(im.bottom < IMAGE_H - 100.0, "{lang:?}: the answer ends above the foot ({})", im.bottom);
            let all = texts(&im.steps).join("\n");
            for want in [&w::S_TITLE.zh, &w::S_TITLE.en, &w::S_STATEMENT.zh, &w::S_STATEMENT.en] {
                assert!(all.contains(&**want), "{lang:?}: the image says {want}");
            }
            assert!(all.contains(&slip.as_of), "the judging date");
            let flat = all.replace(['\n', ' '], "");
            for r in &slip.reasons {
                assert!(flat.contains(&r.clause.replace(' ', "")), "{lang:?}: the clause {}", r.clause);
            }
            assert_eq!(im.steps.iter().filter(|d| matches!(d, Draw::Map { .. })).count(), 2, "both maps");
        }
        assert_eq!(image(&short, lang, &measure).scale, 1.0, "a short answer is set as designed");
        // Longer than any answer yet: set smaller, still above the foot.
        let mut longer = long.clone();
        longer.reasons = long.reasons.iter().cycle().take(14).cloned().collect();
        longer.changes = long.changes.iter().cycle().take(8).cloned().collect();
        let im = image(&longer, lang, &measure);
        assert!(im.scale < 1.0, "{lang:?}: set smaller");
        assert!(im.bottom < IMAGE_H - 100.0, "{lang:?}: the longer answer ends above the foot ({})", im.bottom);
        texts(&im.steps);
    }
}
