import type { actfilters as en } from "../en/actfilters";

export const actfilters: Record<keyof typeof en, string> = {
  "actfilters.invalid": "कुछ फ़िल्टर उपयोग नहीं हो सके और छोड़ दिए गए:",
  "actfilters.division": "{name} संभाग",
  "actfilters.mixNote": "डैशबोर्ड की तरह, समय-सीमा पार कार्यवाहियाँ लंबित और प्रगति पर से अलग गिनी जाती हैं।",
};
