// The returned-item path on a phone: a Collector reports an item Completed straight from Pending,
// the secretariat returns it with a reason from the filtered /verify queue, and the Collector
// finds it at once — on the home page, at the top of "my actions" with a Returned badge, and with
// the reason at the top of the item page, above the update form — in Hindi, at 360 px.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const SHOTS = process.env.SHOTS_DIR;

async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function shoot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test("a returned item is unmissable for the Collector, in Hindi on a phone", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "collector.ajmer");
  await page.goto("/actions?lang=en&status=PENDING");
  const card = page.locator('[data-testid="action-card"][data-status="PENDING"]').first();
  await card.locator("a.action-card__text").click();
  await page.waitForURL(/\/actions\/\d+$/, { waitUntil: "commit" });
  const itemPath = new URL(page.url()).pathname;
  const itemId = itemPath.split("/").pop()!;

  // Completed straight from Pending, in one save (decision 012).
  await page.getByRole("radio", { name: "Work is done: Completed" }).check();
  await page.getByLabel("Remark", { exact: true }).fill("सभी थानों में स्वागत कक्ष बनाए गए।");
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your update has been saved." })).toBeVisible();
  await expect(page.getByTestId("item-status")).toContainText("Completed");

  // The secretariat narrows the queue to Ajmer and returns it.
  await login(page, "secretariat");
  await page.goto("/verify?lang=en&district=AJMER");
  const queued = page.locator(`#item-${itemId}`);
  await expect(queued).toContainText("सभी थानों में स्वागत कक्ष बनाए गए।");
  await expectAccessible(page);
  await shoot(page, "verify-filtered-360-en");
  await queued.locator("summary").filter({ hasText: "Return" }).click();
  const reason = "स्वागत कक्षों के फोटो संलग्न करें, फिर पुनः पूर्ण बताएं।";
  await queued.getByLabel("Why is it being returned?").fill(reason);
  await queued.getByRole("button", { name: "Return to the officer" }).click();
  await expect(page.getByRole("status")).toBeVisible();

  // The Collector: on the home page, at the top of the list, and the reason above the form.
  await login(page, "collector.ajmer");
  await page.goto("/?lang=hi");
  const home = page.getByTestId("returned-home");
  await expect(home).toBeVisible();
  await expect(home.getByTestId("returned-badge").first()).toHaveText("लौटाया गया");
  await expectAccessible(page);

  await page.goto("/actions?lang=hi");
  const first = page.locator('[data-testid="action-card"]').first();
  await expect(first.getByTestId("returned-badge")).toHaveText("लौटाया गया");
  await expect(first.locator("a.action-card__text")).toHaveAttribute("href", itemPath);
  await expectNoOverflow(page);
  await expectAccessible(page);
  await shoot(page, "actions-returned-360-hi");

  await first.locator("a.action-card__text").click();
  await page.waitForURL(new RegExp(`${itemPath}$`), { waitUntil: "commit" });
  const notice = page.getByTestId("returned-notice");
  await expect(notice).toBeVisible();
  await expect(notice.getByTestId("return-reason")).toHaveText(reason);
  const noticeBox = (await notice.boundingBox())!;
  const formBox = (await page.locator("#update-title").boundingBox())!;
  expect(noticeBox.y).toBeLessThan(formBox.y);
  // On a phone the reason is on the first screen.
  expect(noticeBox.y + noticeBox.height).toBeLessThan(740 + 200);
  await expectNoOverflow(page);
  await expectAccessible(page);
  await shoot(page, "item-returned-360-hi");
  expect(problems).toEqual([]);
});
