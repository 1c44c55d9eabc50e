/**
 * "Paste the minutes": turns minutes pasted as plain text (Hindi or English)
 * into draft directives with assignees and due dates, for staff to review.
 *
 * Pure: no database, no React. Everything the parser knows about districts and
 * departments comes from the ParseContext.
 *
 * Pipeline: normalise the text → split it into points → for each point, read
 * the assignees from a token stream and the due date from a folded copy of the
 * text → let sub-points inherit from a lead-in ("सभी कलेक्टर निम्न कार्य करें:").
 *
 * Every regular expression here is either anchored with bounded repetition or
 * a flat alternation of literal words, so run time stays linear in the input.
 */

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface ParsedDirective {
  text: string;
  language: "hi" | "en";
  assignees: {
    collectors: "ALL" | string[] | null;
    sps: "ALL" | string[] | null;
    departments: string[];
  };
  dueDate: string | null;
  dueInDays: number | null;
  warnings: string[];
}

export interface ParseContext {
  meetingDate: string;
  districts: { code: string; nameEn: string; nameHi: string }[];
  departments: { code: string; nameEn: string; nameHi: string; aliases?: string[] }[];
  /** Optional: lets "जयपुर संभाग के कलेक्टर" resolve to the districts of that division. */
  divisions?: { code: string; nameEn: string; nameHi: string; districtCodes: string[] }[];
}

export const WARNING_NO_ASSIGNEE = "no assignee found";
export const WARNING_DUE_BEFORE_MEETING = "due date is before the meeting";

export function parseMinutes(text: string, context: ParseContext): ParsedDirective[] {
  const points = splitIntoPoints(normaliseInput(text));
  if (points.length === 0) return [];
  const lexicon = buildLexicon(context);
  const analysed = points.map((point) => analysePoint(point, lexicon, context));
  return applyLeadIns(dropLeadingHeadings(analysed));
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085\v\f]/g;
const DEVANAGARI_DIGITS = /[\u0966-\u096F]/g;
const HAS_DEVANAGARI_DIGIT = /[\u0966-\u096F]/;
const HAS_DEVANAGARI = /[\u0900-\u097F]/;

/** Line-preserving clean-up; the result is what the directive texts are cut from. */
function normaliseInput(text: string): string {
  return text
    .normalize("NFC")
    .replace(LINE_BREAKS, "\n")
    // ZWJ/ZWNJ only change how a conjunct is drawn; removing them lets "अधीक्‍षक" match "अधीक्षक".
    .replace(ZERO_WIDTH, "")
    .replace(ODD_SPACES, " ");
}

function toAsciiDigits(text: string): string {
  if (!HAS_DEVANAGARI_DIGIT.test(text)) return text;
  return text.replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966));
}

/**
 * Folds spelling variants so that a name in the master data matches the way
 * people type it: case, Devanagari digits, nukta (ड़/ड), chandrabindu (ँ/ं) and
 * a half nasal before a consonant (सम्पर्क/संपर्क, दिसम्बर/दिसंबर).
 */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!HAS_DEVANAGARI.test(lower)) return lower;
  return toAsciiDigits(lower)
    .replace(/\u093C/g, "")
    .replace(/\u0901/g, "\u0902")
    .replace(/[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0939])/g, "\u0902");
}

// Minutes repeat the same few hundred words, so each distinct word is folded once.
// Cleared when it grows, so that it cannot grow without bound in a long-running server.
const foldedWords = new Map<string, string>();

function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size > 20_000) foldedWords.clear();
    folded = fold(word);
    foldedWords.set(word, folded);
  }
  return folded;
}

function collapseSpaces(text: string): string {
  return text.replace(/ {2,}/g, " ").trim();
}

// ---------------------------------------------------------------------------
// Splitting into points
// ---------------------------------------------------------------------------

interface RawPoint {
  /** Marker shape, e.g. "n." or "(क)"; sub-points have a different style from their lead-in. */
  style: string;
  text: string;
  lineCount: number;
  /** A line before the first marker that ends with a colon: never emitted, only inherited from. */
  isPreamble?: boolean;
}

const DEVANAGARI_LETTER = "[\\u0905-\\u0914\\u0915-\\u0939]\\u093C?";

