// The portfolio file and coach mode in the browser: a job seeker exports with a section left
// out; a coach imports it with 50 more files, adds agreements and exports a reply; the job
// seeker takes the reply in and sees the agreements. Also: encryption, a hostile file shown
// as text, the CV checked against the JSON Resume schema, the one-page summary, axe-core.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  launch, openApp, goto, assertClean, assertNoAxeViolations, storedState,
  completeSelfTestByMouse, NL, BASE,
} from './helpers.mjs';

const require = createRequire(import.meta.url);
const CLI = process.env.WERKMAP_CLI || new URL('../../target/debug/werkmap', import.meta.url).pathname;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function downloadOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), path: await download.path() };
}

/** A job seeker with a finished self-test and one logged activity. */
async function jobSeeker() {
  const seeker = await openApp(browser);
  await completeSelfTestByMouse(seeker.page);
  await goto(seeker.page, '/activiteiten');
  await seeker.page.locator('#act-employer').fill('Bakkerij Hendriks');
  await seeker.page.getByRole('button', { name: NL['log.add'], exact: true }).click();
  await seeker.page.getByText(NL['log.added']).waitFor();
  return seeker;
}

test('export with a section left out → coach imports it and 50 more → reply → agreements at home', async () => {
  const seeker = await jobSeeker();
  const coach = await openApp(browser, { viewport: { width: 1280, height: 1000 } });
  try {
    // The job seeker leaves the activity log out and gives an alias.
    const { page } = seeker;
    await goto(page, '/mijn-werkmap');
    await page.getByRole('heading', { level: 1, name: NL['share.title'] }).waitFor();
    await assertNoAxeViolations(page, 'share screen');
    await page.locator('#share-alias').fill('Sam de Vries');
    await page.locator('#share-activities').uncheck();
    const exported = await downloadOf(page, () => page.getByRole('button', { name: NL['share.save'] }).click());
    assert.match(exported.name, /^werkmap-SamdeVries-\d{4}-\d{2}-\d{2}\.werkmap\.json$/);
    const file = JSON.parse(readFileSync(exported.path, 'utf8'));
    assert.equal(file.format, 'werkmap-portfolio');
    assert.equal(file.profile.alias, 'Sam de Vries');
    assert.ok(!('activities' in file), 'an unshared section is not in the file at all');
    assert.ok(!JSON.stringify(file).includes('Bakkerij Hendriks'));
    assert.ok(file.shared.includes('selftest'));

    // 50 more job seekers, made by the CLI, and one hostile file.
    const dir = mkdtempSync(join(tmpdir(), 'werkmap-caseload-'));
    execFileSync(CLI, ['portfolio', 'generate', '--count', '50', '--seed', '7', '--out-dir', dir]);
    const files = readdirSync(dir).map((name) => join(dir, name));
    assert.equal(files.length, 50);

    await coach.page.goto(`${BASE}/coach`);
    await coach.page.getByRole('heading', { level: 1, name: NL['coach.caseload_title'] }).waitFor();
    await coach.page.locator('#coach-name').fill('Coach Jansen');
    await coach.page.locator('#coach-name').press('Tab');
    await coach.page.locator('#coach-files').setInputFiles([exported.path, ...files]);
    await coach.page.getByText('51 bestanden gelezen: 51 nieuw', { exact: false }).waitFor({ timeout: 60_000 });
    assert.equal(await coach.page.locator('table.caseload tbody tr').count(), 51);
    await assertNoAxeViolations(coach.page, 'coach caseload');

    // Sorting and filtering.
    await coach.page.locator('#coach-search').fill('sam de');
    await coach.page.locator('table.caseload tbody tr').filter({ hasText: 'Sam de Vries' }).waitFor();
    assert.equal(await coach.page.locator('table.caseload tbody tr').count(), 1);
    await coach.page.locator('#coach-search').fill('');
    await coach.page.getByRole('button', { name: NL['coach.col_name'] }).click();
    assert.equal(await coach.page.locator('th[aria-sort="ascending"]').count(), 1);

    // The client's detail, in the job seeker's words; the section left out is named.
    await coach.page.getByRole('link', { name: 'Sam de Vries' }).click();
    await coach.page.getByRole('heading', { level: 1, name: 'Sam de Vries' }).waitFor();
    const detail = await coach.page.locator('main').innerText();
    assert.ok(detail.includes(NL['coach.not_shared_sections']), detail.slice(0, 400));
    assert.ok(detail.includes(NL['result.strengths']));
    assert.ok(detail.includes(NL['coach.first_file']));
    await assertNoAxeViolations(coach.page, 'coach client detail');

    // Agreements, the target and the next evaluation; then the reply file.
    await coach.page.locator('#agree-text').fill('Elke week twee sollicitaties in de zorg.');
    await coach.page.getByRole('button', { name: NL['coach.add_agreement'] }).click();
    await coach.page.getByText('Elke week twee sollicitaties in de zorg.').waitFor();
    await coach.page.locator('#agree-target').fill('8');
    await coach.page.locator('#agree-target').press('Tab');
    await coach.page.locator('#agree-evaluation').fill('2027-01-15');
    await coach.page.locator('#agree-evaluation').press('Tab');
    const reply = await downloadOf(coach.page, () => coach.page.getByRole('button', { name: NL['coach.reply'] }).click());
    const replyFile = JSON.parse(readFileSync(reply.path, 'utf8'));
    assert.deepEqual(replyFile.shared, ['profile', 'agreements']);
    assert.equal(replyFile.agreements.application_target_per_4_weeks, 8);
    assert.equal(replyFile.agreements.items[0].by, 'Coach Jansen');
    assert.ok(!('selftest' in replyFile), 'a reply carries the coach\'s section only');

    // The caseload survives a reload (IndexedDB), and the job seeker's storage is untouched.
    await coach.page.reload();
    await coach.page.getByRole('heading', { level: 1, name: 'Sam de Vries' }).waitFor();
    await coach.page.getByText('Elke week twee sollicitaties in de zorg.').waitFor();
    assert.equal(await coach.page.evaluate(() => localStorage.length), 0, 'coach data is not in local storage');

    // The job seeker takes the reply in: only the agreements merge.
    const before = await storedState(page);
    await goto(page, '/mijn-werkmap');
    await page.locator('#share-file').setInputFiles(reply.path);
    await page.getByText('Dit is een antwoord van je coach, met 1 afspraak.').waitFor();
    await page.getByRole('button', { name: NL['share.take_reply'] }).click();
    await page.getByText(NL['share.reply_taken']).waitFor();
    await page.getByRole('heading', { name: NL['share.agreements'] }).waitFor();
    await page.getByText('Elke week twee sollicitaties in de zorg.').waitFor();
    const after = await storedState(page);
    assert.deepEqual(after.answers, before.answers, 'the job seeker\'s own answers are never overwritten');
    assert.deepEqual(after.activities, before.activities);
    assert.equal(after.agreements.agreements.application_target_per_4_weeks, 8);
    await goto(page, '/activiteiten');
    await page.getByText(NL['log.target_from_coach']).waitFor();
    await page.getByText('1 van 8 activiteiten gedaan').waitFor();

    await assertClean(page, seeker.log);
    await assertClean(coach.page, coach.log);
  } finally {
    await seeker.context.close();
    await coach.context.close();
  }
});

