import { WARNING_DUE_BEFORE_MEETING, WARNING_DUE_FROM_START } from "./types";
import { fold } from "./text";
// ---------------------------------------------------------------------------
// Due dates
// ---------------------------------------------------------------------------

export const MONTHS: Record<string, number> = Object.fromEntries(
  (
    [
      [1, ["जनवरी", "january", "jan"]],
      [2, ["फरवरी", "फ़रवरी", "february", "feb"]],
      [3, ["मार्च", "march", "mar"]],
      [4, ["अप्रैल", "अप्रेल", "april", "apr"]],
      [5, ["मई", "may"]],
      [6, ["जून", "june", "jun"]],
      [7, ["जुलाई", "july", "jul"]],
      [8, ["अगस्त", "august", "aug"]],
      [9, ["सितंबर", "सितम्बर", "september", "sept", "sep"]],
      [10, ["अक्टूबर", "अक्तूबर", "october", "oct"]],
      [11, ["नवंबर", "नवम्बर", "november", "nov"]],
      [12, ["दिसंबर", "दिसम्बर", "december", "dec"]],
    ] as [number, string[]][]
  ).flatMap(([month, names]) => names.map((name) => [fold(name), month])),
);

const NUMBER_WORDS: Record<string, number> = Object.fromEntries(
  Object.entries({
    एक: 1,
    दो: 2,
    तीन: 3,
    चार: 4,
    पांच: 5,
    छह: 6,
    छः: 6,
    सात: 7,
    आठ: 8,
    नौ: 9,
    दस: 10,
    पंद्रह: 15,
    बीस: 20,
    तीस: 30,
    पैंतालीस: 45,
    साठ: 60,
    नब्बे: 90,
    a: 1,
    an: 1,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    fifteen: 15,
    twenty: 20,
    thirty: 30,
    sixty: 60,
    ninety: 90,
  }).map(([word, n]) => [fold(word), n]),
);

const UNIT_DAYS: Record<string, number> = Object.fromEntries(
  (
    [
      [1, ["दिवस", "दिवसों", "दिन", "दिनों", "day", "days"]],
      [7, ["सप्ताह", "सप्ताहों", "हफ्ते", "हफ्तों", "हफ्ता", "week", "weeks"]],
      [30, ["माह", "महीने", "महीनों", "महीना", "मास", "month", "months"]],
    ] as [number, string[]][]
  ).flatMap(([days, units]) => units.map((unit) => [fold(unit), days])),
);

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * Global matches that do not start inside a word ("15 days" but not "a15 days").
 * Checked here rather than with a lookbehind, which would stop the regex engine
 * from skipping quickly to a possible first character.
 */
export function matchesStartingAWord(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index === 0 || !WORD_CHARACTER.test(text[m.index - 1])) matches.push(m);
    else pattern.lastIndex = m.index + 1;
  }
  return matches;
}

export function alternation(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

export const NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}])";
const MONTH = `(${alternation(Object.keys(MONTHS))})\\.?${NOT_LETTER_AFTER}`;
const YEAR = "(?:\\s?,?\\s?((?:19|20)\\d{2})(?!\\d))?";
const ORDINAL = "(?:st|nd|rd|th)?";

/** Date shapes, tried in this order; a later shape may not reuse text an earlier one matched. */
const DATE_PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => DateParts }[] = [
  {
    // 2021-10-02
    pattern: /(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d]|[./-]\d)/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // 31.10.2024, 31/10/2024, 31-10-24 (Indian usage: day first)
    pattern: /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./-]\d)/g,
    read: (m) => ({ day: Number(m[1]), month: Number(m[3]), year: expandYear(m[4]), numeric: true }),
  },
  {
    // 2 अक्टूबर, 2 अक्टूबर 2021, 2nd October, 2 Oct, 2021
    pattern: new RegExp(`(\\d{1,2})${ORDINAL}\\s?(?:of\\s)?${MONTH}${YEAR}`, "gu"),
    read: (m) => ({ day: Number(m[1]), month: MONTHS[m[2]], year: m[3] ? Number(m[3]) : null }),
  },
  {
    // October 2, 2021 / Oct 2
    pattern: new RegExp(`${MONTH}\\s?(\\d{1,2})${ORDINAL}(?!\\d)${YEAR}`, "gu"),
    read: (m) => ({ day: Number(m[2]), month: MONTHS[m[1]], year: m[3] ? Number(m[3]) : null }),
  },
];

interface DateParts {
  day: number;
  month: number;
  year: number | null;
  numeric?: boolean;
}

