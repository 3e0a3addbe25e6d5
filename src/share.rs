//! The scenario as a piece of text: what a share link carries in its fragment
//! (`#s=1.<base64url(zlib(JSON))>`) and what the app autosaves in browser storage.
//!
//! The JSON inside is small on purpose: the data set's id, the preset, the overrides, the
//! selected application, the language, and the scenario's data as a JSON merge patch (RFC 7386)
//! against the built-in data set it started from — so a link to a built-in data set carries
//! only the user's edits. Data that is not built in (imported) is carried whole, or left out
//! with a note when the link would grow past a limit.
//!
//! Versions: the number before the dot is the format. A reader opens every format up to its own
//! and names the format it cannot read. Format 1 carries a changed `applications` as a merge
//! patch does, the whole array; format 2 carries only the applications that changed, by id
//! (`applications_diff`), since a built-in data set holds a year of them. Everything here is pure and
//! tested natively; the app only reads and writes the URL and storage.

use std::collections::BTreeMap;
use std::io::{Read, Write};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::scenario::{self, PolicyRef, Scenario};
use crate::text::{Lang, Text};
use crate::tr;

/// The format this build writes (and the newest it reads).
pub const FORMAT: u32 = 2;
/// The key of the fragment parameter: `#s=1.…`.
pub const FRAGMENT_KEY: &str = "s=";
/// Above this many characters of encoded link, data that is not built in is left out.
pub const LINK_LIMIT_CHARS: usize = 8 * 1024;
/// Decompressed JSON larger than this is refused from a link (a decompression bomb).
pub const LINK_MAX_DECODED_BYTES: usize = 8 * 1024 * 1024;
/// The same for autosaved work, which may hold a large imported data set.
pub const STORE_MAX_DECODED_BYTES: usize = 64 * 1024 * 1024;
/// Encoded text longer than this is not even decoded.
const MAX_ENCODED_CHARS: usize = 48 * 1024 * 1024;

/// What, besides the scenario, makes the state the user sees.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    /// The data set's id (`sample`, `linyi`, `xian`, or one that is not built in).
    pub dataset: String,
    pub lang: Lang,
    /// Index of the selected application.
    pub selected: usize,
}

/// The JSON inside the encoding (format 1). Unknown fields are refused, so a tampered payload
/// names what it does not know.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Payload {
    dataset: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lang: Option<Lang>,
    preset: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    overrides: BTreeMap<String, Value>,
    #[serde(default, skip_serializing_if = "is_zero")]
    selected: usize,
    /// Fingerprint of the built-in data the patch applies to; absent when the data is carried
    /// whole (or left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<String>,
    /// Merge patch of the scenario (without `policy`) against the base, or the whole scenario.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    data: Option<Value>,
    /// The data was too large for a link and is not in it.
    #[serde(default, skip_serializing_if = "is_false")]
    data_left_out: bool,
}

fn is_zero(x: &usize) -> bool {
    *x == 0
}
fn is_false(x: &bool) -> bool {
    !*x
}

/// An encoded scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Encoded {
    /// `1.<base64url>`: what follows `#s=` in a link, and what storage keeps.
    pub text: String,
    /// The data was left out to keep the link under the limit: the size it would have had.
    pub data_left_out: Option<usize>,
}

/// A decoded scenario, ready for the app.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    /// The whole scenario, `policy` naming the preset with the overrides. `None` when the link
    /// left the data out and it is not a built-in data set: the app keeps its own data.
    pub scenario: Option<Scenario>,
    pub dataset: String,
    pub preset: String,
    pub overrides: BTreeMap<String, Value>,
    pub lang: Option<Lang>,
    pub selected: usize,
    /// What the user should know (the data was left out, the built-in data changed since).
    pub notes: Vec<Text>,
}

