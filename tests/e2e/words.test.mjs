// What a person reads on the expert view, in both languages: every panel opened, no rule,
// switch or other internal id shows through (page and printouts alike), English pages cite
// clauses in English and name counties in pinyin beside the Chinese, the page's title follows
// the language, and axe-core finds no violation of any kind (best practices included, such as
// heading order) at a desk and on a phone. Run through scripts/test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { axeViolations, openTask, OUTPUT_DIR, unfold, useApp, WAIT_MS } from './helpers.mjs';

const session = useApp();

// Internal ids: a family and a name joined by a dot (`pharmacy.same_type_nearby`,
// `exit.poor_management`), or snake_case words (`saturated_pharmacy_area`). File names and
// addresses a person may read are not ids.
const DOTTED = /\b[a-z][a-z_]*\.[a-z][a-z_]*\b/g;
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
const NOT_IDS = /\.(json|csv|xlsx|geojson|png|pdf|txt|md|js|html|zip)$|^(e\.g|i\.e)$/;
// A missing input is named by its field in the scenario file, so the user can supply it: kept.
const MISSING_FIELD = /(缺少[^（\n]*(?:（[^）\n]*）)?)（[a-z0-9_.[\]=, -]+）|(is missing) \([a-z0-9_.[\]=, -]+\)/g;

function idsIn(text) {
  text = text.replace(MISSING_FIELD, '$1$2');
  const hits = [...(text.match(DOTTED) ?? []), ...(text.match(SNAKE) ?? [])];
  return [...new Set(hits.filter((h) => !NOT_IDS.test(h)))];
}

/** Opens every folded panel (and those it reveals), then returns the page's readable text. */
async function openEverything(page) {
  for (let round = 0; round < 4; round += 1) {
    const n = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('details:not([open])')];
      for (const d of closed) d.open = true;
      return closed.length;
    });
    if (n === 0) break;
    await page.waitForTimeout(100);
  }
}

// The tasks under the map: one task's panels are in the page at a time.
const TASKS = ['application', 'figures', 'coverage', 'review', 'plan', 'assess', 'budget', 'io'];

/** Opens each task in turn with every panel in it opened, and calls `each(task)` there. */
async function everyTask(page, each) {
  for (const id of TASKS) {
    await openTask(page, id);
    await openEverything(page);
    await each(id);
  }
}

async function switchTo(page, lang) {
  const now = await page.evaluate(() => document.documentElement.lang);
  if (!now.startsWith(lang)) {
    await page.locator('[data-testid="lang"]').click();
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang, { timeout: WAIT_MS });
  }
}

/** The plan's print pages and the consultation summary, as their HTML text (hidden on screen). */
async function printoutText(page) {
  // The plan computes once its panel is open.
  await openTask(page, 'plan');
  await unfold(page, 'plan-open');
  await page.waitForSelector('[data-testid="plan-panel"][data-state="done"]', { state: 'attached', timeout: WAIT_MS });
  const text = (s) => page.evaluate((s) => [...document.querySelectorAll(s)].map((e) => e.textContent).join('\n'), s);
  const plan = await text('[data-testid="plan-print"]');
  await openTask(page, 'review');
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('[data-testid="print-summary"]').click();
  await page.waitForSelector('[data-testid="print-summary-doc"]', { state: 'attached', timeout: WAIT_MS });
  return `${plan}\n${await text('[data-testid="print-summary-doc"]')}`;
}

/** The readings register's text as the page's language reads it: the clauses' own quotes and
 * the other language's lines (Chinese alongside, by design) left out. */
async function readingsText(page) {
  await page.locator('[data-testid="readings-link"]').first().click();
  await page.waitForSelector('[data-testid="readings"][open]', { timeout: WAIT_MS });
  const text = await page.evaluate(() => {
    // Each text node on a line of its own, so that the ends of two blocks never read as one word.
    const root = document.querySelector('[data-testid="readings"]');
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const lines = [];
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const e = n.parentElement;
      if (!e.closest('.sub') && e.closest('[lang]').lang === document.documentElement.lang) lines.push(n.textContent);
    }
    return lines.join('\n');
  });
  await page.locator('[data-testid="readings-close"]').click();
  return text;
}

