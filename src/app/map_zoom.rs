//! What the map shows at each zoom, worked out without the browser: at city zoom the coverage
//! layer is each county filled by its covered share (cells a few pixels wide say nothing there),
//! zoomed in the cells themselves; institutions that would overlap are one cluster marker with
//! their count; labels that would overlap one already placed are skipped. `ui::map::ctl` asks
//! these functions and draws their answers.

use crate::spatial::CoverageLayers;
use crate::text::Text;

/// A population cell narrower than this on screen is a speck: below it the coverage layer is
/// painted by county, from it on by cell. The synthetic cities' 1 km cells reach it about one
/// zoom step in from the whole city on a desktop (a phone shows the whole city two steps out).
pub const CELLS_MIN_PX: f64 = 8.0;

/// Institutions whose markers (22 px) lie closer than this on screen are one cluster.
pub const CLUSTER_PX: f64 = 40.0;

/// With fewer institutions than this in view, only markers that would really overlap are
/// grouped: a handful of markers side by side read better than badges that hide their kinds.
pub const CLUSTER_FROM: usize = 40;

/// How close two institutions' markers may stand before they are one cluster, with `shown` of
/// them in view.
pub fn cluster_px(shown: usize) -> f64 {
    if shown < CLUSTER_FROM {
        MARKER_PX
    } else {
        CLUSTER_PX
    }
}

/// An institution's marker on screen.
pub const MARKER_PX: f64 = 22.0;

/// From this zoom on (a few streets) no institution is clustered: what still overlaps stands
/// at the same address, and zooming in would not part it.
pub const NO_CLUSTER_ZOOM: f64 = 17.0;

/// Leaflet's world is 256 px wide at zoom 0.
const TILE_PX: f64 = 256.0;
/// The equator's length on Web Mercator's sphere, in metres.
const EQUATOR_M: f64 = 40_075_016.686;

/// Metres one screen pixel spans at `zoom`, at latitude `lat`.
pub fn metres_per_px(zoom: f64, lat: f64) -> f64 {
    EQUATOR_M * lat.to_radians().cos() / (TILE_PX * 2f64.powf(zoom))
}

/// Whether cells `spacing_m` apart are wide enough on screen at `zoom` to be shown one by one.
pub fn cells_shown(zoom: f64, lat: f64, spacing_m: f64) -> bool {
    spacing_m > 0.0 && spacing_m / metres_per_px(zoom, lat) >= CELLS_MIN_PX
}

/// Where a point is on Leaflet's world at `zoom`, in pixels (x east, y south).
pub fn world_px(lon: f64, lat: f64, zoom: f64) -> (f64, f64) {
    let size = TILE_PX * 2f64.powf(zoom);
    let lat = lat.clamp(-85.051_128, 85.051_128).to_radians();
    let x = (lon + 180.0) / 360.0 * size;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * size;
    (x, y)
}

/// Each county's share of residents covered by any of the layers `bits`, in county order
/// (`cell_county` as `DataIndex::cell_county`: a county's index, `u32::MAX` for none). None for
/// a county without residents.
pub fn county_shares(
    coverage: &CoverageLayers,
    bits: u8,
    cell_county: &[u32],
    cell_pop: &[u64],
    counties: usize,
) -> Vec<Option<f64>> {
    let mut all = vec![0u64; counties];
    let mut hit = vec![0u64; counties];
    for ((covered, &county), &pop) in coverage.covered(bits).zip(cell_county).zip(cell_pop) {
        if let Some(k) = usize::try_from(county).ok().filter(|&k| k < counties) {
            all[k] = all[k].saturating_add(pop);
            if covered {
                hit[k] = hit[k].saturating_add(pop);
            }
        }
    }
    all.iter().zip(&hit).map(|(&a, &h)| (a > 0).then(|| h as f64 / a as f64)).collect()
}

/// The upper ends of the share bins but the last: five bins of a fifth each, so a fall from
/// one half to one third of residents changes a county's colour.
pub const SHARE_BINS: [f64; 4] = [0.2, 0.4, 0.6, 0.8];

/// The bins' fills, light (few covered) to dark (most): ColorBrewer's sequential Blues, one
/// hue, so lighter is less whatever the colour vision; blue as the cells' "covered".
pub const SHARE_PALETTE: [[u8; 3]; 5] =
    [[239, 243, 255], [189, 215, 231], [107, 174, 214], [49, 130, 189], [8, 81, 156]];

/// How opaque a county's fill is: the outlines and labels above stay readable, a base map
/// beneath shows through a little.
pub const FILL_OPACITY: f64 = 0.78;

