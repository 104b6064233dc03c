import type { WhatsappTrigger } from '../../src-shared/contract/whatsapp';
import { normaliseKzMobile } from '../../src-shared/whatsapp/phone';
import type { WhatsappOutboxRepo, NewOutboxRow } from '../db/repos/whatsapp-outbox-repo';
import type { HistoryStep, StoredTrigger, WhatsappRepo } from '../db/repos/whatsapp-repo';

const ACCEPTED_STATES = new Set(['pickup', 'delivery', 'kaspi_delivery']);
const WAITING_STATES = new Set(['new', 'sign_required']);
/** The cabinet's tab once Kaspi's courier took the parcel; the shop API's courierTransmissionDate maps to it. */
const handedOver = (tab: string | null): boolean => /TRANSMITTED$/.test(tab ?? '');

/**
 * The triggers an order's status change fires. Only changes the app saw happen count: the first
 * row of an order is the state it already had when the app first read it (a year of completed
 * orders read on the first day is history, not news).
 */
export function triggersOfStep(step: Pick<HistoryStep, 'prevId' | 'state' | 'outcome' | 'kaspiTab' | 'prevState' | 'prevOutcome' | 'prevTab'>): WhatsappTrigger[] {
  if (step.prevId === null) return [];
  const fired: WhatsappTrigger[] = [];
  if (ACCEPTED_STATES.has(step.state) && WAITING_STATES.has(step.prevState ?? '')) fired.push('accepted');
  if (handedOver(step.kaspiTab) && !handedOver(step.prevTab)) fired.push('handed_over');
  if (step.outcome === 'completed' && step.prevOutcome !== 'completed') fired.push('delivered');
  if (step.outcome === 'cancelled' && step.prevOutcome !== 'cancelled') fired.push('cancelled');
  return fired;
}

export interface TriggerScanDeps {
  repo: WhatsappRepo;
  outbox: WhatsappOutboxRepo;
  decrypt(sealed: string): string;
  encrypt(plain: string): string;
  phoneKey(digits: string): string;
  staleAfterMs: number;
}

const BATCH = 500;

/**
 * Reads the order status history from where the last scan stopped and queues a message for every
 * trigger an enabled store's order fired, with its idempotency key (`order:<id>:<trigger>`) — in
 * the transaction that moves the cursor, so a crash rescans and the key keeps it to one message.
 * Numbers that cannot get a message are queued as skipped, with the reason, for the seller to see.
 */
export function scanTriggers(deps: TriggerScanDeps, now: number): { queued: number; stores: Set<number> } {
  const stores = new Set<number>();
  let queued = 0;
  deps.repo.atomically(() => {
    const enabled = new Map<string, StoredTrigger>();
    for (const t of deps.repo.enabledTriggers()) enabled.set(`${t.storeId}:${t.trigger}`, t);
    let cursor = deps.repo.connection().triggerCursor;
    for (;;) {
      const steps = deps.repo.historySince(cursor, BATCH);
      for (const step of steps) {
        for (const trigger of triggersOfStep(step)) {
          const settings = enabled.get(`${step.storeId}:${trigger}`);
          if (!settings || step.observedMs < (settings.enabledMs ?? Infinity) || step.observedMs < now - deps.staleAfterMs) continue;
          const row = outboxRow(deps, step, trigger, settings, now);
          if (deps.outbox.enqueue(row, now) !== null) {
            queued++;
            stores.add(step.storeId);
          }
        }
        cursor = step.id;
      }
      if (steps.length < BATCH) break;
    }
    deps.repo.updateConnection({ triggerCursor: cursor }, now);
  });
  return { queued, stores };
}

function outboxRow(deps: TriggerScanDeps, step: HistoryStep, trigger: WhatsappTrigger, settings: StoredTrigger, now: number): NewOutboxRow {
  const base = { idemKey: `order:${step.orderId}:${trigger}`, storeId: step.storeId, orderId: step.orderId, trigger, body: null, dueMs: Math.max(now, step.observedMs + settings.delayMinutes * 60_000) };
  const skipped = (reason: NewOutboxRow['reason']): NewOutboxRow => ({ ...base, phoneKey: null, phoneEnc: null, phoneLast4: null, state: 'skipped', reason });
  // Buyers' phones come only from the shop API; the cabinet masks them.
  if (!step.phoneEnc) return skipped('no_phone');
  let digits: string | null;
  try {
    digits = normaliseKzMobile(deps.decrypt(step.phoneEnc));
  } catch {
    digits = null;
  }
  if (!digits) return skipped('bad_phone');
  const phoneKey = deps.phoneKey(digits);
  const phone = { phoneKey, phoneEnc: deps.encrypt(digits), phoneLast4: digits.slice(-4) };
  const contact = deps.repo.contact(phoneKey);
  if (contact?.optedOutMs) return { ...base, ...phone, state: 'skipped', reason: 'opted_out' };
  if (contact?.onWhatsapp === false) return { ...base, ...phone, state: 'skipped', reason: 'not_on_whatsapp' };
  return { ...base, ...phone, state: 'queued', reason: null };
}
