// A small fixed dataset whose compliance figures are worked out by hand in
// tests/integration/compliance.test.ts. "Today" is 2024-08-01 (IST). Every item has a full history
// written with explicit IST times, so the weekly trend can be recounted from it.
import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.server";
import * as schema from "../../db/schema";
import type { ActionStatus, DistrictRole, HistoryKind } from "../../db/schema";
import { departmentByCode, districtByCode, importRajasthan } from "./factories";
import { changeActionItemStatus } from "~/models/action-item-change.server";
import { decideExtension, requestExtension } from "~/models/extension.server";
import { acceptCompletion, returnCompletion } from "~/models/verification.server";
import type { Viewer } from "~/utils/auth.server";
import { addDays } from "~/utils/format";
import { TRANSITIONS } from "~/utils/lifecycle";

export const FIXTURE_TODAY = "2024-08-01";

/** An IST wall-clock time ("2024-02-10 23:30") as an instant. */
export const ist = (local: string) => new Date(`${local.replace(" ", "T")}:00+05:30`);

type Event = [at: string, kind: HistoryKind, to: ActionStatus, extra?: { fromDue?: string; toDue?: string }];

interface ItemSpec {
  no: number;
  directive: "D1" | "D2" | "D3" | "D5" | "D6";
  district?: string;
  role?: DistrictRole;
  department?: string;
  dueDate: string;
  originalDueDate?: string;
  withdrawnAt?: string;
  evidence?: boolean;
  remark?: string;
  events: Event[];
}

const M1 = "2024-01-10 17:00";
const M2 = "2024-06-05 17:00";
const M3 = "2024-07-15 17:00";

