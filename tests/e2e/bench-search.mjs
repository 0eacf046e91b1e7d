// Occupation search over the full ESCO file, in the browser: Werkmap's WASM search and
// MiniSearch (npm, the obvious off-the-shelf choice) side by side in the same page, on the
// same documents and the same queries. Prints latency per query (median and p95 over the
// queries), recall@5 and MRR (over the top 10, as tests/search_recall.rs counts it), and the
// ESCO import and index build times. A measurement, not a test (the file name keeps it out
// of `node --test`): it fails only when something does not run.
//
//   WERKMAP_URL=http://127.0.0.1:8080 node tests/e2e/bench-search.mjs
//   (or `cargo xtask measure`, which builds, serves dist/ and sets the variables)
//
// Env: WERKMAP_URL (default http://127.0.0.1:8080), CHROMIUM (default /usr/bin/chromium),
// ESCO_CSV (default ../shared/data/esco/occupations_nl.csv from the repository root; when it
// is missing the script prints SKIPPED and exits 0), RUNS (timing samples per query,
// default 15), VERBOSE=1 (a line per query).
//
// Query set: parsed from the Rust source of tests/search_recall.rs (every
// `const NAME: &[(&str, &str, &[&str])] = &[...]` there, i.e. QUERIES and HELD_OUT), so it
// cannot drift from the test. The parser is strict: anything in those arrays that is not a
// (query, kind, &[ids]) tuple of plain string literals stops the script with the line.
//
// Documents: the WASM import's own search documents (`bench_esco_documents`: key = ESCO URI,
// label = preferredLabel, terms = altLabels + hiddenLabels), so both engines index exactly the
// same text. MiniSearch gets fields label and terms, prefix: true, fuzzy: 0.2, label boosted
// ×2, and a processTerm that lowercases and strips diacritics (NFD, combining marks removed).
//
// Timing: each engine is timed inside the page (WASM with performance.now() from Rust,
// MiniSearch from JS). Browsers coarsen performance.now() (Chromium: 100 µs unless
// cross-origin isolated), so a sample runs one query repeatedly for about 5 ms and divides;
// three calibration rounds first (warm-up; the most calls in one round set the batch). Werkmap asks for 10 hits (as the search screen does);
// MiniSearch has no limit and returns every match, sorted.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CSV_PATH = path.resolve(ROOT, process.env.ESCO_CSV || '../shared/data/esco/occupations_nl.csv');
const RUNS = Number.parseInt(process.env.RUNS || '15', 10);
const VERBOSE = process.env.VERBOSE === '1';
const TIMEOUT_MS = 30_000;
const SAMPLE_MS = 5.0; // as in src/ui/bench.rs
const CALIBRATION_ROUNDS = 3;
const MAX_BATCH = 10_000;
const REPEATS = 5; // index builds after the first, as in src/ui/bench.rs
const LIMIT = 10;

if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 1000) {
  console.error(`RUNS must be an integer 1..=1000, got ${JSON.stringify(process.env.RUNS)}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------
// The query set, from tests/search_recall.rs.

function parseQuerySet(file) {
  const src = fs.readFileSync(file, 'utf8');
  const occ = /^const OCC: &str = "([^"\\]+)";$/m.exec(src);
  if (!occ) throw new Error(`${file}: no \`const OCC: &str = "...";\` line`);
  const decl = /^(?:pub )?const ([A-Z_]+): &\[\(&str, &str, &\[&str\]\)\] = &\[/gm;
  const sets = [];
  let m;
  while ((m = decl.exec(src))) {
    const { entries, end } = parseTuples(src, m.index + m[0].length, file);
    sets.push({ name: m[1], entries });
    decl.lastIndex = end;
  }
  if (sets.length === 0) throw new Error(`${file}: no query arrays found`);
  const queries = sets.flatMap((s) => s.entries);
  const main = sets.find((s) => s.name === 'QUERIES');
  if (!main || main.entries.length < 45) {
    throw new Error(`${file}: QUERIES has ${main ? main.entries.length : 'no'} entries (the test wants >= 45)`);
  }
  for (const q of queries) {
    if (q.ids.length === 0) throw new Error(`${file}: "${q.query}" expects nothing`);
    for (const id of q.ids) {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
        throw new Error(`${file}: "${q.query}": ${id} is not a UUID`);
      }
    }
  }
  return { prefix: occ[1], sets, queries };
}

