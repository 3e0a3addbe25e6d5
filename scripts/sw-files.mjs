#!/usr/bin/env node
// Trunk post-build hook (after csp.mjs): writes into the staged sw.js the list of every file the
// build produced, each with a hash of its content, and a version made of those hashes. Any file
// another part of the build adds is listed without naming it here, and a new deploy changes
// sw.js, which is how browsers learn that the cached app must be replaced.
//
// Usage: node scripts/sw-files.mjs [DIR]   (DIR: default $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hookDir } from './hook.mjs';

/** Every file under `dir` as a path relative to it with '/' separators, sorted. */
export function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** [file, sha256 prefix] of every file but the service worker itself and the compressed copies
 * a static host serves in place of a file (compress.mjs): the browser caches what it decoded. */
export function manifest(dir) {
  return listFiles(dir)
    .filter((f) => f !== 'sw.js' && !/\.(gz|br)$/.test(f))
    .map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex').slice(0, 16)]);
}

export function withFiles(swText, files) {
  const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const list = `const FILES = ${JSON.stringify(files, null, 0)};`;
  let out = swText.replace(/^const FILES = .*;$/m, () => list);
  out = out.replace(/^const VERSION = .*;$/m, () => `const VERSION = '${version}';`);
  if (!out.includes(list)) throw new Error('sw.js has no line "const FILES = …;" to fill in');
  return out;
}

const dir = hookDir(import.meta.url);
if (dir) {
  const sw = path.join(dir, 'sw.js');
  const files = manifest(dir);
  writeFileSync(sw, withFiles(readFileSync(sw, 'utf8'), files));
  console.log(`sw-files.mjs: ${files.length} files listed in ${sw}`);
}