/// Why a text could not be opened. Each says what was wrong, in both languages.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareError {
    /// No `<format>.` prefix.
    NoFormat,
    /// A format newer than this build reads.
    NewerFormat(u32),
    /// A format this build no longer reads.
    OldFormat(u32),
    /// Not base64url: the first bad character and its position.
    BadCharacter(usize, char),
    /// The text is too long to be decoded at all.
    TooLong(usize),
    /// The compressed data is damaged or cut short.
    Damaged(String),
    /// The decompressed JSON would be larger than the limit.
    TooLarge(usize),
    /// The JSON or the scenario inside is not valid: the field path and message.
    Invalid(String),
}

impl ShareError {
    pub fn message(&self) -> Text {
        match self {
            ShareError::NoFormat => tr!(
                "链接不完整：缺少格式编号（应为 s=1.…）",
                "the link is incomplete: its format number is missing (expected s=1.…)"
            ),
            ShareError::NewerFormat(v) => tr!(
                "链接由更新的版本生成（格式 {}），本版本只能读取格式 1–{}：请刷新页面获取新版本",
                "the link was made by a newer version (format {}); this version reads formats 1–{}: reload the page to get the new version";
                v, FORMAT
            ),
            ShareError::OldFormat(v) => tr!(
                "链接格式 {} 已不再支持（本版本读取格式 1–{}）",
                "link format {} is no longer read (this version reads formats 1–{})";
                v, FORMAT
            ),
            ShareError::BadCharacter(at, c) => tr!(
                "链接已损坏：第 {} 个字符“{}”不是链接编码中的字符（被修改过？）",
                "the link is damaged: character {} (“{}”) cannot occur in it (was it edited?)";
                at + 1, c
            ),
            ShareError::TooLong(n) => tr!(
                "链接过长（{} 个字符），未读取",
                "the link is too long ({} characters) to be read";
                n
            ),
            ShareError::Damaged(m) => tr!(
                "链接已损坏或被截断：压缩数据无法解开（{}）",
                "the link is damaged or cut short: its compressed data does not unpack ({})";
                m
            ),
            ShareError::TooLarge(limit) => tr!(
                "链接解开后超过 {} MB，出于安全未读取",
                "the link unpacks to more than {} MB and was refused for safety";
                limit / (1024 * 1024)
            ),
            ShareError::Invalid(m) => {
                tr!("链接中的情景无效：{}", "the scenario in the link is not valid: {}"; m)
            }
        }
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().en)
    }
}

impl std::error::Error for ShareError {}

/// A built-in data set as links refer to it: the scenario and a fingerprint of its data.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    pub scenario: Scenario,
    /// Made at the first link or save that needs it, not when the data set is opened (it
    /// serialises the whole city).
    fingerprint: std::cell::OnceCell<String>,
}

impl Base {
    pub fn new(scenario: Scenario) -> Base {
        Base { scenario, fingerprint: std::cell::OnceCell::new() }
    }

    /// FNV-1a (32 bits) of the data's JSON: tells a link that the data it was made on changed
    /// since (a new version of the sample or of the synthetic cities).
    pub fn fingerprint(&self) -> &str {
        self.fingerprint.get_or_init(|| {
            // Hashed as it is written: a city's JSON is megabytes never needed whole.
            let mut h = Fnv1a(0x811c_9dc5);
            serde_json::to_writer(&mut h, &DataOnly::of(&self.scenario)).expect("a scenario serialises");
            format!("{:08x}", h.0)
        })
    }
}

/// A scenario as its JSON is written with the default policy, borrowed (the fingerprint once
/// cloned the whole city only to blank its policy): the same fields in the same order.
#[derive(Serialize)]
struct DataOnly<'a> {
    policy: PolicyRef,
    city: &'a crate::scenario::City,
    counties: &'a [crate::scenario::County],
    institutions: &'a [crate::scenario::Institution],
    applications: &'a [crate::scenario::Application],
    population_cells: &'a [crate::scenario::PopulationCell],
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<&'a String>,
}

