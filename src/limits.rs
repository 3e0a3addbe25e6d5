//! The sizes dingdian promises to handle, and refuses beyond, with a message instead of a hang
//! or a crash (README "What dingdian promises"). One table, read by the command line, the
//! importer, the scenario validator and the app.
//!
//! The figures leave room for a whole province: Shandong has about 60,000 designated
//! institutions; 1,000,000 population cells is a 250 m grid over Linyi (17,191 km²).

use crate::text::{thousands, Text};

/// Largest file read: a scenario, an import or a preset (bytes). A 1,000,000-row institution
/// CSV is about 80 MB.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// Data rows read from one import file; the rows after it are refused, with a message.
pub const MAX_IMPORT_ROWS: usize = 1_000_000;
/// Per scenario.
pub const MAX_INSTITUTIONS: usize = 200_000;
pub const MAX_APPLICATIONS: usize = 100_000;
pub const MAX_POPULATION_CELLS: usize = 1_000_000;
pub const MAX_COUNTIES: usize = 1_000;
/// Nesting depth of JSON: serde_json's own recursion limit, which answers with line and column.
pub const MAX_JSON_DEPTH: usize = 128;

/// "the file is 200.0 MB; dingdian reads files of at most 100 MB".
pub fn file_too_large(what: &str, bytes: u64) -> Option<Text> {
    (bytes > MAX_FILE_BYTES).then(|| {
        let mb = |b: u64| format!("{:.1}", b as f64 / (1024.0 * 1024.0));
        Text::new(
            format!("{what}有 {} MB，超过 {} MB 的上限", mb(bytes), mb(MAX_FILE_BYTES)),
            format!("{what} is {} MB, over the limit of {} MB", mb(bytes), mb(MAX_FILE_BYTES)),
        )
    })
}

/// "institutions: 250,000 entries, over the limit of 200,000".
pub fn too_many(path: &str, n: usize, max: usize) -> Option<String> {
    (n > max).then(|| format!("{path}: {} entries, over the limit of {}", thousands(n as u64), thousands(max as u64)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_200_mb_file_is_refused_with_both_sizes_named() {
        let t = file_too_large("x.csv", 200 * 1024 * 1024).expect("refused");
        assert!(t.en.contains("200.0 MB") && t.en.contains("100.0 MB"), "{}", t.en);
        assert!(file_too_large("x.csv", MAX_FILE_BYTES).is_none(), "exactly the limit is read");
    }
}
