// dingdian's app in headless Chromium: the release build served from a local static server.
// 1. First render: a fresh page of the app until its first outcome is on screen (ms since
//    navigation start, median of RENDERS loads).
// 2. The engine: the app's `#bench-compare` page runs `bench::compare_run` (the app's own WASM,
//    timed with performance.now()) on the shared dataset, fetched from the same server.
//   node chromium.mjs BASE_URL DATA_PATH_ON_SERVER RUNS RENDERS OUT.json
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, dataPath, runs, renders, outPath] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const version = browser.version();
  const firstRender = [];
  for (let k = 0; k < Number(renders); k++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // The moment the first outcome is in the DOM, recorded by the page itself (no polling lag).
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-testid="outcome"]')) {
          window.__firstOutcomeMs = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(base, { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid="outcome"]', { state: 'attached', timeout: 60_000 });
    firstRender.push(await page.evaluate(() => window.__firstOutcomeMs));
    await context.close();
  }
  firstRender.sort((a, b) => a - b);

  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}#bench-compare`);
  await page.waitForSelector('[data-testid="bench-compare-ready"]', { timeout: 60_000 });
  const json = await page.evaluate(
    async ([url, runs]) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      return window.__dingdianCompare(bytes, runs);
    },
    [dataPath, Number(runs)],
  );
  if (errors.length) throw new Error(errors.join('\n'));
  const report = JSON.parse(json);
  if (report.error) throw new Error(report.error);
  report.tool += `, Chromium ${version}`;
  report.first_render_ms = firstRender[Math.floor(firstRender.length / 2)];
  report.first_render_all_ms = firstRender;
  writeFileSync(outPath, JSON.stringify(report));
} finally {
  await browser.close();
}
