import { expect, test } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

test("an official follows a ranking bar to a district's page, then to a directive across districts", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "official");
  await page.goto("/dashboard?lang=en");

  // The first bar of the ranking chart (an SVG link) leads to that district's page.
  const bar = page.locator("#ranking-chart a").first();
  const href = await bar.getAttribute("href");
  expect(href).toMatch(/^\/districts\/[A-Z_]+/);
  await bar.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("district");
  await expect(page.getByTestId("district-rank")).toHaveText(/^Rank 1 of \d+$/);
  await expect(page.getByTestId("headline")).toBeVisible();
  // The trend chart is in the HTML with two lines and its table.
  await expect(page.locator("#trend-chart")).toBeVisible();
  await expect(page.locator(".chart-legend__item")).toHaveCount(2);
  await expect(page.locator(".chart-legend__item").nth(1)).toHaveText("State");
  await expectAccessible(page);

  // An open item's directive leads to the directive across every assignee.
  const directiveLink = page.locator("#open-items a[href^='/directives/']").first();
  await directiveLink.click();
  await expect(page).toHaveURL(/\/directives\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Directive \d+$/);
  const rows = page.getByTestId("assignees").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(1);
  await expectAccessible(page);

  // Filter by a status from its count; the other language is one click away.
  await page.locator("a[data-count='PENDING']").click();
  await expect(page).toHaveURL(/status=PENDING/);
  await expect(page.getByText("Showing: Pending.")).toBeVisible();
  await page.getByText("Show the text in Hindi").click();
  await expect(page.locator(".drill-text--other")).toHaveText(/[\u0900-\u097F]/);

  await page.goto(`${new URL(page.url()).pathname}?lang=hi`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^निर्देश /);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});

test("a district officer may not open another district's page", async ({ page }) => {
  await login(page, "collector.ajmer");
  const own = await page.goto("/districts/AJMER?lang=en");
  expect(own?.status()).toBe(200);
  const other = await page.goto("/districts/JAIPUR?lang=en");
  expect(other?.status()).toBe(403);
  const unknown = await page.goto("/districts/NOWHERE?lang=en");
  expect(unknown?.status()).toBe(404);
});
