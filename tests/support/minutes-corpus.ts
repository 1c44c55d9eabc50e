// Scores the minutes splitter against the hand-written corpus in tests/fixtures/minutes-corpus:
// each NN-name.txt is pasted text, NN-name.json says which directives a careful secretariat
// clerk would make of it, with their assignees and due dates, and which offices must never
// be proposed (the chair's department, offices named only as present).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { splitMinutes, type ParseContext, type ParsedDirective } from "../../app/utils/minutes";
import departmentsData from "../../db/seed-data/departments.json";
import madhyaPradesh from "../../db/seed-data/madhya-pradesh.json";
import rajasthan from "../../db/seed-data/rajasthan.json";

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/minutes-corpus");

type RoleValue = "ALL" | string[] | null;

export interface ExpectedDirective {
  /** A phrase the directive's text must contain (compared without case). */
  contains: string;
  collectors: RoleValue;
  sps: RoleValue;
  departments: string[];
  dueDate?: string;
  dueInDays?: number;
}

export interface CorpusDocument {
  name: string;
  title: string;
  language: "hi" | "en" | "mixed";
  form: "prose" | "numbered";
  state: "RJ" | "MP";
  meetingDate: string;
  chair?: string;
  /** Departments that must not appear as an assignee of any proposed directive. */
  notProposed: string[];
  directives: ExpectedDirective[];
  text: string;
}

export function loadCorpus(): CorpusDocument[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, "");
      const meta = JSON.parse(readFileSync(path.join(CORPUS_DIR, file), "utf8")) as Omit<CorpusDocument, "name" | "text">;
      return { ...meta, name, text: readFileSync(path.join(CORPUS_DIR, `${name}.txt`), "utf8") };
    });
}

export function contextFor(document: Pick<CorpusDocument, "state" | "meetingDate" | "chair">): ParseContext {
  const state = document.state === "MP" ? madhyaPradesh : rajasthan;
  return {
    meetingDate: document.meetingDate,
    chair: document.chair,
    districts: state.divisions.flatMap((division) => division.districts.map((d) => ({ code: d.code, nameEn: d.name.en, nameHi: d.name.hi }))),
    departments: departmentsData.departments.map((d) => ({ code: d.code, nameEn: d.name.en, nameHi: d.name.hi })),
    divisions: state.divisions.map((division) => ({
      code: division.code,
      nameEn: division.name.en,
      nameHi: division.name.hi,
      districtCodes: division.districts.map((d) => d.code),
    })),
  };
}

export interface DocumentScore {
  name: string;
  expected: number;
  matched: number;
  assigneesRight: number;
  duesExpected: number;
  duesRight: number;
  /** Proposed directives that match no expected one. */
  extra: string[];
  /** Proposed directives that name a department listed in notProposed. */
  forbidden: string[];
  missing: string[];
  wrongAssignees: string[];
}

function sameRole(a: RoleValue, b: RoleValue): boolean {
  if (a === null || a === "ALL" || b === null || b === "ALL") return a === b;
  return [...a].sort().join() === [...b].sort().join();
}

function sameAssignees(found: ParsedDirective["assignees"], expected: ExpectedDirective): boolean {
  return (
    sameRole(found.collectors, expected.collectors) &&
    sameRole(found.sps, expected.sps) &&
    [...found.departments].sort().join() === [...expected.departments].sort().join()
  );
}

export function scoreDocument(document: CorpusDocument): DocumentScore {
  const { directives } = splitMinutes(document.text, contextFor(document));
  const used = new Set<number>();
  const score: DocumentScore = {
    name: document.name,
    expected: document.directives.length,
    matched: 0,
    assigneesRight: 0,
    duesExpected: 0,
    duesRight: 0,
    extra: [],
    forbidden: [],
    missing: [],
    wrongAssignees: [],
  };
  for (const expected of document.directives) {
    const index = directives.findIndex((d, i) => !used.has(i) && d.text.toLowerCase().includes(expected.contains.toLowerCase()));
    const hasDue = expected.dueDate !== undefined || expected.dueInDays !== undefined;
    if (hasDue) score.duesExpected++;
    if (index === -1) {
      score.missing.push(expected.contains);
      continue;
    }
    used.add(index);
    score.matched++;
    const found = directives[index];
    if (sameAssignees(found.assignees, expected)) score.assigneesRight++;
    else score.wrongAssignees.push(`${expected.contains}: ${JSON.stringify(found.assignees)}`);
    if (hasDue && found.dueDate === (expected.dueDate ?? null) && found.dueInDays === (expected.dueInDays ?? null)) score.duesRight++;
  }
  directives.forEach((d, i) => {
    if (!used.has(i)) score.extra.push(d.text);
    if (d.assignees.departments.some((code) => document.notProposed.includes(code))) score.forbidden.push(d.text);
  });
  return score;
}

export interface CorpusScore {
  documents: DocumentScore[];
  expected: number;
  matched: number;
  assigneesRight: number;
  duesExpected: number;
  duesRight: number;
  extra: number;
  forbidden: number;
}

export function scoreCorpus(documents: CorpusDocument[] = loadCorpus()): CorpusScore {
  const scores = documents.map(scoreDocument);
  const sum = (pick: (s: DocumentScore) => number) => scores.reduce((total, s) => total + pick(s), 0);
  return {
    documents: scores,
    expected: sum((s) => s.expected),
    matched: sum((s) => s.matched),
    assigneesRight: sum((s) => s.assigneesRight),
    duesExpected: sum((s) => s.duesExpected),
    duesRight: sum((s) => s.duesRight),
    extra: sum((s) => s.extra.length),
    forbidden: sum((s) => s.forbidden.length),
  };
}
