//! Plain SVG charts drawn from Rust: the waterfall of a year-end settlement and the multi-year
//! projection of budgets against spending. The arithmetic (steps, axes) is
//! `budget::chart`; here it becomes shapes. Colour never carries meaning alone: money going out
//! is hatched, money coming back dotted, and every bar is labelled with its amount.

use yew::prelude::*;

use crate::budget::chart::{Axis, Step, StepKind};
use crate::text::{num, Lang};

const W: f64 = 640.0;
const TOP: f64 = 28.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 12.0;

/// Amounts on a chart: 万元 in Chinese, million yuan in English (the tables give full yuan).
pub fn compact(lang: Lang, yuan: f64) -> String {
    if yuan == 0.0 {
        return "0".into();
    }
    match lang {
        Lang::Zh => format!("{}万", num(yuan / 1e4, if yuan.abs() >= 1e7 { 0 } else { 1 })),
        Lang::En => format!("{}M", num(yuan / 1e6, if yuan.abs() >= 1e8 { 0 } else { 1 })),
    }
}

fn defs() -> Html {
    html! {
        <defs>
            <pattern id="pat-down" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" class="fill-down-bg" />
                <line x1="0" y1="0" x2="0" y2="6" class="stroke-down" stroke-width="3" />
            </pattern>
            <pattern id="pat-up" width="6" height="6" patternUnits="userSpaceOnUse">
                <rect width="6" height="6" class="fill-up-bg" />
                <circle cx="3" cy="3" r="1.4" class="fill-up" />
            </pattern>
            <pattern id="pat-spend" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
                <rect width="6" height="6" class="fill-spend-bg" />
                <line x1="0" y1="0" x2="0" y2="6" class="stroke-spend" stroke-width="2.5" />
            </pattern>
        </defs>
    }
}

fn y_axis(lang: Lang, ax: &Axis, bottom: f64) -> Html {
    html! {
        <g class="chart-axis">
            { for ax.ticks().into_iter().map(|v| {
                let y = ax.y(v, TOP, bottom);
                html! {
                    <g>
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{y:.1}")} y2={format!("{y:.1}")}
                            class={if v == 0.0 { "grid zero" } else { "grid" }} />
                        <text x={(LEFT - 6.0).to_string()} y={format!("{:.1}", y + 4.0)} text-anchor="end" class="tick">{ compact(lang, v) }</text>
                    </g>
                }
            }) }
        </g>
    }
}

/// A label under a bar, on two lines when it has a space (English) and is long.
fn bar_label(x: f64, y: f64, label: &str) -> Html {
    let parts: Vec<&str> = if label.chars().count() > 11 {
        match label.find(' ') {
            Some(k) => vec![&label[..k], &label[k + 1..]],
            None => vec![label],
        }
    } else {
        vec![label]
    };
    html! {
        <text x={format!("{x:.1}")} y={format!("{y:.1}")} text-anchor="middle" class="bar-label">
            { for parts.iter().enumerate().map(|(k, p)| html! {
                <tspan x={format!("{x:.1}")} dy={if k == 0 { "0".to_string() } else { "1.15em".to_string() }}>{ p.to_string() }</tspan>
            }) }
        </text>
    }
}

