#!/usr/bin/env node
// Trunk post-build hook: writes the Content-Security-Policy into the built index.html.
//
// Trunk writes one inline <script type="module"> that loads the wasm; a policy that forbids
// inline script must name that script by its hash, which only exists after the build. So this
// hook hashes every inline script of the staged index.html and puts the policy in a <meta> as
// the first element of <head> (a policy only covers what comes after it).
//
// Tile servers: the map can show an optional base map from a tile server the user configures;
// the policy allows image requests only to the origins in DINGDIAN_TILE_ORIGINS (space
// separated; default: OpenStreetMap's). The app reads the policy back and refuses any other.
//
// Usage: node scripts/csp.mjs [DIR]   (DIR: default $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hookDir } from './hook.mjs';

export const DEFAULT_TILE_ORIGINS = 'https://tile.openstreetmap.org';

export function policy(scriptHashes, tileOrigins, debug = false) {
  // `trunk serve` of a debug build adds its live-reload script after this hook has run, so no
  // hash can name it: a debug build (never what scripts/serve, scripts/test or a deploy ships)
  // allows inline scripts instead; every other directive stays as in the release.
  const hashes = debug ? "'unsafe-inline'" : scriptHashes.map((h) => `'sha256-${h}'`).join(' ');
  return [
    "default-src 'none'",
    // 'wasm-unsafe-eval' allows compiling WebAssembly, nothing else (no eval of strings).
    `script-src 'self' 'wasm-unsafe-eval' ${hashes}`.trim(),
    // Yew writes a few style="" attributes and Leaflet positions with inline styles.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tileOrigins}`.trim(),
    // blob: lets the page read back a file it made itself (exports, the io worker's results).
    "connect-src 'self' blob:",
    "worker-src 'self' blob:",
    "font-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The inline scripts (no src attribute) of an HTML document, their text exactly as written. */
export function inlineScripts(html) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m; (m = re.exec(html)); ) {
    if (!/\bsrc\s*=/.test(m[1])) out.push(m[2]);
  }
  return out;
}

export function withPolicy(html, tileOrigins = DEFAULT_TILE_ORIGINS, debug = false) {
  const hashes = inlineScripts(html).map((s) => createHash('sha256').update(s, 'utf8').digest('base64'));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, tileOrigins, debug)}" />`;
  const cleaned = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  // After <meta charset> (which must come first), before anything that loads.
  const charset = /<meta\s+charset[^>]*>/i;
  if (charset.test(cleaned)) return cleaned.replace(charset, (m) => `${m}\n  ${meta}`);
  if (!/<head[^>]*>/i.test(cleaned)) throw new Error('index.html has no <head>');
  return cleaned.replace(/<head([^>]*)>/i, (h) => `${h}\n  ${meta}`);
}

const dir = hookDir(import.meta.url);
if (dir) {
  const file = path.join(dir, 'index.html');
  const origins = (process.env.DINGDIAN_TILE_ORIGINS ?? DEFAULT_TILE_ORIGINS).trim();
  if (/[;'"<>]/.test(origins)) {
    console.error(`csp.mjs: DINGDIAN_TILE_ORIGINS must be origins separated by spaces, got ${JSON.stringify(origins)}`);
    process.exit(2);
  }
  const debug = process.env.TRUNK_PROFILE === 'debug';
  const html = withPolicy(readFileSync(file, 'utf8'), origins, debug);
  writeFileSync(file, html);
  console.log(
    debug
      ? `csp.mjs: Content-Security-Policy written into ${file} (debug build: inline scripts allowed, for trunk serve's live reload)`
      : `csp.mjs: Content-Security-Policy written into ${file} (${inlineScripts(html).length} inline script(s) hashed)`,
  );
}
