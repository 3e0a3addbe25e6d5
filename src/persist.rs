//! What the app keeps of the user's work between visits, and what it opens on start: a share
//! link in the address (`#s=1.…`), else the work autosaved in browser storage, else the preset.
//!
//! Pure: the app hands in the address and the stored texts, and gets back what to load, the
//! language and the notices to show (ui/persist.rs reads and writes the browser's storage and
//! address bar). Stored work is the share encoding (`share::encode`, all data kept) inside a
//! small versioned envelope, so an old or damaged save is recognised and named, never fatal.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::scenario::Scenario;
use crate::share::{self, Base, Opened, View};
use crate::text::{Lang, Text};
use crate::tr;

/// Storage key of the autosaved work (an envelope).
pub const WORK_KEY: &str = "dingdian.work";
/// Storage key of the language (`zh` or `en`).
pub const LANG_KEY: &str = "dingdian.lang";
/// Where the autosaved work is put aside when a link (or a damaged link, or an unreadable save)
/// would otherwise overwrite it at the next autosave: the user can bring it back.
pub const PREVIOUS_KEY: &str = "dingdian.work.previous";
/// What local storage holds under `WORK_KEY` or `PREVIOUS_KEY` when the work itself is in the
/// browser's larger store (IndexedDB, under the same key).
pub const IN_LARGE_STORE: &str = "dingdian:in-indexeddb";
/// Saved work longer than this (in bytes) goes to the larger store: local storage holds about
/// 5 MB per site in all, and a large imported city would fill it. Local storage stays the
/// fallback where that store is missing or refuses.
pub const LARGE_WORK_BYTES: usize = 256 * 1024;

/// Where saved work of `len` bytes goes first.
pub fn goes_to_large_store(len: usize) -> bool {
    len > LARGE_WORK_BYTES
}

/// The envelope format this build writes and the newest it reads.
pub const AUTOSAVE_FORMAT: u32 = 1;

/// The stored envelope. Unknown fields are refused so that a save from a newer build that added
/// one is named as such rather than half read.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Envelope {
    /// The envelope's format.
    dingdian_autosave: u32,
    /// The work as a share link's fragment encodes it (`1.<base64url>`), data never left out.
    work: String,
    /// The parameters set as the baseline of the comparison (absent: the preset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<BTreeMap<String, Value>>,
}

/// The text autosave writes: the scenario (its `policy` naming the preset and the overrides),
/// what the user sees, and the baseline's overrides when the user set one.
pub fn save_text(
    sc: &Scenario,
    view: &View,
    base: Option<&Base>,
    baseline: Option<&BTreeMap<String, Value>>,
) -> String {
    save_text_with_policy(sc, &sc.policy, view, base, baseline)
}

/// `save_text` with the policy given beside the data (`share::encode_with_policy`).
pub fn save_text_with_policy(
    sc: &Scenario,
    policy: &crate::scenario::PolicyRef,
    view: &View,
    base: Option<&Base>,
    baseline: Option<&BTreeMap<String, Value>>,
) -> String {
    let env = Envelope {
        dingdian_autosave: AUTOSAVE_FORMAT,
        work: share::encode_with_policy(sc, policy, view, base, None).text,
        baseline: baseline.cloned(),
    };
    serde_json::to_string(&env).expect("an envelope serialises")
}

/// Autosaved work, opened.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    pub opened: Opened,
    pub baseline: Option<BTreeMap<String, Value>>,
}

