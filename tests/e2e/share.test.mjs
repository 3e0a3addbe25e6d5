// Browser end-to-end tests of sharing and keeping: a copied share link opens the same
// scenario in another browser, a reload or a closed tab keeps the edits, a damaged link says why
// and opens the default scenario, the language follows ?lang= and storage, storage that is full
// or blocked is reported while the app keeps working, scenario files go out and come back, the
// sweep chart downloads as PNG. Run: /work/e2e.sh <worktree> tests/e2e/share.test.mjs (or
// scripts/test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  BASE_URL,
  OUTPUT_DIR,
  WAIT_MS,
  expectOutcome,
  launchBrowser,
  openApp,
  openTask,
  setParam,
} from './helpers.mjs';

let browser;
const contexts = [];

before(async () => {
  browser = await launchBrowser();
  mkdirSync(OUTPUT_DIR, { recursive: true });
});

after(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

async function open(options) {
  const app = await openApp(browser, options);
  contexts.push(app.context);
  return app;
}

const radius = (page) => page.locator('input[type=number][data-param="service_radius_m"]').inputValue();
const shot = (page, name) => page.screenshot({ path: path.join(OUTPUT_DIR, `${name}.png`) });

/** Waits until autosave wrote something other than `before` (it waits for a quiet moment). */
async function autosaved(page, before) {
  await page
    .waitForFunction((b) => {
      const v = localStorage.getItem('dingdian.work');
      return v !== null && v !== b;
    }, before, { timeout: WAIT_MS })
    .catch(() => assert.fail('autosave did not write the work to localStorage'));
  return page.evaluate(() => localStorage.getItem('dingdian.work'));
}

/** Opens the share menu and copies the link; returns the link the page shows. */
async function copyLink(page) {
  await page.locator('[data-testid="share-button"]').click();
  await page.locator('[data-testid="share-copy"]').click();
  const field = page.locator('[data-testid="share-link"]');
  await field.waitFor({ state: 'visible', timeout: WAIT_MS });
  return field.inputValue();
}

test('a copied share link opens the same parameters and decision in another browser', async () => {
  const { page, context } = await open();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
  await expectOutcome(page, 'rejected', 'the sample application under the preset');
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting the radius to 500 m');

  const shown = await copyLink(page);
  await page.locator('[data-testid="share-status"][data-copied="true"]').waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('the menu did not confirm the copy'));
  const status = await page.locator('[data-testid="share-status"] [role="status"]').innerText();
  assert.match(status, /已复制|copied/, `a visible confirmation, got "${status}"`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, shown, 'the clipboard holds the link the menu shows');
  assert.match(copied, /#s=\d+\.[A-Za-z0-9_-]+$/, `a versioned link: ${copied}`);
  await shot(page, 'share-menu-desktop');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForTimeout(200);
  // On a phone the share menu sits in the header's folded menu (opening that closes it).
  await page.locator('[data-testid="menu-button"]').click();
  await copyLink(page);
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `the open menu makes no sideways scroll on a phone: ${widths}`);
  const menu = await page.locator('[data-testid="share-menu"]').boundingBox();
  assert.ok(menu.x >= 0 && menu.x + menu.width <= 360, `the menu fits the phone: ${JSON.stringify(menu)}`);
  await shot(page, 'share-menu-phone');

  // A tap outside closes the menu.
  await page.locator('.app-header h1').click();
  await page.locator('[data-testid="share-menu"]').waitFor({ state: 'detached', timeout: WAIT_MS })
    .catch(() => assert.fail('a tap outside the menu did not close it'));

  // The link pasted into the address of an open page (only the fragment changes) opens too.
  await setParam(page, 'service_radius_m', 1500);
  await page.evaluate((l) => { location.hash = new URL(l).hash; }, copied);
  await page.waitForFunction(() => document.querySelector('input[type=number][data-param="service_radius_m"]')?.value === '500', null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`a pasted link did not open: radius ${await radius(page)}`));
  // The work it replaced (1500 m) can be brought back.
  await page.locator('[data-testid="restore-previous"]').last().click();
  await page.waitForFunction(() => document.querySelector('input[type=number][data-param="service_radius_m"]')?.value === '1500', null, { timeout: WAIT_MS })
    .catch(async () => assert.fail(`the replaced work did not come back: radius ${await radius(page)}`));

  // Another browser (fresh storage) opens the link.
  const other = await open({ url: copied });
  await expectOutcome(other.page, 'prioritized', 'the link opens the same decision');
  assert.equal(await radius(other.page), '500', 'the link opens the same radius');
  assert.equal(await other.page.locator('[data-testid="as-of"]').inputValue(),
    await page.locator('[data-testid="as-of"]').inputValue(), 'the link judges on the day it was made');
  const notice = other.page.locator('[data-testid="notice"][data-level="info"]');
  assert.match(await notice.innerText(), /分享链接|shared link/);
  assert.ok(!other.page.url().includes('#s='), `the link leaves the address once opened: ${other.page.url()}`);
  // A reload now opens the autosaved work (the link's state), not the link again.
  await setParam(other.page, 'service_radius_m', 1500);
  await autosaved(other.page, null);
  await other.page.reload();
  await other.page.locator('[data-testid="outcome"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.equal(await radius(other.page), '1500', 'later edits survive a reload after opening a link');
});

