//! Which parameters a preset uses, so the params panel can fold away the rest (under Xi'an's
//! preset, Linyi's bed numbers would otherwise fill the panel).

use crate::policy::{readings, rule_families, rules::reads, Policy, Preset};

/// Whether the rules in force use parameter `param`: a rule that is on (the preset's, or one the
/// user turned on) reads it; or, for a parameter no rule reads (a switch, mostly), the text its
/// reading cites is one the preset's rules cite too.
pub fn uses(preset: &Preset, policy: &Policy, param: &str) -> bool {
    let listed = || preset.rules.iter().chain(&preset.assessment_rules).chain(&preset.budget_rules);
    let read_by_a_rule_on =
        rule_families().iter().any(|(_, defs)| defs.iter().any(|d| policy.is_on(d.id) && reads(d.id).contains(&param)));
    if read_by_a_rule_on {
        return true;
    }
    let read_by_some_rule = rule_families().iter().any(|(_, defs)| defs.iter().any(|d| reads(d.id).contains(&param)));
    if read_by_some_rule {
        return false;
    }
    match readings::link_of(&preset.id, param) {
        Some(link) => {
            let doc = document(link.clause);
            listed().any(|r| document(&r.clause) == doc)
        }
        // A parameter with no reading cited: nothing says it is another text's, so it shows.
        None => true,
    }
}

/// The document a clause id names: `linyi-2025 三(一)` → `linyi-2025`.
fn document(clause: &str) -> &str {
    clause.split(' ').next().unwrap_or(clause)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::builtin_preset;
    use std::collections::BTreeMap;

    fn in_force(id: &str) -> impl Fn(&str) -> bool {
        let preset = builtin_preset(id).unwrap();
        let policy = Policy::resolve(&preset, &BTreeMap::new(), id).unwrap();
        move |p| uses(&preset, &policy, p)
    }

    #[test]
    fn linyi_bed_parameters_are_unused_under_xian_and_used_under_linyi() {
        let (xian, linyi) = (in_force("xian-2025"), in_force("linyi-2025"));
        for p in ["target_beds_per_1000", "between_band", "city_supply_scope", "staffing_min_up_to_100_beds"] {
            assert!(!xian(p), "{p} is Linyi's, unused under Xi'an");
            assert!(linyi(p), "{p} is used under Linyi");
        }
        // Xi'an's own: its radius, special-drug quota and switches.
        for p in ["service_radius_m", "special_drug_quota", "xian_count_non_designated", "change_without_clause"] {
            assert!(xian(p), "{p} is used under Xi'an");
        }
        assert!(!linyi("xian_count_non_designated"));
    }

    #[test]
    fn a_rule_turned_on_by_the_user_brings_back_what_it_reads() {
        let preset = builtin_preset("xian-2025").unwrap();
        let off = Policy::resolve(&preset, &BTreeMap::new(), "xian").unwrap();
        assert!(!uses(&preset, &off, "exit_score_min"), "Xi'an has no assessment rules");
        let overrides = BTreeMap::from([("exit.poor_management".to_string(), serde_json::json!(true))]);
        let on = Policy::resolve(&preset, &overrides, "xian").unwrap();
        assert!(on.is_on("exit.poor_management"));
        assert!(uses(&preset, &on, "exit_score_min"));
    }
}