const MARKERS: { style: string | null; pattern: RegExp }[] = [
  { style: "(n)", pattern: /^\(\s?\d{1,3}\s?\)/ },
  { style: "n.", pattern: /^\d{1,3}\.(?!\d)/ },
  { style: "n)", pattern: /^\d{1,3}\)/ },
  { style: "(क)", pattern: new RegExp(`^\\(\\s?${DEVANAGARI_LETTER}\\s?\\)`) },
  { style: "क.", pattern: new RegExp(`^${DEVANAGARI_LETTER}\\.(?=\\s|$)`) },
  { style: "क)", pattern: new RegExp(`^${DEVANAGARI_LETTER}\\)`) },
  { style: "(a)", pattern: /^\((?:[a-z]|[ivx]{2,4})\)/i },
  { style: "a)", pattern: /^(?:[a-z]|[ivx]{2,4})\)/i },
  // Unambiguous bullet glyphs may touch the text; dashes and asterisks need a space
  // after them so that "-5°" or "*Note" on a wrapped line is not taken for a bullet.
  { style: null, pattern: /^[•●▪■◦○►➢✓✔→]/ },
  { style: null, pattern: /^[-–—*](?=\s|$)/ },
];

interface Marker {
  style: string;
  length: number;
}

function findMarker(line: string): Marker | null {
  // Devanagari digits map one-to-one onto ASCII ones, so lengths stay valid.
  const probe = toAsciiDigits(line);
  for (const { style, pattern } of MARKERS) {
    const match = pattern.exec(probe);
    if (match) return { style: style ?? match[0], length: match[0].length };
  }
  return null;
}

function splitIntoPoints(text: string): RawPoint[] {
  const lines = text.split("\n").map((line) => line.trim());
  const hasMarkers = lines.some((line) => findMarker(line) !== null);
  return hasMarkers ? splitOnMarkers(lines) : splitOnBlankLines(lines);
}

function splitOnMarkers(lines: string[]): RawPoint[] {
  const points: { style: string; parts: string[] }[] = [];
  const preamble: string[] = [];
  for (const line of lines) {
    if (line === "") continue;
    const marker = findMarker(line);
    if (marker) {
      points.push({ style: marker.style, parts: [line.slice(marker.length)] });
    } else if (points.length > 0) {
      points[points.length - 1].parts.push(line);
    } else {
      preamble.push(line);
    }
  }
  const result: RawPoint[] = [];
  const leadIn = preamble[preamble.length - 1];
  if (leadIn !== undefined && endsWithColon(leadIn)) {
    result.push({ style: "preamble", text: collapseSpaces(leadIn), lineCount: 1, isPreamble: true });
  }
  for (const point of points) {
    const joined = collapseSpaces(point.parts.join(" "));
    if (joined !== "") result.push({ style: point.style, text: joined, lineCount: point.parts.length });
  }
  return result;
}

function splitOnBlankLines(lines: string[]): RawPoint[] {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === "") paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(line);
  }
  return paragraphs
    .filter((p) => p.length > 0)
    .map((p) => ({ style: "paragraph", text: collapseSpaces(p.join(" ")), lineCount: p.length }));
}

function endsWithColon(text: string): boolean {
  return /[:：][-–—]?$/.test(text.trim());
}

// ---------------------------------------------------------------------------
// Tokens and the lexicon of assignee words
// ---------------------------------------------------------------------------

interface Token {
  raw: string;
  folded: string;
}

// Hyphens are dropped so that "Kotputli-Behror" = "Kotputli Behror" and "self-government" = "self government".
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}\-‐‑–—]/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) tokens.push({ raw: m[0], folded: foldWord(m[0]) });
  return tokens;
}

type Role = "collector" | "sp";

type Item =
  | { kind: "role"; role: Role }
  | { kind: "place"; key: string; label: string }
  | { kind: "department"; code: string }
  | { kind: "divisionWord" }
  | { kind: "all" }
  | { kind: "and" }
  | { kind: "comma" }
  | { kind: "of" }
  | { kind: "districtWord" }
  | { kind: "organisation" }
  | { kind: "other" };

type ItemKind = Item["kind"];

const OTHER: Item = { kind: "other" };

interface LexiconEntry {
  words: string[];
  caseSensitive: boolean;
  item: Item;
}

