import { errorText } from '../../src-shared/i18n';

/**
 * An error as a log line or a developer's record says it: in English, whatever language the
 * seller reads (an error that carries a catalogue message is rendered in English; any other
 * error keeps its own text).
 */
export const logText = (error: unknown): string => errorText(error, 'en');
