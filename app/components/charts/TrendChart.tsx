// Weekly completion rate, one line per series, drawn by hand as SVG on the server (decision 014):
// fixed viewBox scaled by CSS, no animation, no client code. The drawing is one image (role="img"
// with a label); each point carries its value as a tooltip title, the legend links to the items
// behind each line, and the table under the chart has every figure.
import { LINE_COLORS } from "./colors";

export interface TrendLine {
  key: string;
  name: string;
  href: string;
  /** One value per week, aligned with `weeks`; null where nothing applied yet. */
  values: (number | null)[];
  /** Tooltip text per point. */
  titles: string[];
  dashed?: boolean;
}

// Drawn small so that the text stays legible when a phone scales the drawing down.
const WIDTH = 520;
const HEIGHT = 250;
const PAD = { top: 10, right: 14, bottom: 28, left: 42 };
const MAX_POINTS = 60;
const TICKS = [0, 25, 50, 75, 100];

export function TrendChart({
  weeks,
  weekLabels,
  lines,
  label,
}: {
  weeks: string[];
  /** Short labels for the axis, aligned with weeks. */
  weekLabels: string[];
  lines: TrendLine[];
  label: string;
}) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (weeks.length <= 1 ? plotW / 2 : (i / (weeks.length - 1)) * plotW);
  const y = (rate: number) => PAD.top + plotH - rate * plotH;
  const tickEvery = Math.max(1, Math.ceil(weeks.length / 6));
  const showPoints = weeks.length <= MAX_POINTS;
  return (
    <figure className="chart chart--trend">
      <svg id="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label} className="trend">
        {TICKS.map((v) => (
          <g key={v}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(v / 100)}
              y2={y(v / 100)}
              stroke="#d5dae3"
              strokeDasharray={v === 0 ? undefined : "3 3"}
            />
            <text x={PAD.left - 6} y={y(v / 100)} dy="4" textAnchor="end" className="trend__tick">
              {v}%
            </text>
          </g>
        ))}
        {weeks.map((w, i) =>
          i % tickEvery === 0 ? (
            <text key={w} x={x(i)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" className="trend__tick">
              {weekLabels[i]}
            </text>
          ) : null,
        )}
        {lines.map((line, index) => {
          const color = LINE_COLORS[index % LINE_COLORS.length];
          const points = line.values.map((v, i) => (v == null ? null : { i, px: x(i), py: y(v) })).filter((p) => p !== null);
          return (
            <g key={line.key}>
              <polyline
                points={points.map((p) => `${p.px.toFixed(1)},${p.py.toFixed(1)}`).join(" ")}
                fill="none"
                stroke={color}
                strokeWidth="2.5"
                strokeDasharray={line.dashed ? "6 4" : undefined}
              />
              {showPoints
                ? points.map((p) => (
                    <circle key={p.i} cx={p.px.toFixed(1)} cy={p.py.toFixed(1)} r="3.5" fill={color} stroke="#fff" strokeWidth="1">
                      <title>{line.titles[p.i]}</title>
                    </circle>
                  ))
                : null}
            </g>
          );
        })}
      </svg>
      {lines.length > 1 ? (
        <figcaption className="chart-legend">
          {lines.map((line, index) => (
            <a key={line.key} href={line.href} className="chart-legend__item">
              <svg className="chart-legend__swatch chart-legend__swatch--line" viewBox="0 0 20 10" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  x2="20"
                  y1="5"
                  y2="5"
                  stroke={LINE_COLORS[index % LINE_COLORS.length]}
                  strokeWidth="3"
                  strokeDasharray={line.dashed ? "5 3" : undefined}
                />
              </svg>
              {line.name}
            </a>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
