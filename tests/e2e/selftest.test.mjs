// The self-test as a job seeker uses it: keyboard only, autosave across reloads, language
// switch, read-aloud.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ANSWERS,
  BASE,
  EN,
  EXPECTED,
  NL,
  QUESTIONS,
  TOPIC_IDS,
  answerScreens,
  assertClean,
  completeSelfTestByMouse,
  flatAnswers,
  questionsOnScreen,
  goto,
  launch,
  mainText,
  openApp,
  reload,
  storedState,
  topicTitle,
  waitForTopic,
} from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------------------------------
// Keyboard helpers: only page.keyboard, never a click.

/** What has focus, in a form a test can compare. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      id: el.id,
      name: el.getAttribute('name'),
      value: el.value,
      checked: el.checked,
      text: (el.textContent || '').trim(),
      inRoute: Boolean(el.closest('section.route')),
    };
  });
}

const describe = (f) =>
  f.tag === 'body' ? 'body' : `<${f.tag}${f.id ? ` id=${f.id}` : ''}${f.type ? ` type=${f.type}` : ''}> ${f.text.slice(0, 40)}`;

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
async function tabTo(page, matches, what, { max = 60, key = 'Tab' } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (matches(f)) return f;
    seen.push(describe(f));
  }
  throw new Error(`${key} never reached ${what}; focus went through:\n  ${seen.join('\n  ')}`);
}

const isLink = (text) => (f) => f.tag === 'a' && f.text === text;
const isButton = (text) => (f) => f.tag === 'button' && f.text === text;

/** Tabs into a radio group and selects `value` with the arrow keys (Space if already on it). */
async function chooseRadio(page, qid, value, optionCount) {
  let f = await tabTo(page, (x) => x.type === 'radio' && x.name === qid, `radio group ${qid}`);
  for (let i = 0; f.value !== value; i++) {
    assert.ok(i <= optionCount, `ArrowDown never reached ${qid}=${value}`);
    await page.keyboard.press('ArrowDown');
    f = await focused(page);
  }
  if (!f.checked) await page.keyboard.press('Space');
  assert.equal((await focused(page)).checked, true, `${qid}=${value} is checked`);
}

/** Tabs to each checkbox in turn and ticks it with Space. */
async function tickCheckboxes(page, qid, values) {
  for (const value of values) {
    await tabTo(page, (x) => x.type === 'checkbox' && x.id === `${qid}-${value}`, `checkbox ${qid}-${value}`);
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).checked, true, `${qid}-${value} is ticked`);
  }
}

function questionById(qid) {
  for (const topic of QUESTIONS.topics) {
    const q = topic.questions.find((x) => x.id === qid);
    if (q) return q;
  }
  throw new Error(`no question ${qid}`);
}

function optionCount(question) {
  const options = typeof question.options === 'string' ? QUESTIONS.option_sets[question.options] : question.options;
  return options.length + (question.sensitive ? 1 : 0);
}

async function answerScreenByKeyboard(page, ids) {
  const answers = flatAnswers();
  for (const qid of ids) {
    const value = answers[qid];
    const question = questionById(qid);
    if (question.kind === 'postcode' || question.kind === 'number') {
      await tabTo(page, (f) => f.id === `${qid}-input`, `the ${qid} field`);
      await page.keyboard.type(String(value));
    } else if (question.kind === 'multi') {
      await tickCheckboxes(page, qid, value);
    } else {
      await chooseRadio(page, qid, value, optionCount(question));
    }
  }
}

// ---------------------------------------------------------------------------------------

