import type { Logger } from '../../logging/logger';

/**
 * The last line of defence of a process that reprices around the clock: an error nobody caught
 * (a bug in a request handler, a socket without an error listener) is logged and the process
 * goes on, so the demper keeps its prices instead of the whole app dying on one bad request.
 * Installed by the headless entry point only; a library (tests, the demo) keeps its own policy.
 */
export function guardProcess(log: Logger, target: NodeJS.EventEmitter = process): () => void {
  const onError = (error: unknown) => log.error('unexpected error; the app keeps running', { error });
  target.on('uncaughtException', onError);
  target.on('unhandledRejection', onError);
  return () => {
    target.off('uncaughtException', onError);
    target.off('unhandledRejection', onError);
  };
}
