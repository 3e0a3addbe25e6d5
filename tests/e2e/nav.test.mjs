// The expert view organised by task: the working surface (parameters, map with its legend,
// decision, the change line) on the first screen, every other panel under one tab of a tablist;
// inputs beside the figures they are compared with; links that reach panels and switches out of
// sight; on a phone the change line stays at the top. A bureau desk (1440×900) and a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { axe, openTask, OUTPUT_DIR, PHONE, setParam, useApp, WAIT_MS } from './helpers.mjs';

const session = useApp();
const TASKS = ['application', 'figures', 'coverage', 'review', 'plan', 'assess', 'budget', 'io'];
// Each task's own panel: only the chosen task's is in the page.
const PANEL_OF = {
  application: 'application-form', figures: 'figures', coverage: 'coverage-panel', review: 'review',
  plan: 'plan-panel', assess: 'assess-panel', budget: 'budget-panel', io: 'import-panel',
};

async function desk(options = {}) {
  const context = await session.browser().newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block', ...options });
  return session.open({ context });
}

async function phone(options = {}) {
  const context = await session.browser().newContext({ ...PHONE, serviceWorkers: 'block', ...options });
  return session.open({ context });
}

async function shot(page, name) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });
}

/** The element's box, failing with its selector when it has none (not drawn). */
async function box(page, selector) {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is drawn`);
  return b;
}

/** Whether a box shows on the screen (at least `min` px of it, both ways). */
function onScreen(b, { width, height }, min = 40) {
  return b.y + min <= height && b.y + b.height >= min && b.x + min <= width && b.x + b.width >= min;
}

test('at a desk, after the beds target 7.45 → 7.0 the change line, the decision, the map, its legend and the tabs are all on the first screen', async () => {
  const { page } = await desk();
  const screen = { width: 1440, height: 900 };
  await setParam(page, 'target_beds_per_1000', 7.0);
  await page.locator('[data-testid="change-previous"]').filter({ hasText: '罗庄区' }).waitFor({ timeout: WAIT_MS });
  const line = await box(page, '[data-testid="change-line"]');
  assert.ok(line.y >= 0 && line.y + line.height <= screen.height, `the change line is whole on the screen: ${JSON.stringify(line)}`);
  for (const [what, sel] of [['decision', '[data-testid="outcome"]'], ['map', '[data-testid="map"]'], ['legend', '[data-testid="map-layers"]'], ['tabs', '[data-testid="task-tabs"]']]) {
    const b = await box(page, sel);
    assert.ok(onScreen(b, screen), `${what} is on the first screen after the edit: ${JSON.stringify(b)}`);
  }
  // The legend beside the map, not under it: its top is level with the map's.
  const [map, legend] = [await box(page, '[data-testid="map"]'), await box(page, '[data-testid="map-layers"]')];
  assert.ok(legend.x >= map.x + map.width - 2 && Math.abs(legend.y - map.y) < 40, `the legend sits beside the map: map ${JSON.stringify(map)}, legend ${JSON.stringify(legend)}`);
  await shot(page, 'nav-desk-first-screen');
});

test('each task is one tab; only its panels are in the page, and no task makes the page long', async () => {
  const { page } = await desk();
  assert.equal(await page.locator('[data-testid="task-tabs"] [role="tab"]').count(), TASKS.length);
  const heights = {};
  for (const id of TASKS) {
    await openTask(page, id);
    const tab = page.locator(`[role="tab"][data-task="${id}"]`);
    assert.equal(await tab.getAttribute('aria-selected'), 'true', `${id} is selected`);
    assert.equal(await page.locator('[data-testid="task-panel"]').getAttribute('aria-labelledby'), `task-${id}`);
    for (const [other, testid] of Object.entries(PANEL_OF)) {
      assert.equal(await page.locator(`[data-testid="${testid}"]`).count(), other === id ? 1 : 0,
        `with ${id} open, ${other}'s panel is ${other === id ? '' : 'not '}in the page`);
    }
    heights[id] = await page.evaluate(() => document.documentElement.scrollHeight);
  }
  for (const [id, h] of Object.entries(heights)) assert.ok(h < 4000, `with ${id} open the page is ${h} px tall: ${JSON.stringify(heights)}`);
  await openTask(page, 'review');
  await shot(page, 'nav-desk-review');
});

