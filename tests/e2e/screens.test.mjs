// What a person sees, on the screens they use: a 360 × 740 phone with touch and a portrait
// 1080 × 1920 kiosk. Three people go through the app tapping the visible controls; on every
// screen the test looks at what they see:
//   - the page's own action ([data-primary]) is in view without scrolling;
//   - nothing is wider than the screen;
//   - every chart has a drawn size, and every bar of a rated competence has a length;
//   - nothing moves when a field loses focus (positions measured, and the layout-shift
//     entries of the Performance API);
//   - touch targets are at least 44 px at the kiosk and 24 px elsewhere (WCAG 2.5.8;
//     links inside a sentence are exempt);
//   - axe-core finds nothing.
// Screenshots of every screen go to target/screenshots/<person>/ (not committed): look at them.
// The figures of the self-test (taps, screens, scroll height) are printed for the notes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import {
  launch, openApp, assertClean, assertNoAxeViolations, answerScreens, answerQuestion,
  questionsOnScreen, DECLINE, NL, BASE,
} from './helpers.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;

const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };
const KIOSK = { viewport: { width: 1080, height: 1920 }, hasTouch: true };

/**
 * Samira, 34, mother of two, reads Dutch at A2/B1, on her phone at home. She can work at
 * most 24 hours, cares for her children and has money worries; she wants help with care.
 */
const SAMIRA = {
  age_band: '27_34', postcode: '3525', education: 'vmbo', diploma: 'yes', work_years: '1_5',
  work_sectors: ['cleaning', 'retail'], dutch_level: 'basic', other_languages: ['arabic'],
  driving_licence: 'no', transport: ['bike', 'public'], hours: 24, time_without_work: '1_2y',
  income: 'bijstand', obstacle_health_physical: 'none', obstacle_health_mental: 'none',
  obstacle_care: 'some', obstacle_money: 'some', obstacle_housing: 'none', obstacle_language: 'some',
  obstacle_digital: 'none', obstacle_addiction: DECLINE, obstacle_justice: DECLINE,
  obstacle_help: ['care'], applications_4w: '1_3', channels: ['job_sites', 'network'],
  cv_ready: 'partly', knows_goal: 'somewhat', interviews: '0', want_work: 'yes',
  expect_work: 'maybe', know_strengths: 'somewhat', activities: ['social_contacts'],
};

/**
 * Dani, 19, no diploma, at the youth desk's kiosk. Skips the education question; answers
 * "Nee" to "Heb je een diploma?".
 */
const DANI = {
  age_band: '18_22', postcode: '3511', diploma: 'no', work_years: 'less_1',
  work_sectors: ['hospitality'], dutch_level: 'native', other_languages: ['english'],
  driving_licence: 'learning', transport: ['bike'], hours: 32, time_without_work: '6_12m',
  income: 'family', obstacle_health_physical: 'none', obstacle_health_mental: 'some',
  obstacle_care: 'none', obstacle_money: 'none', obstacle_housing: 'none', obstacle_language: 'none',
  obstacle_digital: 'none', obstacle_addiction: 'none', obstacle_justice: 'none',
  obstacle_help: ['none'], applications_4w: '0', channels: ['social_media'], cv_ready: 'no',
  knows_goal: 'no', interviews: '0', want_work: 'yes', expect_work: 'yes', know_strengths: 'no',
  activities: ['course_or_club', 'social_contacts'],
};

/**
 * Henk, 58, reads well, long out of work with health trouble; prefers not to say several
 * things, can work 40 hours. Rates a few competences, then shares his work map with his
 * coach and takes the coach's reply in.
 */
