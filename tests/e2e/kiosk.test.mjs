// Kiosk mode (/kiosk): nothing in any browser storage, inactivity warning then a full wipe,
// "Klaar — wis alles", nothing reachable by going back, touch targets of at least 44 px,
// and the staff PIN to leave.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  launch, openApp, assertClean, assertNoAxeViolations, answerScreens, flatAnswers, questionsOnScreen, NL, BASE,
} from './helpers.mjs';

const require = createRequire(import.meta.url);
const jsQR = require('jsqr');
const { PNG } = require('pngjs');

const PIN = '4821';
// What `PIN_ENV=4821 werkmap kiosk pin --pin-env PIN_ENV` wrote: kiosk.json holds only this.
const PIN_HASH = {
  kdf: 'argon2id', m_kib: 65536, t: 3, p: 1,
  salt: 'U+aH6dg6hJNgHl43M8uzLw', hash: '07JGnWdrtrC9oesskbNkJoYqxeSoMlVBCy33iGccj5A',
};
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A kiosk page with a test configuration (short timeouts, a known PIN). */
async function openKiosk({ inactivity = 600, warning = 30, viewport = { width: 1080, height: 1920 }, config } = {}) {
  const app = await openApp(browser, { viewport, hasTouch: true });
  await app.context.route('**/kiosk.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify(config ?? { staff_pin_hash: PIN_HASH, inactivity_seconds: inactivity, warning_seconds: warning }),
  }));
  await app.page.goto(`${BASE}/kiosk`);
  await app.page.getByRole('heading', { level: 1, name: NL['kiosk.title'] }).waitFor();
  return app;
}

async function completeKioskSelfTest(page) {
  await page.getByRole('link', { name: NL['home.start'], exact: true }).click();
  await answerScreens(page, flatAnswers(), { base: '/kiosk', tap: true });
}

/** Everything a browser could keep for this origin. */
async function everyStore(page) {
  return page.evaluate(async () => {
    const cached = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) cached.push(new URL(request.url).pathname);
    }
    const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    return {
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      cookies: document.cookie,
      indexedDB: databases,
      cached,
    };
  });
}

