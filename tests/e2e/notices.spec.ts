// Issue 13 in the browser: the bell and the inbox (the demo's start-up run made notices), the
// division dashboard, a division officer's remark, notice settings, the ladder and the delivery
// audit; axe finds nothing serious on any of them.
import { expect, test } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

test("a Commissioner reads the bell and the inbox, opens the division dashboard and remarks on an item", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "commissioner.ajmer");
  await expect(page).toHaveURL(/\/division$/);
  await expect(page.getByRole("heading", { level: 1, name: "Ajmer division" })).toBeVisible();
  await expectAccessible(page);

  const bell = page.getByRole("link", { name: /^Notices: \d+ unread$/ });
  await expect(bell).toBeVisible();
  const unread = Number((await bell.getAttribute("aria-label"))!.match(/\d+/)![0]);
  expect(unread).toBeGreaterThan(0);
  await bell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notices" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Mark as read" }).first().click();
  await expect(page.getByRole("link", { name: `Notices: ${unread - 1} unread` })).toBeVisible();

  // Straight from a division notice to its item, then a remark that changes nothing else.
  await page.getByRole("button", { name: "Open the item" }).first().click();
  await expect(page).toHaveURL(/\/actions\/\d+$/);
  const status = await page.getByTestId("item-status").innerText();
  await page.getByRole("textbox", { name: "Remark" }).fill("Discuss in Monday's VC");
  await page.getByRole("button", { name: "Add remark" }).click();
  await expect(page.getByRole("status")).toHaveText("Your remark is recorded.");
  await expect(page.getByText("Discuss in Monday's VC")).toBeVisible();
  expect(await page.getByTestId("item-status").innerText()).toBe(status);
  await expectAccessible(page);

  await page.goto("/account/notices");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Enter an email address such as name@rajasthan.gov.in.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
  await page.getByLabel("Email address").fill("divcom.ajmer@example.gov.in");
  await page.getByLabel("Language of messages").selectOption("en");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Your notice settings are saved.");
  await expectAccessible(page);
  // The refused form is answered 400 on purpose; the browser logs that as a failed load.
  expect(problems.filter((p) => !p.includes("status of 400"))).toEqual([]);
});

test("the administrator changes the ladder and reads the deliveries", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/admin/reminders");
  await expectAccessible(page);
  await page.locator("#escalateDays").fill("5");
  await page.getByRole("button", { name: "Save the ladder" }).click();
  await expect(page.getByText("The steps must come in order")).toBeVisible();
  await page.locator("#escalateDays").fill("20");
  await page.getByRole("button", { name: "Save the ladder" }).click();
  await expect(page.getByRole("status")).toHaveText(/The ladder is saved/);
  await expect(page.locator("#escalateDays")).toHaveValue("20");

  await page.goto("/admin/notices");
  await expect(page.getByRole("heading", { level: 1, name: "Notices sent" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /commissioner\.ajmer/ }).first()).toBeVisible();
  await expectAccessible(page);
});
