//! Seeded synthetic sample cities (Linyi, Xi'an) for the map, the benchmarks and planning.
//!
//! Real: county seats, areas, extents and 2020 census residents (www/data/counties.csv, see
//! www/data/SOURCES.md), the city figures the policy texts publish, and the county totals of
//! designated pharmacies and medical institutions, and the county outlines (AMap's, converted to
//! WGS-84: `crate::outlines`). Synthetic, and labelled so in the app: where people live inside a
//! county's outline (urban residents around the seat, rural ones spread with small towns), and
//! where each institution stands (drawn by population, inside the same outline). The same seed
//! gives the same city on every platform (PCG64 from rand_pcg).

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use crate::scenario::import::Boundaries;
use crate::scenario::*;
use crate::spatial::LocalProjection;

/// The primary-care subtypes every city has (the first four of `Subtype::ALL`; campus and
/// elderly-care clinics are left to imported data).
const COMMON_SUBTYPES: &[Subtype] = Subtype::ALL.split_at(4).0;
const COUNTIES_CSV: &str = include_str!("../www/data/counties.csv");

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SampleCity {
    Linyi,
    Xian,
}

impl SampleCity {
    pub fn name_zh(self) -> &'static str {
        match self {
            SampleCity::Linyi => "临沂市",
            SampleCity::Xian => "西安市",
        }
    }

    pub fn preset(self) -> &'static str {
        match self {
            SampleCity::Linyi => "linyi-2025",
            SampleCity::Xian => "xian-2025",
        }
    }
}

/// One row of counties.csv that has a geometry.
#[derive(Clone, Debug, PartialEq)]
pub struct CountySeed {
    pub adcode: String,
    pub name: String,
    pub seat: (f64, f64),
    pub centroid: (f64, f64),
    pub area_km2: f64,
    /// west, south, east, north
    pub bbox: [f64; 4],
    pub pop_2020: u64,
    pub urban_pop_2020: u64,
    pub rural_pop_2020: u64,
}

/// The counties of a city with a geometry (临沂高新区 has none of its own: it lies inside
/// 兰山区/罗庄区, and its census residents are left out).
pub fn county_seeds(city: SampleCity) -> Vec<CountySeed> {
    COUNTIES_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() < 15 || f[0] != city.name_zh() || f[3].is_empty() {
                return None;
            }
            let n = |i: usize| f[i].parse::<f64>().ok();
            Some(CountySeed {
                adcode: f[1].to_string(),
                name: f[2].to_string(),
                seat: (n(3)?, n(4)?),
                centroid: (n(5)?, n(6)?),
                area_km2: n(7)?,
                bbox: [n(8)?, n(9)?, n(10)?, n(11)?],
                pop_2020: f[12].parse().ok()?,
                urban_pop_2020: f[13].parse().ok()?,
                rural_pop_2020: f[14].parse().ok()?,
            })
        })
        .collect()
}

/// How strongly the nearest of a county's towns draws the rural residents at (lon, lat): the
/// largest exp(−d / 1.5 km) over the towns. A town whose north–south distance alone exceeds the
/// nearest distance seen so far by a metre cannot be nearer (no path is shorter than its
/// north–south part) and is not measured: the same value as measuring every town, in far fewer
/// steps.
fn town_pull(towns: &[(f64, f64)], lon: f64, lat: f64) -> f64 {
    let p1 = lat.to_radians();
    let cos_p1 = p1.cos();
    let (mut nearest_m, mut pull) = (f64::INFINITY, 0.0f64);
    for &(t_lon, t_lat) in towns {
        if crate::spatial::EARTH_RADIUS_M * (t_lat.to_radians() - p1).abs() > nearest_m + 1.0 {
            continue;
        }
        let d = crate::spatial::haversine_from(p1, cos_p1, lon, t_lon, t_lat);
        nearest_m = nearest_m.min(d);
        pull = pull.max((-d / 1500.0).exp());
    }
    pull
}

