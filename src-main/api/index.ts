import type { Handlers } from '../../src-shared/contract/dispatcher';
import type { AppCore } from '../app/create-app';
import { systemHandlers } from './system-handlers';
import { settingsHandlers } from './settings-handlers';

/** Every call of the contract, implemented by one handler module per domain. */
export function createHandlers(app: AppCore, now: () => Date): Handlers {
  return {
    ...systemHandlers(app, now),
    ...settingsHandlers(app),
  };
}
