// Browser end-to-end tests of the real county outlines (www/data/outlines): fetched with the
// data set that needs them, drawn, and the county of a click. Run through scripts/test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { OUTPUT_DIR, WAIT_MS, clickMapAt, traceItem, useApp } from './helpers.mjs';

const session = useApp();

// The middle of the small sample's 河东区 cells (weighted by residents): the ellipses put it in
// 兰山区.
const HEDONG = { lon: 118.3943, lat: 35.0844 };

async function outlinesDrawn(page, n) {
  await page
    .waitForFunction((n) => document.querySelectorAll('path.dd-outline').length === n, n, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`${n} county outlines should be drawn; there are ${await page.locator('path.dd-outline').count()}`));
}

test('on the small sample a click among 河东区\'s cells is in 河东区, and an inpatient application there is judged on 河东区\'s beds', async () => {
  const { page } = await session.open();
  await outlinesDrawn(page, 3);
  await page.locator('select[data-field="kind"]').selectOption('inpatient_general');
  await clickMapAt(page, HEDONG);
  await page
    .waitForFunction(() => document.querySelector('[data-field="county"]')?.value === 'hedong', null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`the click should set 河东区; the county is ${await page.locator('[data-field="county"]').inputValue()}`));
  const detail = (await page.locator(traceItem('inpatient.county_supply')).innerText()).replace(/\s+/g, ' ');
  // 河东区 measures 8.43 beds per 1,000 in the sample, 兰山区 8.38.
  assert.ok(detail.includes('8.43'), `the county bed rule should quote 河东区's 8.43: "${detail}"`);
  assert.ok(!detail.includes('8.38'), `the county bed rule quotes 兰山区's 8.38: "${detail}"`);
});

/** The page's address of every file it has fetched so far (Resource Timing). */
const fetchedSoFar = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

test('the synthetic Xi\'an is drawn with its 13 real outlines, fetched as a file beside the page', async () => {
  const { page } = await session.open();
  await page.locator('select[data-testid="dataset"]').selectOption('xian');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="xian"]', { timeout: WAIT_MS });
  await outlinesDrawn(page, 13);
  const fetched = await fetchedSoFar(page);
  assert.ok(fetched.some((p) => p.endsWith('/outlines/xian.geojson')), `Xi'an's outlines are fetched: ${fetched.join(', ')}`);
  // The map shows the new city whole: its outlines lie inside the map and span most of it.
  const fit = await page.evaluate(() => {
    const map = document.querySelector('[data-testid="map"] .leaflet-container').getBoundingClientRect();
    const boxes = [...document.querySelectorAll('path.dd-outline')].map((p) => p.getBoundingClientRect());
    const u = boxes.reduce((a, b) => ({ l: Math.min(a.l, b.left), t: Math.min(a.t, b.top), r: Math.max(a.r, b.right), b: Math.max(a.b, b.bottom) }), { l: Infinity, t: Infinity, r: -Infinity, b: -Infinity });
    return { inside: u.l >= map.left - 1 && u.t >= map.top - 1 && u.r <= map.right + 1 && u.b <= map.bottom + 1, wide: (u.r - u.l) / map.width, high: (u.b - u.t) / map.height };
  });
  assert.ok(fit.inside && Math.max(fit.wide, fit.high) > 0.8, `Xi'an's outlines fill the map's view: ${JSON.stringify(fit)}`);
  // 新城区's seat is in 新城区.
  await clickMapAt(page, { lon: 108.95521, lat: 34.27083 });
  await page
    .waitForFunction(() => document.querySelector('[data-field="county"]')?.value === '610102', null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`the click should set 新城区 (610102); it is ${await page.locator('[data-field="county"]').inputValue()}`));
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'outlines-xian.png') });
});

test('once the page has been idle, choosing Xi\'an waits for no download: it works with the network gone', async () => {
  const { page, problems } = await session.open();
  await page
    .waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/outlines/xian.geojson')), null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`Xi'an's outlines should be fetched ahead when the page is idle: ${(await fetchedSoFar(page)).join(', ')}`));
  // Fetched, perhaps not yet read: the switch then waits for that same download.
  const asked = [];
  await page.route('**/outlines/*.geojson', (route) => {
    asked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await page.locator('select[data-testid="dataset"]').selectOption('xian');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="xian"]', { timeout: WAIT_MS })
    .catch(async () => assert.fail(`the page should switch to Xi'an without the network; it shows: ${await page.locator('[data-testid="notices"]').innerText().catch(() => '')}`));
  await outlinesDrawn(page, 13);
  assert.deepEqual(asked, [], 'no outlines asked for at the switch');
  assert.deepEqual(problems, [], 'no console errors');
});

test('work left on Linyi opens on Linyi again: its outlines are fetched before the app starts', async () => {
  const { page, context } = await session.open();
  await page.locator('select[data-testid="dataset"]').selectOption('linyi');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="linyi"]', { timeout: WAIT_MS });
  await outlinesDrawn(page, 12);
  // Autosave waits for a quiet moment; leaving the page flushes it.
  await page.close();
  const again = await session.open({ context });
  await again.page.waitForSelector('[data-testid="sample-banner"][data-dataset="linyi"]', { timeout: WAIT_MS })
    .catch(() => assert.fail('the reloaded page should be on Linyi'));
  await outlinesDrawn(again.page, 12);
  assert.deepEqual(again.problems, [], 'no console errors');
});

test('a link on Xi\'an opens on Xi\'an, in a new page and pasted into an open one', async () => {
  const { page, context } = await session.open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.locator('select[data-testid="dataset"]').selectOption('xian');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="xian"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="share-button"]').click();
  await page.locator('[data-testid="share-copy"]').click();
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  assert.match(link, /#s=/, `a share link: ${link}`);

  // A new browser opens it: Xi'an's outlines are fetched before the app starts.
  const fresh = await session.open({ url: link });
  await fresh.page.waitForSelector('[data-testid="sample-banner"][data-dataset="xian"]', { timeout: WAIT_MS })
    .catch(() => assert.fail('the link should open on Xi\'an'));
  await outlinesDrawn(fresh.page, 13);

  // Pasted into a page open on the sample (whose idle moment may or may not have read Xi'an's
  // outlines yet: the link waits for them either way).
  const open = await session.open();
  await outlinesDrawn(open.page, 3);
  await open.page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await open.page.waitForSelector('[data-testid="sample-banner"][data-dataset="xian"]', { timeout: WAIT_MS })
    .catch(() => assert.fail('the pasted link should open on Xi\'an'));
  await outlinesDrawn(open.page, 13);
});
