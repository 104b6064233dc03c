import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';

type DemperCalls = 'demper.status' | 'demper.control' | 'demper.resetKillSwitch' | 'demper.insight' | 'demper.settings.get' | 'demper.settings.update';

export function demperHandlers({ demper }: AppServices): { [N in DemperCalls]: Handler<N> } {
  return {
    'demper.status': () => demper.status(),
    'demper.control': ({ action, storeId }) => demper.control(action, storeId),
    'demper.resetKillSwitch': ({ storeId, only }) => demper.resetKillSwitch(storeId, only),
    'demper.insight': ({ productId }) => demper.insight(productId),
    'demper.settings.get': () => demper.settings(),
    'demper.settings.update': (patch) => demper.updateSettings(patch),
  };
}
