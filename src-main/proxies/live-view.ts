import type { Proxy, ProxyStats, ProxyStatus } from '../../src-shared/domain/proxy';
import type { LaneSnapshot } from './pool';
import { DIRECT_LANE_ID } from './proxy-store';

/**
 * The proxies page's rows: stored proxies with the balancer's live status and counters laid over
 * the persisted ones (which lag by up to one flush), plus the direct connection when it is a lane.
 */
export interface ProxyPageView {
  proxies: Proxy[];
  direct: { status: Exclude<ProxyStatus, 'disabled'>; availableAt: number | null; stats: ProxyStats } | null;
}

export function proxyPageView(stored: readonly Proxy[], lanes: readonly LaneSnapshot[]): ProxyPageView {
  const live = new Map(lanes.map((lane) => [lane.id, lane]));
  const direct = live.get(DIRECT_LANE_ID);
  return {
    proxies: stored.map((proxy) => {
      const lane = proxy.enabled ? live.get(proxy.id) : undefined;
      return lane ? { ...proxy, status: lane.status, stats: lane.stats } : proxy;
    }),
    direct: direct ? { status: direct.status, availableAt: direct.availableAt, stats: direct.stats } : null,
  };
}
