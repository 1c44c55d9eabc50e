import type { verifyFilters as en } from "../en/verify-filters";

export const verifyFilters: Record<keyof typeof en, string> = {
  "verify.filter.title": "सूची छाँटें",
  "verify.filter.meeting": "बैठक",
  "verify.filter.series": "बैठक श्रृंखला",
  "verify.filter.department": "विभाग",
  "verify.filter.status": "सूचना",
  "verify.filter.onTime": "समय पर",
  "verify.filter.late": "नियत तिथि के बाद",
  "verify.filter.any": "सभी ({n})",
  "verify.filter.sort": "क्रम",
  "verify.filter.newest": "नवीनतम सूचना पहले",
  "verify.filter.oldest": "सबसे पुरानी सूचना पहले",
  "verify.filter.apply": "दिखाएँ",
  "verify.filter.clear": "छँटाई हटाएँ",
  "verify.filtered.acceptFiltered": "इस छँटाई के सभी {n} स्वीकार करें",
  "verify.filtered.acceptAll": "सूची के सभी {n} स्वीकार करें",
  "verify.filtered.narrow": "एक साथ कई स्वीकार करने के लिए छँटाई से सूची को {n} या कम बिंदुओं तक सीमित करें।",
  "verify.filtered.changed": "आपके देखते समय सूची बदल गई, इसलिए कुछ भी स्वीकार नहीं किया गया। नीचे के बिंदु देखें और फिर स्वीकार करें।",
  "verify.filtered.tooMany": "एक साथ स्वीकार करने के लिए बिंदु बहुत अधिक हैं: पहले छँटाई से सूची सीमित करें।",
};
