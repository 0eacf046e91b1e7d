// Ad-hoc: screenshots of given paths at phone and kiosk sizes (development aid).
//   WERKMAP_URL=... node tests/e2e/shoot.mjs out-dir path...
import { launch, BASE } from './helpers.mjs';
const [out, ...paths] = process.argv.slice(2);
const browser = await launch();
for (const [name, viewport] of [['phone', { width: 360, height: 740 }], ['kiosk', { width: 1080, height: 1920 }]]) {
  const context = await browser.newContext({ viewport, hasTouch: true, isMobile: name === 'phone', locale: 'nl-NL' });
  const page = await context.newPage();
  for (const path of paths) {
    if (name === 'kiosk' && !path.startsWith('/kiosk')) continue;
    if (name === 'phone' && path.startsWith('/kiosk')) continue;
    await page.goto(BASE + path);
    await page.waitForTimeout(1500);
    const file = `${out}/${name}${path.replace(/\//g, '_') || '_root'}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
  }
  await context.close();
}
await browser.close();
