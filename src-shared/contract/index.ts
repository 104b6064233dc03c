import type { z } from 'zod';
import { systemCalls } from './system';
import { settingsCalls, settingsEvents } from './settings';
import { storesCalls, storesEvents } from './stores';
import { maintenanceCalls, maintenanceEvents } from './maintenance';
import { productsCalls, productsEvents } from './products';
import { demperCalls, demperEvents } from './demper';
import { proxiesCalls, proxiesEvents } from './proxies';
import { overviewCalls } from './overview';
import { updatesCalls, updatesEvents } from './updates';
import { powerCalls, powerEvents } from './power';
import { ordersCalls, ordersEvents } from './orders';
import { analyticsCalls } from './analytics';
import { insightsCalls } from './insights';
import { backtestCalls, backtestEvents } from './backtest';
import { whatsappCalls, whatsappEvents } from './whatsapp';
import { reviewsCalls, reviewsEvents } from './reviews';
import { preordersCalls, preordersEvents } from './preorders';

/** The one list of what the renderer may call and what main may push. Shells, preload and client derive from it. */
export const calls = {
  ...systemCalls,
  ...settingsCalls,
  ...storesCalls,
  ...maintenanceCalls,
  ...productsCalls,
  ...demperCalls,
  ...proxiesCalls,
  ...overviewCalls,
  ...updatesCalls,
  ...powerCalls,
  ...ordersCalls,
  ...analyticsCalls,
  ...insightsCalls,
  ...backtestCalls,
  ...whatsappCalls,
  ...reviewsCalls,
  ...preordersCalls,
};

export const events = {
  ...settingsEvents,
  ...storesEvents,
  ...maintenanceEvents,
  ...productsEvents,
  ...demperEvents,
  ...proxiesEvents,
  ...updatesEvents,
  ...powerEvents,
  ...ordersEvents,
  ...backtestEvents,
  ...whatsappEvents,
  ...reviewsEvents,
  ...preordersEvents,
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type ParsedCallInput<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<N extends EventName> = z.output<Events[N]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export * from './errors';
