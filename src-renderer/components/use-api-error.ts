import { useCallback, useState } from 'react';
import { userMessageOf } from '../../src-shared/i18n';
import type { Message } from '../../src-shared/i18n';
import { useSay } from '../i18n/use-t';

/** An error state that shows api failures in the user's language (and follows a language switch). */
export function useApiError(): [string | null, (error: unknown) => void, () => void] {
  const say = useSay();
  const [error, setError] = useState<Message | null>(null);
  const report = useCallback((err: unknown) => setError(userMessageOf(err)), []);
  const clear = useCallback(() => setError(null), []);
  return [error ? say(error) : null, report, clear];
}
