import type { ReactNode } from "react";

/** One headline figure: what it counts, its value, and the counts or note behind it. */
export interface FigureItem {
  key: string;
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  /** Names the value for tests and for the brief's comparison (data-figure). */
  figure?: string;
  testId?: string;
  /** Added to "figure__value" (e.g. the grade's colour). */
  valueClassName?: string;
  /** Shown in the warning colour (a count that should be zero). */
  bad?: boolean;
}

/** A row of headline figures: the home page, the dashboard, the division and meeting pages. */
export function FigureList({ items, className, testId }: { items: FigureItem[]; className?: string; testId?: string }) {
  return (
    <ul className={className ? `figures ${className}` : "figures"} data-testid={testId}>
      {items.map((f) => (
        <li key={f.key} className={f.bad ? "figure figure--bad" : "figure"}>
          <span className="figure__label">{f.label}</span>
          <span className={f.valueClassName ? `figure__value ${f.valueClassName}` : "figure__value"} data-figure={f.figure} data-testid={f.testId}>
            {f.value}
          </span>
          {f.hint ? <span className="figure__hint">{f.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}
