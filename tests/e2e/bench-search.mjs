// Occupation search in the browser: Werkmap's WASM search and MiniSearch (npm, the obvious
// off-the-shelf choice) side by side in the same page, on the same documents and the same
// queries. Prints recall@5 and MRR (over the top 10, as the native tests count them) and the
// latency per query (median and p95 over the queries), plus the ESCO import and index build
// times. A measurement, not a test (the file name keeps it out of `node --test`): it fails only
// when something does not run.
//
//   WERKMAP_URL=http://127.0.0.1:8080 node tests/e2e/bench-search.mjs
//   (or `cargo xtask measure`, which builds, serves dist/ and sets the variables)
//
// Env: WERKMAP_URL (default http://127.0.0.1:8080), CHROMIUM (default /usr/bin/chromium),
// ESCO_CSV (default ../shared/data/esco/occupations_nl.csv from the repository root; when it
// is missing the script prints SKIPPED and exits 0), RUNS (timing samples per query,
// default 15), KEYSTROKE_RUNS (samples per keystroke, default 3), VERBOSE=1 (a line per
// query).
//
// Query sets:
// - names: parsed from the Rust source of tests/search_recall.rs (every
//   `const NAME: &[(&str, &str, &[&str])] = &[...]` there, i.e. QUERIES and HELD_OUT), so it
//   cannot drift from the test; the parser is strict. Searched over the ESCO file.
// - what I want to do: tests/data/intent_queries.json (89 queries, parts "tuning" and
//   "held_out"), over the bundled catalogue and over the ESCO file, with the acceptance rules
//   of that file (as tests/search_intent.rs applies them).
// - keystrokes: every prefix of every "what I want to do" query, as a typeahead sends them,
//   over the ESCO file (latency only).
//
// Documents: the WASM side's own search documents (`bench_esco_documents`: the ESCO import
// joined with the bundled catalogue, as the app searches it; `bench_catalogue_documents`:
// the bundled catalogue), so both engines index exactly the same text: label, terms
// (synonyms, alternative and hidden labels, English name) and about (ESCO description,
// "wat doe je in dit werk" sentences in Dutch and English). MiniSearch gets fields label,
// terms and about, prefix: true, fuzzy: 0.2, label boosted ×2, and a processTerm that
// lowercases and strips diacritics (NFD, combining marks removed).
//
// Timing: each engine is timed inside the page (WASM with performance.now() from Rust,
// MiniSearch from JS). Browsers coarsen performance.now() (Chromium: 100 µs unless
// cross-origin isolated), so a sample runs one query repeatedly for about 5 ms and divides;
// three calibration rounds first (warm-up; the most calls in one round set the batch). Werkmap
// asks for 10 hits (as the search screen does); MiniSearch has no limit and returns every
// match, sorted.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
const CSV_PATH = path.resolve(ROOT, process.env.ESCO_CSV || '../shared/data/esco/occupations_nl.csv');
const RUNS = Number.parseInt(process.env.RUNS || '15', 10);
const KEYSTROKE_RUNS = Number.parseInt(process.env.KEYSTROKE_RUNS || '3', 10);
const VERBOSE = process.env.VERBOSE === '1';
const TIMEOUT_MS = 30_000;
const SAMPLE_MS = 5.0; // as in src/ui/bench.rs
const CALIBRATION_ROUNDS = 3;
const MAX_BATCH = 10_000;
const REPEATS = 5; // index builds after the first, as in src/ui/bench.rs
const LIMIT = 10;

