import type { MetaFunction } from "@remix-run/node";
import type { MessageKey } from "~/i18n";
import { makeTranslate, type MessageTable } from "~/i18n/format";

/** A page title in the viewer's language (the root loader sends its strings), e.g. "Users · Anupalan". */
export function titleMeta(key: MessageKey): MetaFunction {
  return ({ matches }) => {
    const messages = (matches.find((m) => m.id === "root")?.data as { messages?: MessageTable } | undefined)?.messages;
    const t = makeTranslate(messages ?? {});
    return [{ title: `${t(key)} · ${t("app.name")}` }];
  };
}
