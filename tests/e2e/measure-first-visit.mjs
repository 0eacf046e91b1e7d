// First visit and repeat visit as a job seeker on a cheap phone gets them (issue 12):
// Lighthouse's mobile profile through the Chrome DevTools Protocol — 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower — from navigation to the first control a
// person can use, in view on the screen the page is made for (the page's primary action, or else its first button, link-button or
// field, visible and enabled: with a client-rendered app that is when the app runs).
// A benchmark, not a test: it fails only when a page never gets there.
//
//   WERKMAP_URL=http://127.0.0.1:8080 node tests/e2e/measure-first-visit.mjs
//   (or `cargo xtask measure`, which builds, serves dist/ with its precompressed copies)
//
// Env: WERKMAP_URL, RUNS (default 5), PAGES (default "/,/kiosk,/coach"), CHROMIUM.

import { chromium } from 'playwright-core';

const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const RUNS = Number.parseInt(process.env.RUNS || '5', 10);
const PAGES = (process.env.PAGES || '/,/kiosk,/coach').split(',');
const TIMEOUT_MS = 60_000;
// Lighthouse's "mobile" throttling (simulated Slow 4G), applied by the browser itself.
const RTT_MS = 150;
const DOWN_BYTES_PER_S = (1.6 * 1024 * 1024) / 8;
const UP_BYTES_PER_S = (750 * 1024) / 8;
const CPU_SLOWDOWN = 4;
// Each page on the screen it is made for: the kiosk is a portrait touch screen, the coach
// works on a laptop, everyone else on a phone.
const DEVICES = {
  phone: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  '/kiosk': { viewport: { width: 1080, height: 1920 }, hasTouch: true },
  '/coach': { viewport: { width: 1280, height: 800 } },
};
const SELECTOR = 'main [data-primary], main a.button, main button, main input, main select';

function watchFirstControl(selector) {
  const usable = (el) => {
    if (!el.matches(':enabled') && el.tagName !== 'A') return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const check = () => {
    if (window.__firstControlMs !== undefined) return;
    if ([...document.querySelectorAll(selector)].some(usable)) {
      window.__firstControlMs = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  const frame = () => {
    check();
    if (window.__firstControlMs === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: DOWN_BYTES_PER_S,
    uploadThroughput: UP_BYTES_PER_S,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  const urls = new Map();
  const bytes = new Map();
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    const url = urls.get(e.requestId);
    if (url) bytes.set(url, (bytes.get(url) || 0) + e.encodedDataLength);
  });
  return { cdp, bytes };
}

/** One visit: time to the first usable control and the bytes per request until then. */
async function visit(context, page, path) {
  const { cdp, bytes } = await throttled(context, page);
  await page.goto(BASE + path, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  await page.waitForFunction(() => window.__firstControlMs !== undefined, null, { timeout: TIMEOUT_MS });
  const ms = await page.evaluate(() => window.__firstControlMs);
  const snapshot = new Map(bytes);
  await cdp.detach();
  return { ms, bytes: snapshot };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows = [];
try {
  console.log(`first and repeat visit, ${RUNS} runs each: RTT ${RTT_MS} ms, ${DOWN_BYTES_PER_S * 8 / 1024 / 1024} Mbit/s down, CPU ${CPU_SLOWDOWN}× slower`);
  for (const path of PAGES) {
    const first = [];
    const repeat = [];
    let perRequest = new Map();
    for (let run = 1; run <= RUNS; run++) {
      const context = await browser.newContext(DEVICES[path] || DEVICES.phone);
      try {
        const page = await context.newPage();
        await page.addInitScript(watchFirstControl, SELECTOR);
        const one = await visit(context, page, path);
        first.push(one.ms);
        perRequest = one.bytes;
        // The service worker has kept the app once it is ready (it installs after caching).
        await page.evaluate(() => navigator.serviceWorker?.ready.then(() => true), null);
        await page.waitForTimeout(500);
        const again = await visit(context, page, path);
        repeat.push(again.ms);
      } finally {
        await context.close();
      }
    }
    const total = [...perRequest.values()].reduce((a, b) => a + b, 0);
    rows.push({ path, total, first: median(first), repeat: median(repeat), linkOnly: (total / DOWN_BYTES_PER_S) * 1000 });
    console.log(`\n${path}: first visit ${first.map(sec).join(', ')}; repeat ${repeat.map(sec).join(', ')}`);
    for (const [url, n] of [...perRequest].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${kib(n).padStart(9)}  ${url.replace(BASE, '')}`);
    }
  }
} finally {
  await browser.close();
}
console.log('\n| page | over the wire | first interactive (median) | repeat visit (median) | the same bytes on that link alone |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| \`${r.path}\` | ${kib(r.total)} | ${sec(r.first)} | ${sec(r.repeat)} | ${sec(r.linkOnly)} |`);
}