/// The bin of a share.
pub fn share_bin(share: f64) -> usize {
    SHARE_BINS.iter().take_while(|&&b| share >= b).count()
}

/// A bin in words: "< 20%", "20–40%" … "≥ 80%".
pub fn bin_label(bin: usize) -> Text {
    let pct = |x: f64| (x * 100.0).round() as u32;
    let s = match bin {
        0 => format!("< {}%", pct(SHARE_BINS[0])),
        k if k >= SHARE_BINS.len() => format!("≥ {}%", pct(SHARE_BINS[SHARE_BINS.len() - 1])),
        k => format!("{}–{}%", pct(SHARE_BINS[k - 1]), pct(SHARE_BINS[k])),
    };
    Text::new(s.clone(), s)
}

/// A share as a label reads it: whole percent, "<1%" rather than a covered few read as none.
pub fn share_pct(share: f64) -> String {
    let p = share * 100.0;
    if p > 0.0 && p < 1.0 {
        "<1%".to_string()
    } else {
        format!("{}%", p.floor() as u32)
    }
}

/// Institutions drawn as one marker: their indexes (into the points given) and where the
/// marker stands, the mean of their positions.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub members: Vec<usize>,
    pub x: f64,
    pub y: f64,
}

/// Groups points (screen or world pixels) that lie within `radius_px` of a cluster's first
/// point into that cluster, taking the points in the order given, so the same view always
/// gives the same clusters. A point `apart` says so of is never grouped (the institutions the
/// selected application's rules weigh). A lone point is a cluster of one.
pub fn cluster(points: &[(f64, f64)], radius_px: f64, apart: impl Fn(usize) -> bool) -> Vec<Cluster> {
    let r = radius_px.max(1e-9);
    let key = |(x, y): (f64, f64)| ((x / r).floor() as i64, (y / r).floor() as i64);
    let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
    for (k, &p) in points.iter().enumerate() {
        if !apart(k) {
            grid.entry(key(p)).or_default().push(k);
        }
    }
    let mut taken = vec![false; points.len()];
    let mut out = Vec::new();
    for (k, &p) in points.iter().enumerate() {
        if taken[k] {
            continue;
        }
        taken[k] = true;
        let mut members = vec![k];
        if !apart(k) {
            let (gx, gy) = key(p);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    for &j in grid.get(&(gx + dx, gy + dy)).map(Vec::as_slice).unwrap_or(&[]) {
                        let q = points[j];
                        if !taken[j] && (q.0 - p.0).hypot(q.1 - p.1) <= r {
                            taken[j] = true;
                            members.push(j);
                        }
                    }
                }
            }
            members.sort_unstable();
        }
        let n = members.len() as f64;
        let x = members.iter().map(|&j| points[j].0).sum::<f64>() / n;
        let y = members.iter().map(|&j| points[j].1).sum::<f64>() / n;
        out.push(Cluster { members, x, y });
    }
    out
}

/// A label's box on screen: left, top, right, bottom.
pub type LabelBox = [f64; 4];

/// Which labels to show: each in the order given (most important first) unless it would
/// overlap one already shown or one of `fixed` (markers that are always drawn).
pub fn place_labels(fixed: &[LabelBox], labels: &[LabelBox]) -> Vec<bool> {
    let overlaps = boxes_overlap;
    let mut placed: Vec<LabelBox> = fixed.to_vec();
    labels
        .iter()
        .map(|b| {
            let empty = b[2] <= b[0] || b[3] <= b[1];
            let free = empty || !placed.iter().any(|p| overlaps(p, b));
            if free && !empty {
                placed.push(*b);
            }
            free
        })
        .collect()
}

/// How far a name steps aside at a time: far enough to clear a count badge (at most 40 px)
/// centred on it.
fn label_steps(b: &LabelBox) -> (f64, f64) {
    ((b[2] - b[0]) * 0.5 + 22.0, (b[3] - b[1]) * 0.5 + 22.0)
}

/// Every spot `place_labels_around` may move a name to lies in this box: a marker outside the
/// reach of every name cannot change where any goes, and need not be measured.
pub fn label_reach(b: &LabelBox) -> LabelBox {
    let (dx, dy) = label_steps(b);
    [b[0] - dx, b[1] - 2.0 * dy, b[2] + dx, b[3] + 2.0 * dy]
}

