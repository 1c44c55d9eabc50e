// The Action Taken Report of meeting M1 of the compliance fixture (tests/support/factories-compliance.ts),
// every row against values worked out by hand, and its xlsx and csv read back as a reader's software would.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { hi } from "~/i18n";
import { getActionTakenReport, type AtrReport } from "~/models/atr.server";
import { loader as atrPage } from "~/routes/meetings.$meetingId_.atr";
import { loader as atrCsv } from "~/routes/meetings.$meetingId.atr[.]csv";
import { loader as atrXlsx } from "~/routes/meetings.$meetingId.atr[.]xlsx";
import { daysBetween, todayInIndia } from "~/utils/format";
import { useTestDatabase } from "../support/database";
import { createUser, districtByCode } from "../support/factories";
import { buildComplianceFixture, FIXTURE_TODAY, ist, type ComplianceFixture } from "../support/factories-compliance";
import { callRoute, getRequest, sessionCookieFor } from "../support/requests";

const { db } = useTestDatabase();
let fx: ComplianceFixture;
let official: typeof schema.users.$inferSelect;
let cookies: Record<"official" | "secretariat" | "district" | "department", string>;
let withdrawnDirectiveId: number;
let withdrawnItemId: number;

const HINDI_REMARK = "हेल्पलाइन 1930 के पोस्टर सभी थानों में लगाए गए"; // item 2
const TRICKY_REMARK = 'Returned: "photos missing", resend\nby Friday'; // item 6
const FORMULA_REMARK = '=HYPERLINK("http://x")'; // item 4

beforeAll(async () => {
  fx = await buildComplianceFixture(db());
  const d = db();
  await d
    .update(schema.actionItems)
    .set({ latestRemark: TRICKY_REMARK })
    .where(eq(schema.actionItems.id, fx.items.get(6)!));
  await d
    .update(schema.actionItems)
    .set({ latestRemark: FORMULA_REMARK })
    .where(eq(schema.actionItems.id, fx.items.get(4)!));
  // A third directive of M1, withdrawn with its one item, which would otherwise be overdue.
  const bikaner = await districtByCode(d, "BIKANER");
  const [directive] = await d
    .insert(schema.directives)
    .values({
      meetingId: fx.meetings.M1,
      number: 3,
      textEn: "Survey the cyber cafés",
      textHi: "साइबर कैफ़े का सर्वेक्षण करें",
      dueDate: "2024-02-20",
      withdrawnAt: ist("2024-03-05 10:00"),
      withdrawnReason: "Merged into directive 1",
    })
    .returning();
  withdrawnDirectiveId = directive.id;
  const [item] = await d
    .insert(schema.actionItems)
    .values({
      directiveId: directive.id,
      meetingId: fx.meetings.M1,
      districtId: bikaner.id,
      divisionId: bikaner.divisionId,
      districtRole: "COLLECTOR",
      status: "PENDING",
      dueDate: "2024-02-20",
      originalDueDate: "2024-02-20",
      withdrawnAt: ist("2024-03-05 10:00"),
      withdrawnReason: "Merged into directive 1",
    })
    .returning();
  withdrawnItemId = item.id;

  official = await createUser(d, { role: "OFFICIAL" });
  const secretariat = await createUser(d, { role: "SECRETARIAT" });
  const district = await createUser(d, { role: "DISTRICT_OFFICER", districtCode: "AJMER", districtRole: "COLLECTOR" });
  const department = await createUser(d, { role: "DEPARTMENT_OFFICER", departmentCode: "DIPR" });
  cookies = {
    official: await sessionCookieFor(official.id),
    secretariat: await sessionCookieFor(secretariat.id),
    district: await sessionCookieFor(district.id),
    department: await sessionCookieFor(department.id),
  };
});

const path = (suffix = "") => `/meetings/${fx.meetings.M1}/atr${suffix}`;
const params = () => ({ meetingId: String(fx.meetings.M1) });

