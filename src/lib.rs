//! dingdian: the rules that admit hospitals, clinics and pharmacies to China's basic medical
//! insurance as designated institutions (医保定点医药机构), and what they do to coverage.
//!
//! Everything below `policy`, `scenario`, `engine` and `spatial` is plain Rust over plain data:
//! no browser crate, so the rules test natively. `ui` is the Yew skin, compiled for wasm32 only.

pub mod app;
pub mod bench;
pub mod budget;
pub mod date;
pub mod engine;
pub mod file_worker;
pub mod guide;
pub mod kinds;
pub mod limits;
pub mod outlines;
pub mod persist;
pub mod place_names;
pub mod planning;
pub mod policy;
pub mod results;
pub mod review;
pub mod sample;
pub mod scenario;
pub mod share;
pub mod spatial;
pub mod synth;
pub mod synth_assessment;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod ui;

pub use engine::{evaluate, Decision, Evaluation, Outcome, TraceEntry, Verdict};
pub use policy::{Policy, Preset};
pub use scenario::{Application, Institution, Kind, Scenario};