/// Whether two boxes overlap (touching edges do not).
pub fn boxes_overlap(a: &LabelBox, b: &LabelBox) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Where each county name goes: `Some((dx, dy))`, its shift in pixels from where Leaflet put
/// it, or `None` when it is left out. In the order given (most important first), each takes the
/// first nearby spot (where it stands, then above, below, left, right, the four corners, then two
/// steps up or down) that overlaps no name already placed, no `fixed` box (the pin, its name, the
/// suggested sites) and no `avoid` box (the institutions' markers and cluster counts). Where every
/// spot meets a marker, the name still shows, at the spot that covers the fewest: a county's name
/// and share matter more than a count one zoom step reveals. A name with no spot clear of the
/// other names and of `fixed` is left out.
pub fn place_labels_around(fixed: &[LabelBox], avoid: &[LabelBox], labels: &[LabelBox]) -> Vec<Option<(f64, f64)>> {
    let overlaps = |a: &LabelBox, b: &LabelBox| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    let mut placed: Vec<LabelBox> = fixed.to_vec();
    labels
        .iter()
        .map(|b| {
            if b[2] <= b[0] || b[3] <= b[1] {
                return None;
            }
            let (dx, dy) = label_steps(b);
            let spots = [
                (0.0, 0.0),
                (0.0, -dy),
                (0.0, dy),
                (-dx, 0.0),
                (dx, 0.0),
                (-dx, -dy),
                (dx, -dy),
                (-dx, dy),
                (dx, dy),
                (0.0, -2.0 * dy),
                (0.0, 2.0 * dy),
            ];
            let moved = |(x, y): (f64, f64)| [b[0] + x, b[1] + y, b[2] + x, b[3] + y];
            let clear = |of: &[LabelBox], at: (f64, f64)| !of.iter().any(|p| overlaps(p, &moved(at)));
            let covered = |at: (f64, f64)| avoid.iter().filter(|p| overlaps(p, &moved(at))).count();
            let at = spots.into_iter().filter(|&at| clear(&placed, at)).min_by_key(|&at| covered(at))?;
            placed.push([b[0] + at.0, b[1] + at.1, b[2] + at.0, b[3] + at.1]);
            Some(at)
        })
        .collect()
}

