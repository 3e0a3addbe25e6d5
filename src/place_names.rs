//! The English form of the sample cities' county names (www/data/county-pinyin.csv, sources in
//! www/data/SOURCES.md): English pages show it beside the Chinese, which stays the name of record.

use std::borrow::Cow;

use crate::text::Lang;

const COUNTY_PINYIN_CSV: &str = include_str!("../www/data/county-pinyin.csv");

/// "Tancheng County" for 郯城县; `None` for a name the table does not hold (an imported county).
pub fn romanised(name: &str) -> Option<&'static str> {
    COUNTY_PINYIN_CSV.lines().skip(1).find_map(|line| {
        let mut f = line.splitn(3, ',');
        let (_adcode, zh, en) = (f.next()?, f.next()?, f.next()?);
        (zh == name.trim()).then_some(en)
    })
}

/// A county's name as a reader of `lang` reads it: the Chinese, and in English the romanised
/// form beside it ("郯城县 (Tancheng County)").
pub fn county_label(lang: Lang, name: &str) -> Cow<'_, str> {
    match (lang, romanised(name)) {
        (Lang::En, Some(en)) => format!("{name} ({en})").into(),
        _ => name.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_county_of_the_sample_cities_has_its_english_form() {
        for city in [crate::synth::SampleCity::Linyi, crate::synth::SampleCity::Xian] {
            for c in crate::synth::county_seeds(city) {
                let en = romanised(&c.name).unwrap_or_else(|| panic!("{} has no English form", c.name));
                assert!(en.ends_with(" District") || en.ends_with(" County"), "{en}");
                assert!(en.is_ascii(), "{en}");
            }
        }
        assert_eq!(county_label(Lang::En, "郯城县"), "郯城县 (Tancheng County)");
        assert_eq!(county_label(Lang::Zh, "郯城县"), "郯城县");
        assert_eq!(county_label(Lang::En, "某县"), "某县", "a county not in the table keeps its name");
    }
}
