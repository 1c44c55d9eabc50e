// The pre-review brief's lists: an exception list (overdue, returned, silent, changed places;
// the first few, with how many more the workbook has) and a ranking (best and worst grades).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { BriefPlace } from "~/domain/review-views";
import type { MessageKey } from "~/i18n";
import { formatNumber, formatPercent } from "~/utils/format";
import { pickText, useLocale, useT } from "~/utils/i18n";

export function BriefBlock({
  id,
  title,
  list,
  line,
}: {
  id: string;
  title: MessageKey;
  list: { shown: BriefPlace[]; total: number };
  line: (p: BriefPlace) => ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const name = (p: BriefPlace) => pickText(locale, p.nameEn, p.nameHi);
  return (
    <section className="brief__block" aria-labelledby={`brief-${id}`} data-testid={`brief-${id}`}>
      <h2 id={`brief-${id}`}>
        {t(title)} <span className="muted">({n(list.total)})</span>
      </h2>
      {list.total === 0 ? (
        <p className="muted">{t("review.brief.nothing")}</p>
      ) : (
        <ul className="brief__list">
          {list.shown.map((p) => (
            <li key={`${p.kind}:${p.code}`} data-place={p.code}>
              <span>{p.kind === "district" ? <Link to={`/districts/${p.code}`}>{name(p)}</Link> : name(p)}</span>
              <span className="brief__what">{line(p)}</span>
            </li>
          ))}
        </ul>
      )}
      {list.total > list.shown.length ? <p className="brief__more">{t("review.brief.more", { n: n(list.total - list.shown.length) })}</p> : null}
    </section>
  );
}

export function BriefRanking({ id, title, list, meetingId }: { id: string; title: MessageKey; list: BriefPlace[]; meetingId: number }) {
  const t = useT();
  const locale = useLocale();
  const name = (p: BriefPlace) => pickText(locale, p.nameEn, p.nameHi);
  return (
    <section className="brief__block" aria-labelledby={`brief-${id}`} data-testid={`brief-${id}`}>
      <h2 id={`brief-${id}`}>{t(title)}</h2>
      {list.length === 0 ? (
        <p className="muted">{t("review.brief.nothing")}</p>
      ) : (
        <ol className="brief__list">
          {list.map((p) => (
            <li key={p.code} data-place={p.code}>
              <span>
                <Link to={`/districts/${p.code}`}>{name(p)}</Link>
              </span>
              <span className="brief__what">
                <Link to={`/districts/${p.code}/grade?review=${meetingId}`} aria-label={`${t("review.grade.why")} ${name(p)}`}>
                  <span className={`grade grade--${p.grade ?? "none"}`}>{p.grade ?? t("review.grade.notYetDue")}</span>
                </Link>{" "}
                {formatPercent(p.gradeRate, locale, 0)}
                {p.then?.grade ? <span className="muted"> · {t("review.brief.gradeChange", { then: p.then.grade })}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
