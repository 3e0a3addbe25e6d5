//! The small built-in sample the app opens on (clearly labelled synthetic).

use crate::scenario::{parse, Scenario};

pub const SAMPLE_LINYI: &str = include_str!("../www/samples/linyi-sample.json");

pub fn linyi_sample() -> Scenario {
    parse(SAMPLE_LINYI).expect("the built-in sample is tested")
}
