import { expect, test } from "@playwright/test";
import { login, watchConsole } from "./support";

// A page answered from the page cache (decision 009) is the page: its scripts run under the CSP it
// comes with, and the app in it works (a link navigates without reloading the document).
test("a dashboard answered from memory runs its scripts and navigates like a fresh one", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "official");
  const first = await page.goto("/dashboard");
  expect(first?.headers()["x-page-cache"]).toBe("miss");
  const again = await page.reload();
  expect(again?.headers()["x-page-cache"]).toBe("hit");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Hydrated: a link is followed by the app itself, so the document (and this mark) stays.
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.locator(".ranking-table tbody th a").first().click();
  await expect(page).toHaveURL(/\/districts\//);
  await expect(page.getByTestId("headline")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(problems).toEqual([]);
});
