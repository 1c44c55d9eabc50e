// Stacked horizontal bars: the status mix of each division's items, each segment a link to the
// items behind it. Fixed size, no animation; the legend is HTML (and the table has the counts).
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
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

const WIDTH = 760;
const ROW = 28;

export function StatusMixChart({ bars, label, legend }: { bars: MixBar[]; label: string; legend: Record<MixKey, string> }) {
  // Shares, so that large and small divisions can be compared; the table has the counts.
  const data = bars.map((b) => {
    const row: Record<string, unknown> = { label: b.label, bar: b };
    for (const k of MIX_KEYS) row[k] = b.total > 0 ? (b.counts[k] / b.total) * 100 : 0;
    return row;
  });
  return (
    <figure className="chart" style={{ maxWidth: WIDTH }}>
      <BarChart
        id="mix-chart"
        width={WIDTH}
        height={bars.length * ROW + 40}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
        role="img"
        aria-label={label}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} fontSize={11} />
        <YAxis
          type="category"
          dataKey="label"
          width={150}
          interval={0}
          tick={({ x, y, payload }: { x: number; y: number; payload: { value: string } }) => (
            <text x={x - 4} y={y} dy={4} textAnchor="end" fontSize={12} fill="#1b1f29">
              {payload.value}
            </text>
          )}
        />
        {MIX_KEYS.map((k) => (
          <Bar
            key={k}
            id={`mix-${k}`}
            dataKey={k}
            stackId="mix"
            isAnimationActive={false}
            barSize={18}
            shape={(props: unknown) => {
              const { x, y, width, height, payload } = props as {
                x: number;
                y: number;
                width: number;
                height: number;
                payload: { bar: MixBar };
              };
              if (!width || width <= 0) return <g />;
              return (
                <a href={payload.bar.hrefs[k]}>
                  <title>{payload.bar.titles[k]}</title>
                  <rect x={x} y={y} width={width} height={height} fill={STATE_COLORS[k]} stroke="#fff" strokeWidth={0.5} />
                </a>
              );
            }}
          />
        ))}
      </BarChart>
      <figcaption className="chart-legend">
        {MIX_KEYS.map((k) => (
          <span key={k} className="chart-legend__item">
            <span className="chart-legend__swatch" style={{ background: STATE_COLORS[k] }} aria-hidden="true" />
            {legend[k]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
