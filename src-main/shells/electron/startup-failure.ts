import { dataPaths } from '../../app/data-paths';
import { storedLanguage } from '../../db/stored-language';
import { FALLBACK_LANGUAGE, errorText, msg, renderMessage } from '../../../src-shared/i18n';

/**
 * The error box shown when the app cannot start: in the seller's language as stored, or in
 * Russian when the settings cannot be read (often the very reason it did not start).
 */
export function startupFailure(error: unknown, dataDir: string): { title: string; text: string } {
  const language = storedLanguage(dataPaths(dataDir).database) ?? FALLBACK_LANGUAGE;
  return { title: renderMessage(msg('startup.failed_title'), language), text: errorText(error, language) };
}