test('a visitor completes the self-test, nothing is stored, and inactivity wipes everything', async () => {
  const { context, page, log } = await openKiosk({ inactivity: 3, warning: 2 });
  try {
    // Short timeouts: every answer keeps the kiosk awake, so the test stays ahead of them.
    await completeKioskSelfTest(page);
    const result = await page.locator('main').innerText();
    assert.ok(result.includes(NL['result.strengths']));
    // A young visitor without a startkwalificatie sees the jongerenladder up front: right
    // after the strengths, before the route.
    const order = await page.locator('main section.card h2').allInnerTexts();
    assert.deepEqual(order.slice(0, 3), [NL['result.strengths'], NL['result.youth'], NL['result.route']], order.join(' | '));

    const stores = await everyStore(page);
    assert.equal(stores.localStorage, 0, 'local storage empty');
    assert.equal(stores.sessionStorage, 0, 'session storage empty');
    assert.equal(stores.cookies, '', 'no cookies');
    assert.deepEqual(stores.indexedDB, [], 'no IndexedDB');
    for (const path of stores.cached) {
      assert.match(path, /^\/$|^\/(kiosk|coach)\.html$|\.(js|wasm|css|svg|png|webmanifest|json)$/, `Cache Storage holds app files only: ${path}`);
      assert.ok(!path.includes('uitslag') && !path.includes('zelftest'), path);
    }

    // Hands off: the warning appears, with a countdown, then the wipe.
    await page.getByRole('alertdialog').waitFor({ timeout: 10_000 });
    assert.ok((await page.getByRole('alertdialog').innerText()).includes(NL['kiosk.still_there']));
    await page.waitForURL(`${BASE}/kiosk`, { timeout: 10_000 });
    await page.getByRole('heading', { level: 1, name: NL['kiosk.title'] }).waitFor();
    // Focus is at the top of the fresh page.
    assert.ok(['BODY', 'MAIN'].includes(await page.evaluate(() => document.activeElement?.tagName)));

    // Going back reveals nothing: the result page has no answers any more.
    await page.goBack();
    await page.locator('main h1').first().waitFor();
    const back = await page.locator('main').innerText();
    assert.ok(!back.includes(NL['result.strengths']), 'no result after going back');
    assert.equal(await page.locator('main input:checked').count(), 0, 'no checked answers');
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('"Klaar — wis alles" wipes at once and the start screen is ready quickly', async () => {
  const { context, page, log } = await openKiosk();
  try {
    await page.getByRole('link', { name: NL['home.start'], exact: true }).click();
    await page.locator('#age_band-18_22').check();
    const started = Date.now();
    await page.getByRole('button', { name: NL['kiosk.done'] }).first().click();
    await page.waitForURL(`${BASE}/kiosk`);
    await page.getByRole('link', { name: NL['home.start'], exact: true }).waitFor();
    console.log(`# wipe → ready start screen: ${Date.now() - started} ms`);
    await page.getByRole('link', { name: NL['home.start'], exact: true }).click();
    await page.locator('#age_band-18_22').waitFor();
    assert.equal(await page.locator('#age_band-18_22').isChecked(), false, 'the answer is gone');
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

/** Every visible interactive element's box, for the 44 px rule. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll('a[href], button, input, select, summary, label[for]')) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
      if (el.classList.contains('skip-link')) continue; // off-screen until focused
      if (box.width < 44 || box.height < 44) small.push(`${el.tagName.toLowerCase()}#${el.id || ''} "${(el.innerText || el.value || '').slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  });
}

test('touch targets are at least 44 px on every kiosk screen, portrait and landscape, and axe finds nothing', async () => {
  for (const viewport of [{ width: 1080, height: 1920 }, { width: 1280, height: 800 }]) {
    const { context, page, log } = await openKiosk({ viewport });
    try {
      assert.deepEqual(await smallTargets(page), [], `start ${viewport.width}`);
      await assertNoAxeViolations(page, `kiosk start ${viewport.width}`);
      await page.getByRole('link', { name: NL['home.start'], exact: true }).click();
      for (let screen = 1; ; screen++) {
        const ids = await questionsOnScreen(page);
        assert.equal(ids.length, 1, 'one question per kiosk screen');
        assert.deepEqual(await smallTargets(page), [], `${ids[0]} ${viewport.width}`);
        if (screen === 1) await assertNoAxeViolations(page, `kiosk ${ids[0]}`);
        if (await page.getByRole('button', { name: NL['selftest.finish'] }).count()) break;
        const before = page.url();
        await page.getByRole('link', { name: NL['selftest.next'], exact: true }).click();
        await page.waitForURL((url) => url.href !== before);
      }
      await page.getByRole('button', { name: NL['selftest.finish'] }).click();
      await page.waitForURL(`${BASE}/kiosk/uitslag`);
      await page.locator('main h1').first().waitFor();
      for (const details of await page.locator('details.why').all()) await details.evaluate((d) => { d.open = true; });
      assert.deepEqual(await smallTargets(page), [], `result ${viewport.width}`);
      await assertNoAxeViolations(page, `kiosk result ${viewport.width}`);
      await page.goto(`${BASE}/kiosk/personeel`);
      await page.locator('main h1').first().waitFor();
      assert.deepEqual(await smallTargets(page), [], `staff ${viewport.width}`);
      await assertClean(page, log);
    } finally {
      await context.close();
    }
  }
});

test('leaving the kiosk needs the staff PIN', async () => {
  const { context, page } = await openKiosk();
  try {
    await page.getByRole('link', { name: NL['kiosk.staff'] }).click();
    await page.locator('#staff-pin').fill('0000');
    await page.getByRole('button', { name: NL['kiosk.leave'] }).click();
    await page.getByText(NL['kiosk.pin_wrong']).waitFor();
    assert.equal(new URL(page.url()).pathname, '/kiosk/personeel');
    await page.locator('#staff-pin').fill(PIN);
    await page.getByRole('button', { name: NL['kiosk.leave'] }).click();
    await page.waitForURL(`${BASE}/`);
    await page.getByRole('heading', { level: 1, name: NL['home.title'] }).waitFor();
  } finally {
    await context.close();
  }
});

test('wrong PINs make staff wait, and a broken kiosk.json says why', async () => {
  const { context, page } = await openKiosk();
  try {
    await page.getByRole('link', { name: NL['kiosk.staff'] }).click();
    for (let i = 0; i < 4; i += 1) {
      await page.locator('#staff-pin').fill('0000');
      await page.getByRole('button', { name: NL['kiosk.leave'] }).click();
      await page.locator('#staff-pin[value=""]').or(page.locator('#staff-pin')).waitFor();
      await page.getByRole('button', { name: NL['kiosk.leave'] }).and(page.locator(':not([disabled])')).waitFor();
    }
    const wait = NL['kiosk.pin_wait'].replace('{time}', '30 seconden');
    await page.getByText(wait).waitFor();
    // Even the right PIN waits now.
    await page.locator('#staff-pin').fill(PIN);
    await page.getByRole('button', { name: NL['kiosk.leave'] }).click();
    await page.getByText(NL['kiosk.pin_wait'].split('{time}')[0]).first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/kiosk/personeel');
  } finally {
    await context.close();
  }
  const broken = await openKiosk({ config: { staff_pin: 4821 } });
  try {
    await broken.page.getByRole('link', { name: NL['kiosk.staff'] }).click();
    await broken.page.getByText('werkmap kiosk pin', { exact: false }).waitFor();
    assert.equal(await broken.page.getByText(NL['kiosk.no_pin']).count(), 0);
  } finally {
    await broken.context.close();
  }
});

test('the QR code says what it holds first, and decodes to exactly that summary', async () => {
  const { context, page, log } = await openKiosk();
  try {
    await completeKioskSelfTest(page);
    await page.getByRole('button', { name: NL['kiosk.qr'] }).click();
    const promised = await page.locator('#qr-text').innerText();
    assert.ok(promised.includes('Route: '), promised);
    assert.equal(await page.locator('img.qr').count(), 0, 'the code is only shown after the text');
    await page.getByRole('button', { name: NL['kiosk.qr_show'] }).click();
    const image = page.locator('img.qr');
    await image.waitFor();
    const png = PNG.sync.read(await image.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, 'the QR code decodes');
    assert.equal(decoded.data, promised, 'the code holds exactly the text shown');
    for (const line of ['Werkmap zelftest', 'Route: ', 'Meedoen: ', 'Sterk: ']) {
      assert.ok(decoded.data.includes(line), `${line} in ${decoded.data}`);
    }
    await assertNoAxeViolations(page, 'kiosk hand-off with QR code');
    // A shared screen offers no file to save: it would stay behind for the next visitor.
    assert.equal(await page.getByRole('button', { name: /bestand/i }).count(), 0);
    assert.ok((await page.locator('section.handoff').innerText()).includes(NL['kiosk.no_files']));
    await page.getByRole('button', { name: NL['kiosk.qr_close'] }).click();
    await page.locator('img.qr').waitFor({ state: 'detached' });
    assert.equal((await everyStore(page)).localStorage, 0);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});
