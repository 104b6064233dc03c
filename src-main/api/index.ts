import type { Handlers } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';
import { systemHandlers } from './system-handlers';
import { settingsHandlers } from './settings-handlers';
import { storesHandlers } from './stores-handlers';
import { maintenanceHandlers } from './maintenance-handlers';
import { productsHandlers } from './products-handlers';
import { demperHandlers } from './demper-handlers';
import { proxiesHandlers } from './proxies-handlers';
import { overviewHandlers } from './overview-handlers';
import { updatesHandlers } from './updates-handlers';
import { powerHandlers } from './power-handlers';
import { analyticsHandlers, ordersHandlers } from './orders-handlers';
import { insightsHandlers } from './insights-handlers';
import { backtestHandlers } from './backtest-handlers';
import { reviewsHandlers, whatsappHandlers } from './whatsapp-handlers';
import { preordersHandlers } from './preorders-handlers';

/** Every call of the contract, implemented by one handler module per domain. */
export function createHandlers(services: AppServices): Handlers {
  return {
    ...systemHandlers(services),
    ...settingsHandlers(services),
    ...storesHandlers(services),
    ...maintenanceHandlers(services),
    ...productsHandlers(services),
    ...demperHandlers(services),
    ...proxiesHandlers(services),
    ...overviewHandlers(services),
    ...updatesHandlers(services),
    ...powerHandlers(services),
    ...ordersHandlers(services),
    ...analyticsHandlers(services),
    ...insightsHandlers(services),
    ...backtestHandlers(services),
    ...whatsappHandlers(services),
    ...reviewsHandlers(services),
    ...preordersHandlers(services),
  };
}
