//! The shared question of the proximity rules: the nearest institution of the same type, the
//! moving institution's own old site left out (an institution is never its own neighbour).

use super::{Ctx, Detail, Judgement};
use crate::policy::ActiveRule;
use crate::scenario::{Application, Institution, Specialty};
use crate::spatial::Among;
use crate::text::Words;
use crate::text::{num, thousands, Text};

/// Which institutions a proximity rule counts as neighbours of the applicant, and how the
/// trace names them. The rule and the acceptance surface both ask this one predicate.
pub struct Neighbours {
    /// e.g. 同类定点药店 / a designated pharmacy of the same type
    pub what: What,
    /// The predicate; `None`: exactly what `among` admits, which the index tests without
    /// loading each candidate from memory (and nothing to allocate).
    keep: Option<Box<dyn Fn(&Institution) -> bool>>,
    /// Where all of them are found, when narrower than every institution (a faster search).
    pub among: Option<Among>,
}

impl Neighbours {
    pub fn new(what: impl Into<What>, keep: impl Fn(&Institution) -> bool + 'static) -> Self {
        let what = what.into();
        Neighbours { what, keep: Some(Box::new(keep)), among: None }
    }

    /// Exactly the institutions `among` admits.
    pub fn of(what: impl Into<What>, among: Among) -> Self {
        Neighbours { what: what.into(), keep: None, among: Some(among) }
    }

    /// Declares that every neighbour `keep` accepts is among `among`.
    pub fn among(mut self, among: Among) -> Self {
        self.among = Some(among);
        self
    }

    /// Whether `i` is of the kind this rule counts (the applicant's own site aside).
    pub fn keeps(&self, i: &Institution) -> bool {
        match (&self.keep, self.among) {
            (Some(keep), _) => keep(i),
            (None, Some(among)) => among.admits(i),
            (None, None) => true,
        }
    }

    /// Counts `i` as a neighbour of `app`: never the applicant's own existing site.
    pub fn counts(&self, app: &Application, i: &Institution) -> bool {
        Some(i.id.as_str()) != app.own_institution() && self.keeps(i)
    }
}

/// A proximity rule's neighbours, or the judgement when the rule does not reach the applicant.
pub type NeighboursOr = Result<Neighbours, Judgement>;

pub fn nearest<'a>(ctx: &Ctx<'a>, app: &Application, n: &Neighbours) -> Option<(&'a Institution, f64)> {
    // `counts`, with the applicant's own site looked up once rather than per candidate.
    let own = app.own_institution();
    let counts = |i: &Institution| (own.is_none() || Some(i.id.as_str()) != own) && n.keeps(i);
    match n.among {
        // The index tests what `among` admits: only the own site is left to leave out.
        Some(among) if n.keep.is_none() => {
            ctx.index.nearest_among(&ctx.scenario.institutions, app.lon, app.lat, among, |i| {
                own.is_none() || Some(i.id.as_str()) != own
            })
        }
        Some(among) => ctx.index.nearest_among(&ctx.scenario.institutions, app.lon, app.lat, among, counts),
        None => ctx.index.nearest(&ctx.scenario.institutions, app.lon, app.lat, counts),
    }
}

pub fn metres(d: f64) -> String {
    if d >= 10_000.0 {
        thousands(d.round() as u64)
    } else {
        num(d, 1)
    }
}

/// How the trace names a rule's neighbours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum What {
    Words(Words),
    /// Designated inpatient institutions of this specialty.
    Specialty(Specialty),
}

impl From<Words> for What {
    fn from(w: Words) -> Self {
        What::Words(w)
    }
}

impl What {
    pub fn text(self) -> Text {
        match self {
            What::Words(w) => w.clone(),
            What::Specialty(s) => {
                let l = s.label();
                Text::new(
                    format!("同专科（{}）住院定点医疗机构", l.zh),
                    format!("a designated {} specialty inpatient institution", l.en),
                )
            }
        }
    }
}

/// What a proximity rule read: the radius, the nearest neighbour's distance (none within
/// 50 km: `None`), and words the rule adds after it.
#[derive(Clone, Debug, PartialEq)]
pub struct Circle {
    pub r: f64,
    pub what: What,
    pub nearest: Option<f64>,
    pub then: Option<Words>,
}

impl Circle {
    /// The rule's own words after the reading ("；原则上不再新增").
    pub fn then(mut self, words: Words) -> Self {
        self.then = Some(words);
        self
    }

