import { backtestMessages } from './backtest';
import { csvMessages } from './csv';
import { desktopMessages } from './desktop';
import { generalMessages } from './general';
import { kaspiMessages } from './kaspi';
import { maintenanceMessages } from './maintenance';
import { proxiesMessages } from './proxies';
import { rulesMessages } from './rules';
import { shellsMessages } from './shells';
import { storesMessages } from './stores';
import { validationMessages } from './validation';
import { whatsappMessages } from './whatsapp';
import { preordersMessages } from './preorders';
import { alertsMessages } from './alerts';
import { ordersMessages } from './orders';
import { powerMessages } from './power';
import { loginBrowserMessages } from './login-browser';
import { updatesMessages } from './updates';
import { nativeMessages } from './native';
import { decisionsMessages } from './decisions';
import { insightsMessages } from './insights';

/**
 * The one message catalogue: every text main produces, by code, in every language. A new area
 * adds its file here; a new message is one entry in its area's file.
 */
export const CATALOGUE_PARTS = [
  generalMessages,
  validationMessages,
  kaspiMessages,
  storesMessages,
  rulesMessages,
  csvMessages,
  proxiesMessages,
  maintenanceMessages,
  shellsMessages,
  whatsappMessages,
  preordersMessages,
  desktopMessages,
  backtestMessages,
  alertsMessages,
  ordersMessages,
  powerMessages,
  loginBrowserMessages,
  updatesMessages,
  nativeMessages,
  decisionsMessages,
  insightsMessages,
] as const;

type Merged<Parts extends readonly object[]> = Parts extends readonly [infer First, ...infer Rest extends readonly object[]] ? First & Merged<Rest> : unknown;

export const CATALOGUE = Object.assign({}, ...CATALOGUE_PARTS) as Merged<typeof CATALOGUE_PARTS>;
export type MessageCode = keyof typeof CATALOGUE & string;
