// `make screenshots`: PNGs of the release build as readers see it, for a person to look at before a visual
// change is called done. Default view in en/zh × 390/1280 px × light/dark, plus an opened card and the
// calculator (after a card's "what would this pay" button), into screenshots/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve, launch, widgetReady } from '../tests/e2e/harness.mjs';

const OUT = resolve(import.meta.dirname, '../screenshots');
mkdirSync(OUT, { recursive: true });

const server = await serve();
const browser = await launch();
const written = [];
try {
  for (const lang of ['en', 'zh']) {
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(`${server.origin}/?lang=${lang}`);
        await widgetReady(page);
        const name = `${lang}-${width}-${scheme}`;
        await page.screenshot({ path: `${OUT}/${name}-first-screen.png` });
        await page.screenshot({ path: `${OUT}/${name}-full.png`, fullPage: true });
        written.push(`${name}-first-screen.png`, `${name}-full.png`);
        if (scheme === 'light') {
          const card = page.locator('[data-person-id=avi-verma]');
          await card.locator('summary').click();
          // Taken at once, a card taller than the screen came out blank: its details had not been painted yet.
          await page.waitForTimeout(300);
          await card.screenshot({ path: `${OUT}/${lang}-${width}-card-open.png` });
          await card.locator('[data-testid=card-to-calc]').click();
          await page.waitForTimeout(300);
          await page.locator('[data-testid=calculator]').screenshot({ path: `${OUT}/${lang}-${width}-calculator.png` });
          written.push(`${lang}-${width}-card-open.png`, `${lang}-${width}-calculator.png`);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${written.length} screenshots in ${OUT}:\n  ${written.join('\n  ')}`);
