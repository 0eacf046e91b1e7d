// Start-up time of the app: from navigation start to the first input of the
// self-test form being visible and enabled. A measurement, not a test: it only
// fails when the page does not get there within 30 s.
//
//   WERKMAP_URL=http://127.0.0.1:8080 node tests/e2e/measure-startup.mjs
//   (or `cargo xtask measure`, which builds, serves dist/ and sets WERKMAP_URL)
//
// Env: WERKMAP_URL (default http://127.0.0.1:8080), RUNS (default 7),
// CHROMIUM (default /usr/bin/chromium).

import { chromium } from 'playwright-core';

const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const RUNS = Number.parseInt(process.env.RUNS || '7', 10);
const URL_UNDER_TEST = `${BASE}/zelftest/over-jou`;
const SELECTOR = 'main fieldset input';
const TIMEOUT_MS = 30_000;

if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`RUNS must be a positive integer, got ${JSON.stringify(process.env.RUNS)}`);
  process.exit(2);
}

// Installed before any page script runs: records performance.now() (ms since
// navigation start) the first time the first matching input is visible and
// enabled, checked on every DOM mutation and every animation frame.
function watchFirstInput(selector) {
  const ready = () => {
    const el = document.querySelector(selector);
    if (!el || !el.matches(':enabled')) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  let observer;
  const check = () => {
    if (window.__werkmapFirstInputMs !== undefined) return;
    if (ready()) {
      window.__werkmapFirstInputMs = performance.now();
      if (observer) observer.disconnect();
    }
  };
  observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => {
    check();
    if (window.__werkmapFirstInputMs === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const results = [];
let failed = false;
try {
  console.log(`start-up to first visible, enabled "${SELECTOR}" on ${URL_UNDER_TEST}`);
  console.log(`${RUNS} runs, each in a fresh browser context (empty cache)`);
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
    await page.addInitScript(watchFirstInput, SELECTOR);
    try {
      const t0 = Date.now();
      await page.goto(URL_UNDER_TEST, { waitUntil: 'commit', timeout: TIMEOUT_MS });
      await page.waitForFunction(() => window.__werkmapFirstInputMs !== undefined, null, {
        timeout: TIMEOUT_MS,
      });
      const wall = Date.now() - t0;
      const fromNavStart = await page.evaluate(() => window.__werkmapFirstInputMs);
      results.push(fromNavStart);
      console.log(`run ${run}: ${ms(fromNavStart)} (wall clock incl. browser overhead: ${wall} ms)`);
    } catch (e) {
      failed = true;
      console.error(`run ${run}: the page did not show an enabled "${SELECTOR}" within ${TIMEOUT_MS / 1000} s`);
      console.error(`  ${e.message.split('\n')[0]}`);
      for (const p of problems) console.error(`  ${p}`);
      break;
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}

if (failed) process.exit(1);
console.log(
  `median ${ms(median(results))}, min ${ms(Math.min(...results))}, max ${ms(Math.max(...results))} (${results.length} runs)`,
);
