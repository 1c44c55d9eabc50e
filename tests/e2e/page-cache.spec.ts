import { expect, test } from "@playwright/test";
import { login, watchConsole } from "./support";

// A page answered from the page cache (decision 009) is the page. The cached views are sent
// without the app's script (decision 014), so there is nothing in them to run under a CSP nonce of
// another response; their links and forms work as plain HTML.
test("a dashboard answered from memory is a whole page whose links work without script", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "official");
  // (Signing in already opened /dashboard: a URL of its own is a first view.)
  const first = await page.goto("/dashboard?ranking=all");
  expect(first?.headers()["x-page-cache"]).toBe("miss");
  const again = await page.reload();
  expect(again?.headers()["x-page-cache"]).toBe("hit");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.locator("script").count()).toBe(0);
  await page.locator(".ranking-table tbody th a").first().click();
  await expect(page).toHaveURL(/\/districts\//);
  await expect(page.getByTestId("headline")).toBeVisible();
  expect(problems).toEqual([]);
});
