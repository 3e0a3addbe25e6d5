#!/usr/bin/env node
// Trunk post-build hook: the page's wasm starts downloading with the first bytes of index.html.
//
// On a phone network the wasm is the first load: nothing is decided until it has arrived. Trunk
// writes its preload links at the end of <head>, after Leaflet's classic <script>, and Chromium
// holds them until that parser-blocking script has loaded (measured at 4 Mbit/s, 80 ms: the wasm
// began at 390 ms, after Leaflet's 36 KB, instead of at 90 ms). So this hook
//   - moves Trunk's preload links up, right after the Content-Security-Policy (or the charset),
//     and asks for the wasm at high priority;
//   - puts Leaflet's script in an inert <template id="dd-leaflet">: the app loads it once the
//     wasm runs (src/ui/map/leaflet.rs `load`), so its bytes do not share the line with the
//     wasm, and the maps wait for it (`ready`);
//   - gives any other classic external script `defer`, so that none stops the parser.
//
// Usage: node scripts/early-fetch.mjs [DIR]   (DIR: default $TRUNK_STAGING_DIR)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hookDir } from './hook.mjs';

const PRELOAD = /<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/gi;

/** index.html with its preload links first, Leaflet's script inert and any other classic script deferred. */
export function earlyFetch(html) {
  const preloads = html.match(PRELOAD) ?? [];
  if (preloads.length === 0) throw new Error('index.html has no preload link (did Trunk build the app?)');
  let out = html.replace(PRELOAD, '');
  const links = preloads
    .map((l) => (/\.wasm"/.test(l) && !/fetchpriority=/.test(l) ? l.replace(/^<link\b/, '<link fetchpriority="high"') : l))
    .join('\n  ');
  // After the policy (a policy covers only what comes after it), else after the charset.
  const anchor = [/<meta http-equiv="Content-Security-Policy"[^>]*>/i, /<meta\s+charset[^>]*>/i].find((re) => re.test(out));
  if (!anchor) throw new Error('index.html has neither a Content-Security-Policy nor a charset <meta>');
  out = out.replace(anchor, (m) => `${m}\n  ${links}`);
  const classic = (attrs) => /\bsrc\s*=/.test(attrs) && !/\b(?:defer|async)\b|type\s*=\s*"module"/.test(attrs);
  let leaflets = 0;
  out = out.replace(/<script\b([^>]*)><\/script>/gi, (tag, attrs) => {
    if (!classic(attrs)) return tag;
    if (/\bsrc="[^"]*\bleaflet[^"\/]*\.js"/.test(attrs)) {
      leaflets += 1;
      return `<template id="dd-leaflet">${tag}</template>`;
    }
    return `<script defer${attrs}></script>`;
  });
  if (leaflets > 1) throw new Error('index.html loads Leaflet more than once');
  return out;
}

const dir = hookDir(import.meta.url);
if (dir) {
  const file = path.join(dir, 'index.html');
  writeFileSync(file, earlyFetch(readFileSync(file, 'utf8')));
  console.log(`early-fetch.mjs: preloads first, Leaflet loaded by the app, in ${file}`);
}
