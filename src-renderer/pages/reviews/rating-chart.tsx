import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface RatingPoint {
  day: string;
  rating: number | null;
  productRating: number | null;
}

/** The store's running rating by day and, with a product chosen, the product's rating as Kaspi showed it. */
export function RatingChart({ points, labels, formatDay, withProduct }: { points: readonly RatingPoint[]; labels: { store: string; product: string }; formatDay: (day: string) => string; withProduct: boolean }) {
  return (
    <div className="price-chart" data-testid="rv-chart">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={[...points]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border, #ddd)" />
          <XAxis dataKey="day" tickFormatter={formatDay} minTickGap={40} />
          <YAxis width={40} domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
          <Tooltip labelFormatter={(v) => formatDay(String(v))} />
          <Legend />
          <Line type="monotone" dataKey="rating" name={labels.store} stroke="#2563eb" strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          {withProduct && <Line type="stepAfter" dataKey="productRating" name={labels.product} stroke="#f59e0b" dot={false} connectNulls isAnimationActive={false} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
