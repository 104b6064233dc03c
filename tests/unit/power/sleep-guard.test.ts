import { renderMessage } from '../../../src-shared/i18n';
import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../src-main/app/event-bus';
import { createLogger } from '../../../src-main/logging/logger';
import { createSleepGuard } from '../../../src-main/power/sleep-guard';
import type { WakeReport } from '../../../src-shared/contract/power';
import { decision } from '../../../src-shared/domain/decision';

const logger = createLogger({ level: 'error' }).logger;
const HOUR = 3_600_000;

function setup(options: { running?: boolean; rechecking?: number; reportAfterMs?: number } = {}) {
  let clock = 1_000_000;
  const events = new EventBus();
  const calls: string[] = [];
  const demper = {
    pauseForSleep: vi.fn(async () => (calls.push('pause'), options.running ?? true)),
    resumeAfterWake: vi.fn(async () => (calls.push('resume'), options.rechecking ?? 3)),
  };
  const reports: WakeReport[] = [];
  const guard = createSleepGuard({ demper, events, logger, now: () => clock, reportAfterMs: options.reportAfterMs, onReport: (r) => reports.push(r) });
  // A hold the contract accepts: the bus delivers only payloads that pass their schema.
  const hold = decision.parse({
    action: 'hold',
    reason: { code: 'at_target', strategy: 'undercut', previousPrice: 1000, price: 1000, proposedPrice: null, target: null, step: 1, floor: 900, ceiling: null, guards: [], cooldownUntil: null, ignored: { own: 0, excluded: 0, slower: 0 }, warRivals: [] },
  });
  const decide = (productId: number, cityId = '750000000') => events.emit('demper.decision', { at: clock, storeId: 1, productId, cityId, decision: hold });
  return { guard, demper, calls, reports, decide, advance: (ms: number) => (clock += ms) };
}

describe('sleep and network handling', () => {
  it('pauses on sleep and, on wake, restarts with a fresh read and reports how long and what it caught up on', async () => {
    const { guard, calls, reports, decide, advance } = setup({ rechecking: 3 });
    await guard.handle({ type: 'suspend' });
    expect(guard.status()).toMatchObject({ paused: 'asleep', pausedSince: 1_000_000 });
    advance(6 * HOUR);
    await guard.handle({ type: 'resume' });
    expect(calls).toEqual(['pause', 'resume']);
    expect(guard.status().paused).toBeNull();
    decide(11);
    decide(11, '710000000');
    expect(reports).toEqual([]);
    decide(12);
    expect(reports).toEqual([expect.objectContaining({ cause: 'asleep', pausedMs: 6 * HOUR, productsChecked: 2, complete: true, wasRunning: true })]);
    expect(renderMessage(reports[0]!.text, 'ru')).toBe('Компьютер спал 6 ч: 2 товара проверены заново, цены до паузы не отправлялись.');
    expect(guard.status().lastWake).toEqual(reports[0]);
  });

  it('says what was done so far when the catch-up takes long (Kaspi slow, products failing)', async () => {
    vi.useFakeTimers();
    try {
      const { guard, reports, decide, advance } = setup({ rechecking: 400, reportAfterMs: 60_000 });
      await guard.handle({ type: 'suspend' });
      advance(45 * 60_000);
      await guard.handle({ type: 'resume' });
      decide(1);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(reports[0]).toMatchObject({ productsChecked: 1, complete: false });
      expect(renderMessage(reports[0]!.text, 'ru')).toBe('Компьютер спал 45 мин: 1 товар уже проверен заново, остальные проверяются.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for both the wake and the network before restarting', async () => {
    const { guard, calls, reports, advance } = setup({ rechecking: 0 });
    await guard.handle({ type: 'offline' });
    await guard.handle({ type: 'suspend' });
    advance(HOUR);
    await guard.handle({ type: 'resume' });
    expect(calls).toEqual(['pause']);
    expect(guard.status().paused).toBe('offline');
    await guard.handle({ type: 'online' });
    expect(calls).toEqual(['pause', 'resume']);
    expect(renderMessage(reports[0]!.text, 'ru')).toMatch(/^Сети не было 1 ч/);
  });

  it('a bot the seller had stopped stays stopped, and the report says nothing was missed', async () => {
    const { guard, demper, reports } = setup({ running: false });
    await guard.handle({ type: 'suspend' });
    await guard.handle({ type: 'resume' });
    expect(demper.resumeAfterWake).not.toHaveBeenCalled();
    expect(reports[0]).toMatchObject({ wasRunning: false, complete: true });
    expect(renderMessage(reports[0]!.text, 'ru')).toMatch(/демпер был остановлен, ничего не пропущено/);
  });

  it('a second sleep signal or a stray wake does nothing twice', async () => {
    const { guard, calls } = setup();
    await guard.handle({ type: 'resume' });
    await guard.handle({ type: 'suspend' });
    await guard.handle({ type: 'suspend' });
    await guard.handle({ type: 'resume' });
    await guard.handle({ type: 'resume' });
    expect(calls).toEqual(['pause', 'resume']);
  });
});

describe('closing the app during a catch-up', () => {
  it('stops counting without a report (no notification at quit)', async () => {
    const { guard, reports, decide } = setup({ rechecking: 5 });
    await guard.handle({ type: 'suspend' });
    await guard.handle({ type: 'resume' });
    guard.stop();
    decide(1);
    expect(reports).toEqual([]);
    expect(guard.status().lastWake).toBeNull();
  });

  it('a new sleep during a catch-up reports what was read so far first', async () => {
    const { guard, reports, decide } = setup({ rechecking: 5 });
    await guard.handle({ type: 'suspend' });
    await guard.handle({ type: 'resume' });
    decide(1);
    await guard.handle({ type: 'suspend' });
    expect(reports).toEqual([expect.objectContaining({ productsChecked: 1, complete: false })]);
  });
});

describe('the sleep report in every language', () => {
  it('says how long and how many products, in Kazakh and English too', async () => {
    const { wakeReportText } = await import('../../../src-main/app/desktop-texts');
    const report = wakeReportText('asleep', 6 * 3_600_000, 2, true, true);
    expect(renderMessage(report, 'en')).toBe('The computer slept for 6 h: 2 products checked again; no prices from before the pause were sent.');
    expect(renderMessage(report, 'kk')).toBe('Компьютер 6 сағ ұйықтады: 2 тауар қайта тексерілді, үзіліске дейінгі бағалар жіберілмеді.');
    expect(renderMessage(wakeReportText('offline', 80 * 60_000, 1, false, true), 'ru')).toBe('Сети не было 1 ч 20 мин: 1 товар уже проверен заново, остальные проверяются.');
  });
});
