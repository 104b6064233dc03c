import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/create-app';

type InsightsCalls = 'insights.rivals';

export function insightsHandlers({ insights }: AppServices): { [N in InsightsCalls]: Handler<N> } {
  return {
    'insights.rivals': ({ productId }) => insights.rivals(productId),
  };
}
