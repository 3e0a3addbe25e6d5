//! The base map under both maps: the deployer's `basemap.json` (fetched once from the page's own
//! origin; absent, nothing is shown and nothing else is asked for), or in the expert view the
//! user's own tile server. On GCJ-02 tiles the maps draw every layer of theirs shifted
//! (`app::basemap::to_screen`) and take taps back to WGS-84 (`from_screen`).

use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::leaflet::{self as l, b, escape, n, opts, s};
use crate::app::basemap::{self, BaseMapConfig};
use crate::text::Text;

/// The deployer's base map as the page's components receive it (a Yew context).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Deployed(pub Option<Rc<BaseMapConfig>>);

/// The page's own Content-Security-Policy, as its `<meta>` says it.
fn page_policy() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc.query_selector("meta[http-equiv=\"Content-Security-Policy\"]").ok()??;
    meta.get_attribute("content")
}

/// Fetches and checks `basemap.json`: `Ok(None)` when there is none (any answer but 200, or no
/// network), `Err` with the message to show when it is wrong or the page's policy refuses its
/// tile server.
pub async fn load() -> Result<Option<BaseMapConfig>, Text> {
    let Some(window) = web_sys::window() else { return Ok(None) };
    let Ok(response) = JsFuture::from(window.fetch_with_str(basemap::FILE)).await else {
        return Ok(None);
    };
    let get = |k: &str| Reflect::get(&response, &k.into()).unwrap_or(JsValue::UNDEFINED);
    if get("ok").as_bool() != Some(true) {
        return Ok(None);
    }
    let text = match get("text").dyn_into::<Function>().ok().and_then(|f| f.call0(&response).ok()) {
        Some(p) => JsFuture::from(p.unchecked_into::<Promise>()).await.ok().and_then(|t| t.as_string()),
        None => None,
    };
    let Some(text) = text else { return Ok(None) };
    let cfg = basemap::parse_config(&text).map_err(|e| crate::app::i18n::way::b_e_config(&e))?;
    if let Some(policy) = page_policy() {
        if let Some(o) = cfg.origins().into_iter().find(|o| !basemap::csp_allows_image(&policy, o)) {
            return Err(crate::app::i18n::way::b_e_csp(&o));
        }
    }
    Ok(Some(cfg))
}

/// The tile layers of a base map, added to `map` beneath everything else, with the attribution
/// control that credits them. Removed together by `remove`.
pub struct Tiles {
    layers: Vec<l::TileLayer>,
    /// The attribution control added for the tiles, on a map that had none of its own.
    credit: Option<l::Control>,
    pub config: BaseMapConfig,
}

impl Tiles {
    pub fn add(map: &l::Map, cfg: &BaseMapConfig) -> Tiles {
        let has_own = Reflect::get(map, &"attributionControl".into()).map(|c| c.is_object()).unwrap_or(false);
        let credit = (!has_own).then(|| {
            let c = l::control_attribution(&opts(&[("prefix", b(false))]));
            c.add_to(map);
            c
        });
        let mut layers = Vec::new();
        for (k, url) in std::iter::once(&cfg.url).chain(cfg.labels.as_ref()).enumerate() {
            let mut o = vec![
                ("maxZoom", n(cfg.max_zoom as f64)),
                ("maxNativeZoom", n(cfg.max_zoom as f64)),
                ("className", s(if k == 0 { "dd-tiles" } else { "dd-tiles dd-tile-labels" })),
            ];
            if k == 0 {
                o.push(("attribution", s(&escape(&cfg.attribution))));
            }
            if !cfg.subdomains.is_empty() {
                o.push(("subdomains", s(&cfg.subdomains)));
            }
            let layer = l::tile_layer(url, &opts(&o));
            layer.add_to(map);
            layers.push(layer);
        }
        Tiles { layers, credit, config: cfg.clone() }
    }

    pub fn remove(self) {
        for layer in self.layers {
            layer.remove();
        }
        if let Some(c) = self.credit {
            c.remove();
        }
    }
}