impl<'a> DataOnly<'a> {
    fn of(sc: &'a Scenario) -> DataOnly<'a> {
        // Every field named: a new one must be placed here too.
        let Scenario { policy: _, city, counties, institutions, applications, population_cells, as_of } = sc;
        DataOnly {
            policy: PolicyRef::default(),
            city,
            counties,
            institutions,
            applications,
            population_cells,
            as_of: as_of.as_ref(),
        }
    }
}

/// FNV-1a over the bytes written to it.
struct Fnv1a(u32);

impl std::io::Write for Fnv1a {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            self.0 ^= b as u32;
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn json<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).expect("scenario data serialises")
}

/// The merge patch from the base's data to the scenario's (`policy` aside). Fields equal to the
/// base are skipped before any JSON is made: a large data set costs a comparison, not a copy.
fn data_diff(base: &Scenario, sc: &Scenario) -> Option<Value> {
    // Spelled out so that a new field of `Scenario` fails to compile here until it is shared.
    let Scenario { policy: _, city, counties, institutions, applications, population_cells, as_of } = sc;
    let mut out = Map::new();
    let mut field = |name: &str, same: bool, b: Value, t: Value| {
        if !same {
            if let Some(d) = merge_diff(&b, &t) {
                out.insert(name.to_string(), d);
            }
        }
    };
    let lazy = |same: bool, f: &dyn Fn() -> Value| if same { Value::Null } else { f() };
    macro_rules! cmp {
        ($name:ident) => {{
            let same = base.$name == *$name;
            field(stringify!($name), same, lazy(same, &|| json(&base.$name)), lazy(same, &|| json($name)));
        }};
    }
    cmp!(city);
    cmp!(counties);
    cmp!(institutions);
    cmp!(population_cells);
    cmp!(as_of);
    if base.applications != *applications {
        let (b, t) = (json(&base.applications), json(applications));
        out.insert("applications".into(), applications_diff(&b, &t).unwrap_or(t));
    }
    (!out.is_empty()).then_some(Value::Object(out))
}

/// The ids of a JSON array of applications, if every one has a distinct string id.
fn app_ids(apps: &Value) -> Option<Vec<&str>> {
    let ids: Vec<&str> = apps.as_array()?.iter().map(|a| a.get("id")?.as_str()).collect::<Option<_>>()?;
    let distinct: std::collections::BTreeSet<&&str> = ids.iter().collect();
    (distinct.len() == ids.len()).then_some(ids)
}

/// The applications that changed, by id (format 2): `{"by_id": {id: merge patch of that
/// application, or the whole new one, or null when removed}, "order": [ids]}`, `order` only when
/// the result's order is not the base's with new ones after. `None` when the ids are not
/// distinct (then the whole array is carried).
fn applications_diff(base: &Value, target: &Value) -> Option<Value> {
    let (b_ids, t_ids) = (app_ids(base)?, app_ids(target)?);
    let (b, t) = (base.as_array()?, target.as_array()?);
    let mut by_id = Map::new();
    for (k, id) in b_ids.iter().enumerate() {
        match t_ids.iter().position(|x| x == id) {
            None => {
                by_id.insert(id.to_string(), Value::Null);
            }
            Some(j) => {
                if let Some(d) = merge_diff(&b[k], &t[j]) {
                    by_id.insert(id.to_string(), d);
                }
            }
        }
    }
    for (j, id) in t_ids.iter().enumerate() {
        if !b_ids.contains(id) {
            by_id.insert(id.to_string(), t[j].clone());
        }
    }
    let mut out = Map::new();
    let implied: Vec<&str> = b_ids
        .iter()
        .filter(|id| t_ids.contains(id))
        .chain(t_ids.iter().filter(|id| !b_ids.contains(id)))
        .copied()
        .collect();
    out.insert("by_id".into(), Value::Object(by_id));
    if implied != t_ids {
        out.insert("order".into(), t_ids.iter().map(|s| Value::String(s.to_string())).collect());
    }
    Some(Value::Object(out))
}