interface Lexicon {
  byFirstWord: Map<string, LexiconEntry[]>;
  districtsByKey: Map<string, string>;
  divisionsByKey: Map<string, string[]>;
}

const ROLE_WORDS: Record<Role, string[]> = {
  collector: [
    "कलेक्टर", "कलक्टर", "कलेक्टरों", "कलक्टरों", "कलेक्टर्स", "जिलाधिकारी", "जिलाधिकारियों",
    "जिला मजिस्ट्रेट", "collector", "collectors", "dm", "dms", "district magistrate", "district magistrates",
  ],
  sp: [
    "एसपी", "एस पी", "एस.पी", "पुलिस अधीक्षक", "पुलिस अधीक्षकों", "sp", "sps", "s.p",
    "superintendent of police", "superintendents of police",
  ],
};

const CONNECTOR_WORDS: Partial<Record<ItemKind, string[]>> = {
  all: ["सभी", "समस्त", "सब", "प्रत्येक", "हर", "all", "every", "each"],
  and: ["एवं", "और", "व", "तथा", "and", "&", "/"],
  comma: [",", ":", "("],
  of: ["के", "की", "का", "of", "for", "in"],
  districtWord: ["जिला", "जिले", "जिलों", "जिलो", "district", "districts", "the"],
  divisionWord: ["संभाग", "संभागों", "division", "divisions"],
  // Bodies named after their city: "जयपुर विकास प्राधिकरण" is not the district of Jaipur.
  organisation: [
    "विकास प्राधिकरण", "development authority", "नगर निगम", "municipal corporation", "नगर परिषद",
    "पुलिस आयुक्तालय", "police commissionerate", "विश्वविद्यालय", "university",
  ],
};

/** Short forms used in minutes, by department code; used only if the context has that code. */
const DEPARTMENT_SHORT_FORMS: Record<string, string[]> = {
  DIPR: ["DIPR", "सूचना एवं जनसंपर्क", "जनसंपर्क", "Public Relations"],
  PHED: ["PHED", "जलदाय", "जन स्वास्थ्य अभियांत्रिकी", "Public Health Engineering"],
  DOIT: ["DoIT", "DOIT", "DoITC", "सूचना प्रौद्योगिकी", "Information Technology", "IT Department", "IT विभाग"],
  ENERGY: [
    "ऊर्जा", "Energy", "discom", "discoms", "Discom", "Discoms", "DISCOM", "DISCOMs", "डिस्कॉम", "डिस्कॉम्स",
    "विद्युत वितरण निगम", "विद्युत वितरण निगमों",
  ],
  EDUCATION: ["शिक्षा", "Education", "स्कूल शिक्षा", "School Education"],
  POLICE_HQ: ["पुलिस मुख्यालय", "Police HQ", "Police Headquarters", "PHQ", "DGP", "डीजीपी", "पुलिस महानिदेशक", "Director General of Police"],
  RDPR: ["RDPR", "ग्रामीण विकास एवं पंचायती राज", "पंचायती राज विभाग", "Rural Development and Panchayati Raj", "Panchayati Raj Department"],
  LSG: ["LSG", "स्वायत्त शासन", "Local Self Government", "स्थानीय निकाय", "DLB"],
  HOME: ["गृह", "Home", "Home Department", "गृह विभाग"],
  CONSUMER_AFFAIRS: ["उपभोक्ता मामले", "Consumer Affairs", "खाद्य एवं नागरिक आपूर्ति", "Food and Civil Supplies"],
};

/** Phrases containing a department short form that do not mean the department. */
const NOT_A_DEPARTMENT = [
  "सौर ऊर्जा", "अक्षय ऊर्जा", "solar energy", "renewable energy",
  "गृह कर", "गृह निर्माण", "गृह प्रवेश", "गृह जिला", "गृह जिले", "गृह रक्षा", "home district", "home guard", "home guards",
];