test('a file with script in its fields shows as text; refusals are explained; a backup is kept', async () => {
  const { context, page, log } = await openApp(browser, { viewport: { width: 1280, height: 1000 } });
  try {
    // The hostile corpus has a valid file with script and formula text in every field.
    const hostile = new URL('../fixtures/portfolio/hostile/ok--script-and-formula-text.werkmap.json', import.meta.url).pathname;
    await page.goto(`${BASE}/coach`);
    await page.getByRole('heading', { level: 1, name: NL['coach.caseload_title'] }).waitFor();
    await page.locator('#coach-files').setInputFiles([
      { name: 'hostile.werkmap.json', mimeType: 'application/json', buffer: readFileSync(hostile) },
      { name: 'brief.werkmap.json', mimeType: 'application/json', buffer: Buffer.from('{"hallo": "wereld"}') },
      { name: 'kapot.werkmap.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "werkmap-portfolio", "version": 2, "shared": [') },
    ]);
    await page.getByText('3 bestanden gelezen: 1 nieuw', { exact: false }).waitFor({ timeout: 20_000 });
    const refused = await page.locator('ul.rejected li').allInnerTexts();
    assert.equal(refused.length, 2, refused.join('\n'));
    assert.ok(refused.some((r) => r.startsWith('brief.werkmap.json')));
    await page.locator('table.caseload tbody tr th a').first().click();
    await page.locator('main h1').waitFor();
    assert.equal(await page.locator('main script, main img').count(), 0, 'nothing from the file became markup');
    assert.ok((await page.locator('main').innerText()).includes('<script>'), 'the script text is shown as text');

    // The job seeker's side: their own file replaces their work map after a confirmation,
    // with a backup to go back to.
    await goto(page, '/');
    await page.evaluate(() => localStorage.clear());
    await goto(page, '/mijn-werkmap');
    const v2 = new URL('../fixtures/portfolio/v2.werkmap.json', import.meta.url).pathname;
    await page.locator('#share-file').setInputFiles(v2);
    await page.getByText(NL['share.own_file']).waitFor();
    await page.getByText('Sam', { exact: true }).waitFor();
    assert.equal(await storedState(page), null, 'nothing is replaced before the confirmation');
    await page.getByRole('button', { name: NL['share.replace'] }).click();
    await page.getByText(/Klaar\. Vervangen:/).waitFor();
    const state = await storedState(page);
    assert.equal(state.history.length, 2);
    assert.equal(state.activities.entries.length, 1);
    // A second file: the first backup stays (issue 15: one slot was overwritten).
    await page.locator('#share-file').setInputFiles(v2);
    await page.getByRole('button', { name: NL['share.replace'] }).click();
    await page.getByText(/Klaar\. Vervangen:/).waitFor();
    const restore = page.getByRole('button', { name: NL['share.restore'] });
    assert.equal(await restore.count(), 2, 'two earlier work maps, each with its date and contents');
    assert.match(await page.locator('ul.backups li').last().innerText(), /leeg/);
    await restore.last().click();
    await page.getByText(NL['share.restored'].split(':')[0], { exact: false }).waitFor();
    assert.equal((await storedState(page)).history.length, 0, 'the original work map is back');
    await assertClean(page, log);
  } finally {
    await context.close();
  }
});