/// Applies what `applications_diff` wrote to the base's applications (JSON).
fn applications_apply(base: &Value, patch: &Map<String, Value>) -> Result<Value, scenario::ScenarioError> {
    let bad = |m: &str| scenario::ScenarioError { message: format!("data.applications: {m}") };
    let by_id = match patch.get("by_id") {
        Some(Value::Object(m)) => m,
        _ => return Err(bad("by_id is missing or not an object")),
    };
    if let Some(k) = patch.keys().find(|k| *k != "by_id" && *k != "order") {
        return Err(bad(&format!("unknown field `{k}`")));
    }
    let base = base.as_array().cloned().unwrap_or_default();
    let base_ids: Vec<Option<&str>> = base.iter().map(|a| a.get("id").and_then(Value::as_str)).collect();
    let mut out: Vec<Value> = Vec::new();
    for (a, id) in base.iter().zip(&base_ids) {
        match id.and_then(|id| by_id.get(id)) {
            Some(Value::Null) => {}
            Some(p) => {
                let mut a = a.clone();
                merge_apply(&mut a, p);
                out.push(a);
            }
            None => out.push(a.clone()),
        }
    }
    for (id, a) in by_id {
        if !base_ids.contains(&Some(id.as_str())) && !a.is_null() {
            out.push(a.clone());
        }
    }
    if let Some(order) = patch.get("order") {
        let order: Vec<&str> = order
            .as_array()
            .and_then(|o| o.iter().map(Value::as_str).collect())
            .ok_or_else(|| bad("order: not a list of ids"))?;
        let mut sorted = Vec::with_capacity(out.len());
        for id in &order {
            let at = out.iter().position(|a| a.get("id").and_then(Value::as_str) == Some(id));
            sorted.push(out.remove(at.ok_or_else(|| bad(&format!("order: no application \"{id}\"")))?));
        }
        if !out.is_empty() {
            return Err(bad("order: does not list every application"));
        }
        out = sorted;
    }
    Ok(Value::Array(out))
}

/// The scenario's data as JSON, without `policy`.
fn data_value(sc: &Scenario) -> Value {
    let mut v = json(sc);
    if let Value::Object(m) = &mut v {
        m.remove("policy");
    }
    v
}

/// The JSON merge patch (RFC 7386) that turns `base` into `target`: objects member by member,
/// anything else (arrays included) replaced whole. `None`: no difference.
pub fn merge_diff(base: &Value, target: &Value) -> Option<Value> {
    if base == target {
        return None;
    }
    match (base, target) {
        (Value::Object(b), Value::Object(t)) => {
            let mut out = Map::new();
            for (k, bv) in b {
                match t.get(k) {
                    None => {
                        out.insert(k.clone(), Value::Null);
                    }
                    Some(tv) => {
                        if let Some(d) = merge_diff(bv, tv) {
                            out.insert(k.clone(), d);
                        }
                    }
                }
            }
            for (k, tv) in t {
                if !b.contains_key(k) {
                    out.insert(k.clone(), tv.clone());
                }
            }
            Some(Value::Object(out))
        }
        _ => Some(target.clone()),
    }
}

/// Applies a JSON merge patch (RFC 7386) to `target`.
pub fn merge_apply(target: &mut Value, patch: &Value) {
    let Value::Object(p) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Map::new());
    }
    let t = target.as_object_mut().expect("made an object above");
    for (k, pv) in p {
        if pv.is_null() {
            t.remove(k);
        } else {
            merge_apply(t.entry(k.clone()).or_insert(Value::Null), pv);
        }
    }
}

