// The secretariat's afternoon in Chromium: log the RJ 2021-08-31 review (three directives typed,
// five pasted from the minutes), review, publish and see the items on the meeting page; verify
// reported completions; and the editor without JavaScript.
import { expect, test, type Page } from "@playwright/test";
import fs from "node:fs";
import { expectAccessible, login, watchConsole } from "./support";

interface SeedDirective {
  text: { en: string; hi: string };
  category: string;
  dueInDays?: number;
  assignees: ({ role: "COLLECTOR" | "SP"; districts: "ALL" | string[] } | { department: string })[];
}
interface SeedMeeting {
  date: string;
  title: { en: string; hi: string };
  chair: { en: string; hi: string };
  directives: SeedDirective[];
}
// Read rather than imported: Playwright loads specs as ES modules, which need import attributes for JSON.
const seed = JSON.parse(fs.readFileSync("db/seed-data/meetings.json", "utf8")) as { meetings: SeedMeeting[] };
const RJ_2021 = seed.meetings.find((m) => m.date === "2021-08-31")!;

// Directives 4–8 as the secretariat has them in the minutes letter.
const PASTED_MINUTES = `कार्यवाही विवरण
४. पुलिस अधीक्षक एवं पुलिस मुख्यालय — बार-बार ठगी में प्रयुक्त नंबरों की पहचान कर मॉनिटरिंग करें और उन्हें ब्लॉक करवाएं। (30 दिन के भीतर)
५. एसपी — साइबर फ्रॉड पर प्रभावी नियंत्रण हेतु सुझाव भेजें। (10 दिवस में)
६. जिला कलेक्टर — हर पुलिस थाने में अलग स्वागत कक्ष का निर्माण शीघ्र पूरा करवाएं। (दो माह में)
७. सभी जिला कलेक्टर एवं ग्रामीण विकास एवं पंचायती राज विभाग — 2 अक्टूबर से शुरू हो रहे 'प्रशासन गांवों के संग' अभियान के ग्राम पंचायत मुख्यालयों पर शिविरों की तैयारी पूर्ण करें। (2 अक्टूबर तक)
८. स्वायत्त शासन विभाग — 2 अक्टूबर से शुरू हो रहे 'प्रशासन शहरों के संग' अभियान की तैयारी पूर्ण करें। (2 अक्टूबर तक)
`;

