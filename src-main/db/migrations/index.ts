import type { Migration } from './types';
import { initial } from './001-initial';
import { proxies } from './002-proxies';
import { offerState } from './003-offer-state';
import { demperMemory } from './004-demper-memory';
import { loginContext } from './005-login-context';
import { orders } from './006-orders';
import { preorders } from './007-preorders';
import { whatsappReviews } from './008-whatsapp-reviews';
import { insights } from './009-insights';
import { productsTable } from './011-products-table';

/** In order; a version is never reused or edited once released. */
export const MIGRATIONS: readonly Migration[] = [initial, proxies, offerState, demperMemory, loginContext, orders, preorders, whatsappReviews, insights, productsTable];
export type { Migration };