const HENK = {
  age_band: '55_plus', postcode: DECLINE, education: 'mbo3', diploma: 'yes', work_years: '10_plus',
  work_sectors: ['production', 'logistics'], dutch_level: 'native', other_languages: ['none'],
  driving_licence: 'yes', transport: ['car'], hours: 40, time_without_work: '2_5y', income: DECLINE,
  obstacle_health_physical: 'a_lot', obstacle_health_mental: 'some', obstacle_care: 'none',
  obstacle_money: 'none', obstacle_housing: 'none', obstacle_language: 'none',
  obstacle_digital: 'some', obstacle_addiction: 'none', obstacle_justice: 'none',
  obstacle_help: ['health_physical'], applications_4w: '4_9',
  channels: ['job_sites', 'temp_agency', 'werkplein'], cv_ready: 'yes', knows_goal: 'yes',
  interviews: '1', want_work: 'yes', expect_work: 'no', know_strengths: 'yes',
  activities: ['mostly_home'],
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Starts watching layout shifts (buffered, so shifts since load count too). */
async function watchShifts(page) {
  await page.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
}

/**
 * Everything the test checks on one screen; saves the screenshot. `primary`: the screen has
 * an action of its own that must be in view.
 */
async function lookAt(page, who, name, { kiosk = false, primary = true } = {}) {
  await page.waitForTimeout(150);
  const facts = await page.evaluate(({ kiosk }) => {
    const width = window.innerWidth;
    const height = window.innerHeight;
    const visible = (el) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    // Inside a box that scrolls sideways on purpose, being wide is fine.
    const inScroller = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const tooWide = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!visible(el) || inScroller(el)) continue;
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 || box.left < -1) tooWide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(box.left)}–${Math.round(box.right)})`);
    }
    const primaries = [...document.querySelectorAll('[data-primary]')].filter(visible);
    const primary = primaries.map((el) => {
      const box = el.getBoundingClientRect();
      return { text: el.innerText, top: box.top, bottom: box.bottom };
    });
    const charts = [...document.querySelectorAll('main svg, main .bar-chart, main .ladder')]
      .filter((el) => getComputedStyle(el).display !== 'none' && !el.closest('button'))
      .map((el) => {
        const box = el.getBoundingClientRect();
        return { tag: el.tagName.toLowerCase(), cls: String(el.className?.baseVal ?? el.className), width: box.width, height: box.height };
      });
    const emptyBars = [...document.querySelectorAll('main .bar-svg rect.bar')]
      .filter((rect) => Number(rect.getAttribute('width')) > 0 && rect.getBoundingClientRect().width < 1).length;
    // Touch targets: controls, excluding links inside running text.
    const min = kiosk ? 44 : 24;
    const small = [];
    for (const el of document.querySelectorAll('a, button, input, select, textarea, summary, label[for]')) {
      if (!visible(el) || el.closest('[aria-hidden="true"]') || el.type === 'hidden') continue;
      if (el.matches('input[type="radio"], input[type="checkbox"]')) continue; // their label is the target
      if (el.tagName === 'A') {
        const parent = el.parentElement;
        const inline = parent && [...parent.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
        if (inline) continue;
      }
      const box = el.getBoundingClientRect();
      if (box.width < min || box.height < min) small.push(`${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.id).slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return { width, height, scrollWidth: document.documentElement.scrollWidth, pageHeight: document.documentElement.scrollHeight, tooWide, primary, charts, emptyBars, small };
  }, { kiosk });
  mkdirSync(`${SHOTS}${who}`, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${who}/${name}.png`, fullPage: process.env.FULL === '1' });
  const label = `${who}: ${name}`;
  assert.ok(facts.scrollWidth <= facts.width, `${label}: the page is ${facts.scrollWidth} px wide on a ${facts.width} px screen`);
  assert.deepEqual(facts.tooWide.slice(0, 5), [], `${label}: wider than the screen`);
  if (primary) {
    assert.ok(facts.primary.length > 0, `${label}: no primary action marked`);
    const inView = facts.primary.some((p) => p.top >= 0 && p.bottom <= facts.height);
    assert.ok(inView, `${label}: the primary action is not in view: ${JSON.stringify(facts.primary)}`);
  }
  for (const chart of facts.charts) {
    assert.ok(chart.width > 0 && chart.height > 0, `${label}: a chart without a size: ${JSON.stringify(chart)}`);
  }
  assert.equal(facts.emptyBars, 0, `${label}: bars without a length`);
  assert.deepEqual(facts.small, [], `${label}: touch targets below ${kiosk ? 44 : 24} px`);
  await assertNoAxeViolations(page, label);
  return facts;
}

/** Positions of every control on the screen, to compare before and after a blur (the
 * sticky way on stays at the bottom of the screen, so its place in the page follows the
 * scrolling). */
async function positions(page) {
  return page.evaluate(() => [...document.querySelectorAll('main input, main button, main a, main label')]
    .filter((el) => !el.closest('.sticky'))
    .map((el) => {
      const box = el.getBoundingClientRect();
      return `${el.tagName}#${el.id}:${Math.round(box.top + window.scrollY)}`;
    }));
}

