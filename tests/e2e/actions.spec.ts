// A Collector reports from a phone: opens an overdue item from "my actions", attaches a real
// PDF, marks it Completed; the secretariat verifies it on /verify; the Collector sees Verified
// in the item's history.
import { expect, test, type Page, type Response } from "@playwright/test";
import { expectAccessible, login, watchConsole } from "./support";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** A one-page PDF a reader opens, written here so the test needs no fixture file. */
function smallPdf(): Buffer {
  const stream = "BT /F1 12 Tf 20 50 Td (Cyber helpline banners: 42 put up) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** No horizontal scrolling at phone width. */
async function expectNoOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function saveUpdate(page: Page, option: string, remark: string, pdf?: Buffer) {
  await page.getByRole("radio", { name: option }).check();
  await page.getByLabel("Remark", { exact: true }).fill(remark);
  if (pdf) await page.getByLabel("Evidence files").setInputFiles({ name: "banners.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your update has been saved." })).toBeVisible();
}

test("a Collector reports a completion with a PDF from a phone, and sees it verified", async ({ page }) => {
  const problems = watchConsole(page);
  await login(page, "collector.ajmer");
  // "My actions" is light on a phone: it loads no script at all (decision 014): links and forms work
  // without one.
  const scripts: Promise<string>[] = [];
  const onResponse = (r: Response) => {
    if (r.url().includes("/build/") && r.url().endsWith(".js")) scripts.push(r.text());
  };
  page.on("response", onResponse);
  await page.goto("/actions?lang=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My actions");
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const loaded = await Promise.all(scripts);
  expect(loaded).toEqual([]);
  await expectNoOverflow(page);
  await expectAccessible(page);

  // Overdue items come first; prefer one already in progress, else start a pending one.
  const overdue = page.locator('[data-testid="action-card"].action-card--overdue');
  await expect(overdue.first()).toBeVisible();
  await expect(overdue.first()).toContainText(/\d+ days? overdue/);
  const inProgress = overdue.and(page.locator('[data-status="IN_PROGRESS"]'));
  const card = (await inProgress.count()) > 0 ? inProgress.first() : overdue.first();
  const wasPending = (await card.getAttribute("data-status")) === "PENDING";
  await card.locator("a.action-card__text").click();
  await page.waitForURL(/\/actions\/\d+$/, { waitUntil: "commit" });
  const itemPath = new URL(page.url()).pathname;
  const itemId = itemPath.split("/").pop()!;
  await expect(page.getByTestId("item-status")).toContainText("Overdue");
  await expectNoOverflow(page);
  await expectAccessible(page);

  if (wasPending) await saveUpdate(page, "Work has started: In progress", "बैनर छपवाने का आदेश दिया गया");
  await saveUpdate(page, "Work is done: Completed", "सभी 42 थानों पर हेल्पलाइन 1930 के बैनर लगाए गए", smallPdf());
  await expect(page.getByTestId("item-status")).toContainText("Completed");
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("सभी 42 थानों पर हेल्पलाइन 1930 के बैनर लगाए गए");
  const evidence = history.getByRole("link", { name: /banners\.pdf/ });
  await expect(evidence).toBeVisible();
  // The file comes back as it went.
  const download = await page.request.get((await evidence.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(smallPdf())).toBe(true);
  await expectAccessible(page);

  await login(page, "secretariat");
  // The queue is oldest first: the report just made is on its last page (the page number is clamped).
  await page.goto("/verify?lang=en&page=100000");
  const queued = page.locator(`#item-${itemId}`);
  await expect(queued).toContainText("सभी 42 थानों पर हेल्पलाइन 1930 के बैनर लगाए गए");
  await expect(queued.getByRole("link", { name: /banners\.pdf/ })).toBeVisible();
  await expectAccessible(page);
  await queued.getByRole("button", { name: /^Accept the completion reported for/ }).click();
  await expect(page.getByRole("status")).toContainText("accepted and marked Verified");
  await page.goto("/verify?lang=en&page=100000");
  await expect(page.getByRole("heading", { name: /^Awaiting verification/ })).toBeVisible();
  await expect(page.locator(`#item-${itemId}`)).toHaveCount(0);

  await login(page, "collector.ajmer");
  await page.goto(`${itemPath}?lang=en`);
  await expect(page.getByTestId("item-status")).toContainText("Verified");
  await expect(page.getByRole("region", { name: "History" }).locator("li").first()).toContainText("Verified by the secretariat");
  await expectNoOverflow(page);
  await expectAccessible(page);
  expect(problems).toEqual([]);
});