test('a reload and a closed tab keep the edits; reset to preset asks first', async () => {
  const { page, context } = await open();
  const first = await autosaved(page, null);
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting the radius to 500 m');
  await autosaved(page, first);

  await page.reload();
  await expectOutcome(page, 'prioritized', 'the reloaded page keeps the decision');
  assert.equal(await radius(page), '500', 'the reloaded page keeps the radius');

  await page.close();
  const again = await open({ context });
  await expectOutcome(again.page, 'prioritized', 'a new tab after closing the old one keeps the decision');
  assert.equal(await radius(again.page), '500');

  const p = again.page;
  await p.locator('[data-testid="share-button"]').click();
  await p.locator('[data-testid="share-reset"]').click();
  const dialog = p.locator('dialog[data-testid="reset-dialog"]');
  await dialog.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.equal(await dialog.getAttribute('aria-labelledby'), 'reset-title');
  assert.equal(await p.evaluate(() => document.activeElement?.dataset.testid), 'reset-cancel',
    'the safe choice has the focus');
  await shot(p, 'reset-dialog-desktop');
  await p.setViewportSize({ width: 360, height: 740 });
  await shot(p, 'reset-dialog-phone');
  await p.setViewportSize({ width: 1400, height: 900 });
  await p.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden', timeout: WAIT_MS });
  assert.equal(await radius(p), '500', 'Escape discards nothing');

  if (!(await p.locator('[data-testid="share-reset"]').isVisible())) await p.locator('[data-testid="share-button"]').click();
  await p.locator('[data-testid="share-reset"]').click();
  await p.locator('[data-testid="reset-confirm"]').click();
  await expectOutcome(p, 'rejected', 'after reset to preset');
  assert.equal(await radius(p), '800', 'the preset radius is back');
});

