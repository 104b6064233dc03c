import type { App } from '../../src-main/app/create-app';

/**
 * A contract call through the app's real dispatcher, as a shell makes it; a failure throws an
 * Error carrying the typed error's code and message. Imports nothing heavy, so child processes
 * that measure the app can use it too.
 */
export async function call<T = never>(app: Pick<App, 'dispatcher'>, name: string, input: unknown = {}): Promise<T> {
  const result = await app.dispatcher.dispatch(name, input, { shell: 'test' });
  if (!result.ok) throw Object.assign(new Error(`${name}: ${result.error.message}`), result.error);
  return result.value as T;
}
