/**
 * How the outbox paces itself, after WAHA's own advice against bans (waha-and-security.md A7): a
 * random 30–60 s between messages, never at a fixed interval; "typing" for a time that grows with
 * the text before it goes; never around the clock (each trigger's quiet hours) and at most a daily
 * number per store. Tests and the demo shrink the times; the seller sets the cap and quiet hours.
 */
export interface WhatsappPacing {
  /** Random wait between two messages, [min, max] ms. */
  gapMs: readonly [number, number];
  /** Typing shown before a message: per character, capped. */
  typingMsPerChar: number;
  typingMaxMs: number;
  /** How long a call to WAHA may take. */
  requestTimeoutMs: number;
  /** After an unanswered send, how long WAHA gets to finish before the chat is looked up. */
  reconcileAfterMs: number;
  /** Waits after failed attempts that WAHA certainly did not act on; then the message fails. */
  backoffMs: readonly number[];
  /** How often sent messages' statuses and buyers' replies are read when webhooks do not come. */
  pollEveryMs: number;
  /** A message is polled again at most this often, and only while this recent. */
  pollMessageEveryMs: number;
  pollWindowMs: number;
  /** How long a trigger event stays worth a message (an app that was off for a week sends nothing stale). */
  staleAfterMs: number;
  /** The webhook receiver's port on 127.0.0.1 (0: any free one). */
  webhookPort: number;
}

export const DEFAULT_PACING: WhatsappPacing = {
  gapMs: [30_000, 60_000],
  typingMsPerChar: 40,
  typingMaxMs: 6_000,
  requestTimeoutMs: 30_000,
  reconcileAfterMs: 30_000,
  backoffMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000],
  pollEveryMs: 60_000,
  pollMessageEveryMs: 5 * 60_000,
  pollWindowMs: 3 * 86_400_000,
  staleAfterMs: 3 * 86_400_000,
  webhookPort: 4791,
};

/** A uniform random wait in [min, max]. */
export const jitter = ([min, max]: readonly [number, number], random: () => number = Math.random): number => Math.round(min + (max - min) * random());
