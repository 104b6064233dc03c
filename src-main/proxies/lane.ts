import type { Dispatcher } from 'undici';
import type { ProxySettings, ProxyStatus } from '../../src-shared/domain/proxy';
import { endpointAddress, type ProxyEndpoint } from './endpoint';
import type { LaneFailure } from './errors';
import type { LaneStatsRecord } from './lane-stats';
import { TokenBucket } from './token-bucket';

/**
 * One way out to the internet (a proxy or the direct connection) and its health state machine:
 *
 *   healthy --403--> cooling (15 s, doubling while bans repeat) --time--> healthy
 *   healthy --connection failure / timeout--> cooling (short) ... N in a row --> dead
 *   dead --retry time--> one probe request at a time --success--> healthy, --failure--> dead (longer)
 *
 * Outcomes of requests that were already under way when a failure was recorded belong to that
 * same incident: they neither escalate it (several in-flight 403s are one ban, not a repeat
 * offence) nor end it (an old success says nothing about the proxy now).
 */
export class Lane {
  health: Exclude<ProxyStatus, 'disabled'> = 'healthy';
  availableAt = 0;
  consecutiveFailures = 0;
  consecutiveBans = 0;
  deadRounds = 0;
  /** When the last ban or failure was recorded. */
  incidentAt = -Infinity;
  probing = false;
  lastPickSeq = 0;
  inFlight = 0;
  statsDirty = false;
  /** What the store last heard, so only changes are written. */
  persistedStatus: ProxyStatus | null = null;
  readonly bucket: TokenBucket;

  constructor(
    readonly id: number,
    public endpoint: ProxyEndpoint | null,
    public dispatcher: Dispatcher,
    public stats: LaneStatsRecord,
    settings: ProxySettings,
    now: number,
  ) {
    this.bucket = new TokenBucket(settings.offersPerSecond, settings.burst, now);
    if (endpoint?.status === 'dead') {
      // Found dead before the restart: the first request is a probe, not a trusted send.
      this.health = 'dead';
      this.consecutiveFailures = settings.deadAfterFailures;
      this.availableAt = now;
    }
  }

  get address(): string {
    return this.endpoint ? endpointAddress(this.endpoint) : 'direct';
  }

  get storeId(): number | null {
    return this.endpoint?.storeId ?? null;
  }

  status(now: number): Exclude<ProxyStatus, 'disabled'> {
    return this.health === 'cooling' && now >= this.availableAt ? 'healthy' : this.health;
  }

  /** Whether a request may start now, leaving the per-IP budget aside. */
  open(now: number): boolean {
    if (this.health === 'dead') return now >= this.availableAt && !this.probing;
    return this.status(now) === 'healthy';
  }

  /** When the lane may next start a request; Infinity while a probe decides. */
  openAt(now: number, useBudget: boolean): number {
    if (this.health === 'dead') return this.probing ? Infinity : Math.max(now, this.availableAt);
    if (this.status(now) === 'cooling') return this.availableAt;
    return now + (useBudget ? this.bucket.waitMs(now) : 0);
  }

  onSuccess(now: number, startedAt: number): void {
    if (startedAt < this.incidentAt) return;
    this.consecutiveFailures = 0;
    if (this.health === 'dead') this.health = 'healthy';
    // A request that started before a ban may finish after it; it must not end the cooldown.
    if (this.status(now) === 'healthy') {
      this.consecutiveBans = 0;
      this.deadRounds = 0;
      this.health = 'healthy';
    }
  }

  onFailure(failure: LaneFailure, now: number, startedAt: number, settings: ProxySettings, retryAfterMs: number | null): void {
    const sameIncident = startedAt < this.incidentAt;
    this.incidentAt = now;
    if (failure === 'ban') {
      // The proxy answered, so it is alive; only this IP is unwelcome for a while.
      this.consecutiveFailures = 0;
      this.deadRounds = 0;
      if (!sameIncident || this.consecutiveBans === 0) this.consecutiveBans += 1;
      const cooldown = Math.min(settings.maxBanCooldownMs, settings.banCooldownMs * 2 ** (this.consecutiveBans - 1));
      this.coolUntil(now + Math.max(cooldown, retryAfterMs ?? 0));
      return;
    }
    if (sameIncident) return;
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= settings.deadAfterFailures) {
      this.availableAt = now + settings.deadRetryMs * 2 ** Math.min(this.deadRounds, 3);
      this.deadRounds += 1;
      this.health = 'dead';
    } else {
      this.coolUntil(now + settings.failureCooldownMs);
    }
  }

  private coolUntil(at: number): void {
    this.availableAt = Math.max(this.health === 'cooling' ? this.availableAt : 0, at);
    this.health = 'cooling';
  }
}
