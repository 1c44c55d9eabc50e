import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { expectAccessible, login, watchConsole } from "./support";

const rajasthan = JSON.parse(fs.readFileSync(path.resolve("db/seed-data/rajasthan.json"), "utf8")) as {
  divisions: { districts: { code: string; name: { en: string; hi: string } }[] }[];
};

// Every district except Ajmer, in English and Hindi, for "no other district appears".
const OTHER_DISTRICTS = rajasthan.divisions
  .flatMap((division) => division.districts)
  .filter((district) => district.code !== "AJMER")
  .flatMap((district) => [district.name.en, district.name.hi]);

test("a collector sees only their own district's items and cannot open another's", async ({ page }) => {
  const problems = watchConsole(page);

  // A Jaipur item's address, as the Jaipur collector sees it.
  await login(page, "collector.jaipur");
  await page.goto("/actions?lang=en");
  const jaipurLink = page.locator('main a[href^="/actions/"]').first();
  await expect(jaipurLink).toBeVisible();
  const jaipurItem = (await jaipurLink.getAttribute("href"))!.split("?")[0];
  expect(jaipurItem).toMatch(/^\/actions\/\d+$/);

  await login(page, "collector.ajmer");
  await page.goto("/actions?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My actions");
  const items = page.locator('main a[href^="/actions/"]');
  expect(await items.count()).toBeGreaterThan(0);
  const text = await page.locator("main").innerText();
  const others = OTHER_DISTRICTS.filter((name) => new RegExp(`(^|[^\\p{L}\\p{M}])${name}($|[^\\p{L}\\p{M}])`, "u").test(text));
  expect(others, "other districts named on Ajmer's list").toEqual([]);
  await expectAccessible(page);

  // Even a filter in the address cannot widen it.
  await page.goto("/actions?lang=en&district=JAIPUR");
  await expect(page.locator("main")).not.toContainText("Jaipur");

  // The Jaipur item answers as if it did not exist.
  const response = await page.goto(`${jaipurItem}?lang=en`);
  expect([403, 404]).toContain(response?.status());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Page not found|Not allowed/);
  await expect(page.locator("main")).not.toContainText("Jaipur");
  await expectAccessible(page);

  // Nor do the secretariat's and the administrator's pages open.
  expect((await page.goto("/admin/users?lang=en"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
  expect((await page.goto("/verify?lang=en"))?.status()).toBe(403);

  expect(problems.filter((p) => !/status of 40[34]/.test(p))).toEqual([]);
});

test("an administrator imports three officers from CSV and finds them in the user list", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "admin");
  await page.goto("/admin/users/import?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import users from a CSV file");
  await expectAccessible(page);

  // First a file with a mistake on line 3: nothing is imported, and the line is named.
  const broken = [
    "name,username,role,district_or_department,district_role",
    '"Collector, Barmer",e2e.collector.barmer,DISTRICT_OFFICER,BARMER,COLLECTOR',
    '"SP, Barmer",e2e.sp.barmer,DISTRICT_OFFICER,NOWHERE,SP',
    '"Nodal officer, DoIT",e2e.doit,DEPARTMENT_OFFICER,DOIT,',
  ];
  await page.getByLabel("Or paste the CSV here").fill(broken.join("\n"));
  await page.getByRole("button", { name: "Check and import" }).click();
  const errors = page.getByRole("alert").filter({ hasText: "Line 3" });
  await expect(errors).toContainText("NOWHERE");
  await expect(page.locator("li[data-line]")).toHaveCount(1);
  await expectAccessible(page);
  await page.goto("/admin/users?lang=en&q=e2e.");
  await expect(page.getByTestId("users-table")).toHaveCount(0);

  // The corrected file goes in whole, with a password shown once for each officer.
  await page.goto("/admin/users/import?lang=en");
  const fixed = [...broken];
  fixed[2] = fixed[2].replace("NOWHERE", "BARMER");
  await page.getByLabel("Or paste the CSV here").fill(fixed.join("\n"));
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("status")).toHaveText("3 users were created.");
  const created = page.getByTestId("imported-users").locator("tbody tr");
  await expect(created).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(created.nth(i).locator("td").last()).toHaveText(/^\w{4}-\w{4}-\w{4}$/);
  await expectAccessible(page);

  await page.goto("/admin/users?lang=en&q=e2e.");
  const table = page.getByTestId("users-table");
  for (const username of ["e2e.collector.barmer", "e2e.sp.barmer", "e2e.doit"]) {
    await expect(table).toContainText(username);
  }
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(table).toContainText("Barmer");
  await expectAccessible(page);

  // The audit log shows the import, and an administrator can filter it.
  await page.goto("/admin/audit?lang=en&action=user.import");
  await expect(page.locator("main table")).toContainText("admin");
  await expectAccessible(page);

  // The refused file was answered 400, which the browser logs; nothing else may be.
  expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
});
