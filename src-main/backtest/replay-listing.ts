import type { Offer } from '../../src-shared/domain/offer';
import type { RecordedRow, RivalReaction } from './recorded-period';

/** A rival answering our moves in the replay, as its learnt reaction says. */
interface ModeledRival extends RivalReaction {
  price: number;
  /** The recording shows it leaving other sellers be: it answers our moves only, aimed at our price. */
  watchesUsOnly: boolean;
  ceiling: number;
  /** When it answers next (Infinity: nothing to answer). */
  nextAt: number;
}

/** Time-weighted outcome of one listing over the period: what the backtest compares. */
export interface ListingOutcome {
  listedMs: number;
  firstMs: number;
  /** Σ (our price − the reference floor) × time, while first (₸·ms); null without a floor. */
  marginFirstTengeMs: number | null;
  lowestPrice: number | null;
}

/** An applied change of our price that live did not make: how long Kaspi takes to show it. */
const MATCH_WINDOW_MS = 10 * 60_000;

/**
 * A rival demper's answer to the other offers (the market simulator's dempers use it too): one step
 * under the cheapest, never under its floor nor over its ceiling; back up under the cheapest only
 * when the gap is worth a step.
 */
export function answerPrice(rival: { price: number; floor: number; ceiling: number; step: number }, others: readonly number[]): number {
  if (others.length === 0) return rival.ceiling;
  const best = Math.min(...others);
  const wanted = Math.min(rival.ceiling, best - rival.step);
  if (wanted < rival.floor) return Math.max(rival.floor, rival.price <= best ? rival.price : rival.floor);
  if (wanted > rival.price && wanted - rival.price < rival.step) return rival.price;
  return wanted;
}

/**
 * One (product, city) replayed: the recorded market, with our price as the backtest sets it.
 *
 * While our price is the one live had, the listing is the recording, rival answers included. Once
 * it differs (the backtest's rules moved differently), the rivals that answer our moves answer the
 * backtest's moves instead, as the demper learnt they do (answer time, step, floor), and the
 * recording's own answers of theirs are set aside. One the recording shows sitting calm above
 * cheaper sellers answers us alone. Everyone else keeps moving as recorded. When the
 * listing is again exactly as recorded, the recording takes over again.
 *
 * A push the live period also made shows when the recording first showed it (Kaspi's delay as it
 * was); another shows after the typical delay live saw.
 */
export class ReplayListing {
  private idx: number;
  private ourPrice: number | null;
  private readonly applies: { at: number; price: number }[] = [];
  private readonly modeled = new Map<string, ModeledRival>();
  private diverged = false;
  private readonly ceilings = new Map<string, number>();
  private readonly watchingUsOnly: ReadonlySet<string>;
  /** Times our recorded price changed, and to what: the shows of live's own pushes. */
  private readonly ourChanges: { at: number; price: number; used: boolean }[] = [];
  private time: number;
  private readonly outcome: ListingOutcome;
  private readonly ownIds: Set<string>;

  constructor(
    private readonly rows: readonly RecordedRow[],
    private readonly ourId: string,
    ownMerchantIds: readonly string[],
    private readonly reactions: Readonly<Record<string, RivalReaction>>,
    private readonly fromMs: number,
    /** The floor margins are measured from (live's); null: none. */
    private readonly referenceFloor: number | null,
    private readonly typicalLagMs: number,
    /** Our price as recorded (what live did), instead of as pushed. */
    private readonly asRecorded = false,
  ) {
    this.ownIds = new Set(ownMerchantIds);
    this.idx = -1;
    while (this.idx + 1 < rows.length && rows[this.idx + 1]!.at <= fromMs) this.idx++;
    this.time = fromMs;
    this.ourPrice = this.recordedOur(Math.max(0, this.idx));
    let last: number | null = null;
    for (const row of rows) {
      const price = ourPriceIn(row, ourId);
      if (price !== null && price !== last && row.at > fromMs) this.ourChanges.push({ at: row.at, price, used: false });
      if (price !== null) last = price;
      if (row.at < fromMs) continue;
      for (const o of row.offers) if (reactions[o.merchantId]) this.ceilings.set(o.merchantId, Math.max(this.ceilings.get(o.merchantId) ?? 0, o.price));
    }
    this.watchingUsOnly = new Set(Object.entries(reactions).filter(([id, r]) => ignoresOthersIn(rows, id, ourId, r)).map(([id]) => id));
    this.outcome = { listedMs: 0, firstMs: 0, marginFirstTengeMs: referenceFloor === null ? null : 0, lowestPrice: null };
  }

  private recordedOur(index: number): number | null {
    const row = this.rows[index];
    return row ? ourPriceIn(row, this.ourId) : null;
  }