/** The items, numbered as in the test's hand computation. */
export const FIXTURE_ITEMS: ItemSpec[] = [
  // M1 / D1 (cyber, due 2024-02-10)
  {
    no: 1,
    directive: "D1",
    district: "JAIPUR",
    role: "COLLECTOR",
    dueDate: "2024-02-10",
    evidence: true,
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-01-20 11:00", "STATUS_CHANGED", "IN_PROGRESS"],
      ["2024-02-05 12:00", "STATUS_CHANGED", "COMPLETED"],
      ["2024-02-12 15:00", "VERIFIED", "VERIFIED"],
    ],
  },
  // Reported at 23:30 IST on the due date: still 10 Feb in India (18:00 UTC) — on time.
  {
    no: 2,
    directive: "D1",
    district: "JAIPUR",
    role: "SP",
    dueDate: "2024-02-10",
    remark: "हेल्पलाइन 1930 के पोस्टर सभी थानों में लगाए गए",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-02-10 23:30", "STATUS_CHANGED", "COMPLETED"],
    ],
  },
  // Reported at 00:30 IST on 11 Feb: still 10 Feb in UTC, but late in India.
  {
    no: 3,
    directive: "D1",
    district: "ALWAR",
    role: "COLLECTOR",
    dueDate: "2024-02-10",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-02-11 00:30", "STATUS_CHANGED", "COMPLETED"],
    ],
  },
  {
    no: 4,
    directive: "D1",
    district: "ALWAR",
    role: "SP",
    dueDate: "2024-02-10",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-01-25 10:00", "STATUS_CHANGED", "NOT_APPLICABLE"],
    ],
  },
  {
    no: 5,
    directive: "D1",
    district: "AJMER",
    role: "COLLECTOR",
    dueDate: "2024-02-10",
    remark: "Awareness vans running in 4 of 7 blocks",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-02-01 10:00", "STATUS_CHANGED", "IN_PROGRESS"],
    ],
  },
  // Reported on time, returned by the secretariat: first_completed_at stays, so it counts as on time.
  {
    no: 6,
    directive: "D1",
    district: "AJMER",
    role: "SP",
    dueDate: "2024-02-10",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-02-08 10:00", "STATUS_CHANGED", "COMPLETED"],
      ["2024-02-15 10:00", "RETURNED", "IN_PROGRESS"],
    ],
  },
  // M1 / D2 (policing, due 2024-03-01)
  {
    no: 8,
    directive: "D2",
    district: "JAIPUR",
    role: "COLLECTOR",
    dueDate: "2024-09-01",
    originalDueDate: "2024-03-01",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-02-25 10:00", "EXTENSION_GRANTED", "PENDING", { fromDue: "2024-03-01", toDue: "2024-09-01" }],
    ],
  },
  // Late against the original date, on time against the granted one.
  {
    no: 9,
    directive: "D2",
    district: "AJMER",
    role: "COLLECTOR",
    dueDate: "2024-04-01",
    originalDueDate: "2024-03-01",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-02-20 10:00", "EXTENSION_GRANTED", "PENDING", { fromDue: "2024-03-01", toDue: "2024-04-01" }],
      ["2024-03-20 10:00", "STATUS_CHANGED", "COMPLETED"],
    ],
  },
  // Withdrawn: leaves every figure (it was completed before it was withdrawn).
  {
    no: 10,
    directive: "D2",
    district: "ALWAR",
    role: "COLLECTOR",
    dueDate: "2024-03-01",
    withdrawnAt: "2024-02-01 10:00",
    events: [
      [M1, "CREATED", "PENDING"],
      ["2024-01-15 10:00", "STATUS_CHANGED", "COMPLETED"],
      ["2024-02-01 10:00", "WITHDRAWN", "COMPLETED"],
    ],
  },
  // M2 / D3 (campaign, due 2024-07-05)
  {
    no: 11,
    directive: "D3",
    department: "DIPR",
    dueDate: "2024-07-05",
    evidence: true,
    events: [
      [M2, "CREATED", "PENDING"],
      ["2024-07-01 10:00", "STATUS_CHANGED", "COMPLETED"],
    ],
  },
  { no: 12, directive: "D3", district: "JAIPUR", role: "COLLECTOR", dueDate: "2024-07-05", events: [[M2, "CREATED", "PENDING"]] },
  {
    no: 13,
    directive: "D3",
    district: "ALWAR",
    role: "COLLECTOR",
    dueDate: "2024-07-05",
    events: [
      [M2, "CREATED", "PENDING"],
      ["2024-07-10 10:00", "STATUS_CHANGED", "COMPLETED"],
      ["2024-07-12 10:00", "VERIFIED", "VERIFIED"],
    ],
  },
  // Due today: neither overdue nor counted in the on-time rate yet.
  {
    no: 14,
    directive: "D3",
    district: "AJMER",
    role: "COLLECTOR",
    dueDate: "2024-08-01",
    originalDueDate: "2024-07-05",
    events: [
      [M2, "CREATED", "PENDING"],
      ["2024-07-01 10:00", "EXTENSION_GRANTED", "PENDING", { fromDue: "2024-07-05", toDue: "2024-08-01" }],
    ],
  },
  // M3 (law and order): a tie on completion and on-time rate, broken by fewer overdue.
  {
    no: 16,
    directive: "D5",
    district: "BIKANER",
    role: "COLLECTOR",
    dueDate: "2024-07-25",
    events: [
      [M3, "CREATED", "PENDING"],
      ["2024-07-28 10:00", "STATUS_CHANGED", "COMPLETED"],
    ],
  },
  { no: 17, directive: "D6", district: "BIKANER", role: "COLLECTOR", dueDate: "2024-08-20", events: [[M3, "CREATED", "PENDING"]] },
  {
    no: 18,
    directive: "D5",
    district: "CHURU",
    role: "COLLECTOR",
    dueDate: "2024-07-25",
    events: [
      [M3, "CREATED", "PENDING"],
      ["2024-07-30 10:00", "STATUS_CHANGED", "COMPLETED"],
    ],
  },
  {
    no: 19,
    directive: "D6",
    district: "CHURU",
    role: "COLLECTOR",
    dueDate: "2024-07-25",
    originalDueDate: "2024-08-20",
    events: [
      [M3, "CREATED", "PENDING"],
      ["2024-07-16 10:00", "DUE_DATE_CHANGED", "PENDING", { fromDue: "2024-08-20", toDue: "2024-07-25" }],
    ],
  },
];

