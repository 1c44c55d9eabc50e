// "Paste the minutes" with a real-looking press note copied from a news site: the directives are
// proposed one per instruction, and what was left out is listed with its reason — in Hindi on a
// phone and in English on a desk. Also looks at /verify filtered, in Hindi.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

const PRESS_NOTE = readFileSync("tests/fixtures/minutes-corpus/01-hi-press-cyber-1930.txt", "utf8");
const SHOTS = process.env.SHOTS_DIR;
const f = (path: string) => `#f-${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;

async function shoot(page: Page, name: string, fullPage = true) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

for (const [width, lang] of [
  [360, "hi"],
  [1280, "en"],
] as const) {
  test(`a pasted press note becomes one directive per instruction, with what was left out (${width} px, ${lang})`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width, height: 900 });
    await login(page, "secretariat");
    await page.goto(`/meetings/new?lang=${lang}`);
    await page.locator(f("meetingDate")).fill("2024-09-27");
    await page.locator("#pasteText").fill(PRESS_NOTE);
    await page.getByRole("button", { name: lang === "hi" ? "पाठ से निर्देश बनाएँ" : "Make directives from the text" }).click();
    await expect(page.getByRole("heading", { name: lang === "hi" ? /\(5\)/ : "Directives (5)" })).toBeVisible();
    const leftOut = page.getByTestId("paste-left-out");
    await expect(leftOut).toBeVisible();
    await expect(leftOut).toContainText(lang === "hi" ? "दोहराया गया" : "Repeated");
    await expect(leftOut).toContainText(lang === "hi" ? "उपस्थिति" : "Who attended");
    await expect(leftOut).toContainText("सर्वाधिकार सुरक्षित");
    // ACS Home chaired: Home is proposed nowhere; PHED (पीएचईडी) is recognised.
    await expect(page.locator(f("directives.2.textHi"))).toHaveValue(/पीएचईडी/);
    const department = (i: number, code: string) => page.locator(`input[name="directives.${i}.departments"][value="${code}"]`);
    await expect(department(2, "PHED")).toBeChecked();
    await expect(department(2, "ENERGY")).toBeChecked();
    for (let i = 0; i < 5; i++) await expect(department(i, "HOME")).not.toBeChecked();
    await expectAccessible(page);
    await leftOut.scrollIntoViewIfNeeded();
    await shoot(page, `paste-preview-${width}-${lang}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(problems).toEqual([]);
  });
}

for (const width of [360, 1280]) {
  test(`the verification queue filtered, in Hindi (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 1100 });
    await login(page, "secretariat");
    await page.goto("/verify?lang=hi&status=LATE");
    await expect(page.getByTestId("verify-filters")).toBeVisible();
    await expect(page.locator("#vf-status")).toHaveValue("LATE");
    await expectAccessible(page);
    await shoot(page, `verify-filters-${width}-hi`, false);
  });
}
