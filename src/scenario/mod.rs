//! The scenario JSON contract of DESIGN.md §3: what the app imports, exports and shares, and what
//! `dingdian evaluate` reads. Unknown fields are refused; every error names its field path.

pub mod export;
pub mod import;
mod types;
mod validate;

pub use types::*;
pub use validate::{from_json, parse, resolve_policy, resolve_policy_ref, validate, ScenarioError};
