// Offline use: after one visit the app starts and a whole self-test can be done with no
// network; a new build replaces the cached one (and its cache) cleanly.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, openApp, goto, reload, waitForApp, completeSelfTestByMouse, assertClean, NL, BASE,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Waits until a service worker controls the page (installed, activated, claimed). */
async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one visit the app starts and the whole self-test works offline', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/');
    await waitForServiceWorker(page);

    await context.setOffline(true);
    // The network really is gone: a file that is not in the offline copy cannot be fetched.
    const probe = await page.evaluate(() => fetch('/not-cached-' + Date.now() + '.txt').then(() => 'reached', () => 'offline'));
    assert.equal(probe, 'offline');
    await reload(page);
    assert.equal(await page.locator('h1').first().innerText(), NL['home.title']);
    await completeSelfTestByMouse(page);
    const result = await page.locator('main').innerText();
    assert.ok(result.includes(NL['result.strengths']), 'the result shows offline');

    // The offline copy holds only the app's files, never the user's answers.
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    assert.ok(cached.length > 3, `app files cached: ${cached}`);
    for (const path of cached) {
      assert.match(path, /^\/$|^\/(kiosk|coach)\.html$|\.(js|wasm|css|svg|png|webmanifest)$|^\/kiosk\.json$|^\/data\/(places|vacancies)\.json$|^\/schema\/portfolio\.schema\.json$/, `only app files in the cache: ${path}`);
      assert.ok(!path.includes('bench') && !path.includes('vacancy_templates'), `the benchmark page is not kept: ${path}`);
    }
    // Kiosk mode and coach mode are pages of their own, and start offline too.
    await goto(page, '/kiosk');
    await page.getByRole('heading', { level: 1, name: NL['kiosk.title'] }).waitFor();
    await goto(page, '/coach');
    await page.getByRole('heading', { level: 1, name: NL['coach.caseload_title'] }).waitFor();
    await context.setOffline(false);
    // The one failed load is the deliberate probe above.
    await assertClean(page, log, { allowConsoleErrors: [/net::ERR_FAILED/] });
  } finally {
    await context.close();
  }
});

// ---- a new build replaces the old one --------------------------------------------------

const DIST = process.env.WERKMAP_DIST || fileURLToPath(new URL('../../dist', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

/** A tiny static server over `dir` with the app's SPA fallback, on a free loopback port. */
function serve(dir) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    let file = join(dir, path);
    if (path.includes('..') || !existsSync(file) || statSync(file).isDirectory()) {
      file = extname(path) ? null : join(dir, 'index.html');
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

test('a new build replaces the cached one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'werkmap-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(base + '/');
    await waitForApp(page);
    await waitForServiceWorker(page);
    const cachesBefore = await page.evaluate(() => caches.keys());
    assert.equal(cachesBefore.length, 1, `one app cache: ${cachesBefore}`);

    // "Release" a new build: a changed page and a worker with a new build id, as
    // `cargo xtask build` makes it.
    const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
    const newWorker = worker.replace(/const BUILD = "([0-9a-f]+)"/, 'const BUILD = "$1-next"');
    assert.notEqual(newWorker, worker, 'the built worker carries a build id');
    writeFileSync(join(dir, 'sw.js'), newWorker);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), html.replace('<title>Werkmap</title>', '<title>Werkmap</title><meta name="release" content="next">'));

    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration.update();
      await new Promise((resolve) => {
        const done = () => resolve();
        if (registration.installing || registration.waiting) {
          navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
        } else {
          registration.addEventListener('updatefound', () => {
            navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
          }, { once: true });
        }
      });
    });
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('meta[name="release"]').getAttribute('content'), 'next', 'the new page shows');
    const cachesAfter = await page.evaluate(() => caches.keys());
    assert.equal(cachesAfter.length, 1, `the old cache is gone: ${cachesAfter}`);
    assert.notEqual(cachesAfter[0], cachesBefore[0]);
    assert.ok(cachesAfter[0].endsWith('-next'));
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

void BASE;