fn pack(payload: &Payload) -> String {
    let json = serde_json::to_vec(payload).expect("a payload serialises");
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&json).expect("writing to memory");
    let bytes = z.finish().expect("writing to memory");
    format!("{FORMAT}.{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// Encodes a scenario (its `policy` naming a built-in preset, with overrides) and what the user
/// sees. `base`: the built-in data set it started from (only the edits are carried), or `None`
/// for data that is not built in (carried whole). `limit`: for a link, the length above which
/// data that is not built in is left out (`Encoded::data_left_out`).
pub fn encode(sc: &Scenario, view: &View, base: Option<&Base>, limit: Option<usize>) -> Encoded {
    encode_with_policy(sc, &sc.policy, view, base, limit)
}

/// `encode` with the policy given beside the data rather than in it: the app keeps its policy
/// apart from the scenario it shares, which would otherwise be copied whole to carry it.
pub fn encode_with_policy(
    sc: &Scenario,
    policy: &PolicyRef,
    view: &View,
    base: Option<&Base>,
    limit: Option<usize>,
) -> Encoded {
    let (base_id, data) = match base {
        Some(b) => (Some(b.fingerprint().to_string()), data_diff(&b.scenario, sc)),
        None => (None, Some(data_value(sc))),
    };
    let mut payload = Payload {
        dataset: view.dataset.clone(),
        lang: Some(view.lang),
        preset: policy.preset.clone().unwrap_or_default(),
        overrides: policy.overrides.clone(),
        selected: view.selected,
        base: base_id,
        data,
        data_left_out: false,
    };
    let text = pack(&payload);
    match limit {
        Some(max) if text.len() > max && payload.data.is_some() => {
            payload.data = None;
            payload.data_left_out = true;
            Encoded { text: pack(&payload), data_left_out: Some(text.len()) }
        }
        _ => Encoded { text, data_left_out: None },
    }
}

/// Unpacks `<format>.<base64url>` into the payload's JSON text, refusing more than
/// `max_decoded` bytes.
fn unpack(text: &str, max_decoded: usize) -> Result<String, ShareError> {
    let text = text.trim();
    if text.len() > MAX_ENCODED_CHARS {
        return Err(ShareError::TooLong(text.len()));
    }
    let (version, body) = text.split_once('.').ok_or(ShareError::NoFormat)?;
    let version: u32 = version.parse().map_err(|_| ShareError::NoFormat)?;
    if version > FORMAT {
        return Err(ShareError::NewerFormat(version));
    }
    if version < 1 {
        return Err(ShareError::OldFormat(version));
    }
    if let Some((at, c)) =
        body.chars().enumerate().find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        // Positions count from the start of the whole text, as the user sees it.
        return Err(ShareError::BadCharacter(at + version.to_string().len() + 1, c));
    }
    let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|e| ShareError::Damaged(e.to_string()))?;
    let mut out = Vec::new();
    let mut z = flate2::read::ZlibDecoder::new(&bytes[..]).take(max_decoded as u64 + 1);
    z.read_to_end(&mut out).map_err(|e| ShareError::Damaged(e.to_string()))?;
    if out.len() > max_decoded {
        return Err(ShareError::TooLarge(max_decoded));
    }
    String::from_utf8(out).map_err(|_| ShareError::Damaged("not UTF-8".into()))
}

