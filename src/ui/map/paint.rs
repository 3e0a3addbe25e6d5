//! Dense layers as images: population cells painted by `spatial::raster::paint` (rows in Web
//! Mercator, so the image lines up with the map at every zoom) and, when too many institutions
//! are in view for one DOM node each, the institutions as small shapes on an image of the view.
//! Colour is never the only carrier: the classes that call for attention are hatched, and every
//! kind of institution has its own shape.

use wasm_bindgen::{Clamped, JsCast};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::spatial::raster::paint;

/// How a class fills its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Solid,
    /// Diagonal stripes of a stronger shade over the fill.
    Hatch,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swatch {
    pub rgb: [u8; 3],
    pub fill: Fill,
}

impl Swatch {
    pub const fn solid(rgb: [u8; 3]) -> Self {
        Swatch { rgb, fill: Fill::Solid }
    }
    pub const fn hatch(rgb: [u8; 3]) -> Self {
        Swatch { rgb, fill: Fill::Hatch }
    }
    pub fn css(self) -> String {
        let [r, g, b] = self.rgb;
        match self.fill {
            Fill::Solid => format!("background: rgba({r},{g},{b},0.55)"),
            Fill::Hatch => format!(
                "background: repeating-linear-gradient(135deg, rgba({r},{g},{b},0.95) 0 2px, rgba({r},{g},{b},0.35) 2px 6px)"
            ),
        }
    }
}

const FILL_ALPHA: u8 = 115;
const STRIPE_ALPHA: u8 = 215;

/// Which cell each pixel of the cells image shows, painted once per data set by
/// `spatial::raster::paint` (so the geometry is exactly its own); colouring it by a layer is
/// then one pass over the pixels, cheap enough for every frame of a slider drag.
pub struct CellIndexImage {
    pub width: u32,
    pub height: u32,
    /// west, south, east, north
    pub bounds: [f64; 4],
    /// Cell index per pixel; `u32::MAX` where no cell is.
    pub cell: Vec<u32>,
}

impl CellIndexImage {
    /// At about three pixels per cell, the longer side within 256..=1400 pixels.
    pub fn build(points: &[(f64, f64)], spacing_m: f64, extent_m: f64) -> CellIndexImage {
        let cells_across = (extent_m / spacing_m.max(1.0)).max(1.0);
        let side = (cells_across * 3.0).clamp(256.0, 1400.0) as u32;
        let r = paint(points, spacing_m, side, |i| {
            let i = i as u32;
            Some([(i >> 16) as u8, (i >> 8) as u8, i as u8, 255])
        });
        let cell: Vec<u32> = r
            .rgba
            .chunks_exact(4)
            .map(|p| if p[3] == 0 { u32::MAX } else { (p[0] as u32) << 16 | (p[1] as u32) << 8 | p[2] as u32 })
            .collect();
        CellIndexImage { width: r.width, height: r.height, bounds: r.bounds, cell }
    }

    /// RGBA of the cells coloured by class (`None`: left clear), hatched where the palette says.
    pub fn colour(&self, classes: &[Option<u8>], palette: &[Swatch]) -> Vec<u8> {
        let w = self.width as usize;
        let mut rgba = vec![0u8; self.cell.len() * 4];
        for (p, (&c, px)) in self.cell.iter().zip(rgba.chunks_exact_mut(4)).enumerate() {
            if c == u32::MAX {
                continue;
            }
            let Some(sw) = classes.get(c as usize).copied().flatten().and_then(|k| palette.get(k as usize)) else {
                continue;
            };
            // Bands three pixels wide on a six-pixel period, running "/" across the region: at
            // about three pixels per cell, hatched areas read as striped at every zoom.
            let stripe = sw.fill == Fill::Hatch && (p % w + p / w) % 6 < 3;
            px.copy_from_slice(&[sw.rgb[0], sw.rgb[1], sw.rgb[2], if stripe { STRIPE_ALPHA } else { FILL_ALPHA }]);
        }
        rgba
    }
}

