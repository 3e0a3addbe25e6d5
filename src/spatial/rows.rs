//! The population cells as runs along parallels. Cells laid out on a raster's lattice (the
//! sample cities, WorldPop-style grids) come row by row, west to east: a few thousand runs
//! hold every cell, found in one pass over them. The coverage field is then found run by run
//! as a lower envelope of parabolas (`field.rs`), at a cost that grows with the reach, not
//! with its square.

/// Fewer cells than this per run on average: no lattice, and scanning institution–cell pairs
/// is the cheaper way to the field.
const MIN_CELLS_PER_RUN: usize = 8;

/// Cells `start..end` (in the scenario's order) on the parallel `lat[row]`, west to east.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Run {
    pub start: u32,
    pub end: u32,
    pub row: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CellRows {
    pub runs: Vec<Run>,
    /// The rows' latitudes, south to north, each once.
    pub lat: Vec<f64>,
}

impl CellRows {
    /// The runs of the cells at `cells` (longitude, latitude), or `None` when they lie on no
    /// lattice (fewer than `MIN_CELLS_PER_RUN` per run). A run is cells in sequence on one
    /// latitude, each east of the one before. Cells without finite coordinates are in no run:
    /// no institution is within any distance of them.
    pub fn build(cells: &[(f64, f64)]) -> Option<CellRows> {
        let most_runs = cells.len() / MIN_CELLS_PER_RUN;
        let mut runs: Vec<Run> = Vec::new();
        let mut run_lat: Vec<f64> = Vec::new();
        let mut prev: Option<(f64, f64)> = None;
        for (i, &(lon, lat)) in cells.iter().enumerate() {
            if !(lon.is_finite() && lat.is_finite()) {
                prev = None;
                continue;
            }
            match (prev, runs.last_mut()) {
                (Some((p_lon, p_lat)), Some(run)) if lat == p_lat && lon > p_lon => run.end = i as u32 + 1,
                _ => {
                    if runs.len() == most_runs {
                        return None;
                    }
                    runs.push(Run { start: i as u32, end: i as u32 + 1, row: 0 });
                    run_lat.push(lat);
                }
            }
            prev = Some((lon, lat));
        }
        let mut lat = run_lat.clone();
        lat.sort_unstable_by(f64::total_cmp);
        // One row per latitude (-0.0 and 0.0 are one).
        lat.dedup_by(|a, b| a == b);
        for (run, l) in runs.iter_mut().zip(&run_lat) {
            run.row = lat.partition_point(|x| x < l) as u32;
        }
        (!runs.is_empty()).then_some(CellRows { runs, lat })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lattice_falls_into_runs_along_its_rows() {
        // Two counties' cells, each row by row west to east: the rows of the second county
        // continue those of the first, and a cell with no longitude breaks a run.
        let mut cells = Vec::new();
        for (lon0, rows) in [(118.0, 0..3), (118.1, 1..4)] {
            for row in rows {
                for k in 0..10 {
                    cells.push((lon0 + k as f64 * 0.01, 35.0 + row as f64 * 0.01));
                }
            }
        }
        cells.insert(5, (f64::NAN, 35.0));
        let rows = CellRows::build(&cells).expect("61 cells in 7 runs");
        assert_eq!(rows.lat, [35.0, 35.01, 35.02, 35.03]);
        let spans: Vec<(u32, u32, u32)> = rows.runs.iter().map(|r| (r.start, r.end, r.row)).collect();
        assert_eq!(spans, [(0, 5, 0), (6, 11, 0), (11, 21, 1), (21, 31, 2), (31, 41, 1), (41, 51, 2), (51, 61, 3)]);
        for r in &rows.runs {
            assert!((r.start..r.end).all(|i| cells[i as usize].1 == rows.lat[r.row as usize]));
            assert!((r.start + 1..r.end).all(|i| cells[i as usize].0 > cells[i as usize - 1].0));
        }
    }

    #[test]
    fn the_equator_is_one_row_whatever_the_sign_of_its_zero() {
        let cells: Vec<(f64, f64)> = (0..16).map(|k| (k as f64 * 0.01, if k % 2 == 0 { 0.0 } else { -0.0 })).collect();
        let rows = CellRows::build(&cells).expect("one run of 16");
        assert_eq!(rows.lat.len(), 1);
        assert_eq!(rows.runs, [Run { start: 0, end: 16, row: 0 }]);
    }

    #[test]
    fn scattered_points_are_no_lattice() {
        let cells: Vec<(f64, f64)> =
            (0..100).map(|k| (118.0 + (k * 37 % 100) as f64 * 0.001, 35.0 + (k * 53 % 100) as f64 * 0.001)).collect();
        assert_eq!(CellRows::build(&cells), None);
        assert_eq!(CellRows::build(&[]), None);
    }
}
