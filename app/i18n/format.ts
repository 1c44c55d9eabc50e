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

export function makeTranslate(messages: MessageTable): Translate {
  return (key, params) => {
    const template = messages[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

/** Whether a string from a schema or the server looks like a dictionary key ("validation.required"). */
export function looksLikeMessageKey(message: string): boolean {
  return /^[a-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/.test(message);
}
