//! How institutions and cell classes look on the map and in its legend: one colour per kind of
//! institution plus a letter (when few are in view) or a shape (when many are), and for every
//! cell layer a palette whose alarming classes are hatched, never colour alone.

use super::paint::{Shape, Swatch};
use crate::engine::Outcome;
use crate::scenario::{Application, Category, Institution, Kind};
use crate::spatial::AreaClass;
use crate::ui::i18n::{self as i, Words};

/// What an institution is drawn as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sym {
    Pharmacy,
    Chronic,
    SpecialDrug,
    Outpatient,
    General,
    Specialty,
    Primary,
}

/// The groups the legend turns on and off, in order.
pub const GROUPS: [Sym; 4] = [Sym::Pharmacy, Sym::Outpatient, Sym::General, Sym::Primary];

impl Sym {
    pub const ALL: [Sym; 7] =
        [Sym::Pharmacy, Sym::Chronic, Sym::SpecialDrug, Sym::Outpatient, Sym::General, Sym::Specialty, Sym::Primary];

    pub fn of(x: &Institution) -> Sym {
        match x.kind {
            Kind::Pharmacy => {
                let c = x.categories();
                if c.contains(Category::SpecialDrug) {
                    Sym::SpecialDrug
                } else if c.contains(Category::Chronic) {
                    Sym::Chronic
                } else {
                    Sym::Pharmacy
                }
            }
            Kind::Outpatient => Sym::Outpatient,
            Kind::InpatientGeneral => Sym::General,
            Kind::InpatientSpecialty => Sym::Specialty,
            Kind::PrimaryCare => Sym::Primary,
        }
    }

    /// Index into `GROUPS`.
    pub fn group(self) -> usize {
        match self {
            Sym::Pharmacy | Sym::Chronic | Sym::SpecialDrug => 0,
            Sym::Outpatient => 1,
            Sym::General | Sym::Specialty => 2,
            Sym::Primary => 3,
        }
    }

    pub fn rgb(self) -> [u8; 3] {
        match self.group() {
            0 => [35, 122, 59],
            1 => [176, 88, 0],
            2 => [112, 58, 160],
            _ => [28, 90, 158],
        }
    }

    pub fn shape(self) -> Shape {
        match self.group() {
            0 => Shape::Square,
            1 => Shape::Diamond,
            2 => Shape::Plus,
            _ => Shape::Triangle,
        }
    }

    /// The shape as a character, for the legend.
    pub fn shape_glyph(self) -> &'static str {
        match self.shape() {
            Shape::Square => "■",
            Shape::Diamond => "◆",
            Shape::Plus => "✚",
            Shape::Triangle => "▲",
        }
    }

    pub fn letter(self) -> Words {
        match self {
            Sym::Pharmacy => i::LETTER_PHARMACY,
            Sym::Chronic => i::LETTER_CHRONIC,
            Sym::SpecialDrug => i::LETTER_SPECIAL_DRUG,
            Sym::Outpatient => i::LETTER_OUTPATIENT,
            Sym::General => i::LETTER_GENERAL,
            Sym::Specialty => i::LETTER_SPECIALTY,
            Sym::Primary => i::LETTER_PRIMARY,
        }
    }

    pub fn label(self) -> Words {
        match self {
            Sym::Pharmacy => i::SYM_PHARMACY,
            Sym::Chronic => i::SYM_CHRONIC,
            Sym::SpecialDrug => i::SYM_SPECIAL_DRUG,
            Sym::Outpatient => i::SYM_OUTPATIENT,
            Sym::General => i::SYM_GENERAL,
            Sym::Specialty => i::SYM_SPECIALTY,
            Sym::Primary => i::SYM_PRIMARY,
        }
    }

    pub fn group_label(group: usize) -> Words {
        match group {
            0 => i::GROUP_PHARMACIES,
            1 => i::GROUP_OUTPATIENT,
            2 => i::GROUP_INPATIENT,
            _ => i::GROUP_PRIMARY,
        }
    }

    pub fn class(self) -> &'static str {
        match self.group() {
            0 => "sym-pharmacy",
            1 => "sym-outpatient",
            2 => "sym-inpatient",
            _ => "sym-primary",
        }
    }
}

/// The institutions a proximity rule would weigh for the application: what the map rings and
/// draws circles for. It mirrors the engine's neighbour predicates for display only; the
/// decision and its trace come from the engine.
pub fn same_type(app: &Application, x: &Institution) -> bool {
    if !x.designated || Some(x.id.as_str()) == app.own_institution() {
        return false;
    }
    match app.kind {
        Kind::Pharmacy => x.kind == Kind::Pharmacy && x.categories().intersects(app.categories()),
        Kind::Outpatient => x.kind.is_medical() && x.provides_outpatient(),
        Kind::InpatientGeneral => x.kind == Kind::InpatientGeneral,
        Kind::InpatientSpecialty => x.kind == Kind::InpatientSpecialty && x.specialty == app.specialty,
        Kind::PrimaryCare => x.kind == Kind::PrimaryCare,
    }
}