// Tuples `( "query", "kind", &[ "id", ... ], )` up to the closing `];`. Strict: anything
// else throws with the line number.
function parseTuples(src, pos, file) {
  let i = pos;
  const lineAt = (at) => src.slice(0, at).split('\n').length;
  const fail = (what) => {
    throw new Error(`${file}:${lineAt(i)}: cannot read the query set: ${what} (near ${JSON.stringify(src.slice(i, i + 30))})`);
  };
  const skip = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src.startsWith('//', i)) {
        const nl = src.indexOf('\n', i);
        i = nl < 0 ? src.length : nl + 1;
      } else return;
    }
  };
  const peek = (s) => {
    skip();
    return src.startsWith(s, i);
  };
  const expect = (s) => {
    if (!peek(s)) fail(`expected \`${s}\``);
    i += s.length;
  };
  const string = () => {
    skip();
    if (src[i] !== '"') fail('expected a string literal');
    let out = '';
    i++;
    for (;;) {
      const c = src[i];
      if (c === undefined) fail('unterminated string');
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = src[i + 1];
        const simple = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", 0: '\0' }[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 'u' && src[i + 2] === '{') {
          const close = src.indexOf('}', i);
          const cp = Number.parseInt(src.slice(i + 3, close), 16);
          if (close < 0 || !Number.isFinite(cp)) fail('bad \\u{...} escape');
          out += String.fromCodePoint(cp);
          i = close + 1;
        } else fail(`unsupported escape \\${e}`);
      } else {
        out += c;
        i++;
      }
    }
  };
  const entries = [];
  for (;;) {
    if (peek(']')) {
      i++;
      expect(';');
      return { entries, end: i };
    }
    expect('(');
    const query = string();
    expect(',');
    const kind = string();
    expect(',');
    expect('&');
    expect('[');
    const ids = [];
    while (!peek(']')) {
      ids.push(string());
      if (!peek(']')) expect(',');
    }
    expect(']');
    if (peek(',')) i++;
    expect(')');
    expect(',');
    entries.push({ query, kind, ids });
  }
}

// ---------------------------------------------------------------------------------------
// Statistics.

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(q * s.length));
  return s[Math.min(rank, s.length) - 1];
}
const median = (xs) => quantile(xs, 0.5);

// rank (0-based) of the first expected key in `top`, or -1.
function rankOf(top, expectedKeys) {
  return top.findIndex((key) => expectedKeys.includes(key));
}

function quality(queries, tops) {
  let hits5 = 0;
  let rr = 0;
  const byKind = new Map();
  const misses = [];
  queries.forEach((q, n) => {
    const r = rankOf(tops[n].slice(0, LIMIT), q.expected);
    const h5 = r >= 0 && r < 5 ? 1 : 0;
    const rri = r >= 0 ? 1 / (r + 1) : 0;
    hits5 += h5;
    rr += rri;
    const k = byKind.get(q.kind) || { n: 0, hits5: 0, rr: 0 };
    k.n++;
    k.hits5 += h5;
    k.rr += rri;
    byKind.set(q.kind, k);
    if (!h5) misses.push(`${q.query} (${r < 0 ? `not in top ${LIMIT}` : `rank ${r + 1}`})`);
  });
  return { recall5: hits5 / queries.length, mrr: rr / queries.length, byKind, misses };
}

// ---------------------------------------------------------------------------------------
// In the page.

// Runs in the page: MiniSearch over the WASM import's documents, timed like src/ui/bench.rs.
function runMiniSearch({ queries, runs, sampleMs, maxBatch, calibrationRounds, repeats, limit }) {
  const docs = JSON.parse(window.wasmBindings.bench_esco_documents(window.__escoCsv));
  if (!Array.isArray(docs)) throw new Error(`bench_esco_documents: ${docs.error}`);
  const processTerm = (term) =>
    term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const build = () => {
    const ms = new window.MiniSearch({
      idField: 'key',
      fields: ['label', 'terms'],
      extractField: (doc, field) => (field === 'terms' ? doc.terms.join('\n') : doc[field]),
      processTerm,
      searchOptions: { prefix: true, fuzzy: 0.2, boost: { label: 2 } },
    });
    ms.addAll(docs);
    return ms;
  };
  let t = performance.now();
  const index = build();
  const indexMsFirst = performance.now() - t;
  const indexRepeats = [];
  for (let r = 0; r < repeats; r++) {
    t = performance.now();
    build();
    indexRepeats.push(performance.now() - t);
  }
  let sink = 0;
  const timings = queries.map((query) => {
    let batch = 1;
    for (let round = 0; round < calibrationRounds; round++) {
      let calls = 0;
      const start = performance.now();
      while (calls < maxBatch && performance.now() - start < sampleMs) {
        sink += index.search(query).length;
        calls++;
      }
      batch = Math.max(batch, calls);
    }
    const samples = [];
    for (let r = 0; r < runs; r++) {
      const s = performance.now();
      for (let b = 0; b < batch; b++) sink += index.search(query).length;
      samples.push(((performance.now() - s) * 1000) / batch);
    }
    const top = index.search(query).slice(0, limit).map((hit) => hit.id);
    return { query, samples, batch, top };
  });
  return { documents: docs.length, indexMsFirst, indexRepeats, timings, sink };
}

