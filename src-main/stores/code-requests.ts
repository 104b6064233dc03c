import { AppError } from '../../src-shared/contract';
import type { EventBus } from '../app/event-bus';
import { msg } from '../../src-shared/i18n/message';

const CODE_WAIT_MS = 5 * 60_000;

/**
 * The code step of a login (an SMS, or an e-mail for an employee's login): main asks the renderer
 * for the code (an event), the seller types it, the renderer answers with a call. A code not given
 * in time, or a cancelled login, rejects.
 */
export class CodeRequests {
  private readonly pending = new Map<string, { resolve(code: string): void; reject(error: Error): void }>();

  constructor(private readonly events: EventBus, private readonly waitMs = CODE_WAIT_MS) {}

  ask(loginId: string, request: { kind: 'sms' | 'email'; sentTo: string | null }): Promise<string> {
    this.pending.get(loginId)?.reject(new AppError('conflict', msg('stores.code_replaced')));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(loginId);
        reject(new AppError('sms_timeout', msg('stores.code_timeout', { kind: request.kind })));
      }, this.waitMs);
      this.pending.set(loginId, {
        resolve: (code) => { clearTimeout(timer); this.pending.delete(loginId); resolve(code); },
        reject: (error) => { clearTimeout(timer); this.pending.delete(loginId); reject(error); },
      });
      this.events.emit('stores.codeRequested', { loginId, kind: request.kind, sentTo: request.sentTo, expiresInSeconds: Math.round(this.waitMs / 1000) });
    });
  }

  answer(loginId: string, code: string): void {
    const waiting = this.pending.get(loginId);
    if (!waiting) throw new AppError('not_found', msg('stores.login_over'));
    waiting.resolve(code);
  }

  cancel(loginId: string): void {
    this.pending.get(loginId)?.reject(new AppError('cancelled', msg('stores.login_cancelled')));
  }
}
