// The review cycle in a real browser (issue 10): the secretariat creates the next meeting of the CS's series,
// ticks directives of earlier meetings to review, publishes; the official opens the pre-review brief and its
// figures match the dashboard filtered to the same directives.
import { expect, test } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

const f = (path: string) => `#f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

test("secretariat carries directives into meeting 2 of a series; the brief matches the dashboard", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "secretariat");
  await page.goto("/series?lang=en");
  await expectAccessible(page);
  const row = page.locator(".meeting-row", { hasText: "CS monthly VC with collectors and SPs" });
  await row.getByRole("link", { name: "New meeting in this series" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New review meeting" })).toBeVisible();
  await expect(page.locator(f("seriesCode"))).toHaveValue("CS_MONTHLY_VC");
  await expect(page.locator(f("chairOffice"))).toHaveValue("CS");

  await page.locator(f("titleHi")).fill("मुख्य सचिव की मासिक वीसी: अनुवर्ती समीक्षा");
  await page.locator(f("titleEn")).fill("CS monthly VC: follow-up review");
  const carry = page.getByTestId("carry-over");
  const boxes = carry.getByRole("checkbox");
  expect(await boxes.count()).toBeGreaterThanOrEqual(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  // "No. 1 of 31 Aug 2021": which directive of which meeting.
  const carried = [await carry.locator("li strong").nth(0).innerText(), await carry.locator("li strong").nth(1).innerText()];

  await page.getByRole("button", { name: "Add a directive" }).click();
  await page.locator(f("directives.0.textHi")).fill("सभी थानों में साइबर हेल्पडेस्क की समीक्षा करें");
  await page.locator(f("directives.0.textEn")).fill("Review the cyber help desk of every police station");
  await page.locator(f("directives.0.dueInDays")).fill("30");
  await page.locator(`${f("directives.0.sp")}-scope-ALL`).check();
  await Promise.all([page.waitForURL(/\/meetings\/\d+\/publish$/), page.getByRole("button", { name: "Publish" }).first().click()]);
  await Promise.all([page.waitForURL(/\/meetings\/\d+\?published=/), page.getByRole("button", { name: /^Publish and create \d+ items$/ }).click()]);
  const meetingId = new URL(page.url()).pathname.split("/").pop()!;

  const reviewed = page.getByTestId("reviewed-directives");
  await expect(reviewed.getByRole("heading", { name: "Directives under review from earlier meetings" })).toBeVisible();
  await expect(reviewed.locator(".reviewed__item")).toHaveCount(2);
  for (const name of carried) await expect(reviewed.getByRole("link", { name })).toBeVisible();

  // The official (the CS's office) opens the brief the evening before.
  await login(page, "official");
  await page.goto(`/meetings/${meetingId}/brief?lang=en`);
  await expect(page.getByRole("heading", { level: 1, name: "Pre-review brief" })).toBeVisible();
  await expect(page.getByText("3 directives under review (2 carried from earlier meetings)")).toBeVisible();
  await expectAccessible(page);
  const figure = (name: string) => page.locator(`[data-figure="${name}"]`).evaluate((el) => (el.firstChild?.textContent ?? "").trim());
  const briefCompletion = await figure("completion");
  const briefOverdue = await figure("overdue");
  expect(briefCompletion).toMatch(/%/);

  await page.getByRole("link", { name: "Open in the dashboard" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?review=${meetingId}$`));
  // The dashboard is slow on a busy machine: wait for it, not for the default 5 s.
  await expect(page.getByRole("heading", { level: 1, name: "Compliance dashboard" })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("#filter-review")).toHaveValue(meetingId, { timeout: 30_000 });
  await expect(page.locator('[data-figure="completion"]')).toHaveText(briefCompletion);
  await expect(page.locator('[data-figure="overdue"]')).toHaveText(briefOverdue);

  // The workbook downloads.
  await page.goto(`/meetings/${meetingId}/brief?lang=hi`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "डाउनलोड (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^brief-\d{4}-\d{2}-\d{2}-\d+\.xlsx$/);
  expect(problems).toEqual([]);
});