test('a tampered or cut link shows a message in the page and the default scenario', async () => {
  // The clipboard refused: the link is shown, selected, to copy by hand.
  const { page } = await open({
    init: () => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    },
  });
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting the radius to 500 m');
  const link = await copyLink(page);
  await page.locator('[data-testid="share-status"][data-copied="false"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  const selected = await page.evaluate(() => {
    const el = document.activeElement;
    return el?.dataset.testid === 'share-link' && el.selectionStart === 0 && el.selectionEnd === el.value.length;
  });
  assert.ok(selected, 'the fallback field has the focus with the whole link selected');
  await shot(page, 'share-fallback-desktop');

  for (const [bad, why] of [
    [link.slice(0, -12), /damaged or cut short|已损坏或被截断/],
    [link.replace(/#s=(\d+)\./, '#s=$1.%25'), /cannot occur|不是链接编码中的字符/],
    [link.replace(/#s=\d+\./, '#s=9.'), /newer version \(format 9\)|更新的版本生成（格式 9）/],
  ]) {
    const other = await open({ url: bad });
    await expectOutcome(other.page, 'rejected', `the default scenario after ${bad.slice(-30)}`);
    assert.equal(await radius(other.page), '800', 'the default radius');
    const notice = other.page.locator('[data-testid="notice"][data-level="warning"]');
    await notice.waitFor({ state: 'visible', timeout: WAIT_MS });
    const text = await notice.innerText();
    assert.match(text, why);
    assert.ok(/链接/.test(text) && /link/.test(text), `the message is in both languages: ${text}`);
    if (why.source.includes('damaged')) {
      await shot(other.page, 'notice-bad-link-desktop');
      await other.page.setViewportSize({ width: 360, height: 740 });
      await other.page.waitForTimeout(200);
      await shot(other.page, 'notice-bad-link-phone');
      await other.page.locator('[data-testid="notice-dismiss"]').first().click();
      assert.equal(await other.page.locator('[data-testid="notice"]').count(), 0, 'the notice can be dismissed');
    }
  }
});

test('a bad link does not cost the autosaved work: it can be restored', async () => {
  const { page, context } = await open();
  const first = await autosaved(page, null);
  await setParam(page, 'service_radius_m', 500);
  await autosaved(page, first);
  await page.close();
  const other = await open({ context, url: `${BASE_URL}#s=1.AAAA`, waitMs: 4 * WAIT_MS });
  await expectOutcome(other.page, 'rejected', 'the default scenario');
  await other.page.locator('[data-testid="restore-previous"]').click();
  await expectOutcome(other.page, 'prioritized', 'the earlier work is back');
  assert.equal(await radius(other.page), '500');
});

test('the language toggle changes the trace, the address (?lang=) and survives a reload', async () => {
  const { page } = await open();
  const trace = page.locator('ol[data-testid="trace"]');
  const zh = await trace.innerText();
  assert.match(zh, /[\u4e00-\u9fff]/, 'the trace starts in Chinese');
  await page.locator('[data-testid="lang"]').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'en', null, { timeout: WAIT_MS });
  const en = await trace.innerText();
  assert.notEqual(en, zh);
  assert.match(en, /pharmac/i, `the trace speaks English: ${en.slice(0, 120)}`);
  await page.reload();
  await page.locator('ol[data-testid="trace"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.match(await page.locator('ol[data-testid="trace"]').innerText(), /pharmac/i, 'still English after a reload');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  // Storage keeps it too: the bare address opens in English; ?lang=zh wins over storage.
  await page.goto(BASE_URL);
  await page.locator('ol[data-testid="trace"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.match(await page.locator('ol[data-testid="trace"]').innerText(), /pharmac/i, 'storage keeps English');
  await page.goto(`${BASE_URL}?lang=zh`);
  await page.locator('ol[data-testid="trace"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  assert.match(await page.locator('ol[data-testid="trace"]').innerText(), /[\u4e00-\u9fff]/, '?lang=zh wins');
});

test('storage full or blocked is reported and the app keeps working', async () => {
  const full = await open({
    init: () => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  });
  await setParam(full.page, 'service_radius_m', 500);
  await expectOutcome(full.page, 'prioritized', 'the app works with storage full');
  const notice = full.page.locator('[data-testid="notice"][data-level="warning"]');
  await notice.waitFor({ state: 'visible', timeout: WAIT_MS });
  const text = await notice.innerText();
  assert.match(text, /QuotaExceededError/);
  assert.match(text, /无法自动保存/);
  assert.match(text, /Autosave failed/);
  await setParam(full.page, 'service_radius_m', 600);
  await full.page.waitForTimeout(1200);
  assert.equal(await full.page.locator('[data-testid="notice"]').count(), 1, 'said once, not on every edit');
  await full.page.evaluate(() => window.scrollTo(0, 0));
  await shot(full.page, 'notice-storage-full-desktop');
  await full.page.setViewportSize({ width: 360, height: 740 });
  await full.page.waitForTimeout(200);
  await full.page.evaluate(() => window.scrollTo(0, 0));
  await shot(full.page, 'notice-storage-full-phone');

  const blocked = await open({
    init: () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
  });
  await blocked.page.locator('[data-testid="notice"][data-level="warning"]').waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.match(await blocked.page.locator('[data-testid="notice"]').first().innerText(), /SecurityError/);
  await setParam(blocked.page, 'service_radius_m', 500);
  await expectOutcome(blocked.page, 'prioritized', 'the app works with storage blocked');
});

test('the scenario file downloads, a bad one is refused naming the field, a good one opens', async () => {
  const { page } = await open();
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting the radius to 500 m');
  await page.locator('[data-testid="share-button"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="share-download"]').click()]);
  const file = path.join(OUTPUT_DIR, 'scenario.json');
  await download.saveAs(file);
  const scenario = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(scenario.policy.preset, 'linyi-2025');
  assert.equal(scenario.policy.overrides.service_radius_m, 500);

  const bad = structuredClone(scenario);
  bad.applications[0].lat = 95;
  const badFile = path.join(OUTPUT_DIR, 'scenario-bad.json');
  writeFileSync(badFile, JSON.stringify(bad));
  await setParam(page, 'service_radius_m', 1500);
  await page.locator('[data-testid="share-file"]').setInputFiles(badFile);
  const notice = page.locator('[data-testid="notice"][data-level="warning"]');
  await notice.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.match(await notice.innerText(), /applications\[0\]\.lat: 95 is outside -90\.\.90/);
  assert.equal(await radius(page), '1500', 'the current work is kept');

  await page.locator('[data-testid="share-file"]').setInputFiles(file);
  await expectOutcome(page, 'prioritized', 'the opened file decides as it did');
  assert.equal(await radius(page), '500', 'the file brings its parameters');
  assert.equal(await page.locator('select[data-testid="dataset"]').inputValue(), 'imported');
});

test('the sweep chart downloads as a PNG image', async () => {
  const { page } = await open();
  await openTask(page, 'review');
  const tab = page.locator('[data-testid="tab-sweep"]');
  await tab.scrollIntoViewIfNeeded();
  await tab.click();
  await page.locator('[data-testid="sweep-run"]').click();
  await page.locator('[data-testid="sweep-progress-text"][data-done="true"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="sweep-png"]').click()]);
  assert.equal(png.suggestedFilename(), 'dingdian-sweep-service_radius_m.png');
  const file = path.join(OUTPUT_DIR, 'sweep.png');
  await png.saveAs(file);
  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
  assert.equal(bytes.readUInt32BE(16), 1360, 'drawn at twice the chart width');
  assert.ok(bytes.length > 10_000, `the image has the chart in it (${bytes.length} bytes)`);
});

