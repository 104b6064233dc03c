import type { ProductTableRow } from '../../../../src-shared/contract/products';
import { STRATEGIES } from '../../../../src-shared/domain/rules';
import { prng } from '../../../sim/market/prng';
import { msg } from '../../../../src-shared/i18n';

const WORDS = ['Чайник', 'Смартфон', 'Наушники', 'Пылесос', 'Утюг', 'Кофемашина', 'Фен', 'Монитор', 'Клавиатура', 'Блендер'];
const BRANDS = ['Tefal', 'Samsung', 'Xiaomi', 'Philips', 'Bosch', 'Apple', 'LG', 'Redmond'];

/** A seller's catalogue as the table receives it: varied prices, places, rules and gaps. */
export function fixtureRows(count: number, seed = 7): ProductTableRow[] {
  const rng = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const floor = rng.chance(0.85) ? rng.int(20, 800) * 50 : null;
    const ourPrice = rng.chance(0.95) ? (floor ?? 10_000) + rng.int(0, 40) * 25 : null;
    const rivalsCount = rng.chance(0.15) ? 0 : rng.int(1, 25);
    const botEnabled = rng.chance(0.6);
    return {
      id: i + 1,
      storeId: 1,
      storeName: 'Мой магазин',
      title: `${rng.pick(WORDS)} ${rng.pick(BRANDS)} ${rng.int(100, 999)}`,
      sku: `SKU-${String(i + 1).padStart(5, '0')}`,
      masterSku: String(100_000_000 + i),
      cityId: '750000000',
      ourPrice,
      bestRivalPrice: rivalsCount > 0 && ourPrice !== null ? ourPrice + rng.int(-20, 20) * 10 : null,
      bestRivalName: rivalsCount > 0 ? `Магазин ${rng.int(1, 300)}` : null,
      position: ourPrice === null ? null : rivalsCount === 0 ? 1 : rng.int(1, Math.min(rivalsCount + 1, 10)),
      rivalsCount,
      marketAt: ourPrice === null ? null : '2026-11-20T09:00:00.000Z',
      floor,
      ceiling: floor !== null && rng.chance(0.7) ? floor * 2 : null,
      strategy: rng.pick(STRATEGIES),
      botEnabled: botEnabled && (floor !== null || rng.chance(0.02)),
      active: true,
      lastChangeAt: rng.chance(0.5) ? new Date(Date.UTC(2026, 10, 1) + rng.int(0, 25 * 86_400) * 1000).toISOString() : null,
      rulesError: floor === null ? msg('rules.no_floor') : null,
    };
  });
}
