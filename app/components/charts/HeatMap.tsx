// District × directive as a real table: row and column headers, a text in every cell (a symbol
// for the eye, the full state for screen readers), colour as a third cue. Each cell links to the
// items behind it.
import { CELL_STATES, type CellState } from "~/domain/compliance-types";

export interface HeatCell {
  state: CellState;
  href: string;
  /** Full description, e.g. "Ajmer, directive 2: Overdue, 0 of 2 done". */
  text: string;
}

export interface HeatRow {
  key: string;
  name: string;
  href?: string;
  cells: (HeatCell | null)[];
}

export const STATE_SYMBOLS: Record<CellState, string> = {
  OVERDUE: "!",
  PENDING: "○",
  IN_PROGRESS: "◐",
  COMPLETED: "●",
  VERIFIED: "✓",
  NOT_APPLICABLE: "–",
};

export function HeatMap({
  caption,
  columns,
  rows,
  rowHeader,
  emptyText,
}: {
  caption: string;
  columns: { key: string; label: string; title: string; href: string }[];
  rows: HeatRow[];
  rowHeader: string;
  emptyText: string;
}) {
  return (
    <div className="table-wrap heatmap-wrap">
      <table className="heatmap">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {columns.map((c) => (
              <th scope="col" key={c.key} title={c.title}>
                <a href={c.href}>{c.label}</a>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.href ? <a href={row.href}>{row.name}</a> : row.name}</th>
              {row.cells.map((cell, i) =>
                cell ? (
                  <td key={columns[i].key} className={`hm hm--${cell.state}`}>
                    {/* The title is the link's name (the symbol is for the eye): one copy of the text per cell. */}
                    <a href={cell.href} title={cell.text}>
                      <span aria-hidden="true">{STATE_SYMBOLS[cell.state]}</span>
                    </a>
                  </td>
                ) : (
                  <td key={columns[i].key} className="hm hm--none" title={emptyText}>
                    <span className="visually-hidden">{emptyText}</span>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HeatLegend({ title, labels }: { title: string; labels: Record<CellState, string> }) {
  return (
    <ul className="heatmap-legend" aria-label={title}>
      {CELL_STATES.map((s) => (
        <li key={s} className="heatmap-legend__item">
          <span className={`hm hm--${s} heatmap-legend__swatch`} aria-hidden="true">
            {STATE_SYMBOLS[s]}
          </span>
          {labels[s]}
        </li>
      ))}
    </ul>
  );
}