// Runs in the page: the smallest step of performance.now().
function timerStep() {
  let min = Infinity;
  let last = performance.now();
  const end = last + 50;
  while (last < end) {
    const now = performance.now();
    if (now > last) {
      min = Math.min(min, now - last);
      last = now;
    }
  }
  return min;
}

// ---------------------------------------------------------------------------------------

if (!fs.existsSync(CSV_PATH)) {
  console.log(`search benchmark SKIPPED: ${CSV_PATH} not found (only CI and developer machines have it)`);
  process.exit(0);
}
const csv = fs.readFileSync(CSV_PATH);
const querySet = parseQuerySet(path.join(ROOT, 'tests', 'search_recall.rs'));
const queries = querySet.queries.map((q) => ({
  query: q.query,
  kind: q.kind,
  expected: q.ids.map((id) => querySet.prefix + id),
}));
const texts = queries.map((q) => q.query);
const minisearchPath = path.join(ROOT, 'node_modules', 'minisearch', 'dist', 'umd', 'index.js');
const minisearchVersion = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules', 'minisearch', 'package.json'), 'utf8'),
).version;

const loadBefore = os.loadavg()[0];
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

let wasm;
let mini;
let step;
let browserVersion;
const problems = [];
let failure;
try {
  browserVersion = browser.version();
  // bypassCSP: the app's CSP forbids inline scripts; MiniSearch is injected as one. This
  // is a measurement page, not the app as users get it.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(`${BASE}/bench`, { waitUntil: "load", timeout: TIMEOUT_MS });
  await page.waitForFunction(
    () =>
      typeof window.wasmBindings?.bench_esco_search === 'function' &&
      typeof window.wasmBindings?.bench_esco_documents === 'function',
    null,
    { timeout: TIMEOUT_MS },
  );
  await page.waitForTimeout(500); // let the app's own start-up work settle
  step = await page.evaluate(timerStep);

  const size = await page.evaluate((b64) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    window.__escoCsv = bytes;
    return bytes.length;
  }, csv.toString('base64'));
  if (size !== csv.length) throw new Error(`the page got ${size} of ${csv.length} bytes`);

  const out = await page.evaluate(
    ({ texts, runs }) =>
      window.wasmBindings.bench_esco_search(window.__escoCsv, JSON.stringify(texts), runs),
    { texts, runs: RUNS },
  );
  wasm = JSON.parse(out);
  if (!wasm.ok) throw new Error(`bench_esco_search: ${wasm.error}`);

  await page.addScriptTag({ content: fs.readFileSync(minisearchPath, 'utf8') });
  mini = await page.evaluate(runMiniSearch, {
    queries: texts,
    runs: RUNS,
    sampleMs: SAMPLE_MS,
    maxBatch: MAX_BATCH,
    calibrationRounds: CALIBRATION_ROUNDS,
    repeats: REPEATS,
    limit: LIMIT,
  });
  await context.close();
} catch (e) {
  failure = e;
} finally {
  await browser.close();
}
if (failure) {
  console.error(`search benchmark failed: ${failure.message.split('\n')[0]}`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------
// Report.

const wasmQ = quality(
  queries,
  wasm.queries.map((q) => q.top),
);
const miniQ = quality(
  queries,
  mini.timings.map((t) => t.top),
);
const wasmMedians = wasm.queries.map((q) => q.median_us);
const miniMedians = mini.timings.map((t) => median(t.samples));
const f1 = (x) => x.toFixed(1);
const f3 = (x) => x.toFixed(3);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

const loadAfter = os.loadavg()[0];
console.log(`search over the full ESCO file in the browser (Chromium ${browserVersion}, ${BASE})`);
console.log(
  `machine: ${os.cpus().length} CPUs, load average (1 min) ${loadBefore.toFixed(2)} before, ` +
    `${loadAfter.toFixed(2)} after (other work on the machine skews the timings)`,
);
if (wasm.sample_ms !== SAMPLE_MS) {
  console.log(`note: the WASM side samples ~${wasm.sample_ms} ms, this script ~${SAMPLE_MS} ms`);
}
console.log(
  `file: ${path.relative(ROOT, CSV_PATH)}, ${csv.length} bytes; ${wasm.occupations} occupations ` +
    `(${wasm.skipped_rows} rows skipped), ${wasm.documents} documents, ${wasm.names} names, ` +
    `${wasm.vocabulary} distinct words`,
);
const setNames = querySet.sets.map((s) => `${s.name} ${s.entries.length}`).join(' + ');
console.log(
  `queries: ${queries.length} (${setNames}, parsed from tests/search_recall.rs); ` +
    `${RUNS} samples per query of ~${SAMPLE_MS} ms each; performance.now() step ${f1(step * 1000)} µs`,
);
console.log('');
console.log('import and index build (ms; first = cold, in a fresh page; repeat = median of 5 more)');
console.log(`  ESCO CSV import (WASM)        first ${lpad(f1(wasm.import_ms_first), 7)}   repeat ${lpad(f1(wasm.import_ms_repeat_median), 7)}`);
console.log(`  index build, werkmap (WASM)   first ${lpad(f1(wasm.index_ms_first), 7)}   repeat ${lpad(f1(wasm.index_ms_repeat_median), 7)}`);
console.log(`  index build, minisearch       first ${lpad(f1(mini.indexMsFirst), 7)}   repeat ${lpad(f1(median(mini.indexRepeats)), 7)}`);
console.log('');
const header = `${pad('engine', 26)}${lpad('median µs/query', 16)}${lpad('p95 µs/query', 14)}${lpad('max µs', 10)}${lpad('recall@5', 10)}${lpad('MRR', 8)}`;
console.log(header);
console.log('-'.repeat(header.length));
const row = (name, medians, q) =>
  console.log(
    `${pad(name, 26)}${lpad(f1(median(medians)), 16)}${lpad(f1(quantile(medians, 0.95)), 14)}` +
      `${lpad(f1(Math.max(...medians)), 10)}${lpad(f3(q.recall5), 10)}${lpad(f3(q.mrr), 8)}`,
  );
row('werkmap (WASM, limit 10)', wasmMedians, wasmQ);
row(`minisearch ${minisearchVersion}`, miniMedians, miniQ);
console.log('(median and p95 are over the queries, of each query\'s median over its samples; MRR over the top 10)');
console.log('');
console.log('by kind of query: recall@5 / MRR');
console.log(`  ${pad('kind', 12)}${lpad('n', 4)}${lpad('werkmap', 16)}${lpad('minisearch', 16)}`);
for (const [kind, w] of wasmQ.byKind) {
  const m = miniQ.byKind.get(kind);
  console.log(
    `  ${pad(kind, 12)}${lpad(w.n, 4)}${lpad(`${f3(w.hits5 / w.n)} / ${f3(w.rr / w.n)}`, 16)}` +
      `${lpad(`${f3(m.hits5 / m.n)} / ${f3(m.rr / m.n)}`, 16)}`,
  );
}
console.log('');
console.log(`not in the top 5, werkmap (${wasmQ.misses.length}): ${wasmQ.misses.join('; ') || '-'}`);
console.log(`not in the top 5, minisearch (${miniQ.misses.length}): ${miniQ.misses.join('; ') || '-'}`);
const slowest = (medians) =>
  medians
    .map((us, n) => [us, queries[n].query])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([us, q]) => `${q} ${f1(us)}`)
    .join(', ');
console.log(`slowest, werkmap (µs): ${slowest(wasmMedians)}`);
console.log(`slowest, minisearch (µs): ${slowest(miniMedians)}`);
if (VERBOSE) {
  console.log('');
  console.log(`${pad('query', 28)}${lpad('werkmap µs', 12)}${lpad('batch', 7)}${lpad('rank', 6)}${lpad('minisearch µs', 15)}${lpad('batch', 7)}${lpad('rank', 6)}`);
  queries.forEach((q, n) => {
    const rw = rankOf(wasm.queries[n].top, q.expected);
    const rm = rankOf(mini.timings[n].top, q.expected);
    console.log(
      `${pad(q.query, 28)}${lpad(f1(wasmMedians[n]), 12)}${lpad(wasm.queries[n].batch, 7)}${lpad(rw < 0 ? '-' : rw + 1, 6)}` +
        `${lpad(f1(miniMedians[n]), 15)}${lpad(mini.timings[n].batch, 7)}${lpad(rm < 0 ? '-' : rm + 1, 6)}`,
    );
  });
}
if (problems.length) {
  console.log('');
  console.log('the page reported:');
  for (const p of problems) console.log(`  ${p}`);
}
