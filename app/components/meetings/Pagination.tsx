import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** Previous/next links that keep every other search parameter (the filters). */
export function Pagination({ page, pages, searchParams }: { page: number; pages: number; searchParams: URLSearchParams }) {
  const t = useT();
  if (pages <= 1) return null;
  const hrefFor = (n: number) => {
    const params = new URLSearchParams(searchParams);
    if (n === 1) params.delete("page");
    else params.set("page", String(n));
    const query = params.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <nav className="pagination" aria-label={t("meetings.list.pagination")}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← {t("common.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span>{t("common.page", { page, pages })}</span>
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
