// Prose into instructions: sentences, which of them instruct someone, who is speaking, and
// one sentence that instructs several offices ("ऊर्जा विभाग को …, शिक्षा विभाग को … के
// निर्देश दिए") cut into one instruction per office.
import { toLocatedItems, type ItemKind, type Lexicon, type LocatedItem } from "./lexicon";
import { collapseSpaces, tokenize } from "./text";

/** Words after which an English full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "sh",
  "shri",
  "smt",
  "dr",
  "mr",
  "mrs",
  "ms",
  "no",
  "nos",
  "st",
  "govt",
  "dept",
  "vs",
  "viz",
  "etc",
  "i.e",
  "e.g",
  "rs",
  "km",
  "sr",
  "jr",
  "prof",
  "hon'ble",
  "honble",
  "addl",
  "jt",
  "dy",
  "asst",
  "supdt",
  "p",
  "s",
  "a",
]);

/** Cuts a paragraph after "।", "॥", "?", "!" and after an English full stop that ends a sentence. */
export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    const next = paragraph[i + 1];
    let ends = false;
    if (c === "।" || c === "॥" || c === "?" || c === "!") ends = next === undefined || /[\s"'”’)]/.test(next);
    else if (c === "." && (next === undefined || next === " ")) ends = !endsWithAbbreviation(paragraph.slice(start, i));
    if (!ends) continue;
    // A closing quote or bracket right after the stop belongs to the sentence.
    let end = i + 1;
    while (end < paragraph.length && /["'”’)]/.test(paragraph[end])) end++;
    pushSentence(sentences, paragraph.slice(start, end));
    start = end;
    i = end - 1;
  }
  pushSentence(sentences, paragraph.slice(start));
  return sentences;
}

function pushSentence(sentences: string[], text: string): void {
  const sentence = collapseSpaces(text);
  if (sentence !== "" && /[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
}

function endsWithAbbreviation(before: string): boolean {
  const word = /([\p{L}.']+)$/u.exec(before)?.[1]?.toLowerCase();
  if (!word) return /\d$/.test(before) && /(?:^|\s)\d{1,3}$/.test(before);
  return ABBREVIATIONS.has(word) || /^[a-z]$/i.test(word) || /^(?:[a-z]\.)+[a-z]?$/i.test(word);
}

// --- what a sentence is ------------------------------------------------------------------

const CLAUSE_END = "(?=\\s?(?:\\([^)]*\\)\\s?)?(?:[।॥,;:!.]|$)|\\s(?:ताकि|जिससे|तथा|एवं|और|व|तथा|साथ ही|एवम्)\\s)";

/** Hindi: "…के निर्देश दिए", "…सुनिश्चित करें", "…किया जाए", imperative verbs ("करें", "लगवाएं", "भेजें"). */
const HINDI_INSTRUCTION = new RegExp(
  [
    `निर्देश(?:ित)?\\s?(?:दिए|दिये|दिया|देते|किया|किए|करते)`,
    `सुनिश्चित\\s?(?:करें|करे|करने|किया|की|किए|कराएं|करवाएं)`,
    `(?:आदेश|हिदायत)\\s?(?:दिए|दिये|दी)`,
    // An imperative ends its clause; "शिकायतें बढ़ी हैं" has a plural noun, not a verb.
    `(?:जाए|जाएं|जाये|जायें|जाएँ|[\\p{L}\\p{M}]*(?:ें|ाएं|ाएँ|ायें|वाए))${CLAUSE_END}`,
  ].join("|"),
  "u",
);

/** Hindi words that end like an imperative but are not one. */
const HINDI_NOT_IMPERATIVE = /(?:^|\s)(?:में|हैं|थें|उन्हें|इन्हें|जिन्हें|किन्हें|तुम्हें|हमें|मुझें|आपकें|कहें|रहें कि)(?=\s|$|[।,])/gu;

const ENGLISH_INSTRUCTION =
  /\b(?:directed|directs|instructed|instructs|ordered|asked|told|urged|advised)\b[^.]*\bto\b|\bdirected that\b|\b(?:shall|should|must)\b|\b(?:will|would) ensure\b|\bto ensure\b|^ensure\b|\bbe (?:completed|done|ensured|prepared|submitted|set up|put up|held|launched|sent|carried out|made|started|organised|organized|conducted|printed|displayed|run|identified|monitored|blocked|reviewed|updated)\b|^(?:[\p{L}.&,' -]{0,80}?)\bto (?:be )?(?!(?:the|a|an|all|their|his|her|its|every|each|this|that|these|those|him|them|us|date)\b)[a-z]+/iu;

/** Reports of what was said or done: not instructions even if they contain a modal word. */
const NARRATIVE =
  /(?:बताया|अवगत कराया|जानकारी दी|चर्चा की|समीक्षा की|बैठक ली|प्रस्तुतीकरण दिया|स्वागत किया)(?:\s?(?:गया|गई|गए|है|हैं))?\s?[।.]?$|\b(?:informed|briefed|presented|reviewed|welcomed|apprised|gave a presentation|made a presentation)\b[^.]*\.?$/iu;

export function isInstruction(sentence: string): boolean {
  if (NARRATIVE.test(sentence) && !/निर्देश|directed|instructed/i.test(sentence)) return false;
  if (/[\u0900-\u097F]/.test(sentence)) {
    const cleaned = sentence.replace(HINDI_NOT_IMPERATIVE, " ");
    if (HINDI_INSTRUCTION.test(cleaned)) return true;
  }
  return ENGLISH_INSTRUCTION.test(sentence);
}

/** "बैठक में … उपस्थित रहे", "… were present", "… attended the meeting", "वीसी के माध्यम से जुड़े". */
const ATTENDANCE =
  /उपस्थित\s?(?:रहे|थे|हुए|रहीं|थीं)|जुड़े(?:\s(?:रहे|हुए|थे))?\s?[।.]?$|मौजूद\s?(?:रहे|थे)|शामिल\s?(?:हुए|रहे)|भाग\s?लिया|(?:वीसी|वीडियो\s?कॉन्फ्रेंस|वीडियो\s?कांफ्रेंस|ऑनलाइन)\s?(?:के\s)?(?:माध्यम\s?से|द्वारा|से)\s?(?:जुड़े|जुड़े हुए)|\bwere (?:also )?present\b|\bwas (?:also )?present\b|\battended (?:the|by|through|via|online)\b|\bparticipated\b|\bjoined (?:the meeting|through|via|online)\b|^present (?:were|in the meeting)\b|\bamong those present\b|^(?:attendance|present|उपस्थिति|उपस्थित)\s?[:：]/iu;

export function isAttendance(sentence: string): boolean {
  return ATTENDANCE.test(sentence);
}

/** The sentence that says who held the meeting ("… की अध्यक्षता में", "… chaired …"). */
const CHAIR_SENTENCE =
  /अध्यक्षता|बैठक\s?(?:ली|लेते|ले रहे|आयोजित)|समीक्षा\s?(?:की|बैठक|कर रहे|करते)|वीडियो\s?कॉन्फ्रेंस|\bchaired\b|\bpresided\b|\bchairmanship\b|\bchairing\b|\bheld a\b|\breviewed\b|\breview meeting\b|\bvideo conference\b/iu;

/** "…पूरी करें : मुख्य सचिव", "Campaign in October: ACS Home": a headline quoting someone. */
const ATTRIBUTED =
  /[:：\-–—]\s?[^:：\-–—]{0,30}(?:सचिव|मंत्री|मुख्यमंत्री|कलक्टर|कलेक्टर|आयुक्त|secretary|minister|\bcs|\bcm|\bacs|collector|commissioner)[^:：\-–—]{0,30}$/iu;

export function isAttributedHeadline(line: string): boolean {
  return ATTRIBUTED.test(line);
}

export function isChairSentence(sentence: string): boolean {
  return CHAIR_SENTENCE.test(sentence);
}

// --- the speaker ------------------------------------------------------------------------

const HINDI_SPEAKER =
  /^(?:(?:इसके अलावा|इसके साथ ही|साथ ही|बैठक में|इस दौरान|इस अवसर पर|अंत में)\s?,?\s)?(?:उन्होंने|[^\s,।]+(?:\s[^\s,।]+){0,6}\sने)\s(?:(?:यह भी|साथ ही|इस दौरान|बैठक में)\s)?(?:(?:कहा|निर्देश दिए|निर्देशित किया|स्पष्ट किया)\s?कि\s)?/u;
const SPEAKER_WORDS = /उन्होंने|सचिव|मंत्री|मुख्यमंत्री|आयुक्त|श्री|श्रीमती|अध्यक्ष|महानिदेशक/u;

const ENGLISH_SPEAKER =
  /^(?:(?:further|also|finally|in addition|moreover),?\s)?(?:he|she|they|the (?:chief|additional chief|principal|deputy) (?:secretary|minister)|the (?:cs|cm|acs|chair)|(?:shri|smt\.?|mr\.?|ms\.?|dr\.?)\s[\p{L}.]+(?:\s[\p{L}.]+)?|[A-Z][\p{L}]+ [A-Z][\p{L}]+)\s(?:also\s)?(?:said|stated|added|directed|instructed|emphasised|emphasized|stressed)\sthat\s/iu;

/**
 * Drops the reporting frame ("मुख्य सचिव ने कहा कि", "He directed that") so that the
 * instruction itself is what is kept, and the speaker is not read as an assignee.
 */
export function stripSpeaker(sentence: string): string {
  const hindi = HINDI_SPEAKER.exec(sentence);
  if (hindi && hindi[0].length < sentence.length - 10 && SPEAKER_WORDS.test(hindi[0]) && !/ को /.test(hindi[0])) {
    return capitalise(sentence.slice(hindi[0].length));
  }
  const english = ENGLISH_SPEAKER.exec(sentence);
  if (english && english[0].length < sentence.length - 10) return capitalise(sentence.slice(english[0].length));
  return sentence;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- one sentence, several offices -----------------------------------------------------

const ADDRESSEE: ItemKind[] = ["department", "role", "place", "divisionRole"];
const ADDRESSEE_LEAD: ItemKind[] = ["all", "districtWord", "divisionWord"];
const ADDRESSEE_JOIN: ItemKind[] = ["and", "comma", "of", "all", "districtWord"];

/** Where the addressee phrase that ends at item `index` begins ("सभी जिला कलेक्टरों एवं पुलिस अधीक्षकों"). */
function addresseeStart(items: LocatedItem[], index: number): number {
  let start = index;
  let j = index - 1;
  while (j >= 0) {
    const kind = items[j].item.kind;
    if (ADDRESSEE.includes(kind) || ADDRESSEE_LEAD.includes(kind)) {
      start = j--;
      continue;
    }
    if (!ADDRESSEE_JOIN.includes(kind)) break;
    let m = j;
    while (m >= 0 && ADDRESSEE_JOIN.includes(items[m].item.kind)) m--;
    if (m < 0 || !ADDRESSEE.includes(items[m].item.kind)) break;
    start = m;
    j = m - 1;
  }
  return start;
}

function hasOwnTask(piece: string): boolean {
  return /ने$/u.test(piece) || /\bto\s[a-z]+\b/i.test(piece);
}

const HINDI_TAIL = /\s(?:के|का|की)?\s?(?:निर्देश|आदेश)\s?(?:दिए|दिये|दिया)(?:\s(?:हैं|गए))?\s?[।.]?$/u;
const TRAILING_JOIN = /[\s,;]*(?:(?:तथा|एवं|और|व|साथ ही|and|as well as)\s*)?[,;]?\s*$/iu;

/**
 * "मुख्य सचिव ने ऊर्जा विभाग को बिलों पर नंबर छापने, शिक्षा विभाग को शिक्षकों को जागरूक
 * करने के निर्देश दिए" → two instructions. An office counts as addressed when "को" / "to"
 * follows it and the text before the next office ends in a verb of its own ("छापने", "to print").
 */
export function splitByAddressee(sentence: string, lexicon: Lexicon): string[] {
  const tokens = tokenize(sentence);
  const items = toLocatedItems(tokens, lexicon);
  const starts: number[] = [];
  items.forEach((located, index) => {
    if (!ADDRESSEE.includes(located.item.kind)) return;
    // "the Information and Public Relations department to …": the generic word may follow the name.
    const skip = /^(?:department|dept|विभाग|विभागों)$/.test(tokens[located.to]?.folded ?? "") ? 1 : 0;
    const after = tokens[located.to + skip]?.folded;
    if (after !== "को" && after !== "to") return;
    if (ADDRESSEE.includes(items[index + 1]?.item.kind as ItemKind)) return;
    const start = addresseeStart(items, index);
    if (starts[starts.length - 1] !== start) starts.push(start);
  });
  if (starts.length < 2) return [sentence];

  const offsets = starts.map((itemIndex) => tokens[items[itemIndex].from].at);
  // The text before the first office ("He directed", "मुख्य सचिव ने") is a piece of its own only
  // when it carries a task of its own; otherwise it opens the first piece.
  const lead = sentence.slice(0, offsets[0]).replace(TRAILING_JOIN, "").trim();
  const bounds = hasOwnTask(lead) ? [0, ...offsets] : [0, ...offsets.slice(1)];
  if (bounds.length < 2) return [sentence];
  const pieces: string[] = [];
  for (let k = 0; k < bounds.length; k++) {
    const to = k + 1 < bounds.length ? bounds[k + 1] : sentence.length;
    pieces.push(sentence.slice(bounds[k], to).replace(TRAILING_JOIN, "").trim());
  }
  // Each earlier piece must carry its own task: a Hindi verbal noun ("छापने") or "to <verb>".
  if (!pieces.slice(0, -1).every(hasOwnTask)) return [sentence];

  const tail = HINDI_TAIL.exec(pieces[pieces.length - 1])?.[0];
  return pieces.map((piece, k) => {
    if (k === pieces.length - 1) return piece;
    if (tail) return `${piece}${tail.trimEnd().endsWith("।") ? tail : `${tail}।`}`;
    return /[.।]$/.test(piece) ? piece : `${piece}.`;
  });
}