/// Decodes what `encode` wrote. `base_for(dataset)`: the built-in data set of that id (`None`
/// for an id that is not built in). The scenario is validated as a scenario file is (field paths
/// in the message), its policy resolved.
pub fn decode(text: &str, max_decoded: usize, base_for: impl Fn(&str) -> Option<Base>) -> Result<Opened, ShareError> {
    let json_text = unpack(text, max_decoded)?;
    let p: Payload = scenario::from_json(&json_text, "").map_err(|e| ShareError::Invalid(e.message))?;
    let invalid = |e: scenario::ScenarioError| ShareError::Invalid(e.message);
    let policy = PolicyRef { preset: Some(p.preset.clone()), overrides: p.overrides.clone(), ..Default::default() };
    scenario::resolve_policy_ref(&policy, |_| Err("no files in a link".into())).map_err(invalid)?;
    let mut notes = Vec::new();
    // Whether the data was carried as edits of a built-in set or whole, the user must know it
    // is not in the link.
    if p.data_left_out {
        notes.push(Text::new(
            "数据过大，未包含在链接中：已打开参数设置；完整情景请向发送者索取情景文件",
            "the data was too large for the link and is not in it: the parameters are opened; ask the sender for the scenario file",
        ));
    }
    let base = base_for(&p.dataset);
    let scenario = match (&p.base, p.data, base) {
        (Some(fp), patch, Some(b)) => {
            if fp != b.fingerprint() {
                notes.push(tr!(
                    "此链接生成后，内置数据“{}”已更新：修改已应用到新数据上，结果可能不同",
                    "the built-in data set “{}” changed since this link was made: the edits were applied to the new one, results may differ";
                    p.dataset
                ));
            }
            Some(patched(b.scenario, patch.as_ref(), policy).map_err(invalid)?)
        }
        (Some(_), _, None) => {
            return Err(ShareError::Invalid(format!("dataset: \"{}\" is not a built-in data set", p.dataset)));
        }
        (None, Some(mut whole), _) => {
            if let Value::Object(m) = &mut whole {
                m.insert("policy".into(), json(&policy));
            }
            Some(scenario::parse(&whole.to_string()).map_err(invalid)?)
        }
        (None, None, base) => base.map(|b| Scenario { policy, ..b.scenario }),
    };
    let n = scenario.as_ref().map(|s| s.applications.len()).unwrap_or(0);
    Ok(Opened {
        scenario,
        dataset: p.dataset,
        preset: p.preset,
        overrides: p.overrides,
        lang: p.lang,
        selected: if p.selected < n { p.selected } else { 0 },
        notes,
    })
}

/// The base with a merge patch applied and the policy set, validated. Only the patched fields
/// go through JSON (their errors keep their paths, `applications[0].lat`); the rest is the
/// base's, unchanged.
fn patched(base: Scenario, patch: Option<&Value>, policy: PolicyRef) -> Result<Scenario, scenario::ScenarioError> {
    let mut sc = Scenario { policy, ..base };
    let Some(Value::Object(patch)) = patch else {
        if patch.is_some() {
            return Err(scenario::ScenarioError { message: "data: not an object".into() });
        }
        scenario::validate(&sc)?;
        return Ok(sc);
    };
    // The patched fields over the base's, with the policy and city the parse needs.
    let mut v = Map::new();
    v.insert("policy".into(), json(&sc.policy));
    v.insert("city".into(), json(&sc.city));
    for (k, p) in patch {
        let mut field = match k.as_str() {
            "city" => json(&sc.city),
            "counties" => json(&sc.counties),
            "institutions" => json(&sc.institutions),
            "applications" => json(&sc.applications),
            "population_cells" => json(&sc.population_cells),
            "as_of" => json(&sc.as_of),
            // Left to the parse, which names the unknown field.
            _ => Value::Null,
        };
        match (k.as_str(), p) {
            // Format 2: the applications that changed, by id (format 1: the whole array).
            ("applications", Value::Object(m)) => field = applications_apply(&field, m)?,
            _ => merge_apply(&mut field, p),
        }
        if field.is_null() {
            v.remove(k);
        } else {
            v.insert(k.clone(), field);
        }
    }
    let part = scenario::from_json::<Scenario>(&Value::Object(v.clone()).to_string(), "")?;
    if v.contains_key("city") {
        sc.city = part.city;
    }
    macro_rules! take {
        ($name:ident) => {
            if patch.contains_key(stringify!($name)) {
                sc.$name = part.$name;
            }
        };
    }
    take!(counties);
    take!(institutions);
    take!(applications);
    take!(population_cells);
    take!(as_of);
    scenario::validate(&sc)?;
    Ok(sc)
}

/// The encoded text of a URL fragment (`#s=1.…`, possibly among other `&`-separated parts).
pub fn from_fragment(fragment: &str) -> Option<&str> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    f.split('&').find_map(|part| part.strip_prefix(FRAGMENT_KEY))
}