test('an encrypted export opens with the passphrase only; the CV passes the JSON Resume schema; the summary fits one page', async () => {
  const seeker = await jobSeeker();
  const { page, log } = seeker;
  try {
    await goto(page, '/mijn-werkmap');
    await page.locator('#share-pass').fill('zomer 2027 fiets');
    await page.locator('#share-pass-again').fill('zomer 2027 fiets');
    const sealed = await downloadOf(page, () => page.getByRole('button', { name: NL['share.save'] }).click());
    const envelope = JSON.parse(readFileSync(sealed.path, 'utf8'));
    assert.equal(envelope.format, 'werkmap-portfolio-encrypted');
    assert.ok(!readFileSync(sealed.path, 'utf8').includes('Bakkerij'), 'nothing readable inside');
    await page.getByText(NL['share.saved_encrypted']).waitFor();

    await page.locator('#share-file').setInputFiles(sealed.path);
    await page.getByText(NL['share.locked']).waitFor();
    await page.locator('#share-unlock').fill('winter');
    await page.getByRole('button', { name: NL['share.unlock'] }).click();
    await page.locator('p.error').filter({ hasText: /wachtwoord/i }).waitFor({ timeout: 20_000 });
    await page.locator('#share-unlock').fill('zomer 2027 fiets');
    await page.getByRole('button', { name: NL['share.unlock'] }).click();
    await page.getByText(NL['share.own_file']).waitFor({ timeout: 20_000 });

    // The CV.
    await page.locator('#cv-name').fill('Sam de Vries');
    await page.locator('#cv-city').fill('Utrecht');
    const cv = await downloadOf(page, () => page.getByRole('button', { name: NL['share.cv_download'] }).click());
    const resume = JSON.parse(readFileSync(cv.path, 'utf8'));
    const { validate } = require('@jsonresume/schema');
    const report = await new Promise((resolve) => validate(resume, (errors, valid) => resolve({ errors, valid })));
    assert.ok(report.valid, JSON.stringify(report.errors));
    assert.equal(resume.basics.name, 'Sam de Vries');
    assert.equal(resume.basics.location.city, 'Utrecht');
    assert.ok(resume.languages.some((l) => l.language === 'Nederlands'));

    // The printable summary: one A4 page.
    await goto(page, '/samenvatting');
    await page.getByRole('heading', { level: 1, name: NL['summary.title'] }).waitFor();
    await assertNoAxeViolations(page, 'summary');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `the summary prints on ${pages} pages`);
    writeFileSync(join(tmpdir(), 'werkmap-summary.pdf'), pdf);
    await assertClean(page, log);
  } finally {
    await seeker.context.close();
  }
});