// ---------------------------------------------------------------------------------------------
// Cell palettes

pub const COVERAGE_PALETTE: [Swatch; 2] = [Swatch::hatch([217, 95, 2]), Swatch::solid([33, 102, 172])];

pub const AREA_PALETTE: [Swatch; 4] = [
    Swatch::hatch([178, 24, 43]),
    Swatch::solid([239, 138, 98]),
    Swatch::solid([103, 169, 207]),
    Swatch::hatch([33, 102, 172]),
];

pub fn area_index(c: AreaClass) -> u8 {
    match c {
        AreaClass::Blank => 0,
        AreaClass::Insufficient => 1,
        AreaClass::Adequate => 2,
        AreaClass::Saturated => 3,
    }
}

/// In `Outcome::ALL` order: accepted, prioritized, rejected, suspended, undetermined.
pub const OUTCOME_PALETTE: [Swatch; 5] = [
    Swatch::solid([27, 130, 60]),
    Swatch::solid([11, 90, 134]),
    Swatch::hatch([190, 35, 27]),
    Swatch::hatch([160, 110, 0]),
    Swatch::solid([110, 75, 170]),
];

pub fn outcome_index(o: Outcome) -> u8 {
    Outcome::ALL.iter().position(|x| *x == o).unwrap_or(4) as u8
}

// The difference from the baseline. Unchanged cells are left clear; the
// changes that call for attention (lost coverage, changed outcome) are hatched.

use crate::review::CellChange;

/// The changes the layer paints, in legend order.
pub const DIFF_CHANGES: [CellChange; 5] = [
    CellChange::Gained,
    CellChange::Lost,
    CellChange::OutcomeChanged,
    CellChange::GainedOutcomeChanged,
    CellChange::LostOutcomeChanged,
];

pub const DIFF_PALETTE: [Swatch; 5] = [
    Swatch::solid([33, 102, 172]),
    Swatch::hatch([217, 95, 2]),
    Swatch::hatch([110, 75, 170]),
    Swatch::hatch([33, 102, 172]),
    Swatch::hatch([178, 24, 43]),
];

pub fn diff_index(c: CellChange) -> Option<u8> {
    DIFF_CHANGES.iter().position(|x| *x == c).map(|k| k as u8)
}

/// A symbol beside each swatch in the legend, so the kinds of change differ without colour.
pub fn diff_symbol(c: CellChange) -> &'static str {
    match c {
        CellChange::Same => "",
        CellChange::Gained => "+",
        CellChange::Lost => "−",
        CellChange::OutcomeChanged => "Δ",
        CellChange::GainedOutcomeChanged => "+Δ",
        CellChange::LostOutcomeChanged => "−Δ",
    }
}

/// The bits of `CoverageLayers::masks` a coverage choice reads.
pub fn coverage_bits(c: super::CoverageOf) -> u8 {
    use super::CoverageOf as C;
    match c {
        C::Pharmacy => 0b111,
        C::Ordinary => 1,
        C::Chronic => 2,
        C::SpecialDrug => 4,
        C::Outpatient => 1 << 3,
        C::Inpatient => 1 << 4,
    }
}

// Cells that lose coverage when the assessed institutions exit. All hatched (they call
// for attention), told apart by a symbol in the legend as well as by colour.

/// Symbol and words of each class, in palette order.
pub const EXITS_LOST: [(&str, crate::ui::i18n::Words); 3] = [
    ("−药", crate::ui::i18n::AS_L_PHARMACY),
    ("−医", crate::ui::i18n::AS_L_MEDICAL),
    ("−药医", crate::ui::i18n::AS_L_BOTH),
];

pub const EXITS_PALETTE: [Swatch; 3] =
    [Swatch::hatch([217, 95, 2]), Swatch::hatch([110, 75, 170]), Swatch::hatch([178, 24, 43])];

/// The class of a cell from the kinds of coverage it loses.
pub fn exits_index(kinds: &[&str]) -> Option<u8> {
    let pharmacy = kinds.contains(&"pharmacy");
    let medical = kinds.iter().any(|k| *k == "outpatient" || *k == "inpatient");
    match (pharmacy, medical) {
        (true, false) => Some(0),
        (false, true) => Some(1),
        (true, true) => Some(2),
        _ => None,
    }
}
