import type { MetaFunction } from "@remix-run/node";
import { isLocale, translator, type MessageKey } from "~/i18n";

/** A page title in the viewer's language (the root loader knows it), e.g. "Users · Anupalan". */
export function titleMeta(key: MessageKey): MetaFunction {
  return ({ matches }) => {
    const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
    const t = translator(isLocale(locale) ? locale : "en");
    return [{ title: `${t(key)} · ${t("app.name")}` }];
  };
}
