import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

// Every page at a phone's width (360 px) in both languages: the document is never wider than the
// screen (tables and the heat map scroll inside their own box), and axe finds nothing serious.
// With SHOTS_DIR set, each page is also photographed at 360 and 1280 px for a person to look at.
const SHOTS = process.env.SHOTS_DIR;

interface Visit {
  name: string;
  as: string | null;
  path: (page: Page) => Promise<string>;
}

const fixed = (p: string) => async () => p;

/** The first link on a page matching a pattern. */
async function firstLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((h) => pattern.test(h));
  if (!found) throw new Error(`no link matching ${pattern} on ${from}`);
  return found.replace(/\?.*$/, "");
}

const VISITS: Visit[] = [
  { name: "login", as: null, path: fixed("/login") },
  { name: "dashboard", as: "official", path: fixed("/dashboard") },
  { name: "district", as: "official", path: fixed("/districts/AJMER") },
  { name: "find-district", as: "official", path: fixed("/districts?q=pur") },
  { name: "directive", as: "official", path: (page) => firstLink(page, "/districts/AJMER?lang=en", /^\/directives\/\d+/) },
  { name: "meetings", as: "secretariat", path: fixed("/meetings") },
  { name: "meeting", as: "secretariat", path: (page) => firstLink(page, "/meetings?lang=en", /^\/meetings\/\d+$/) },
  { name: "atr", as: "secretariat", path: async (page) => `${await firstLink(page, "/meetings?lang=en", /^\/meetings\/\d+$/)}/atr` },
  { name: "meeting-new", as: "secretariat", path: fixed("/meetings/new") },
  { name: "verify", as: "secretariat", path: fixed("/verify") },
  { name: "actions", as: "collector.ajmer", path: fixed("/actions") },
  { name: "action", as: "collector.ajmer", path: (page) => firstLink(page, "/actions?lang=en", /^\/actions\/\d+$/) },
  { name: "password", as: "collector.ajmer", path: fixed("/account/password") },
  { name: "users", as: "admin", path: fixed("/admin/users") },
  { name: "user-new", as: "admin", path: fixed("/admin/users/new") },
  { name: "users-import", as: "admin", path: fixed("/admin/users/import") },
  { name: "audit", as: "admin", path: fixed("/admin/audit") },
];

/** How far the document reaches past the viewport, and what sticks out (for the message). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      for (const el of Array.from(document.body.querySelectorAll("*"))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          // Only the outermost offender inside a scroll box that is not itself wider.
          wide.push(`${el.tagName.toLowerCase()}.${(el.getAttribute("class") ?? "").split(" ")[0]} (${Math.round(r.right)})`);
          if (wide.length > 5) break;
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

test.describe.configure({ timeout: 240_000 });

for (const visit of VISITS) {
  test(`${visit.name}: no sideways scroll at 360 px and nothing serious for axe, in English and Hindi`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width: 360, height: 780 });
    if (visit.as) await login(page, visit.as);
    const pathname = await visit.path(page);
    for (const lang of ["en", "hi"] as const) {
      const response = await page.goto(`${pathname}${pathname.includes("?") ? "&" : "?"}lang=${lang}`);
      expect(response?.status(), `${pathname} ${lang}`).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const o = await overflow(page);
      expect(o.scrollWidth, `${pathname} (${lang}) is ${o.scrollWidth} px wide at ${o.width}: ${o.wide.join(", ")}`).toBeLessThanOrEqual(o.width);
      await expectAccessible(page);
      if (SHOTS) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `${visit.name}-${lang}-360.png`), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.screenshot({ path: path.join(SHOTS, `${visit.name}-${lang}-1280.png`), fullPage: true });
        await page.setViewportSize({ width: 360, height: 780 });
      }
    }
    expect(problems).toEqual([]);
  });
}

// Officers see only links they may open: every link on the pages a district officer uses answers
// them (no /meetings/N that would be refused with 403).
test("a district officer is shown no link that refuses them", async ({ page }) => {
  await login(page, "collector.ajmer");
  const item = await firstLink(page, "/actions?lang=en", /^\/actions\/\d+$/);
  const directive = await firstLink(page, "/districts/AJMER?lang=en", /^\/directives\/\d+/);
  const hrefs = new Set<string>();
  for (const p of ["/?lang=en", "/actions?lang=en", `${item}?lang=en`, "/districts/AJMER?lang=en", `${directive}?lang=en`]) {
    await page.goto(p);
    for (const href of await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))) {
      if (!/\/evidence\/|\.(xlsx|csv)/.test(href)) hrefs.add(href.replace(/#.*$/, ""));
    }
  }
  const refused: string[] = [];
  for (const href of hrefs) {
    const res = await page.request.get(href, { maxRedirects: 0 });
    if (res.status() === 403 || res.status() === 404) refused.push(`${href} ${res.status()}`);
  }
  expect(hrefs.size).toBeGreaterThan(5);
  expect(refused).toEqual([]);
});
