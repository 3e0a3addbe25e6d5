// Shared helpers for the browser end-to-end tests: one Debian chromium driven by playwright-core.
// Not a test file (node --test only runs *.test.mjs here).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const WAIT_MS = 15_000;
export const OUTPUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');

export const BASE_URL = (() => {
  const url = process.env.BASE_URL;
  if (!url) {
    throw new Error(
      'BASE_URL is not set: run the e2e tests through scripts/test, which builds the app, ' +
        'serves dist/ and sets BASE_URL (or set BASE_URL=http://127.0.0.1:PORT/ yourself).',
    );
  }
  return url.endsWith('/') ? url : `${url}/`;
})();
const BASE_ORIGIN = new URL(BASE_URL).origin;

/** The built app's folder: $DIST_DIR, else dist-e2e/ or dist/ (for tests that read the build). */
export function distDir() {
  const candidates = [process.env.DIST_DIR, 'dist-e2e', 'dist'].filter(Boolean);
  const dir = candidates.find((d) => existsSync(path.join(d, 'index.html')));
  assert.ok(dir, `no built app in ${candidates.join(', ')}: build it (trunk build) or set DIST_DIR`);
  return path.resolve(dir);
}

/**
 * The browser for a test file. Every context it opens (whoever opens it) records each request
 * that would leave the local server, and, unless `testHooks` is false, switches on the app's
 * test hooks (`window.__dingdianMap` and the like) before the app starts; a page opened
 * without them is a page as a user opens it.
 */
export async function launchBrowser({ testHooks = true } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('request', (req) => {
      if (!isLocalUrl(req.url())) outsideRequests.add(req.url());
    });
    // One the page's own policy refused never left the browser (security.test.mjs asks for such).
    context.on('requestfailed', (req) => {
      // Chromium's error text for it is "csp" (net::ERR_BLOCKED_BY_CSP in other versions).
      if (/^csp$|BLOCKED_BY_CSP/i.test(req.failure()?.errorText ?? '')) outsideRequests.delete(req.url());
    });
    if (testHooks) await context.addInitScript(() => { window.__dingdianTestHooks = true; });
    return context;
  };
  return browser;
}

/**
 * Requests any page of this test file asked to send beyond the local server. Each test file
 * runs in a process of its own, so every file checks its own when its tests are done: a
 * request leaving from any test of any file fails that file.
 */
const outsideRequests = new Set();
/** Outside addresses a test answered itself (page.route's fulfil: the request never left). */
export const answeredByTest = new Set();
after(() => {
  assert.deepEqual(
    [...outsideRequests].filter((u) => !answeredByTest.has(u)),
    [],
    `no request may leave the local server (${BASE_ORIGIN}); these tried: ${[...outsideRequests].join(', ')}`,
  );
});

/** Every request URL any page asked for, across all tests (checked by the network test). */
export const allRequests = [];

export function isLocalUrl(url) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    // Another server on this machine (offline.test.mjs serves a sub-path of its own) is local too.
    const u = new URL(url);
    return u.origin === BASE_ORIGIN || (u.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(u.hostname));
  } catch {
    return false;
  }
}

/** A phone as the public holds one: 360×740, DPR 2, touch. */
export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** The designated ordinary pharmacy p-001 of the built-in sample, and a spot 300 m east of it
 * (refused: a same-type pharmacy within 800 m; with accepted places near). */
export const P001 = { lon: 118.318684, lat: 35.064378 };
export const NEAR_P001 = { lon: P001.lon + 300 / (111195 * Math.cos((P001.lat * Math.PI) / 180)), lat: P001.lat };

/** The browser's own note that there is no basemap.json: the app asks for it and a 404 is how a
 * deploy says "no base map" (the app says nothing). */
export function isBasemapAbsent(msg) {
  return msg.text().startsWith('Failed to load resource') && /\/basemap\.json$/.test(msg.location().url ?? '');
}

/**
 * Opens the app in a fresh context (fresh localStorage) and waits until it has rendered an
 * outcome. Fails fast, with the reason, if the app panics or shows its fatal-error box.
 * Requests that would leave the local server are recorded and aborted, so nothing is sent.
 */