/// The settlement as a waterfall: `labels[k]` names `steps[k]`.
pub fn waterfall_svg(lang: Lang, title: &str, steps: &[Step], labels: &[String]) -> Html {
    let h = 300.0;
    let bottom = h - 44.0;
    let ax = Axis::covering(steps.iter().flat_map(|s| [s.from, s.to]), 6);
    let n = steps.len().max(1) as f64;
    let slot = (W - LEFT - RIGHT) / n;
    let bw = (slot * 0.62).min(70.0);
    html! {
        <svg class="chart chart-waterfall" viewBox={format!("0 0 {W} {h}")} role="img" aria-label={title.to_string()}
            data-testid="waterfall" data-steps={steps.len().to_string()}>
            <title>{ title.to_string() }</title>
            { defs() }
            { y_axis(lang, &ax, bottom) }
            { for steps.iter().enumerate().map(|(k, s)| {
                let x = LEFT + slot * k as f64 + (slot - bw) / 2.0;
                let (y0, y1) = (ax.y(s.from, TOP, bottom), ax.y(s.to, TOP, bottom));
                let (top, height) = (y0.min(y1), (y0 - y1).abs().max(1.0));
                let class = match s.kind {
                    StepKind::Total if s.to < 0.0 => "cbar total negative",
                    StepKind::Total => "cbar total",
                    StepKind::Down => "cbar down",
                    StepKind::Up => "cbar up",
                };
                let sign = match s.kind {
                    StepKind::Down => "−",
                    StepKind::Up => "+",
                    StepKind::Total => "",
                };
                let value = format!("{sign}{}", compact(lang, if s.kind == StepKind::Total { s.to } else { s.amount().abs() }));
                let vy = if s.to >= s.from || s.kind == StepKind::Total && s.to >= 0.0 { top - 5.0 } else { top + height + 13.0 };
                // A connector from this bar's end to the next bar's start.
                let next = steps.get(k + 1).filter(|nx| nx.kind != StepKind::Total).map(|_| {
                    let ye = ax.y(s.to, TOP, bottom);
                    html! { <line class="connector" x1={format!("{:.1}", x + bw)} x2={format!("{:.1}", x + slot)}
                        y1={format!("{ye:.1}")} y2={format!("{ye:.1}")} /> }
                });
                html! {
                    <g data-step={s.key} data-from={format!("{:.2}", s.from)} data-to={format!("{:.2}", s.to)}>
                        <rect class={class} x={format!("{x:.1}")} y={format!("{top:.1}")} width={format!("{bw:.1}")} height={format!("{height:.1}")} />
                        <text class="bar-value" x={format!("{:.1}", x + bw / 2.0)} y={format!("{vy:.1}")} text-anchor="middle">{ value }</text>
                        { bar_label(x + bw / 2.0, bottom + 16.0, labels.get(k).map(|s| s.as_str()).unwrap_or(s.key)) }
                        { next.unwrap_or_default() }
                    </g>
                }
            }) }
        </svg>
    }
}

/// Budgets (solid) against spending (hatched) per year; a projected year's label is marked.
pub fn projection_svg(lang: Lang, title: &str, years: &[(i32, bool, f64, f64)]) -> Html {
    let h = 280.0;
    let bottom = h - 36.0;
    let ax = Axis::covering(years.iter().flat_map(|y| [y.2, y.3]), 6);
    let n = years.len().max(1) as f64;
    let slot = (W - LEFT - RIGHT) / n;
    let bw = (slot * 0.34).min(36.0);
    html! {
        <svg class="chart chart-projection" viewBox={format!("0 0 {W} {h}")} role="img" aria-label={title.to_string()}
            data-testid="projection-chart" data-years={years.len().to_string()}>
            <title>{ title.to_string() }</title>
            { defs() }
            { y_axis(lang, &ax, bottom) }
            { for years.iter().enumerate().map(|(k, (year, projected, budget, spending))| {
                let cx = LEFT + slot * (k as f64 + 0.5);
                let bar = |x: f64, v: f64, class: &'static str| {
                    let (y0, y1) = (ax.y(0.0, TOP, bottom), ax.y(v, TOP, bottom));
                    html! { <rect class={class} x={format!("{x:.1}")} y={format!("{:.1}", y0.min(y1))} width={format!("{bw:.1}")}
                        height={format!("{:.1}", (y0 - y1).abs().max(1.0))} /> }
                };
                let over = spending > budget;
                html! {
                    <g data-year={year.to_string()} data-budget={format!("{budget:.2}")} data-spending={format!("{spending:.2}")}>
                        { bar(cx - bw - 1.0, *budget, "cbar total") }
                        { bar(cx + 1.0, *spending, "cbar spend") }
                        <text class={classes!("bar-value", over.then_some("is-over"))} x={format!("{cx:.1}")}
                            y={format!("{:.1}", ax.y(budget.max(*spending), TOP, bottom) - 5.0)} text-anchor="middle">
                            { if over { "▲" } else { "▽" } }
                        </text>
                        <text class="bar-label" x={format!("{cx:.1}")} y={format!("{:.1}", bottom + 16.0)} text-anchor="middle">
                            { if *projected { format!("{year}*") } else { year.to_string() } }
                        </text>
                    </g>
                }
            }) }
        </svg>
    }
}
