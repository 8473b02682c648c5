// Looking at a page as people will: at 1280 and 390 px wide, light and dark. With
// CASEBOOK_E2E_SCREENSHOTS set to a folder, each is kept as NAME-WIDTH-THEME.png; either way the
// page must not be wider than the phone.
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";

const SHOTS = process.env.CASEBOOK_E2E_SCREENSHOTS;

export async function lookAt(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const theme of ["light", "dark"] as const) {
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/${name}-${width}-${theme}.png`, fullPage: true });
      }
    }
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
