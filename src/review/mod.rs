//! What a consultation reviewer asks of the engine, as plain functions over evaluations:
//! `compare` (a draft against a baseline: differing decisions, figures side by side, cells that
//! gain or lose coverage or change outcome), `gaps` (every place where the text leaves the
//! outcome undetermined for the current data, and the readings the switches impose) and
//! `sweep` (one parameter over a range against coverage, acceptance and outcomes); `delta` (what
//! one state changed against another: decisions, counties' inpatient status, coverage by kind,
//! the acceptable area).

pub mod compare;
pub mod delta;
pub mod gaps;
pub mod sweep;

pub use compare::{
    cell_changes, compare, CellChange, CellChanges, Comparison, DecisionChange, FigureChange, FigureUnit, Snapshot,
};
pub use delta::{county_inpatient, delta, ChangeSummary, CountyChange, CountyStatus, CoverageKind, Side};
pub use gaps::{gaps, GapItem, GapsReport};
pub use sweep::{Sweep, SweepPoint};