/// Where each county's outline crosses the parallel `lat`: (longitude, county index in `ids`).
/// A point of the parallel lies in the county that has an odd number of crossings east of it
/// (even–odd over every ring, so holes and islands count).
fn row_crossings(outlines: &Boundaries, ids: &[String], lat: f64) -> Vec<(f64, usize)> {
    let mut xs = Vec::new();
    for (k, id) in ids.iter().enumerate() {
        let Some(area) = outlines.areas.iter().find(|a| &a.id == id) else {
            continue;
        };
        if lat < area.bbox.min().y || lat > area.bbox.max().y {
            continue;
        }
        for p in &area.shape.0 {
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                for w in r.0.windows(2) {
                    let (a, b) = (w[0], w[1]);
                    if (a.y > lat) != (b.y > lat) {
                        xs.push((a.x + (lat - a.y) * (b.x - a.x) / (b.y - a.y), k));
                    }
                }
            }
        }
    }
    xs
}

/// The county (index, below 64) of a point on the parallel whose crossings are `xs`: one bit
/// per county flips at each of its crossings east of the point.
fn county_on_row(xs: &[(f64, usize)], lon: f64) -> Option<usize> {
    let odd = xs.iter().filter(|&&(x, _)| lon < x).fold(0u64, |m, &(_, c)| m ^ (1 << c));
    (odd != 0).then(|| odd.trailing_zeros() as usize)
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SynthSpec {
    pub city: SampleCity,
    pub seed: u64,
    /// Spacing of population cells; Xi'an at about 184 m gives 300,000 populated cells.
    pub cell_m: f64,
    pub designated_pharmacies: u32,
    pub designated_medical: u32,
    /// Non-designated pharmacies in the data (so "does a non-designated one count?" matters).
    pub other_pharmacies: u32,
    /// Hypothetical applications of a year (`synth_applications`).
    pub applications: u32,
}

impl SynthSpec {
    /// The published counts: Linyi 3,607 designated pharmacies and 6,421 inpatient-designated
    /// institutions (linyi-2025 一(一)); Xi'an 6,449 pharmacies and 5,193 medical institutions
    /// (xian-2025 一).
    pub fn published(city: SampleCity, cell_m: f64) -> Self {
        let (designated_pharmacies, designated_medical) = match city {
            SampleCity::Linyi => (3607, 6421),
            SampleCity::Xian => (6449, 5193),
        };
        SynthSpec {
            city,
            seed: 20250728,
            cell_m,
            designated_pharmacies,
            designated_medical,
            other_pharmacies: designated_pharmacies / 10,
            applications: 80,
        }
    }
}

struct Uniform(Pcg64Mcg);

impl Uniform {
    fn f(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
}

/// Largest-remainder split of `total` by weights, so county totals add up exactly.
fn apportion(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let rest: Vec<f64> = exact.iter().map(|x| x - x.floor()).collect();
    let short = (total - out.iter().sum::<u64>()) as usize;
    // The largest remainders get one more, the earlier of equal ones first: the order of a
    // stable sort by remainder, found by selection (linear) rather than sorting every cell.
    let first = |a: &usize, b: &usize| rest[*b].total_cmp(&rest[*a]).then(a.cmp(b));
    let mut order: Vec<usize> = (0..weights.len()).collect();
    if short < order.len() {
        if short > 0 {
            order.select_nth_unstable_by(short - 1, first);
        }
        for &i in &order[..short] {
            out[i] += 1;
        }
    } else {
        order.sort_by(first);
        for &i in order.iter().cycle().take(short) {
            out[i] += 1;
        }
    }
    out
}

/// Generates the sample city: counties with census residents, population cells, institutions.
/// The city's outlines must be loaded (`crate::outlines::get`; natively they always are).
pub fn synth_scenario(spec: &SynthSpec) -> Scenario {
    let outlines = crate::outlines::get(spec.city).expect("the city's outlines are loaded before its data set is made");
    synth_scenario_in(spec, &outlines)
}

/// `synth_scenario` inside the given outlines (areas with the adcodes of counties.csv as ids).
pub fn synth_scenario_in(spec: &SynthSpec, outlines: &Boundaries) -> Scenario {
    let mut rng = Uniform(Pcg64Mcg::seed_from_u64(spec.seed));
    let locate = crate::outlines::Locator::new(outlines);
    let seeds = county_seeds(spec.city);
    let ids: Vec<String> = seeds.iter().map(|s| s.adcode.clone()).collect();
    assert!(ids.len() <= 64, "county_on_row keeps one bit per county");
    let (w, s, e, n) = seeds.iter().fold((180.0f64, 90.0f64, -180.0f64, -90.0f64), |a, c| {
        (a.0.min(c.bbox[0]), a.1.min(c.bbox[1]), a.2.max(c.bbox[2]), a.3.max(c.bbox[3]))
    });
    let proj = LocalProjection::new((w + e) / 2.0, (s + n) / 2.0);
    let (x0, y0) = proj.to_xy(w, s);
    let (x1, y1) = proj.to_xy(e, n);

    // Small towns: about one per 150 km², where rural residents gather.
    let towns: Vec<Vec<(f64, f64)>> = seeds
        .iter()
        .map(|sd| {
            let count = (sd.area_km2 / 150.0).ceil() as usize;
            (0..count * 20)
                .map(|_| (rng.range(sd.bbox[0], sd.bbox[2]), rng.range(sd.bbox[1], sd.bbox[3])))
                .filter(|&(lon, lat)| locate.county_at(lon, lat) == Some(sd.adcode.as_str()))
                .take(count)
                .collect()
        })
        .collect();

    // Grid points of the city, each given to the county whose outline holds it. The local
    // projection keeps a row on one parallel, so a row's outline crossings are found once.
    let step = spec.cell_m.max(50.0);
    let mut pts: Vec<(f64, f64, usize, f64, f64)> = Vec::new(); // lon, lat, county, urban w, rural w
    let mut y = y0 + step / 2.0;
    while y < y1 {
        let xs = row_crossings(outlines, &ids, proj.to_lonlat(0.0, y).1);
        let mut x = x0 + step / 2.0;
        while x < x1 {
            let (lon, lat) = proj.to_lonlat(x, y);
            if let Some(k) = county_on_row(&xs, lon) {
                let sd = &seeds[k];
                let d_seat = crate::spatial::haversine_m(lon, lat, sd.seat.0, sd.seat.1);
                let lambda = (sd.area_km2.sqrt() * 1000.0 / 6.0).clamp(1500.0, 6000.0);
                let urban = (-d_seat / lambda).exp() * rng.range(0.6, 1.4);
                let town = town_pull(&towns[k], lon, lat);
                let rural = (0.15 + town) * rng.range(0.3, 1.7);
                pts.push((lon, lat, k, urban, rural));
            }
            x += step;
        }
        y += step;
    }

    let mut cells: Vec<PopulationCell> = Vec::with_capacity(pts.len());
    let mut by_county: Vec<Vec<&(f64, f64, usize, f64, f64)>> = vec![Vec::new(); seeds.len()];
    for p in &pts {
        by_county[p.2].push(p);
    }
    for ((k, sd), mine) in seeds.iter().enumerate().zip(by_county) {
        debug_assert!(mine.iter().all(|p| p.2 == k));
        let urban = apportion(sd.urban_pop_2020, &mine.iter().map(|p| p.3).collect::<Vec<_>>());
        let rural = apportion(sd.rural_pop_2020, &mine.iter().map(|p| p.4).collect::<Vec<_>>());
        for (i, p) in mine.iter().enumerate() {
            let population = urban[i] + rural[i];
            if population > 0 {
                cells.push(PopulationCell {
                    lon: r6(p.0),
                    lat: r6(p.1),
                    population,
                    county: Some(sd.adcode.clone()),
                    area: None,
                });
            }
        }
    }

    // Institutions stand where people live: a cell drawn by population, jittered inside it.
    let cumulative: Vec<f64> = cells
        .iter()
        .scan(0.0, |acc, c| {
            *acc += c.population as f64;
            Some(*acc)
        })
        .collect();
    let total_pop = cumulative.last().copied().unwrap_or(0.0);
    let cell_proj = proj;
    let place = |rng: &mut Uniform| -> (f64, f64, String) {
        let t = rng.f() * total_pop;
        let i = cumulative.partition_point(|&c| c < t).min(cells.len().saturating_sub(1));
        let c = &cells[i];
        let county = c.county.clone().unwrap_or_default();
        let (cx, cy) = cell_proj.to_xy(c.lon, c.lat);
        // Jittered inside the cell, and inside the cell's county: a cell on the county line
        // keeps its institutions on its own side (else they stand at its centre).
        let (lon, lat) = (0..8)
            .map(|_| cell_proj.to_lonlat(cx + rng.range(-0.5, 0.5) * step, cy + rng.range(-0.5, 0.5) * step))
            .map(|(lon, lat)| (r6(lon), r6(lat)))
            .find(|&(lon, lat)| locate.county_at(lon, lat) == Some(county.as_str()))
            .unwrap_or((c.lon, c.lat));
        (lon, lat, county)
    };

    let mut institutions = Vec::new();
    // Category shares: Xi'an publishes 3,329 chronic-disease pharmacies of 6,449 (xian-2025 一);
    // Linyi publishes none, so the same share is assumed. Special-drug pharmacies: 1% (assumption).
    let chronic_share = 3329.0 / 6449.0;
    let pharmacy_total = spec.designated_pharmacies + spec.other_pharmacies;
    for i in 0..pharmacy_total {
        let (lon, lat, county) = place(&mut rng);
        let u = rng.f();
        let category = if u < 0.01 {
            Categories::of(&[Category::SpecialDrug])
        } else if u < 0.01 + chronic_share {
            Categories::of(&[Category::Ordinary, Category::Chronic])
        } else {
            Categories::of(&[Category::Ordinary])
        };
        let designated = i < spec.designated_pharmacies;
        institutions.push(Institution {
            id: format!("p-{:05}", i + 1),
            name: None,
            kind: Kind::Pharmacy,
            category: Some(category),
            specialty: None,
            subtype: None,
            integrated: None,
            lon,
            lat,
            county: Some(county),
            area: None,
            designated,
            beds: None,
            provides_outpatient: None,
        });
    }
    // Medical mix (assumption; the texts give totals only). Linyi's count is of inpatient-designated
    // institutions, most of them township and community centres; Xi'an's is all medical ones.
    let mix: &[(Kind, f64)] = match spec.city {
        SampleCity::Linyi => {
            &[(Kind::InpatientGeneral, 0.09), (Kind::InpatientSpecialty, 0.06), (Kind::PrimaryCare, 0.85)]
        }
        SampleCity::Xian => &[
            (Kind::InpatientGeneral, 0.08),
            (Kind::InpatientSpecialty, 0.07),
            (Kind::Outpatient, 0.45),
            (Kind::PrimaryCare, 0.40),
        ],
    };
    let counts = apportion(spec.designated_medical as u64, &mix.iter().map(|m| m.1).collect::<Vec<_>>());
    let mut n = 0;
    for (&(kind, _), &count) in mix.iter().zip(&counts) {
        for _ in 0..count {
            n += 1;
            let (lon, lat, county) = place(&mut rng);
            let u = rng.f();
            let (specialty, subtype, integrated, beds) = match kind {
                Kind::InpatientGeneral => (None, None, None, Some((50.0 * (30.0f64).powf(u)) as u64)),
                Kind::InpatientSpecialty => {
                    (Some(Specialty::ALL[(u * 17.0) as usize]), None, None, Some(20 + (rng.f() * 280.0) as u64))
                }
                Kind::PrimaryCare => {
                    let st = COMMON_SUBTYPES[(u * 4.0) as usize];
                    (None, Some(st), Some(rng.f() < 0.8), Some((rng.f() * 60.0) as u64))
                }
                _ => (None, None, None, None),
            };
            institutions.push(Institution {
                id: format!("m-{:05}", n),
                name: None,
                kind,
                category: None,
                specialty,
                subtype,
                integrated,
                lon,
                lat,
                county: Some(county),
                area: None,
                designated: true,
                beds,
                provides_outpatient: None,
            });
        }
    }

    // The applications draw from their own stream, so the city stays the same whatever their number.
    let mut app_rng = Uniform(Pcg64Mcg::seed_from_u64(spec.seed ^ 0x0a99_1105));
    let applications = synth_applications(spec.applications, &seeds, &mut app_rng, place);

    let mut counties: Vec<County> = seeds
        .iter()
        .map(|sd| County {
            id: sd.adcode.clone(),
            name: sd.name.clone(),
            resident_population: Some(sd.pop_2020),
            ..Default::default()
        })
        .collect();
    let city = match spec.city {
        SampleCity::Linyi => {
            // Real: residents and open beds (linyi-2025 一(一)). Illustrative, as in DESIGN.md §3:
            // insured, admissions, stay, utilisation, discharges, fund months; county beds,
            // insured and admissions are the city's shared out by residents, admissions with a
            // seeded spread wide enough that counties differ as real ones do: a few fall below
            // the target beds per 1,000, so the target visibly decides their inpatient applications.
            let pops: Vec<f64> = seeds.iter().map(|sd| sd.pop_2020 as f64).collect();
            let beds = apportion(84_634, &pops);
            let insured = apportion(10_200_000, &pops);
            let spread: Vec<f64> = pops.iter().map(|p| p * rng.range(0.55, 1.3)).collect();
            let admissions = apportion(2_650_000, &spread);
            for (k, c) in counties.iter_mut().enumerate() {
                c.open_beds = Some(beds[k]);
                c.insured = Some(insured[k]);
                c.admissions = Some(admissions[k]);
                c.avg_stay_days = Some(8.9);
                c.bed_utilisation = Some(0.82);
            }
            City {
                name: "临沂市（合成位置，部分数值为示例）".into(),
                resident_population: Some(10_848_400),
                open_beds: Some(84_634),
                insured: Some(10_200_000),
                admissions: Some(2_650_000),
                avg_stay_days: Some(8.9),
                bed_utilisation: Some(0.82),
                discharges: Some(Discharges {
                    local_local: 2_500_000,
                    local_elsewhere: 150_000,
                    nonlocal_local: 60_000,
                }),
                fund: Some(Fund {
                    employee_months: Some(14.2),
                    resident_months: Some(7.5),
                    employee_deficit: Some(false),
                    resident_deficit: Some(false),
                    warning_letter: Some(false),
                }),
            }
        }
        SampleCity::Xian => City {
            name: "西安市（合成位置）".into(),
            // 8.96万 beds at 6.85 per 1,000 (xian-2025 一) imply 13.08 million residents.
            resident_population: Some(13_080_292),
            open_beds: Some(89_600),
            insured: Some(10_958_900),
            ..City::default()
        },
    };
    Scenario {
        policy: PolicyRef { preset: Some(spec.city.preset().into()), ..Default::default() },
        city,
        counties,
        institutions: institutions.into(),
        applications,
        population_cells: cells.into(),
        as_of: None,
    }
}

/// A year of hypothetical applications (synthetic, like the locations): one inpatient institution
/// in every county, then a mix of kinds by assumed shares — retail pharmacies of each category,
/// outpatient departments and clinics, primary care, hospitals — each placed where people live
/// (`place`), with the gaps real files have: a few operating under 3 months, a few without a
/// physician or pharmacist, some understaffed insurance offices, a few designated pharmacies
/// moving. Ids run from `a-2`: `a-1` is left for the app's hypothetical pharmacy.
fn synth_applications(
    count: u32,
    seeds: &[CountySeed],
    rng: &mut Uniform,
    mut place: impl FnMut(&mut Uniform) -> (f64, f64, String),
) -> Vec<Application> {
    const TOWNS: [&str; 8] = ["东城", "西关", "南湖", "北园", "河湾", "青山", "柳林", "新村"];
    const BRANDS: [&str; 6] = ["百姓大药房", "康宁药店", "益民药房", "同济堂药店", "惠康大药房", "仁心药房"];
    let name_of = |id: &str| seeds.iter().find(|s| s.adcode == id).map_or("", |s| s.name.as_str()).to_string();
    let mut apps: Vec<Application> = Vec::new();
    for k in 0..count as usize {
        // One inpatient application per county first, placed inside it (drawn by population
        // until one falls there; else at its seat).
        let (kind, (lon, lat, county)) = if k < seeds.len() {
            let sd = &seeds[k];
            let at = (0..4000).map(|_| place(rng)).find(|p| p.2 == sd.adcode).unwrap_or((
                r6(sd.seat.0),
                r6(sd.seat.1),
                sd.adcode.clone(),
            ));
            (if rng.f() < 0.4 { Kind::InpatientGeneral } else { Kind::InpatientSpecialty }, at)
        } else {
            let u = rng.f();
            let kind = match u {
                _ if u < 0.52 => Kind::Pharmacy,
                _ if u < 0.72 => Kind::Outpatient,
                _ if u < 0.88 => Kind::PrimaryCare,
                _ if u < 0.93 => Kind::InpatientGeneral,
                _ => Kind::InpatientSpecialty,
            };
            (kind, place(rng))
        };
        let mut a = Application::new(&format!("a-{}", k + 2), kind, lon, lat);
        let cname = name_of(&county);
        a.county = Some(county);
        a.operating_months =
            Some(if rng.f() < 0.08 { 1.0 + (rng.f() * 4.0).floor() / 2.0 } else { (3.0 + rng.f() * 34.0).floor() });
        let short = rng.f() < 0.06;
        let no = |n: u64| if short { 0 } else { n };
        let name = match kind {
            Kind::Pharmacy => {
                let u = rng.f();
                let cats = if u < 0.06 {
                    Categories::of(&[Category::SpecialDrug])
                } else if u < 0.36 {
                    Categories::of(&[Category::Ordinary, Category::Chronic])
                } else {
                    Categories::of(&[Category::Ordinary])
                };
                a.category = Some(cats);
                a.pharmacists = Some(no(1 + (rng.f() * 3.0) as u64));
                // A few designated pharmacies move here. Their old sites are not among the
                // synthetic institutions (which an imported list may replace), so the
                // application names none.
                if rng.f() < 0.08 {
                    a.change = Change::AddressChange;
                    a.operating_months = Some(24.0 + (rng.f() * 60.0).floor());
                    format!("{cname}{}{}店（迁址）", BRANDS[(rng.f() * 6.0) as usize], 1 + (rng.f() * 9.0) as u32)
                } else if cats.contains(Category::SpecialDrug) {
                    format!("{cname}特药药房")
                } else if cats.contains(Category::Chronic) {
                    format!("{cname}{}慢病药房", TOWNS[(rng.f() * 8.0) as usize])
                } else {
                    format!("{cname}{}{}店", BRANDS[(rng.f() * 6.0) as usize], 1 + (rng.f() * 9.0) as u32)
                }
            }
            Kind::Outpatient => {
                a.physicians = Some(no(1 + (rng.f() * 6.0) as u64));
                a.insurance_dept = Some(rng.f() > 0.1);
                let what = ["口腔诊所", "中医诊所", "综合门诊部", "眼科诊所", "内科诊所"][(rng.f() * 5.0) as usize];
                format!("{cname}{}{what}", TOWNS[(rng.f() * 8.0) as usize])
            }
            Kind::PrimaryCare => {
                let st = COMMON_SUBTYPES[(rng.f() * 4.0) as usize];
                a.subtype = Some(st);
                a.physicians = Some(no(1 + (rng.f() * 10.0) as u64));
                a.insurance_dept = Some(rng.f() > 0.1);
                if st.may_run_wards() {
                    let beds = if rng.f() < 0.7 { 10 + (rng.f() * 50.0) as u64 } else { 0 };
                    a.beds = Some(beds);
                    a.insurance_office_staff = Some(if rng.f() < 0.15 { 0 } else { 1 });
                } else {
                    a.integrated = Some(rng.f() < 0.7);
                }
                format!("{cname}{}{}", TOWNS[(rng.f() * 8.0) as usize], st.label().zh)
            }
            Kind::InpatientGeneral | Kind::InpatientSpecialty => {
                let beds = if kind == Kind::InpatientGeneral {
                    (60.0 * 10f64.powf(rng.f())) as u64
                } else {
                    20 + (rng.f() * 180.0) as u64
                };
                a.beds = Some(beds);
                a.physicians = Some(no((beds / 6).max(3)));
                a.insurance_dept = Some(rng.f() > 0.05);
                let needed = if beds <= 100 { 1 } else { 3 };
                a.insurance_office_staff = Some(if rng.f() < 0.15 { needed - 1 } else { needed });
                if kind == Kind::InpatientSpecialty {
                    let s = Specialty::ALL[(rng.f() * 17.0) as usize];
                    a.specialty = Some(s);
                    let what = match s {
                        Specialty::Nursing => "护理院".to_string(),
                        Specialty::Tcm => "中医医院".to_string(),
                        s => format!("{}医院", s.label().zh),
                    };
                    format!("{cname}{}{what}", TOWNS[(rng.f() * 8.0) as usize])
                } else {
                    format!("{cname}{}医院", ["仁济", "博爱", "惠民", "同仁", "人和"][(rng.f() * 5.0) as usize])
                }
            }
        };
        a.name = Some(format!("{name}（合成）"));
        apps.push(a);
    }
    apps
}

fn r6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_gives_the_largest_remainders_one_more_the_earlier_of_equal_ones_first() {
        // The census residents are shared out by largest remainder (the synthetic city's cells
        // must be the same, byte for byte, however it is computed): against a stable sort.
        let by_sort = |total: u64, w: &[f64]| {
            let sum: f64 = w.iter().sum();
            let exact: Vec<f64> = w.iter().map(|x| total as f64 * x / sum).collect();
            let mut out: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
            let mut order: Vec<usize> = (0..w.len()).collect();
            order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
            let short = total - out.iter().sum::<u64>();
            for &i in order.iter().cycle().take(short as usize) {
                out[i] += 1;
            }
            out
        };
        let mut rng = Uniform(Pcg64Mcg::seed_from_u64(5));
        for n in [1usize, 2, 3, 7, 100, 1000] {
            for total in [0u64, 1, 5, 999, 123_457] {
                // Some weights repeat, so that remainders tie.
                let w: Vec<f64> = (0..n).map(|_| (rng.range(0.0, 4.0)).floor() + rng.range(0.0, 1.0).round()).collect();
                if w.iter().sum::<f64>() > 0.0 {
                    let got = apportion(total, &w);
                    assert_eq!(got, by_sort(total, &w), "{total} over {n} weights");
                    assert_eq!(got.iter().sum::<u64>(), total);
                }
            }
        }
        assert_eq!(apportion(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
    }

    #[test]
    fn reads_the_real_counties() {
        let linyi = county_seeds(SampleCity::Linyi);
        assert_eq!(linyi.len(), 12);
        assert_eq!(linyi[0].name, "兰山区");
        assert_eq!(linyi[0].pop_2020, 1_837_789);
        let xian = county_seeds(SampleCity::Xian);
        assert_eq!(xian.len(), 13);
        let total: u64 = xian.iter().map(|c| c.pop_2020).sum();
        assert_eq!(total, 12_183_280, "Xi'an's 13 districts and counties, 1218.33万");
    }

    #[test]
    fn same_seed_same_city_and_totals_follow_the_published_counts() {
        let spec = SynthSpec::published(SampleCity::Linyi, 2000.0);
        let a = synth_scenario(&spec);
        let b = synth_scenario(&spec);
        assert_eq!(a, b);
        let designated_pharmacies = a.institutions.iter().filter(|i| i.kind == Kind::Pharmacy && i.designated).count();
        assert_eq!(designated_pharmacies, 3607);
        let medical = a.institutions.iter().filter(|i| i.kind.is_medical() && i.designated).count();
        assert_eq!(medical, 6421);
        // Every county keeps its census residents.
        for c in &a.counties {
            let pop: u64 =
                a.population_cells.iter().filter(|p| p.county.as_deref() == Some(&c.id)).map(|p| p.population).sum();
            assert_eq!(Some(pop), c.resident_population, "{}", c.name);
        }
        crate::scenario::validate(&a).unwrap();
    }
}