export interface ComplianceFixture {
  meetings: { M1: number; M2: number; M3: number };
  directives: Record<ItemSpec["directive"], number>;
  /** Item number (as in FIXTURE_ITEMS) → action_items.id */
  items: Map<number, number>;
  categories: Record<string, number>;
}

export async function buildComplianceFixture(db: Database): Promise<ComplianceFixture> {
  await importRajasthan(db);
  return db.transaction(async (tx) => {
    const categories = Object.fromEntries((await tx.select().from(schema.categories)).map((c) => [c.code, c.id])) as Record<string, number>;
    const meeting = async (date: string, titleEn: string, titleHi: string) => {
      const [row] = await tx
        .insert(schema.meetings)
        .values({ titleEn, titleHi, meetingDate: date, status: "PUBLISHED", publishedAt: ist(`${date} 17:00`) })
        .returning();
      return row.id;
    };
    const meetings = {
      M1: await meeting("2024-01-10", "Review of cyber fraud", "साइबर धोखाधड़ी की समीक्षा"),
      M2: await meeting("2024-06-05", "Campaign review", "अभियान की समीक्षा"),
      M3: await meeting("2024-07-15", "Law and order review", "कानून व्यवस्था की समीक्षा"),
    };
    const directive = async (meetingId: number, number: number, category: string, dueDate: string, textEn: string, textHi: string) => {
      const [row] = await tx
        .insert(schema.directives)
        .values({ meetingId, number, textEn, textHi, categoryId: categories[category], dueDate })
        .returning();
      return row.id;
    };
    const directives = {
      D1: await directive(meetings.M1, 1, "CYBER", "2024-02-10", "Publicise the cyber helpline 1930", "साइबर हेल्पलाइन 1930 का व्यापक प्रचार करें"),
      D2: await directive(meetings.M1, 2, "POLICING", "2024-03-01", "Build reception rooms in police stations", "थानों में स्वागत कक्ष बनाएँ"),
      D3: await directive(meetings.M2, 1, "CAMPAIGN", "2024-07-05", "Prepare the camps", "शिविरों की तैयारी करें"),
      D5: await directive(meetings.M3, 1, "LAW_AND_ORDER", "2024-07-25", "List the organisations", "संस्थाओं की सूची बनाएँ"),
      D6: await directive(meetings.M3, 2, "LAW_AND_ORDER", "2024-08-20", "Approve the district plan", "जिला कार्ययोजना अनुमोदित करें"),
    };
    const meetingOf: Record<ItemSpec["directive"], number> = {
      D1: meetings.M1,
      D2: meetings.M1,
      D3: meetings.M2,
      D5: meetings.M3,
      D6: meetings.M3,
    };
    const items = new Map<number, number>();
    for (const spec of FIXTURE_ITEMS) {
      const district = spec.district ? await districtByCode(tx, spec.district) : null;
      const department = spec.department ? await departmentByCode(tx, spec.department) : null;
      const events = spec.events.map(([at, kind, to, extra]) => ({ at: ist(at), kind, to, extra }));
      const completions = events.filter((e, i) => e.to === "COMPLETED" && (i === 0 || events[i - 1].to !== "COMPLETED"));
      const last = events[events.length - 1];
      const [item] = await tx
        .insert(schema.actionItems)
        .values({
          directiveId: directives[spec.directive],
          meetingId: meetingOf[spec.directive],
          districtId: district?.id ?? null,
          divisionId: district?.divisionId ?? null,
          districtRole: district ? (spec.role ?? "COLLECTOR") : null,
          departmentId: department?.id ?? null,
          status: last.to,
          dueDate: spec.dueDate,
          originalDueDate: spec.originalDueDate ?? spec.dueDate,
          latestRemark: spec.remark ?? null,
          firstCompletedAt: completions[0]?.at ?? null,
          completedAt: completions[completions.length - 1]?.at ?? null,
          verifiedAt: events.find((e) => e.kind === "VERIFIED")?.at ?? null,
          withdrawnAt: spec.withdrawnAt ? ist(spec.withdrawnAt) : null,
          version: events.length,
          createdAt: events[0].at,
          updatedAt: last.at,
        })
        .returning();
      items.set(spec.no, item.id);
      await tx.insert(schema.actionItemHistory).values(historyRowsOf(item.id, events));
      if (spec.evidence) {
        await tx.insert(schema.evidence).values({ actionItemId: item.id, kind: "LINK", url: "https://example.gov.in/report.pdf" });
      }
    }
    return { meetings, directives, items, categories };
  });
}