type DateCue = "deadline" | "before" | "start" | "none";

/** Words right after or before a date that say what the date is. Checked on folded text. */
const WORD_START = "(?:^|[^\\p{L}\\p{M}])";
const CUES_AFTER: [RegExp, DateCue][] = [
  [/^\s?(?:से|के)\s(?:पूर्व|पहले)(?![\p{L}\p{M}])/u, "before"],
  [/^\s?तक(?![\p{L}\p{M}])/u, "deadline"],
  [/^\s?से(?![\p{L}\p{M}])/u, "start"],
];
const CUES_BEFORE: [RegExp, DateCue][] = [
  [
    new RegExp(
      `${WORD_START}(?:on or before|no later than|not later than|latest by|by|till|until|upto|up to|deadline|due|due date|due on|target date|समय[\\s-]?सीमा|अंतिम तिथि)[\\s:\\-]*(?:the\\s)?$`,
      "u",
    ),
    "deadline",
  ],
  [new RegExp(`${WORD_START}before[\\s:\\-]*(?:the\\s)?$`, "u"), "before"],
  [
    new RegExp(`${WORD_START}(?:from|starting|starts|start on|since|commencing|beginning|w\\.e\\.f\\.?|with effect from)[\\s:\\-]*(?:the\\s)?$`, "u"),
    "start",
  ],
];

export interface FoundDate {
  iso: string;
  cue: DateCue;
}

/**
 * A stated deadline ("तक", "by") wins over a bare date; a start date
 * ("2 अक्टूबर से शुरू", "starting 2 October") is never a due date.
 */
export function findDueDate(matchText: string, meetingDate: string, warnings: string[]): FoundDate | null {
  const all = findDates(matchText, meetingDate, warnings);
  const found = all.filter((d) => d.cue !== "start");
  const explicit = found.filter((d) => d.cue !== "none");
  const pool = explicit.length > 0 ? explicit : found;
  if (pool.length === 0) return findMonthDeadline(matchText, meetingDate) ?? fromStartDate(all, matchText, warnings);
  const chosen = pool[0];
  if (new Set(pool.map((d) => d.iso)).size > 1) warnings.push(`several due dates stated; using ${chosen.iso}`);
  if (chosen.iso < meetingDate) warnings.push(WARNING_DUE_BEFORE_MEETING);
  return chosen;
}

const PREPARATION = /तैयारी|तैयारियां|तैयारियाँ|पूर्व तैयारी|prepar|get ready|readiness/u;

/**
 * Only a start date ("2 अक्टूबर से शुरू हो रहे अभियान की तैयारी", "the campaign from 2 October"):
 * preparing for it is due the day before; running it is due to have started on that day.
 * Either way the user is told the date was read from a start date.
 */
function fromStartDate(all: FoundDate[], matchText: string, warnings: string[]): FoundDate | null {
  const start = all.find((d) => d.cue === "start");
  if (!start) return null;
  warnings.push(WARNING_DUE_FROM_START);
  return { iso: PREPARATION.test(matchText) ? addDays(start.iso, -1) : start.iso, cue: "start" };
}

const MONTH_WORD = "(?:\\s(?:माह|महीने|मास|महीना))?";
/** "अक्टूबर माह में", "अक्टूबर के अंत तक", "अक्टूबर तक", "in October", "by the end of October", "through October". */
const MONTH_DEADLINES: RegExp[] = [
  new RegExp(
    `(?:^|[^\\p{L}\\p{M}\\d]\\s?)(${alternation(Object.keys(MONTHS))})${MONTH_WORD}\\s?(?:के\\s)?(?:में|के दौरान|दौरान|के अंत तक|अंत तक|के अंत|तक|पर्यंत)(?![\\p{L}\\p{M}])`,
    "u",
  ),
  new RegExp(
    `(?:^|[^\\p{L}\\p{M}])(?:in|during|through|throughout|by the end of|by end of|till the end of|until the end of|before the end of|within)\\s(?:the month of\\s)?(${alternation(Object.keys(MONTHS))})\\.?(?![\\p{L}\\p{M}]|\\s?\\d)`,
    "u",
  ),
];

/** A month named as the deadline: due on its last day, the next such month on or after the meeting. */
function findMonthDeadline(matchText: string, meetingDate: string): FoundDate | null {
  for (const pattern of MONTH_DEADLINES) {
    const match = pattern.exec(matchText);
    if (!match) continue;
    const month = MONTHS[match[1]];
    let year = Number(meetingDate.slice(0, 4));
    if (!Number.isInteger(year) || !/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) return null;
    if (month < Number(meetingDate.slice(5, 7))) year += 1;
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { iso: isoDate(year, month, last), cue: "deadline" };
  }
  return null;
}

