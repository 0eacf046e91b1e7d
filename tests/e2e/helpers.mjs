// Shared helpers for the end-to-end tests (node --test, playwright-core, axe-core).
//
//   WERKMAP_URL=http://127.0.0.1:8080 CHROMIUM=/usr/bin/chromium \
//     node --test --test-concurrency=1 tests/e2e/
//
// `cargo xtask test` builds dist/, serves it on a free port and sets both variables.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const BASE = (process.env.WERKMAP_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const ORIGIN = new URL(BASE).origin;

/** The UI texts, so tests follow the locale files instead of repeating them. */
export const NL = JSON.parse(readFileSync(new URL('../../locales/nl.json', import.meta.url), 'utf8'));
export const EN = JSON.parse(readFileSync(new URL('../../locales/en.json', import.meta.url), 'utf8'));
/** The self-test content: topic ids are the URL slugs. */
export const QUESTIONS = JSON.parse(
  readFileSync(new URL('../../data/selftest/questions.json', import.meta.url), 'utf8'),
);
export const TOPIC_IDS = QUESTIONS.topics.map((t) => t.id);

/** Namespace of the job seeker's data in home mode (src/ui/state.rs). */
export const STATE_KEY = 'werkmap.home.state';
export const NAMESPACE_PREFIX = 'werkmap.home.';
export const DAMAGED_PREFIX = 'werkmap.home.damaged.';

export async function launch() {
  return chromium.launch({
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
}

// Installed before any page script: records CSP violations the page itself sees.
function watchCsp() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
  });
}

/**
 * A fresh browser context (empty storage, CSP on) with one page, and a log of everything
 * the privacy and robustness checks need: every request URL, uncaught page errors,
 * console errors.
 */
export async function openApp(browser, { locale = 'nl-NL', ...options } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 1024, height: 900 }, ...options });
  const log = { requests: [], pageErrors: [], consoleErrors: [] };
  context.on('request', (request) => log.requests.push(request.url()));
  context.on('page', (p) => watchPage(p, log));
  await context.addInitScript(watchCsp);
  const page = await context.newPage();
  return { context, page, log };
}

function watchPage(page, log) {
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A site without published vacancies answers 404 for /feed/manifest.json: that is how
    // the app knows to show the sample (src/ui/vacancies/published.rs), not an error.
    const url = message.location()?.url || '';
    if (url.endsWith('/feed/manifest.json') && message.text().includes('404')) return;
    log.consoleErrors.push(message.text());
  });
}

/** Opens `path` of the app and waits until the app has rendered its first heading. */
export async function goto(page, path = '/') {
  await page.goto(BASE + path);
  await waitForApp(page);
}

export async function waitForApp(page) {
  await page.locator('main#inhoud h1').first().waitFor({ state: 'visible', timeout: 20_000 });
}

export async function reload(page) {
  await page.reload();
  await waitForApp(page);
}

/**
 * The privacy rules every test checks at its end: no request left the app's own origin
 * (data: and blob: URLs stay in the page), the CSP blocked nothing, no uncaught errors.
 */
export async function assertClean(page, log, { allowConsoleErrors = [], origin = ORIGIN } = {}) {
  const own = new URL(origin).origin;
  const foreign = log.requests.filter((url) => {
    const scheme = new URL(url).protocol;
    if (scheme === 'data:' || scheme === 'blob:') return false;
    return new URL(url).origin !== own;
  });
  assert.deepEqual(foreign, [], `requests to other origins than ${own}`);
  assert.ok(log.requests.length > 0, 'no requests were recorded at all');
  const csp = log.consoleErrors.filter((text) => /Content[- ]Security[- ]Policy/i.test(text));
  assert.deepEqual(csp, [], 'CSP violations reported in the console');
  if (!page.isClosed()) {
    const seen = await page.evaluate(() => window.__cspViolations || []);
    assert.deepEqual(seen, [], 'securitypolicyviolation events');
  }
  assert.deepEqual(log.pageErrors, [], 'uncaught page errors');
  const other = log.consoleErrors.filter(
    (text) => !allowConsoleErrors.some((allowed) => allowed.test(text)),
  );
  assert.deepEqual(other, [], 'console errors');
}

