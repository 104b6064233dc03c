/** Why a database file cannot be used. The file itself is never touched when this is thrown. */
export class DatabaseFileError extends Error {
  constructor(
    readonly code: 'not_a_database' | 'corrupt' | 'unreadable' | 'newer_schema' | 'foreign_schema' | 'invalid_data',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseFileError';
  }
}
