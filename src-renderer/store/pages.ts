/** The dashboard's pages, in navigation order (also the hash routes). */
export const PAGES = [
  'overview', 'stores', 'products', 'demper', 'proxies', 'orders',
  'analytics', 'insights', 'backtest', 'preorders', 'reviews', 'whatsapp', 'logs', 'settings', 'system',
] as const;
export type Page = (typeof PAGES)[number];
