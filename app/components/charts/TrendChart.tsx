// Weekly completion rate, one line per series. Fixed size, no animation; with few points every
// point is a link to the items behind the line (and carries its value as a tooltip title).
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
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

const WIDTH = 760;
const HEIGHT = 280;
const MAX_LINKED_POINTS = 60;

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
  const data = weeks.map((week, i) => {
    const row: Record<string, number | string | null> = { week, label: weekLabels[i] };
    for (const line of lines) row[line.key] = line.values[i] == null ? null : Math.round(line.values[i]! * 1000) / 10;
    return row;
  });
  const linkedPoints = weeks.length <= MAX_LINKED_POINTS;
  const tickEvery = Math.max(1, Math.ceil(weeks.length / 10));
  return (
    <figure className="chart" style={{ maxWidth: WIDTH }}>
      <LineChart id="trend-chart" width={WIDTH} height={HEIGHT} data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} role="img" aria-label={label}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          interval={tickEvery - 1}
          tick={({ x, y, payload }: { x: number; y: number; payload: { value: string } }) => (
            <text x={x} y={y} dy={12} textAnchor="middle" fontSize={11} fill="#4a5263">
              {payload.value}
            </text>
          )}
        />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} fontSize={11} width={44} />
        {lines.map((line, index) => {
          const color = LINE_COLORS[index % LINE_COLORS.length];
          return (
            <Line
              key={line.key}
              id={`trend-${line.key}`}
              dataKey={line.key}
              name={line.name}
              stroke={color}
              strokeWidth={2}
              strokeDasharray={line.dashed ? "6 4" : undefined}
              isAnimationActive={false}
              connectNulls
              dot={
                linkedPoints
                  ? (props: unknown) => {
                      const { cx, cy, index: i, value } = props as { cx: number; cy: number; index: number; value: number | null };
                      if (value == null || cx == null || cy == null) return <g key={`${line.key}-${i}`} />;
                      return (
                        <a key={`${line.key}-${i}`} href={line.href}>
                          <title>{line.titles[i]}</title>
                          <circle cx={cx} cy={cy} r={4} fill={color} stroke="#fff" strokeWidth={1} />
                        </a>
                      );
                    }
                  : false
              }
            />
          );
        })}
      </LineChart>
      {lines.length > 1 ? (
        <figcaption className="chart-legend">
          {lines.map((line, index) => (
            <a key={line.key} href={line.href} className="chart-legend__item">
              <span
                className="chart-legend__swatch chart-legend__swatch--line"
                style={{ borderTopColor: LINE_COLORS[index % LINE_COLORS.length], borderTopStyle: line.dashed ? "dashed" : "solid" }}
                aria-hidden="true"
              />
              {line.name}
            </a>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