/** All `werkmap.home.*` keys with their values. */
export async function storedKeys(page) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) out[key] = localStorage.getItem(key);
    }
    return out;
  }, NAMESPACE_PREFIX);
}

export async function storedState(page) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), STATE_KEY);
  return raw === null ? null : JSON.parse(raw);
}

// ---------------------------------------------------------------------------------------
// axe-core

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page (evaluated through the DevTools protocol, so the page keeps its
 * CSP) and returns the violations formatted for a failure message ('' when there are none).
 */
export async function axeViolations(page, label) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html })),
    }));
  }, AXE_TAGS);
  if (violations.length === 0) return '';
  const lines = [`axe-core: ${violations.length} violation(s) on ${label}:`];
  for (const v of violations) {
    lines.push(`- [${v.impact}] ${v.id}: ${v.help}`);
    for (const n of v.nodes) {
      lines.push(`    at ${n.target}`);
      lines.push(`      ${n.html.slice(0, 200)}`);
      lines.push(`      ${String(n.summary).replace(/\n/g, '\n      ')}`);
    }
  }
  return lines.join('\n');
}

export async function assertNoAxeViolations(page, label) {
  const report = await axeViolations(page, label);
  assert.equal(report, '', report);
}

// ---------------------------------------------------------------------------------------
// Answers

/**
 * A complete set of answers with a predictable result: 18–22 years old, vmbo without a
 * diploma (no startkwalificatie → "Eerst een diploma"), nothing holding them back, taking
 * part in a course and seeing people (participatieladder 3), recently out of work
 * (re-integratieladder 4).
 */
export const ANSWERS = {
  'over-jou': {
    age_band: '18_22',
    postcode: '3511',
    education: 'vmbo',
    diploma: 'no',
    work_years: 'less_1',
    work_sectors: ['hospitality', 'retail'],
    dutch_level: 'native',
    other_languages: ['english'],
    driving_licence: 'no',
    transport: ['bike', 'public'],
    hours: 40,
    time_without_work: 'less_6m',
    income: 'family',
  },
  'wat-houdt-je-tegen': {
    obstacle_health_physical: 'none',
    obstacle_health_mental: 'none',
    obstacle_care: 'none',
    obstacle_money: 'none',
    obstacle_housing: 'none',
    obstacle_language: 'none',
    obstacle_digital: 'none',
    obstacle_addiction: 'none',
    obstacle_justice: 'none',
    obstacle_help: ['none'],
  },
  zoeken: {
    applications_4w: '1_3',
    channels: ['job_sites', 'network'],
    cv_ready: 'partly',
    knows_goal: 'somewhat',
    interviews: '0',
  },
  'willen-en-kunnen': {
    want_work: 'yes',
    expect_work: 'maybe',
    know_strengths: 'yes',
  },
  meedoen: {
    activities: ['course_or_club', 'social_contacts'],
  },
};

export const EXPECTED = {
  route: 'Eerst een diploma',
  routeEn: 'A diploma first',
  participation: 3,
  reintegration: 4,
  strength: 'Je wilt graag werken. Dat is een sterke start.',
};

/** The answers of `ANSWERS`-shaped objects by question id. */
export function flatAnswers(answers = ANSWERS) {
  return Object.assign({}, ...Object.values(answers));
}

/** The value `DECLINE` answers a sensitive question with "zeg ik liever niet". */
export const DECLINE = Symbol('decline');

/**
 * Answers one question shown on the current screen, as a person would: typing a postcode or
 * a number and leaving the field, or picking options (tapping their labels when `tap`).
 */
export async function answerQuestion(page, qid, value, { tap = false } = {}) {
  const press = (locator) => (tap ? locator.tap() : locator.click());
  if (value === DECLINE) {
    await press(page.locator(`label[for="${qid}-decline"]`));
    return;
  }
  if (qid === 'postcode' || typeof value === 'number') {
    const input = page.locator(`#${qid}-input`);
    if (tap) await input.tap();
    await input.fill(String(value));
    await input.press('Tab');
    return;
  }
  for (const v of Array.isArray(value) ? value : [value]) {
    const input = page.locator(`[id="${qid}-${v}"]`);
    if (!(await input.isChecked())) await press(page.locator(`label[for="${qid}-${v}"]`));
  }
}

