// What a web page or a minutes letter wraps around the instructions: bylines, "पढ़ें :" links,
// copyright and share lines, datelines, photo captions, and the block that lists who attended.
// Removed line by line before the text is split, each recorded with its reason.
import type { DroppedPassage } from "./types";

/** Whole lines that are never part of an instruction. Checked on the trimmed line. */
const FURNITURE_LINES: RegExp[] = [
  // "यह भी पढ़ें :", "पढ़ें:", "Also read:", "Read more"
  /^(?:यह भी |इसे भी |और )?पढ़ें\s*[:：\-–]/u,
  /^(?:also read|read also|read more|see also|also see|related)\b/i,
  // Copyright and rights lines.
  /©|\(c\)\s?\d{4}|\bcopyright\b|सर्वाधिकार|all rights reserved/i,
  // Share, follow, advertisement: short lines only.
  /^(?:share|tweet|follow us|subscribe|advertisement|sponsored|विज्ञापन|शेयर करें|फॉलो करें|हमें फॉलो करें|whatsapp|facebook|twitter|telegram)(?:\s+\S+){0,3}$/i,
  // Bare links.
  /^(?:https?:\/\/|www\.)\S+$/i,
  // Bylines and time stamps.
  /^(?:by|written by|edited by|reported by|posted by)\s+[\p{L}\p{M}. ]{2,40}$/iu,
  /^(?:लेखक|रिपोर्ट|संवाददाता|एडिटेड बाय|ब्यूरो रिपोर्ट|ब्यूरो)\s*[:：-]\s*[^.।]{0,60}$/u,
  /^(?:updated|published|last updated|posted|first published|प्रकाशित|अपडेटेड|अपडेट|प्रकाशन तिथि)\s*(?:on|at|:|：)/i,
  /^\d{1,2}\s\S+\s\d{4},?\s\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?ist)?$/i,
  // Captions, tags, separators.
  /^(?:photo|फोटो|file photo|फाइल फोटो|image|चित्र|caption)\s*[:：-]/i,
  /^(?:tags|टैग्स|टैग|topics|विषय सूची)\s*[:：]/i,
  /^[-=_*#~.·•]{3,}$/,
  // A press release's letterhead.
  /^(?:प्रेस विज्ञप्ति|प्रेस नोट|press release|press note|समाचार)\s*[-–—:।]?\s*[^.।]{0,40}$/i,
  /^(?:सूचना एवं जनसम्पर्क विभाग|सूचना एवं जनसंपर्क विभाग|directorate of information (?:and|&) public relations|department of information (?:and|&) public relations)\s*[,-]?\s*[^.।]{0,30}$/iu,
];

/** A line that opens the list of those present ("उपस्थिति:", "Present:", "बैठक में उपस्थित अधिकारी"). */
const ATTENDANCE_HEADING =
  /^(?:उपस्थिति|उपस्थित अधिकारी(?:गण)?|बैठक में उपस्थित(?: अधिकारी(?:गण)?)?|प्रतिभागी|present|attendance|officers present|those present|participants|in attendance)\s*[:：\-–]?\s*$/i;

/** A heading that ends such a list: the decisions, directions or proceedings start. */
const SECTION_HEADING =
  /^(?:निर्णय|निर्देश|कार्यवाही|चर्चा|बिंदुवार|decisions?|directions?|directives?|action points?|proceedings|discussion|agenda)(?![\p{L}\p{M}])/iu;

/** "जयपुर, 27 सितंबर।", "Jaipur, Sept 27:" at the head of a news paragraph. */
const DATELINE = /^[\p{L}\p{M} ]{2,24},\s?(?:\d{1,2}\s[\p{L}\p{M}.]{3,10}|[\p{L}\p{M}.]{3,10}\s\d{1,2})(?:,?\s\d{4})?\s?[।.:\-–—]\s?/u;

export interface CleanedText {
  text: string;
  dropped: DroppedPassage[];
}

/** Removes furniture lines and attendance blocks; keeps blank lines, which still separate paragraphs. */
export function removeFurniture(text: string): CleanedText {
  const dropped: DroppedPassage[] = [];
  const kept: string[] = [];
  let inAttendance = false;
  for (const rawLine of text.split("\n")) {
    const line = rawLine.trim();
    if (line === "") {
      inAttendance = false;
      kept.push("");
      continue;
    }
    if (ATTENDANCE_HEADING.test(line)) {
      inAttendance = true;
      dropped.push({ text: line, reason: "attendance" });
      continue;
    }
    if (inAttendance && !SECTION_HEADING.test(line)) {
      dropped.push({ text: line, reason: "attendance" });
      continue;
    }
    inAttendance = false;
    if (FURNITURE_LINES.some((pattern) => pattern.test(line))) {
      dropped.push({ text: line, reason: "furniture" });
      continue;
    }
    kept.push(stripDateline(line, kept, dropped));
  }
  return { text: kept.join("\n"), dropped };
}

/** A dateline opens a paragraph only: the line must follow a blank line or start the text. */
function stripDateline(line: string, kept: string[], dropped: DroppedPassage[]): string {
  const previous = kept[kept.length - 1];
  if (previous !== undefined && previous !== "") return line;
  const match = DATELINE.exec(line);
  if (!match || !/\d/.test(match[0])) return line;
  dropped.push({ text: match[0].trim(), reason: "furniture" });
  return line.slice(match[0].length);
}