/** Types into a field and leaves it: nothing on the screen may move. */
async function typeAndLeave(page, selector, value, label) {
  await watchShifts(page);
  const before = await positions(page);
  await page.locator(selector).tap();
  await page.locator(selector).fill(value);
  await page.locator(selector).press('Tab');
  await page.waitForTimeout(300);
  const after = await positions(page);
  assert.deepEqual(after, before, `${label}: something moved when ${selector} lost focus`);
  const shifts = await page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));
  assert.ok(shifts < 0.001, `${label}: layout shift ${shifts}`);
}

async function tapLink(page, name) {
  await page.getByRole('link', { name, exact: true }).first().tap();
}

async function openMenu(page) {
  await page.getByRole('button', { name: NL['nav.menu'] }).tap();
}

/** Through the self-test screen by screen, checking each one; returns taps and heights. */
async function selfTest(page, who, answers, { kiosk = false, base = '' } = {}) {
  let n = 0;
  let scroll = 0;
  let tallest = 0;
  const counts = await answerScreens(page, answers, {
    base,
    tap: true,
    onScreen: async (p, ids) => {
      n += 1;
      const facts = await lookAt(p, who, `selftest-${String(n).padStart(2, '0')}-${ids.join('+')}`, { kiosk });
      scroll += Math.max(0, facts.pageHeight - facts.height);
      tallest = Math.max(tallest, facts.pageHeight);
      if (kiosk) assert.equal(ids.length, 1, `${who}: one question per screen at the kiosk`);
      else assert.ok(facts.pageHeight <= 2.2 * facts.height, `${who}: screen ${n} is ${facts.pageHeight} px tall`);
      for (const qid of ids) {
        if (qid === 'postcode' && typeof answers.postcode === 'string') {
          await typeAndLeave(p, '#postcode-input', answers.postcode, `${who} postcode`);
        }
      }
    },
  });
  console.log(`  ${who}: self-test in ${counts.screens} screens, ${counts.taps} taps, ${scroll} px to scroll in all, tallest screen ${tallest} px`);
  return counts;
}