const f = (path: string) => `#f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

async function typeDirective(page: Page, index: number) {
  const seed = RJ_2021.directives[index];
  await page.getByRole("button", { name: "Add a directive" }).click();
  const base = `directives.${index}`;
  await page.locator(f(`${base}.textHi`)).fill(seed.text.hi);
  await page.locator(f(`${base}.textEn`)).fill(seed.text.en);
  await page.locator(f(`${base}.categoryCode`)).selectOption(seed.category);
  await page.locator(f(`${base}.dueInDays`)).fill(String(seed.dueInDays));
  for (const a of seed.assignees) {
    if ("role" in a) await page.locator(`${f(`${base}.${a.role === "COLLECTOR" ? "collector" : "sp"}`)}-scope-ALL`).check();
  }
}

test("the secretariat logs the RJ 2021-08-31 review, pastes the rest of the minutes and publishes it", async ({ page }, testInfo) => {
  const problems = watchConsole(page);
  await login(page, "secretariat");
  await page.goto("/meetings?lang=en");
  await expectAccessible(page);
  await page.getByRole("link", { name: "New meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New review meeting" })).toBeVisible();

  await page.locator(f("titleHi")).fill(RJ_2021.title.hi);
  await page.locator(f("titleEn")).fill(`${RJ_2021.title.en} (logged again)`);
  await page.locator(f("meetingDate")).fill(RJ_2021.date);
  // The chair is an office from the list (issue 10), not typed.
  await page.locator(f("chairOffice")).selectOption({ label: RJ_2021.chair.en });
  await page.getByLabel("District Collectors").check();
  await page.getByLabel("Superintendents of Police").check();

  for (const index of [0, 1, 2]) await typeDirective(page, index);

  await page.getByLabel("Text of the minutes").fill(PASTED_MINUTES);
  await page.getByRole("button", { name: "Make directives from the text" }).click();
  await expect(page.getByText("5 directives added below. Check each one before saving.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Directives (8)" })).toBeVisible();

  // Review what the parser proposed.
  await expect(page.locator(f("directives.3.textHi"))).toHaveValue(/^पुलिस अधीक्षक एवं पुलिस मुख्यालय/);
  await expect(page.locator(`${f("directives.3.sp")}-scope-ALL`)).toBeChecked();
  await expect(page.locator(`${f("directives.5.collector")}-scope-ALL`)).toBeChecked();
  await expect(page.locator(`${f("directives.5.sp")}-scope-NONE`)).toBeChecked();
  await expect(page.locator(f("directives.5.dueInDays"))).toHaveValue("60");
  await expect(page.locator(f("directives.6.dueDate"))).toHaveValue("2021-10-02");
  // The minutes letter says camps must be ready the day before the campaign: correct both dates.
  await page.locator(f("directives.6.dueDate")).fill("2021-10-01");
  await page.locator(f("directives.7.dueDate")).fill("2021-10-01");
  for (const index of [3, 4, 5, 6, 7]) {
    await page.locator(f(`directives.${index}.categoryCode`)).selectOption(RJ_2021.directives[index].category);
  }
  await page.screenshot({ path: testInfo.outputPath("editor-review.png"), fullPage: true });
  await expectAccessible(page);

  await page.getByRole("button", { name: "Publish" }).first().click();
  // The confirmation says how many items publishing creates before it creates them.
  await page.waitForURL(/\/meetings\/\d+\/publish$/);
  await page.getByRole("button", { name: "Publish and create 331 items" }).click();
  await page.waitForURL(/\/meetings\/\d+\?published=331$/);
  await expect(page.getByText("Minutes published: 331 action items created.")).toBeVisible();

  // Where the directive says all districts: 41 Collector and 41 SP items.
  await expect(page.getByTestId("directive-1-counts")).toHaveText("Collectors: 41 · SPs: 41 · Departments: 0");
  await expect(page.getByTestId("directive-2-counts")).toHaveText("Collectors: 0 · SPs: 41 · Departments: 0");
  await expect(page.getByTestId("directive-4-counts")).toHaveText("Collectors: 0 · SPs: 41 · Departments: 1");
  await expect(page.getByTestId("directive-6-counts")).toHaveText("Collectors: 41 · SPs: 0 · Departments: 0");
  await expect(page.getByTestId("directive-7-counts")).toHaveText("Collectors: 41 · SPs: 0 · Departments: 1");
  await expect(page.getByTestId("directive-8-counts")).toHaveText("Collectors: 0 · SPs: 0 · Departments: 1");
  await expectAccessible(page);

  // The meeting is in the list, newest meeting dates first.
  await page.goto(`/meetings?lang=en&q=${encodeURIComponent("logged again")}`);
  await expect(page.getByRole("link", { name: /\(logged again\)/ })).toBeVisible();
  expect(problems).toEqual([]);
});

test("the secretariat accepts one reported completion and returns another with a remark", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "secretariat");
  await page.goto("/verify?lang=en");
  await expectAccessible(page);
  const items = page.locator("li.verify-item");
  const before = await items.count();
  expect(before).toBeGreaterThanOrEqual(2);

  const first = items.nth(0);
  const firstId = await first.getAttribute("id");
  await first.getByRole("button", { name: /^Accept the completion reported for/ }).click();
  await expect(page.getByText("1 item accepted and marked Verified.")).toBeVisible();
  await expect(page.locator(`#${firstId}`)).toHaveCount(0);

  const second = items.nth(0);
  const secondId = (await second.getAttribute("id"))!;
  await second.getByText("Return", { exact: true }).click();
  // Without a remark the return is refused, at the field.
  await second.getByRole("button", { name: "Return to the officer" }).click();
  await expect(page.locator(`#${secondId}`).getByText("Write why the item is being returned.")).toBeVisible();
  await page.locator(`#${secondId}`).getByLabel("Why is it being returned?").fill("फोटो साक्ष्य संलग्न करें, फिर पूर्ण दर्ज करें।");
  await page.locator(`#${secondId}`).getByRole("button", { name: "Return to the officer" }).click();
  await expect(page.getByText("The item was returned to the officer and is In progress again.")).toBeVisible();
  await expect(page.locator(`#${secondId}`)).toHaveCount(0);

  // Both decisions are in the items' history.
  await page.goto(`/actions/${secondId.replace("item-", "")}?lang=en`);
  await expect(page.getByText("फोटो साक्ष्य संलग्न करें, फिर पूर्ण दर्ज करें।").first()).toBeVisible();
  await expect(page.getByText("In progress").first()).toBeVisible();
  await page.goto(`/actions/${firstId!.replace("item-", "")}?lang=en`);
  await expect(page.getByText("Verified").first()).toBeVisible();
  // The refused return (no remark) answers 400, which the browser logs; nothing else may appear.
  expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the editor adds a directive and saves a draft", async ({ page }) => {
    await login(page, "secretariat");
    await page.goto("/meetings/new?lang=en");
    await page.locator(f("titleEn")).fill("Review without JavaScript");
    await page.locator(f("meetingDate")).fill("2024-03-01");
    await page.getByRole("button", { name: "Add a directive" }).click();
    await expect(page.getByRole("heading", { name: "Directives (1)" })).toBeVisible();
    // The server kept what was typed before the round trip.
    await expect(page.locator(f("titleEn"))).toHaveValue("Review without JavaScript");
    await page.locator(f("directives.0.textHi")).fill("सभी थानों में हेल्पडेस्क स्थापित करें।");
    await page.locator(`${f("directives.0.collector")}-scope-DISTRICTS`).check();
    await page.getByText("Choose districts", { exact: true }).first().click();
    await page.locator('input[name="directives.0.collector.districts"][value="AJMER"]').check();
    await page.getByRole("button", { name: "Save draft" }).first().click();
    await page.waitForURL(/\/meetings\/\d+\/edit\?saved=1$/);
    await expect(page.getByText("Draft saved.")).toBeVisible();
    await expect(page.locator(f("directives.0.textHi"))).toHaveValue("सभी थानों में हेल्पडेस्क स्थापित करें।");
    await expect(page.locator(`${f("directives.0.collector")}-scope-DISTRICTS`)).toBeChecked();
    await expect(page.locator('input[name="directives.0.collector.districts"][value="AJMER"]')).toBeChecked();
    await expect(page.locator('input[name="directives.0.collector.districts"]:checked')).toHaveCount(1);

    // A server-side error comes back at the field, with every value kept.
    await page.locator(f("directives.0.textHi")).fill("");
    await page.getByRole("button", { name: "Save draft" }).first().click();
    await expect(page.getByText("Write the directive in Hindi or English.")).toBeVisible();
    await expect(page.locator(f("titleEn"))).toHaveValue("Review without JavaScript");
  });
});
