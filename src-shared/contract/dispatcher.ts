import { calls, isCallName, AppError } from './index';
import { issueMessages } from '../i18n/issues';
import { msg } from '../i18n/message';
import type { CallName, ParsedCallInput, CallOutput, CallResult } from './index';

/** Who is calling: the shells fill this in after they have checked the sender. */
export interface CallContext {
  shell: 'electron' | 'headless' | 'test';
}

/** Handlers receive the input after its schema parsed it (defaults applied). */
export type Handler<N extends CallName> = (
  input: ParsedCallInput<N>,
  ctx: CallContext,
) => Promise<CallOutput<N>> | CallOutput<N>;

/** One handler per call — the type makes a missing or extra handler a compile error. */
export type Handlers = { [N in CallName]: Handler<N> };

export interface Dispatcher {
  dispatch(name: string, input: unknown, ctx: CallContext): Promise<CallResult<unknown>>;
}

export interface DispatcherOptions {
  /** Turns a known domain error (a Kaspi failure, say) into a typed error the user can act on. */
  mapError?: (error: unknown) => AppError | undefined;
  /** Told about failures that are bugs (not the user's bad input), so they reach the log. */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * Validates every input before its handler runs and every output before it leaves (zod objects
 * strip unknown keys, so a field the contract does not name — a secret, say — never crosses).
 * Handler exceptions become typed errors, never a crash of the transport.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatcher {
  return {
    async dispatch(name, input, ctx) {
      if (!isCallName(name)) {
        return fail(new AppError('unknown_call', msg('error.unknown_call', { name: String(name) })));
      }
      const spec = calls[name];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = issueMessages(parsed.error);
        return fail(new AppError('invalid_input', msg('error.invalid_input', { issues }), { issues }));
      }
      try {
        const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
        const value = await handler(parsed.data, ctx);
        const out = spec.output.safeParse(value);
        if (!out.success) {
          options.onInternalError?.(name, out.error);
          return fail(new AppError('invalid_output', msg('error.invalid_output')));
        }
        return { ok: true, value: out.data };
      } catch (error) {
        if (error instanceof AppError) return fail(error);
        const mapped = options.mapError?.(error);
        if (mapped) return fail(mapped);
        options.onInternalError?.(name, error);
        return fail(new AppError('internal', msg('error.internal')));
      }
    },
  };
}

function fail(error: AppError): CallResult<never> {
  return { ok: false, error: error.toShape() };
}
