import { useCallback } from 'react';
import type { Message } from '../../src-shared/i18n';
import { useLanguage } from '../store/ui-store';
import { say, translate } from './translate';
import type { Params } from './translate';
import type { MessageKey } from './catalog';

/** The pages' own texts in the user's language. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}

/** Messages from main (errors, row problems, warnings) in the user's language. */
export function useSay(): (message: Message) => string {
  const language = useLanguage();
  return useCallback((message) => say(language, message), [language]);
}