test('after a crash the error box says the work is saved, and a reload brings it back with its baseline', async () => {
  const { page } = await open();
  const first = await autosaved(page, null);
  await setParam(page, 'service_radius_m', 600);
  await openTask(page, 'review');
  const setBaseline = page.locator('[data-testid="set-baseline"]');
  await setBaseline.scrollIntoViewIfNeeded();
  await setBaseline.click();
  await page.locator('[data-testid="compare"][data-custom-baseline="true"]').waitFor({ state: 'attached', timeout: WAIT_MS });
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting the radius to 500 m');
  await autosaved(page, first);
  await page.evaluate(() => {
    try {
      window.__dingdianProvokePanic();
    } catch {
      // a release build aborts after the panic hook has run
    }
  });
  const box = page.locator('#fatal-error');
  await box.waitFor({ state: 'visible', timeout: WAIT_MS });
  const text = await box.innerText();
  assert.ok(text.includes('重新加载页面即可恢复') && text.includes('reloading the page restores it'), text);
  await Promise.all([page.waitForEvent('load', { timeout: WAIT_MS }), page.locator('#fatal-error button').click()]);
  await expectOutcome(page, 'prioritized', 'the reloaded page has the edits');
  assert.equal(await radius(page), '500');
  await openTask(page, 'review');
  await page.locator('[data-testid="compare"][data-custom-baseline="true"]').waitFor({ state: 'attached', timeout: WAIT_MS })
    .catch(() => assert.fail('the baseline the user set did not come back'));
});

