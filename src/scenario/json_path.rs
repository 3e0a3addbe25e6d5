//! The field path of a value serde refused (`applications[3].lat`), found again from the position
//! serde_json gives its error. A path-tracking deserializer wrapper costs the page's wasm a
//! second copy of every `Deserialize` impl; walking the text once, only when there is an error,
//! costs a few hundred bytes. `tests/json_path.rs` checks the paths against serde_path_to_error's
//! on many broken scenarios.
//!
//! serde_json places a data error at the end of the value it refused (a field's value, or the
//! object whose field is missing, once its `}` is read), at the end of an object key (an unknown
//! field, named with the key), at the start of an object or array that came where another type
//! was expected, or at the first member of one a visitor would not take. Each of those offsets
//! belongs to one value, so the walk stops at the first value that starts or ends there.

use serde::de::DeserializeOwned;

/// Parses `src` as `T`; a data error comes with the path of the value it concerns ("." for the
/// top level, as serde_path_to_error writes it).
pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, (String, serde_json::Error)> {
    serde_json::from_str(src).map_err(|e| {
        // An enum written as `{"variant": …}` is refused at its key when the variant is unknown,
        // and named without it; any other key refused is an unknown field, named with it.
        let key_named = !e.to_string().starts_with("unknown variant");
        let path = if e.is_data() { path_at(src, e.line(), e.column(), key_named) } else { ".".to_string() };
        (path, e)
    })
}

/// The path of the value at serde_json's `line` and `column` (1-based line; the column counts
/// the bytes read on that line). An error at the end of a key names the key when `key_named`.
pub fn path_at(src: &str, line: usize, column: usize, key_named: bool) -> String {
    if line == 0 {
        return ".".to_string();
    }
    let line_start: usize = src.split_inclusive('\n').take(line - 1).map(str::len).sum();
    let mut walk =
        Walk { b: src.as_bytes(), i: 0, target: line_start + column, key_named, path: Vec::new(), found: None };
    walk.value();
    walk.found.unwrap_or_else(|| ".".to_string())
}

enum Segment {
    Key(String),
    Index(usize),
}

struct Walk<'a> {
    b: &'a [u8],
    i: usize,
    target: usize,
    key_named: bool,
    path: Vec<Segment>,
    found: Option<String>,
}

impl Walk<'_> {
    /// Stops the walk (`None`) once the target is reached or the text ends or breaks.
    fn hit(&mut self) -> Option<()> {
        if self.i == self.target {
            self.found = Some(self.render());
            return None;
        }
        Some(())
    }

    fn render(&self) -> String {
        if self.path.is_empty() {
            return ".".to_string();
        }
        let mut out = String::new();
        for s in &self.path {
            match s {
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
                Segment::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
            }
        }
        out
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Option<()> {
        self.skip_ws();
        // A container that came where another type was expected is refused as it opens.
        if matches!(self.peek(), Some(b'{' | b'[')) {
            self.hit()?;
        }
        match self.peek()? {
            b'{' => {
                self.i += 1;
                self.skip_ws();
                if self.peek()? == b'}' {
                    self.i += 1;
                } else {
                    // A visitor that takes no map refuses it before its first key.
                    self.hit()?;
                    loop {
                        self.skip_ws();
                        let key = self.string()?;
                        if !self.key_named {
                            self.hit()?;
                        }
                        self.path.push(Segment::Key(key));
                        self.hit()?;
                        self.skip_ws();
                        (self.peek()? == b':').then_some(())?;
                        self.i += 1;
                        self.value()?;
                        self.path.pop();
                        if !self.next_or_close(b'}')? {
                            break;
                        }
                    }
                }
            }
            b'[' => {
                self.i += 1;
                self.skip_ws();
                if self.peek()? == b']' {
                    self.i += 1;
                } else {
                    // A visitor that takes no list refuses it before its first item (unless
                    // that item is a container: then the item is the one refused, above).
                    if !matches!(self.peek(), Some(b'{' | b'[')) {
                        self.hit()?;
                    }
                    for index in 0.. {
                        self.path.push(Segment::Index(index));
                        self.value()?;
                        self.path.pop();
                        if !self.next_or_close(b']')? {
                            break;
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
            }
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t')) {
                    self.i += 1;
                }
            }
        }
        // A value is refused once read: its end is where the error stands.
        self.hit()
    }

    /// After a member: `true` on a comma (another follows), `false` on the closing bracket.
    fn next_or_close(&mut self, close: u8) -> Option<bool> {
        self.skip_ws();
        let c = self.peek()?;
        self.i += 1;
        match c {
            b',' => Some(true),
            c if c == close => Some(false),
            _ => None,
        }
    }

    /// A string, unescaped (a key is named as serde read it).
    fn string(&mut self) -> Option<String> {
        let start = self.i;
        (self.peek()? == b'"').then_some(())?;
        self.i += 1;
        let mut escaped = false;
        loop {
            match self.peek()? {
                b'\\' => {
                    escaped = true;
                    self.i += 2;
                }
                b'"' => {
                    self.i += 1;
                    break;
                }
                _ => self.i += 1,
            }
        }
        let raw = std::str::from_utf8(self.b.get(start..self.i)?).ok()?;
        if escaped {
            serde_json::from_str(raw).ok()
        } else {
            Some(raw[1..raw.len() - 1].to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Point {
        lat: f64,
        #[serde(default)]
        tags: Vec<u8>,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        points: Vec<Point>,
    }

    fn path(src: &str) -> String {
        from_str::<Doc>(src).unwrap_err().0
    }

    #[test]
    fn each_kind_of_refusal_names_its_value() {
        assert_eq!(path(r#"{"points": [{"lat": 1}, {"lat": "x"}]}"#), "points[1].lat");
        assert_eq!(path(r#"{"points": [{"lat": 1, "tags": [1, 300]}]}"#), "points[0].tags[1]");
        assert_eq!(path("{\"points\": [\n  {\"lat\": 1},\n  {}\n]}"), "points[1]", "a missing field");
        assert_eq!(path(r#"{"points": [{"lat": 1, "lng": 2}]}"#), "points[0].lng", "an unknown field");
        assert_eq!(path(r#"{"points": [{"lat": {"a": 1}}]}"#), "points[0].lat", "an object for a number");
        assert_eq!(path(r#"{"points": {"lat": 1}}"#), "points", "an object for a list");
        assert_eq!(path(r#"{"points": [{"l\u0061t": "1"}]}"#), "points[0].lat", "an escaped key");
        assert_eq!(path(r#"{}"#), ".", "the top level");
        assert_eq!(path(r#"{"points": [{"lat": 1, "tags": [[1]]}]}"#), "points[0].tags[0]", "a list for a number");
    }

    #[test]
    fn broken_json_has_no_path() {
        let (p, e) = from_str::<Doc>(r#"{"points": [}"#).unwrap_err();
        assert!(e.is_syntax());
        assert_eq!(p, ".");
    }
}
