//! docs/promises.md ("What dingdian promises", linked from the README) names, for every promise,
//! the test that would fail if the promise broke. This holds the page to it: every list item of the section (and every row of
//! a table there with a "test" column) names at least one test as `` `FILE: NAME` ``, and each
//! named test exists — a Rust `fn NAME` or a browser test `test('NAME'` in FILE.

use std::path::Path;

const SECTION: &str = "# What dingdian promises";

/// The promises section: from its heading to the next `## ` heading.
fn section(readme: &str) -> &str {
    let start = readme.find(SECTION).expect("docs/promises.md has its \"What dingdian promises\" heading");
    let rest = &readme[start + SECTION.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// Each promise: a list item with its continuation lines, or a row of a table with a "test" column.
fn promises(section: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_item = false;
    let mut test_table = false;
    for line in section.lines() {
        if line.starts_with('|') {
            in_item = false;
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            if cells.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':')) {
                continue;
            }
            if cells.iter().any(|c| c.eq_ignore_ascii_case("test") || c.eq_ignore_ascii_case("tests")) {
                test_table = true;
                continue;
            }
            if test_table {
                out.push(line.to_string());
            }
            continue;
        }
        test_table = false;
        if let Some(item) = line.strip_prefix("- ") {
            out.push(item.to_string());
            in_item = true;
        } else if in_item && line.starts_with("  ") {
            let last = out.last_mut().unwrap();
            last.push(' ');
            last.push_str(line.trim());
        } else {
            in_item = false;
        }
    }
    out
}

/// The `` `FILE: NAME` `` references in a text (FILE under tests/, src/, fuzz/ or scripts/).
fn references(text: &str) -> Vec<(String, String)> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter_map(|code| {
            let (file, name) = code.split_once(": ")?;
            let known = ["tests/", "src/", "fuzz/", "scripts/"].iter().any(|p| file.starts_with(p));
            (known && !file.contains(' ')).then(|| (file.to_string(), name.to_string()))
        })
        .collect()
}

/// Why `NAME` is not a test in `FILE`, if it is not.
fn missing(root: &Path, file: &str, name: &str) -> Option<String> {
    let Ok(text) = std::fs::read_to_string(root.join(file)) else {
        return Some(format!("{file} does not exist"));
    };
    let found = if file.ends_with(".rs") {
        text.contains(&format!("fn {name}("))
    } else if file.ends_with(".mjs") {
        ["'", "\"", "`"].iter().any(|q| text.contains(&format!("test({q}{name}{q}")))
    } else {
        text.contains(name)
    };
    (!found).then(|| format!("{file} has no test named \"{name}\""))
}

fn problems(readme: &str, root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let s = section(readme);
    let all = promises(s);
    assert!(all.len() >= 10, "the section's promises were not found ({} of them)", all.len());
    for p in &all {
        let refs = references(p);
        if refs.is_empty() {
            out.push(format!("names no test (`FILE: NAME`): {}", p.chars().take(100).collect::<String>()));
        }
        for (file, name) in refs {
            out.extend(missing(root, &file, &name));
        }
    }
    // References outside list items and tables are held to the same standard.
    for (file, name) in references(s) {
        out.extend(missing(root, &file, &name));
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_promise_in_the_readme_names_a_test_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("docs/promises.md")).unwrap();
    let p = problems(&readme, root);
    assert!(p.is_empty(), "docs/promises.md \"What dingdian promises\":\n  {}", p.join("\n  "));
}

#[test]
fn a_promise_naming_a_test_that_does_not_exist_is_caught() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut readme = format!("{SECTION}\n\n");
    for k in 0..10 {
        readme.push_str(&format!(
            "- Promise {k}. Test: `tests/readme_promises.rs: every_promise_in_the_readme_names_a_test_that_exists`.\n"
        ));
    }
    assert!(problems(&readme, root).is_empty(), "{:?}", problems(&readme, root));
    let renamed = readme.replacen("names_a_test_that_exists`", "names_a_test_that_was_renamed`", 1);
    assert_eq!(
        problems(&renamed, root),
        ["tests/readme_promises.rs has no test named \"every_promise_in_the_readme_names_a_test_that_was_renamed\""]
    );
    let gone = readme.replacen("tests/readme_promises.rs", "tests/gone.rs", 1);
    assert_eq!(problems(&gone, root), ["tests/gone.rs does not exist"]);
    let untested = format!("{readme}- A promise without a test.\n");
    assert_eq!(problems(&untested, root), ["names no test (`FILE: NAME`): A promise without a test."]);
    let row = format!("{readme}\n| input | limit | test |\n|---|---|---|\n| rows | 5 | none |\n");
    assert_eq!(problems(&row, root).len(), 1, "a table row with a test column and no test");
}
