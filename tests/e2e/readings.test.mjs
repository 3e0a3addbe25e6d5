// The readings register (解读登记): a trace entry or an outcome that rests on a switch or an
// assumption says so by name and links to the register, which opens at that entry with the
// clause quoted, the question, the readings and each preset's default and reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, WAIT_MS, expectOutcome, normalise, setParam, traceItem, useApp } from './helpers.mjs';

const session = useApp();
const dialog = '[data-testid="readings"]';

test('a trace entry resting on assumptions names them and opens the register at the entry', async () => {
  const { page } = await session.open();
  // Linyi's pharmacy area classes rest on thresholds the draft does not give.
  const mark = page.locator(`${traceItem('pharmacy.area_class')} [data-testid="trace-reading"]`);
  await mark.waitFor({ state: 'visible', timeout: WAIT_MS });
  const text = normalise(await mark.innerText());
  assert.ok(text.includes('解读') && text.includes('reading'), `the mark says 解读 reading: "${text}"`);
  assert.ok(text.includes('“相对不足”上限'), `the mark names the assumption, not its id: "${text}"`);
  assert.ok(!text.includes('pharmacy_insufficient_below_per_10k'), `no raw id in the mark: "${text}"`);

  await mark.locator('a[data-reading-link="pharmacy_insufficient_below_per_10k"]').click();
  const entry = page.locator(`${dialog} #reading-pharmacy_insufficient_below_per_10k`);
  await entry.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.equal(new URL(page.url()).hash, '#reading-pharmacy_insufficient_below_per_10k');
  const body = normalise(await entry.innerText());
  assert.ok(body.includes('linyi-2025 三(二)'), `the entry cites its clause: "${body}"`);
  assert.ok(body.includes('目前定点零售药店相对不足的区域'), `the entry quotes the text: "${body}"`);
  assert.ok(body.includes('假设：规划未给出数值'), `the entry gives the preset's reason: "${body}"`);
  const inView = await entry.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  assert.ok(inView, 'the register opens scrolled to the entry');

  await page.keyboard.press('Escape');
  await page.locator(dialog).waitFor({ state: 'hidden', timeout: WAIT_MS });
  assert.equal(new URL(page.url()).hash, '', 'closing the register takes its fragment off the address');
});

test('an outcome decided by a switch or an assumption carries the mark beside it, and Back closes the register', async () => {
  const { page } = await session.open();
  const mark = page.locator('[data-testid="outcome-reading"]');
  // Rejected by the 800 m of the text itself: no reading decided it.
  await expectOutcome(page, 'rejected', 'the default application');
  assert.equal(await mark.count(), 0, 'an outcome the text decides carries no reading mark');

  // No same-type pharmacy in reach: the blank 1 km cell (an assumed grid) makes it a priority.
  await setParam(page, 'service_radius_m', 100);
  await expectOutcome(page, 'prioritized', 'nothing in reach, blank area');
  await mark.waitFor({ state: 'visible', timeout: WAIT_MS });
  let text = normalise(await mark.innerText());
  assert.ok(text.includes('区域网格边长'), `the outcome mark names the assumed grid: "${text}"`);

  // Areas of 20 km, every one saturated: the text is silent on new pharmacies there (三(二)).
  await setParam(page, 'pharmacy_area_cell_m', 20000);
  await setParam(page, 'pharmacy_insufficient_below_per_10k', 0.05);
  await setParam(page, 'pharmacy_saturated_above_per_10k', 0.1);
  await expectOutcome(page, 'undetermined', 'saturated area, nothing in reach');
  text = normalise(await mark.innerText());
  assert.ok(text.includes('“相对饱和”区域的新药店'), `the outcome mark names the switch: "${text}"`);

  await mark.locator('a[data-reading-link="saturated_pharmacy_area"]').click();
  const entry = page.locator(`${dialog} #reading-saturated_pharmacy_area`);
  await entry.waitFor({ state: 'visible', timeout: WAIT_MS });
  const body = normalise(await entry.innerText());
  assert.ok(body.includes('逐步优化定点零售药店的布局及密度'), `quotes 三(二): "${body}"`);
  assert.ok(body.includes('未说是否受理新申请'), `asks the open question: "${body}"`);
  for (const reading of ['条文未规定(待定)', '可以受理', '不予受理']) {
    assert.ok(body.includes(reading), `lists the reading ${reading}: "${body}"`);
  }
  const inForce = entry.locator('li.is-in-force');
  assert.equal(await inForce.getAttribute('data-value'), 'gap', 'the reading in force is marked');
  // Xi'an's default is in reach too.
  assert.equal(await entry.locator('tr[data-preset="xian-2025"]').count(), 1, "the other preset's default is listed");

  await page.goBack();
  await page.locator(dialog).waitFor({ state: 'hidden', timeout: WAIT_MS });
  await expectOutcome(page, 'undetermined', 'Back closes the register and keeps the work');
});

test('the header opens the register; an address with an entry opens it there', async () => {
  const { page } = await session.open();
  await page.locator('[data-testid="readings-link"]').click();
  await page.locator(`${dialog} #readings-heading`).waitFor({ state: 'visible', timeout: WAIT_MS });
  const switches = await page.locator(`${dialog} .reading-entry`).evaluateAll((els) => els.map((e) => e.dataset.reading));
  for (const id of ['between_band', 'city_supply_scope', 'same_type_nearby_effect', 'key_project_escapes_fund']) {
    assert.ok(switches.includes(id), `the register lists ${id}; it has ${switches.join(', ')}`);
  }
  await page.locator('[data-testid="readings-close"]').click();
  await page.locator(dialog).waitFor({ state: 'hidden', timeout: WAIT_MS });

  const direct = await session.open({ url: `${BASE_URL}#reading-between_band` });
  const entry = direct.page.locator(`${dialog} #reading-between_band`);
  await entry.waitFor({ state: 'visible', timeout: WAIT_MS });
  assert.ok(normalise(await entry.innerText()).includes('linyi-2025 三(一)1(1)(2)'));
});
