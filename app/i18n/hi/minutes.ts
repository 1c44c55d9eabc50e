import type { minutes as en } from "../en/minutes";

export const minutes: Record<keyof typeof en, string> = {
  "minutes.leftOut.title": "निर्देशों में शामिल नहीं ({n})",
  "minutes.leftOut.hint": "चिपकाए गए पाठ के ये अंश निर्देश नहीं बने। यदि इनमें कोई निर्देश है, तो उसे स्वयं जोड़ें।",
  "minutes.leftOut.reason.furniture": "पृष्ठ का पाठ",
  "minutes.leftOut.reason.duplicate": "दोहराया गया",
  "minutes.leftOut.reason.attendance": "उपस्थिति",
  "minutes.leftOut.reason.heading": "शीर्षक",
  "minutes.leftOut.reason.narrative": "कोई निर्देश नहीं",
};
