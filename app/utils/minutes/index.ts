// "Paste the minutes": minutes or a press note pasted as plain text (Hindi, English or both,
// numbered or prose) into draft directives with assignees and due dates, for staff to review,
// and the list of what was left out and why.
//
// Pipeline: normalise → remove page furniture and attendance blocks (furniture.ts) → split into
// points (points.ts) → prose into sentences, keep the instructions, one per office
// (instructions.ts) → assignees (assignees.ts) and due dates (deadlines.ts) per point →
// sub-points inherit from a lead-in. Pure: no database, no React, browser-safe.
import { findAssignees, hasAssignee } from "./assignees";
import { findDueDate, findDueInDays } from "./deadlines";
import { removeFurniture } from "./furniture";
import { isAttendance, isAttributedHeadline, isChairSentence, isInstruction, splitByAddressee, splitSentences, stripSpeaker } from "./instructions";
import { buildLexicon, toItems, toLocatedItems, type Lexicon } from "./lexicon";
import { endsWithColon, splitIntoPoints, type RawPoint } from "./points";
import { collapseSpaces, fold, normaliseInput, tokenize } from "./text";
import {
  WARNING_CHAIR_DEPARTMENT,
  WARNING_DIVISION_ROLE,
  WARNING_NO_ASSIGNEE,
  type DroppedPassage,
  type MinutesSplit,
  type ParseContext,
  type ParsedDirective,
} from "./types";

export * from "./types";

export function parseMinutes(text: string, context: ParseContext): ParsedDirective[] {
  return splitMinutes(text, context).directives;
}

export function splitMinutes(text: string, context: ParseContext): MinutesSplit {
  const lexicon = buildLexicon(context);
  const cleaned = removeFurniture(normaliseInput(text));
  const reader = new PointReader(lexicon, cleaned.dropped);
  for (const department of departmentsIn(context.chair ?? "", lexicon)) reader.chair.add(department);
  for (const point of splitIntoPoints(cleaned.text)) reader.read(point);
  const analysed = reader.points.map((point) => analysePoint(point, lexicon, context, reader.chair));
  return {
    directives: applyLeadIns(analysed),
    dropped: reader.dropped,
    chairDepartments: [...reader.chair],
    attendeeDepartments: [...reader.attendees],
  };
}

// ---------------------------------------------------------------------------
// Points into instructions
// ---------------------------------------------------------------------------

/** Past-tense or descriptive endings: a sentence that reports rather than instructs. */
const NARRATIVE_ENDING =
  /(?:है|हैं|था|थे|थी|गया|गई|गए|गयी|बताया|कहा|दी|ली|किया|हुआ|हुई|हुए|रहे|रही|रहा|सकता|सकती|सकते)\s?[।.]?$|\b(?:said|informed|was|were|is|are|has|have|had|reviewed|stated|added|noted|told|ended|concluded|began|gave|made|presented|briefed|explained|apprised|welcomed|thanked)\b/iu;

/** "He said that no village should …": an English wish reported without an office to act on it. */
const REPORTED_WISH = /^(?:he|she|they|the [\p{L} ]{2,40}?)\s(?:also\s)?(?:said|stated|added)\sthat\s/iu;

/** Sentences the chair is named in are looked for among the first few of the text. */
const CHAIR_SENTENCE_WINDOW = 3;

class PointReader {
  readonly points: RawPoint[] = [];
  readonly chair = new Set<string>();
  readonly attendees = new Set<string>();
  private readonly seen = new Set<string>();
  private sentencesRead = 0;

  constructor(
    private readonly lexicon: Lexicon,
    readonly dropped: DroppedPassage[],
  ) {}

  read(point: RawPoint): void {
    if (point.isPreamble) {
      this.points.push(point);
      return;
    }
    if (this.isDuplicate(point.text)) return;
    if (point.style === "paragraph") this.readProse(point);
    else this.readMarked(point);
  }

  private drop(text: string, reason: DroppedPassage["reason"]): void {
    this.dropped.push({ text, reason });
  }

