/**
 * The proxy layer's public surface. Composition (app/create-app) builds one SqliteProxyStore and
 * one ProxyPool, runs the health monitor, and hands the pool to the Kaspi transport and the engine.
 */
export { createDispatcher, endpointAddress, playwrightProxyOption, type PlaywrightProxy, type ProxyEndpoint } from './endpoint';
export { banFromResponse, classifyLaneFailure, LaneBannedError, LaneTimeoutError, NoLaneError, UnsupportedProxyError, type LaneFailure } from './errors';
export { checkDirect, checkEndpoint, checkProxies, readExitAddress, startHealthMonitor, type HealthMonitor } from './health';
export { proxyPageView, type ProxyPageView } from './live-view';
export { parseProxyList, proxyKey } from './parse';
export { ProxyPool, type LaneHandle, type LaneSnapshot, type ProxyPoolOptions, type RunOptions } from './pool';
export { DIRECT_LANE_ID, type ImportSummary, type ProxyPlacement, type ProxyStore, type SecretBox } from './proxy-store';
export { isResetDue, lastResetBoundary, nextResetAt } from './reset-schedule';
export { PROXY_MIGRATION_SQL } from './sqlite-proxy-store';
export { DuplicateProxyError, SqliteProxyStore } from '../db/repos/proxies-repo';
