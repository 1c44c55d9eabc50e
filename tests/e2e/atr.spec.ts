import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

const TITLE = /Chief Secretary's video-conference review: cyber fraud/;

/** The official finds the 31 Aug 2021 meeting in the list and opens its Action Taken Report. */
async function openAtrAsOfficial(page: Page) {
  await login(page, "official");
  await page.goto("/meetings?from=2021-08-31&to=2021-08-31&lang=en");
  await page.getByRole("link", { name: TITLE }).first().click();
  await page.getByRole("link", { name: "Action Taken Report" }).click();
  await expect(page).toHaveURL(/\/meetings\/\d+\/atr$/);
}

test("an official opens the ATR of the 31 Aug 2021 meeting, downloads it and prints it", async ({ page }) => {
  // 331 rows checked for accessibility, and an 18-page PDF made: more than the default minute on a busy machine.
  test.slow();
  const problems = watchConsole(page);
  await openAtrAsOfficial(page);

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Action Taken Report");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  const sections = page.locator("section.atr-directive");
  await expect(sections).toHaveCount(8);
  const first = sections.first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("Directive 1");
  await expect(first).toContainText("Publicise the cyber-fraud helpline number widely in the district.");
  // Directive 1 went to every district's Collector and SP: 41 × 2 rows.
  await expect(first.locator("tbody tr")).toHaveCount(82);
  await expect(first.locator("tbody")).toContainText("Ajmer");
  await expect(first.locator("tbody")).toContainText("Jaipur");
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Excel (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ATR-2021-08-31-meeting-\d+\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(3).getCell(1).value).toBe("S. no.");
  // Header and title rows, then one row per action item (331 live ones on this meeting in the demo).
  expect(sheet.rowCount).toBeGreaterThan(3 + 300);

  // Printed: no navigation or buttons, the repeated header row carries the meeting title.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("link", { name: "Print" })).toBeHidden();
  // Directives follow one another on paper; the five summary cards fit across A4 (none cut off).
  expect(await sections.first().evaluate((el) => getComputedStyle(el).breakBefore)).not.toBe("page");
  await expect(first.locator(".atr-table__running")).toBeVisible();
  await expect(first.locator(".atr-table__running")).toContainText(TITLE);
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });

  // In Hindi, the same report with the Hindi texts.
  await page.goto(`${new URL(page.url()).pathname}?lang=hi`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("कृत कार्यवाही प्रतिवेदन");
  await expect(sections.first()).toContainText("साइबर ठगी हेल्पलाइन नंबर का जिले में व्यापक प्रचार करें।");
  expect(problems).toEqual([]);
});

// "Exceptions only" keeps the items not yet complete; the print button is a link to the print view,
// which works without the app's script (the page has none) and leaves out the site's header.
test("the ATR shows its exceptions only, and prints from a link", async ({ page }) => {
  const problems = watchConsole(page);
  await openAtrAsOfficial(page);
  await expect(page.getByRole("heading", { name: "Summary" })).toBeVisible();
  const atr = new URL(page.url()).pathname;
  const statuses = page.locator("section.atr-directive .atr-status");
  const all = await statuses.allTextContents();
  expect(all).toContain("Completed");

  await page.getByRole("link", { name: /^Exceptions only/ }).click();
  await expect(page).toHaveURL(new RegExp(`${atr}\\?only=exceptions&lang=en$`));
  await expect(page.getByText(/^Exceptions only: the items not yet complete/).first()).toBeVisible();
  const open = await statuses.allTextContents();
  expect(open.length).toBeGreaterThan(0);
  expect(open.length).toBe(all.filter((s) => s === "Pending" || s === "In progress").length);
  expect(new Set(open)).toEqual(new Set(["Pending", "In progress"].filter((s) => open.includes(s))));
  await expectAccessible(page);

  await page.setViewportSize({ width: 703, height: 1000 }); // A4 less its margins, at 96 dpi
  await page.getByRole("link", { name: "Print" }).click();
  await expect(page).toHaveURL(/print=1/);
  await expect(page.locator(".site-header")).toBeHidden();
  expect(await page.locator("script[src]").count()).toBe(0);
  await page.emulateMedia({ media: "print" });
  const cards = await page
    .locator(".atr-figures > div")
    .evaluateAll((els) => els.map((e) => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= innerWidth));
  expect(cards).toEqual([true, true, true, true, true]);
  expect(problems).toEqual([]);
});

test("a district officer may not open an ATR", async ({ page }) => {
  await login(page, "collector.ajmer");
  const response = await page.goto("/meetings/1/atr?lang=en");
  expect(response?.status()).toBe(403);
});
