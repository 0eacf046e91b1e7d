// A site's own published vacancies (`werkmap vacancies publish` into /feed/): the app uses
// them instead of the sample, fetches only the shards near home, shows where they come from
// and how fresh they are, fetches a description when a vacancy is opened, works offline
// after one visit, switches cleanly to a newer publication, and says so when the list is
// old or a kept vacancy has gone. Without a publication the sample shows as before.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, openApp, goto, assertClean, assertNoAxeViolations, waitForApp, NL, BASE,
} from './helpers.mjs';

const DIST = process.env.WERKMAP_DIST || fileURLToPath(new URL('../../dist', import.meta.url));
const CLI = process.env.WERKMAP_CLI || fileURLToPath(new URL('../../target/debug/werkmap', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

let browser;
let work;
before(async () => {
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'werkmap-feed-'));
});
after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The app (dist/) with a publication under /feed/, on a free loopback port. */
function serveSite(feedDir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    let file = path.startsWith('/feed/') ? join(feedDir, path.slice('/feed/'.length)) : join(DIST, path);
    if (path.includes('..') || !existsSync(file) || statSync(file).isDirectory()) {
      file = extname(path) || path.startsWith('/feed/') ? null : join(DIST, 'index.html');
    }
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function isoDate(daysAgo = 0) {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** A publication of `count` generated vacancies (or of the file `feed`) into `dir`, in small shards. */
function publishInto(dir, { seed, source, daysAgo = 0, count = 1200, feed = null }) {
  if (!feed) {
    feed = join(work, `feed-${seed}.jsonld`);
    execFileSync(CLI, ['vacancies', 'generate', '--count', String(count), '--seed', String(seed), '--format', 'jsonld', '--out', feed]);
  }
  execFileSync(CLI, ['vacancies', 'publish', feed, '--out', dir, '--source', source, '--today', isoDate(daysAgo), '--capacity', '80'], { stdio: ['ignore', 'ignore', 'ignore'] });
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

/** The travel distance first, then home: the shards for that circle are fetched once. */
async function setHome(page, home, km) {
  await page.locator('#wish-distance').selectOption(String(km));
  await page.locator('#wish-home').fill(home);
  await page.locator('#wish-home').press('Tab');
}

/** The summary line once the list has vacancies and has stopped changing. */
async function summary(page) {
  await page.waitForFunction(() => {
    const line = document.querySelector('p.summary')?.textContent || '';
    const total = Number((line.match(/van de ([\d.]+)/) || [, '0'])[1].replace(/\./g, ''));
    if (total === 0) return false;
    const now = performance.now();
    if (window.__lastLine !== line) {
      window.__lastLine = line;
      window.__since = now;
      return false;
    }
    return now - window.__since > 600;
  }, null, { timeout: 30_000, polling: 100 });
  return page.locator('p.summary').innerText();
}

const requested = (log, part) => log.requests.filter((url) => new URL(url).pathname.startsWith(part));

test('published vacancies: source and date, near shards only, a description, offline, a newer publication', async () => {
  const dir = join(work, 'site');
  const first = publishInto(dir, { seed: 5, source: 'Werkgeversservicepunt Utrecht' });
  assert.ok(first.shards.length > 6, `several shards: ${first.shards.length}`);
  const server = await serveSite(dir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const { context, page, log } = await openApp(browser);
  try {
    await page.goto(base + '/vacatures');
    await waitForApp(page);
    await setHome(page, 'Utrecht', 20);
    const text = await summary(page);
    const total = Number(text.match(/van de ([\d.]+)/)[1].replace(/\./g, ''));
    assert.ok(total > 0 && total < first.counts.vacancies, `only the part near Utrecht: ${text}`);
    // Where they come from and how fresh they are.
    const source = await page.locator('#feed-source').innerText();
    assert.match(source, /^Vacatures van Werkgeversservicepunt Utrecht, bijgewerkt op \d+ \w+ \d{4}\.$/);
    assert.equal(await page.locator('.feed-stale').count(), 0);
    assert.ok(!(await page.locator('main').innerText()).includes(NL['vacancies.sample_note']));
    // Just the shards that reach within 20 km, not all of them.
    const shards = new Set(requested(log, '/feed/shards/').map((u) => new URL(u).pathname));
    assert.ok(shards.size > 0 && shards.size < first.shards.length, `${shards.size} of ${first.shards.length} shards fetched`);
    await assertNoAxeViolations(page, 'published vacancy list');

    // Opening a vacancy fetches its description.
    const card = page.locator('ol.vacancy-list > li').first();
    const title = await card.locator('h3').innerText();
    await card.locator('h3 a').click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('div.description').filter({ hasText: /\w{20,}/ }).waitFor({ timeout: 20_000 });
    const description = await page.locator('div.description').innerText();
    assert.equal(new Set(requested(log, '/feed/texts/')).size, 1, 'one texts file for one vacancy');
    assert.ok(!(await page.locator('main').innerText()).includes(NL['vacancies.sample_note']));
    await assertNoAxeViolations(page, 'published vacancy');
    const vacancyPath = new URL(page.url()).pathname;
    // Keep it: it stays when it disappears from a later publication.
    await page.getByRole('button', { name: NL['vacancies.save'], exact: true }).click();
    await page.getByRole('button', { name: NL['vacancies.saved'] }).waitFor();

    // Offline after one visit: the list, the source line and the opened description.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.goto(base + '/vacatures');
    await waitForApp(page);
    assert.equal(await summary(page), text, 'the same list offline');
    assert.match(await page.locator('#feed-source').innerText(), /Werkgeversservicepunt Utrecht/);
    await page.goto(base + vacancyPath);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('div.description').filter({ hasText: description.slice(0, 40) }).waitFor({ timeout: 20_000 });
    await context.setOffline(false);

    // A newer publication replaces the old one cleanly.
    rmSync(dir, { recursive: true, force: true });
    // (The app's own sample file as the feed: none of the first publication's ids.)
    const second = publishInto(dir, { source: 'Werkgeversservicepunt Utrecht-Noord', feed: join(DIST, 'data', 'vacancies.json') });
    await page.goto(base + '/vacatures');
    await waitForApp(page);
    await page.locator('#feed-source').filter({ hasText: 'Utrecht-Noord' }).waitFor({ timeout: 20_000 });
    await summary(page);
    const cached = await page.evaluate(async () => {
      const cache = await caches.open('werkmap-feed');
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    const current = new Set(['/feed/manifest.json', ...second.shards.map((s) => `/feed/${s.file}`)]);
    const stale = cached.filter((path) => !current.has(path));
    assert.deepEqual(stale, [], 'no file of the old publication is kept');
    assert.ok(cached.some((path) => path.startsWith('/feed/shards/')), `new shards kept: ${cached}`);

    // The saved vacancy is not in the new publication: its page says it is closed and
    // still shows what was kept.
    await page.goto(base + vacancyPath);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.locator('.vacancy-closed').filter({ hasText: NL['published.closed'] }).waitFor({ timeout: 20_000 });
    assert.ok((await page.locator('main').innerText()).includes(NL['published.closed_gone']));
    await assertNoAxeViolations(page, 'closed vacancy');
    await assertClean(page, log, { origin: base, allowConsoleErrors: [/net::ERR_INTERNET_DISCONNECTED/, /net::ERR_FAILED/] });
  } finally {
    await context.close();
    server.close();
  }
});

test('an old publication says the list may be out of date', async () => {
  const dir = join(work, 'old');
  publishInto(dir, { seed: 8, source: 'Jongerenloket Zwolle', daysAgo: 20, count: 800 });
  const server = await serveSite(dir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const { context, page, log } = await openApp(browser);
  try {
    await page.goto(base + '/vacatures');
    await waitForApp(page);
    await setHome(page, 'Zwolle', 40);
    await summary(page);
    const stale = await page.locator('.feed-stale').innerText();
    assert.ok(stale.includes('dagen niet bijgewerkt'), stale);
    assert.match(stale, /\b(20|21)\b/);
    await assertNoAxeViolations(page, 'old publication');
    await assertClean(page, log, { origin: base });
  } finally {
    await context.close();
    server.close();
  }
});

test('without a publication the sample shows, labelled as examples', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/vacatures');
    await setHome(page, 'Utrecht', 20);
    const text = await summary(page);
    assert.equal(Number(text.match(/van de ([\d.]+)/)[1]), 320, text);
    assert.equal(await page.locator('#feed-source').count(), 0);
    assert.ok((await page.locator('main').innerText()).includes(NL['vacancies.import_absent']));
    assert.deepEqual(requested(log, '/feed/shards/'), []);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

void BASE;
