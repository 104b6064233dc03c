import type { Migration } from './types';
import { PROXY_MIGRATION_SQL } from '../../proxies/sqlite-proxy-store';

/** Proxies and their per-lane statistics (src-main/proxies). Once released, that SQL is frozen: later changes get a new migration. */
export const proxies: Migration = { version: 2, name: 'proxies', up: PROXY_MIGRATION_SQL };
