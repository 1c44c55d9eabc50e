import type { Locale } from "~/i18n";
import { formatNumber } from "~/utils/format";

/** 2.4 MB, 350 KB — sizes as people read them. */
export function formatFileSize(bytes: number, locale: Locale): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), locale, 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(Math.ceil(bytes / 1024), locale)} KB`;
  return `${formatNumber(bytes, locale)} B`;
}
