import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  formatDate,
  formatDateTime,
  formatMonthYear,
  formatNumber,
  formatPercent,
  pluralKey,
  todayInIndia,
} from "~/utils/format";
import { translator } from "~/i18n";

describe("Indian formatting", () => {
  it("shows a calendar date as the same day in both languages", () => {
    expect(formatDate("2021-08-31", "en")).toBe("31 Aug 2021");
    expect(formatDate("2021-08-31", "hi")).toBe("31 अगस्त 2021");
  });

  it("shows an instant in India's time zone", () => {
    // 20:00 UTC on 31 Aug is 01:30 on 1 Sep in India.
    expect(formatDate(new Date("2021-08-31T20:00:00Z"), "en")).toBe(formatDate("2021-09-01", "en"));
    expect(formatDateTime(new Date("2021-08-31T20:00:00Z"), "en")).toMatch(/1:30/);
  });

  it("writes Hindi times on the 24-hour clock, without am/pm", () => {
    // 08:35 UTC is 14:05 in India.
    const hindi = formatDateTime(new Date("2021-08-31T08:35:00Z"), "hi");
    expect(hindi).toContain("14:05");
    expect(hindi).not.toMatch(/am|pm|AM|PM|पूर्वाह्न|अपराह्न/);
    expect(formatDateTime(new Date("2021-08-31T08:35:00Z"), "en")).toMatch(/2:05\s?pm/i);
  });

  it("says '1 day ago' and '3 days ago' in English, and the right form in Hindi", () => {
    for (const locale of ["en", "hi"] as const) {
      const t = translator(locale);
      const ago = (n: number) => t(pluralKey(n, locale, "dash.ranking.dayAgo", "dash.ranking.daysAgo"), { n });
      if (locale === "en") {
        expect(ago(1)).toBe("1 day ago");
        expect(ago(3)).toBe("3 days ago");
      } else {
        expect(ago(1)).toBe("1 दिन पहले");
        expect(ago(3)).toBe("3 दिन पहले");
      }
    }
  });

  it("names month and year for an axis that spans years", () => {
    expect(formatMonthYear("2021-09-05", "en")).toMatch(/^Sept? 2021$/);
    expect(formatMonthYear("2021-09-05", "hi")).toBe("सित॰ 2021");
  });

  it("groups numbers the Indian way", () => {
    expect(formatNumber(100000, "en")).toBe("1,00,000");
    expect(formatNumber(12345678, "hi")).toBe("1,23,45,678");
    expect(formatPercent(0.875, "en")).toBe("87.5%");
    expect(formatPercent(null, "en")).toBe("—");
  });

  it("takes today from India, not from UTC", () => {
    expect(todayInIndia(new Date("2024-03-31T19:00:00Z"))).toBe("2024-04-01");
    expect(todayInIndia(new Date("2024-03-31T18:00:00Z"))).toBe("2024-03-31");
  });

  it("counts days between calendar dates", () => {
    expect(daysBetween("2021-08-31", "2021-10-01")).toBe(31);
    expect(addDays("2021-08-31", 30)).toBe("2021-09-30");
  });
});
