import type { Handler } from '../../src-shared/contract/dispatcher';
import type { AppServices } from '../app/services';

type InsightsCalls = 'insights.rivals' | 'insights.products' | 'insights.apply';

export function insightsHandlers({ insights }: AppServices): { [N in InsightsCalls]: Handler<N> } {
  return {
    'insights.rivals': ({ productId }) => insights.rivals(productId),
    'insights.products': (scope) => insights.products(scope),
    'insights.apply': (input) => insights.apply(input),
  };
}
