import { describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../../../src-main/app/event-bus';
import { DEFAULT_SETTINGS } from '../../../../src-shared/contract/settings';
import type { Settings } from '../../../../src-shared/contract/settings';

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

describe('a new low review on the desktop', () => {
  it("rings in the seller's language while the setting is on, and stays quiet when it is off", () => {
    const events = new EventBus();
    let settings: Settings = { ...DEFAULT_SETTINGS, language: 'en' };
    notifyAlerts(events, () => settings, () => undefined);
    const alert = { storeId: 1, storeName: 'Shop', reviewId: 9, productTitle: 'Kettle', rating: 2, author: 'Aigerim', text: 'Box was crushed' };
    events.emit('reviews.alert', alert);
    expect(shown).toEqual([{ title: 'Review 2 ★ — Shop', body: 'Kettle: Box was crushed' }]);
    events.emit('reviews.alert', { ...alert, text: null, rating: 1 });
    expect(shown[1]).toEqual({ title: 'Review 1 ★ — Shop', body: 'Kettle: no text' });
    settings = { ...settings, language: 'ru', notifications: { ...settings.notifications, lowReview: false } };
    events.emit('reviews.alert', alert);
    expect(shown).toHaveLength(2);
  });
});
