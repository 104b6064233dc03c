import { useCallback } from 'react';
import { useLanguage } from '../store/ui-store';
import { translate } from './translate';
import type { Params } from './translate';
import type { MessageKey } from './catalog';

export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
