import { MessageError } from '../../src-shared/i18n/message-error';
import type { Message } from '../../src-shared/i18n/message';

/** Why a database file cannot be used. The file itself is never touched when this is thrown. */
export class DatabaseFileError extends MessageError {
  constructor(
    readonly code: 'not_a_database' | 'corrupt' | 'unreadable' | 'newer_schema' | 'foreign_schema' | 'invalid_data',
    userMessage: Message,
  ) {
    super(userMessage);
    this.name = 'DatabaseFileError';
  }
}
