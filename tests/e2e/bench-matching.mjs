// Vacancy matching in the browser (release build, headless Chromium): ranking 100,000
// generated vacancies with the top 10 explained, re-ranking the bundled sample after a wish
// change (what the vacancy screen does on every change), "wat als", and reading a
// 100,000-vacancy JSON-LD feed. The same generator, seed and job seeker as the native
// `cargo bench --bench matching`. A measurement, not a test: it fails only when something
// does not run.
//
//   WERKMAP_URL=http://127.0.0.1:8080 node tests/e2e/bench-matching.mjs
//   (or `cargo xtask measure`, which builds, serves dist/ and sets the variables)
//
// With WERKMAP_CLI set (the `werkmap` binary), also a feed of FEED_COUNT vacancies imported
// through the vacancy screen: the total time and how responsive the page stayed while the
// feed was read step by step (the longest gap between two painted frames).
//
// Env: COUNT (default 100000), RUNS (default 9), FEED_COUNT (default 100000).

import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, responsivenessLine, watchResponsiveness } from './helpers.mjs';

const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const COUNT = Number.parseInt(process.env.COUNT || '100000', 10);
const RUNS = Number.parseInt(process.env.RUNS || '9', 10);
const FEED_COUNT = Number.parseInt(process.env.FEED_COUNT || '100000', 10);
const CLI = process.env.WERKMAP_CLI;

const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`${BASE}/bench`);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_rank, null, { timeout: 30_000 });
  const results = await page.evaluate(async ({ count, runs }) => {
    const text = async (url) => (await fetch(url)).text();
    const [templates, places, sample] = await Promise.all([
      text('/data/vacancy_templates.json'), text('/data/places.json'), text('/data/vacancies.json'),
    ]);
    const b = window.wasmBindings;
    const rank = JSON.parse(b.bench_rank(templates, places, count, runs));
    const rerank = JSON.parse(b.bench_rerank(sample, places, Math.max(runs, 25)));
    const feed = JSON.parse(b.bench_feed_import(templates, places, count));
    return { rank, rerank, feed };
  }, { count: COUNT, runs: RUNS });
  for (const [name, r] of Object.entries(results)) {
    if (!r.ok) throw new Error(`${name}: ${r.error}`);
  }
  const { rank, rerank, feed } = results;
  const f = (ms) => `${ms.toFixed(1)} ms`;
  console.log(`matching in the browser (Chromium, release build, WASM), ${rank.vacancies} generated vacancies:`);
  console.log(`  generate ${f(rank.generate_ms)}, compile features ${f(rank.compile_ms)} (${(rank.feature_bytes / 1e6).toFixed(1)} MB, ${rank.feature_bytes / rank.vacancies} bytes each)`);
  console.log(`  rank + top 10 explained: median ${f(rank.rank_top10_explained_ms)} over ${rank.rank_runs.length} runs (${rank.rank_runs.map((x) => x.toFixed(1)).join(', ')})`);
  console.log(`  wat als (all changes): ${f(rank.what_if_ms)}; ${rank.eligible} meet the wishes, ${rank.good} good`);
  console.log(`re-rank after a wish change, bundled sample (${rerank.vacancies}): median ${f(rerank.rerank_ms)} over ${rerank.runs.length} runs (max ${f(Math.max(...rerank.runs))})`);
  console.log(`JSON-LD import: ${feed.vacancies} vacancies, ${(feed.bytes / 1e6).toFixed(1)} MB in ${f(feed.import_ms)} (${feed.megabytes_per_second.toFixed(1)} MB/s)`);

  if (CLI) {
    const file = join(mkdtempSync(join(tmpdir(), 'werkmap-feed-')), 'feed.jsonld');
    execFileSync(CLI, ['vacancies', 'generate', '--count', String(FEED_COUNT), '--seed', '7', '--format', 'jsonld', '--out', file]);
    const screen = await browser.newPage();
    await screen.goto(`${BASE}/beheer`);
    await screen.locator('#feed-file').waitFor();
    const stopWatching = await watchResponsiveness(screen);
    const started = Date.now();
    await screen.locator('#feed-file').setInputFiles(file);
    await screen.locator('.import-status').getByText('vacatures gelezen', { exact: false }).waitFor({ timeout: 600_000 });
    const total = Date.now() - started;
    const watch = await stopWatching();
    console.log(`feed of ${FEED_COUNT} vacancies (${(statSync(file).size / 1e6).toFixed(1)} MB) through the vacancy screen: ${total} ms from picking the file to the report`);
    console.log(responsivenessLine(watch));
  }
} finally {
  await browser.close();
}
