import { Link, useSearchParams } from "@remix-run/react";
import { formatNumber } from "~/utils/format";
import { useLocale, useT } from "~/utils/i18n";

/** "Page 2 of 5" between previous/next links that keep every other search parameter (the filters). */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  if (pages <= 1) return null;
  const hrefFor = (n: number) => {
    const params = new URLSearchParams(searchParams);
    if (n === 1) params.delete("page");
    else params.set("page", String(n));
    const query = params.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav className="pager" aria-label={t("common.pagination")}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← {t("common.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("common.page", { page: formatNumber(page, locale), pages: formatNumber(pages, locale) })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t("common.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
