// On a slow phone the item page is usable before its script arrives. What the officer chose and
// typed in that time must still be there when React takes the form over, and be what is saved.
import { expect, test } from "@playwright/test";
import { login, watchConsole } from "./support";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test("a status chosen and a remark typed before the script arrives survive hydration and are saved", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "collector.jaipur");
  await page.goto("/actions?lang=en");
  const open = page.locator('[data-testid="action-card"][data-status="PENDING"], [data-testid="action-card"][data-status="IN_PROGRESS"]');
  const item = (await open.first().locator("a.action-card__text").getAttribute("href"))!;

  // Hold every script until the form has been used.
  let release = () => {};
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js(\?|$)/, async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto(`${item}?lang=en`, { waitUntil: "domcontentloaded" });
  await page.getByRole("radio", { name: "Work is done: Completed" }).check();
  await page.getByLabel(/^Remark/).fill("Help desks opened before the page finished loading.");

  release();
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await expect(page.getByRole("radio", { name: "Work is done: Completed" })).toBeChecked();
  await expect(page.getByLabel(/^Remark/)).toHaveValue("Help desks opened before the page finished loading.");

  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your update has been saved." })).toBeVisible();
  await expect(page.getByTestId("item-status")).toContainText("Completed");
  await expect(page.locator(".timeline")).toContainText("Help desks opened before the page finished loading.");
  expect(problems).toEqual([]);
});

test("boxes of one group ticked before the script arrives stay ticked, as a group", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "secretariat");
  let release = () => {};
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js(\?|$)/, async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto("/meetings/new?lang=en", { waitUntil: "domcontentloaded" });
  const roles = page.locator('input[name="calledRoles"]');
  await roles.nth(0).check();
  await roles.nth(1).check();

  release();
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await expect(roles.nth(0)).toBeChecked();
  await expect(roles.nth(1)).toBeChecked();
  await expect(roles.nth(2)).not.toBeChecked();
  expect(problems).toEqual([]);
});

test("a box ticked before the script arrives joins the boxes the server sent ticked", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "secretariat");
  await page.goto("/meetings/new?lang=en");
  await page.waitForLoadState("networkidle");
  await page.locator("#f-titleEn").fill("Draft for the hydration check");
  await page.locator("#f-titleHi").fill("जाँच हेतु प्रारूप");
  await page.locator("#f-meetingDate").fill("2026-12-01");
  await page.getByLabel("District Collectors").check();
  await page.getByRole("button", { name: "Save draft" }).first().click();
  await page.waitForURL(/\/meetings\/\d+\/edit/);
  const edit = new URL(page.url()).pathname;

  let release = () => {};
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js(\?|$)/, async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto(`${edit}?lang=en`, { waitUntil: "domcontentloaded" });
  await expect(page.getByLabel("District Collectors")).toBeChecked();
  await page.getByLabel("Superintendents of Police").check();

  release();
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  await expect(page.getByLabel("District Collectors")).toBeChecked();
  await expect(page.getByLabel("Superintendents of Police")).toBeChecked();
  expect(problems).toEqual([]);
});
