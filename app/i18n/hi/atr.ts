import type { atr as en } from "../en/atr";

export const atr: Record<keyof typeof en, string> = {
  "atr.col.withdrawnOn": "वापस लेने की तिथि",
  "atr.department": "विभाग",
  "atr.withdrawn": "वापस लिया गया",
  "atr.withdrawnDirective": "{date} को वापस लिया गया: {reason}",
  "atr.withdrawnOn": "{date} को वापस लिया गया",
  "atr.withdrawnNote": "वापस लिए गए निर्देश: {directives}; वापस ली गई कार्यवाहियाँ: {items}। ये चिह्नित करके दिखाई गई हैं, पर किसी भी आँकड़े में शामिल नहीं हैं।",
  "atr.directiveHeading": "निर्देश {n}",
  "atr.directives": "निर्देश",
  "atr.noItems": "कोई कार्यवाही नहीं।",
  "atr.extendedFrom": "{date} से बढ़ाई गई",
  "atr.completedOn": "{date} को पूर्ण",
  "atr.col.completedOrOverdue": "पूर्ण होने की तिथि / विलंब",
  "atr.col.rate": "पूर्णता दर",
  "atr.col.overdue": "विलंबित",
  "atr.downloads": "डाउनलोड एवं प्रिंट",
  "atr.backToMeeting": "बैठक पर वापस",
  "atr.overdueExplain": "विलंबित: कार्यवाही की अपनी नियत तिथि (जो बढ़ाई गई हो सकती है) के बाद भी लंबित या प्रगति पर; {date} तक गिना गया।",
};