export async function openApp(browser, { screenshot, url = BASE_URL, context: given, init, waitMs = WAIT_MS } = {}) {
  // `context`: open in this one (its storage kept, as a reload or a second tab would);
  // `init`: a script run before the page's own (to break localStorage, say); `waitMs`: how long
  // the first outcome may take (longer for a city's worth of saved data).
  // No service worker: requests it answers would bypass context.route and the request log
  // below (offline.test.mjs tests the worker in a context of its own).
  const context = given ?? (await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' }));
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = []; // console errors and uncaught page errors, as text
  const requests = [];
  page.on('request', (req) => {
    requests.push(req.url());
    allRequests.push(req.url());
  });
  if (!given) await context.route('**/*', (route) =>
    isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isBasemapAbsent(msg)) problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

  const panicked = () => problems.find((p) => p.includes('panicked'));
  const response = await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  if (!response || !response.ok()) {
    throw new Error(`GET ${url} answered ${response ? response.status() : 'nothing'}`);
  }

  // Whichever comes first: the outcome, the fatal-error box, a panic on the console.
  let panicTimer;
  const panicSeen = new Promise((resolve) => {
    panicTimer = setInterval(() => panicked() && resolve('panic'), 100);
  });
  let result;
  try {
    result = await Promise.race([
      page
        .waitForSelector('[data-testid="outcome"]', { state: 'attached', timeout: waitMs })
        .then(() => 'outcome'),
      page
        .waitForSelector('#fatal-error', { state: 'visible', timeout: waitMs })
        .then(() => 'fatal'),
      panicSeen,
    ]).catch((e) => `timeout: ${e.message.split('\n')[0]}`);
  } finally {
    clearInterval(panicTimer);
  }
  // The map is made after the first paint, once Leaflet's script (loaded by the app after its
  // wasm) is there: a page is open when its map is too, or says it could not be.
  if (result === 'outcome') {
    await page
      .waitForFunction(() => {
        const canvas = document.querySelector('[data-testid="map"] .map-canvas');
        return !canvas || canvas.classList.contains('leaflet-container') || document.querySelector('[data-testid="map-panel"] .field-error');
      }, null, { timeout: waitMs })
      .catch((e) => { result = `the map never appeared: ${e.message.split('\n')[0]}`; });
  }

  if (screenshot) {
    mkdirSync(OUTPUT_DIR, { recursive: true });
    // The first screen (what a person sees on opening) and the whole page.
    await page.screenshot({ path: path.join(OUTPUT_DIR, `${screenshot}.png`) });
    await page.screenshot({ path: path.join(OUTPUT_DIR, `${screenshot}-full.png`), fullPage: true });
  }

  const fatalText = (await page.locator('#fatal-error').isVisible())
    ? (await page.locator('#fatal-error').innerText()).trim()
    : null;
  if (result !== 'outcome' || fatalText !== null || panicked()) {
    const body = (await page.locator('body').innerText()).trim().slice(0, 500);
    throw new Error(
      `the app did not render an outcome (${result}).\n` +
        `  #fatal-error: ${fatalText === null ? '(hidden)' : JSON.stringify(fatalText)}\n` +
        `  console/page errors: ${problems.length ? problems.join('\n    ') : '(none)'}\n` +
        `  page text: ${body ? JSON.stringify(body) : '(blank page)'}`,
    );
  }
  return { context, page, problems, requests };
}

/** The data-outcome attribute of the outcome element. */
export function outcomeOf(page) {
  return page.locator('[data-testid="outcome"]').getAttribute('data-outcome', { timeout: WAIT_MS });
}

/** Waits until data-outcome equals `want`; the error names what it was instead. */
export async function expectOutcome(page, want, why) {
  try {
    await page.waitForSelector(`[data-testid="outcome"][data-outcome="${want}"]`, {
      state: 'attached',
      timeout: WAIT_MS,
    });
  } catch {
    const got = await outcomeOf(page).catch(() => '(no outcome element)');
    throw new Error(`${why}: expected data-outcome="${want}", got "${got}" after ${WAIT_MS} ms`);
  }
}

export const traceItem = (rule, verdict) =>
  `ol[data-testid="trace"] li[data-rule="${rule}"]` + (verdict ? `[data-verdict="${verdict}"]` : '');

/** Text with full-width parentheses folded to ASCII, whitespace collapsed. */
export function normalise(text) {
  return text.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, ' ').trim();
}

