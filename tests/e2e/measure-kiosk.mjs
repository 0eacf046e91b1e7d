// Lighthouse-style figures for the kiosk start page on a CPU slowed down 4× (as Lighthouse
// does for mobile), measured with Chromium's own timings. Not a test: it prints figures.
//
//   WERKMAP_URL=http://127.0.0.1:8080 CHROMIUM=/usr/bin/chromium node tests/e2e/measure-kiosk.mjs
//
// First contentful paint: the `first-contentful-paint` paint entry. Time to interactive: when
// the start button is visible and the main thread has had no long task for 500 ms (a lighter
// version of Lighthouse's 5 s quiet window). Total blocking time: the sum of (duration − 50 ms)
// over long tasks between FCP and TTI.

import { chromium } from 'playwright-core';

const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const RUNS = Number(process.env.RUNS || 5);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const results = [];
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${BASE}/kiosk`);
  await page.locator('main a.button.primary').waitFor({ state: 'visible', timeout: 60_000 });
  const visibleAt = await page.evaluate(() => performance.now());
  // Wait for a quiet main thread (no long task for 500 ms).
  let tti = visibleAt;
  for (let i = 0; i < 40; i += 1) {
    await page.waitForTimeout(250);
    const { tasks, now } = await page.evaluate(() => ({ tasks: window.__longTasks, now: performance.now() }));
    const lastEnd = tasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0);
    tti = Math.max(visibleAt, lastEnd);
    if (now - tti >= 500) break;
  }
  const { fcp, tasks } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    tasks: window.__longTasks,
  }));
  const tbt = tasks
    .filter((t) => t.start >= fcp && t.start < tti)
    .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  results.push({ fcp, tti, tbt });
  console.log(`run ${run + 1}: FCP ${fcp.toFixed(0)} ms, TTI ${tti.toFixed(0)} ms, TBT ${tbt.toFixed(0)} ms`);
  await context.close();
}
await browser.close();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
console.log(`kiosk start page, CPU 4× slower, ${RUNS} runs (median): FCP ${median(results.map((r) => r.fcp)).toFixed(0)} ms, TTI ${median(results.map((r) => r.tti)).toFixed(0)} ms, TBT ${median(results.map((r) => r.tbt)).toFixed(0)} ms`);