test('the whole self-test can be done with the keyboard only', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/');

    // The skip link is the first stop and moves focus into <main>.
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, NL['nav.skip']);

    await tabTo(page, isLink(NL['home.start']), `"${NL['home.start']}"`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${BASE}/zelftest`);
    await page.getByRole('heading', { level: 1, name: NL['selftest.title'] }).waitFor();

    await tabTo(page, isLink(NL['selftest.begin']), `"${NL['selftest.begin']}"`);
    await page.keyboard.press('Enter');

    // Screen by screen; the last one has "Bekijk je uitslag" instead of "Volgende".
    for (let screen = 1; ; screen++) {
      assert.ok(screen < 40, 'the self-test ends');
      // Each screen starts with focus on its heading, the topic's title.
      await page.waitForFunction(
        (titles) => document.activeElement?.tagName === 'H1' && titles.includes(document.activeElement.textContent.trim()),
        TOPIC_IDS.map((t) => topicTitle(t)),
      );
      const ids = await questionsOnScreen(page);
      await answerScreenByKeyboard(page, ids);
      if (await page.getByRole('button', { name: NL['selftest.finish'] }).count()) break;
      const before = page.url();
      await tabTo(page, isLink(NL['selftest.next']), `"${NL['selftest.next']}" on screen ${screen}`);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.href !== before);
    }

    // Everything typed and ticked was saved.
    const saved = await storedState(page);
    assert.deepEqual(saved.answers.postcode, { type: 'text', value: '3511' });
    assert.deepEqual(saved.answers.age_band, { type: 'chosen', value: ['18_22'] });
    assert.deepEqual(saved.answers.channels, { type: 'chosen', value: ['job_sites', 'network'] });
    assert.equal(Object.keys(saved.answers).length, Object.values(ANSWERS).flatMap(Object.keys).length);

    await tabTo(page, isButton(NL['selftest.finish']), `"${NL['selftest.finish']}"`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${BASE}/uitslag`);
    await page.getByRole('heading', { level: 1, name: NL['result.title'] }).waitFor();

    // All questions answered: no "incomplete" notice.
    assert.equal(await page.locator('main .incomplete').count(), 0);

    // Strengths first, before the route.
    const strengths = page.getByRole('heading', { level: 2, name: NL['result.strengths'] });
    await strengths.waitFor();
    const order = await page.evaluate(() => {
      const s = document.querySelector('section.strengths');
      const r = document.querySelector('section.route');
      return Boolean(s && r && s.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(order, '"Dit gaat goed" comes before the route section');
    assert.match(await page.locator('section.strengths').innerText(), new RegExp(EXPECTED.strength));

    // The route.
    assert.equal((await page.locator('section.route .route-name').innerText()).trim(), EXPECTED.route);

    // Both ladders, each with exactly one current rung.
    const ladders = page.locator('section.ladders figure.ladder');
    assert.equal(await ladders.count(), 2);
    for (const [i, level] of [EXPECTED.participation, EXPECTED.reintegration].entries()) {
      const current = ladders.nth(i).locator('li[aria-current="true"]');
      assert.equal(await current.count(), 1);
      assert.equal((await current.locator('.rung-number').innerText()).trim(), String(level));
    }
    const ladderText = await page.locator('section.ladders').innerText();
    assert.match(ladderText, /trede 3 van 6/);
    assert.match(ladderText, /trede 4 van 6/);

    // "Waarom zie ik dit?" of the route opens with Enter and lists the answers behind it.
    const why = page.locator('section.route details.why');
    assert.equal(await why.evaluate((d) => d.open), false);
    const summary = await tabTo(
      page,
      (f) => f.tag === 'summary' && f.inRoute,
      `"${NL['result.why']}" of the route`,
      { max: 80 },
    );
    assert.equal(summary.text, NL['result.why']);
    await page.keyboard.press('Enter');
    assert.equal(await why.evaluate((d) => d.open), true, 'Enter opens the details');
    const reasons = await why.locator('li').allInnerTexts();
    assert.ok(reasons.some((r) => r.includes('Hoe oud ben je?') && r.includes('18 tot 23 jaar')), reasons.join('\n'));
    assert.ok(
      reasons.some((r) => r.includes('hoogste school') && r.includes('Vmbo of mavo')),
      reasons.join('\n'),
    );
    await page.keyboard.press('Enter');
    assert.equal(await why.evaluate((d) => d.open), false, 'Enter closes it again');

    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('answers and the result survive a reload; the history has one entry', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    // Half-way: answer the first screen, reload, everything is still there.
    await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
    const first = await questionsOnScreen(page);
    for (const qid of first) {
      await (await import('./helpers.mjs')).answerQuestion(page, qid, flatAnswers()[qid]);
    }
    await reload(page);
    await assertScreenAnswered(page);

    await completeSelfTestByMouse(page);
    const before = await mainText(page);
    assert.match(before, new RegExp(EXPECTED.route));

    await reload(page);
    await page.getByRole('heading', { level: 2, name: NL['result.strengths'] }).waitFor();
    assert.equal(await mainText(page), before, 'the result is identical after a reload');

    // Every answer is still there, on every screen.
    await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
    for (let screen = 1; ; screen++) {
      assert.ok(screen < 40);
      await assertScreenAnswered(page);
      if (await page.getByRole('button', { name: NL['selftest.finish'] }).count()) break;
      const before = page.url();
      await page.getByRole('link', { name: NL['selftest.next'], exact: true }).click();
      await page.waitForURL((url) => url.href !== before);
    }

    await goto(page, '/geschiedenis');
    const rows = page.locator('table.history tbody tr');
    assert.equal(await rows.count(), 1, 'one completed self-test in the history');
    const row = await rows.first().innerText();
    assert.match(row, new RegExp(EXPECTED.route));
    assert.match(row, new RegExp(`\\b${EXPECTED.participation}\\b`));
    assert.match(row, new RegExp(`\\b${EXPECTED.reintegration}\\b`));

    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

/** The questions on the current screen show the answers of `ANSWERS`. */
async function assertScreenAnswered(page) {
  const answers = flatAnswers();
  for (const qid of await questionsOnScreen(page)) {
    const value = answers[qid];
    if (qid === 'postcode' || typeof value === 'number') {
      assert.equal(await page.locator(`#${qid}-input`).inputValue(), String(value));
      continue;
    }
    const wanted = Array.isArray(value) ? value : [value];
    const checked = await page
      .locator(`input[name="${qid}"]`)
      .evaluateAll((inputs) => inputs.filter((i) => i.checked).map((i) => i.value));
    assert.deepEqual(checked.sort(), [...wanted].sort(), qid);
  }
}

test('the language switch changes every text, and the choice survives a reload', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/uitslag');
    const h1 = page.locator('main h1');
    const html = page.locator('html');
    assert.equal(await h1.innerText(), NL['result.title']);
    assert.equal(await html.getAttribute('lang'), 'nl');

    // The button offers the other language, in that language.
    const toEnglish = page.locator('header button.language-switch');
    assert.equal(await toEnglish.innerText(), 'English');
    assert.equal(await toEnglish.getAttribute('lang'), 'en');
    await toEnglish.click();

    await page.getByRole('heading', { level: 1, name: EN['result.title'] }).waitFor();
    assert.equal(await html.getAttribute('lang'), 'en');
    assert.equal(await page.title(), EN['app.title']);
    assert.equal(await page.locator('main p').first().innerText(), EN['result.no_answers']);
    assert.deepEqual(await page.locator('header nav a').allInnerTexts(), [
      EN['nav.selftest'],
      EN['nav.result'],
      EN['nav.history'],
      EN['nav.competences'],
      EN['nav.occupations'],
      EN['nav.vacancies'],
      EN['nav.activities'],
      EN['nav.share'],
    ]);
    assert.ok((await page.locator('footer').innerText()).includes(EN['footer.privacy']));
    assert.equal(await toEnglish.innerText(), 'Nederlands');
    assert.equal((await storedState(page)).language, 'en');

    // Content from the question file follows too.
    await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
    assert.equal(await page.locator('main h1').innerText(), QUESTIONS.topics[0].title.en);
    assert.equal(await html.getAttribute('lang'), 'en', 'English survives a reload');

    // Back to Dutch.
    await page.locator('header button.language-switch').click();
    await waitForTopic(page, TOPIC_IDS[0], 'nl');
    assert.equal(await html.getAttribute('lang'), 'nl');
    assert.equal(await page.title(), NL['app.title']);
    await goto(page, '/uitslag');
    assert.equal(await h1.innerText(), NL['result.title'], 'Dutch survives a reload');
    assert.equal(await html.getAttribute('lang'), 'nl');

    // And English again, then a plain reload of the same page.
    await page.locator('header button.language-switch').click();
    await page.getByRole('heading', { level: 1, name: EN['result.title'] }).waitFor();
    await reload(page);
    assert.equal(await h1.innerText(), EN['result.title']);
    assert.equal(await html.getAttribute('lang'), 'en');

    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

// Replaces speechSynthesis.speak/cancel with recorders, before the app starts.
function stubSpeech() {
  window.__spoken = [];
  if (!('speechSynthesis' in window)) return;
  const proto = Object.getPrototypeOf(window.speechSynthesis);
  proto.speak = function speak(utterance) {
    window.__spoken.push({ text: utterance.text, lang: utterance.lang });
  };
  proto.cancel = function cancel() {};
  // A device with a Dutch and an English voice.
  proto.getVoices = function getVoices() {
    return [{ lang: 'nl-NL', name: 'nl' }, { lang: 'en-GB', name: 'en' }];
  };
}

test('read-aloud speaks the question and its options', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await context.addInitScript(stubSpeech);
    await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
    const hasSpeech = await page.evaluate(() => 'speechSynthesis' in window);
    const buttons = page.locator('main fieldset.question button.read-aloud');
    const onScreen = await questionsOnScreen(page);
    const questions = QUESTIONS.topics[0].questions.filter((q) => onScreen.includes(q.id));
    assert.ok(hasSpeech, 'this browser has speechSynthesis (the next test takes it away)');
    assert.equal(await buttons.count(), questions.length, 'one read-aloud button per question');

    // Accessible name "Lees voor", described by the question.
    const first = buttons.first();
    assert.equal((await first.innerText()).trim(), NL['question.read_aloud']);
    assert.equal(await first.getAttribute('aria-describedby'), `${questions[0].id}-legend`);

    await first.click();
    let spoken = await page.evaluate(() => window.__spoken);
    const age = questions[0];
    const expected = [age.text.nl, ...age.options.map((o) => o.label.nl)].join('. ');
    assert.deepEqual(spoken, [{ text: expected, lang: 'nl-NL' }]);

    // A question without options: just the question.
    const postcode = questions.findIndex((q) => q.kind === 'postcode');
    await buttons.nth(postcode).click();
    spoken = await page.evaluate(() => window.__spoken);
    assert.deepEqual(spoken[1], { text: questions[postcode].text.nl, lang: 'nl-NL' });

    // In English, in an English voice; the keyboard works as well as a click.
    await page.locator('header button.language-switch').click();
    await waitForTopic(page, TOPIC_IDS[0], 'en');
    await buttons.first().focus();
    await page.keyboard.press('Enter');
    spoken = await page.evaluate(() => window.__spoken);
    assert.deepEqual(spoken[2], {
      text: [age.text.en, ...age.options.map((o) => o.label.en)].join('. '),
      lang: 'en-GB',
    });

    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('without speech, or without a voice, "Lees voor" says so in its own place', async () => {
  for (const take of [
    () => {
      delete Window.prototype.speechSynthesis;
      delete window.speechSynthesis;
    },
    () => {
      if ('speechSynthesis' in window) Object.getPrototypeOf(window.speechSynthesis).getVoices = () => [];
    },
  ]) {
    const { context, page, log } = await openApp(browser);
    try {
      await context.addInitScript(take);
      await goto(page, `/zelftest/${TOPIC_IDS[0]}`);
      const button = page.locator('main button.read-aloud').first();
      const box = await page.locator('main fieldset.question').nth(1).boundingBox();
      await button.click();
      await page.getByText(NL['question.no_voice']).first().waitFor();
      const after = await page.locator('main fieldset.question').nth(1).boundingBox();
      assert.equal(after.y, box.y, 'the message moves nothing below it');
      await assertClean(page, log);
    } finally {
      await context.close();
    }
  }
});
