import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../../src-main/app/event-bus';
import { DEFAULT_SETTINGS } from '../../../../src-shared/contract/settings';
import type { Settings } from '../../../../src-shared/contract/settings';
import { msg } from '../../../../src-shared/i18n';

// Electron cannot run here: its Notification is replaced at the boundary and records what it shows.
const shown: { title: string; body: string }[] = [];
class Notification {
  static isSupported = () => true;
  constructor(private readonly options: { title: string; body: string }) {}
  on() {}
  show() {
    shown.push(this.options);
  }
}
vi.mock('electron', () => ({ Notification }));
const { notifyAlerts } = await import('../../../../src-main/shells/electron/notifications');

const CYRILLIC = /[А-Яа-яЁё]/;

describe("desktop alerts speak the seller's language", () => {
  it('a demper alert (floor, kill switch, Kaspi block) comes out in English and Kazakh', () => {
    shown.length = 0;
    const events = new EventBus();
    let settings: Settings = { ...DEFAULT_SETTINGS, language: 'en' };
    notifyAlerts(events, () => settings, () => undefined);
    events.emit('demper.alert', { at: 0, kind: 'floor_reached', storeId: 1, message: msg('alerts.floor_reached', { productId: 7, floor: 12990 }) });
    expect(shown[0]!.title).toBe('Minimum price');
    expect(shown[0]!.body).toMatch(/^Product #7 reached its minimum price of 12\s990\s₸/);
    events.emit('demper.alert', { at: 0, kind: 'kill_switch', storeId: 1, message: msg('alerts.kill_switch', { suspect: 3, considered: 10 }) });
    expect(shown[1]).toEqual({ title: 'The repricer stopped a store', body: expect.stringMatching(/3 of 10 decisions/) });
    settings = { ...settings, language: 'kk' };
    events.emit('demper.alert', { at: 0, kind: 'account_blocked', storeId: 1, message: msg('kaspi.account-blocked') });
    expect(shown[2]!.title).toBe('Kaspi баға өзгерістерін бұғаттады');
    expect(shown[2]!.body).toMatch(/^Kaspi бұл дүкен/);
    for (const { title, body } of shown.slice(0, 2)) expect(title + body).not.toMatch(CYRILLIC);
  });

  it('an order alert comes out in Kazakh and English, with the sum and no buyer', () => {
    shown.length = 0;
    const events = new EventBus();
    let settings: Settings = { ...DEFAULT_SETTINGS, language: 'kk' };
    notifyAlerts(events, () => settings, () => undefined);
    const order = { at: 0, kind: 'new_order' as const, storeId: 1, storeName: 'Shop', orderId: 2, code: '512', totalPrice: 12990, firstItem: 'Kettle', deadline: null };
    events.emit('orders.alert', order);
    expect(shown[0]!.title).toBe('Жаңа тапсырыс · Shop');
    expect(shown[0]!.body).toMatch(/^512 тапсырысы, сомасы 12\s990\s₸ — Kettle\. Оны Kaspi кабинетінде қабылдаңыз\.$/);
    settings = { ...settings, language: 'en' };
    events.emit('orders.alert', { ...order, kind: 'accept_deadline', firstItem: null, deadline: Date.now() + 20 * 60_000 });
    expect(shown[1]!.title).toBe('Order awaits confirmation · Shop');
    expect(shown[1]!.body).toMatch(/^Order 512 for 12\s990\s₸\. (19|20) min left to confirm it\.$/);
  });
});
