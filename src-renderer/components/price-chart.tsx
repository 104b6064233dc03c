import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatTenge } from '../../src-shared/pricing/format-tenge';

export interface PricePoint {
  /** ms since epoch */
  at: number;
  our: number | null;
  rival: number | null;
  floor: number | null;
  ceiling: number | null;
}

export interface PriceChartProps {
  points: readonly PricePoint[];
  labels: { our: string; rival: string; floor: string; ceiling: string };
  /** Formats a time tick (the page knows the language). */
  formatTime: (ms: number) => string;
  height?: number;
}

/** Prices step, they do not glide: each line holds its value until the next snapshot. */
export function PriceChart({ points, labels, formatTime, height = 240 }: PriceChartProps) {
  return (
    <div className="price-chart" data-testid="price-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border, #ddd)" />
          <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={formatTime} minTickGap={40} />
          <YAxis width={90} tickFormatter={(v: number) => formatTenge(v)} domain={['auto', 'auto']} />
          <Tooltip labelFormatter={(v) => formatTime(Number(v))} formatter={(v) => (typeof v === 'number' ? formatTenge(v) : String(v))} />
          <Legend />
          <Line type="stepAfter" dataKey="our" name={labels.our} stroke="#2563eb" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          <Line type="stepAfter" dataKey="rival" name={labels.rival} stroke="#dc2626" dot={false} connectNulls isAnimationActive={false} />
          <Line type="stepAfter" dataKey="floor" name={labels.floor} stroke="#16a34a" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="ceiling" name={labels.ceiling} stroke="#9333ea" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
