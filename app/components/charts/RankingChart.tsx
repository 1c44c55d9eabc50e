// Horizontal bars: each district's completion rate, coloured by grade, each bar a link to the
// district's page. Fixed size (scaled down by CSS through the viewBox), no animation and hand-drawn
// ticks, so the server's SVG is exactly what the browser keeps: no layout shift, printable.
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
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

const WIDTH = 760;
const ROW = 24;
const LABEL_WIDTH = 170;

export function RankingChart({ bars, label }: { bars: RankingBar[]; label: string }) {
  const height = bars.length * ROW + 40;
  const data = bars.map((b) => ({ ...b, value: (b.rate ?? 0) * 100 }));
  return (
    <figure className="chart" style={{ maxWidth: WIDTH }}>
      <BarChart
        id="ranking-chart"
        width={WIDTH}
        height={height}
        data={data}
        layout="vertical"
        margin={{ top: 4, right: 96, bottom: 4, left: 4 }}
        role="img"
        aria-label={label}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 90, 100]} tickFormatter={(v: number) => `${v}%`} fontSize={11} />
        <YAxis
          type="category"
          dataKey="label"
          width={LABEL_WIDTH}
          interval={0}
          tick={({ x, y, payload }: { x: number; y: number; payload: { value: string } }) => (
            <text x={x - 4} y={y} dy={4} textAnchor="end" fontSize={12} fill="#1b1f29">
              {payload.value.length > 24 ? `${payload.value.slice(0, 23)}…` : payload.value}
            </text>
          )}
        />
        <Bar
          id="ranking-bars"
          dataKey="value"
          isAnimationActive={false}
          barSize={16}
          shape={(props: unknown) => {
            const { x, y, width, height, payload } = props as {
              x: number;
              y: number;
              width: number;
              height: number;
              payload: RankingBar;
            };
            const fill = payload.grade ? GRADE_COLORS[payload.grade] : "#b8bcc6";
            return (
              <a href={payload.href}>
                <title>{payload.title}</title>
                <rect x={x} y={y} width={Math.max(width, 1)} height={height} fill={fill} />
                <text x={x + Math.max(width, 1) + 6} y={y + height / 2} dy={4} fontSize={12} fill="#1b1f29">
                  {payload.valueText}
                </text>
              </a>
            );
          }}
        />
      </BarChart>
    </figure>
  );
}
