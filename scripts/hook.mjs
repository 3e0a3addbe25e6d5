// What the Trunk post-build hooks (csp.mjs, early-fetch.mjs, sw-files.mjs, compress.mjs) share:
// run as a program, each works on one directory, the one given or Trunk's staging directory.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory a hook works on when the module at `moduleUrl` (its `import.meta.url`) is the
 * program being run: the first argument, else $TRUNK_STAGING_DIR; exits 2 naming the hook when
 * there is neither. Null when the module is only imported (by a test or another hook).
 */
export function hookDir(moduleUrl) {
  const file = fileURLToPath(moduleUrl);
  if (!process.argv[1] || path.resolve(process.argv[1]) !== path.resolve(file)) return null;
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error(`${path.basename(file)}: no directory (run as a Trunk post_build hook, or pass the dist directory)`);
    process.exit(2);
  }
  return dir;
}