  /** The offers a buyer sees at `now`. */
  offers(now: number): Offer[] {
    this.advance(now);
    const row = this.rows[this.idx];
    if (!row) return [];
    if (!this.diverged) return row.offers;
    const out = row.offers.map((o) => {
      if (o.merchantId === this.ourId && this.ourPrice !== null && this.ourPrice !== o.price) return { ...o, price: this.ourPrice };
      const m = this.modeled.get(o.merchantId);
      return m && m.price !== o.price ? { ...o, price: m.price } : o;
    });
    // Stable: offers at one price keep the recorded order.
    return out.sort((a, b) => a.price - b.price);
  }

  /**
   * Until when the offers stay as they are: the next recorded change, our price showing, or a
   * rival's answer that moves its price. An answer due that would leave its price as it is changes
   * nothing anyone sees (the prices it answers stay as they are until an earlier event).
   */
  quietUntil(now: number): number {
    this.advance(now);
    let at = this.nextShownRowAt();
    if (this.applies.length > 0) at = Math.min(at, this.applies[0]!.at);
    for (const [id, m] of this.modeled) if (m.nextAt < at && this.answerOf(id, m) !== m.price) at = m.nextAt;
    return at;
  }

  /**
   * When the recording next changes what the replay shows. A recorded look that changed nothing
   * shown is no event: the same prices (a rival's move that its floor stopped), or, once our price
   * is the replay's own, a move of live's price alone. With modeled rivals every recorded look
   * counts, since one may answer it.
   */
  private nextShownRowAt(): number {
    const current = this.rows[this.idx];
    for (let i = this.idx + 1; i < this.rows.length; i++) {
      const row = this.rows[i]!;
      if (!current || this.modeled.size > 0 || !sameShown(current, row, this.diverged ? this.ourId : null)) return row.at;
    }
    return Infinity;
  }

  /** Kaspi took our new price at `now`: it shows when live's identical push showed, or after the typical delay. */
  push(price: number, now: number): void {
    this.advance(now);
    let at = now + this.typicalLagMs;
    for (const change of this.ourChanges) {
      if (change.at < now || change.used) continue;
      if (change.at > now + MATCH_WINDOW_MS) break;
      if (change.price === price) {
        change.used = true;
        at = change.at;
        break;
      }
    }
    this.applies.push({ at, price });
    this.applies.sort((a, b) => a.at - b.at);
  }

  /** The outcome up to `end` (the period's end). */
  finish(end: number): ListingOutcome {
    this.advance(end);
    return { ...this.outcome };
  }

  private nextEventAt(): number {
    let at = this.rows[this.idx + 1]?.at ?? Infinity;
    if (this.applies.length > 0) at = Math.min(at, this.applies[0]!.at);
    for (const m of this.modeled.values()) at = Math.min(at, m.nextAt);
    return at;
  }

  /** Plays every event up to `now`, in time order. */
  private advance(now: number): void {
    for (let at = this.nextEventAt(); at <= now; at = this.nextEventAt()) {
      this.account(at);
      const moved = { ours: false, recording: false };
      while (this.idx + 1 < this.rows.length && this.rows[this.idx + 1]!.at === at) {
        this.idx++;
        moved.recording = true;
        if (this.asRecorded) this.ourPrice = this.recordedOur(this.idx) ?? this.ourPrice;
      }
      while (this.applies.length > 0 && this.applies[0]!.at === at) {
        const { price } = this.applies.shift()!;
        if (price !== this.ourPrice) moved.ours = true;
        this.ourPrice = price;
      }
      for (const [id, m] of this.modeled) {
        if (m.nextAt !== at) continue;
        m.nextAt = Infinity;
        const next = this.answerOf(id, m);
        if (next !== m.price) {
          m.price = next;
          this.moved(at, id);
        }
      }
      this.reconcile(at, moved);
    }
    this.account(now);
  }

  /** After the recording or our price moved: diverge from the recording, follow it again, or let the answering rivals answer. */
  private reconcile(at: number, moved: { ours: boolean; recording: boolean }): void {
    const row = this.rows[this.idx];
    if (!row) return;
    const recordedOur = ourPriceIn(row, this.ourId);
    if (!this.diverged) {
      if (recordedOur === null || this.ourPrice === null || recordedOur === this.ourPrice) {
        if (recordedOur !== null && this.ourPrice === null) this.ourPrice = recordedOur;
        return;
      }
      this.diverged = true;
    }
    const present = new Set<string>();
    for (const o of row.offers) {
      const reaction = this.reactions[o.merchantId];
      if (!reaction || o.merchantId === this.ourId) continue;
      present.add(o.merchantId);
      if (!this.modeled.has(o.merchantId)) this.modeled.set(o.merchantId, { ...reaction, watchesUsOnly: this.watchingUsOnly.has(o.merchantId), price: o.price, ceiling: Math.max(this.ceilings.get(o.merchantId) ?? o.price, o.price), nextAt: at + reaction.answerMs });
    }
    for (const id of this.modeled.keys()) if (!present.has(id)) this.modeled.delete(id);
    if (moved.ours) this.moved(at, this.ourId);
    else if (moved.recording) this.moved(at, null);
    // Exactly as recorded again: the recording goes on from here.
    const same = recordedOur === this.ourPrice && [...this.modeled].every(([id, m]) => row.offers.find((o) => o.merchantId === id)?.price === m.price);
    if (same) {
      this.diverged = false;
      this.modeled.clear();
    }
  }

