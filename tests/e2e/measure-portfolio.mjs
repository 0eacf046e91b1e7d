// The portfolio file and coach mode in the browser (release build, headless Chromium):
// export and import of a heavy work map (3 years: 20 self-tests, 1,000 activities) and its
// file size; a coach importing a caseload of 400 files through the import screen, with the
// total time and how responsive the page stayed (the longest gap between two animation
// frames, and the long tasks the browser reports). A measurement, not a test.
//
//   WERKMAP_URL=http://127.0.0.1:8080 WERKMAP_CLI=target/debug/werkmap node tests/e2e/measure-portfolio.mjs
//   (or `cargo xtask measure`)
//
// Env: PEOPLE (default 400), RUNS (default 7).

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, responsivenessLine, watchResponsiveness } from './helpers.mjs';

const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CLI = process.env.WERKMAP_CLI || new URL('../../target/debug/werkmap', import.meta.url).pathname;
const PEOPLE = Number.parseInt(process.env.PEOPLE || '400', 10);
const RUNS = Number.parseInt(process.env.RUNS || '7', 10);

const dir = mkdtempSync(join(tmpdir(), 'werkmap-people-'));
execFileSync(CLI, ['portfolio', 'generate', '--count', String(PEOPLE), '--seed', '11', '--out-dir', dir]);
const files = readdirSync(dir).map((name) => join(dir, name));

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/bench`);
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.bench_heavy_portfolio, null, { timeout: 30_000 });
  const heavy = JSON.parse(await page.evaluate((runs) => window.wasmBindings.bench_heavy_portfolio(runs), RUNS));
  if (!heavy.ok) throw new Error(heavy.error);
  console.log(`heavy work map (${heavy.self_tests} self-tests, ${heavy.activities} activities): file ${(heavy.file_bytes / 1024).toFixed(0)} KiB, export ${heavy.export_ms.toFixed(1)} ms, import ${heavy.import_ms.toFixed(1)} ms (median of ${RUNS}, WASM)`);

  await page.goto(`${BASE}/coach`);
  await page.locator('main h1').waitFor();
  const stopWatching = await watchResponsiveness(page);
  const started = Date.now();
  await page.locator('#coach-files').setInputFiles(files);
  await page.getByText(`${PEOPLE} bestanden gelezen`, { exact: false }).waitFor({ timeout: 600_000 });
  const total = Date.now() - started;
  const watch = await stopWatching();
  const rows = await page.locator('table.caseload tbody tr').count();
  console.log(`coach import of ${PEOPLE} files through the import screen: ${total} ms in all (${(total / PEOPLE).toFixed(1)} ms a file), ${rows} clients in the table`);
  console.log(responsivenessLine(watch));
  const reload = Date.now();
  await page.reload();
  await page.locator('table.caseload tbody tr').nth(PEOPLE - 1).waitFor({ timeout: 120_000 });
  console.log(`  reload with ${PEOPLE} clients in IndexedDB until the table is complete: ${Date.now() - reload} ms`);
} finally {
  await browser.close();
}