const CHINESE_ORDER = /令\d号|第[一二三四五六七八九十]+条/;
const CHINESE_SECTION = /[一二三四五六七八九十]+[（(][一二三四五六七八九十]+[）)].{0,40}/g;

async function noIds(lang, dataset = 'sample') {
  {
    const { page, problems } = await session.open();
    await page.setViewportSize({ width: 1440, height: 900 });
    await switchTo(page, lang);
    if (dataset !== 'sample') {
      await page.locator('select[data-testid="dataset"]').selectOption(dataset);
      await page.waitForSelector(`[data-testid="sample-banner"][data-dataset="${dataset}"]`, { timeout: WAIT_MS });
      await page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS });
    }
    // A draft that differs from the baseline, so the comparison and the gaps have rows.
    await page.locator('input[type=number][data-param="service_radius_m"]').fill('500');
    await page.locator('input[type=number][data-param="service_radius_m"]').press('Tab');
    let pageText = '';
    await everyTask(page, async () => { pageText += `${await page.evaluate(() => document.body.innerText)}\n`; });
    assert.deepEqual(idsIn(pageText), [], `ids on the ${lang} page (${dataset})`);
    // The printouts wait for the plan, which a debug build takes minutes to make on the whole
    // synthetic city: they are walked on the sample (the same code prints both).
    if (dataset === 'sample') {
      const printed = await printoutText(page);
      assert.ok(printed.length > 200, 'the printouts were made');
      assert.deepEqual(idsIn(printed), [], `ids in the ${lang} printouts`);
    }
    const readings = await readingsText(page);
    assert.ok(readings.length > 200, 'the readings register was read');
    assert.deepEqual(idsIn(readings), [], `ids in the ${lang} readings register`);
    if (lang === 'en') {
      assert.equal(await page.title(), 'dingdian · simulating the designation of insurance providers');
      assert.doesNotMatch(pageText, CHINESE_ORDER, 'clauses cited in English');
      assert.equal(pageText.match(CHINESE_SECTION), null, `sections cited in English (${dataset})`);
      assert.doesNotMatch(readings, CHINESE_ORDER, 'the readings register cites in English');
      assert.equal(readings.match(CHINESE_SECTION), null, 'the readings register cites sections in English');
      assert.match(pageText, /Order No\. 2 Art\. 6\(1\)/);
      assert.match(pageText, /兰山区 \(Lanshan District\)/, 'counties in pinyin beside the Chinese');
    } else {
      assert.match(await page.title(), /医保定点医药机构准入模拟/);
    }
    assert.deepEqual(problems, []);
  }
}

test('every panel opened, in Chinese: no internal id in the page or its printouts', () => noIds('zh'));

test('every panel opened, in English: no internal id in the page or its printouts; clauses in English, counties in pinyin, an English title', () => noIds('en'));

test('the synthetic Linyi, every panel opened, in Chinese: no internal id in the page or the readings register', () => noIds('zh', 'linyi'));

test('the synthetic Linyi, every panel opened, in English: no internal id; clauses in English in the page and the readings register, counties in pinyin', () => noIds('en', 'linyi'));

async function axeClean(name, options) {
  const context = await session.browser().newContext({ ...options, bypassCSP: true, serviceWorkers: 'block' });
  const { page } = await session.open({ context });
  await page.screenshot({ path: path.join(OUTPUT_DIR, `words-${name}.png`) });
  assert.deepEqual(await axeViolations(page, { tags: null }), [], 'as it opens');
  await everyTask(page, async (id) => assert.deepEqual(await axeViolations(page, { tags: null }), [], `with every panel of ${id} opened`));
  await context.close();
}

test('the expert view on a desktop (1440×900): axe-core finds no violation of any impact, folded or opened', () =>
  axeClean('desktop', { viewport: { width: 1440, height: 900 } }));

test('the expert view on a phone (360×740): axe-core finds no violation of any impact, folded or opened', () =>
  axeClean('phone', { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }));