function findDates(text: string, meetingDate: string, warnings: string[]): FoundDate[] {
  if (!/\d/.test(text)) return [];
  const taken = new Uint8Array(text.length);
  const found: { at: number; date: FoundDate }[] = [];
  for (const { pattern, read } of DATE_PATTERNS) {
    for (const match of matchesStartingAWord(pattern, text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.subarray(start, end).includes(1)) continue;
      taken.fill(1, start, end);
      const iso = resolveDate(read(match), match[0], meetingDate, warnings);
      if (iso === null) continue;
      const cue = readCue(text.slice(Math.max(0, start - 30), start), text.slice(end, end + 20));
      found.push({ at: start, date: { iso: cue === "before" ? addDays(iso, -1) : iso, cue } });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

function readCue(before: string, after: string): DateCue {
  for (const [pattern, cue] of CUES_AFTER) if (pattern.test(after)) return cue;
  for (const [pattern, cue] of CUES_BEFORE) if (pattern.test(before)) return cue;
  return "none";
}

function resolveDate(parts: DateParts, written: string, meetingDate: string, warnings: string[]): string | null {
  let { day, month } = parts;
  if (parts.numeric && month > 12 && day <= 12) {
    [day, month] = [month, day];
    warnings.push(`read ${written} as month/day/year`);
  }
  if (parts.year !== null) {
    if (isValidDate(parts.year, month, day)) return isoDate(parts.year, month, day);
    warnings.push(`${written} is not a valid date`);
    return null;
  }
  return nextOccurrence(month, day, meetingDate, written, warnings);
}

/** A date written without a year is the next such day on or after the meeting. */
function nextOccurrence(month: number, day: number, meetingDate: string, written: string, warnings: string[]): string | null {
  const meetingYear = Number(meetingDate.slice(0, 4));
  if (!Number.isInteger(meetingYear) || !/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) {
    warnings.push(`cannot place ${written} in a year: the meeting date is missing`);
    return null;
  }
  // Eight years always contain a 29 February.
  for (let year = meetingYear; year <= meetingYear + 8; year++) {
    if (isValidDate(year, month, day) && isoDate(year, month, day) >= meetingDate) return isoDate(year, month, day);
  }
  warnings.push(`${written} is not a valid date`);
  return null;
}

function expandYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const RELATIVE = new RegExp(
  `(\\d{1,3}|(?:${alternation(Object.keys(NUMBER_WORDS))})(?=\\s))\\s?(${alternation(Object.keys(UNIT_DAYS))})${NOT_LETTER_AFTER}`,
  "gu",
);
/** "within 15 days", "in the next 15 days", "आगामी 15 दिवस", "समय सीमा: 30 दिवस" */
const RELATIVE_LEAD =
  /(?:^|[^\p{L}\p{M}])(?:within|in|inside|next|आगामी|अगले|समय[\s-]?सीमा|deadline|timeline|time limit)[\s:-]*(?:the\s)?(?:next\s)?$/u;
/** "15 दिवस में", "15 दिन के भीतर", "30 दिवस की अवधि में" */
const RELATIVE_TAIL = /^\s?(?:(?:के|की)\s)?(?:में|मे|भीतर|अंदर|अवधि)(?![\p{L}\p{M}])/u;
/** "हर 15 दिन में", "every 2 weeks": a frequency, not a deadline. */
const FREQUENCY_LEAD = /(?:^|[^\p{L}\p{M}])(?:every|each|per|हर|प्रत्येक|प्रति)\s?$/u;

export function findDueInDays(matchText: string): number | null {
  for (const match of matchesStartingAWord(RELATIVE, matchText)) {
    const before = matchText.slice(Math.max(0, match.index - 30), match.index);
    const after = matchText.slice(match.index + match[0].length, match.index + match[0].length + 20);
    if (FREQUENCY_LEAD.test(before)) continue;
    const inParentheses = before.endsWith("(") && after.startsWith(")");
    if (!RELATIVE_LEAD.test(before) && !RELATIVE_TAIL.test(after) && !inParentheses) continue;
    const count = /^\d/.test(match[1]) ? Number(match[1]) : NUMBER_WORDS[match[1]];
    if (count > 0) return count * UNIT_DAYS[match[2]];
  }
  return null;
}

// ---------------------------------------------------------------------------
// Putting a point together
// ---------------------------------------------------------------------------
