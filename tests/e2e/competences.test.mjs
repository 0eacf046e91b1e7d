// The competence check, the occupations that fit with their gap, the occupation search and
// the ESCO import in the browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  launch, openApp, goto, assertClean, assertNoAxeViolations, storedState, NL, BASE,
} from './helpers.mjs';

const COMPETENCES = JSON.parse(readFileSync(new URL('../../data/competences.json', import.meta.url), 'utf8'));
const OCCUPATIONS = JSON.parse(readFileSync(new URL('../../data/occupations.json', import.meta.url), 'utf8'));
const ESCO_CSV = fileURLToPath(new URL('../../../shared/data/esco/occupations_nl.csv', import.meta.url));

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
}

/** Presses Tab until the element with `id` has focus (at most `limit` times). */
async function tabTo(page, id, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    if ((await focusedId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach #${id} with Tab`);
}

test('rate competences with the keyboard only, then see fitting occupations and a gap', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/competenties');
    // Start the check from its own page with the keyboard.
    await page.getByRole('link', { name: NL['selftest.begin'], exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: NL['competences.page_title'] }).waitFor();

    const firstPage = COMPETENCES.competences.slice(0, 5);
    for (const competence of firstPage.slice(0, 3)) {
      // Tab lands on the first radio of an unanswered group; Space picks it, arrows move.
      await tabTo(page, `comp-${competence.id}-0`);
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      assert.equal(await page.locator(`#comp-${competence.id}-3`).isChecked(), true, competence.id);
    }
    // Once rated, "waar heb je dit laten zien?" appears: volunteering counts like work.
    const first = firstPage[0].id;
    await tabTo(page, `comp-${first}-shown-volunteering`);
    await page.keyboard.press('Space');
    assert.equal(await page.locator(`#comp-${first}-shown-volunteering`).isChecked(), true);

    const state = await storedState(page);
    assert.equal(state.competences.ratings[first].level, 3);
    assert.deepEqual(state.competences.ratings[first].shown_in, ['volunteering']);

    // On to the interests with the "Volgende" link, answer two items by keyboard.
    await page.getByRole('link', { name: NL['selftest.next'], exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${BASE}/competenties/2`);

    await goto(page, '/interesses/1');
    const radios = page.locator('main input[type="radio"]');
    const firstRadio = await radios.first().getAttribute('id');
    await tabTo(page, firstRadio);
    await page.keyboard.press('Space');
    assert.equal(await page.locator(`#${firstRadio}`).isChecked(), true);

    await goto(page, '/beroepen');
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(NL['occupations.fitting']), 'fitting occupations shown');
    const fits = page.locator('ol.fits > li');
    assert.equal(await fits.count(), 10, 'top 10');
    // The score's parts are spelled out.
    assert.match(await fits.first().innerText(), /vaardigheden: .*interesses: /);
    // Open the best fit with the keyboard and see its gap.
    await fits.first().locator('a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`${BASE}/beroepen/[a-z0-9-]+$`));
    await page.getByRole('heading', { level: 2, name: NL['occupations.gap'] }).waitFor();
    const detail = await page.locator('main').innerText();
    assert.ok(detail.includes(NL['occupations.missing']), 'unrated competences are listed, not guessed');
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('occupation search copes with gendered forms and fragments in the bundled catalogue', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/beroepen/zoeken');
    const search = page.locator('#occupation-search');
    const cases = [
      ['kapster', 'kapper'],
      ['caissiere', 'kassa'],
      ['heftruck', 'heftruck'],
    ];
    for (const [query, expected] of cases) {
      await search.fill(query);
      const first = page.locator('ol.search-results > li').first();
      await first.waitFor();
      const shown = (await page.locator('ol.search-results').innerText()).toLowerCase();
      assert.ok(shown.includes(expected), `${query} → ${expected}: ${shown}`);
    }
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('search by what you would like to do: each hit says why; nothing fitting offers the interest check', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await goto(page, '/beroepen/zoeken');
    const search = page.locator('#occupation-search');
    await search.fill("voor baby's zorgen");
    await page.locator('ol.search-results > li').first().waitFor();
    const shown = await page.locator('ol.search-results').innerText();
    assert.ok(/Kraamverzorgende|Oppas|Nanny|Pedagogisch/.test(shown), shown);
    assert.ok(shown.includes('past bij: baby'), shown);
    assert.equal(await page.locator('.no-good-fit').count(), 0);

    // Nothing fits: said plainly, with the way to the interest check.
    await search.fill('draken temmen');
    await page.locator('.no-good-fit').waitFor();
    assert.ok((await page.locator('.no-good-fit').innerText()).includes(NL['search.no_good_fit']));
    await page.locator('.no-good-fit a[href="/interesses/1"]').click();
    await page.waitForURL(/\/interesses\/1$/);

    // The occupation page says what you do in the work.
    await goto(page, '/beroepen/paardenverzorger');
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(NL['occupations.tasks']), main);
    assert.ok(main.includes('Je verzorgt paarden'), main);
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('the ESCO file imports in the browser and "heftruck" finds heftruckchauffeur; bad files are refused', { skip: !existsSync(ESCO_CSV) && 'SKIPPED: ../shared/data/esco/occupations_nl.csv not found (only CI and developer machines have it)' }, async () => {
  const { context, page, log } = await openApp(browser);
  try {
    // Staff read the European list in on their page; the search screen says what it searches.
    await goto(page, '/beroepen/zoeken');
    assert.ok((await page.locator('main').innerText()).includes(NL['search.esco_absent']));
    await goto(page, '/beheer');
    // A file that is not the ESCO file is refused and changes nothing.
    await page.locator('#esco-file').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('<html><body>hallo</body></html>') });
    await page.locator('.import-status').filter({ hasText: 'Je beroepen zijn niet veranderd' }).waitFor();
    assert.ok((await page.locator('main').innerText()).includes(NL['search.esco_absent']));

    const started = Date.now();
    await page.locator('#esco-file').setInputFiles(ESCO_CSV);
    await page.locator('.import-status').filter({ hasText: '3007' }).waitFor({ timeout: 60_000 });
    console.log(`# ESCO import in the browser (pick → searchable): ${Date.now() - started} ms`);
    await goto(page, '/beroepen/zoeken');

    await page.locator('#occupation-search').fill('heftruck');
    await page.locator('ol.search-results > li').first().waitFor();
    const results = (await page.locator('ol.search-results').innerText()).toLowerCase();
    assert.ok(results.includes('heftruckchauffeur'), results);

    // Kept in storage: after a reload ESCO occupations are still searchable.
    await page.reload();
    await page.locator('#occupation-search').waitFor();
    await page.locator('#occupation-search').fill('vorkheftruckbestuurder');
    await page.locator('ol.search-results > li').first().waitFor();
    assert.ok((await page.locator('ol.search-results').innerText()).toLowerCase().includes('heftruck'));
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('axe-core finds nothing on the competence, occupation and search screens', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    const occupation = OCCUPATIONS.occupations[0].id;
    for (const path of ['/competenties', '/competenties/1', '/interesses/1', '/beroepen']) {
      await goto(page, path);
      await assertNoAxeViolations(page, path);
    }
    // With answers: the shown-in group, the charts and the fit list.
    await goto(page, '/competenties/1');
    await page.locator(`#comp-${COMPETENCES.competences[0].id}-2`).check();
    await assertNoAxeViolations(page, '/competenties/1 rated');
    await goto(page, '/interesses/1');
    for (const radio of await page.locator('main input[type="radio"][id$="-yes"]').all()) await radio.check();
    await goto(page, '/beroepen');
    await assertNoAxeViolations(page, '/beroepen with answers');
    await goto(page, `/beroepen/${occupation}`);
    await assertNoAxeViolations(page, `/beroepen/${occupation}`);
    await goto(page, '/beroepen/zoeken');
    await page.locator('#occupation-search').fill('kapster');
    await page.locator('ol.search-results > li').first().waitFor();
    await assertNoAxeViolations(page, '/beroepen/zoeken with results');
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});