/** The ids of the questions on the current screen. */
export async function questionsOnScreen(page) {
  await page.locator('main fieldset.question').first().waitFor();
  return page
    .locator('main fieldset.question')
    .evaluateAll((fieldsets) => fieldsets.map((f) => f.id.replace(/^vraag-/, '')));
}

/**
 * Goes through the self-test from the current screen to the result, answering what
 * `answers` holds (by question id) and skipping the rest, with "Volgende" on every screen.
 * `onScreen(page, ids)` is called on each screen before it is answered. Returns the number of
 * screens and of taps/clicks used.
 */
export async function answerScreens(page, answers, { base = '', tap = false, texts = NL, onScreen } = {}) {
  const press = (locator) => (tap ? locator.tap() : locator.click());
  let screens = 0;
  let taps = 0;
  for (;;) {
    const ids = await questionsOnScreen(page);
    screens += 1;
    if (onScreen) await onScreen(page, ids);
    for (const qid of ids) {
      if (!(qid in answers)) continue;
      const value = answers[qid];
      await answerQuestion(page, qid, value, { tap });
      taps += value === DECLINE || typeof value !== 'object' ? 1 : value.length;
    }
    const finish = page.getByRole('button', { name: texts['selftest.finish'], exact: true });
    taps += 1;
    if (await finish.count()) {
      await press(finish);
      break;
    }
    const before = page.url();
    await press(page.getByRole('link', { name: texts['selftest.next'], exact: true }));
    await page.waitForURL((url) => url.href !== before);
    if (screens > 100) throw new Error('the self-test does not end');
  }
  await page.waitForURL(`${BASE}${base}/uitslag`);
  await page.getByRole('heading', { level: 1, name: texts['result.title'] }).waitFor();
  return { screens, taps };
}

/** Answers the whole self-test with the mouse and opens the result via "Bekijk je uitslag". */
export async function completeSelfTestByMouse(page) {
  await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
  await answerScreens(page, flatAnswers());
}

/** The title of a topic, as its screen's heading shows it. */
export function topicTitle(topic, language = 'nl') {
  return QUESTIONS.topics.find((t) => t.id === topic).title[language];
}

/** Waits until the first screen of `topic` is shown (URL and heading: the old screen is gone). */
export async function waitForTopic(page, topic, language = 'nl') {
  await page.waitForURL(`${BASE}/zelftest/${topic}`);
  await page.getByRole('heading', { level: 1, name: topicTitle(topic, language), exact: true }).waitFor();
}

/**
 * Visible text of <main>, once the bundled vacancies have loaded: they arrive after first paint,
 * so a snapshot taken earlier would hold the "loading" line instead of the vacancy part.
 */
export async function mainText(page) {
  const loading = [NL['vacancies.loading'], EN['vacancies.loading']];
  await page.waitForFunction(
    (texts) => {
      const main = document.querySelector('main');
      return main !== null && !texts.some((t) => main.innerText.includes(t));
    },
    loading,
  );
  return page.locator('main').innerText();
}

/**
 * Starts watching the main thread of `page`: every gap between two animation frames, and
 * every long task (> 50 ms). The returned function stops watching and gives the figures.
 */
export async function watchResponsiveness(page) {
  await page.evaluate(() => {
    window.__gaps = [];
    window.__longTasks = [];
    window.__stop = false;
    let last = performance.now();
    const frame = (t) => {
      window.__gaps.push(t - last);
      last = t;
      if (!window.__stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return () =>
    page.evaluate(() => {
      window.__stop = true;
      const gaps = window.__gaps.slice(1).sort((a, b) => a - b);
      return {
        frames: gaps.length,
        maxGap: gaps[gaps.length - 1] || 0,
        p95Gap: gaps[Math.floor(gaps.length * 0.95)] || 0,
        longTasks: window.__longTasks.length,
        longestTask: Math.max(0, ...window.__longTasks),
      };
    });
}

/** One line on how responsive a page stayed (see `watchResponsiveness`). */
export function responsivenessLine(watch) {
  return `  responsiveness: ${watch.frames} frames painted, longest gap ${watch.maxGap.toFixed(0)} ms, p95 gap ${watch.p95Gap.toFixed(0)} ms; ${watch.longTasks} long tasks (> 50 ms), longest ${watch.longestTask.toFixed(0)} ms`;
}
