import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTenge } from '../../../src-shared/pricing/format-tenge';

export interface ChartPoint {
  period: string;
  /** Bars: revenue (tenge) or units. */
  value: number;
  /** The line: share of watched time in first place, 0..1; null when not watched. */
  firstShare: number | null;
}

/** Sales as bars with the first-place share as a line on its own axis: does revenue follow the place? */
export function RevenueChart({ points, labels, money, formatPeriod, testId }: {
  points: readonly ChartPoint[];
  labels: { value: string; firstShare: string };
  money: boolean;
  formatPeriod: (period: string) => string;
  testId?: string;
}) {
  const data = points.map((p) => ({ ...p, share: p.firstShare === null ? null : Math.round(p.firstShare * 100) }));
  return (
    <div className="analytics-chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border, #ddd)" />
          <XAxis dataKey="period" tickFormatter={formatPeriod} minTickGap={24} />
          <YAxis yAxisId="value" width={money ? 100 : 50} tickFormatter={(v: number) => (money ? formatTenge(v) : String(v))} />
          <YAxis yAxisId="share" orientation="right" width={44} domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip labelFormatter={(v) => formatPeriod(String(v))} formatter={(v, name) => (name === labels.firstShare ? `${String(v)}%` : money && typeof v === 'number' ? formatTenge(v) : String(v))} />
          <Legend />
          <Bar yAxisId="value" dataKey="value" name={labels.value} fill="#60a5fa" isAnimationActive={false} />
          <Line yAxisId="share" type="monotone" dataKey="share" name={labels.firstShare} stroke="#16a34a" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
