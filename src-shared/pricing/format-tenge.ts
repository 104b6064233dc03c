/** Narrow no-break space between thousands, no-break space before the sign: "12 990 ₸" never wraps. */
const THOUSANDS = '\u202F';
const BEFORE_SIGN = '\u00A0';

/** Whole tenge the Kazakh way: 12990 → "12 990 ₸". */
export function formatTenge(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.round(amount)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS);
  return `${sign}${grouped}${BEFORE_SIGN}₸`;
}