    /// "800 米内已有同类定点药店（最近 143.7 米）" or "800 米内没有……（最近 1,234 米）".
    pub(crate) fn render(&self) -> Text {
        let r = self.r;
        let rs = num(r, 1);
        let what = self.what.text();
        let t = match self.nearest {
            // A neighbour standing where the applicant would (0 m once rounded): the same site,
            // said so, not "nearest 0 m".
            Some(d) if d < 0.05 => Text::new(
                format!("{rs} 米内已有{}（就在同一地点）", what.zh),
                format!("{} within {rs} m (at the very same site)", what.en),
            ),
            Some(d) if d <= r => Text::new(
                format!("{rs} 米内已有{}（最近 {} 米）", what.zh, metres(d)),
                format!("{} within {rs} m (nearest {} m)", what.en, metres(d)),
            ),
            Some(d) => Text::new(
                format!("{rs} 米内没有{}（最近 {} 米）", what.zh, metres(d)),
                format!("no {} within {rs} m (nearest {} m)", strip_article(&what.en), metres(d)),
            ),
            None => Text::new(
                format!("{rs} 米内没有{}（50 公里内也没有）", what.zh),
                format!("no {} within {rs} m (none within 50 km)", strip_article(&what.en)),
            ),
        };
        match self.then {
            Some(w) => t.join(w),
            None => t,
        }
    }
}

/// A circle as the trace keeps it (24 bytes, so that a detail stays small): the radius, the
/// nearest neighbour's distance (negative: none within 50 km), and who the neighbours are.
/// The rule's words after the reading, when it has some, are joined on (`Reading::Joined`),
/// which says exactly what `Circle::render` says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct CircleReading<W> {
    r: f64,
    nearest: f64,
    what: W,
}

impl<W: Copy> CircleReading<W> {
    pub(crate) fn render(&self) -> Text
    where
        What: From<W>,
    {
        let nearest = (self.nearest >= 0.0).then_some(self.nearest);
        Circle { r: self.r, what: What::from(self.what), nearest, then: None }.render()
    }
}

impl From<Specialty> for What {
    fn from(s: Specialty) -> Self {
        What::Specialty(s)
    }
}

impl From<Circle> for Detail {
    fn from(c: Circle) -> Self {
        use super::Reading;
        let nearest = c.nearest.unwrap_or(-1.0);
        let d = match c.what {
            What::Words(what) => Detail::of(Reading::Circle(CircleReading { r: c.r, nearest, what })),
            What::Specialty(what) => Detail::of(Reading::SpecialtyCircle(CircleReading { r: c.r, nearest, what })),
        };
        match c.then {
            None => d,
            Some(w) => Detail::of(Reading::Joined(Box::new([d, w.into()]))),
        }
    }
}

/// Whether a neighbour is within the radius, and what the rule read.
pub struct Proximity {
    pub inside: bool,
    pub detail: Circle,
}

/// A proximity rule's radius: its own where the preset gives one (`RuleSpec::radius_m`), else
/// the service radius.
pub fn radius(ctx: &Ctx, rule: &ActiveRule) -> f64 {
    rule.radius_m.unwrap_or(ctx.params.service_radius_m)
}

/// The neighbours of a proximity rule of the policy; `None` for a rule that is none. The rules,
/// the acceptance surface and the plain-language answer all ask this one function.
pub fn neighbours_of(rule: &ActiveRule, ctx: &Ctx, app: &Application) -> Option<NeighboursOr> {
    use super::{inpatient, outpatient, pharmacy, xian};
    Some(match rule.def.id {
        "inpatient.same_type_nearby" => inpatient::same_type_neighbours(ctx, app),
        "outpatient.nearby" => outpatient::neighbours(ctx, app),
        "outpatient_pharmacy.no_new" => xian::no_new_neighbours(ctx, app),
        "pharmacy.same_type_nearby" => pharmacy::same_type_neighbours(ctx, app, rule),
        "pharmacy.min_spacing" => pharmacy::spacing_neighbours(ctx, app, rule),
        _ => return None,
    })
}

pub fn judge(ctx: &Ctx, app: &Application, rule: &ActiveRule, n: &Neighbours) -> Proximity {
    let r = radius(ctx, rule);
    let nearest = nearest(ctx, app, n).map(|(_, d)| d);
    let inside = nearest.is_some_and(|d| d <= r);
    Proximity { inside, detail: Circle { r, what: n.what, nearest, then: None } }
}

pub(crate) fn strip_article(en: &str) -> &str {
    en.strip_prefix("a ").or_else(|| en.strip_prefix("an ")).unwrap_or(en)
}

/// The old site as a reader names it: `（name）` when the data names the institution, nothing
/// otherwise — an id is not for reading (the data's own field names it where it is filled).
pub(crate) fn named_site(ctx: &Ctx, id: &str) -> (String, String) {
    match ctx.scenario.institutions.iter().find(|i| i.id == id).and_then(|i| i.name.as_deref()) {
        Some(name) if !name.trim().is_empty() => (format!("（{name}）"), format!(" ({name})")),
        _ => (String::new(), String::new()),
    }
}

