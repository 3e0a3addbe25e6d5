//! The UI strings (`crate::app::i18n`) as Yew markup: a label in the current language with the
//! other one alongside.

use yew::{html, Html};

// Every feature's words under one name, so a panel can still say `i::NAME`; a panel that uses
// one feature's words can import that module instead (`use crate::app::i18n::plan as w;`).
pub use crate::app::i18n::{
    assess::*, budget::*, coverage::*, data::*, datasets::*, decision::*, edits::*, figures::*, form::*, guided::*,
    import::*, map::*, nav::*, page::*, params::*, plan::*, results::*, review::*, share::*, sites::*, sweep::*,
    way::*, *,
};
pub use crate::text::Words;
use crate::text::{Lang, Text};

/// A label in the current language with the other language as small secondary text, so a
/// policymaker can match the English to the terms of the Chinese texts (and the reverse).
pub fn bi(lang: Lang, text: &Text) -> Html {
    let o = other(lang);
    let main = text.get(lang);
    let sub = text.get(o);
    if sub.is_empty() || sub == main {
        return html! { <span class="main">{ main.to_string() }</span> };
    }
    html! {
        <>
            <span class="main">{ main.to_string() }</span>
            <span class="sub" lang={lang_tag(o)}>{ sub.to_string() }</span>
        </>
    }
}

/// `bi` for fixed words (`Words`): the same markup, kept for the panels that call it by this name.
pub fn bi_t(lang: Lang, s: &Text) -> Html {
    bi(lang, s)
}