  private isDuplicate(text: string): boolean {
    const key = fold(text).replace(/[^\p{L}\p{M}\p{N}]/gu, "");
    if (key === "") return false;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      return false;
    }
    this.drop(text, "duplicate");
    return true;
  }

  private readProse(point: RawPoint): void {
    // The title of a note may name an office ("…: ACS Home") or quote an instruction ("… पूरी करें : मुख्य सचिव").
    const isTitle = this.points.length === 0 && this.sentencesRead === 0 && looksLikeHeading(point.text, point.lineCount, 24);
    const instruction = isInstruction(point.text);
    if (
      (isTitle && (!instruction || isAttributedHeadline(point.text))) ||
      (looksLikeHeading(point.text, point.lineCount, 14) && !instruction && !this.hasAssignee(point.text))
    ) {
      this.sentencesRead++;
      this.drop(point.text, "heading");
      return;
    }
    const sentences = splitSentences(point.text);
    sentences.forEach((sentence, index) => {
      if (sentences.length > 1 && this.isDuplicate(sentence)) return;
      this.readSentence(sentence);
      void index;
    });
  }

  private readSentence(sentence: string): void {
    const early = this.sentencesRead++ < CHAIR_SENTENCE_WINDOW;
    if (isAttendance(sentence)) {
      for (const department of departmentsIn(sentence, this.lexicon)) this.attendees.add(department);
      this.drop(sentence, "attendance");
      return;
    }
    const instruction = isInstruction(sentence);
    if (early && isChairSentence(sentence)) {
      for (const department of chairDepartmentsIn(sentence, this.lexicon)) this.chair.add(department);
      if (!instruction) {
        this.drop(sentence, "narrative");
        return;
      }
    }
    if (endsWithColon(sentence)) {
      this.points.push({ style: "sentence", text: sentence, lineCount: 1 });
      return;
    }
    const assigned = this.hasAssignee(sentence);
    if ((!instruction && (!assigned || NARRATIVE_ENDING.test(sentence))) || (REPORTED_WISH.test(sentence) && !assigned)) {
      this.drop(sentence, "narrative");
      return;
    }
    this.pushInstruction(stripSpeaker(sentence), "sentence");
  }

  private readMarked(point: RawPoint): void {
    if (isAttendance(point.text) && !isInstruction(point.text)) {
      for (const department of departmentsIn(point.text, this.lexicon)) this.attendees.add(department);
      this.drop(point.text, "attendance");
      return;
    }
    if (!isInstruction(point.text) && !this.hasAssignee(point.text) && NARRATIVE_ENDING.test(point.text)) {
      this.drop(point.text, "narrative");
      return;
    }
    const sentences = splitSentences(point.text);
    const instructions = sentences.filter(isInstruction);
    // Several instructions with their own offices in one numbered point: one directive each.
    if (instructions.length > 1 && instructions.every((s) => this.hasAssignee(s))) {
      for (const sentence of sentences) {
        if (instructions.includes(sentence)) this.pushInstruction(stripSpeaker(sentence), point.style);
        else this.drop(sentence, "narrative");
      }
      return;
    }
    this.pushInstruction(point.text, point.style);
  }

  private pushInstruction(text: string, style: string): void {
    for (const piece of splitByAddressee(text, this.lexicon)) {
      const cleaned = collapseSpaces(piece);
      if (cleaned !== "") this.points.push({ style, text: cleaned, lineCount: 1 });
    }
  }

  private hasAssignee(text: string): boolean {
    return hasAssignee(findAssignees(text, this.lexicon, []));
  }
}

function looksLikeHeading(text: string, lineCount: number, maxWords: number): boolean {
  return lineCount <= 2 && text.split(" ").length <= maxWords && !/[।॥|.!?:]$/.test(text);
}

function departmentsIn(text: string, lexicon: Lexicon): string[] {
  if (text.trim() === "") return [];
  return [...new Set(toItems(tokenize(text), lexicon).flatMap((item) => (item.kind === "department" ? [item.code] : [])))];
}

/** Titles that a department name next to is the chair's own office: "अतिरिक्त मुख्य सचिव गृह", "ऊर्जा मंत्री", "ACS (Home)". */
const TITLES = new Set(["सचिव", "मंत्री", "राज्यमंत्री", "secretary", "minister", "acs", "ps"].map(fold));
const PUNCTUATION = new Set(["(", ")", ",", "-", ":"]);

function chairDepartmentsIn(sentence: string, lexicon: Lexicon): string[] {
  const tokens = tokenize(sentence);
  const isTitleAt = (index: number, step: number): boolean => {
    let i = index;
    while (tokens[i] && PUNCTUATION.has(tokens[i].raw)) i += step;
    return tokens[i] !== undefined && TITLES.has(tokens[i].folded);
  };
  const codes = new Set<string>();
  for (const located of toLocatedItems(tokens, lexicon)) {
    if (located.item.kind !== "department") continue;
    if (isTitleAt(located.from - 1, -1) || isTitleAt(located.to, 1)) codes.add(located.item.code);
  }
  return [...codes];
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

function analysePoint(point: RawPoint, lexicon: Lexicon, context: ParseContext, chair: Set<string>): Analysed {
  const warnings: string[] = [];
  const assignees = findAssignees(point.text, lexicon, warnings);
  if (assignees.departments.some((code) => chair.has(code))) {
    assignees.departments = assignees.departments.filter((code) => !chair.has(code));
    warnings.push(WARNING_CHAIR_DEPARTMENT);
  }
  if (toItems(tokenize(point.text), lexicon).some((item) => item.kind === "divisionRole")) warnings.push(WARNING_DIVISION_ROLE);
  const matchText = collapseSpaces(fold(point.text).replace(/[‐‑–—]/g, "-"));
  const due = findDueDate(matchText, context.meetingDate, warnings);
  const directive: ParsedDirective = {
    text: point.text,
    language: detectLanguage(point.text),
    assignees,
    dueDate: due?.iso ?? null,
    dueInDays: due?.cue === "start" ? null : findDueInDays(matchText),
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
      current.point.isPreamble === true || (next !== undefined && next.point.style !== current.point.style && endsWithColon(current.point.text));
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
  const dueInDays = hasOwnDue ? own.dueInDays : (leadIns.find((l) => l.directive.dueInDays !== null)?.directive.dueInDays ?? null);

  const warnings = [...new Set(hasAssignee(assignees) ? own.warnings : [...own.warnings, WARNING_NO_ASSIGNEE])];
  return { ...own, assignees: { ...assignees, departments: [...assignees.departments] }, dueDate, dueInDays, warnings };
}
