import { launchBrowser, openApp } from './helpers.mjs';
const browser = await launchBrowser();
const out = '/tmp/samples';
for (const [w, h, tag, mobile] of [[1440, 900, 'desk', false], [360, 740, 'phone', true]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block', isMobile: mobile, hasTouch: mobile, deviceScaleFactor: 1 });
  const { page } = await openApp(browser, { context });
  if (tag === 'desk') {
    await page.screenshot({ path: `${out}/zh-${tag}.png` });
    await page.locator('[data-testid="lang"]').click(); await page.waitForTimeout(600);
    await page.screenshot({ path: `${out}/en-${tag}.png` });
    await page.locator('[data-testid="lang"]').click(); await page.waitForTimeout(600);
  }
  await page.locator('select[data-testid="dataset"]').selectOption('linyi').catch(async () => {
    // On a phone the header folds into a menu.
    await page.locator('[data-testid="menu"]').click().catch(() => {});
    await page.locator('select[data-testid="dataset"]').selectOption('linyi');
  });
  await page.waitForTimeout(4000);
  await page.screenshot({ path: `${out}/linyi-${tag}.png` });
  const deciding = page.locator('[data-testid="other-apps"], .panel-decision h3').first();
  await page.locator('.panel-decision').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/linyi-decision-${tag}.png` });
  await page.locator('.results-details summary').first().click().catch(() => {});
  await page.waitForTimeout(500);
  await page.locator('.results-details').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/linyi-results-${tag}.png` });
  await context.close();
}
await browser.close();