for (const [name, value] of [['RUNS', RUNS], ['KEYSTROKE_RUNS', KEYSTROKE_RUNS]]) {
  if (!Number.isInteger(value) || value < 1 || value > 1000) {
    console.error(`${name} must be an integer 1..=1000, got ${JSON.stringify(process.env[name])}`);
    process.exit(2);
  }
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

function quality(queries, tops, accepts = (q, key) => q.expected.includes(key)) {
  let hits5 = 0;
  let rr = 0;
  const byKind = new Map();
  const misses = [];
  queries.forEach((q, n) => {
    const r = tops[n].slice(0, LIMIT).findIndex((key) => accepts(q, key));
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
// The "what I want to do" set and its acceptance rules (as tests/search_intent.rs).

// Lowercase, without diacritics, apostrophes joined, anything else between words a space.
function normalizeLabel(text) {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function intentSet(file) {
  const set = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(set.queries) || set.queries.length < 60) {
    throw new Error(`${file}: fewer than 60 queries`);
  }
  return set.queries;
}

// accepts(q, key) over the ESCO documents: the ESCO concept of an acceptable catalogue
// occupation, an ISCO group that starts with one of esco_isco, or a label with a word that
// starts with one of esco_labels.
function escoAcceptance(escoDocs, catalogueDocs) {
  const byKey = new Map(escoDocs.map((d) => [d.key, d]));
  const uriOf = new Map(catalogueDocs.map((d) => [d.id, d.key]));
  return (q, key) => {
    const doc = byKey.get(key);
    if (!doc) return false;
    if (q.catalogue.some((id) => uriOf.get(id) === key)) return true;
    if (q.esco_isco.some((p) => doc.isco.startsWith(p))) return true;
    const label = ` ${normalizeLabel(doc.label)}`;
    return q.esco_labels.some((p) => label.includes(` ${normalizeLabel(p)}`));
  };
}

// Every prefix of every query, as typed (no trailing space).
function keystrokes(queries) {
  const out = [];
  for (const q of queries) {
    for (let i = 1; i <= q.length; i++) {
      const prefix = q.slice(0, i);
      if (!prefix.endsWith(' ')) out.push(prefix);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// In the page.

// Runs in the page: MiniSearch over the WASM side's documents of `source` ('esco' or
// 'catalogue'), each query set timed like src/ui/bench.rs. Returns, per set, the top `limit`
// ids (ESCO URI or catalogue id) and the samples.
function runMiniSearch({ source, sets, sampleMs, maxBatch, calibrationRounds, repeats, limit }) {
  const raw =
    source === 'esco'
      ? window.wasmBindings.bench_esco_documents(window.__escoCsv)
      : window.wasmBindings.bench_catalogue_documents();
  const docs = JSON.parse(raw);
  if (!Array.isArray(docs)) throw new Error(`documents (${source}): ${docs.error}`);
  const processTerm = (term) =>
    term.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const build = () => {
    const ms = new window.MiniSearch({
      idField: 'id',
      fields: ['label', 'terms', 'about'],
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
  const timeSet = ({ queries, runs }) =>
    queries.map((query) => {
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
  const out = {};
  for (const [name, set] of Object.entries(sets)) out[name] = timeSet(set);
  return { documents: docs.length, indexMsFirst, indexRepeats, sets: out, sink };
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
const intents = intentSet(path.join(ROOT, 'tests', 'data', 'intent_queries.json'));
const intentTexts = intents.map((q) => q.query);
const strokes = keystrokes(intentTexts);
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
let wasmStrokes;
let wasmCatalogue;
let mini;
let miniCatalogue;
let escoDocs;
let catalogueDocs;
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
      typeof window.wasmBindings?.bench_catalogue_search === 'function',
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

  const call = async (fn, args) => {
    const out = JSON.parse(await page.evaluate(fn, args));
    if (!out.ok) throw new Error(out.error);
    return out;
  };
  wasm = await call(
    ({ texts, runs }) =>
      window.wasmBindings.bench_esco_search(window.__escoCsv, JSON.stringify(texts), runs),
    { texts: [...texts, ...intentTexts], runs: RUNS },
  );
  wasmStrokes = await call(
    ({ texts, runs }) =>
      window.wasmBindings.bench_esco_search(window.__escoCsv, JSON.stringify(texts), runs),
    { texts: strokes, runs: KEYSTROKE_RUNS },
  );
  wasmCatalogue = await call(
    ({ texts, runs }) => window.wasmBindings.bench_catalogue_search(JSON.stringify(texts), runs),
    { texts: intentTexts, runs: RUNS },
  );
  escoDocs = JSON.parse(await page.evaluate(() => window.wasmBindings.bench_esco_documents(window.__escoCsv)));
  catalogueDocs = JSON.parse(await page.evaluate(() => window.wasmBindings.bench_catalogue_documents()));

  await page.addScriptTag({ content: fs.readFileSync(minisearchPath, 'utf8') });
  const common = {
    sampleMs: SAMPLE_MS,
    maxBatch: MAX_BATCH,
    calibrationRounds: CALIBRATION_ROUNDS,
    repeats: REPEATS,
    limit: LIMIT,
  };
  mini = await page.evaluate(runMiniSearch, {
    ...common,
    source: 'esco',
    sets: {
      names: { queries: texts, runs: RUNS },
      intents: { queries: intentTexts, runs: RUNS },
      strokes: { queries: strokes, runs: KEYSTROKE_RUNS },
    },
  });
  miniCatalogue = await page.evaluate(runMiniSearch, {
    ...common,
    source: 'catalogue',
    sets: { intents: { queries: intentTexts, runs: RUNS } },
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

const f1 = (x) => x.toFixed(1);
const f3 = (x) => x.toFixed(3);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const wasmNames = wasm.queries.slice(0, texts.length);
const wasmIntents = wasm.queries.slice(texts.length);
const miniNames = mini.sets.names;
const nameQ = {
  wasm: quality(queries, wasmNames.map((q) => q.top)),
  mini: quality(queries, miniNames.map((t) => t.top)),
};
const acceptEsco = escoAcceptance(escoDocs, catalogueDocs);
const acceptCatalogue = (q, id) => q.catalogue.includes(id);
const part = (name) => intents.map((q, n) => [q, n]).filter(([q]) => q.part === name);
const intentQuality = (tops, accepts) => {
  const out = {};
  for (const name of ['tuning', 'held_out']) {
    const rows = part(name);
    out[name] = quality(
      rows.map(([q]) => q),
      rows.map(([, n]) => tops[n]),
      accepts,
    );
  }
  return out;
};
const intentQ = {
  catalogue: {
    wasm: intentQuality(wasmCatalogue.queries.map((q) => q.top), acceptCatalogue),
    mini: intentQuality(miniCatalogue.sets.intents.map((t) => t.top), acceptCatalogue),
  },
  esco: {
    wasm: intentQuality(wasmIntents.map((q) => q.top), acceptEsco),
    mini: intentQuality(mini.sets.intents.map((t) => t.top), acceptEsco),
  },
};
const medians = (rows) => rows.map((r) => (Array.isArray(r.samples) ? median(r.samples) : r.median_us));

const loadAfter = os.loadavg()[0];
console.log(`occupation search in the browser (Chromium ${browserVersion}, ${BASE})`);
console.log(
  `machine: ${os.cpus().length} CPUs, load average (1 min) ${loadBefore.toFixed(2)} before, ` +
    `${loadAfter.toFixed(2)} after (other work on the machine skews the timings)`,
);
if (wasm.sample_ms !== SAMPLE_MS) {
  console.log(`note: the WASM side samples ~${wasm.sample_ms} ms, this script ~${SAMPLE_MS} ms`);
}
console.log(
  `ESCO file: ${path.relative(ROOT, CSV_PATH)}, ${csv.length} bytes; ${wasm.occupations} occupations ` +
    `(${wasm.skipped_rows} rows skipped), ${wasm.documents} documents, ${wasm.names} names, ` +
    `${wasm.vocabulary} distinct name words, ${wasm.about_stems} stems about the work`,
);
console.log(
  `bundled catalogue: ${wasmCatalogue.documents} documents, ${wasmCatalogue.vocabulary} distinct name words, ` +
    `${wasmCatalogue.about_stems} stems about the work`,
);
const setNames = querySet.sets.map((s) => `${s.name} ${s.entries.length}`).join(' + ');
console.log(
  `queries: names ${queries.length} (${setNames}, tests/search_recall.rs); what I want to do ` +
    `${intents.length} (tuning ${part('tuning').length}, held-out ${part('held_out').length}, ` +
    `tests/data/intent_queries.json); keystrokes ${strokes.length} (every prefix of those). ` +
    `${RUNS} samples per query (${KEYSTROKE_RUNS} per keystroke) of ~${SAMPLE_MS} ms each; ` +
    `performance.now() step ${f1(step * 1000)} µs`,
);
console.log('');
console.log('import and index build (ms; first = cold, in a fresh page; repeat = median of 5 more)');
console.log(`  ESCO CSV import (WASM)                 first ${lpad(f1(wasm.import_ms_first), 7)}   repeat ${lpad(f1(wasm.import_ms_repeat_median), 7)}`);
console.log(`  index build ESCO, werkmap (WASM)       first ${lpad(f1(wasm.index_ms_first), 7)}   repeat ${lpad(f1(wasm.index_ms_repeat_median), 7)}`);
console.log(`  index build ESCO, minisearch           first ${lpad(f1(mini.indexMsFirst), 7)}   repeat ${lpad(f1(median(mini.indexRepeats)), 7)}`);
console.log(`  index build catalogue, werkmap (WASM)  first ${lpad(f1(wasmCatalogue.index_ms_first), 7)}   repeat ${lpad(f1(wasmCatalogue.index_ms_repeat_median), 7)}`);
console.log(`  index build catalogue, minisearch      first ${lpad(f1(miniCatalogue.indexMsFirst), 7)}   repeat ${lpad(f1(median(miniCatalogue.indexRepeats)), 7)}`);
console.log('');
console.log('what I want to do: recall@5 / MRR (over the top 10)');
const qcell = (q) => `${f3(q.recall5)} / ${f3(q.mrr)}`;
console.log(`  ${pad('part', 10)}${pad('documents', 12)}${lpad('werkmap', 16)}${lpad('minisearch', 16)}`);
for (const name of ['tuning', 'held_out']) {
  for (const docs of ['catalogue', 'esco']) {
    console.log(
      `  ${pad(name === 'held_out' ? 'held-out' : name, 10)}${pad(docs === 'esco' ? 'ESCO' : 'catalogue', 12)}` +
        `${lpad(qcell(intentQ[docs].wasm[name]), 16)}${lpad(qcell(intentQ[docs].mini[name]), 16)}`,
    );
  }
}
console.log('');
const header = `${pad('latency over the ESCO file', 36)}${lpad('median µs', 11)}${lpad('p95 µs', 10)}${lpad('max µs', 10)}`;
console.log(header);
console.log('-'.repeat(header.length));
const lrow = (name, ms) =>
  console.log(`${pad(name, 36)}${lpad(f1(median(ms)), 11)}${lpad(f1(quantile(ms, 0.95)), 10)}${lpad(f1(Math.max(...ms)), 10)}`);
lrow('keystrokes, werkmap (WASM, limit 10)', medians(wasmStrokes.queries));
lrow(`keystrokes, minisearch ${minisearchVersion}`, medians(mini.sets.strokes));
lrow('what I want to do, werkmap', medians(wasmIntents));
lrow('what I want to do, minisearch', medians(mini.sets.intents));
lrow('names, werkmap', medians(wasmNames));
lrow('names, minisearch', medians(miniNames));
console.log('(median and p95 are over the queries, of each query\'s median over its samples)');
console.log('');
console.log('names over the ESCO file: recall@5 / MRR');
console.log(`  ${pad('kind', 12)}${lpad('n', 4)}${lpad('werkmap', 16)}${lpad('minisearch', 16)}`);
for (const [kind, w] of nameQ.wasm.byKind) {
  const m = nameQ.mini.byKind.get(kind);
  console.log(
    `  ${pad(kind, 12)}${lpad(w.n, 4)}${lpad(`${f3(w.hits5 / w.n)} / ${f3(w.rr / w.n)}`, 16)}` +
      `${lpad(`${f3(m.hits5 / m.n)} / ${f3(m.rr / m.n)}`, 16)}`,
  );
}
console.log(`  ${pad('all', 12)}${lpad(queries.length, 4)}${lpad(qcell(nameQ.wasm), 16)}${lpad(qcell(nameQ.mini), 16)}`);
console.log('');
console.log(`names not in the top 5, werkmap (${nameQ.wasm.misses.length}): ${nameQ.wasm.misses.join('; ') || '-'}`);
console.log(`names not in the top 5, minisearch (${nameQ.mini.misses.length}): ${nameQ.mini.misses.join('; ') || '-'}`);
const slowest = (rows) =>
  medians(rows)
    .map((us, n) => [us, rows[n].query])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 3)
    .map(([us, q]) => `${JSON.stringify(q)} ${f1(us)}`)
    .join(', ');
console.log(`slowest keystrokes, werkmap (µs): ${slowest(wasmStrokes.queries)}`);
console.log(`slowest keystrokes, minisearch (µs): ${slowest(mini.sets.strokes)}`);
if (VERBOSE) {
  console.log('');
  for (const [q, n] of intents.map((q, n) => [q, n])) {
    const rc = wasmCatalogue.queries[n].top.findIndex((id) => acceptCatalogue(q, id));
    const re = wasmIntents[n].top.findIndex((key) => acceptEsco(q, key));
    const mc = miniCatalogue.sets.intents[n].top.findIndex((id) => acceptCatalogue(q, id));
    const me = mini.sets.intents[n].top.findIndex((key) => acceptEsco(q, key));
    const r = (x) => lpad(x < 0 ? '-' : x + 1, 4);
    console.log(`${pad(q.part, 9)}${pad(q.query, 44)} catalogue ${r(rc)}${r(mc)}   ESCO ${r(re)}${r(me)}`);
  }
}
if (problems.length) {
  console.log('');
  console.log('the page reported:');
  for (const p of problems) console.log(`  ${p}`);
}
