import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../src-main/app/event-bus';
import type { EventName, EventPayload } from '../../../src-shared/contract';

function busWithLog() {
  const refused: EventName[] = [];
  const heard: Array<{ event: EventName; payload: unknown }> = [];
  const bus = new EventBus({ onInvalidPayload: (event) => refused.push(event) });
  bus.subscribe((event, payload) => heard.push({ event, payload }));
  return { bus, refused, heard };
}

describe('the event bus checks payloads against the contract, as the dispatcher checks call results', () => {
  it('delivers a payload its schema accepts', () => {
    const { bus, refused, heard } = busWithLog();
    bus.emit('products.changed', { productIds: [1, 2] });
    bus.emit('stores.syncProgress', { storeId: 3, done: 10, total: 20, finished: false });
    expect(refused).toEqual([]);
    expect(heard).toEqual([
      { event: 'products.changed', payload: { productIds: [1, 2] } },
      { event: 'stores.syncProgress', payload: { storeId: 3, done: 10, total: 20, finished: false } },
    ]);
  });

  it('drops and reports a payload its schema refuses, so no listener (and no window) gets it', () => {
    const { bus, refused, heard } = busWithLog();
    // A count that is not whole: the types allow a number, the schema wants an integer.
    bus.emit('backup.progress', { done: 1.5, total: 4 });
    bus.emit('products.changed', { productIds: 'all' } as unknown as EventPayload<'products.changed'>);
    expect(refused).toEqual(['backup.progress', 'products.changed']);
    expect(heard).toEqual([]);
  });

  it('strips fields the contract does not name before they cross to the renderer', () => {
    const { bus, heard } = busWithLog();
    bus.emit('stores.changed', { storeId: 1, password: 'secret' } as unknown as EventPayload<'stores.changed'>);
    expect(heard).toEqual([{ event: 'stores.changed', payload: { storeId: 1 } }]);
  });
});
