//! The app's model: its state, the actions a user can take and the reducer that applies them,
//! the review, assessment, budget and guided flows, and the UI's words. Plain Rust over the
//! engine, compiled and tested natively; the Yew skin (`crate::ui`) only renders it and sends
//! `Action`s.

pub mod assess;
pub mod basemap;
pub mod beside;
pub mod change_view;
pub mod coverage;
pub mod figures;
pub mod guided;
pub mod guided_view;
pub mod history;
pub mod i18n;
pub mod map_view;
pub mod map_zoom;
pub mod params_use;
pub mod plan_job;
pub mod readings;
pub mod results_table;
pub mod review;
pub mod review_view;
pub mod sites;
pub mod slip;
pub mod state;
pub mod sweep;
pub mod tasks;
pub mod way;
pub mod work;
