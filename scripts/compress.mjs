#!/usr/bin/env node
// Trunk post-build hook (the last one): writes a gzip (.gz) and a Brotli (.br) copy beside every
// file worth compressing, so a static host serves the smaller one without compressing on each
// request (nginx `gzip_static on; brotli_static on;`, Caddy `file_server { precompressed br gzip }`;
// see the README). The copies are the same bytes as the file once decoded; the service worker's
// list (sw-files.mjs, run before this) names only the files themselves.
//
// Usage: node scripts/compress.mjs [DIR]   (DIR: default $TRUNK_STAGING_DIR)
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { listFiles } from './sw-files.mjs';
import { hookDir } from './hook.mjs';

/** Text and wasm compress well; images and archives already are compressed. */
const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|geojson|svg|webmanifest|txt|csv)$/i;
/** Below this a compressed copy saves less than a request's headers. */
export const MIN_BYTES = 1024;

export function gzip(bytes) {
  return zlib.gzipSync(bytes, { level: 9 });
}

export function brotli(bytes) {
  return zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** The files of `dir` that get compressed copies: compressible, large enough, not copies. */
export function toCompress(dir) {
  return listFiles(dir).filter((f) => COMPRESSIBLE.test(f) && statSync(path.join(dir, f)).size >= MIN_BYTES);
}

const dir = hookDir(import.meta.url);
if (dir) {
  // `trunk serve`'s debug loop serves files itself: copies would only slow every rebuild.
  if (process.env.TRUNK_PROFILE === 'debug') {
    console.log('compress.mjs: debug build, no compressed copies');
    process.exit(0);
  }
  let raw = 0;
  let br = 0;
  const files = toCompress(dir);
  for (const f of files) {
    const p = path.join(dir, f);
    const bytes = readFileSync(p);
    const b = brotli(bytes);
    writeFileSync(`${p}.gz`, gzip(bytes));
    writeFileSync(`${p}.br`, b);
    raw += bytes.length;
    br += b.length;
  }
  console.log(`compress.mjs: .gz and .br beside ${files.length} files (${Math.round(raw / 1024)} KiB → ${Math.round(br / 1024)} KiB as Brotli)`);
}