describe("the report on the fixture (today 2024-08-01)", () => {
  let report: AtrReport;
  beforeAll(async () => {
    report = (await getActionTakenReport(official, fx.meetings.M1, FIXTURE_TODAY))!;
  });

  it("lists every assignee of each directive with status, remark, completion date or days overdue", () => {
    const rows = (n: number) =>
      report.directives
        .find((d) => d.number === n)!
        .lines.map((l) => ({
          item: [...fx.items].find(([, id]) => id === l.id)?.[0] ?? "withdrawn-directive",
          status: l.status,
          remark: l.latestRemark,
          completed: l.completionDate,
          late: l.completedLate,
          overdue: l.daysOverdue,
          withdrawn: l.withdrawnOn,
        }));
    // Ordered by division (Ajmer, Jaipur), district, then Collector before SP.
    // 10 Feb → 1 Aug 2024 is 173 days (2024 is a leap year).
    expect(rows(1)).toEqual([
      {
        item: 5,
        status: "IN_PROGRESS",
        remark: "Awareness vans running in 4 of 7 blocks",
        completed: null,
        late: false,
        overdue: 173,
        withdrawn: null,
      },
      // Reported completed on time but returned: no completion date, overdue again.
      { item: 6, status: "IN_PROGRESS", remark: TRICKY_REMARK, completed: null, late: false, overdue: 173, withdrawn: null },
      // 00:30 IST on 11 Feb (still 10 Feb in UTC): late in India.
      { item: 3, status: "COMPLETED", remark: null, completed: "2024-02-11", late: true, overdue: null, withdrawn: null },
      { item: 4, status: "NOT_APPLICABLE", remark: FORMULA_REMARK, completed: null, late: false, overdue: null, withdrawn: null },
      { item: 1, status: "VERIFIED", remark: null, completed: "2024-02-05", late: false, overdue: null, withdrawn: null },
      // 23:30 IST on the due date: on time.
      { item: 2, status: "COMPLETED", remark: HINDI_REMARK, completed: "2024-02-10", late: false, overdue: null, withdrawn: null },
    ]);
    expect(rows(2)).toEqual([
      // Completed before the extended date (1 Apr), after the original one (1 Mar): not late.
      { item: 9, status: "COMPLETED", remark: null, completed: "2024-03-20", late: false, overdue: null, withdrawn: null },
      // Withdrawn on 1 Feb: listed and marked, never overdue.
      { item: 10, status: "COMPLETED", remark: null, completed: "2024-01-15", late: false, overdue: null, withdrawn: "2024-02-01" },
      // Extended to 1 Sep: not overdue although its original date has passed.
      { item: 8, status: "PENDING", remark: null, completed: null, late: false, overdue: null, withdrawn: null },
    ]);
    expect(rows(3)).toEqual([
      { item: "withdrawn-directive", status: "PENDING", remark: null, completed: null, late: false, overdue: null, withdrawn: "2024-03-05" },
    ]);
    const item8 = report.directives[1].lines[2];
    expect([item8.dueDate, item8.originalDueDate]).toEqual(["2024-09-01", "2024-03-01"]);
  });

  it("leaves withdrawn directives and items out of every figure, and marks them", () => {
    const s = report.summary;
    // Live items of M1: 1–6, 8, 9. Done: 1, 2, 3, 9. Not applicable: 4. Overdue: 5, 6.
    expect([s.items, s.applicable, s.done, s.notApplicable, s.overdue]).toEqual([8, 7, 4, 1, 2]);
    expect(s.completionRate).toBeCloseTo(4 / 7, 12);
    // Due passed: 1, 2, 3, 5, 6, 9; on time: 1, 2, 6 (first report on time), 9.
    expect([s.onTime, s.duePassed]).toEqual([4, 6]);
    expect([report.liveDirectives, report.withdrawnDirectives, report.withdrawnItems]).toEqual([2, 1, 2]);
    const [d1, d2, d3] = report.directives;
    expect([d1.figures!.items, d1.figures!.done, d1.figures!.overdue, d1.figures!.notApplicable]).toEqual([6, 3, 2, 1]);
    expect(d1.figures!.completionRate).toBeCloseTo(3 / 5, 12);
    expect([d2.figures!.items, d2.figures!.done, d2.figures!.overdue, d2.withdrawnItems]).toEqual([2, 1, 0, 1]);
    expect(d3.id).toBe(withdrawnDirectiveId);
    expect([d3.withdrawnOn, d3.withdrawnReason, d3.figures, d3.withdrawnItems]).toEqual(["2024-03-05", "Merged into directive 1", null, 1]);
    expect(d3.lines.map((l) => l.id)).toEqual([withdrawnItemId]);
  });
});

describe("the page", () => {
  it("opens for officials and the secretariat, counting days overdue to today in India", async () => {
    for (const who of ["official", "secretariat"] as const) {
      const res = await callRoute(atrPage, getRequest(path(), { cookie: cookies[who] }), params());
      expect(res.status).toBe(200);
      const { report } = (await res.json()) as { report: AtrReport };
      const item5 = report.directives[0].lines.find((l) => l.id === fx.items.get(5));
      expect(item5?.daysOverdue).toBe(daysBetween("2024-02-10", todayInIndia()));
    }
  });

  it("is closed to district and department officers (403) and sends a visitor to sign in", async () => {
    for (const loader of [atrPage, atrXlsx, atrCsv]) {
      for (const who of ["district", "department"] as const) {
        const res = await callRoute(loader, getRequest(path(), { cookie: cookies[who] }), params());
        expect(res.status).toBe(403);
      }
      const anonymous = await callRoute(loader, getRequest(path()), params());
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    }
  });

  it("answers 404 for a meeting that does not exist or an id that is not one", async () => {
    for (const meetingId of ["999999", "abc", "0", "99999999999"]) {
      const res = await callRoute(atrPage, getRequest(`/meetings/${meetingId}/atr`, { cookie: cookies.official }), { meetingId });
      expect(res.status).toBe(404);
    }
  });
});