/// Opens what `save_text` wrote. The error says why in both languages.
pub fn open_saved(stored: &str, base_for: impl Fn(&str) -> Option<Base>) -> Result<Saved, Text> {
    let why = |m: Text| {
        Text::new(
            format!("无法恢复自动保存的工作：{}", m.zh),
            format!("the autosaved work could not be restored: {}", m.en),
        )
    };
    let value: Value = serde_json::from_str(stored.trim())
        .map_err(|e| why(tr!("不是有效的 JSON（{}）", "it is not valid JSON ({})"; e)))?;
    let format = value.get("dingdian_autosave").and_then(Value::as_u64);
    match format {
        None => {
            return Err(why(Text::new(
                "缺少格式编号（不是本工具保存的内容？）",
                "its format number is missing (not saved by this tool?)",
            )))
        }
        Some(v) if v > AUTOSAVE_FORMAT as u64 => {
            return Err(why(tr!(
                "由更新的版本保存（格式 {}），本版本读取格式 1–{}：请刷新页面获取新版本",
                "it was saved by a newer version (format {}); this version reads formats 1–{}: reload the page to get the new version";
                v, AUTOSAVE_FORMAT
            )))
        }
        Some(0) => {
            return Err(why(Text::new("格式 0 已不再支持", "format 0 is no longer read")));
        }
        Some(_) => {}
    }
    let env: Envelope =
        serde_json::from_value(value).map_err(|e| why(tr!("内容无效（{}）", "its content is not valid ({})"; e)))?;
    let opened = share::decode(&env.work, share::STORE_MAX_DECODED_BYTES, base_for).map_err(|e| why(e.message()))?;
    Ok(Saved { opened, baseline: env.baseline })
}

/// The language named by a query string (`?lang=en`, `lang=zh&x=1`); `None` when absent or
/// neither language.
pub fn lang_from_query(search: &str) -> Option<Lang> {
    let q = search.strip_prefix('?').unwrap_or(search);
    q.split('&').filter_map(|kv| kv.strip_prefix("lang=")).last().and_then(lang_from_id)
}

/// `zh` or `en` (also what storage keeps).
pub fn lang_from_id(id: &str) -> Option<Lang> {
    match id.trim() {
        "zh" | "zh-CN" | "zh-cn" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

pub fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// The query string with `lang` set to `lang`, every other parameter kept in its place
/// (`?lang=en`, `?x=1&lang=zh`).
pub fn query_with_lang(search: &str, lang: Lang) -> String {
    let q = search.strip_prefix('?').unwrap_or(search);
    let mut parts: Vec<String> = Vec::new();
    let mut set = false;
    for kv in q.split('&').filter(|kv| !kv.is_empty()) {
        if kv == "lang" || kv.starts_with("lang=") {
            if !set {
                parts.push(format!("lang={}", lang_id(lang)));
                set = true;
            }
        } else {
            parts.push(kv.to_string());
        }
    }
    if !set {
        parts.push(format!("lang={}", lang_id(lang)));
    }
    format!("?{}", parts.join("&"))
}

/// Where the state the app opens with came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Link,
    Autosave,
    Preset,
}

/// How a notice looks: information, or something the user should act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
}

/// A message shown above the page until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub level: Level,
    pub text: Text,
    /// The notice offers to bring back the work put aside under `PREVIOUS_KEY`.
    pub offers_previous: bool,
}

impl Notice {
    pub fn info(text: Text) -> Notice {
        Notice { level: Level::Info, text, offers_previous: false }
    }
    pub fn warning(text: Text) -> Notice {
        Notice { level: Level::Warning, text, offers_previous: false }
    }
}

/// What the app opens with.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// What to load; `None`: the preset with its built-in data, as on a first visit.
    pub opened: Option<Opened>,
    pub baseline: Option<BTreeMap<String, Value>>,
    pub source: Source,
    pub lang: Lang,
    pub notices: Vec<Notice>,
    /// The address holds a share link (good or bad): the app removes it once read, so that a
    /// reload opens the autosaved work with the later edits, not the link again.
    pub clear_fragment: bool,
    /// Copy the stored work to `PREVIOUS_KEY` before anything overwrites it.
    pub put_aside_saved: bool,
}

