//! A bad value is named by its field path (`applications[3].lat: …`). The page finds the path
//! again from serde_json's error position (`scenario::json_path`) rather than carrying a
//! path-tracking deserializer; these tests hold it to serde_path_to_error's answer, the reference,
//! on every value of real documents broken every way: each value replaced by one of another
//! type or out of range, each member removed, an unknown member added to each object, written
//! compactly and pretty-printed (so that lines and columns both count).

use dingdian::scenario::json_path;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// What serde_path_to_error names, and its message.
fn reference<T: DeserializeOwned>(src: &str) -> Option<(String, String)> {
    let de = &mut serde_json::Deserializer::from_str(src);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(_) => None,
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            Some((if inner.is_data() { path } else { ".".to_string() }, inner.to_string()))
        }
    }
}

fn ours<T: DeserializeOwned>(src: &str) -> Option<(String, String)> {
    json_path::from_str::<T>(src).err().map(|(p, e)| (p, e.to_string()))
}

/// Every place in `v` (as JSON pointers), containers included.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            m.iter().for_each(|(k, x)| pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out))
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

fn replacements() -> Vec<Value> {
    vec![
        json!("x"),
        json!(-1),
        json!(1e300),
        json!(3.5),
        json!(true),
        Value::Null,
        json!({}),
        json!([]),
        json!({"z": 1}),
        json!([1, "a"]),
    ]
}

/// Every broken variant of `doc`: (what was done, the text).
fn broken(doc: &Value) -> Vec<(String, String)> {
    let mut ptrs = Vec::new();
    pointers(doc, String::new(), &mut ptrs);
    let mut out = Vec::new();
    let mut push = |what: String, v: Value| {
        out.push((format!("{what} (compact)"), v.to_string()));
        out.push((format!("{what} (pretty)"), serde_json::to_string_pretty(&v).unwrap()));
    };
    for p in &ptrs {
        if p.is_empty() {
            continue;
        }
        for r in replacements() {
            let mut v = doc.clone();
            *v.pointer_mut(p).unwrap() = r.clone();
            push(format!("{p} = {r}"), v);
        }
        let (parent, last) = p.rsplit_once('/').unwrap();
        let mut v = doc.clone();
        match v.pointer_mut(parent).unwrap() {
            Value::Object(m) => {
                m.shift_remove(&last.replace("~1", "/").replace("~0", "~"));
            }
            Value::Array(a) => {
                a.remove(last.parse().unwrap());
            }
            _ => unreachable!(),
        }
        push(format!("{p} removed"), v);
        if doc.pointer(p).unwrap().is_object() {
            let mut v = doc.clone();
            v.pointer_mut(p).unwrap().as_object_mut().unwrap().insert("zz_unknown".into(), json!(1));
            push(format!("{p} + zz_unknown"), v);
        }
    }
    out
}

/// Every broken variant of the document in `path` is named as the reference names it.
fn agrees<T: DeserializeOwned>(doc: &Value) -> usize {
    let mut refused = 0;
    for (what, src) in broken(doc) {
        let want = reference::<T>(&src);
        assert_eq!(ours::<T>(&src), want, "{what}");
        refused += want.is_some() as usize;
    }
    refused
}

fn fixture(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(format!("tests/fixtures/{name}")).unwrap()).unwrap()
}

#[test]
fn scenarios_broken_every_way_name_the_same_path_as_the_reference() {
    let refused = agrees::<dingdian::Scenario>(&fixture("design-example.json"));
    assert!(refused > 200, "the scenario contract refused only {refused} variants");
    // The built-in sample, its first few records of each list (the rest are alike).
    let mut sample: Value = serde_json::from_str(dingdian::sample::SAMPLE_LINYI).unwrap();
    for list in sample.as_object_mut().unwrap().values_mut() {
        if let Value::Array(a) = list {
            a.truncate(3);
        }
    }
    agrees::<dingdian::Scenario>(&sample);
}

#[test]
fn assessment_and_settlement_inputs_name_the_same_path_as_the_reference() {
    agrees::<dingdian::engine::exits::AssessInput>(&fixture("assess-example.json"));
    agrees::<dingdian::budget::SettleInput>(&fixture("settle-example.json"));
}

#[test]
fn broken_json_is_named_by_line_and_column_not_path() {
    let (path, e) = json_path::from_str::<dingdian::Scenario>("{\n  \"applications\": [,]\n}").unwrap_err();
    assert!(e.is_syntax());
    assert_eq!(path, ".");
    assert!(e.to_string().contains("line 2 column"), "{e}");
}
