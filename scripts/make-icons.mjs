#!/usr/bin/env node
// Renders the app's icons (www/icons/*.svg, drawn by hand) to the PNG sizes a web app manifest
// needs for "add to home screen": 192 and 512 px, and a maskable 512 px. Run it after changing
// an SVG; the PNGs are committed. Needs Debian's chromium (scripts/setup installs it).
//
// Usage: node scripts/make-icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'www', 'icons');
const OUT = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  for (const [svg, size, png] of OUT) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${readFileSync(path.join(dir, svg)).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.waitForFunction(() => document.images[0].complete);
    await page.screenshot({ path: path.join(dir, png), omitBackground: true });
    console.log(`make-icons.mjs: ${png} (${size} px)`);
  }
} finally {
  await browser.close();
}
