/**
 * The sleep report's words (Russian for now; the tray and notifications speak the catalogue's
 * desktop.ts). Moves to the catalogue with the power room (see eslint.config.js).
 */

/** "6 ч", "45 мин", "1 ч 20 мин": how long the bot was not working. */
export function formatPause(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes} мин`;
  return rest === 0 || hours >= 6 ? `${hours} ч` : `${hours} ч ${rest} мин`;
}

/** Russian plural: 1 товар, 2 товара, 5 товаров, 21 товар, 11 товаров. */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export type PauseCause = 'asleep' | 'offline';

/** «Компьютер спал 6 ч: 412 товаров проверены заново». */
export function wakeReportText(cause: PauseCause, pausedMs: number, products: number, complete: boolean, wasRunning: boolean): string {
  const what = cause === 'asleep' ? `Компьютер спал ${formatPause(pausedMs)}` : `Сети не было ${formatPause(pausedMs)}`;
  if (!wasRunning) return `${what}; демпер был остановлен, ничего не пропущено.`;
  const goods = `${products} ${pluralRu(products, 'товар', 'товара', 'товаров')}`;
  const done = products % 10 === 1 && products % 100 !== 11 ? 'проверен' : 'проверены';
  return complete ? `${what}: ${goods} ${done} заново, цены до паузы не отправлялись.` : `${what}: ${goods} уже ${done} заново, остальные проверяются.`;
}
