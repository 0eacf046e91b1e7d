// Stored data: damaged or newer data is reported, kept aside byte for byte, and the app
// stays usable; "Wis alles" deletes everything of the job seeker, and only after confirming.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DAMAGED_PREFIX,
  NL,
  STATE_KEY,
  TOPIC_IDS,
  assertClean,
  completeSelfTestByMouse,
  goto,
  launch,
  openApp,
  reload,
  storedKeys,
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

/** Puts `raw` under the state key of a loaded page, then reloads so the app reads it. */
async function storeAndReload(page, raw) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STATE_KEY, raw]);
  await reload(page);
}

function damagedCopies(keys) {
  return Object.entries(keys).filter(([key]) => key.startsWith(DAMAGED_PREFIX));
}

/** Lets pending effects (autosave) run. */
async function settle(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))),
  );
}

for (const { name, raw, message } of [
  {
    name: 'damaged storage',
    // Not JSON; unusual characters and whitespace to prove the copy is exact.
    raw: '{not json \u2713 caf\u00e9 "\\u00" \n\t  ',
    message: 'notice.damaged_kept',
  },
  {
    name: 'data from a newer version',
    raw: JSON.stringify({ schema_version: 99, language: 'en', answers: {}, history: [], future: true }),
    message: 'notice.newer_kept',
  },
]) {
  test(`${name} is reported, kept byte for byte, and the app stays usable`, async () => {
    const { context, page, log } = await openApp(browser);
    try {
      await goto(page, '/zelftest');
      await storeAndReload(page, raw);

      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.equal((await alert.locator('p').innerText()).trim(), NL[message]);
      assert.deepEqual(log.pageErrors, [], 'no uncaught errors');

      // The damaged text is kept aside exactly; the app started fresh.
      let keys = await storedKeys(page);
      const copies = damagedCopies(keys);
      assert.equal(copies.length, 1, `one damaged copy in ${JSON.stringify(Object.keys(keys))}`);
      const [damagedKey, kept] = copies[0];
      assert.match(damagedKey, /^werkmap\.home\.damaged\.\d+/);
      assert.equal(kept, raw, 'kept byte for byte');
      assert.equal(await page.locator('main h1').innerText(), NL['selftest.title']);

      // Usable: dismiss the message, answer a question, the answer is saved.
      await alert.getByRole('button', { name: NL['notice.ok'] }).click();
      await alert.waitFor({ state: 'detached' });
      await page.getByRole('link', { name: NL['selftest.begin'], exact: true }).click();
      await waitForTopic(page, TOPIC_IDS[0]);
      await page.locator('[id="age_band-23_26"]').check();
      await settle(page);
      const state = await storedState(page);
      assert.deepEqual(state.answers.age_band, { type: 'chosen', value: ['23_26'] });

      // After a reload: no message any more, the new answer is there, the copy untouched.
      await reload(page);
      assert.equal(await page.getByRole('alert').count(), 0);
      assert.equal(await page.locator('[id="age_band-23_26"]').isChecked(), true);
      keys = await storedKeys(page);
      assert.deepEqual(damagedCopies(keys), [[damagedKey, raw]]);

      await assertClean(page, log);
    } finally {
      await context.close();
    }
  });
}

test('"Wis alles" asks first: cancelling keeps everything, confirming deletes everything', async () => {
  const { context, page, log } = await openApp(browser);
  try {
    await completeSelfTestByMouse(page);
    // A damaged copy from earlier, and data of someone else on the same origin.
    await page.evaluate((prefix) => {
      localStorage.setItem(`${prefix}1700000000`, '{old');
      localStorage.setItem('other.app', 'not ours');
    }, DAMAGED_PREFIX);
    await goto(page, '/');
    const before = await storedKeys(page);
    assert.deepEqual(Object.keys(before).sort(), [`${DAMAGED_PREFIX}1700000000`, STATE_KEY]);
    assert.equal(JSON.parse(before[STATE_KEY]).history.length, 1);
    await page.getByRole('link', { name: NL['home.continue'] }).waitFor();

    // Cancel, by keyboard: focus goes to the safe choice.
    const wipe = page.getByRole('button', { name: NL['wipe.button'], exact: true });
    await wipe.click();
    const dialog = page.getByRole('alertdialog', { name: NL['wipe.confirm'] });
    await dialog.waitFor();
    await page.waitForFunction(
      (text) => document.activeElement?.textContent.trim() === text,
      NL['wipe.no'],
      { timeout: 2000 },
    );
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      (text) => document.activeElement?.textContent.trim() === text,
      NL['wipe.button'],
      { timeout: 2000 },
    );
    await settle(page);
    assert.deepEqual(await storedKeys(page), before, 'cancelling keeps everything');
    await page.getByRole('link', { name: NL['home.continue'] }).waitFor();
    await page.getByRole('link', { name: NL['home.view_result'] }).waitFor();

    // Confirm.
    await wipe.click();
    await dialog.getByRole('button', { name: NL['wipe.yes'] }).click();
    await page.getByRole('status').filter({ hasText: NL['wipe.done'] }).waitFor();
    await settle(page);
    assert.deepEqual(await storedKeys(page), {}, 'no werkmap.home.* key is left');
    assert.equal(await page.evaluate(() => localStorage.getItem('other.app')), 'not ours');

    // The answers are gone from the screen too.
    await page.getByRole('link', { name: NL['home.start'] }).waitFor();
    assert.equal(await page.getByRole('link', { name: NL['home.view_result'] }).count(), 0);
    await page.getByRole('link', { name: NL['nav.selftest'], exact: true }).click();
    await page.getByRole('link', { name: topicTitle(TOPIC_IDS[0]), exact: true }).click();
    await waitForTopic(page, TOPIC_IDS[0]);
    assert.equal(await page.locator('main input:checked').count(), 0);
    assert.equal(await page.locator('#postcode-input').inputValue(), '');
    await page.getByRole('link', { name: NL['nav.result'], exact: true }).click();
    await page.getByText(NL['result.no_answers']).waitFor();

    await assertClean(page, log);
  } finally {
    await context.close();
  }
});
