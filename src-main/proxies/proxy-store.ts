import type { Proxy, ProxyCheck, ProxyInput, ProxyPatch, ProxyStatus } from '../../src-shared/domain/proxy';
import type { ProxyEndpoint } from './endpoint';
import type { LaneStatsRecord } from './lane-stats';
export type { SecretBox } from '../secrets/secret-box';

/** The direct connection is a lane like any proxy; its statistics are stored under this id. */
export const DIRECT_LANE_ID = 0;


/** Where an imported or added proxy goes; fields left out keep their current value. */
export interface ProxyPlacement {
  storeId?: number | null;
  enabled?: boolean;
}

export interface ImportSummary {
  ids: number[];
  created: number;
  updated: number;
}

/**
 * Persistence of the proxy list and of each lane's statistics. `list`/`get` give the UI shape
 * (no passwords); `endpoints` is the main-process shape with decrypted passwords.
 */
export interface ProxyStore {
  list(): Proxy[];
  get(id: number): Proxy | null;
  endpoints(): ProxyEndpoint[];
  /** Adds a proxy, or updates the one with the same protocol, host, port and user. */
  upsert(input: ProxyInput, placement?: ProxyPlacement): { id: number; created: boolean };
  importMany(inputs: readonly ProxyInput[], placement?: ProxyPlacement): ImportSummary;
  update(id: number, patch: ProxyPatch): Proxy | null;
  remove(id: number): boolean;
  setStatus(id: number, status: Exclude<ProxyStatus, 'disabled'>): void;
  saveCheck(id: number, check: ProxyCheck): void;
  loadStats(laneId: number): LaneStatsRecord | null;
  saveStats(laneId: number, stats: LaneStatsRecord): void;
}
