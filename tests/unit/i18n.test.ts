import { describe, expect, it } from "vitest";
import { en, hi, translator } from "~/i18n";

describe("dictionaries", () => {
  it("have exactly the same keys in Hindi and English", () => {
    const enKeys = Object.keys(en).sort();
    const hiKeys = Object.keys(hi).sort();
    expect(hiKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !hiKeys.includes(k))).toEqual([]);
  });

  it("have no empty strings, and the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe("");
      expect(hi[key].trim(), key).not.toBe("");
      expect(placeholders(hi[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("the Hindi dictionary is in Devanagari", () => {
    expect(hi["nav.meetings"]).toMatch(/[\u0900-\u097F]/);
    expect(translator("hi")("common.daysOverdue", { n: 5 })).toBe("5 दिन विलंब");
  });

  it("word English counts for one and many, with no '(s)' left in the dictionary", () => {
    const t = translator("en");
    expect(t("meetings.list.count", { n: 1 })).toBe("1 meeting");
    expect(t("meetings.list.count", { n: 3 })).toBe("3 meetings");
    expect(t("meetings.flash.published", { n: "1,234" })).toBe("Minutes published: 1,234 action items created.");
    expect(t("verify.refusedIntro", { n: 1 })).toBe("1 item was not accepted:");
    expect(Object.entries(en).filter(([, text]) => text.includes("(s)"))).toEqual([]);
  });
});
