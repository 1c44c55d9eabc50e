// Text clean-up and tokens shared by every stage of the minutes splitter.
// Normalisation
// ---------------------------------------------------------------------------

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085\v\f]/g;
const DEVANAGARI_DIGITS = /[\u0966-\u096F]/g;
const HAS_DEVANAGARI_DIGIT = /[\u0966-\u096F]/;
export const HAS_DEVANAGARI = /[\u0900-\u097F]/;

/** Line-preserving clean-up; the result is what the directive texts are cut from. */
export function normaliseInput(text: string): string {
  return (
    text
      .normalize("NFC")
      .replace(LINE_BREAKS, "\n")
      // ZWJ/ZWNJ only change how a conjunct is drawn; removing them lets "अधीक्‍षक" match "अधीक्षक".
      .replace(ZERO_WIDTH, "")
      .replace(ODD_SPACES, " ")
  );
}

export function toAsciiDigits(text: string): string {
  if (!HAS_DEVANAGARI_DIGIT.test(text)) return text;
  return text.replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966));
}

/**
 * Folds spelling variants so that a name in the master data matches the way
 * people type it: case, Devanagari digits, nukta (ड़/ड), chandrabindu (ँ/ं) and
 * a half nasal before a consonant (सम्पर्क/संपर्क, दिसम्बर/दिसंबर).
 */
export function fold(text: string): string {
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

export function foldWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size > 20_000) foldedWords.clear();
    folded = fold(word);
    foldedWords.set(word, folded);
  }
  return folded;
}

export function collapseSpaces(text: string): string {
  return text.replace(/ {2,}/g, " ").trim();
}

export interface Token {
  raw: string;
  folded: string;
  /** Offset of the token in the text it was read from. */
  at: number;
}

// Hyphens are dropped so that "Kotputli-Behror" = "Kotputli Behror" and "self-government" = "self government".
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}\-‐‑–—]/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) tokens.push({ raw: m[0], folded: foldWord(m[0]), at: m.index });
  return tokens;
}