/// A shape of an institution on the view image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Square,
    Diamond,
    Plus,
    Triangle,
}

/// A blank RGBA image of the view, to draw institutions on.
pub struct ViewImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
    /// west, south, east, north
    pub bounds: [f64; 4],
    y_north: f64,
    y_south: f64,
}

fn merc_y(lat: f64) -> f64 {
    let phi = lat.clamp(-85.0, 85.0).to_radians();
    (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln()
}

impl ViewImage {
    pub fn new(width: u32, height: u32, bounds: [f64; 4]) -> Self {
        let (width, height) = (width.clamp(1, 4096), height.clamp(1, 4096));
        ViewImage {
            width,
            height,
            rgba: vec![0; (width * height * 4) as usize],
            bounds,
            y_north: merc_y(bounds[3]),
            y_south: merc_y(bounds[1]),
        }
    }

    fn to_px(&self, lon: f64, lat: f64) -> (i64, i64) {
        let [w, _, e, _] = self.bounds;
        let x = (lon - w) / (e - w).max(1e-12) * self.width as f64;
        let y = (self.y_north - merc_y(lat)) / (self.y_north - self.y_south).max(1e-12) * self.height as f64;
        (x.floor() as i64, y.floor() as i64)
    }

    fn put(&mut self, x: i64, y: i64, rgba: [u8; 4]) {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return;
        }
        let k = ((y as u32 * self.width + x as u32) * 4) as usize;
        self.rgba[k..k + 4].copy_from_slice(&rgba);
    }

    /// A shape of half-size `h` pixels: filled in `rgb` (with a white rim if `with_rim`), or
    /// hollow (outline only) for an institution that is not designated.
    pub fn shape(&mut self, lon: f64, lat: f64, shape: Shape, h: i64, with_rim: bool, rgb: [u8; 3], hollow: bool) {
        let (cx, cy) = self.to_px(lon, lat);
        if cx < -h - 2 || cy < -h - 2 || cx > self.width as i64 + h + 2 || cy > self.height as i64 + h + 2 {
            return;
        }
        let inside = |dx: i64, dy: i64, h: i64| -> bool {
            match shape {
                Shape::Square => dx.abs() <= h && dy.abs() <= h,
                Shape::Diamond => dx.abs() + dy.abs() <= h + 1,
                Shape::Plus => {
                    (dx.abs() <= h / 3 + 1 && dy.abs() <= h + 1) || (dy.abs() <= h / 3 + 1 && dx.abs() <= h + 1)
                }
                // Apex up: the half-width grows from the top row to the bottom one.
                Shape::Triangle => dy >= -h && dy <= h && 2 * dx.abs() <= dy + h + 1,
            }
        };
        let rim = if with_rim { h + 1 } else { h };
        let colour = [rgb[0], rgb[1], rgb[2], 255];
        for dy in -rim..=rim {
            for dx in -rim..=rim {
                let outer = inside(dx, dy, rim);
                if !outer {
                    continue;
                }
                let inner = inside(dx, dy, h);
                let core = inside(dx, dy, h - 2);
                let px = if hollow {
                    if inner && !core {
                        Some(colour)
                    } else if !inner {
                        Some([255, 255, 255, 200])
                    } else {
                        None
                    }
                } else if inner {
                    Some(colour)
                } else {
                    Some([255, 255, 255, 230])
                };
                if let Some(p) = px {
                    self.put(cx + dx, cy + dy, p);
                }
            }
        }
    }
}

/// Puts an RGBA image into a canvas shown on the map: no encoding, no decoding, so the new
/// picture is in the same frame as the input that changed it.
pub fn put_pixels(canvas: &HtmlCanvasElement, width: u32, height: u32, rgba: &[u8]) -> Option<()> {
    if canvas.width() != width || canvas.height() != height {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let img = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height).ok()?;
    ctx.put_image_data(&img, 0.0, 0.0).ok()
}

pub fn new_canvas() -> Option<HtmlCanvasElement> {
    web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()
}
