// WCAG 2.2 AA: zero axe-core violations on every screen and in the states a user meets
// (answered questions, "waarom zie ik dit?" opened, messages, the wipe question), in
// Dutch and in English.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE,
  EN,
  NL,
  STATE_KEY,
  TOPIC_IDS,
  answerQuestion,
  assertClean,
  axeViolations,
  completeSelfTestByMouse,
  goto,
  launch,
  mainText,
  openApp,
  reload,
  flatAnswers,
  questionsOnScreen,
} from './helpers.mjs';

/** Every screen of the self-test, checked empty and answered, to the last one. */
async function throughScreens(page, axe, texts, label) {
  const answers = flatAnswers();
  for (let screen = 1; ; screen++) {
    assert.ok(screen < 40);
    const ids = await questionsOnScreen(page);
    if (axe) await axe.check(page, `${label} screen ${screen} (${ids.join(', ')}, empty)`);
    for (const qid of ids) await answerQuestion(page, qid, answers[qid]);
    if (axe) await axe.check(page, `${label} screen ${screen} (answered)`);
    if (await page.getByRole('button', { name: texts['selftest.finish'] }).count()) return;
    const before = page.url();
    await page.getByRole('link', { name: texts['selftest.next'], exact: true }).click();
    await page.waitForURL((url) => url.href !== before);
  }
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Collects the axe reports of several screens, so one run shows every problem at once. */
function reports() {
  const found = [];
  return {
    async check(page, label) {
      const report = await axeViolations(page, label);
      if (report) found.push(report);
    },
    assertNone() {
      assert.equal(found.length, 0, `\n${found.join('\n\n')}`);
    },
  };
}

async function openAllWhy(page) {
  const details = page.locator('main details.why');
  const count = await details.count();
  assert.ok(count > 0, 'the result has "waarom zie ik dit?" details');
  for (let i = 0; i < count; i++) {
    await details.nth(i).locator('summary').click();
  }
  assert.equal(await page.locator('main details.why[open]').count(), count);
}

test('no axe-core violations on any screen (Dutch)', async () => {
  const { context, page, log } = await openApp(browser);
  const axe = reports();
  try {
    await goto(page, '/');
    await axe.check(page, 'home (new)');
    await goto(page, '/uitslag');
    await axe.check(page, 'result (no answers yet)');
    await goto(page, '/geschiedenis');
    await axe.check(page, 'history (empty)');

    await goto(page, '/zelftest');
    await axe.check(page, 'self-test overview (new)');
    await page.getByRole('link', { name: NL['selftest.begin'], exact: true }).click();
    await throughScreens(page, axe, NL, 'self-test');
    // A wrong postcode shows an error message.
    await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
    await page.locator('#postcode-input').fill('12ab');
    await page.locator('#postcode-input').press('Tab');
    await page.getByText(NL['question.postcode_error']).waitFor();
    await axe.check(page, `topic ${TOPIC_IDS[0]} (postcode error)`);
    await page.locator('#postcode-input').fill('3511');
    await page.locator('#postcode-input').press('Tab');

    await goto(page, '/zelftest');
    await page.getByRole('heading', { level: 1, name: NL['selftest.title'] }).waitFor();
    await axe.check(page, 'self-test overview (answered)');

    await goto(page, `/zelftest/${TOPIC_IDS.at(-1)}`);
    await page.getByRole('button', { name: NL['selftest.finish'] }).click();
    await page.waitForURL(`${BASE}/uitslag`);
    await page.getByRole('heading', { level: 2, name: NL['result.strengths'] }).waitFor();
    await axe.check(page, 'result');
    // "Antwoorden aanpassen" and back, then the phone menu.
    await goto(page, '/zelftest');
    await page.getByRole('link', { name: NL['selftest.back_to_result'] }).click();
    await page.waitForURL(`${BASE}/uitslag`);
    await page.getByRole('heading', { level: 2, name: NL['result.strengths'] }).waitFor();
    await axe.check(page, 'result');
    await openAllWhy(page);
    await axe.check(page, 'result with every "waarom zie ik dit?" open');

    await goto(page, '/geschiedenis');
    await page.locator('table.history').waitFor();
    await axe.check(page, 'history (one entry)');

    await goto(page, '/');
    await axe.check(page, 'home (with a result)');
    await page.getByRole('button', { name: NL['wipe.button'], exact: true }).click();
    await page.getByRole('alertdialog').waitFor();
    await axe.check(page, 'home (wipe question)');

    await goto(page, '/bestaat-niet');
    await axe.check(page, 'page not found');

    // The storage message.
    await page.evaluate((key) => localStorage.setItem(key, '{not json'), STATE_KEY);
    await reload(page);
    await page.getByRole('alert').waitFor();
    await axe.check(page, 'damaged-storage message');

    axe.assertNone();
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('no axe-core violations in English', async () => {
  const { context, page, log } = await openApp(browser);
  const axe = reports();
  try {
    await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
    await page.locator('header button.language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await axe.check(page, 'first screen (English)');
    await throughScreens(page, null, EN, 'self-test (English)');
    await page.getByRole('button', { name: EN['selftest.finish'] }).click();
    await page.waitForURL(`${BASE}/uitslag`);
    await page.getByRole('heading', { level: 1, name: EN['result.title'] }).waitFor();
    await openAllWhy(page);
    await axe.check(page, 'result (English, every "why" open)');

    await goto(page, '/');
    await axe.check(page, 'home (English)');
    await goto(page, '/geschiedenis');
    await axe.check(page, 'history (English)');

    axe.assertNone();
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

// WCAG 1.4.10 (reflow): at 320 CSS px, the width of a small phone or a 400 % zoom, no
// screen scrolls sideways. A wide data table may scroll inside its own box.
test('every screen fits a 320 px wide phone without sideways scrolling', async () => {
  const { context, page, log } = await openApp(browser, { viewport: { width: 320, height: 640 } });
  const tooWide = [];
  async function checkReflow(label) {
    const found = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return null;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .filter((e) => !e.parentElement?.closest('.table-scroll'))
        .slice(0, 3)
        .map((e) => `<${e.tagName.toLowerCase()}${e.id ? ` id="${e.id}"` : ''}${e.className ? ` class="${e.className}"` : ''}>`);
      return `${document.documentElement.scrollWidth} px wide: ${culprits.join(', ')}`;
    });
    if (found) tooWide.push(`${label}: ${found}`);
  }
  async function visit(path, label = path) {
    await page.goto(BASE + path);
    await page.locator('main h1').first().waitFor();
    await mainText(page);
    await checkReflow(label);
  }
  try {
    await visit('/', 'home (new)');
    await completeSelfTestByMouse(page);
    await checkReflow('result');
    for (const path of ['/', '/zelftest', `/zelftest/${TOPIC_IDS[0]}`, '/geschiedenis', '/competenties',
      '/beroepen', '/beroepen/zoeken', '/vacatures', '/activiteiten', '/mijn-werkmap', '/samenvatting']) {
      await visit(path);
    }
    await visit('/vacatures');
    const vacancy = await page.locator('main a[href^="/vacatures/"]').first().getAttribute('href');
    await visit(vacancy, 'vacancy detail');
    await visit('/beroepen/zoeken');
    await page.locator('#occupation-search').fill('heftruck');
    await checkReflow('occupation search with hits');
    const occupation = await page.locator('ol.search-results a[href^="/beroepen/"]').first().getAttribute('href');
    await visit(occupation, 'occupation detail');
    await visit('/beheer', 'staff page');
    await visit('/kiosk', 'kiosk start');
    await visit('/coach', 'coach caseload (empty)');
    assert.deepEqual(tooWide, [], `\n${tooWide.join('\n')}`);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});
