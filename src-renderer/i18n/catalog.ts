import type { Language } from '../../src-shared/contract/settings';
import { coreTexts } from './core-texts';
import { storesTexts } from '../pages/stores/stores-texts';
import { productsTexts } from '../pages/products/products-texts';
import { logsTexts } from '../pages/logs/logs-texts';
import { settingsTexts } from '../pages/settings/settings-texts';
import { demperTexts } from '../pages/demper/demper-texts';
import { overviewTexts } from '../pages/overview/overview-texts';
import { proxiesTexts } from '../pages/proxies/proxies-texts';
import { desktopStatusTexts } from '../components/desktop-status-texts';
import { ordersTexts } from '../pages/orders/orders-texts';
import { analyticsTexts } from '../pages/analytics/analytics-texts';
import { insightsTexts } from '../pages/insights/insights-texts';
import { backtestTexts } from '../pages/backtest/backtest-texts';
import { whatsappTexts } from '../pages/whatsapp/whatsapp-texts';
import { reviewsTexts } from '../pages/reviews/reviews-texts';
import { preordersTexts } from '../pages/preorders/preorders-texts';

/** Every text set of the app. A page adds its own with one line here. */
const TEXT_SETS = [coreTexts, storesTexts, productsTexts, logsTexts, settingsTexts, demperTexts, overviewTexts, proxiesTexts, desktopStatusTexts, ordersTexts, analyticsTexts, insightsTexts, backtestTexts, whatsappTexts, reviewsTexts, preordersTexts] as const;

type Union = (typeof TEXT_SETS)[number]['ru'];
type Keys<U> = U extends unknown ? keyof U : never;
export type MessageKey = Keys<Union> & string;
export type Catalog = Record<MessageKey, string>;

function merge(language: Language): Catalog {
  return Object.assign({}, ...TEXT_SETS.map((set) => set[language])) as Catalog;
}

export const CATALOGS: Record<Language, Catalog> = { ru: merge('ru'), kk: merge('kk'), en: merge('en') };
