import type { ParseContext } from "./types";
import { fold, tokenize, type Token } from "./text";

// ---------------------------------------------------------------------------
// Tokens and the lexicon of assignee words
// ---------------------------------------------------------------------------

export type Role = "collector" | "sp";

export type Item =
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
  /** A division's officer (commissioner, range IG): recognised so that it is never taken for a district's. */
  | { kind: "divisionRole" }
  | { kind: "other" };

export type ItemKind = Item["kind"];

export const OTHER: Item = { kind: "other" };

export interface LexiconEntry {
  words: string[];
  caseSensitive: boolean;
  item: Item;
}

export interface Lexicon {
  byFirstWord: Map<string, LexiconEntry[]>;
  districtsByKey: Map<string, string>;
  divisionsByKey: Map<string, string[]>;
}

const ROLE_WORDS: Record<Role, string[]> = {
  collector: [
    "कलेक्टर",
    "कलक्टर",
    "कलेक्टरों",
    "कलक्टरों",
    "कलेक्टर्स",
    "कलक्टर्स",
    "कलेक्टरगण",
    "जिलाधिकारी",
    "जिलाधिकारियों",
    "जिला मजिस्ट्रेट",
    "collector",
    "collectors",
    "dm",
    "dms",
    "district magistrate",
    "district magistrates",
  ],
  sp: [
    "एसपी",
    "एसपीज",
    "एस पी",
    "एस.पी",
    "पुलिस अधीक्षक",
    "पुलिस अधीक्षकों",
    "पुलिस अधीक्षकगण",
    "sp",
    "sps",
    "s.p",
    "superintendent of police",
    "superintendents of police",
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
  divisionRole: [
    "संभागीय आयुक्त",
    "संभागीय आयुक्तों",
    "संभाग आयुक्त",
    "कमिश्नर",
    "कमिश्नरों",
    "divisional commissioner",
    "divisional commissioners",
    "पुलिस महानिरीक्षक",
    "पुलिस महानिरीक्षकों",
    "रेंज आईजी",
    "आईजी",
    "ig",
    "igs",
    "range ig",
    "range igs",
    "inspector general of police",
    "inspectors general of police",
    "inspector general",
  ],
  organisation: [
    "विकास प्राधिकरण",
    "development authority",
    "नगर निगम",
    "municipal corporation",
    "नगर परिषद",
    "पुलिस आयुक्तालय",
    "police commissionerate",
    "विश्वविद्यालय",
    "university",
  ],
};

/** Short forms used in minutes, by department code; used only if the context has that code. */
const DEPARTMENT_SHORT_FORMS: Record<string, string[]> = {
  DIPR: ["DIPR", "डीआईपीआर", "सूचना एवं जनसंपर्क", "सूचना और जनसंपर्क", "जनसंपर्क", "Public Relations", "I&PR"],
  PHED: ["PHED", "पीएचईडी", "जलदाय", "जलदाय विभाग", "जन स्वास्थ्य अभियांत्रिकी", "Public Health Engineering"],
  DOIT: ["DoIT", "DOIT", "DoITC", "डीओआईटी", "सूचना प्रौद्योगिकी", "Information Technology", "IT Department", "IT विभाग", "आईटी विभाग"],
  ENERGY: [
    "ऊर्जा",
    "Energy",
    "discom",
    "discoms",
    "Discom",
    "Discoms",
    "DISCOM",
    "DISCOMs",
    "डिस्कॉम",
    "डिस्कॉम्स",
    "विद्युत वितरण निगम",
    "विद्युत वितरण निगमों",
    "बिजली कंपनियों",
    "बिजली कंपनियां",
    "विद्युत निगमों",
    "power companies",
  ],
  EDUCATION: ["शिक्षा", "Education", "स्कूल शिक्षा", "स्कूली शिक्षा", "School Education"],
  POLICE_HQ: ["पुलिस मुख्यालय", "Police HQ", "Police Headquarters", "PHQ", "पीएचक्यू", "DGP", "डीजीपी", "पुलिस महानिदेशक", "Director General of Police"],
  RDPR: [
    "RDPR",
    "आरडीपीआर",
    "ग्रामीण विकास एवं पंचायती राज",
    "पंचायती राज विभाग",
    "पंचायती राज",
    "Rural Development and Panchayati Raj",
    "Panchayati Raj Department",
    "Panchayati Raj",
  ],
  LSG: ["LSG", "स्वायत्त शासन", "Local Self Government", "स्थानीय निकाय", "DLB", "डीएलबी"],
  HOME: ["गृह", "Home", "Home Department", "गृह विभाग"],
  CONSUMER_AFFAIRS: ["उपभोक्ता मामले", "Consumer Affairs", "खाद्य एवं नागरिक आपूर्ति", "Food and Civil Supplies"],
};

/** Phrases containing a department short form that do not mean the department. */
const NOT_A_DEPARTMENT = [
  "सौर ऊर्जा",
  "अक्षय ऊर्जा",
  "solar energy",
  "renewable energy",
  "गृह कर",
  "गृह निर्माण",
  "गृह प्रवेश",
  "गृह जिला",
  "गृह जिले",
  "गृह रक्षा",
  "home district",
  "home guard",
  "home guards",
];

export function buildLexicon(context: ParseContext): Lexicon {
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

export function placeKey(name: string): string {
  return tokenize(name)
    .map((t) => t.folded)
    .join(" ");
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
    const core = variant.replace(/\s+(?:विभाग|department|dept\.?)$/i, "").replace(/^department of\s+/i, "");
    if (core !== variant) variants.push(core);
  }
  return variants.map((v) => v.trim()).filter((v) => v !== "");
}

export function toItems(tokens: Token[], lexicon: Lexicon): Item[] {
  return toLocatedItems(tokens, lexicon).map((located) => located.item);
}

/** An item with the tokens it was read from: tokens[from] up to, not including, tokens[to]. */
export interface LocatedItem {
  item: Item;
  from: number;
  to: number;
}

export function toLocatedItems(tokens: Token[], lexicon: Lexicon): LocatedItem[] {
  const items: LocatedItem[] = [];
  let i = 0;
  while (i < tokens.length) {
    const entry = lexicon.byFirstWord.get(tokens[i].folded)?.find((e) => matchesAt(e, tokens, i));
    const length = entry ? entry.words.length : 1;
    items.push({ item: entry ? entry.item : OTHER, from: i, to: i + length });
    i += length;
  }
  return items;
}

function matchesAt(entry: LexiconEntry, tokens: Token[], start: number): boolean {
  return entry.words.every((word, k) => {
    const token = tokens[start + k];
    return token !== undefined && (entry.caseSensitive ? token.raw : token.folded) === word;
  });
}