function buildLexicon(context: ParseContext): Lexicon {
  const entries: LexiconEntry[] = [];
  const add = (phrase: string, item: Item, caseSensitive = false) => {
    const words = tokenize(phrase).map((t) => (caseSensitive ? t.raw : t.folded));
    if (words.length > 0) entries.push({ words, caseSensitive, item });
  };

  for (const [role, words] of Object.entries(ROLE_WORDS) as [Role, string[]][]) {
    for (const word of words) add(word, { kind: "role", role });
  }
  for (const [kind, words] of Object.entries(CONNECTOR_WORDS) as [ItemKind, string[]][]) {
    for (const word of words) add(word, { kind } as Item);
  }
  for (const phrase of NOT_A_DEPARTMENT) add(phrase, OTHER);

  for (const department of context.departments) {
    const names = [department.nameEn, department.nameHi, ...(department.aliases ?? []), ...(DEPARTMENT_SHORT_FORMS[department.code] ?? [])];
    for (const name of new Set(names.flatMap(departmentNameVariants))) {
      add(name, { kind: "department", code: department.code }, isSingleLatinWord(name));
    }
  }

  const districtsByKey = new Map<string, string>();
  const divisionsByKey = new Map<string, string[]>();
  const addPlace = (name: string) => {
    const key = placeKey(name);
    add(name, { kind: "place", key, label: name });
    return key;
  };
  for (const district of context.districts) {
    for (const name of [district.nameEn, district.nameHi]) districtsByKey.set(addPlace(name), district.code);
  }
  for (const division of context.divisions ?? []) {
    for (const name of [division.nameEn, division.nameHi]) divisionsByKey.set(addPlace(name), division.districtCodes);
  }

  const byFirstWord = new Map<string, LexiconEntry[]>();
  for (const entry of entries) {
    const first = entry.caseSensitive ? fold(entry.words[0]) : entry.words[0];
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), entry]);
  }
  // Longest phrase first, so "पुलिस अधीक्षक" wins before anything shorter starting with "पुलिस".
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirstWord, districtsByKey, divisionsByKey };
}

function placeKey(name: string): string {
  return tokenize(name).map((t) => t.folded).join(" ");
}

function isSingleLatinWord(text: string): boolean {
  return /^[A-Za-z]+$/.test(text);
}

/** "Police Headquarters (DGP)" → itself, "Police Headquarters", "DGP"; "ऊर्जा विभाग" → also "ऊर्जा". */
function departmentNameVariants(name: string): string[] {
  const variants = [name];
  const parenthesised = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(name);
  if (parenthesised) variants.push(parenthesised[1], parenthesised[2]);
  for (const variant of [...variants]) {
    const core = variant
      .replace(/\s+(?:विभाग|department|dept\.?)$/i, "")
      .replace(/^department of\s+/i, "");
    if (core !== variant) variants.push(core);
  }
  return variants.map((v) => v.trim()).filter((v) => v !== "");
}

function toItems(tokens: Token[], lexicon: Lexicon): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const entry = lexicon.byFirstWord.get(tokens[i].folded)?.find((e) => matchesAt(e, tokens, i));
    if (entry) {
      items.push(entry.item);
      i += entry.words.length;
    } else {
      items.push(OTHER);
      i += 1;
    }
  }
  return items;
}

function matchesAt(entry: LexiconEntry, tokens: Token[], start: number): boolean {
  return entry.words.every((word, k) => {
    const token = tokens[start + k];
    return token !== undefined && (entry.caseSensitive ? token.raw : token.folded) === word;
  });
}

// ---------------------------------------------------------------------------
// Assignees
// ---------------------------------------------------------------------------

/** Roles mentioned together: "जिला कलेक्टर एवं पुलिस अधीक्षक", "Collectors and SPs". */
interface RoleGroup {
  start: number;
  end: number;
  roles: Set<Role>;
  saysAll: boolean;
  places: PlaceList[];
}

/** Places named together: "जयपुर, अजमेर एवं कोटा", "Jaipur and Ajmer divisions". */
interface PlaceList {
  start: number;
  end: number;
  places: { key: string; label: string }[];
  isDivision: boolean;
}

type RoleValue = "ALL" | string[] | null;

interface Assignees {
  collectors: RoleValue;
  sps: RoleValue;
  departments: string[];
}

