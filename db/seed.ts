import { seedSeries } from "./seed-series";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { count, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../app/utils/password.server";
import { closeDatabase, getDatabaseHandle, type DatabaseHandle, type Tx } from "./client.server";
import {
  categoriesSchema,
  departmentsFileSchema,
  importDepartmentsAndCategories,
  importStateMasterData,
  loadStateDistricts,
  stateFileSchema,
} from "./import";
import { runMigrations } from "./migrate";
import {
  ACTION_STATUSES,
  DISTRICT_ROLES,
  MEETING_MODES,
  actionItemHistory,
  actionItems,
  directiveAssigneeDistricts,
  directiveAssignees,
  directives,
  divisions,
  extensionRequests,
  meetings,
  users,
  type ActionStatus,
  type DistrictRole,
  type HistoryKind,
  type NewActionItem,
  type NewActionItemHistory,
  type Role,
} from "./schema";

// ---------------------------------------------------------------------------------------------
// Demo users
// ---------------------------------------------------------------------------------------------

export const DEMO_PASSWORD = "anupalan-demo";

export const DEMO_STATES = ["rajasthan", "madhya-pradesh"] as const;
export type DemoState = (typeof DEMO_STATES)[number];

export const DEMO_USERS_BY_STATE = {
  rajasthan: ["admin", "secretariat", "official", "dipr", "collector.ajmer", "sp.ajmer", "collector.jaipur", "sp.jaipur"],
  "madhya-pradesh": ["admin", "secretariat", "official", "dipr", "collector.bhopal", "sp.bhopal", "collector.indore", "sp.indore"],
} as const satisfies Record<DemoState, readonly string[]>;

/** Division officers of the demo (decision 016): the side COLLECTOR is the Commissioner, SP the range IG. */
export const DEMO_DIVISION_OFFICERS_BY_STATE: Record<
  DemoState,
  { username: string; displayName: string; displayNameHi: string; divisionCode: string; districtRole: DistrictRole }[]
> = {
  rajasthan: [
    {
      username: "commissioner.ajmer",
      displayName: "Divisional Commissioner, Ajmer",
      displayNameHi: "संभागीय आयुक्त, अजमेर",
      divisionCode: "AJM",
      districtRole: "COLLECTOR",
    },
    {
      username: "ig.ajmer",
      displayName: "Inspector General of Police, Ajmer Range",
      displayNameHi: "पुलिस महानिरीक्षक, अजमेर रेंज",
      divisionCode: "AJM",
      districtRole: "SP",
    },
  ],
  "madhya-pradesh": [],
};

/** The demo users of the default (Rajasthan) demo; all sign in with DEMO_PASSWORD. */
export const DEMO_USERS = DEMO_USERS_BY_STATE.rajasthan;

interface DemoUserSpec {
  username: string;
  displayName: string;
  /** The name on Hindi pages (issue 11 item 6). */
  displayNameHi: string;
  role: Role;
  districtCode?: string;
  districtRole?: DistrictRole;
  departmentCode?: string;
}

const DISTRICT_ROLE_TITLES: Record<DistrictRole, string> = {
  COLLECTOR: "District Collector",
  SP: "Superintendent of Police",
};
const DISTRICT_ROLE_TITLES_HI: Record<DistrictRole, string> = {
  COLLECTOR: "जिला कलेक्टर",
  SP: "पुलिस अधीक्षक",
};

/** "collector.ajmer" → District Collector of AJMER; the state users are fixed. */
function demoUserSpec(username: string, districtNames: Map<string, { en: string; hi: string }>): DemoUserSpec {
  const fixed: Record<string, DemoUserSpec> = {
    admin: { username, displayName: "System Administrator", displayNameHi: "सिस्टम प्रशासक", role: "ADMIN" },
    secretariat: {
      username,
      displayName: "Review Cell, Chief Secretary's Office",
      displayNameHi: "समीक्षा प्रकोष्ठ, मुख्य सचिव कार्यालय",
      role: "SECRETARIAT",
    },
    official: { username, displayName: "Additional Chief Secretary, Home", displayNameHi: "अतिरिक्त मुख्य सचिव, गृह", role: "OFFICIAL" },
    dipr: {
      username,
      displayName: "Nodal Officer, Information and Public Relations",
      displayNameHi: "नोडल अधिकारी, सूचना एवं जनसंपर्क",
      role: "DEPARTMENT_OFFICER",
      departmentCode: "DIPR",
    },
  };
  if (fixed[username]) return fixed[username];
  const [rolePart, districtPart] = username.split(".");
  const districtRole = rolePart.toUpperCase() as DistrictRole;
  const districtCode = districtPart.toUpperCase();
  const districtName = districtNames.get(districtCode);
  if (!DISTRICT_ROLES.includes(districtRole) || !districtName) {
    throw new Error(`Demo user ${username} names no known district role and district`);
  }
  return {
    username,
    displayName: `${DISTRICT_ROLE_TITLES[districtRole]}, ${districtName.en}`,
    displayNameHi: `${DISTRICT_ROLE_TITLES_HI[districtRole]}, ${districtName.hi}`,
    role: "DISTRICT_OFFICER",
    districtCode,
    districtRole,
  };
}

// ---------------------------------------------------------------------------------------------
// Safety: only wipe local databases
// ---------------------------------------------------------------------------------------------

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

function isLocalHost(host: string): boolean {
  const decoded = decodeURIComponent(host).toLowerCase();
  // An empty host or a path means a unix socket on this machine.
  return decoded === "" || decoded.startsWith("/") || LOOPBACK_HOSTS.has(decoded) || /^127\.\d+\.\d+\.\d+$/.test(decoded);
}

/**
 * True for the embedded database (no URL) and for PostgreSQL on this machine (loopback host
 * or unix socket). The seed wipes the database, so anything else needs --force.
 */
export function isLocalDatabase(url: string | undefined): boolean {
  if (!url) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // libpq-style ?host=/var/run/postgresql overrides the authority part.
  const hostParam = parsed.searchParams.get("host");
  if (hostParam !== null) return hostParam.split(",").every(isLocalHost);
  return isLocalHost(parsed.hostname);
}

export class SeedRefusedError extends Error {}

function assertWipeAllowed(handle: DatabaseHandle, force: boolean): void {
  if (handle.engine === "pglite" || force || isLocalDatabase(handle.location)) return;
  throw new SeedRefusedError(
    `Refusing to seed ${handle.location}: the seed wipes the whole database and this one is not on this machine. ` +
      `Run it against a local database, or add --force if you really mean to wipe this one.`,
  );
}

// ---------------------------------------------------------------------------------------------
// Seed files
// ---------------------------------------------------------------------------------------------

const seedDataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "seed-data");

