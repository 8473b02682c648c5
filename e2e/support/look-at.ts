// Looking at a page as people will: at 1280 and 390 px wide, light and dark. With
// CASEBOOK_E2E_SCREENSHOTS set to a folder, each is kept as NAME-WIDTH-THEME.png; either way the
// page must not be wider than the phone. lookAtPart keeps one element the same way, for the part
// of a long page that changed.
import fs from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";

const SHOTS = process.env.CASEBOOK_E2E_SCREENSHOTS;
/** Whether lookAt keeps PNGs; without them it only checks the phone width, at the cost of four relayouts. */
export const keepingScreenshots = SHOTS !== undefined && SHOTS !== "";

/** Each width and theme in turn; `shoot` gets the file to write when screenshots are kept. */
async function eachLook(page: Page, name: string, shoot: (path: string) => Promise<unknown>): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const theme of ["light", "dark"] as const) {
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await shoot(`${SHOTS}/${name}-${width}-${theme}.png`);
      }
    }
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.evaluate(() => {
    document.documentElement.dataset.theme = "light";
  });
  await page.setViewportSize({ width: 1280, height: 900 });
}

export async function lookAt(page: Page, name: string): Promise<void> {
  await eachLook(page, name, (path) => page.screenshot({ path, fullPage: true }));
}

export async function lookAtPart(part: Locator, name: string): Promise<void> {
  await eachLook(part.page(), name, (path) => part.screenshot({ path }));
}
