// The first visit on a phone network: the release build served as a configured static host
// serves it (static-server.mjs: Brotli copies), Chromium's network throttled to 4 Mbit/s down,
// 1 Mbit/s up and 80 ms round trip (CDP Network.emulateNetworkConditions), no cache, no service
// worker. Reports, median of LOADS loads: the first contentful paint, the moment the first
// decision is painted, and the bytes fetched until then (on the wire, compressed).
//   node first-load.mjs DIST_DIR PORT LOADS OUT.json
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const [dist, port, loads, outPath] = process.argv.slice(2);
const server = serve(path.resolve(dist), Number(port));
const base = `http://127.0.0.1:${port}/`;
const NETWORK = { offline: false, latency: 80, downloadThroughput: (4e6 / 8), uploadThroughput: (1e6 / 8) };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const runs = [];
  for (let k = 0; k < Number(loads); k++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    let bytes = 0;
    let done = false;
    cdp.on('Network.loadingFinished', (e) => { if (!done) bytes += e.encodedDataLength; });
    // The first decision counts once it is painted: Element Timing's render time of the outcome's
    // symbol, the frame that first shows it. The attribute that asks for the timing is set as the
    // outcome enters the page (a microtask, before that frame), so any build can be measured.
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (window.__firstDecisionMs === undefined && e.identifier === 'first-decision') {
            window.__firstDecisionMs = e.renderTime || e.loadTime;
          }
        }
      }).observe({ type: 'element', buffered: true });
      new MutationObserver((_, obs) => {
        const symbol = document.querySelector('[data-testid="outcome"] .outcome-symbol, [data-testid="guide-outcome"] .outcome-symbol');
        if (symbol) {
          symbol.setAttribute('elementtiming', 'first-decision');
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(base, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => window.__firstDecisionMs !== undefined, null, { timeout: 120_000, polling: 20 });
    done = true;
    const t = await page.evaluate(() => ({
      decision: window.__firstDecisionMs,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    runs.push({ decision_ms: t.decision, fcp_ms: t.fcp, kb: bytes / 1024 });
    await context.close();
  }
  const report = {
    network: '4 Mbit/s down, 1 Mbit/s up, 80 ms RTT (CDP), no cache, no service worker, Brotli copies served',
    first_decision_ms: median(runs.map((r) => r.decision_ms)),
    first_paint_ms: runs.some((r) => r.fcp_ms != null) ? median(runs.filter((r) => r.fcp_ms != null).map((r) => r.fcp_ms)) : null,
    first_load_kb: Math.round(median(runs.map((r) => r.kb))),
    runs,
  };
  writeFileSync(outPath, JSON.stringify(report));
  console.log(`first load: ${report.first_load_kb} KB on the wire; first paint ${Math.round(report.first_paint_ms)} ms; first decision ${Math.round(report.first_decision_ms)} ms (median of ${runs.length})`);
} finally {
  await browser.close();
  server.close();
}
