import { expect, test } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

// A segment of the status mix (a division × status) leads to /actions, which lists as many items
// as the segment counts, with the dashboard's filters carried over; in English and in Hindi.
test("an official follows a status-mix segment to the items behind it", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "official");
  await page.goto("/dashboard?lang=en&role=COLLECTOR");

  const segment = page.locator("#mix-chart a[href*='status=OVERDUE']").first();
  const href = (await segment.getAttribute("href"))!;
  expect(href).toMatch(/^\/actions\?role=COLLECTOR&division=[A-Z]+&status=OVERDUE$/);
  const count = Number((await segment.textContent())!.match(/Overdue ([\d,]+)/)![1].replace(/,/g, ""));
  expect(count).toBeGreaterThan(0);

  await segment.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Action items: .+ division$/);
  await expect(page.getByTestId("count-OVERDUE")).toHaveText(count.toLocaleString("en-IN"));
  await expect(page.locator(".action-list > li")).toHaveCount(Math.min(count, 50));
  await expect(page.locator("a[href^='/actions?'][aria-current='true']")).toContainText("Overdue");
  await expect(page.getByLabel("Assigned to")).toHaveValue("COLLECTOR");
  await expectAccessible(page);

  await page.goto(`${href}&lang=hi`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/संभाग$/);
  await expect(page.locator(".action-list > li")).toHaveCount(Math.min(count, 50));

  // A value the list cannot use is named, not a server error.
  const response = await page.goto("/actions?lang=en&status=LATE");
  expect(response!.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Status: “LATE”");
  await expectAccessible(page);
  expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test("the list reached from a segment fits 360 px", async ({ page }) => {
    await login(page, "official");
    await page.goto("/dashboard?lang=hi");
    const href = (await page.locator("#mix-chart a[href*='status=PENDING']").first().getAttribute("href"))!;
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/संभाग$/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
