/** The value at quantile q (0..1) of the values, the lower one between two; null when there are none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))]!;
}

export const median = (values: readonly number[]): number | null => quantile(values, 0.5);
