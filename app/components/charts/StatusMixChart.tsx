// The status mix of each division's items as stacked bars, each segment a link to the items behind
// it. One small SVG per row inside an HTML list, so names and totals stay readable text on a phone;
// no chart library (decision 014). The legend is HTML and the table beside it has the counts.
import { svgNumber } from "./svg-number";
import { MIX_KEYS, type MixKey } from "~/domain/compliance-types";
import { STATE_COLORS } from "./colors";

export interface MixBar {
  key: string;
  label: string;
  counts: Record<MixKey, number>;
  total: number;
  hrefs: Record<MixKey, string>;
  titles: Record<MixKey, string>;
}

export function StatusMixChart({ bars, label, legend }: { bars: MixBar[]; label: string; legend: Record<MixKey, string> }) {
  return (
    <figure className="chart">
      <ul id="mix-chart" className="hbars hbars--mix" aria-label={label}>
        {bars.map((b) => {
          // Shares, so that large and small divisions can be compared; the table has the counts.
          let x = 0;
          return (
            <li key={b.key} className="hbar">
              <span className="hbar__row">
                <span className="hbar__label">{b.label}</span>
                <svg className="hbar__svg" viewBox="0 0 100 10" preserveAspectRatio="none">
                  {MIX_KEYS.map((k) => {
                    if (b.total === 0 || b.counts[k] === 0) return null;
                    const w = (b.counts[k] / b.total) * 100;
                    const segment = (
                      <a key={k} href={b.hrefs[k]}>
                        <title>{b.titles[k]}</title>
                        <rect x={svgNumber(x)} width={svgNumber(w)} height="10" fill={STATE_COLORS[k]} />
                      </a>
                    );
                    x += w;
                    return segment;
                  })}
                </svg>
              </span>
            </li>
          );
        })}
      </ul>
      <figcaption className="chart-legend">
        {MIX_KEYS.map((k) => (
          <span key={k} className="chart-legend__item">
            <svg className="chart-legend__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
              <rect width="10" height="10" fill={STATE_COLORS[k]} />
            </svg>
            {legend[k]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