  /**
   * Someone moved (null: a seller of the recording): the modeled rivals that answer the mover answer
   * after their answer time — all of them our moves, a demper everyone's. A rival the recording
   * shows sitting calm above cheaper sellers does not start a war with them in the replay.
   */
  private moved(at: number, who: string | null): void {
    for (const [id, m] of this.modeled) if (id !== who && (who === this.ourId || !m.watchesUsOnly)) m.nextAt = Math.min(m.nextAt, at + m.answerMs);
  }

  /** A modeled rival's answer now: to everyone else's prices for a demper, to ours alone for a rival that watches us only. */
  private answerOf(merchantId: string, m: ModeledRival): number {
    if (!m.watchesUsOnly) return answerPrice(m, this.pricesExcept(merchantId));
    return this.ourPrice === null ? m.price : answerPrice(m, [this.ourPrice]);
  }

  private pricesExcept(merchantId: string): number[] {
    const row = this.rows[this.idx];
    if (!row) return [];
    const out: number[] = [];
    for (const o of row.offers) {
      if (o.merchantId === merchantId) continue;
      if (o.merchantId === this.ourId) {
        if (this.ourPrice !== null) out.push(this.ourPrice);
      } else out.push(this.modeled.get(o.merchantId)?.price ?? o.price);
    }
    return out;
  }

  /** Adds the time since the last event to the outcome, in the state the listing was in. */
  private account(until: number): void {
    const from = Math.max(this.time, this.fromMs);
    this.time = Math.max(this.time, until);
    const row = this.rows[this.idx];
    if (!row || until <= from || this.ourPrice === null || !row.offers.some((o) => o.merchantId === this.ourId)) return;
    const dt = until - from;
    const o = this.outcome;
    o.listedMs += dt;
    o.lowestPrice = o.lowestPrice === null ? this.ourPrice : Math.min(o.lowestPrice, this.ourPrice);
    let best = Infinity;
    for (const offer of row.offers) {
      if (offer.merchantId === this.ourId || this.ownIds.has(offer.merchantId)) continue;
      best = Math.min(best, this.diverged ? (this.modeled.get(offer.merchantId)?.price ?? offer.price) : offer.price);
    }
    if (this.ourPrice < best) {
      o.firstMs += dt;
      if (o.marginFirstTengeMs !== null && this.referenceFloor !== null) o.marginFirstTengeMs += (this.ourPrice - this.referenceFloor) * dt;
    }
  }
}

/**
 * Whether the recording shows `rivalId` leaving other sellers be: it sat above a cheaper seller
 * other than us, with room to go under it (its floor), for longer than twice its answer time. A
 * demper would have answered; this rival watches us only. (Where the demper took that sitting for
 * the rival's floor, market-memory observeRead, the reaction's floor leaves it no room: a demper at
 * its floor.)
 */
export function ignoresOthersIn(rows: readonly RecordedRow[], rivalId: string, ourId: string, reaction: RivalReaction): boolean {
  const waitMs = 2 * reaction.answerMs + 60_000;
  let since: number | null = null;
  let sincePrice: number | null = null;
  for (const row of rows) {
    const price = priceIn(row, rivalId);
    let cheapest = Infinity;
    for (const o of row.offers) if (o.merchantId !== rivalId && o.merchantId !== ourId) cheapest = Math.min(cheapest, o.price);
    const couldAnswer = price !== null && cheapest < price && Math.max(reaction.floor, cheapest - reaction.step) < price;
    if (!couldAnswer || price !== sincePrice) {
      since = couldAnswer ? row.at : null;
      sincePrice = couldAnswer ? price : null;
      continue;
    }
    if (since !== null && row.at - since >= waitMs) return true;
  }
  return false;
}

/** Two recorded looks show the same offers at the same prices (`except`'s price aside: the replay shows its own). */
function sameShown(a: RecordedRow, b: RecordedRow, except: string | null): boolean {
  if (a.offers.length !== b.offers.length) return false;
  const prices = new Map(a.offers.map((o) => [o.merchantId, o.price]));
  return b.offers.every((o) => prices.has(o.merchantId) && (o.merchantId === except || prices.get(o.merchantId) === o.price));
}

const priceIn = (row: RecordedRow, merchantId: string): number | null => row.offers.find((o) => o.merchantId === merchantId)?.price ?? null;

export const ourPriceIn = (row: RecordedRow, ourId: string): number | null => row.offers.find((o) => o.merchantId === ourId)?.price ?? null;

/** What live's recording shows for the same listing and period: the other side of the comparison. */
export function recordedOutcome(rows: readonly RecordedRow[], ourId: string, ownMerchantIds: readonly string[], fromMs: number, toMs: number, referenceFloor: number | null): ListingOutcome {
  const listing = new ReplayListing(rows, ourId, ownMerchantIds, {}, fromMs, referenceFloor, 0, true);
  return listing.finish(toMs);
}
