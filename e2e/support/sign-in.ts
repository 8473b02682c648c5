import { expect, type Page } from "@playwright/test";
import type { E2EUser } from "./users";

/** Signs in through the real /sign-in form and waits until the browser has left it. */
export async function signIn(page: Page, user: Pick<E2EUser, "email" | "password">, next = "/"): Promise<void> {
  await page.goto(next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