async function readWorkbook(res: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

describe("atr.xlsx", () => {
  it("is one sheet with the header frozen and filtered, dates as dates and Hindi intact", async () => {
    const res = await callRoute(atrXlsx, getRequest(path(".xlsx?lang=hi"), { cookie: cookies.official }), params());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain(`filename="ATR-2024-01-10-meeting-${fx.meetings.M1}.xlsx"`);
    const workbook = await readWorkbook(res);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(sheet.autoFilter).toBe("A3:N3");

    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toContain(hi["atr.col.remark"]);
    expect(header).toContain(hi["atr.col.daysOverdue"]);
    expect(String(sheet.getCell("A1").value)).toBe(hi["atr.heading"].replace("{meeting}", "साइबर धोखाधड़ी की समीक्षा"));
    const col = (key: keyof typeof hi) => header.indexOf(hi[key]) + 1;

    // Rows: 6 of directive 1, 3 of directive 2, 1 of the withdrawn directive 3.
    expect(sheet.rowCount).toBe(3 + 10);
    const rowOf = (remark: string) => {
      for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(col("atr.col.remark")).value === remark) return sheet.getRow(r);
      throw new Error(`no row with remark ${remark}`);
    };
    const jaipurSp = rowOf(HINDI_REMARK);
    const remark = jaipurSp.getCell(col("atr.col.remark")).value as string;
    expect(Buffer.from(remark, "utf8").equals(Buffer.from(HINDI_REMARK, "utf8"))).toBe(true);
    expect(jaipurSp.getCell(col("atr.col.directiveText")).value).toBe("साइबर हेल्पलाइन 1930 का व्यापक प्रचार करें");
    expect(jaipurSp.getCell(col("atr.col.assignee")).value).toBe("जयपुर");
    expect(jaipurSp.getCell(col("atr.col.status")).value).toBe(hi["status.COMPLETED"]);

    const due = jaipurSp.getCell(col("atr.col.dueDate"));
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.value).toBeInstanceOf(Date);
    expect((due.value as Date).toISOString()).toBe("2024-02-10T00:00:00.000Z");
    expect(due.numFmt).toBe("dd-mm-yyyy");
    expect((jaipurSp.getCell(col("atr.col.completedOn")).value as Date).toISOString()).toBe("2024-02-10T00:00:00.000Z");

    // Days overdue is a number; the returned item's remark with quotes and a line break is kept as written.
    const returned = rowOf(TRICKY_REMARK);
    expect(returned.getCell(col("atr.col.daysOverdue")).value).toBe(daysBetween("2024-02-10", todayInIndia()));
    expect(returned.getCell(col("atr.col.completedOn")).value).toBeNull();
    // A remark that looks like a formula stays text in a spreadsheet cell.
    expect(rowOf(FORMULA_REMARK).getCell(col("atr.col.remark")).type).toBe(ExcelJS.ValueType.String);

    const withdrawn = sheet.getRow(sheet.rowCount);
    expect((withdrawn.getCell(col("atr.col.withdrawnOn")).value as Date).toISOString()).toBe("2024-03-05T00:00:00.000Z");
    expect(withdrawn.getCell(col("atr.col.daysOverdue")).value).toBeNull();
  });

  it("follows the language cookie", async () => {
    const res = await callRoute(atrXlsx, getRequest(path(".xlsx"), { cookie: `${cookies.official}; lang=en` }), params());
    const sheet = (await readWorkbook(res)).worksheets[0];
    expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual(["S. no.", "Directive no.", "Directive"]);
    expect(sheet.getRow(4).getCell(3).value).toBe("Publicise the cyber helpline 1930");
  });
});

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe("atr.csv", () => {
  it("is UTF-8 with a BOM, quoted per RFC 4180, with the same columns", async () => {
    const res = await callRoute(atrCsv, getRequest(path(".csv?lang=hi"), { cookie: cookies.official }), params());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`.csv"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(rows).toHaveLength(1 + 10);
    expect(rows.every((r) => r.length === 14)).toBe(true);
    const header = rows[0];
    expect(header[0]).toBe(hi["atr.sno"]);
    const col = (key: keyof typeof hi) => header.indexOf(hi[key]);
    const byRemark = (remark: string) => rows.find((r) => r[col("atr.col.remark")] === remark);
    expect(byRemark(HINDI_REMARK)?.[col("atr.col.completedOn")]).toBe("2024-02-10");
    expect(byRemark(TRICKY_REMARK)?.[col("atr.col.daysOverdue")]).toBe(String(daysBetween("2024-02-10", todayInIndia())));
    // Kept from running as a formula when the file is opened.
    expect(byRemark(`'${FORMULA_REMARK}`)?.[col("atr.col.status")]).toBe(hi["status.NOT_APPLICABLE"]);
    expect(rows[rows.length - 1][col("atr.col.withdrawnOn")]).toBe("2024-03-05");
  });
});
