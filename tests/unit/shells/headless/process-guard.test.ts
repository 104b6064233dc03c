import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { guardProcess } from '../../../../src-main/shells/headless/process-guard';
import type { Logger } from '../../../../src-main/logging/logger';

function recordingLogger() {
  const records: Array<{ msg: string; fields?: Record<string, unknown> }> = [];
  const logger = { error: (msg: string, fields?: Record<string, unknown>) => records.push({ msg, fields }) } as unknown as Logger;
  return { logger, records };
}

describe('process guard', () => {
  it('logs an error nobody caught instead of letting it end the process, until removed', () => {
    const target = new EventEmitter();
    const { logger, records } = recordingLogger();
    const remove = guardProcess(logger, target);
    const bug = new TypeError('Invalid URL');
    target.emit('uncaughtException', bug);
    target.emit('unhandledRejection', new Error('late'));
    expect(records).toEqual([
      { msg: 'unexpected error; the app keeps running', fields: { error: bug } },
      { msg: 'unexpected error; the app keeps running', fields: { error: expect.objectContaining({ message: 'late' }) } },
    ]);
    remove();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});
