// Privacy: through a whole session (every screen, both languages, reload, storage
// message, wipe) the app asks for nothing but its own static files, and its CSP blocks
// nothing (so nothing tried to load from elsewhere).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE,
  NL,
  ORIGIN,
  STATE_KEY,
  TOPIC_IDS,
  assertClean,
  completeSelfTestByMouse,
  goto,
  launch,
  openApp,
  reload,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the page declares a CSP that only allows its own origin', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    const response = await page.goto(`${BASE}/`);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    for (const csp of [meta, response.headers()['content-security-policy']]) {
      assert.ok(csp, 'a CSP is set');
      const directives = Object.fromEntries(
        csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]),
      );
      assert.deepEqual(directives['default-src'], ["'self'"]);
      assert.deepEqual(directives['connect-src'], ["'self'"]);
      for (const [name, sources] of Object.entries(directives)) {
        for (const source of sources) {
          assert.ok(!/^(https?:|\*|wss?:)/.test(source), `${name} allows ${source}`);
        }
      }
    }
    await page.locator('main#inhoud h1').waitFor();
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('a whole session only requests the app\'s own files', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/');
    await goto(page, '/zelftest');
    await completeSelfTestByMouse(page);
    for (const details of await page.locator('main details.why summary').all()) await details.click();
    await goto(page, '/geschiedenis');
    await page.locator('header button.language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    for (const topic of TOPIC_IDS) await goto(page, `/zelftest/${topic}`);
    await goto(page, '/uitslag');
    await page.locator('header button.language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    await page.evaluate((key) => localStorage.setItem(key, '{not json'), STATE_KEY);
    await reload(page);
    await page.getByRole('alert').waitFor();
    await goto(page, '/');
    await page.getByRole('button', { name: NL['wipe.button'], exact: true }).click();
    await page.getByRole('button', { name: NL['wipe.yes'] }).click();
    await page.getByText(NL['wipe.done']).waitFor();

    // More than the document itself was fetched (the check is not vacuous) ...
    const own = log.requests.filter((url) => new URL(url).origin === ORIGIN);
    assert.ok(own.some((url) => url.endsWith('.wasm')), 'the WASM module was fetched');
    assert.ok(own.some((url) => url.endsWith('.css')), 'the stylesheet was fetched');
    // ... and every request stayed on the app's origin, with no CSP violation.
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});