/// A note when the applicant's own existing site is left out.
pub fn moving_note(ctx: &Ctx, app: &Application, j: Judgement) -> Judgement {
    match (app.moving_institution(), app.own_institution()) {
        (Some(id), _) => {
            let (zh, en) = named_site(ctx, id);
            j.note(Text::new(
                format!("迁址：原址{zh}不参与邻近判断"),
                format!("address change: the old site{en} is left out of proximity tests"),
            ))
        }
        (None, Some(id)) => {
            let (zh, en) = named_site(ctx, id);
            j.note(Text::new(
                format!("申请机构本身{zh}不参与邻近判断"),
                format!("the applying institution itself{en} is left out of proximity tests"),
            ))
        }
        (None, None) => j,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{inpatient, outpatient, pharmacy, prepared::Prepared, xian};
    use crate::policy::{builtin_preset, Policy};
    use crate::scenario::Kind;

    /// Each proximity rule counts as neighbours what its clause says, whether it says so with
    /// a predicate or by naming a kind or categories, and a predicate keeps nothing beyond the
    /// `among` it declares: the search trusts both.
    #[test]
    fn neighbours_are_what_the_rules_say() {
        let s =
            crate::synth::synth_scenario(&crate::synth::SynthSpec::published(crate::synth::SampleCity::Xian, 5000.0));
        assert!(s.institutions.iter().any(|i| !i.designated));
        let kinds = ["pharmacy", "outpatient", "inpatient_general", "inpatient_specialty", "primary_care"];
        let mut apps = Vec::new();
        for kind in kinds {
            for category in ["\"ordinary\"", "\"special_drug\"", "[\"chronic\", \"special_drug\"]", "null"] {
                let app = format!(
                    r#"{{"id": "n", "kind": "{kind}", "category": {category}, "specialty": "surgery", "lon": 108.9, "lat": 34.2}}"#
                );
                apps.push(serde_json::from_str::<Application>(&app).unwrap());
            }
        }
        let mut checked = 0;
        for (preset, count_all, regime) in [
            ("linyi-2025", false, "quota_only"),
            ("xian-2025", false, "quota_only"),
            ("xian-2025", true, "quota_and_radius"),
        ] {
            let ov = [
                ("xian_count_non_designated".to_string(), serde_json::json!(count_all)),
                ("xian_special_drug_regime".to_string(), serde_json::json!(regime)),
            ]
            .into_iter()
            .collect();
            let policy = Policy::resolve(&builtin_preset(preset).unwrap(), &ov, "o").unwrap();
            let prep = Prepared::new(&s, &policy, crate::date::Date { year: 2026, month: 3, day: 1 });
            let ctx = prep.ctx();
            for app in &apps {
                let cats = app.categories();
                let xian_cats =
                    if regime == "quota_only" { cats.without(crate::scenario::Category::SpecialDrug) } else { cats };
                // The clauses' own words, as predicates.
                type Says = Box<dyn Fn(&Institution) -> bool>;
                let kind = app.kind;
                let specialty = app.specialty;
                let rules: [(NeighboursOr, Says); 4] = [
                    (
                        // The rule as the preset turns it on; a preset without it has nothing to check.
                        prep.policy.rules.iter().find(|r| r.def.id == "pharmacy.same_type_nearby").map_or_else(
                            || Err(Judgement::not_this_kind(app)),
                            |rule| pharmacy::same_type_neighbours(&ctx, app, rule),
                        ),
                        Box::new(move |i| i.designated && i.kind == Kind::Pharmacy && i.categories().intersects(cats)),
                    ),
                    (
                        xian::no_new_neighbours(&ctx, app),
                        Box::new(move |i| {
                            (i.designated || count_all)
                                && i.kind == kind
                                && (kind != Kind::Pharmacy || i.categories().intersects(xian_cats))
                        }),
                    ),
                    (
                        inpatient::same_type_neighbours(&ctx, app),
                        Box::new(move |i| {
                            i.designated
                                && i.kind == kind
                                && (kind == Kind::InpatientGeneral || i.specialty == specialty)
                        }),
                    ),
                    (
                        outpatient::neighbours(&ctx, app),
                        Box::new(|i| i.designated && i.kind.is_medical() && i.provides_outpatient()),
                    ),
                ];
                for (n, says) in rules {
                    let Ok(n) = n else { continue };
                    checked += 1;
                    for i in &s.institutions {
                        assert_eq!(n.keeps(i), says(i), "{preset} {:?} {:?}: {}", app.kind, n.among, i.id);
                        assert!(
                            n.among.map_or(true, |a| a.admits(i)) || !n.keeps(i),
                            "{preset} {:?}: {} beyond {:?}",
                            app.kind,
                            i.id,
                            n.among
                        );
                    }
                }
            }
        }
        assert!(checked > 20, "{checked}");
    }
}
