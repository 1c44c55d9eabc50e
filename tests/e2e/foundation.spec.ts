import { expect, test } from "@playwright/test";
import { expectAccessible, watchConsole } from "./support";

test("the home page shows the state's figures in English and switches to Hindi", async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto("/?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Rajasthan");
  await expect(page.getByTestId("completion-rate")).toHaveText(/^\d+(\.\d)?%$/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Switch the language to Hindi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("राजस्थान");
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  // A district name in Devanagari, from the master data.
  await expect(page.locator("table.data tbody tr").first()).toContainText(/[\u0900-\u097F]/);
  await expectAccessible(page);

  // The choice is remembered without ?lang=.
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("अनुपालन में साइन इन करें");
  expect(problems).toEqual([]);
});

test("unknown addresses get a 404 page in the chosen language", async ({ page }) => {
  const response = await page.goto("/no-such-page?lang=hi");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("पृष्ठ नहीं मिला");
});

test("the Devanagari font is served by the app itself", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://localhost")) external.push(request.url());
  });
  await page.goto("/?lang=hi");
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() => document.fonts.check('16px "Noto Sans Devanagari"', "अनुपालन"));
  expect(loaded).toBe(true);
  expect(external).toEqual([]);
});