/// Where a county's name stands: the centre of its largest part (the part of most vertices, so a
/// small exclave never carries it), holes counted out. `None` for an empty outline.
pub fn label_point(shape: &geo::MultiPolygon<f64>) -> Option<(f64, f64)> {
    use geo::Centroid;
    let part = shape.0.iter().max_by_key(|p| p.exterior().0.len())?;
    part.centroid().map(|c| (c.x(), c.y()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kilometre_cell_is_a_speck_at_whole_city_zoom_and_a_square_one_step_in() {
        // Linyi spans about 170 km: on a 900 px map the whole city is zoom 9, where 1 km is 4 px.
        assert!(!cells_shown(9.0, 35.1, 1000.0));
        assert!(cells_shown(10.5, 35.1, 1000.0));
        // Finer cells need a closer look.
        assert!(!cells_shown(10.5, 35.1, 250.0));
        assert!(!cells_shown(18.0, 35.1, 0.0), "no spacing, no cells to show");
    }

    #[test]
    fn world_pixels_are_leaflets() {
        let (x, y) = world_px(0.0, 0.0, 0.0);
        assert!((x - 128.0).abs() < 1e-9 && (y - 128.0).abs() < 1e-9);
        let (x1, _) = world_px(118.3, 35.0, 12.0);
        let (x2, _) = world_px(118.3 + 360.0 / 256.0 / 4096.0, 35.0, 12.0);
        assert!((x2 - x1 - 1.0).abs() < 1e-6, "one pixel east at zoom 12");
    }

    #[test]
    fn county_shares_count_residents_not_cells() {
        let cov = CoverageLayers { masks: vec![0b1, 0, 0b1000, 0b1, 0] };
        // County 0: a covered cell of 100 and an uncovered one of 300; county 1: 50 covered of 50.
        let shares = county_shares(&cov, 0b111, &[0, 0, 1, 1, u32::MAX], &[100, 300, 7, 50, 999], 3);
        assert_eq!(shares, vec![Some(0.25), Some(50.0 / 57.0), None]);
        let out = county_shares(&cov, 0b1000, &[0, 0, 1, 1, u32::MAX], &[100, 300, 7, 50, 999], 3);
        assert_eq!(out, vec![Some(0.0), Some(7.0 / 57.0), None]);
    }

    #[test]
    fn half_to_a_third_changes_the_colour() {
        assert_ne!(share_bin(0.50), share_bin(0.30));
        assert_eq!(share_bin(0.0), 0);
        assert_eq!(share_bin(0.2), 1);
        assert_eq!(share_bin(1.0), SHARE_PALETTE.len() - 1);
        assert_eq!(bin_label(0).en, "< 20%");
        assert_eq!(bin_label(2).zh, "40–60%");
        assert_eq!(bin_label(4).en, "≥ 80%");
        assert_eq!(share_pct(0.004), "<1%");
        assert_eq!(share_pct(0.999), "99%");
        assert_eq!(share_pct(0.0), "0%");
    }

    #[test]
    fn the_bins_get_darker() {
        let lum = |c: [u8; 3]| 0.2126 * c[0] as f64 + 0.7152 * c[1] as f64 + 0.0722 * c[2] as f64;
        for w in SHARE_PALETTE.windows(2) {
            assert!(lum(w[0]) > lum(w[1]) + 20.0, "{:?} then {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn near_points_are_one_cluster_far_ones_alone() {
        let pts = [(0.0, 0.0), (10.0, 0.0), (100.0, 0.0), (0.0, 30.0), (500.0, 500.0)];
        let c = cluster(&pts, 40.0, |_| false);
        assert_eq!(c.len(), 3);
        assert_eq!(c[0].members, vec![0, 1, 3]);
        assert!((c[0].x - 10.0 / 3.0).abs() < 1e-9 && (c[0].y - 10.0).abs() < 1e-9);
        assert_eq!(c[1].members, vec![2]);
        assert_eq!(c[2].members, vec![4]);
        // Every point is in exactly one cluster.
        let mut all: Vec<usize> = c.iter().flat_map(|c| c.members.clone()).collect();
        all.sort_unstable();
        assert_eq!(all, vec![0, 1, 2, 3, 4]);
    }

    #[test]
    fn a_point_kept_apart_is_never_grouped() {
        let pts = [(0.0, 0.0), (5.0, 0.0), (6.0, 0.0)];
        let c = cluster(&pts, 40.0, |k| k == 1);
        assert_eq!(c.iter().map(|c| c.members.clone()).collect::<Vec<_>>(), vec![vec![0, 2], vec![1]]);
        let c = cluster(&pts, 40.0, |k| k == 0);
        assert_eq!(c.iter().map(|c| c.members.clone()).collect::<Vec<_>>(), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn clusters_are_the_same_whatever_the_grid_cut() {
        // Two points either side of a grid line, 2 px apart: still one cluster.
        let c = cluster(&[(39.0, 39.0), (41.0, 41.0)], 40.0, |_| false);
        assert_eq!(c.len(), 1);
        let many: Vec<(f64, f64)> = (0..500).map(|k| ((k * 37 % 997) as f64, (k * 91 % 613) as f64)).collect();
        assert_eq!(cluster(&many, 40.0, |_| false), cluster(&many, 40.0, |_| false));
        // Every member lies within the radius of its cluster's first point, and every point
        // within the radius of a lone point's position was taken by an earlier cluster.
        let c = cluster(&many, 40.0, |_| false);
        for cl in &c {
            let seed = many[cl.members[0]];
            assert!(cl.members.iter().all(|&j| (many[j].0 - seed.0).hypot(many[j].1 - seed.1) <= 40.0));
        }
        assert!(c.len() < many.len(), "500 points in 997 × 613 px: some share a cluster");
    }

    #[test]
    fn a_label_overlapping_one_placed_is_skipped() {
        let fixed = [[100.0, 100.0, 120.0, 120.0]];
        let labels = [
            [0.0, 0.0, 50.0, 20.0],       // placed
            [40.0, 10.0, 90.0, 30.0],     // overlaps the first: skipped
            [60.0, 0.0, 110.0, 20.0],     // clear of the first, and of the skipped one's box
            [110.0, 110.0, 150.0, 130.0], // on a fixed marker: skipped
            [50.0, 0.0, 60.0, 20.0],      // touching edges only: placed
            [0.0, 0.0, 0.0, 0.0],         // hidden label (no box): shown, takes no room
        ];
        assert_eq!(place_labels(&fixed, &labels), vec![true, false, true, false, true, true]);
    }

    #[test]
    fn a_few_institutions_are_grouped_only_where_their_markers_overlap() {
        // Two institutions 30 px apart: two markers on the small sample's map, one badge in a city.
        let pts = [(0.0, 0.0), (30.0, 0.0)];
        assert_eq!(cluster(&pts, cluster_px(8), |_| false).len(), 2);
        assert_eq!(cluster(&pts, cluster_px(500), |_| false).len(), 1);
        // Two at the same address are one badge however few there are.
        assert_eq!(cluster(&[(0.0, 0.0), (5.0, 0.0)], cluster_px(2), |_| false).len(), 1);
    }

    #[test]
    fn a_county_name_steps_off_a_cluster_count_and_never_onto_another_name() {
        // A 60 × 20 name centred at (100, 100); a cluster badge of 34 px sits on its centre.
        let name = [70.0, 90.0, 130.0, 110.0];
        let badge = [83.0, 83.0, 117.0, 117.0];
        let at = place_labels_around(&[], &[badge], &[name]);
        let (dx, dy) = at[0].expect("a free spot nearby");
        let moved = [name[0] + dx, name[1] + dy, name[2] + dx, name[3] + dy];
        assert!(
            moved[3] <= badge[1] || moved[1] >= badge[3] || moved[2] <= badge[0] || moved[0] >= badge[2],
            "{moved:?} still covers the badge"
        );
        assert_eq!(at[0], Some((0.0, -32.0)), "above first: the name stays over its county");
        // Nothing in the way: it stays where it stands.
        assert_eq!(place_labels_around(&[], &[], &[name]), vec![Some((0.0, 0.0))]);
        // A second name on the same spot takes the next free one, not the first name's.
        let two = place_labels_around(&[], &[badge], &[name, name]);
        assert_eq!(two[1], Some((0.0, 32.0)));
        // Markers on every side: the name stays where it stands, over them; boxed in by the
        // pin or another name, it is left out rather than piled on.
        let wall = [-1000.0, -1000.0, 1000.0, 1000.0];
        assert_eq!(place_labels_around(&[], &[wall], &[name]), vec![Some((0.0, 0.0))]);
        assert_eq!(place_labels_around(&[wall], &[], &[name]), vec![None]);
        assert_eq!(
            place_labels_around(&[], &[wall], &[name, name])[1],
            Some((0.0, -32.0)),
            "a second name still keeps off the first"
        );
        assert_eq!(place_labels_around(&[], &[], &[[0.0; 4]]), vec![None], "a name with no box is not shown");
    }

    #[test]
    fn a_county_name_stands_at_the_centre_of_its_largest_part() {
        use geo::{polygon, MultiPolygon};
        // A 0.2° square round (118.3, 35.0), and a small three-cornered exclave far east.
        let main = polygon![(x: 118.2, y: 34.9), (x: 118.4, y: 34.9), (x: 118.4, y: 35.1), (x: 118.2, y: 35.1), (x: 118.2, y: 34.9)];
        let exclave = polygon![(x: 119.0, y: 35.0), (x: 119.01, y: 35.0), (x: 119.0, y: 35.01), (x: 119.0, y: 35.0)];
        let (lon, lat) = label_point(&MultiPolygon(vec![exclave.clone(), main.clone()])).unwrap();
        assert!((lon - 118.3).abs() < 1e-9 && (lat - 35.0).abs() < 1e-9, "({lon}, {lat})");
        // The exclave alone carries its own name.
        let (lon, _) = label_point(&MultiPolygon(vec![exclave])).unwrap();
        assert!(lon > 118.99);
        assert_eq!(label_point(&MultiPolygon(vec![])), None);
    }

    #[test]
    fn markers_beyond_every_names_reach_change_no_name() {
        // Two names, markers all around them, near and far: those outside every name's reach
        // (`label_reach`) may be left out without moving any name.
        let labels = [[100.0, 100.0, 160.0, 118.0], [300.0, 200.0, 340.0, 236.0]];
        let fixed = [[120.0, 60.0, 150.0, 90.0]];
        let mut avoid = Vec::new();
        for i in 0..20 {
            for j in 0..20 {
                let (x, y) = (i as f64 * 37.0, j as f64 * 29.0);
                avoid.push([x, y, x + 22.0, y + 22.0]);
            }
        }
        let reach: Vec<LabelBox> = labels.iter().map(label_reach).collect();
        let near: Vec<LabelBox> = avoid.iter().copied().filter(|m| reach.iter().any(|r| boxes_overlap(r, m))).collect();
        assert!(near.len() < avoid.len() / 2, "{} of {}", near.len(), avoid.len());
        assert_eq!(place_labels_around(&fixed, &near, &labels), place_labels_around(&fixed, &avoid, &labels));
        assert!(
            place_labels_around(&fixed, &avoid, &labels).iter().any(|at| at.is_some_and(|(x, y)| x != 0.0 || y != 0.0)),
            "some name steps aside"
        );
    }
}
