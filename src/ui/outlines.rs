//! The sample cities' real county outlines, fetched with the data set that needs them (they are
//! not in the page's wasm) and handed to `crate::outlines::register`.

use crate::outlines;
use crate::synth::SampleCity;

/// Fetches and registers a city's outlines unless they are loaded. Failures are returned as
/// text for a notice.
pub async fn load(city: SampleCity) -> Result<(), String> {
    if outlines::get(city).is_some() {
        return Ok(());
    }
    let path = outlines::file_path(city);
    let resp = gloo::net::http::Request::get(path).send().await.map_err(|e| format!("{path}: {e}"))?;
    if !resp.ok() {
        return Err(format!("{path}: HTTP {}", resp.status()));
    }
    let bytes = resp.binary().await.map_err(|e| format!("{path}: {e}"))?;
    outlines::register(city, outlines::parse(city, &bytes)?);
    Ok(())
}

/// Fetches the outlines of every city in `cities`, one after the other.
pub async fn load_all(cities: &[SampleCity]) -> Result<(), String> {
    for &c in cities {
        load(c).await?;
    }
    Ok(())
}