test('Samira on her phone: start, self-test, result, vacancies, applying, activity log, saving her file', async () => {
  const { context, page, log } = await openApp(browser, PHONE);
  try {
    await page.goto(`${BASE}/`);
    await page.locator('main h1').waitFor();
    const header = await page.locator('header.app-header').boundingBox();
    console.log(`  phone header: ${Math.round(header.height)} px`);
    assert.ok(header.height <= 72, `the phone header is ${header.height} px tall`);
    await lookAt(page, 'samira', '01-start');
    await openMenu(page);
    await lookAt(page, 'samira', '02-menu-open', { primary: false });
    await openMenu(page);
    await page.locator('[data-primary]').first().tap();
    await page.getByRole('heading', { level: 1, name: NL['selftest.title'] }).waitFor();
    await lookAt(page, 'samira', '03-selftest-overview');
    await page.locator('[data-primary]').first().tap();
    await selfTest(page, 'samira', SAMIRA);
    const result = await lookAt(page, 'samira', '10-result');
    const text = await page.locator('main').innerText();
    // Only what she said, and no contradictions.
    assert.ok(text.includes('Je kan 24 uur per week werken'), 'the words follow her number of hours');
    assert.ok(!text.includes('Je kan veel uren'));
    assert.ok(!text.includes(NL['result.later']), 'she never said "ik wil nu geen hulp"');
    assert.ok(result.pageHeight > 0);

    // Vacancies: a nearer distance, then one vacancy, applying, and back to where she was.
    await page.goto(`${BASE}/vacatures`);
    await page.locator('.vacancy-list li').first().waitFor();
    await lookAt(page, 'samira', '11-vacancies');
    await page.locator('.vacancy-list li a').nth(2).scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    await page.locator('.vacancy-list li a').nth(2).tap();
    await page.getByRole('button', { name: NL['vacancies.apply'] }).waitFor();
    await lookAt(page, 'samira', '12-vacancy', { primary: false });
    await page.getByRole('button', { name: NL['vacancies.apply'] }).tap();
    await page.getByText(NL['vacancies.to_log']).waitFor();
    await page.goBack();
    await page.locator('.vacancy-list li').first().waitFor();
    await page.waitForTimeout(300);
    const back = await page.evaluate(() => window.scrollY);
    assert.ok(Math.abs(back - y) < 80, `back at the list she is where she was (${y} → ${back})`);

    await page.goto(`${BASE}/activiteiten`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await lookAt(page, 'samira', '13-activities', { primary: false });

    // Her file: age and postcode unticked are said as left out.
    await page.goto(`${BASE}/mijn-werkmap`);
    await page.locator('#share-alias').waitFor();
    await lookAt(page, 'samira', '14-my-work-map', { primary: false });
    const consent = await page.locator('main').innerText();
    assert.ok(consent.includes(NL['share.without_age_postcode']), 'the self-test part says age and postcode stay out');
    assert.ok(!consent.includes('ook je leeftijd en postcode'));
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('Dani at the kiosk: one question per screen, a true youth ladder, the QR code in view, no file', async () => {
  const { context, page, log } = await openApp(browser, KIOSK);
  await context.route('**/kiosk.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ staff_pin: null, inactivity_seconds: 600, warning_seconds: 30 }),
  }));
  try {
    await page.goto(`${BASE}/kiosk`);
    await page.getByRole('heading', { level: 1, name: NL['kiosk.title'] }).waitFor();
    await lookAt(page, 'dani', '01-kiosk-start', { kiosk: true });
    const start = await page.locator('[data-primary]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(start >= 28, `the start button's text is ${start} px`);
    await page.locator('[data-primary]').tap();
    await selfTest(page, 'dani', DANI, { kiosk: true, base: '/kiosk' });
    await lookAt(page, 'dani', '10-result', { kiosk: true });
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(NL['result.youth_unknown']), 'the ladder says it does not know the step yet');
    assert.ok(!text.includes('Je hebt een diploma. Je kan zelf zoeken'), 'no claim of a diploma');
    const youth = page.locator('section.youth');
    assert.ok(!(await youth.innerText()).includes(NL['result.you_are_here'].trim()), 'no "jij nu" on a guess');
    assert.ok((await youth.innerText()).includes('Wat is de hoogste school of opleiding'), 'the open question is named');
    assert.ok(!text.includes('Bewaar als bestand'), 'a shared screen offers no file');

    // The QR code, over the screen, in view without scrolling.
    await page.getByRole('button', { name: NL['kiosk.qr'] }).tap();
    await page.getByRole('button', { name: NL['kiosk.qr_show'] }).tap();
    const qr = await page.locator('img.qr').boundingBox();
    assert.ok(qr.y >= 0 && qr.y + qr.height <= 1920 && qr.width >= 400, `QR code at ${JSON.stringify(qr)}`);
    await lookAt(page, 'dani', '11-qr', { kiosk: true, primary: false });
    const summary = await page.locator('#qr-text').innerText();
    assert.ok(!/\[sample-\d+\]/.test(summary), 'no internal ids in the take-home text');
    await assertClean(page, log, { allowConsoleErrors: [/kiosk\.json/] });
  } finally {
    await context.close();
  }
});

test('Henk on his phone: support first without contradictions, back to the result, competences and the chart', async () => {
  const { context, page, log } = await openApp(browser, PHONE);
  try {
    await page.goto(`${BASE}/zelftest/over-jou`);
    await questionsOnScreen(page);
    await selfTest(page, 'henk', HENK);
    await lookAt(page, 'henk', '10-result');
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('Eerst steun'));
    assert.ok(!text.includes('Probeer elke week 1 keer te solliciteren'), '"eerst steun" and "solliciteer elke week" never together');

    // "Antwoorden aanpassen" has a way straight back to the result.
    await page.getByRole('link', { name: NL['result.edit_answers'] }).tap();
    await page.getByRole('link', { name: NL['selftest.back_to_result'] }).tap();
    await page.getByRole('heading', { level: 1, name: NL['result.title'] }).waitFor();

    // A few competences, then the chart at 360 px has bars.
    await page.goto(`${BASE}/competenties/1`);
    await page.locator('main fieldset.question').first().waitFor();
    for (const level of [3, 4, 2]) {
      const fieldset = page.locator('main fieldset.competence').nth(level - 2);
      await fieldset.locator('label').nth(level).tap();
    }
    await lookAt(page, 'henk', '11-competences');
    await page.goto(`${BASE}/beroepen`);
    await page.locator('.bar-chart').waitFor();
    await lookAt(page, 'henk', '12-occupations', { primary: false });
    const bars = await page.locator('.bar-chart .bar').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    assert.ok(bars.length >= 3 && bars.every((w) => w > 20), `bars drawn: ${bars}`);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});
