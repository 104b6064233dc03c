import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';

export function powerHandlers(app: AppServices): { 'power.status': Handler<'power.status'> } {
  return { 'power.status': () => app.power.status() };
}