/// Decides what the app opens with. `fragment` and `query`: the address's `#…` and `?…`;
/// `saved` and `saved_lang`: what storage holds under `WORK_KEY` and `LANG_KEY`.
/// The language: `?lang=` first, then the link's, then the stored one, then Chinese.
pub fn start(
    fragment: &str,
    query: &str,
    saved: Option<&str>,
    saved_lang: Option<&str>,
    base_for: impl Fn(&str) -> Option<Base>,
) -> Start {
    let saved = saved.filter(|s| !s.trim().is_empty());
    let query_lang = lang_from_query(query);
    let stored_lang = saved_lang.and_then(lang_from_id);
    let mut notices = Vec::new();
    let link = share::from_fragment(fragment);
    let (opened, baseline, source) = match link {
        Some(text) => match share::decode(text, share::LINK_MAX_DECODED_BYTES, &base_for) {
            Ok(o) => {
                let mut n =
                    Notice::info(Text::new("已打开分享链接中的情景。", "The scenario of the shared link is open."));
                n.offers_previous = saved.is_some();
                notices.push(n);
                notices.extend(o.notes.iter().cloned().map(Notice::warning));
                (Some(o), None, Source::Link)
            }
            Err(e) => {
                let m = e.message();
                let mut n = Notice::warning(Text::new(
                    format!("{}。已打开默认情景。", m.zh),
                    format!("{}. The default scenario is open instead.", capitalise(&m.en)),
                ));
                n.offers_previous = saved.is_some();
                notices.push(n);
                (None, None, Source::Preset)
            }
        },
        None => match saved.map(|s| open_saved(s, &base_for)) {
            Some(Ok(s)) => {
                let notes = s.opened.notes.iter().cloned().map(Notice::warning);
                notices.extend(notes);
                (Some(s.opened), s.baseline, Source::Autosave)
            }
            Some(Err(m)) => {
                notices.push(Notice::warning(Text::new(
                    format!("{}。已打开预设；无法读取的内容已另存。", m.zh),
                    format!("{}. The preset is open; the unreadable save was kept aside.", capitalise(&m.en)),
                )));
                (None, None, Source::Preset)
            }
            None => (None, None, Source::Preset),
        },
    };
    let lang = query_lang
        .or(if source == Source::Link { opened.as_ref().and_then(|o| o.lang) } else { None })
        .or(stored_lang)
        .or(opened.as_ref().and_then(|o| o.lang))
        .unwrap_or(Lang::Zh);
    Start {
        opened,
        baseline,
        source,
        lang,
        notices,
        clear_fragment: link.is_some(),
        put_aside_saved: saved.is_some() && source != Source::Autosave,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A scenario file (DESIGN.md §3, what `dingdian evaluate` reads) as the app opens it.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioFile {
    pub scenario: Scenario,
    pub preset: String,
    pub overrides: BTreeMap<String, Value>,
}

/// Reads a scenario file the user opened in the app. The message names the field
/// (`applications[3].lat: 95 is outside -90..90`) or the line and column of broken JSON. The
/// app runs the built-in presets: a file naming a preset file or an inline preset is refused.
pub fn open_scenario_file(name: &str, text: &str) -> Result<ScenarioFile, Text> {
    if let Some(m) = crate::limits::file_too_large(name, text.len() as u64) {
        return Err(m);
    }
    let same = |m: String| Text::new(m.clone(), m);
    let sc = crate::scenario::parse(text).map_err(|e| same(e.message))?;
    let known = || crate::policy::builtin_presets().into_iter().map(|p| p.id).collect::<Vec<_>>().join(", ");
    if sc.policy.file.is_some() || sc.policy.inline.is_some() {
        let field = if sc.policy.file.is_some() { "policy.file" } else { "policy.inline" };
        return Err(Text::new(
            format!("{field}：浏览器中只能使用内置预设（{}），请在 policy.preset 中指明", known()),
            format!("{field}: the app runs the built-in presets only ({}): name one in policy.preset", known()),
        ));
    }
    crate::scenario::resolve_policy(&sc, |_| Err("no files in the browser".into())).map_err(|e| same(e.message))?;
    Ok(ScenarioFile {
        preset: sc.policy.preset.clone().unwrap_or_default(),
        overrides: sc.policy.overrides.clone(),
        scenario: sc,
    })
}