export async function districtId(db: Database, code: string) {
  const [row] = await db.select().from(schema.districts).where(eq(schema.districts.code, code));
  return row.id;
}

/**
 * The property tests' "extension" step: the item's officer asks for 30 more days and the secretariat grants
 * or refuses a minute later. Whether both were accepted (a request on a closed item is refused).
 */
export async function askAndDecideExtension(
  officer: Viewer,
  secretariat: Viewer,
  item: typeof schema.actionItems.$inferSelect,
  at: Date,
  grant: boolean,
): Promise<boolean> {
  const asked = await requestExtension(officer, {
    actionItemId: item.id,
    expectedVersion: item.version,
    requestedDueDate: addDays(item.dueDate ?? FIXTURE_TODAY, 30),
    reason: "ठेकेदार ने समय मांगा",
    today: "2024-01-01",
    at,
  });
  if (!asked.ok) return false;
  const decided = await decideExtension(secretariat, {
    requestId: asked.request.id,
    decision: grant ? "GRANT" : "REFUSE",
    remark: "निर्णय / decided",
    at: new Date(at.getTime() + 60_000),
  });
  return decided.ok;
}

/** A status change as the property tests make it; a test may make it another way (with evidence, say). */
export type StatusChange = (
  viewer: Viewer,
  input: { actionItemId: number; expectedVersion: number; toStatus: ActionStatus; remark: string; at: Date },
) => Promise<{ ok: boolean }>;

/**
 * The property tests' "status" step: the `to`-th move the lifecycle allows from the item's status,
 * made by whom it belongs to: accepted or returned by the secretariat, or a status change by the
 * officer or the secretariat. Null when no move leaves that status; otherwise whether it was taken.
 */
export async function makeLifecycleMove(
  item: typeof schema.actionItems.$inferSelect,
  to: number,
  at: Date,
  actors: { secretariat: Viewer; officerFor: (item: typeof schema.actionItems.$inferSelect) => Promise<Viewer> },
  change: StatusChange = changeActionItemStatus,
): Promise<boolean | null> {
  const moves = TRANSITIONS.filter((m) => m.from === item.status);
  if (moves.length === 0) return null;
  const move = moves[to % moves.length];
  const input = { itemId: item.id, version: item.version, at };
  if (move.kind === "VERIFIED") return (await acceptCompletion(actors.secretariat, input)).ok;
  if (move.kind === "RETURNED") return (await returnCompletion(actors.secretariat, { ...input, remark: "प्रमाण अधूरा / evidence incomplete" })).ok;
  const actor = move.actor === "SECRETARIAT" ? actors.secretariat : await actors.officerFor(item);
  const result = await change(actor, { actionItemId: item.id, expectedVersion: item.version, toStatus: move.to, remark: "प्रगति / progress", at });
  return result.ok;
}

/** A fixture item's event as the history writes it. */
export interface FixtureEvent {
  at: Date;
  kind: HistoryKind;
  to: ActionStatus;
  extra?: { fromDue?: string; toDue?: string };
}

/** The item's history rows for its events in order: each from the status before it, versions 1, 2, 3… */
export function historyRowsOf(actionItemId: number, events: FixtureEvent[]): (typeof schema.actionItemHistory.$inferInsert)[] {
  return events.map((e, i) => ({
    actionItemId,
    at: e.at,
    kind: e.kind,
    fromStatus: i === 0 ? null : events[i - 1].to,
    toStatus: e.to,
    fromDueDate: e.extra?.fromDue ?? null,
    toDueDate: e.extra?.toDue ?? null,
    version: i + 1,
  }));
}
