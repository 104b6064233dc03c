import { useCallback, useState } from 'react';
import { translateError } from '../i18n/translate';
import { useLanguage } from '../store/ui-store';

/** An error state that shows api failures in the user's language. */
export function useApiError(): [string | null, (error: unknown) => void, () => void] {
  const language = useLanguage();
  const [error, setError] = useState<string | null>(null);
  const report = useCallback(
    (err: unknown) => setError(translateError(language, err as { code?: string; message: string })),
    [language],
  );
  return [error, report, () => setError(null)];
}
