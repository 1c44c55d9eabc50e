import { collapseSpaces, toAsciiDigits } from "./text";
// Splitting into points
// ---------------------------------------------------------------------------

export interface RawPoint {
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

export function findMarker(line: string): Marker | null {
  // Devanagari digits map one-to-one onto ASCII ones, so lengths stay valid.
  const probe = toAsciiDigits(line);
  for (const { style, pattern } of MARKERS) {
    const match = pattern.exec(probe);
    if (match) return { style: style ?? match[0], length: match[0].length };
  }
  return null;
}

export function splitIntoPoints(text: string): RawPoint[] {
  const lines = text.split("\n").map((line) => line.trim());
  const hasMarkers = lines.some((line) => findMarker(line) !== null);
  return hasMarkers ? splitOnMarkers(lines) : splitOnBlankLines(lines);
}

/**
 * Numbered minutes. Text before the first marker, and text after a blank line that has no
 * marker, is prose (a "paragraph" point, read sentence by sentence later); the last line
 * before the first marker is a lead-in when it ends with a colon.
 */
function splitOnMarkers(lines: string[]): RawPoint[] {
  const points: { style: string; parts: string[] }[] = [];
  let afterBlank = true;
  for (const line of lines) {
    if (line === "") {
      afterBlank = true;
      continue;
    }
    const marker = findMarker(line);
    const last = points[points.length - 1];
    if (marker) points.push({ style: marker.style, parts: [line.slice(marker.length)] });
    else if (last !== undefined && !afterBlank) last.parts.push(line);
    else points.push({ style: "paragraph", parts: [line] });
    afterBlank = false;
  }
  const firstMarked = points.findIndex((p) => p.style !== "paragraph");
  const result: RawPoint[] = [];
  points.forEach((point, index) => {
    const joined = collapseSpaces(point.parts.join(" "));
    if (joined === "") return;
    if (point.style === "paragraph" && index === firstMarked - 1 && endsWithColon(point.parts[point.parts.length - 1])) {
      const leadIn = collapseSpaces(point.parts[point.parts.length - 1]);
      const before = collapseSpaces(point.parts.slice(0, -1).join(" "));
      if (before !== "") result.push({ style: "paragraph", text: before, lineCount: point.parts.length - 1 });
      result.push({ style: "preamble", text: leadIn, lineCount: 1, isPreamble: true });
      return;
    }
    result.push({ style: point.style, text: joined, lineCount: point.parts.length });
  });
  return result;
}

function splitOnBlankLines(lines: string[]): RawPoint[] {
  const paragraphs: string[][] = [[]];
  for (const line of lines) {
    if (line === "") paragraphs.push([]);
    else paragraphs[paragraphs.length - 1].push(line);
  }
  return paragraphs.filter((p) => p.length > 0).map((p) => ({ style: "paragraph", text: collapseSpaces(p.join(" ")), lineCount: p.length }));
}

export function endsWithColon(text: string): boolean {
  return /[:：][-–—]?$/.test(text.trim());
}
