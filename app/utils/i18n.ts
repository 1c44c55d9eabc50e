import { useRouteLoaderData } from "@remix-run/react";
import { createContext, useContext, useMemo } from "react";
import { makeTranslate, type Locale, type MessageTable, type Translate } from "~/i18n/format";
import type { loader as rootLoader } from "~/root";

/**
 * The strings come with the root loader's data (one language, decision 024), so the browser
 * bundle carries no dictionary. When the root loader itself failed (its error page), the server
 * render falls back to the dictionaries entry.server.tsx provides here.
 */
export const FallbackMessagesContext = createContext<Partial<Record<Locale, MessageTable>>>({});

export function useLocale(): Locale {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.locale ?? "en";
}

export function useMessages(): MessageTable {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  const fallback = useContext(FallbackMessagesContext);
  return data?.messages ?? fallback[data?.locale ?? "en"] ?? {};
}

export function useT(): Translate {
  const messages = useMessages();
  return useMemo(() => makeTranslate(messages), [messages]);
}

/** Pick the text in the viewer's language, falling back to the other one. */
export function pickText(locale: Locale, en: string | null | undefined, hi: string | null | undefined): string {
  const first = locale === "hi" ? hi : en;
  const second = locale === "hi" ? en : hi;
  return first && first.trim() !== "" ? first : (second ?? "");
}
