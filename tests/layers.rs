//! The layers of the code hold: each module of `src/` uses only modules of its own layer or
//! below, in the order ARCHITECTURE.md gives (text and dates → policy → scenario → spatial →
//! engine → planning, budget, review → the app's model → the web skin and the command line).
//! One crate, so the compiler does not enforce it; this test does, on the code outside tests.

use std::collections::BTreeSet;
use std::path::Path;

/// Layers from the bottom; a module may use its own layer and the ones before it.
const LAYERS: &[&[&str]] = &[
    &["text", "date", "limits", "tr", "words"],
    &["kinds", "place_names"],
    &["policy"],
    &["scenario", "share", "sample"],
    &["spatial"],
    &["engine", "synth", "outlines"],
    &["planning", "budget", "review", "results", "synth_assessment", "file_worker", "bench"],
    &["guide", "persist"],
    &["app"],
    &["ui"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The file's text without its `#[cfg(test)] mod … { … }` blocks and line comments.
fn outside_tests(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find('{') else { break };
        let is_mod = after[..open].contains("mod ");
        if !is_mod {
            out.push_str("#[cfg(test)]");
            rest = &after["#[cfg(test)]".len()..];
            continue;
        }
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after.char_indices().skip(open) {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut back_edges = BTreeSet::new();
    let mut unknown = BTreeSet::new();
    for p in all {
        let rel = p.strip_prefix(&src).unwrap();
        let top = rel.components().next().unwrap().as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        if top == "bin" || top == "lib" {
            continue;
        }
        let Some(own) = layer(&top) else {
            unknown.insert(top);
            continue;
        };
        let text = outside_tests(&std::fs::read_to_string(&p).unwrap());
        for (i, _) in text.match_indices("crate::") {
            let used: String = text[i + 7..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if used == top || used.is_empty() {
                continue;
            }
            match layer(&used) {
                Some(l) if l > own => {
                    back_edges.insert(format!("{} uses crate::{used}", rel.display()));
                }
                Some(_) => {}
                None => {
                    unknown.insert(used);
                }
            }
        }
    }
    assert!(unknown.is_empty(), "modules missing from LAYERS (place each in ARCHITECTURE.md's order): {unknown:?}");
    assert!(
        back_edges.is_empty(),
        "upward edges (a lower layer must not use a higher one):\n{}",
        back_edges.into_iter().collect::<Vec<_>>().join("\n")
    );
}
