import { expect, test } from "@playwright/test";
import { login, watchConsole } from "./support";

// Issue 11 item 6: a person's name has a Hindi form (users.display_name_hi), shown on Hindi pages.
test("a Hindi item page names the officer and the history's actors in Hindi; the English page in English", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "collector.ajmer");
  await page.goto("/actions?lang=hi");
  const item = (await page.locator('a[href^="/actions/"]').first().getAttribute("href"))!;
  await page.goto(`${item}?lang=hi`);
  await expect(page.locator(".site-header .whoami").first()).toHaveText("जिला कलेक्टर, अजमेर");
  const who = page.locator(".timeline__who");
  await expect(who.first()).toBeVisible();
  const names = (await who.allTextContents()).join(" | ");
  expect(names).not.toMatch(/District Collector|Review Cell|System Administrator/);
  expect(names).toMatch(/जिला कलेक्टर, अजमेर|समीक्षा प्रकोष्ठ/);

  await page.goto(`${item}?lang=en`);
  await expect(page.locator(".site-header .whoami").first()).toHaveText("District Collector, Ajmer");
  expect((await page.locator(".timeline__who").allTextContents()).join(" ")).not.toMatch(/[\u0900-\u097F]/);
  expect(problems).toEqual([]);
});

// Decision 024: the browser bundle carries no dictionary; the page's language comes with the root data.
test("the item page's scripts carry no dictionary, and its form still speaks Hindi after hydration", async ({ page, request }) => {
  await login(page, "collector.ajmer");
  await page.goto("/actions?lang=hi");
  const item = (await page.locator('a[href^="/actions/"]').first().getAttribute("href"))!;
  await page.goto(`${item}?lang=hi`);
  const sources = await page.evaluate(() => [
    ...new Set([
      ...Array.from(document.querySelectorAll<HTMLScriptElement>("script[src]"), (s) => s.src),
      ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'), (l) => l.href),
    ]),
  ]);
  expect(sources.length).toBeGreaterThan(0);
  for (const src of sources) {
    const body = await (await request.get(src)).text();
    // An English and a Hindi string of the update form.
    expect(body, src).not.toContain("Mark selected as In progress");
    expect(body, src).not.toMatch(/अधिकतम|\\u0905\\u0927\\u093f\\u0915\\u0924\\u092e/);
  }
  // Client-side validation (no round trip) still answers in Hindi: submit with no status chosen.
  await page.locator(".update-form").waitFor();
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  const radios = page.locator('.update-form input[name="toStatus"]');
  if ((await radios.count()) > 1) {
    await page.locator(".update-form button[type=submit]").click();
    await expect(page.locator("#toStatus-error")).toContainText(/[\u0900-\u097F]/);
  }
});
