import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, AppError } from '../../../src-shared/contract';
import { createDispatcher } from '../../../src-shared/contract/dispatcher';
import type { Handlers } from '../../../src-shared/contract/dispatcher';
import { createApiClient } from '../../../src-shared/contract/client';
import { createApp } from '../../../src-main/app/create-app';
import { useTempDir } from '../../support/temp-dir';
import { DEFAULT_SETTINGS } from '../../../src-shared/contract/settings';
import { msg, renderMessage } from '../../../src-shared/i18n';

const tempDir = useTempDir();
const ctx = { shell: 'test' as const };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'system.status': vi.fn(),
    'settings.get': vi.fn(() => DEFAULT_SETTINGS),
    'settings.update': vi.fn(() => DEFAULT_SETTINGS),
    ...overrides,
  } as Handlers;
}

describe('dispatcher', () => {
  it('has exactly one handler for every call of the contract in the real app', async () => {
    const app = await createApp({ dataDir: tempDir(), shell: 'headless', appVersion: 'test' });
    const { createHandlers } = await import('../../../src-main/api');
    expect(Object.keys(createHandlers(app)).sort()).toEqual([...CALL_NAMES].sort());
    await app.close();
  });

  it('rejects input that fails its schema before the handler runs', async () => {
    const update = vi.fn();
    const dispatcher = createDispatcher(handlers({ 'settings.update': update }));
    const result = await dispatcher.dispatch('settings.update', { language: 'de' }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain('language');
      expect(result.error.userMessage).toEqual(msg('error.invalid_input', { issues: [msg('validation.at_path', { path: 'language', problem: msg('validation.invalid_value') })] }));
      expect(renderMessage(result.error.userMessage!, 'ru')).toBe('Неверные данные: language: недопустимое значение');
      expect(renderMessage(result.error.userMessage!, 'kk')).toBe('Деректер қате: language: рұқсат етілмеген мән');
    }
    expect(update).not.toHaveBeenCalled();
  });

  it('refuses a call that is not in the contract', async () => {
    const result = await createDispatcher(handlers()).dispatch('system.format_disk', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call', userMessage: msg('error.unknown_call', { name: 'system.format_disk' }) } });
  });

  it("words a schema's own message by its code, with the limit it names", async () => {
    const dispatcher = createDispatcher(handlers());
    const result = await dispatcher.dispatch('stores.add', { accountId: 1, merchantUids: [] }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) {
      expect(renderMessage(result.error.userMessage!, 'ru')).toBe('Неверные данные: merchantUids: выберите хотя бы один магазин');
      expect(renderMessage(result.error.userMessage!, 'en')).toBe('Invalid data: merchantUids: choose at least one store');
    }
  });

  it('turns a thrown AppError into a typed error result', async () => {
    const dispatcher = createDispatcher(handlers({ 'settings.get': () => { throw new AppError('not_found', msg('stores.not_found')); } }));
    expect(await dispatcher.dispatch('settings.get', {}, ctx)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Магазин не найден. Обновите список магазинов.', userMessage: msg('stores.not_found') },
    });
  });

  it('hides an unexpected crash behind an internal error and reports it', async () => {
    const onInternalError = vi.fn();
    const dispatcher = createDispatcher(handlers({ 'settings.get': () => { throw new TypeError('boom at line 3'); } }), { onInternalError });
    const result = await dispatcher.dispatch('settings.get', {}, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', userMessage: msg('error.internal') } });
    expect(JSON.stringify(result)).not.toContain('boom');
    expect(onInternalError).toHaveBeenCalledWith('settings.get', expect.any(TypeError));
  });

  it('strips fields the contract does not name from outputs, so nothing extra leaks', async () => {
    const leaky = { ...DEFAULT_SETTINGS, kaspiPassword: 'hunter2' };
    const result = await createDispatcher(handlers({ 'settings.get': () => leaky })).dispatch('settings.get', {}, ctx);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });

  it('reaches the client as a thrown AppError with the same code, not a crash', async () => {
    const dispatcher = createDispatcher(handlers());
    const client = createApiClient({
      invoke: (name, input) => dispatcher.dispatch(name, input, ctx),
      subscribe: () => () => undefined,
    });
    await expect(client.call('settings.update', { theme: 'neon' as never })).rejects.toMatchObject({ name: 'AppError', code: 'invalid_input', userMessage: { code: 'error.invalid_input' } });
    await expect(client.call('settings.get', {})).resolves.toEqual(DEFAULT_SETTINGS);
  });
});