test('a link of an opened file too large for a link says the data is left out', async () => {
  const { page } = await open();
  await page.locator('select[data-testid="dataset"]').selectOption('linyi');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="linyi"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="share-button"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="share-download"]').click()]);
  const file = path.join(OUTPUT_DIR, 'scenario-linyi.json');
  await download.saveAs(file);
  await page.locator('[data-testid="share-file"]').setInputFiles(file);
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="imported"]', { timeout: WAIT_MS });
  const link = await copyLink(page);
  const leftOut = page.locator('[data-testid="share-left-out"]');
  await leftOut.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => assert.fail('no note that the data is left out'));
  assert.match(await leftOut.innerText(), /未放入链接|too large/);
  assert.ok(link.length < 8 * 1024, `the link stays short: ${link.length}`);
  const other = await open({ url: link });
  const notice = other.page.locator('[data-testid="notice"][data-level="warning"]');
  await notice.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.match(await notice.innerText(), /too large for the link/);
});

/** Downloads the synthetic Linyi as a scenario file and opens it: large imported data. */
async function openLargeFile(page) {
  await page.locator('select[data-testid="dataset"]').selectOption('linyi');
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="linyi"]', { timeout: WAIT_MS });
  await page.locator('[data-testid="share-button"]').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="share-download"]').click()]);
  const file = path.join(OUTPUT_DIR, 'scenario-linyi-large.json');
  await download.saveAs(file);
  await page.locator('[data-testid="share-file"]').setInputFiles(file);
  await page.waitForSelector('[data-testid="sample-banner"][data-dataset="imported"]', { timeout: WAIT_MS });
}

/** The length of the text IndexedDB holds under `key` (0: none). */
const largeStored = (page, key) =>
  page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('dingdian', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('texts');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('texts').objectStore('texts').get(k);
          get.onsuccess = () => resolve(typeof get.result === 'string' ? get.result.length : 0);
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );

test('large opened data is autosaved in IndexedDB and opens again on the next visit', async () => {
  const { page, context } = await open();
  await openLargeFile(page);
  await page
    .waitForFunction(() => localStorage.getItem('dingdian.work') === 'dingdian:in-indexeddb', null, { timeout: WAIT_MS })
    .catch(() => assert.fail('local storage does not point to the larger store'));
  const stored = await largeStored(page, 'dingdian.work');
  assert.ok(stored > 256 * 1024, `IndexedDB holds the work (${stored} characters)`);
  const banner = await page.locator('[data-testid="sample-banner"]').innerText();

  // A city's worth of data takes a while to decode and index on a loaded machine.
  const again = await open({ context, waitMs: 4 * WAIT_MS });
  await again.page
    .waitForSelector('[data-testid="sample-banner"][data-dataset="imported"]', { timeout: 4 * WAIT_MS })
    .catch(() => assert.fail('the large work did not open again from IndexedDB'));
  assert.equal(await again.page.locator('[data-testid="sample-banner"]').innerText(), banner);
  assert.equal(await again.page.locator('[data-testid="notice"][data-level="warning"]').count(), 0);
  await again.page.close();

  // A bad link opened over it puts it aside, in IndexedDB too, and it can be brought back.
  const other = await open({ context, url: `${BASE_URL}#s=1.AAAA`, waitMs: 4 * WAIT_MS });
  await other.page.waitForSelector('[data-testid="sample-banner"][data-dataset="sample"]', { timeout: WAIT_MS });
  await other.page.locator('[data-testid="restore-previous"]').click();
  await other.page
    .waitForSelector('[data-testid="sample-banner"][data-dataset="imported"]', { timeout: 4 * WAIT_MS })
    .catch(() => assert.fail('the large work put aside did not come back'));
  assert.equal(await other.page.locator('[data-testid="sample-banner"]').innerText(), banner);
});