function findAssignees(text: string, lexicon: Lexicon, warnings: string[]): Assignees {
  const items = toItems(tokenize(text), lexicon);
  const departments = [...new Set(items.flatMap((item) => (item.kind === "department" ? [item.code] : [])))];
  if (!items.some((item) => item.kind === "role")) return { collectors: null, sps: null, departments };

  const groups = findRoleGroups(items);
  const groupsByStart = new Map(groups.map((g) => [g.start, g]));
  const groupsByEnd = new Map(groups.map((g) => [g.end, g]));
  for (const list of findPlaceLists(items)) attachPlaceList(list, groupsByStart, groupsByEnd, items);

  const values: Record<Role, RoleValue[]> = { collector: [], sp: [] };
  for (const group of groups) {
    const value = resolveGroup(group, lexicon, warnings);
    for (const role of group.roles) values[role].push(value);
  }
  return { collectors: mergeRoleValues(values.collector), sps: mergeRoleValues(values.sp), departments };
}

function kindAt(items: Item[], index: number): ItemKind | undefined {
  return items[index]?.kind;
}

function skipForward(items: Item[], index: number, kinds: ItemKind[]): number {
  while (index < items.length && kinds.includes(items[index].kind)) index++;
  return index;
}

function skipBackward(items: Item[], index: number, kinds: ItemKind[]): number {
  while (index >= 0 && kinds.includes(items[index].kind)) index--;
  return index;
}

function findRoleGroups(items: Item[]): RoleGroup[] {
  const groups: RoleGroup[] = [];
  for (let i = 0; i < items.length; i++) {
    const first = items[i];
    if (first.kind !== "role") continue;
    const group: RoleGroup = { start: i, end: i, roles: new Set([first.role]), saysAll: false, places: [] };
    for (;;) {
      const next = skipForward(items, group.end + 1, ["and", "comma", "all", "districtWord"]);
      const item = items[next];
      if (item?.kind !== "role") break;
      if (items.slice(group.end + 1, next).some((x) => x.kind === "all")) group.saysAll = true;
      group.roles.add(item.role);
      group.end = next;
    }
    // "सभी जिला कलेक्टर", "सभी जिलों के कलेक्टर", "all the Collectors"
    group.saysAll ||= kindAt(items, skipBackward(items, i - 1, ["districtWord", "of"])) === "all";
    groups.push(group);
    i = group.end;
  }
  return groups;
}

/** "जयपुर विद्युत वितरण निगम", "Ajmer Discom": the place names an office, not a district. */
function isPlaceOfAnOffice(items: Item[], index: number): boolean {
  const next = kindAt(items, index + 1);
  return next === "department" || next === "organisation";
}

function findPlaceLists(items: Item[]): PlaceList[] {
  const lists: PlaceList[] = [];
  for (let i = 0; i < items.length; i++) {
    const first = items[i];
    if (first.kind !== "place" || isPlaceOfAnOffice(items, i)) continue;
    const list: PlaceList = { start: i, end: i, places: [{ key: first.key, label: first.label }], isDivision: false };
    for (;;) {
      const next = skipForward(items, list.end + 1, ["and", "comma", "districtWord"]);
      const item = items[next];
      if (item?.kind !== "place" || isPlaceOfAnOffice(items, next)) break;
      list.places.push({ key: item.key, label: item.label });
      list.end = next;
    }
    const after = skipForward(items, list.end + 1, ["districtWord"]);
    if (kindAt(items, after) === "divisionWord") {
      list.isDivision = true;
      list.end = after;
    }
    // "divisions of Jaipur and Ajmer"
    if (kindAt(items, skipBackward(items, i - 1, ["of", "districtWord"])) === "divisionWord") list.isDivision = true;
    lists.push(list);
    i = list.end;
  }
  return lists;
}

/**
 * Places count only when written next to a role: before it ("जयपुर एवं अजमेर के
 * कलेक्टर", "Jaipur SPs") or after it ("Collectors of Jaipur", "जिला कलेक्टर, जयपुर").
 * A district named anywhere else in the point is just part of the text.
 */
function attachPlaceList(
  list: PlaceList,
  groupsByStart: Map<number, RoleGroup>,
  groupsByEnd: Map<number, RoleGroup>,
  items: Item[],
): void {
  const following = skipForward(items, list.end + 1, ["of", "districtWord", "all"]);
  groupsByStart.get(following)?.places.push(list);

  const preceding = skipBackward(items, list.start - 1, ["of", "comma", "districtWord"]);
  const before = groupsByEnd.get(preceding);
  // "सभी कलेक्टर जयपुर में रिपोर्ट भेजें": with "all", a following city is where, not who.
  if (before && (!before.saysAll || list.isDivision)) before.places.push(list);
}

