//! Which parameters a preset uses, so the params panel can fold away the rest (under Xi'an's
//! preset, Linyi's bed numbers would otherwise fill the panel).

use crate::policy::{readings, rule_families, rules::reads, Preset};

/// Whether `preset` uses parameter `param`: a rule the preset lists reads it; or, for a
/// parameter no rule reads (a switch, mostly), the text its reading cites is one the preset's
/// rules cite too.
pub fn uses(preset: &Preset, param: &str) -> bool {
    let listed = || preset.rules.iter().chain(&preset.assessment_rules).chain(&preset.budget_rules);
    if listed().any(|r| reads(&r.rule).contains(&param)) {
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

    #[test]
    fn linyi_bed_parameters_are_unused_under_xian_and_used_under_linyi() {
        let xian = builtin_preset("xian-2025").unwrap();
        let linyi = builtin_preset("linyi-2025").unwrap();
        for p in ["target_beds_per_1000", "between_band", "city_supply_scope", "staffing_min_up_to_100_beds"] {
            assert!(!uses(&xian, p), "{p} is Linyi's, unused under Xi'an");
            assert!(uses(&linyi, p), "{p} is used under Linyi");
        }
        // Xi'an's own: its radius, special-drug quota and switches.
        for p in ["service_radius_m", "special_drug_quota", "xian_count_non_designated", "change_without_clause"] {
            assert!(uses(&xian, p), "{p} is used under Xi'an");
        }
        assert!(!uses(&linyi, "xian_count_non_designated"));
    }
}
