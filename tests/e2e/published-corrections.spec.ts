// Correcting published minutes in a real browser (issue 11 item 5), at desktop width: publishing asks for
// confirmation with the number of items it will create; the secretariat then corrects a directive's text
// with a reason; the Ajmer Collector gets a notice and, on a phone in Hindi, sees the correction on the item.
import { expect, test } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

test.use({ viewport: { width: 1280, height: 900 } });

const SHOTS = process.env.SHOTS_DIR;
const f = (path: string) => `#f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

test("publish asks for the item count; a corrected directive reaches its officers", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "secretariat");
  await page.goto("/meetings/new?lang=en");
  await page.locator(f("titleHi")).fill("साइबर अपराध समीक्षा बैठक");
  await page.locator(f("titleEn")).fill("Cyber crime review");
  await page.locator(f("chairOffice")).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add a directive" }).click();
  await page.locator(f("directives.0.textHi")).fill("सभी जिलों में साइबर हेल्पलाइन 1930 का प्रचार करें");
  await page.locator(f("directives.0.textEn")).fill("Publicise the cyber helpline 1930 in all districts");
  await page.locator(f("directives.0.dueInDays")).fill("30");
  await page.locator(`${f("directives.0.collector")}-scope-ALL`).check();

  // Publish: first the confirmation, with the count; nothing is created yet.
  await Promise.all([page.waitForURL(/\/meetings\/\d+\/publish$/), page.getByRole("button", { name: "Publish" }).first().click()]);
  const confirm = page.getByTestId("publish-confirm");
  await expect(confirm.getByRole("heading")).toHaveText(
    "Publishing creates 41 action items. The officers see them at once, and after publishing every change needs a reason.",
  );
  await expect(confirm).toContainText("Directive 1: 41 items");
  await expectAccessible(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/publish-confirm-1280-en.png`, fullPage: true });
  await Promise.all([page.waitForURL(/\/meetings\/\d+\?published=41$/), page.getByRole("button", { name: "Publish and create 41 items" }).click()]);
  const meetingId = new URL(page.url()).pathname.split("/").pop()!;

  // Correct the published text, with a reason.
  await page.goto(`/meetings/${meetingId}/edit?lang=en`);
  await page.getByRole("link", { name: "Correct the text" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Correct the text of directive 1" })).toBeVisible();
  await page.getByLabel("Text in Hindi").fill("सभी जिलों के हर विद्यालय में साइबर हेल्पलाइन 1930 का प्रचार करें");
  await page.getByLabel("Text in English").fill("Publicise the cyber helpline 1930 in every school of all districts");
  await page.getByRole("button", { name: "Save the correction" }).click();
  await expect(page.locator(".field__error").first()).toBeVisible();
  await expect(page.getByLabel("Text in Hindi")).toHaveValue(/हर विद्यालय/);
  await page.getByLabel("Reason for the change").fill("कार्यवृत्त में 'विद्यालय' छूट गया था");
  await page.getByRole("button", { name: "Save the correction" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "Text corrected: recorded in the history of the directive's open items (41), and their officers told.",
  );
  await expectAccessible(page);

  // The Ajmer Collector: a notice (in Hindi, their default), and the correction on the item, on a phone.
  await login(page, "collector.ajmer");
  await page.goto("/notices?lang=hi");
  const notice = page.locator(".notice", { hasText: "निर्देश 1 में सुधार: साइबर अपराध समीक्षा बैठक" });
  await expect(notice).toContainText("हर विद्यालय");
  await notice.getByRole("button").first().click();
  await page.waitForURL(/\/actions\/\d+$/);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${new URL(page.url()).pathname}?lang=hi`);
  await expect(page.locator(".directive-text")).toContainText("हर विद्यालय");
  const shown = page.getByTestId("correction-notice");
  await expect(shown).toContainText("इस निर्देश का पाठ सुधारा गया है");
  await expect(shown).toContainText("कार्यवृत्त में 'विद्यालय' छूट गया था");
  await expect(page.locator('[data-kind="TEXT_CORRECTED"]')).toContainText("निर्देश का पाठ सुधारा गया");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  await expectAccessible(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/corrected-item-360-hi.png`, fullPage: true });
  // The one 400 is the correction refused without a reason.
  expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
});