test('without IndexedDB large work is saved in local storage, and a store that refuses both is reported', async () => {
  const noIdb = () => Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
  const plain = await open({ init: noIdb });
  await openLargeFile(plain.page);
  await plain.page
    .waitForFunction(() => (localStorage.getItem('dingdian.work') ?? '').length > 256 * 1024, null, { timeout: WAIT_MS })
    .catch(() => assert.fail('the large work is not in local storage'));

  const full = await open({
    init: () => {
      Object.defineProperty(window, 'indexedDB', { configurable: true, get: () => undefined });
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (String(v).length > 100000) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return real.call(this, k, v);
      };
    },
  });
  await openLargeFile(full.page);
  const notice = full.page.locator('[data-testid="notice"][data-level="warning"]');
  await notice.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => assert.fail('the failed save was not reported'));
  const text = await notice.innerText();
  assert.match(text, /IndexedDB/);
  assert.match(text, /QuotaExceededError/);
  assert.match(text, /无法自动保存/);
});

test('the work is saved on leaving the page, before the autosave delay has passed', async () => {
  const { page, context } = await open();
  await autosaved(page, null);
  // The delayed autosave never fires in this page: only the save on leaving (or hiding) can
  // write the edit below. Counting the timers swallowed shows the delay really was pending.
  await page.evaluate(() => {
    const real = window.setTimeout;
    window.__swallowed = 0;
    window.setTimeout = (f, ms, ...args) => (ms === 700 ? (window.__swallowed++, 0) : real(f, ms, ...args));
  });
  const before = await page.evaluate(() => localStorage.getItem('dingdian.work'));
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting the radius to 500 m');
  assert.ok((await page.evaluate(() => window.__swallowed)) > 0, 'the edit scheduled a delayed autosave');
  assert.equal(await page.evaluate(() => localStorage.getItem('dingdian.work')), before, 'nothing saved yet');

  // Leaving: another address in the same tab, then the app again in a new tab.
  await page.goto('about:blank');
  await page.close();
  const again = await open({ context });
  await expectOutcome(again.page, 'prioritized', 'the edit made just before leaving is back');
  assert.equal(await radius(again.page), '500');

  // Hiding the tab (switching away, which may be the last the page sees) saves too.
  await again.page.evaluate(() => {
    const real = window.setTimeout;
    window.setTimeout = (f, ms, ...args) => (ms === 700 ? 0 : real(f, ms, ...args));
  });
  const saved = await again.page.evaluate(() => localStorage.getItem('dingdian.work'));
  await setParam(again.page, 'service_radius_m', 1500);
  await expectOutcome(again.page, 'rejected', 'after setting the radius to 1500 m');
  assert.equal(await again.page.evaluate(() => localStorage.getItem('dingdian.work')), saved, 'nothing saved yet');
  await again.page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  assert.notEqual(await again.page.evaluate(() => localStorage.getItem('dingdian.work')), saved, 'hiding the tab saved the work');
  const third = await open({ context });
  assert.equal(await radius(third.page), '1500', 'a new tab opens the work saved when the other was hidden');
});

test('a scenario file over the size limit is refused by its size, unread, and the work stays', async () => {
  const { page } = await open();
  await setParam(page, 'service_radius_m', 500);
  await expectOutcome(page, 'prioritized', 'after setting the radius to 500 m');
  // Sparse: 101 MB on paper, nothing on disk, never read by the browser if refused in time.
  const file = path.join(OUTPUT_DIR, 'scenario-101mb.json');
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 101 * 1024 * 1024);
  closeSync(fd);
  await page.locator('[data-testid="share-button"]').click();
  await page.locator('[data-testid="share-file"]').setInputFiles(file);
  const notice = page.locator('[data-testid="notice"][data-level="warning"]');
  await notice.waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => assert.fail('no message for a 101 MB scenario file'));
  assert.match(await notice.innerText(), /101\.0 MB.*100\.0 MB/, 'the message names the size and the limit');
  assert.equal(await radius(page), '500', 'the current work is kept');
  unlinkSync(file);
});
