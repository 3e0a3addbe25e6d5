//! Bilingual text: Chinese first, English alongside.
//!
//! One type, `Text`, for every string shown in both languages: the engine's rendered sentences,
//! the UI's words and a trace's fixed words. Each half is a `Cow`, so fixed words (`words!`,
//! `Text::lit`) live in the program's static data and cost no allocation, while sentences
//! composed at run time (`tr!`, `Text::new`) own their strings.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

/// Fixed words as a trace or a panel keeps them: one pointer to static data, copied freely.
pub type Words = &'static Text;

impl Text {
    /// Fixed words: usable in a `const`, no allocation (see `words!`).
    pub const fn lit(zh: &'static str, en: &'static str) -> Self {
        Text { zh: Cow::Borrowed(zh), en: Cow::Borrowed(en) }
    }

    /// Owned strings, or borrowed static ones (`&'static str` stays borrowed).
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Text { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Joins two texts sentence-wise in both languages.
    pub fn join(&self, other: &Text) -> Text {
        Text::new(format!("{}；{}", self.zh, other.zh), format!("{}; {}", self.en, other.en))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// `format!` in both languages at once: `tr!("{} 米", "{} m"; d)`.
#[macro_export]
macro_rules! tr {
    ($zh:literal, $en:literal $(; $($arg:expr),* )?) => {
        $crate::text::Text::new(format!($zh $(, $($arg),*)?), format!($en $(, $($arg),*)?))
    };
}

/// `words!("中文", "English")`: fixed words as `Words`, a `&'static Text` made at compile time
/// (no allocation, one pointer wherever it is kept).
#[macro_export]
macro_rules! words {
    ($zh:literal, $en:literal $(,)?) => {
        const { &$crate::text::Text::lit($zh, $en) }
    };
}

/// A figure as people read it: at most `decimals` places, trailing zeros dropped.
pub fn num(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    // A message quoting an absurd input (1e308 m) stays one short line.
    if x.abs() >= 1e15 {
        return format!("{x:e}");
    }
    let s = format!("{:.*}", decimals, x);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Integers with thousands separators, as the policy texts print them (84,634).
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Text made safe to put into HTML, as element content or inside a quoted attribute: Leaflet's
/// tooltips, markers and attribution take a string as HTML, and names come from user files.
pub fn escape_html(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_carries_no_markup_and_reads_back_as_it_was() {
        let hostile = r#"<img src=x onerror="alert(1)"><script>x='1'</script> &amp; 兰山<区>"#;
        let e = escape_html(hostile);
        for c in ['<', '>', '"', '\''] {
            assert!(!e.contains(c), "{c} left in {e}");
        }
        // Every & starts an entity this function wrote, so a browser reads back the original.
        let back = e
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        assert_eq!(back, hostile);
        assert_eq!(escape_html("a&lt;b"), "a&amp;lt;b", "an entity in the text stays text");
        assert_eq!(escape_html("兰山区"), "兰山区");
    }

    #[test]
    fn numbers_read_as_in_the_texts() {
        assert_eq!(num(143.6999, 1), "143.7");
        assert_eq!(num(12.0, 2), "12");
        assert_eq!(num(7.8016, 2), "7.8");
        assert_eq!(thousands(84634), "84,634");
        assert_eq!(thousands(10848400), "10,848,400");
        assert_eq!(thousands(100), "100");
    }
}
