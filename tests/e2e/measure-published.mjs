// Benchmark (not a test): the app over a large publication on the Lighthouse mobile profile.
//
//   WERKMAP_FEED=/tmp/bench250/pub CHROMIUM=/usr/bin/chromium node tests/e2e/measure-published.mjs
//
// WERKMAP_FEED is the --out directory of `werkmap vacancies publish` (docs/measurements.md
// says how the 250,000-vacancy one is made); dist/ must be built (`cargo xtask build`). The
// script serves dist/ and the publication under /feed/ as a deployment should (the gzipped
// copies, hashed files immutable), slows the page down as Lighthouse's mobile profile does
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× through the DevTools protocol:
// Network.emulateNetworkConditions and Emulation.setCPUThrottlingRate) and, for a job seeker
// in Utrecht (20 km) and one in rural Groningen (40 km), measures:
// - the bytes of list data downloaded (what the server sent for /feed/: gzip), and how many
//   vacancies were ranked;
// - the time from setting the home wish to a ranked top 10 on screen, on a first visit
//   (service worker blocked, so every request is a throttled page request) and from the
//   service worker's cache (a second visit after the wishes were cleared);
// - re-ranking after a wish change (hours), on the page's main thread.

import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './helpers.mjs';

const DIST = process.env.WERKMAP_DIST || fileURLToPath(new URL('../../dist', import.meta.url));
const FEED = process.env.WERKMAP_FEED;
if (!FEED || !existsSync(join(FEED, 'manifest.json'))) {
  console.error('set WERKMAP_FEED to the --out directory of `werkmap vacancies publish`');
  process.exit(2);
}
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};
const SEEKERS = [
  { name: 'Utrecht, 20 km', home: 'Utrecht', km: 20 },
  { name: 'rural Groningen (Warffum), 40 km', home: 'Warffum', km: 40 },
];
const RUNS = Number(process.env.RUNS || 3);

let feedBytes = 0;
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  const inFeed = path.startsWith('/feed/');
  let file = inFeed ? join(FEED, path.slice('/feed/'.length)) : join(DIST, path);
  if (path.includes('..') || !existsSync(file) || statSync(file).isDirectory()) {
    file = extname(path) || inFeed ? null : join(DIST, 'index.html');
  }
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' };
  let body = readFileSync(file);
  if (inFeed) {
    headers['Cache-Control'] = path.endsWith('/manifest.json') ? 'no-cache' : 'public, max-age=31536000, immutable';
    if ((request.headers['accept-encoding'] || '').includes('gzip') && existsSync(file + '.gz')) {
      body = readFileSync(file + '.gz');
      headers['Content-Encoding'] = 'gzip';
    }
    feedBytes += body.length;
  } else {
    headers['Cache-Control'] = 'no-cache';
  }
  response.writeHead(200, headers);
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const BASE = `http://127.0.0.1:${server.address().port}`;

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

async function openVacancies(page) {
  await page.goto(BASE + '/vacatures');
  await page.locator('main#inhoud h1').first().waitFor({ timeout: 60_000 });
  await page.locator('#wish-home').waitFor();
}

/** Sets the distance, then the home, and times the home change until ten vacancies show. */
async function rankFor(page, seeker) {
  await page.locator('#wish-distance').selectOption(String(seeker.km));
  // The places table must be there to resolve the home: wait until the form shows it is.
  await page.waitForFunction(() => document.querySelector('#home-status') !== null, null, { timeout: 60_000 });
  const before = feedBytes;
  const elapsed = await page.evaluate(
    (home) =>
      new Promise((resolve) => {
        const input = document.querySelector('#wish-home');
        const start = performance.now();
        input.value = home;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const check = () => {
          if (document.querySelectorAll('ol.vacancy-list > li').length === 10) {
            resolve(performance.now() - start);
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      }),
    seeker.home,
  );
  const summary = await page.locator('p.summary').innerText();
  const ranked = Number(summary.match(/van de ([\d.]+)/)[1].replace(/\./g, ''));
  return { elapsed, bytes: feedBytes - before, ranked };
}

/** Time for the list to follow a change of the hours wish (on the page's main thread). */
async function rerank(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.querySelector('#wish-hours-min');
        const summary = document.querySelector('p.summary');
        const old = summary.textContent;
        const start = performance.now();
        input.value = input.value === '20' ? '24' : '20';
        input.dispatchEvent(new Event('change', { bubbles: true }));
        const sync = performance.now() - start;
        const check = () => {
          if (summary.textContent !== old) resolve({ sync, painted: performance.now() - start });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await launch();
const manifest = JSON.parse(readFileSync(join(FEED, 'manifest.json'), 'utf8'));
console.log(`publication: ${manifest.counts.vacancies} vacancies in ${manifest.shards.length} shards; ${RUNS} runs each, median (min–max)`);
try {
  for (const seeker of SEEKERS) {
    const first = [];
    const cached = [];
    const reranks = [];
    let bytes = 0;
    let ranked = 0;
    for (let run = 0; run < RUNS; run++) {
      // First visit: nothing cached, every request throttled.
      {
        const context = await browser.newContext({ serviceWorkers: 'block', locale: 'nl-NL' });
        const page = await context.newPage();
        await openVacancies(page);
        await throttle(context, page);
        const result = await rankFor(page, seeker);
        first.push(result.elapsed);
        bytes = result.bytes;
        ranked = result.ranked;
        reranks.push(await rerank(page));
        await context.close();
      }
      // From the service worker's cache: a visit that fetched the area, the wishes cleared,
      // and a new visit on the same device.
      {
        const context = await browser.newContext({ locale: 'nl-NL' });
        const page = await context.newPage();
        await openVacancies(page);
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          if (!navigator.serviceWorker.controller) {
            await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
          }
        });
        await rankFor(page, seeker);
        await page.evaluate(() => localStorage.clear());
        await openVacancies(page);
        await throttle(context, page);
        const result = await rankFor(page, seeker);
        cached.push(result.elapsed);
        await context.close();
      }
    }
    const range = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
    console.log(`\n${seeker.name}`);
    console.log(`  list data downloaded: ${(bytes / 1024).toFixed(0)} KiB gzip; vacancies ranked: ${ranked}`);
    console.log(`  home set → ranked top 10, first visit: ${range(first)}`);
    console.log(`  home set → ranked top 10, from the service worker cache: ${range(cached)}`);
    console.log(`  re-rank after a change of hours: ${range(reranks.map((r) => r.sync))} on the main thread, ${range(reranks.map((r) => r.painted))} to the next frame`);
  }
} finally {
  await browser.close();
  server.close();
}