function resolveGroup(group: RoleGroup, lexicon: Lexicon, warnings: string[]): RoleValue {
  if (group.places.length === 0) return "ALL";
  const codes: string[] = [];
  for (const list of group.places) {
    for (const place of list.places) {
      const resolved = list.isDivision
        ? lexicon.divisionsByKey.get(place.key)
        : lexicon.districtsByKey.has(place.key)
          ? [lexicon.districtsByKey.get(place.key)!]
          : lexicon.divisionsByKey.get(place.key);
      if (resolved) codes.push(...resolved);
      else warnings.push(`division "${place.label}" not found; choose its districts by hand`);
    }
  }
  return codes.length > 0 ? [...new Set(codes)] : null;
}

function mergeRoleValues(values: RoleValue[]): RoleValue {
  if (values.includes("ALL")) return "ALL";
  const codes = values.flatMap((v) => (Array.isArray(v) ? v : []));
  return codes.length > 0 ? [...new Set(codes)] : null;
}

function hasAssignee(assignees: Assignees): boolean {
  return assignees.collectors !== null || assignees.sps !== null || assignees.departments.length > 0;
}

// ---------------------------------------------------------------------------
// Due dates
// ---------------------------------------------------------------------------

const MONTHS: Record<string, number> = Object.fromEntries(
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
    एक: 1, दो: 2, तीन: 3, चार: 4, पांच: 5, छह: 6, "छः": 6, सात: 7, आठ: 8, नौ: 9, दस: 10,
    पंद्रह: 15, बीस: 20, तीस: 30, पैंतालीस: 45, साठ: 60, नब्बे: 90,
    a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    fifteen: 15, twenty: 20, thirty: 30, sixty: 60, ninety: 90,
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
function matchesStartingAWord(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m.index === 0 || !WORD_CHARACTER.test(text[m.index - 1])) matches.push(m);
    else pattern.lastIndex = m.index + 1;
  }
  return matches;
}

function alternation(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

const NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}])";
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
    new RegExp(
      `${WORD_START}(?:from|starting|starts|start on|since|commencing|beginning|w\\.e\\.f\\.?|with effect from)[\\s:\\-]*(?:the\\s)?$`,
      "u",
    ),
    "start",
  ],
];

interface FoundDate {
  iso: string;
  cue: DateCue;
}

/**
 * A stated deadline ("तक", "by") wins over a bare date; a start date
 * ("2 अक्टूबर से शुरू", "starting 2 October") is never a due date.
 */
