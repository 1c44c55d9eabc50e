// The one place dates and numbers are turned into text. India throughout: Asia/Kolkata,
// Indian digit grouping (1,00,000), dates as "31 Aug 2021" / "31 अगस्त 2021".
import type { Locale } from "~/i18n";

export const TIME_ZONE = "Asia/Kolkata";
const intlLocale = (locale: Locale) => (locale === "hi" ? "hi-IN" : "en-IN");

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (yyyy-mm-dd) is a day in India, not an instant: format it as written. */
function toInstant(value: string | Date): { date: Date; timeZone: string } {
  if (typeof value === "string" && DATE_ONLY.test(value)) {
    return { date: new Date(`${value}T00:00:00Z`), timeZone: "UTC" };
  }
  return { date: typeof value === "string" ? new Date(value) : value, timeZone: TIME_ZONE };
}

export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  const { date, timeZone } = toInstant(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: locale === "hi" ? "long" : "short",
    year: "numeric",
    timeZone,
  }).format(date);
}

/** A month and year ("Sept 2021" / "सितंबर 2021"), for axes that span years. */
export function formatMonthYear(value: string | Date, locale: Locale): string {
  const { date, timeZone } = toInstant(value);
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "short", year: "numeric", timeZone }).format(date);
}

export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (value == null) return "—";
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: locale === "hi" ? "long" : "short",
    year: "numeric",
    // Hindi pages read the 24-hour clock ("14:05"); "am/pm" is English only.
    hour: locale === "hi" ? "2-digit" : "numeric",
    minute: "2-digit",
    hour12: locale !== "hi",
    timeZone: TIME_ZONE,
  }).format(date);
}

/** "1 day ago" / "3 days ago" / "1 दिन पहले": the count chooses the form (Intl.PluralRules). */
export function pluralKey<K extends string>(count: number, locale: Locale, one: K, other: K): K {
  return new Intl.PluralRules(intlLocale(locale)).select(count) === "one" ? one : other;
}

export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(value);
}

/** A share 0..1 as "87.5%"; null (nothing to divide by) as "—". */
export function formatPercent(share: number | null | undefined, locale: Locale, fractionDigits = 1): string {
  if (share == null || Number.isNaN(share)) return "—";
  return `${formatNumber(share * 100, locale, fractionDigits)}%`;
}

/** Today's calendar date in India as yyyy-mm-dd. */
export function todayInIndia(now: Date = new Date()): string {
  return isoDateInIndia(now);
}

export function isoDateInIndia(instant: Date): string {
  // en-CA formats as yyyy-mm-dd.
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** Whole days from calendar date `from` to calendar date `to` (both yyyy-mm-dd). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
