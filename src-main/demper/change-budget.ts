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
 * Who spends an account's changes: the demper's price pushes, and the pre-order and stock changes
 * (issue #16). Kaspi counts both in the same 250 per 30 minutes (kaspi-api.md §5).
 */
export const CHANGE_WRITERS = ['price', 'stock'] as const;
export type ChangeWriter = (typeof CHANGE_WRITERS)[number];

/** How the account's changes are shared while both writers wait for one. */
export interface ChangeSharing {
  /** Whose changes go first (the seller's choice; pre-order and stock changes by default). */
  first: ChangeWriter;
  /**
   * The share of the window's changes the other writer is guaranteed while both wait: it never
   * starves, and the first writer still gets the rest.
   */
  secondShare: number;
}

export const DEFAULT_SHARING: ChangeSharing = { first: 'stock', secondShare: 0.2 };

/**
 * A request that did not answer may still reach Kaspi a while later (a slow proxy, a retry by the
 * network stack): it counts as landed this much after we gave up on it.
 */
const UNANSWERED_LANDING_MS = 60_000;

/** A writer told to wait for the other's turn looks again this soon. */
export const TURN_WAIT_MS = 500;

/**
 * A writer that asked for a change is taken to be waiting until it could have asked again: this
 * long after the budget would have let it (it sleeps until then), or after it asked.
 */
const DEMAND_GRACE_MS = 2_000;

/** Changes taken from the budget (several for a price-list file): settled when the request has answered (or given up). */
export interface ChangeTicket {
  readonly takenAt: number;
  readonly writer: ChangeWriter;
  readonly count: number;
}

/**
 * One Kaspi merchant account's change budget (design.md §9): every change Kaspi counts takes one
 * here before its request leaves, whichever writer makes it — the demper's price pushes, pre-order
 * and stock changes.
 *
 * Kaspi counts a change when the request reaches it, which we only know has happened once the
 * answer is back. So a change counts from the moment it is taken, and stays in the rolling window
 * until a window after its answer (not after it was sent): however slow one request and fast the
 * next, Kaspi's own count is never ahead of ours. The same holds for the rate: the next change
 * leaves at least 1/rate after the previous one answered. One request is in flight at a time per
 * account, whoever sends it, so two writers' bodies for one offer are built one after the other.
 *
 * While both writers wait, the seller's priority decides whose change goes next, except that the
 * other writer gets its guaranteed share of the window (`ChangeSharing`): neither starves the
 * other, and the total never passes the limit, which is one count for both.
 */
export class ChangeBudget {
  /** When Kaspi had surely seen each change of the window, ascending, and whose it was. */
  private readonly landed: { at: number; writer: ChangeWriter }[] = [];
  private inFlight: ChangeTicket | null = null;
  private lastAnsweredAt = -Infinity;
  /** The pacing bucket: changes that may go back to back now, and when it was last refilled. */
  private paced: number | null = null;
  private pacedAt = 0;
  /** Until when each writer counts as waiting for a change. */
  private readonly wanted = new Map<ChangeWriter, number>();
  private readonly listeners = new Set<() => void>();
  /** A 429 from Kaspi: nothing until then (the writers persist it). */
  blockedUntil = 0;
  /** After a server error: wait before the next change. */
  backoffUntil = 0;
  backoffMs = 0;

  constructor(
    private limits: ChangeLimits,
    private sharing: ChangeSharing = DEFAULT_SHARING,
  ) {}

  reconfigure(limits: ChangeLimits, sharing: ChangeSharing = this.sharing): void {
    this.limits = limits;
    this.sharing = sharing;
    this.changed();
  }

  /** The seller chose whose changes go first. */
  share(sharing: ChangeSharing): void {
    this.sharing = sharing;
    this.changed();
  }

  get priority(): ChangeSharing {
    return this.sharing;
  }

  /** Called when a change settles or is given back: a writer waiting for its turn may look again. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The number of changes a window may hold, with the safety margin taken off. */
  get limit(): number {
    return Math.max(1, Math.floor((this.limits.windowLimit * (100 - this.limits.safetyPercent)) / 100));
  }

  /** The most changes one request may take at once (a price-list file). */
  get burst(): number {
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
    while (drop < this.landed.length && this.landed[drop]!.at + this.limits.windowMs <= now) drop++;
    if (drop > 0) this.landed.splice(0, drop);
  }

  /** Changes left in the window now (the request in flight counted as spent). */
  left(now: number): number {
    this.prune(now);
    return Math.max(0, this.limit - this.landed.length - (this.inFlight?.count ?? 0));
  }

  /**
   * The earliest time more than `share` of the window's changes can be left, however the writers
   * go on (taking changes only uses the room up; a change in flight may be given back): now if
   * already so, else when enough of the window's changes have aged out of it.
   */
  roomFrom(now: number, share: number): number {
    this.prune(now);
    // Room above the share means at most `most` changes in the window.
    const most = Math.ceil(this.limit * (1 - share)) - 1;
    const drop = this.landed.length - most;
    return drop <= 0 ? now : this.landed[drop - 1]!.at + this.limits.windowMs;
  }

  /** Each writer's changes in the window now (the request in flight counted): what the Demper page shows. */
  used(now: number): Record<ChangeWriter, number> {
    this.prune(now);
    const used: Record<ChangeWriter, number> = { price: 0, stock: 0 };
    for (const l of this.landed) used[l.writer]++;
    if (this.inFlight) used[this.inFlight.writer] += this.inFlight.count;
    return used;
  }

  /** When `count` changes may be taken by anyone (now if they may), ignoring a request in flight; Infinity if never. */
  private baseReadyAt(now: number, count: number): number {
    this.prune(now);
    const room = this.limit - (this.inFlight?.count ?? 0) - count;
    if (room < 0 || count > this.burst) return Infinity;
    const windowFreeAt = this.landed.length <= room ? now : this.landed[this.landed.length - room - 1]!.at + this.limits.windowMs;
    const spacedAt = this.lastAnsweredAt + Math.ceil(1000 / this.limits.changesPerSecond);
    const paced = this.pace(now);
    const pacedAt = paced >= count - 1e-9 ? now : now + Math.ceil(((count - paced) * this.limits.windowMs) / this.limit);
    return Math.max(now, this.blockedUntil, this.backoffUntil, windowFreeAt, spacedAt, pacedAt);
  }

  private waiting(writer: ChangeWriter, now: number): boolean {
    return (this.wanted.get(writer) ?? -Infinity) >= now;
  }

  /** Whose change goes next while both wait: the first writer, unless the other is under its guaranteed share. */
  private turn(now: number): ChangeWriter {
    const { first, secondShare } = this.sharing;
    const second: ChangeWriter = first === 'price' ? 'stock' : 'price';
    const used = this.used(now);
    return used[second] < secondShare * (used[first] + used[second] + 1) ? second : first;
  }

  /**
   * The writer has changes waiting: the other writer yields to it when it is its turn. Stays true
   * until the writer could have asked again (it sleeps until the budget is ready).
   */
  want(writer: ChangeWriter, now: number, count = 1): void {
    const ready = this.baseReadyAt(now, count);
    this.wanted.set(writer, Math.max(now, Number.isFinite(ready) ? ready : now) + DEMAND_GRACE_MS);
  }

  /** The writer has nothing waiting any more. */
  unwant(writer: ChangeWriter): void {
    if (this.wanted.delete(writer)) this.changed();
  }

  /** When the writer may take `count` changes (now if it may), ignoring a request in flight; Infinity if never. */
  readyAt(now: number, writer: ChangeWriter = 'price', count = 1): number {
    const ready = this.baseReadyAt(now, count);
    if (ready > now) return ready;
    const other: ChangeWriter = writer === 'price' ? 'stock' : 'price';
    if (this.waiting(other, now) && this.turn(now) === other) return now + TURN_WAIT_MS;
    return now;
  }

  /** How many changes the writer could take at once now (0 when none): the size of the next price-list file. */
  room(now: number, writer: ChangeWriter): number {
    if (this.inFlight || this.readyAt(now, writer) > now) return 0;
    return Math.max(0, Math.min(this.left(now), Math.floor(this.pace(now) + 1e-9), this.burst));
  }

  /** Takes `count` changes for the writer, or null when the budget is not there now (or a request is in flight). */
  take(now: number, writer: ChangeWriter = 'price', count = 1): ChangeTicket | null {
    if (this.inFlight || this.readyAt(now, writer, count) > now) return null;
    this.paced = Math.max(0, this.pace(now) - count);
    this.inFlight = { takenAt: now, writer, count };
    return this.inFlight;
  }

  /**
   * The request answered at `at` (whatever the answer: Kaspi saw it), or gave up without an answer
   * (`answered: false`: it may land later still).
   */
  settle(ticket: ChangeTicket, at: number, answered = true): void {
    if (this.inFlight !== ticket) return;
    this.inFlight = null;
    this.lastAnsweredAt = at;
    for (let i = 0; i < ticket.count; i++) this.insert(answered ? at : at + UNANSWERED_LANDING_MS, ticket.writer);
    this.changed();
  }

  /** The changes were taken but the request never left (the journal failed first): they do not count. */
  release(ticket: ChangeTicket): void {
    if (this.inFlight !== ticket) return;
    this.inFlight = null;
    this.paced = Math.min(this.burst, this.pace(ticket.takenAt) + ticket.count);
    this.changed();
  }

  /** A change Kaspi counted before a restart (from a journal), at the time it answered. */
  restore(at: number, writer: ChangeWriter = 'price', count = 1): void {
    for (let i = 0; i < count; i++) this.insert(at, writer);
    this.lastAnsweredAt = Math.max(this.lastAnsweredAt, at);
  }

  private insert(at: number, writer: ChangeWriter): void {
    let i = this.landed.length;
    while (i > 0 && this.landed[i - 1]!.at > at) i--;
    this.landed.splice(i, 0, { at, writer });
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

/**
 * The change budgets of every merchant account the app works for, one each (Kaspi counts per
 * account): the demper and the pre-order sender take from the same one.
 */
export class ChangeBudgets {
  private readonly byAccount = new Map<string, ChangeBudget>();
  private readonly listeners = new Set<(merchantId: string) => void>();

  constructor(
    private limits: ChangeLimits,
    private sharing: ChangeSharing = DEFAULT_SHARING,
  ) {}

  /** The account's budget (created on first use). */
  for(merchantId: string): ChangeBudget {
    let budget = this.byAccount.get(merchantId);
    if (!budget) {
      budget = new ChangeBudget(this.limits, this.sharing);
      budget.onChange(() => { for (const l of this.listeners) l(merchantId); });
      this.byAccount.set(merchantId, budget);
    }
    return budget;
  }

  reconfigure(limits: ChangeLimits, sharing: ChangeSharing = this.sharing): void {
    this.limits = limits;
    this.sharing = sharing;
    for (const budget of this.byAccount.values()) budget.reconfigure(limits, sharing);
  }

  /** The seller's priority, for every account. */
  share(sharing: ChangeSharing): void {
    this.sharing = sharing;
    for (const budget of this.byAccount.values()) budget.share(sharing);
  }

  get sharingNow(): ChangeSharing {
    return this.sharing;
  }

  /** Any account's budget changed (a change settled, a writer stopped waiting). */
  onChange(listener: (merchantId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