function findDueDate(matchText: string, meetingDate: string, warnings: string[]): FoundDate | null {
  const found = findDates(matchText, meetingDate, warnings).filter((d) => d.cue !== "start");
  const explicit = found.filter((d) => d.cue !== "none");
  const pool = explicit.length > 0 ? explicit : found;
  if (pool.length === 0) return null;
  const chosen = pool[0];
  if (new Set(pool.map((d) => d.iso)).size > 1) warnings.push(`several due dates stated; using ${chosen.iso}`);
  if (chosen.iso < meetingDate) warnings.push(WARNING_DUE_BEFORE_MEETING);
  return chosen;
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

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const RELATIVE = new RegExp(
  `(\\d{1,3}|(?:${alternation(Object.keys(NUMBER_WORDS))})(?=\\s))\\s?(${alternation(Object.keys(UNIT_DAYS))})${NOT_LETTER_AFTER}`,
  "gu",
);
/** "within 15 days", "in the next 15 days", "आगामी 15 दिवस", "समय सीमा: 30 दिवस" */
const RELATIVE_LEAD = /(?:^|[^\p{L}\p{M}])(?:within|in|inside|next|आगामी|अगले|समय[\s-]?सीमा|deadline|timeline|time limit)[\s:-]*(?:the\s)?(?:next\s)?$/u;
/** "15 दिवस में", "15 दिन के भीतर", "30 दिवस की अवधि में" */
const RELATIVE_TAIL = /^\s?(?:(?:के|की)\s)?(?:में|मे|भीतर|अंदर|अवधि)(?![\p{L}\p{M}])/u;
/** "हर 15 दिन में", "every 2 weeks": a frequency, not a deadline. */
const FREQUENCY_LEAD = /(?:^|[^\p{L}\p{M}])(?:every|each|per|हर|प्रत्येक|प्रति)\s?$/u;

function findDueInDays(matchText: string): number | null {
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

interface Analysed {
  point: RawPoint;
  directive: ParsedDirective;
  /** The due date was stated as a deadline ("तक", "by"), not just a date somewhere in the text. */
  dueIsExplicit: boolean;
}

function analysePoint(point: RawPoint, lexicon: Lexicon, context: ParseContext): Analysed {
  const warnings: string[] = [];
  const assignees = findAssignees(point.text, lexicon, warnings);
  const matchText = collapseSpaces(fold(point.text).replace(/[‐‑–—]/g, "-"));
  const due = findDueDate(matchText, context.meetingDate, warnings);
  const directive: ParsedDirective = {
    text: point.text,
    language: detectLanguage(point.text),
    assignees,
    dueDate: due?.iso ?? null,
    dueInDays: findDueInDays(matchText),
    warnings,
  };
  return { point, directive, dueIsExplicit: due !== null && due.cue !== "none" };
}

function detectLanguage(text: string): "hi" | "en" {
  const devanagari = text.length - text.replace(/[\u0900-\u097F]/g, "").length;
  const latin = text.length - text.replace(/[A-Za-z]/g, "").length;
  return devanagari > latin ? "hi" : "en";
}

/**
 * Unmarked minutes often open with a title ("कार्यवाही विवरण", "Minutes of the
 * meeting held on 31.08.2021"): a lone short line, no full stop, no assignee.
 */
function dropLeadingHeadings(analysed: Analysed[]): Analysed[] {
  const firstBody = analysed.findIndex((a) => !looksLikeHeading(a));
  return firstBody === -1 ? [] : analysed.slice(firstBody);
}

function looksLikeHeading({ point, directive }: Analysed): boolean {
  return (
    point.style === "paragraph" &&
    point.lineCount === 1 &&
    point.text.split(" ").length <= 12 &&
    !/[।॥|.!?]$/.test(point.text) &&
    !hasAssignee(directive.assignees)
  );
}

/**
 * A point ending in a colon and followed by points of another marker style is a
 * lead-in ("सभी जिला कलेक्टर निम्न कार्य 15 दिवस में करें:" then "(क) … (ख) …"):
 * it is not a directive itself, but its sub-points take its assignees and due
 * date when they name none of their own.
 */
function applyLeadIns(analysed: Analysed[]): ParsedDirective[] {
  const result: ParsedDirective[] = [];
  const open: Analysed[] = [];
  analysed.forEach((current, index) => {
    const closing = open.findIndex((leadIn) => leadIn.point.style === current.point.style);
    if (closing !== -1) open.length = closing;

    const next = analysed[index + 1];
    const isLeadIn =
      current.point.isPreamble === true ||
      (next !== undefined && next.point.style !== current.point.style && endsWithColon(current.point.text));
    if (isLeadIn) open.push(current);
    else result.push(inherit(current.directive, [...open].reverse()));
  });
  return result;
}

/** Fills what a point leaves out from its nearest lead-in, then adds the missing-assignee warning. */
function inherit(own: ParsedDirective, leadIns: Analysed[]): ParsedDirective {
  const fromLeadIn = leadIns.find((l) => hasAssignee(l.directive.assignees))?.directive.assignees;
  const assignees = hasAssignee(own.assignees) ? own.assignees : (fromLeadIn ?? own.assignees);

  const hasOwnDue = own.dueDate !== null || own.dueInDays !== null;
  const dueDate = hasOwnDue ? own.dueDate : (leadIns.find((l) => l.dueIsExplicit)?.directive.dueDate ?? null);
  const dueInDays = hasOwnDue
    ? own.dueInDays
    : (leadIns.find((l) => l.directive.dueInDays !== null)?.directive.dueInDays ?? null);

  const warnings = [...new Set(hasAssignee(assignees) ? own.warnings : [...own.warnings, WARNING_NO_ASSIGNEE])];
  return { ...own, assignees: { ...assignees, departments: [...assignees.departments] }, dueDate, dueInDays, warnings };
}