function readSeedJson(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(seedDataDir, name), "utf8"));
}

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD");
const bilingualTextSchema = z.object({ en: z.string().default(""), hi: z.string().default("") });

const assigneeSchema = z.union([
  z.object({ role: z.enum(DISTRICT_ROLES), districts: z.union([z.literal("ALL"), z.array(z.string()).min(1)]) }),
  z.object({ department: z.string() }),
]);
type AssigneeEntry = z.infer<typeof assigneeSchema>;

const meetingEntrySchema = z
  .object({
    state: z.string(),
    date: isoDateSchema.optional(),
    dateRelativeDays: z.number().int().optional(),
    dateApproximate: z.boolean().default(false),
    synthetic: z.boolean().default(false),
    mode: z.enum(MEETING_MODES),
    title: bilingualTextSchema,
    chair: bilingualTextSchema,
    participants: bilingualTextSchema,
    directives: z
      .array(
        z.object({
          text: bilingualTextSchema,
          category: z.string(),
          assignees: z.array(assigneeSchema).min(1),
          dueInDays: z.number().int().positive().optional(),
          dueAbsolute: isoDateSchema.optional(),
        }),
      )
      .min(1),
  })
  .refine((m) => (m.date === undefined) !== (m.dateRelativeDays === undefined), {
    message: "a meeting has either date or dateRelativeDays",
  });
type MeetingEntry = z.infer<typeof meetingEntrySchema>;
type DirectiveEntry = MeetingEntry["directives"][number];

const meetingsFileSchema = z.object({ meetings: z.array(meetingEntrySchema), categories: categoriesSchema });

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

type Random = () => number;

/** FNV-1a, 32 bits: turns a key into a PRNG seed. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rnd: Random, min: number, max: number) => min + rnd() * (max - min);
const pick = <T>(rnd: Random, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
/** Leans towards the top of the range: work tends to be reported close to the deadline. */
const lateBetween = (rnd: Random, min: number, max: number) => min + Math.sqrt(rnd()) * (max - min);

/** n different entries (or all of them, if the list is shorter). */
function pickDistinct<T>(rnd: Random, list: readonly T[], n: number): T[] {
  const rest = [...list];
  const chosen: T[] = [];
  while (chosen.length < n && rest.length > 0) chosen.push(rest.splice(Math.floor(rnd() * rest.length), 1)[0]);
  return chosen;
}

// ---------------------------------------------------------------------------------------------
// Dates (calendar dates are IST; instants are Date)
// ---------------------------------------------------------------------------------------------

