//! The scenario JSON contract of DESIGN.md §3: what the app imports, exports and shares, and what
//! `dingdian evaluate` reads. Unknown fields are refused; every error names its field path.

pub mod export;
mod field;
pub mod import;
pub mod json_path;
mod types;
mod validate;

pub use field::{DataField, Field};
pub use types::*;
pub use validate::{
    data_range, field_fits_kind, field_range, from_json, kind_of_field, parse, resolve_policy, resolve_policy_ref,
    scope_fits_kind, scope_names_institution, validate, Range, ScenarioError, AVG_STAY_DAYS, BED_UTILISATION,
    FUND_MONTHS, LAT, LON, OPERATING_MONTHS,
};
