/** What Kaspi allows one merchant account, and how far under it we stay. */
export interface ChangeLimits {
  /** Changes per second; Kaspi 429s at about 3. */
  changesPerSecond: number;
  /** Kaspi's published limit: 250 changes per rolling 30 minutes. */
  windowLimit: number;
  windowMs: number;
  /** Stay this many percent under `windowLimit` (requests Kaspi counts that we cannot see: another tool, a late request). */
  safetyPercent: number;
  /**
   * The window's changes are paced evenly over the window, with at most this share of them spent
   * back to back: a burst spent at once would leave the rest of the window with nothing for the
   * losses that come later.
   */
  burstShare: number;
}

/**
 * A request that did not answer may still reach Kaspi a while later (a slow proxy, a retry by the
 * network stack): it counts as landed this much after we gave up on it.
 */
const UNANSWERED_LANDING_MS = 60_000;

/** One change taken from the budget: settled when its request has answered (or given up). */
export interface ChangeTicket {
  readonly takenAt: number;
}

/**
 * One Kaspi merchant account's change budget (design.md §9): every change Kaspi counts takes one
 * here before its request leaves — the demper's price pushes today, pre-order and stock changes
 * later, from any writer.
 *
 * Kaspi counts a change when the request reaches it, which we only know has happened once the
 * answer is back. So a change counts from the moment it is taken, and stays in the rolling window
 * until a window after its answer (not after it was sent): however slow one request and fast the
 * next, Kaspi's own count is never ahead of ours. The same holds for the rate: the next change
 * leaves at least 1/rate after the previous one answered. One change is in flight at a time.
 */
export class ChangeBudget {
  /** When Kaspi had surely seen each change of the window, ascending. */
  private readonly landed: number[] = [];
  private inFlight: ChangeTicket | null = null;
  private lastAnsweredAt = -Infinity;
  /** The pacing bucket: changes that may go back to back now, and when it was last refilled. */
  private paced: number | null = null;
  private pacedAt = 0;
  /** A 429 from Kaspi: nothing until then (the engine persists it). */
  blockedUntil = 0;
  /** After a server error: wait before the next change. */
  backoffUntil = 0;
  backoffMs = 0;

  constructor(private limits: ChangeLimits) {}

  reconfigure(limits: ChangeLimits): void {
    this.limits = limits;
  }

  /** The number of changes a window may hold, with the safety margin taken off. */
  get limit(): number {
    return Math.max(1, Math.floor((this.limits.windowLimit * (100 - this.limits.safetyPercent)) / 100));
  }

  private get burst(): number {
    return Math.max(1, Math.floor(this.limit * this.limits.burstShare));
  }

  /** Refills the pacing bucket at the window's even rate (limit per window). */
  private pace(now: number): number {
    if (this.paced === null) this.paced = this.burst;
    const rate = this.limit / this.limits.windowMs;
    this.paced = Math.min(this.burst, this.paced + Math.max(0, now - this.pacedAt) * rate);
    this.pacedAt = Math.max(this.pacedAt, now);
    return this.paced;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  private prune(now: number): void {
    let drop = 0;
    while (drop < this.landed.length && this.landed[drop]! + this.limits.windowMs <= now) drop++;
    if (drop > 0) this.landed.splice(0, drop);
  }

  /** Changes left in the window now (the one in flight counted as spent). */
  left(now: number): number {
    this.prune(now);
    return Math.max(0, this.limit - this.landed.length - (this.inFlight ? 1 : 0));
  }

  /** When the next change may be taken (now if it may), ignoring a change in flight. */
  readyAt(now: number): number {
    this.prune(now);
    const room = this.limit - (this.inFlight ? 1 : 0);
    const windowFreeAt = this.landed.length < room ? now : this.landed[this.landed.length - room]! + this.limits.windowMs;
    const spacedAt = this.lastAnsweredAt + Math.ceil(1000 / this.limits.changesPerSecond);
    const paced = this.pace(now);
    const pacedAt = paced >= 1 - 1e-9 ? now : now + Math.ceil(((1 - paced) * this.limits.windowMs) / this.limit);
    return Math.max(now, this.blockedUntil, this.backoffUntil, windowFreeAt, spacedAt, pacedAt);
  }

  /** Takes one change, or null when the budget is not there now (or a change is in flight). */
  take(now: number): ChangeTicket | null {
    if (this.inFlight || this.readyAt(now) > now) return null;
    this.paced = Math.max(0, this.pace(now) - 1);
    this.inFlight = { takenAt: now };
    return this.inFlight;
  }

  /**
   * The change's request answered at `at` (whatever the answer: Kaspi saw it), or gave up without
   * an answer (`answered: false`: it may land later still).
   */
  settle(ticket: ChangeTicket, at: number, answered = true): void {
    if (this.inFlight !== ticket) return;
    this.inFlight = null;
    this.lastAnsweredAt = at;
    this.insert(answered ? at : at + UNANSWERED_LANDING_MS);
  }

  /** The change was taken but its request never left (the journal failed first): it does not count. */
  release(ticket: ChangeTicket): void {
    if (this.inFlight !== ticket) return;
    this.inFlight = null;
    this.paced = Math.min(this.burst, this.pace(ticket.takenAt) + 1);
  }

  /** A change Kaspi counted before a restart (from the journal), at the time it answered. */
  restore(at: number): void {
    this.insert(at);
    this.lastAnsweredAt = Math.max(this.lastAnsweredAt, at);
  }

  private insert(at: number): void {
    let i = this.landed.length;
    while (i > 0 && this.landed[i - 1]! > at) i--;
    this.landed.splice(i, 0, at);
  }
}
