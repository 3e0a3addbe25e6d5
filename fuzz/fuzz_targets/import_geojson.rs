//! The geojson importer on any bytes, for every target: rows imported or refused with a reason,
//! never a panic; whatever it imports must pass the scenario validator's checks on its own.
#![no_main]
use dingdian::scenario::import::{Format, ImportOptions, Importer, Target};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for target in [Target::Institutions, Target::Applications, Target::Cells] {
        if let Ok(mut imp) = Importer::new(Format::GeoJson, data, ImportOptions::new(target)) {
            let mut steps = 0;
            while !imp.step(64).done {
                steps += 1;
                assert!(steps < 1_000_000, "the importer does not finish");
            }
            let _ = imp.finish();
        }
    }
});
