// The district ranking as a list of bars: each row a link to the district's page with its name, a
// bar of its completion rate coloured by grade, and the grade and rate in text. Plain HTML with a
// one-rectangle SVG per bar (no chart library, nothing to hydrate that changes): the text stays
// at body size on a phone instead of scaling down with a drawing, and keyboard users meet one link
// per district (decision 014).
import { svgNumber } from "./svg-number";
import type { Grade } from "~/domain/compliance-types";
import { GRADE_COLORS } from "./colors";

export interface RankingBar {
  key: string;
  label: string;
  /** 0..1, or null when nothing applies. */
  rate: number | null;
  grade: Grade | null;
  href: string;
  /** Shown after the bar, e.g. "A · 92.3%". */
  valueText: string;
  title: string;
}

export function RankingChart({
  bars,
  label,
  gapAfter,
  gapText,
}: {
  bars: RankingBar[];
  label: string;
  /** A row saying how many districts are left out goes after this many bars. */
  gapAfter?: number;
  gapText?: string;
}) {
  return (
    <ul id="ranking-chart" className="hbars" aria-label={label}>
      {bars.map((b, i) => (
        <RankingRow key={b.key} bar={b} gap={gapAfter !== undefined && i === gapAfter - 1 ? gapText : undefined} />
      ))}
    </ul>
  );
}

function RankingRow({ bar, gap }: { bar: RankingBar; gap?: string }) {
  const width = Math.max(0, Math.min(100, (bar.rate ?? 0) * 100));
  return (
    <>
      <li className="hbar">
        <a href={bar.href} title={bar.title} className="hbar__row">
          <span className="hbar__label">{bar.label}</span>
          <svg className="hbar__svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width="100" height="10" fill="#eef0f4" />
            <rect width={svgNumber(Math.max(width, 0.5))} height="10" fill={bar.grade ? GRADE_COLORS[bar.grade] : "#b8bcc6"} />
            <line x1="90" x2="90" y1="0" y2="10" stroke="#1b1f29" strokeWidth="0.4" strokeDasharray="1 1" />
          </svg>
          <span className="hbar__value">{bar.valueText}</span>
        </a>
      </li>
      {gap ? <li className="hbar hbar--gap">… {gap} …</li> : null}
    </>
  );
}
