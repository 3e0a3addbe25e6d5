// The Content-Security-Policy the build writes (scripts/csp.mjs): a release build names its inline
// scripts by their hashes and allows no other inline script; only a debug build (`trunk serve`,
// whose live-reload script is added after the hook) allows inline scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPolicy } from '../../scripts/csp.mjs';

const page = '<!doctype html><html><head><meta charset="utf-8"><script type="module">boot()</script></head><body></body></html>';
const scriptSrc = (html) => /script-src ([^;"]*)/.exec(html)[1];

test('a release build allows only the inline scripts it hashed; a debug build allows inline scripts for live reload', () => {
  const release = scriptSrc(withPolicy(page));
  assert.match(release, /'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(release, /unsafe-inline/);
  const debug = scriptSrc(withPolicy(page, undefined, true));
  assert.match(debug, /'unsafe-inline'/);
  assert.doesNotMatch(debug, /sha256-/, 'a hash would make the browser ignore unsafe-inline');
});
