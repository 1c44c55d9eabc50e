// Browser-safe half of the dictionaries: the message type and the {placeholder} filling, without
// the strings themselves. The browser gets one language's strings from the root loader (decision
// 024); only the server imports app/i18n/index.ts with both dictionaries.
import type { MessageKey } from "./index";

export type Locale = "en" | "hi";
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
/** One language's strings; a key missing here reads as the key itself. */
export type MessageTable = Partial<Record<MessageKey, string>>;

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "hi";
}

/**
 * Fills `{name}` with a parameter, and `{name|one|other}` with the word for that count: "one" when the
 * number is exactly 1 (English's rule; the Hindi strings word their counts without it). A count may come
 * formatted ("1,234").
 */
export function makeTranslate(messages: MessageTable): Translate {
  return (key, params) => {
    const template = messages[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (match, name: string, one?: string, other?: string) => {
      if (!(name in params)) return match;
      if (one === undefined || other === undefined) return String(params[name]);
      return Number(String(params[name]).replace(/,/g, "")) === 1 ? one : other;
    });
  };
}

/** Whether a string from a schema or the server looks like a dictionary key ("validation.required"). */
export function looksLikeMessageKey(message: string): boolean {
  return /^[a-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/.test(message);
}
