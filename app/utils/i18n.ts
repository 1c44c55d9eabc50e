import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Locale, type Translate } from "~/i18n";
import type { loader as rootLoader } from "~/root";

export function useLocale(): Locale {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return data?.locale ?? "en";
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/** Pick the text in the viewer's language, falling back to the other one. */
export function pickText(locale: Locale, en: string | null | undefined, hi: string | null | undefined): string {
  const first = locale === "hi" ? hi : en;
  const second = locale === "hi" ? en : hi;
  return first && first.trim() !== "" ? first : (second ?? "");
}