/** The rules listed in the trace, in order, as "rule=verdict". */
export function traceRules(page) {
  return page
    .locator('ol[data-testid="trace"] li[data-rule]')
    .evaluateAll((lis) => lis.map((li) => `${li.dataset.rule}=${li.dataset.verdict}`));
}

/** Sets a parameter's number input and commits it the way a person would (type, then Tab). */
export async function setParam(page, name, value) {
  const selector = `input[type=number][data-param="${name}"]`;
  const input = page.locator(selector);
  await input.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => {
    throw new Error(`no visible ${selector} within ${WAIT_MS} ms`);
  });
  await input.fill(String(value));
  await input.press('Tab');
}

/**
 * Opens a task's tab under the map (the expert view shows one task's panels at a time: `id` is
 * application, figures, coverage, review, plan, assess, budget or io) and waits for its panels.
 */
export async function openTask(page, id) {
  const tab = page.locator(`[data-testid="task-tabs"] [role="tab"][data-task="${id}"]`);
  await tab.click({ timeout: WAIT_MS });
  await page.locator(`[data-testid="task-panel"][data-task="${id}"]`).waitFor({ state: 'attached', timeout: WAIT_MS });
}

/** Opens the folded panel whose summary is `[data-testid=id]` (the plan, the assessment and the
 * budget open with their tab; a test that folded one opens it again), leaving an open one open. */
export async function unfold(page, id) {
  const summary = page.locator(`[data-testid="${id}"]`);
  await summary.waitFor({ state: 'attached', timeout: WAIT_MS });
  if (!(await summary.evaluate((el) => el.parentElement.open))) await summary.click();
}

/** Centres the map on (lon, lat) and clicks the pixel Leaflet puts that point at. */
export async function clickMapAt(page, { lon, lat }) {
  const container = page.locator('[data-testid="map"] .leaflet-container');
  await container.scrollIntoViewIfNeeded();
  await page.evaluate(([lon, lat]) => window.__dingdianMap.setView([lat, lon], 14, { animate: false }), [lon, lat]);
  const pt = await page.evaluate(([lon, lat]) => {
    const p = window.__dingdianMap.latLngToContainerPoint([lat, lon]);
    return { x: p.x, y: p.y };
  }, [lon, lat]);
  const box = await container.boundingBox();
  assert.ok(box, 'the map container has no box');
  await page.mouse.click(box.x + pt.x, box.y + pt.y);
}

/**
 * One browser for a test file, closed with every context it opened when the file's tests end.
 * Call at the top level of a test file; `open(options)` is `openApp` in that browser.
 */
export function useApp() {
  let browser;
  const contexts = [];
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
  });
  return {
    async open(options) {
      const app = await openApp(browser, options);
      contexts.push(app.context);
      return app;
    },
    browser: () => browser,
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe-core's violations, on the document or the element `within` (a CSS selector): the WCAG 2.1
 * A/AA rules and best practices, or every rule with `tags: null`. The page's context must bypass
 * the CSP (the app's forbids injected scripts). */
export async function axeViolations(page, { within = null, tags = AXE_TAGS } = {}) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async ({ within, tags }) => {
    const r = await window.axe.run(within ? document.querySelector(within) : document, {
      ...(tags ? { runOnly: { type: 'tag', values: tags } } : {}),
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')), help: v.help }));
  }, { within, tags });
}

/** Fails on any axe-core violation, or with `serious` only on serious and critical ones. */
export async function axe(page, where, { serious = false } = {}) {
  const result = await axeViolations(page);
  const bad = serious ? result.filter((v) => v.impact === 'serious' || v.impact === 'critical') : result;
  assert.deepEqual(bad, [], `${where}: accessibility violations${serious ? ' (serious or critical)' : ' (of any impact)'}`);
  return result;
}