const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The calendar date in India at an instant. */
export function istDateOf(instant: Date): string {
  return new Date(instant.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

function istInstant(date: string, hours: number): Date {
  return new Date(Date.parse(`${date}T00:00:00+05:30`) + hours * 3_600_000);
}

// ---------------------------------------------------------------------------------------------
// Remarks
// ---------------------------------------------------------------------------------------------

type Stage = "start" | "progress" | "complete" | "notApplicable";

// {date} becomes "12 Sep" and {dmy} "12.09.2021", the day before the remark was written.
const REMARKS: Record<string, Record<Stage, string[]>> = {
  CYBER: {
    start: [
      "सभी थानाधिकारियों को निर्देश जारी किए गए",
      "Nodal officer (Addl. SP, Cyber) designated; work started",
      "Letter issued to all SDMs, BDOs and SHOs",
      "साइबर सेल की बैठक {dmy} को आयोजित की गई",
      "Action plan prepared with the district cyber cell",
    ],
    progress: [
      "हेल्पलाइन 1930 के पोस्टर 60% थानों में लगाए गए",
      "Awareness vans running in 4 of 7 blocks",
      "Meeting held with lead bank manager on {date}; bank branches to display 1930",
      "बार-बार प्रयुक्त 37 मोबाइल नंबर चिन्हित कर ब्लॉक हेतु I4C को भेजे गए",
      "Daily monitoring of 1930 calls started at the cyber cell",
      "विद्यालयों एवं महाविद्यालयों में जागरूकता सत्र जारी",
    ],
    complete: [
      "हेल्पलाइन 1930 के पोस्टर सभी थानों में लगाए गए",
      "Completed; compliance report with photographs sent by email",
      "All complaints are now entered on NCRP within two hours of receipt",
      "कार्यवाही पूर्ण, पालना रिपोर्ट संलग्न",
      "Meeting held with lead bank manager and traders' associations on {date}",
      "जिले के सभी बैंकों एवं व्यापार मंडलों के साथ बैठक {dmy} को संपन्न",
    ],
    notApplicable: ["Done centrally by the Police HQ cyber cell; no separate district action", "यह कार्य राज्य स्तर पर पुलिस मुख्यालय द्वारा किया जा रहा है"],
  },
  POLICING: {
    start: ["सार्वजनिक निर्माण विभाग से प्राक्कलन मांगे गए", "Estimates sought from PWD for the reception rooms", "थानावार सूचना मांगी गई"],
    progress: [
      "स्वागत कक्ष निर्माण 22 में से 15 थानों में पूर्ण",
      "Work in progress in 9 police stations; funds received",
      "Training on smart policing held for 240 personnel on {date}",
    ],
    complete: [
      "सभी थानों में स्वागत कक्ष का निर्माण पूर्ण",
      "Photographs of all reception rooms uploaded",
      "Completed; station-wise report sent to Police HQ",
    ],
    notApplicable: [
      "All police stations of the district already have reception rooms (built in 2019-20)",
      "जिले के सभी थानों में स्वागत कक्ष पूर्व से निर्मित हैं",
    ],
  },
  CAMPAIGN: {
    start: ["शिविरों का रोस्टर जारी", "Camp schedule for all gram panchayats issued", "प्रभारी अधिकारी नियुक्त किए गए"],
    progress: [
      "प्रभारी अधिकारियों का प्रशिक्षण {dmy} को आयोजित",
      "Tents, forms and staff allotted for 80% of the camps",
      "Camp calendar shared with public representatives",
    ],
    complete: [
      "सभी ग्राम पंचायत मुख्यालयों पर शिविरों की तैयारी पूर्ण",
      "Preparations complete; camp calendar published in newspapers on {date}",
      "तैयारी पूर्ण, शिविर कैलेंडर जारी",
    ],
    notApplicable: [
      "Campaign deferred in the district: model code of conduct for panchayat elections",
      "पंचायत चुनाव आचार संहिता के कारण जिले में अभियान स्थगित",
    ],
  },
  LAW_AND_ORDER: {
    start: ["थानावार सूचना मांगी गई", "Intelligence branch asked to compile the list", "Meeting held with SDMs on {date}"],
    progress: ["18 संस्थाओं की जानकारी संकलित", "Information received from 70% of police stations"],
    complete: [
      "सूची तैयार कर गोपनीय रूप से प्रेषित",
      "Report sent in a sealed cover to the Home Department",
      "District action plan approved and circulated on {date}",
    ],
    notApplicable: ["No such organisation active in the district (nil report)", "जिले में ऐसी कोई संस्था सक्रिय नहीं है"],
  },
};

const RETURN_REMARKS = [
  "कृपया फोटोग्राफ एवं थानावार विवरण संलग्न करें",
  "Report does not cover all blocks; please resubmit",
  "Evidence not attached. Please upload the compliance report.",
  "पालना रिपोर्ट अपूर्ण है, पुनः प्रेषित करें",
];
const RESUBMIT_REMARKS = [
  "संशोधित रिपोर्ट फोटोग्राफ सहित पुनः प्रेषित",
  "Resubmitted with station-wise details and photographs",
  "Complete report uploaded as asked",
];
const VERIFY_REMARKS = ["सत्यापित", "Verified with the report received", "Compliance verified", "पालना रिपोर्ट सत्यापित"];
const EXTENSION_REASONS = [
  "Contractor's work delayed by the monsoon; more time needed",
  "आचार संहिता के कारण कार्य प्रभावित, अतिरिक्त समय चाहिए",
  "Awaiting funds from the department",
  "Data from all police stations still awaited",
];
const GRANT_REMARKS = ["Extension granted", "अतिरिक्त समय स्वीकृत", "Granted; no further extension"];

function fillRemark(template: string, at: Date): string {
  const date = istDateOf(new Date(at.getTime() - DAY_MS));
  const [y, m, d] = date.split("-");
  return template.replace("{date}", `${Number(d)} ${MONTHS[Number(m) - 1]}`).replace("{dmy}", `${d}.${m}.${y}`);
}

// ---------------------------------------------------------------------------------------------
// Planning one action item's history
// ---------------------------------------------------------------------------------------------

/** How a district (or department) tends to work through its directives. */
interface SpeedProfile {
  notApplicable: number;
  /** Share of items never reported completed. */
  staysOpen: number;
  /** Of those, the share never even started. */
  untouched: number;
  /** Start of work, as a fraction of the time to the due date. */
  startBy: number;
  /** First completion, as a fraction of the time to the due date. */
  doneFrom: number;
  doneTo: number;
  returned: number;
  verified: number;
}

const PROFILES = {
  fast: { notApplicable: 0.01, staysOpen: 0.02, untouched: 0.2, startBy: 0.3, doneFrom: 0.35, doneTo: 0.95, returned: 0.03, verified: 0.93 },
  steady: { notApplicable: 0.015, staysOpen: 0.08, untouched: 0.3, startBy: 0.55, doneFrom: 0.55, doneTo: 1.3, returned: 0.05, verified: 0.85 },
  slow: { notApplicable: 0.015, staysOpen: 0.22, untouched: 0.35, startBy: 0.8, doneFrom: 0.9, doneTo: 2.2, returned: 0.07, verified: 0.75 },
  overdue: { notApplicable: 0.01, staysOpen: 0.55, untouched: 0.45, startBy: 1.3, doneFrom: 1.3, doneTo: 3.2, returned: 0.08, verified: 0.6 },
} satisfies Record<string, SpeedProfile>;
type ProfileName = keyof typeof PROFILES;

/** Districts shown in the demo get a known character: one model district, one that lags. */
const PROFILE_OVERRIDES: Record<string, ProfileName> = {
  JAIPUR: "fast",
  AJMER: "slow",
  INDORE: "fast",
  BHOPAL: "slow",
  DIPR: "slow",
};

/**
 * Spreads profiles over codes by rank of a hash, so every state gets all four in fixed shares
 * (30 % fast, 35 % steady, 20 % slow, 15 % overdue) whatever its size.
 */
function assignProfiles(codes: string[]): Map<string, ProfileName> {
  const ranked = [...codes].sort((a, b) => hashString(`profile:${a}`) - hashString(`profile:${b}`));
  const profiles = new Map<string, ProfileName>();
  ranked.forEach((code, rank) => {
    const share = rank / ranked.length;
    const byRank: ProfileName = share < 0.3 ? "fast" : share < 0.65 ? "steady" : share < 0.85 ? "slow" : "overdue";
    profiles.set(code, PROFILE_OVERRIDES[code] ?? byRank);
  });
  return profiles;
}

interface PlannedEvent {
  kind: HistoryKind;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  at: Date;
  remark: string | null;
  by: "assignee" | "secretariat";
  fromDueDate?: string;
  toDueDate?: string;
}

/** Appends events in time order; "day" is days after the meeting, its fraction the hour of the working day. */
class Timeline {
  readonly events: PlannedEvent[] = [];
  status: ActionStatus = "PENDING";

  constructor(
    private readonly meetingDate: string,
    publishedAt: Date,
  ) {
    this.events.push({ kind: "CREATED", fromStatus: null, toStatus: "PENDING", at: publishedAt, remark: null, by: "secretariat" });
  }

  get lastAt(): Date {
    return this.events[this.events.length - 1].at;
  }

  private instant(day: number): Date {
    const whole = Math.max(0, Math.floor(day));
    const minutes = Math.round((10 + (day - whole) * 8.5) * 60);
    const at = istInstant(addDays(this.meetingDate, whole), minutes / 60);
    // Two changes on the same day stay in order, some minutes apart.
    return at > this.lastAt ? at : new Date(this.lastAt.getTime() + (20 + (minutes % 90)) * 60_000);
  }

  add(kind: HistoryKind, toStatus: ActionStatus, day: number, remark: string, by: PlannedEvent["by"], dues?: [string, string]): void {
    const at = this.instant(day);
    this.events.push({
      kind,
      fromStatus: this.status,
      toStatus,
      at,
      remark: fillRemark(remark, at),
      by,
      fromDueDate: dues?.[0],
      toDueDate: dues?.[1],
    });
    this.status = toStatus;
  }
}

interface ItemPlanInput {
  rnd: Random;
  profile: SpeedProfile;
  category: string;
  meetingDate: string;
  publishedAt: Date;
  dueDate: string | null;
  /** Extension requests need a requesting user, so only items with a demo user get them. */
  canRequestExtension: boolean;
}

/**
 * The full life of one item as its district would live it. The caller cuts it at "today";
 * the random draws never depend on today, so old meetings look the same whenever seeded.
 */
function planItemHistory(input: ItemPlanInput): PlannedEvent[] {
  const { rnd, profile } = input;
  const remarks = REMARKS[input.category] ?? REMARKS.CYBER;
  const timeline = new Timeline(input.meetingDate, input.publishedAt);
  const window = input.dueDate ? Math.max(1, daysBetween(input.meetingDate, input.dueDate)) : 30;
  const dueDate = input.dueDate;

  if (rnd() < profile.notApplicable) {
    const day = between(rnd, 1, Math.max(2, window * 0.5));
    if (rnd() < 0.4) timeline.add("STATUS_CHANGED", "IN_PROGRESS", day / 2, pick(rnd, remarks.start), "assignee");
    timeline.add("STATUS_CHANGED", "NOT_APPLICABLE", day, pick(rnd, remarks.notApplicable), "assignee");
    return timeline.events;
  }

  const completes = rnd() >= profile.staysOpen;
  if (!completes && rnd() < profile.untouched) return timeline.events;

  const start = lateBetween(rnd, 0.6, Math.max(1.2, window * profile.startBy));
  timeline.add("STATUS_CHANGED", "IN_PROGRESS", start, pick(rnd, remarks.start), "assignee");
  // For an item that stays open, "done" is only how far its updates run.
  let done = Math.max(start + 1, window * (completes ? lateBetween(rnd, profile.doneFrom, profile.doneTo) : between(rnd, 1.5, 4)));
  let lastDay = start;

  if (input.canRequestExtension && dueDate && done > window && rnd() < 0.6) {
    const requested = Math.max(start + 0.5, window - between(rnd, 1, 4));
    const granted = requested + between(rnd, 1, 3);
    const extraDays = rnd() < 0.5 ? 15 : 30;
    const newDue = addDays(dueDate, extraDays);
    const status = timeline.status;
    timeline.add("EXTENSION_REQUESTED", status, requested, pick(rnd, EXTENSION_REASONS), "assignee", [dueDate, newDue]);
    timeline.add("EXTENSION_GRANTED", status, granted, pick(rnd, GRANT_REMARKS), "secretariat", [dueDate, newDue]);
    lastDay = granted;
    if (completes) done = Math.max(granted + 1, Math.min(done, window + extraDays - between(rnd, 0, 3)));
  }

  const notes = pickDistinct(rnd, remarks.progress, rnd() < 0.45 ? 1 : rnd() < 0.4 ? 2 : 0);
  notes.forEach((note, i) => {
    const day = lastDay + ((done - lastDay) * (i + 1)) / (notes.length + 1);
    timeline.add("REMARK", "IN_PROGRESS", day, note, "assignee");
  });
  if (!completes) return timeline.events;

  timeline.add("STATUS_CHANGED", "COMPLETED", done, pick(rnd, remarks.complete), "assignee");
  if (rnd() < profile.returned) {
    const returned = done + between(rnd, 2, 8);
    timeline.add("RETURNED", "IN_PROGRESS", returned, pick(rnd, RETURN_REMARKS), "secretariat");
    done = returned + between(rnd, 3, 14);
    timeline.add("STATUS_CHANGED", "COMPLETED", done, pick(rnd, RESUBMIT_REMARKS), "assignee");
  }
  if (rnd() < profile.verified) {
    timeline.add("VERIFIED", "VERIFIED", done + between(rnd, 2, 15), pick(rnd, VERIFY_REMARKS), "secretariat");
  }
  return timeline.events;
}

/** What the history says the item looks like now. */
function finalItemState(events: PlannedEvent[], originalDue: string | null, actorOf: (e: PlannedEvent) => number | null) {
  const last = events[events.length - 1];
  const completions = events.filter((e) => e.toStatus === "COMPLETED" && e.fromStatus !== "COMPLETED");
  const grant = events.filter((e) => e.kind === "EXTENSION_GRANTED").pop();
  return {
    status: last.toStatus,
    version: events.length,
    latestRemark: last.remark,
    dueDate: grant?.toDueDate ?? originalDue,
    firstCompletedAt: completions[0]?.at ?? null,
    completedAt: completions[completions.length - 1]?.at ?? null,
    verifiedAt: events.find((e) => e.kind === "VERIFIED")?.at ?? null,
    updatedAt: last.at,
    updatedById: actorOf(last),
  };
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

export interface SeedSummary {
  state: DemoState;
  today: string;
  users: number;
  meetings: number;
  directives: number;
  actionItems: number;
  historyRows: number;
  extensionRequests: number;
  statusCounts: Record<ActionStatus, number>;
  elapsedMs: number;
}

interface SeedContext {
  tx: Tx;
  stateCode: string;
  today: Date;
  districts: { id: number; code: string; divisionId: number }[];
  departmentIds: Map<string, number>;
  categoryIds: Map<string, number>;
  categoryNames: Map<string, string>;
  userIds: Map<string, number>;
  secretariatId: number;
  profiles: Map<string, ProfileName>;
}

/** One action item to create: whom it is for, and its planned life. */
interface PlannedItem {
  row: Omit<NewActionItem, "id">;
  events: PlannedEvent[];
  actorId: number | null;
}

const CHUNK = 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

const itemKey = (i: { directiveId: number; districtId?: number | null; districtRole?: string | null; departmentId?: number | null }) =>
  `${i.directiveId}:${i.districtId ?? ""}:${i.districtRole ?? ""}:${i.departmentId ?? ""}`;

function directiveDueDate(meetingDate: string, directive: DirectiveEntry): string | null {
  if (directive.dueAbsolute) return directive.dueAbsolute;
  return directive.dueInDays === undefined ? null : addDays(meetingDate, directive.dueInDays);
}

function meetingDateOf(meeting: MeetingEntry, today: Date): string {
  return meeting.date ?? addDays(istDateOf(today), meeting.dateRelativeDays!);
}

/** The officer roles called, as the minutes would list them. */
function calledRolesOf(meeting: MeetingEntry): string[] {
  const roles = new Set<string>();
  if (/commissioner/i.test(meeting.participants.en)) roles.add("DIV_COMMISSIONER");
  for (const directive of meeting.directives) {
    for (const assignee of directive.assignees) if ("role" in assignee) roles.add(assignee.role);
  }
  if (/\bIGs?\b/.test(meeting.participants.en)) roles.add("IG");
  return [...roles];
}

async function createDemoUsers(
  tx: Tx,
  state: DemoState,
  districts: { id: number; code: string; nameEn: string; nameHi: string }[],
  departmentIds: Map<string, number>,
): Promise<Map<string, number>> {
  const districtNames = new Map(districts.map((d) => [d.code, { en: d.nameEn, hi: d.nameHi }]));
  const districtIds = new Map(districts.map((d) => [d.code, d.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rows = DEMO_USERS_BY_STATE[state].map((username) => {
    const spec = demoUserSpec(username, districtNames);
    return {
      username: spec.username,
      displayName: spec.displayName,
      displayNameHi: spec.displayNameHi,
      passwordHash,
      role: spec.role,
      districtId: spec.districtCode ? districtIds.get(spec.districtCode)! : null,
      districtRole: spec.districtRole ?? null,
      departmentId: spec.departmentCode ? departmentIds.get(spec.departmentCode)! : null,
    };
  });
  const inserted = await tx.insert(users).values(rows).returning({ id: users.id, username: users.username });
  const divisionIds = new Map((await tx.select({ id: divisions.id, code: divisions.code }).from(divisions)).map((d) => [d.code, d.id]));
  const divisionOfficers = DEMO_DIVISION_OFFICERS_BY_STATE[state]
    .filter((o) => divisionIds.has(o.divisionCode))
    .map((o) => ({
      username: o.username,
      displayName: o.displayName,
      displayNameHi: o.displayNameHi,
      passwordHash,
      role: "DIVISION_OFFICER" as const,
      divisionId: divisionIds.get(o.divisionCode)!,
      districtRole: o.districtRole,
    }));
  if (divisionOfficers.length > 0) await tx.insert(users).values(divisionOfficers);
  return new Map(inserted.map((u) => [u.username, u.id]));
}

/** The demo user who acts for a district role or a department, if there is one. */
function assigneeUserId(ctx: SeedContext, target: { districtCode?: string; districtRole?: DistrictRole; departmentCode?: string }) {
  const username = target.departmentCode
    ? target.departmentCode.toLowerCase()
    : `${target.districtRole!.toLowerCase()}.${target.districtCode!.toLowerCase()}`;
  return ctx.userIds.get(username) ?? null;
}

async function insertMeeting(ctx: SeedContext, meeting: MeetingEntry, meetingDate: string, publishedAt: Date) {
  const [row] = await ctx.tx
    .insert(meetings)
    .values({
      titleEn: meeting.title.en,
      titleHi: meeting.title.hi,
      meetingDate,
      dateApproximate: meeting.dateApproximate,
      startTime: meeting.synthetic ? "11:00" : null,
      mode: meeting.mode,
      chairEn: meeting.chair.en,
      chairHi: meeting.chair.hi,
      participantsEn: meeting.participants.en,
      participantsHi: meeting.participants.hi,
      calledRoles: calledRolesOf(meeting),
      agenda: [...new Set(meeting.directives.map((d) => ctx.categoryNames.get(d.category) ?? d.category))].join("; "),
      minutes: meeting.directives.map((d, i) => `${i + 1}. ${d.text.hi || d.text.en}`).join("\n"),
      status: "PUBLISHED",
      publishedAt,
      publishedById: ctx.secretariatId,
      createdById: ctx.secretariatId,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    })
    .returning({ id: meetings.id });
  return row.id;
}

async function insertDirectives(ctx: SeedContext, meetingId: number, meeting: MeetingEntry, meetingDate: string, publishedAt: Date) {
  const rows = meeting.directives.map((d, index) => {
    const categoryId = ctx.categoryIds.get(d.category);
    if (categoryId === undefined) throw new Error(`Unknown category ${d.category} in meetings.json`);
    return {
      meetingId,
      number: index + 1,
      textEn: d.text.en,
      textHi: d.text.hi,
      categoryId,
      // The first directive of a meeting and any due within a week are the urgent ones.
      priority: index === 0 || (d.dueInDays ?? 99) <= 7 ? ("HIGH" as const) : ("NORMAL" as const),
      dueDate: directiveDueDate(meetingDate, d),
      dueInDays: d.dueInDays ?? null,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    };
  });
  const inserted = await ctx.tx.insert(directives).values(rows).returning({ id: directives.id, number: directives.number });
  return new Map(inserted.map((d) => [d.number, d.id]));
}

interface AssigneeTarget {
  districtCode?: string;
  districtId?: number;
  divisionId?: number;
  districtRole?: DistrictRole;
  departmentCode?: string;
  departmentId?: number;
}

/** Inserts a directive's assignee lines and returns one target per action item, each with its assignee id. */
async function insertAssignees(ctx: SeedContext, directiveId: number, entries: AssigneeEntry[]) {
  const byCode = new Map(ctx.districts.map((d) => [d.code, d]));
  const lines = entries.map((entry) => {
    if ("department" in entry) {
      const departmentId = ctx.departmentIds.get(entry.department);
      if (departmentId === undefined) throw new Error(`Unknown department ${entry.department} in meetings.json`);
      return { row: { directiveId, departmentId }, targets: [{ departmentCode: entry.department, departmentId }] };
    }
    const codes = entry.districts === "ALL" ? ctx.districts.map((d) => d.code) : entry.districts;
    const targets = codes.map((code) => {
      const district = byCode.get(code);
      if (!district) throw new Error(`Unknown district ${code} for state ${ctx.stateCode} in meetings.json`);
      return { districtCode: code, districtId: district.id, divisionId: district.divisionId, districtRole: entry.role };
    });
    const scope = entry.districts === "ALL" ? ("ALL" as const) : ("DISTRICTS" as const);
    return { row: { directiveId, districtRole: entry.role, scope }, targets, listed: scope === "DISTRICTS" };
  });
  // One insert per line (a directive has one or two) keeps each id paired with its line.
  const assigneeIds: number[] = [];
  for (const line of lines) {
    const [{ id }] = await ctx.tx.insert(directiveAssignees).values(line.row).returning({ id: directiveAssignees.id });
    assigneeIds.push(id);
  }
  const listedDistricts = lines.flatMap((line, i) =>
    "listed" in line && line.listed ? line.targets.map((t) => ({ assigneeId: assigneeIds[i], districtId: t.districtId! })) : [],
  );
  if (listedDistricts.length > 0) await ctx.tx.insert(directiveAssigneeDistricts).values(listedDistricts);
  return lines.flatMap((line, i) => line.targets.map((t): AssigneeTarget & { assigneeId: number } => ({ ...t, assigneeId: assigneeIds[i] })));
}

function planItem(
  ctx: SeedContext,
  meeting: MeetingEntry,
  directive: DirectiveEntry,
  directiveId: number,
  directiveNumber: number,
  meetingDate: string,
  publishedAt: Date,
  target: AssigneeTarget & { assigneeId: number },
): PlannedItem {
  const who = target.departmentCode ?? `${target.districtCode}/${target.districtRole}`;
  // Keyed by the synthetic meeting's place, not its date, so its pattern stays the same from day to day.
  const meetingKey = meeting.synthetic ? "synthetic" : meetingDate;
  const rnd = mulberry32(hashString(`${ctx.stateCode}|${meetingKey}|${directiveNumber}|${who}`));
  const actorId = assigneeUserId(ctx, target);
  const originalDue = directiveDueDate(meetingDate, directive);
  const profileName = ctx.profiles.get(target.departmentCode ?? target.districtCode!) ?? "steady";
  const life = planItemHistory({
    rnd,
    profile: PROFILES[profileName],
    category: directive.category,
    meetingDate,
    publishedAt,
    dueDate: originalDue,
    canRequestExtension: actorId !== null,
  });
  // Nothing may happen after "today": the item is as its history stood then.
  const events = life.filter((e) => e.at <= ctx.today);
  const actorOf = (e: PlannedEvent) => (e.by === "secretariat" ? ctx.secretariatId : actorId);
  return {
    row: {
      directiveId,
      meetingId: 0,
      assigneeId: target.assigneeId,
      districtId: target.districtId ?? null,
      divisionId: target.divisionId ?? null,
      districtRole: target.districtRole ?? null,
      departmentId: target.departmentId ?? null,
      originalDueDate: originalDue,
      createdAt: publishedAt,
      ...finalItemState(events, originalDue, actorOf),
    },
    events,
    actorId,
  };
}

async function seedMeeting(ctx: SeedContext, meeting: MeetingEntry): Promise<PlannedItem[]> {
  const meetingDate = meetingDateOf(meeting, ctx.today);
  const publishedAt = istInstant(meetingDate, 17);
  const meetingId = await insertMeeting(ctx, meeting, meetingDate, publishedAt);
  const directiveIds = await insertDirectives(ctx, meetingId, meeting, meetingDate, publishedAt);
  const items: PlannedItem[] = [];
  for (const [index, directive] of meeting.directives.entries()) {
    const directiveId = directiveIds.get(index + 1)!;
    const targets = await insertAssignees(ctx, directiveId, directive.assignees);
    const seen = new Set<string>();
    for (const target of targets) {
      const item = planItem(ctx, meeting, directive, directiveId, index + 1, meetingDate, publishedAt, target);
      item.row.meetingId = meetingId;
      // The same district role listed twice in one directive still makes one item.
      const key = itemKey(item.row);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

async function insertItemsWithHistory(ctx: SeedContext, items: PlannedItem[]) {
  const idByKey = new Map<string, number>();
  await insertChunked(items, async (chunk) => {
    const inserted = await ctx.tx
      .insert(actionItems)
      .values(chunk.map((i) => i.row))
      .returning({
        id: actionItems.id,
        directiveId: actionItems.directiveId,
        districtId: actionItems.districtId,
        districtRole: actionItems.districtRole,
        departmentId: actionItems.departmentId,
      });
    for (const row of inserted) idByKey.set(itemKey(row), row.id);
  });

  const history: NewActionItemHistory[] = [];
  const extensions: (typeof extensionRequests.$inferInsert)[] = [];
  for (const item of items) {
    const actionItemId = idByKey.get(itemKey(item.row))!;
    item.events.forEach((event, index) => {
      history.push({
        actionItemId,
        at: event.at,
        actorId: event.by === "secretariat" ? ctx.secretariatId : item.actorId,
        kind: event.kind,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        fromDueDate: event.fromDueDate ?? null,
        toDueDate: event.toDueDate ?? null,
        remark: event.remark,
        version: index + 1,
      });
    });
    const extension = extensionOf(item, actionItemId, ctx.secretariatId);
    if (extension) extensions.push(extension);
  }
  await insertChunked(history, (chunk) => ctx.tx.insert(actionItemHistory).values(chunk));
  if (extensions.length > 0) await ctx.tx.insert(extensionRequests).values(extensions);
  return { historyRows: history.length, extensionRequests: extensions.length };
}

/** The extension request behind EXTENSION_REQUESTED (and its decision, if that came before today). */
function extensionOf(item: PlannedItem, actionItemId: number, secretariatId: number) {
  const request = item.events.find((e) => e.kind === "EXTENSION_REQUESTED");
  if (!request || item.actorId === null) return undefined;
  const grant = item.events.find((e) => e.kind === "EXTENSION_GRANTED");
  return {
    actionItemId,
    requestedById: item.actorId,
    requestedAt: request.at,
    currentDueDate: request.fromDueDate ?? null,
    requestedDueDate: request.toDueDate!,
    reason: request.remark ?? "",
    status: grant ? ("GRANTED" as const) : ("PENDING" as const),
    decidedById: grant ? secretariatId : null,
    decidedAt: grant?.at ?? null,
    decisionRemark: grant?.remark ?? null,
  };
}

function countStatuses(items: PlannedItem[]): Record<ActionStatus, number> {
  const counts = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  for (const item of items) counts[item.row.status!] += 1;
  return counts;
}

/** Master data, users, meetings and action items with their history, inside the caller's transaction. */
async function populate(tx: Tx, state: DemoState, today: Date): Promise<Omit<SeedSummary, "elapsedMs">> {
  const stateData = stateFileSchema.parse(readSeedJson(`${state}.json`));
  const departmentsData = departmentsFileSchema.parse(readSeedJson("departments.json"));
  const meetingsData = meetingsFileSchema.parse(readSeedJson("meetings.json"));

  await importStateMasterData(tx, stateData);
  const { departmentIds, categoryIds } = await importDepartmentsAndCategories(tx, departmentsData, meetingsData.categories);
  const districts = await loadStateDistricts(tx, stateData.code);
  const userIds = await createDemoUsers(tx, state, districts, departmentIds);

  const ctx: SeedContext = {
    tx,
    stateCode: stateData.code,
    today,
    districts,
    departmentIds,
    categoryIds,
    categoryNames: new Map(meetingsData.categories.map((c) => [c.code, c.name.en])),
    userIds,
    secretariatId: userIds.get("secretariat")!,
    profiles: assignProfiles([...districts.map((d) => d.code), ...departmentIds.keys()]),
  };
  // A meeting whose minutes would be published after "today" has not happened yet.
  const stateMeetings = meetingsData.meetings.filter((m) => m.state === stateData.code && istInstant(meetingDateOf(m, today), 17) <= today);
  const items: PlannedItem[] = [];
  for (const meeting of stateMeetings) items.push(...(await seedMeeting(ctx, meeting)));
  const written = await insertItemsWithHistory(ctx, items);
  // The CS's two meetings form one series; the later one reviews the earlier one's open directives.
  await seedSeries(tx);

  return {
    state,
    today: istDateOf(today),
    users: userIds.size,
    meetings: stateMeetings.length,
    directives: stateMeetings.reduce((n, m) => n + m.directives.length, 0),
    actionItems: items.length,
    historyRows: written.historyRows,
    extensionRequests: written.extensionRequests,
    statusCounts: countStatuses(items),
  };
}

/** Drops everything, including the append-only tables whose triggers refuse DELETE and TRUNCATE. */
async function wipeDatabase(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`DROP SCHEMA public CASCADE`);
  await handle.db.execute(sql`CREATE SCHEMA public`);
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await runMigrations(handle);
}

/** Wipes the database and fills it with a state's demo data as it would stand on `today`. */
export async function seedDemo(handle: DatabaseHandle, opts: { state: DemoState; today?: Date; force?: boolean }): Promise<SeedSummary> {
  const started = performance.now();
  assertWipeAllowed(handle, opts.force ?? false);
  await wipeDatabase(handle);
  const summary = await handle.db.transaction((tx) => populate(tx, opts.state, opts.today ?? new Date()));
  return { ...summary, elapsedMs: Math.round(performance.now() - started) };
}

// Any fixed number; serialises two servers starting on one fresh database.
const SEED_LOCK_KEY = 7_405_113;

/**
 * Seeds the Rajasthan demo into an already migrated database that has no users yet, without
 * wiping anything. Returns null when there were users.
 */
export async function seedDemoIfEmpty(handle: DatabaseHandle, opts: { today?: Date } = {}): Promise<SeedSummary | null> {
  const started = performance.now();
  const summary = await handle.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const [{ users: existing }] = await tx.select({ users: count() }).from(users);
    if (existing > 0) return null;
    return populate(tx, "rajasthan", opts.today ?? new Date());
  });
  return summary && { ...summary, elapsedMs: Math.round(performance.now() - started) };
}

// ---------------------------------------------------------------------------------------------
// Command line: npm run seed [-- --state madhya-pradesh] [--force] [--today YYYY-MM-DD]
// ---------------------------------------------------------------------------------------------

export function formatSummary(summary: SeedSummary, location: string): string {
  const n = (value: number) => value.toLocaleString("en-IN");
  const statuses = ACTION_STATUSES.map((s) => `${s} ${n(summary.statusCounts[s])}`).join(", ");
  return [
    `Seeded the ${summary.state} demo into ${location} as of ${summary.today} in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    `  users ${summary.users} (password ${DEMO_PASSWORD}): ${DEMO_USERS_BY_STATE[summary.state].join(", ")}`,
    `  meetings ${summary.meetings}, directives ${summary.directives}, action items ${n(summary.actionItems)}, ` +
      `history rows ${n(summary.historyRows)}, extension requests ${summary.extensionRequests}`,
    `  status: ${statuses}`,
  ].join("\n");
}

function parseCommandLine(argv: string[]): { state: DemoState; force: boolean; today?: Date } {
  const { values } = parseArgs({
    args: argv,
    options: {
      state: { type: "string", default: "rajasthan" },
      force: { type: "boolean", default: false },
      today: { type: "string" },
    },
  });
  if (!DEMO_STATES.includes(values.state as DemoState)) {
    throw new Error(`Unknown --state ${values.state}; choose one of: ${DEMO_STATES.join(", ")}`);
  }
  let today: Date | undefined;
  if (values.today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error("--today must be YYYY-MM-DD");
    today = istInstant(values.today, 18);
  }
  return { state: values.state as DemoState, force: values.force ?? false, today };
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  const handle = getDatabaseHandle();
  // Before the first query, so a remote server is refused without being contacted.
  assertWipeAllowed(handle, options.force);
  // Opening an embedded database takes seconds of its own; keep it out of the seed's timing.
  await handle.ping(60_000);
  const summary = await seedDemo(handle, options);
  console.log(formatSummary(summary, handle.location));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main()
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(() => closeDatabase());
}