test('the arrow keys, Home and End move between the tabs and take the focus with them', async () => {
  const { page } = await desk();
  const selected = () => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-task');
  const focused = () => page.evaluate(() => document.activeElement?.dataset?.task ?? document.activeElement?.tagName);
  await page.locator('[role="tab"][aria-selected="true"]').focus();
  assert.equal(await selected(), 'application');
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-testid="figures"]').waitFor({ timeout: WAIT_MS });
  assert.equal(await selected(), 'figures');
  assert.equal(await focused(), 'figures', 'the focus moves with the selection');
  await page.keyboard.press('End');
  assert.equal(await selected(), 'io');
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected(), 'application', 'the arrows wrap around');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selected(), 'io');
  await page.keyboard.press('Home');
  assert.equal(await selected(), 'application');
  assert.equal(await focused(), 'application');
  // Only the selected tab is in the Tab order.
  assert.equal(await page.locator('[role="tab"][tabindex="0"]').count(), 1);
});

test('the fund figures sit beside the fund thresholds and the county figures beside the bed target', async () => {
  const { page } = await desk();
  const near = async (a, b, what) => {
    const [x, y] = [await box(page, a), await box(page, b)];
    const gap = Math.max(0, y.y - (x.y + x.height), x.y - (y.y + y.height));
    assert.ok(gap < 120, `${what}: ${gap} px apart (${JSON.stringify(x)} / ${JSON.stringify(y)})`);
  };
  await near('input[data-param="employee_fund_min_months"]', '[data-beside="employee"]', 'the employee fund months and its minimum');
  await near('input[data-param="resident_fund_min_months"]', '[data-beside="resident"]', 'the resident fund months and its minimum');
  await near('input[data-param="target_beds_per_1000"]', '[data-testid="beside-beds"]', 'the city\'s beds and the target');
  // The same figures the data panel holds, and the same measured values as the figures panel.
  const employee = await page.locator('[data-beside="employee"] dd').innerText();
  const countyRows = await page.locator('[data-testid="beside-counties"] tr[data-county]').count();
  await openTask(page, 'figures');
  const months = await page.locator('input[data-city="fund.employee_months"]').inputValue();
  assert.ok(employee.startsWith(String(Number(months))), `beside: ${employee}; the data panel: ${months}`);
  assert.equal(countyRows, await page.locator('[data-testid="county-figures"] tr[data-county]').count(), 'a line per county');
  const first = await page.locator('[data-testid="county-figures"] tr[data-county]').first().getAttribute('data-county');
  const measured = (await page.locator(`[data-testid="county-figures"] tr[data-county="${first}"] td`).nth(3).innerText()).split(/\s/)[0];
  const beside = await page.locator(`[data-testid="beside-counties"] tr[data-county="${first}"] td`).innerText();
  assert.ok(measured.startsWith(beside.split(/\s/)[0].replace(/0+$/, '')), `${first}: beside ${beside}, figures ${measured}`);
  // A threshold above the city's months: the figure beside it says so at once.
  await setParam(page, 'employee_fund_min_months', 40);
  await page.locator('[data-beside="employee"] .beside-note.is-below').waitFor({ timeout: WAIT_MS });
});

test('the change line links to the full comparison: Compare and gaps opens and its heading lands below the line', async () => {
  const { page } = await desk();
  await setParam(page, 'service_radius_m', 500);
  assert.equal(await page.locator('[data-testid="review"]').count(), 0, 'the comparison is not in the page yet');
  await page.locator('[data-testid="change-compare-link"]').click();
  await page.locator('[data-testid="review"]').waitFor({ timeout: WAIT_MS });
  assert.equal(await page.locator('[role="tab"][data-task="review"]').getAttribute('aria-selected'), 'true');
  await page.waitForFunction(() => {
    const h = document.getElementById('review-heading')?.getBoundingClientRect();
    const line = document.querySelector('[data-testid="change-line"]')?.getBoundingClientRect();
    return h && line && h.top >= line.bottom - 1 && h.top < innerHeight - 40;
  }, null, { timeout: WAIT_MS }).catch(async () => assert.fail(`the heading is not in view below the line: ${JSON.stringify(await page.evaluate(() => [document.getElementById('review-heading')?.getBoundingClientRect(), document.querySelector('[data-testid="change-line"]')?.getBoundingClientRect()]))}`));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'review-heading', 'the focus follows the link');
});

test('a gap links to its switch even when the preset folds that switch away', async () => {
  const { page } = await desk();
  // Try each preset until a gap names a switch the preset does not use (folded away).
  const presets = await page.locator('[data-testid="preset"] option').evaluateAll((os) => os.map((o) => o.value));
  let found = null;
  for (const p of presets) {
    await page.locator('[data-testid="preset"]').selectOption(p);
    await openTask(page, 'review');
    await page.locator('[data-testid="tab-gaps"]').click();
    await page.locator('[data-testid="gaps"]').waitFor({ timeout: WAIT_MS });
    const switches = await page.locator('[data-testid="gaps"] [data-switch-link]').evaluateAll((bs) => bs.map((b) => b.dataset.switchLink));
    for (const sw of switches) {
      if ((await page.locator(`[data-param="${sw}"]`).count()) === 0) { found = { preset: p, sw }; break; }
    }
    if (found) break;
  }
  assert.ok(found, 'some preset has a gap whose switch is folded away');
  await page.locator(`[data-testid="gaps"] [data-switch-link="${found.sw}"]`).first().click();
  await page.locator(`[data-param="${found.sw}"]`).waitFor({ timeout: WAIT_MS });
  await page.waitForFunction((sw) => document.activeElement?.dataset?.param === sw, found.sw, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`${found.preset}: the focus is not on ${found.sw}'s control but on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`));
  const b = await box(page, `[data-param="${found.sw}"]`);
  assert.ok(onScreen(b, { width: 1440, height: 900 }, 10), `the switch is in view: ${JSON.stringify(b)}`);
});

test('on a phone the change line stays in view after an edit deep in the page, and the tabs scroll sideways', async () => {
  const { page } = await phone();
  await setParam(page, 'service_radius_m', 500);
  await page.locator('[data-testid="change-previous"]').filter({ hasText: '500' }).waitFor({ timeout: WAIT_MS }).catch(() => {});
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
  await page.waitForTimeout(100);
  const line = await box(page, '[data-testid="change-line"]');
  assert.ok(line.y >= -1 && line.y < 10, `the line is at the top after scrolling: ${JSON.stringify(line)}`);
  assert.ok(line.height < 740 * 0.3, `the line is compact: ${line.height} px`);
  // The edited input is not under it.
  await page.locator('input[data-param="service_radius_m"]').focus();
  await page.locator('input[data-param="service_radius_m"]').scrollIntoViewIfNeeded();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 361, `no sideways scroll of the page: ${width}`);
  await shot(page, 'nav-phone-scrolled');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'nav-phone-first-screen');
  // A tab tapped low on the screen brings the tabs up, below the line: the task shows at once.
  await openTask(page, 'review');
  await page.waitForTimeout(300);
  const [tabs, after] = [await box(page, '[data-testid="task-tabs"]'), await box(page, '[data-testid="change-line"]')];
  assert.ok(tabs.y >= after.y + after.height - 1 && tabs.y < 740 / 2, `the tabs are up, below the line: tabs ${JSON.stringify(tabs)}, line ${JSON.stringify(after)}`);
  await shot(page, 'nav-phone-review');
});

test('axe-core finds no violation on any task, at a desk and on a phone', async () => {
  for (const [size, open] of [['desk', desk], ['phone', phone]]) {
    const { page } = await open({ bypassCSP: true });
    for (const id of TASKS) {
      await openTask(page, id);
      await axe(page, `${size}, ${id}`);
    }
  }
});
