// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { App } from '../../../../src-main/app/create-app';
import { createDemperMemoryRepo } from '../../../../src-main/db/repos/demper-memory-repo';
import type { KillSwitchStop } from '../../../../src-main/demper/ports';
import { useTempDir } from '../../../support/temp-dir';
import { ALMATY, T0 } from '../../../integration/rules/seed';

// The api client reads `window.kaspiDemper` once when it loads, so the bridge goes in first.
const bridge = await vi.hoisted(async () => (await import('../products/app-bridge')).installBridge());
const { renderWithQueries, startSeededApp } = await import('../products/app-bridge');
const { DemperPage } = await import('../../../../src-renderer/pages/demper/demper-page');

const tempDir = useTempDir();
let app: App | undefined;
afterEach(async () => { cleanup(); await app?.close(); app = undefined; });

const floor = { floor: { kind: 'fixed', price: 1_000 } };
const botOf = (a: App, id: number) => (a.db.prepare('SELECT bot_enabled FROM products WHERE id = ?').get(id) as { bot_enabled: number }).bot_enabled;

/** A store the kill switch stopped before the last restart: a bad reading of one rival on two products. */
async function stoppedStore() {
  const started = await startSeededApp(bridge, tempDir(), [{
    name: 'Мой магазин', uid: '30000001', products: [
      { sku: 'A1', rules: floor, bot: true, price: 5_000 },
      { sku: 'B2', rules: floor, bot: true, price: 6_000 },
      { sku: 'C3', rules: floor, bot: true, price: 7_000 },
    ],
  }]);
  app = started.app;
  app.db.prepare('UPDATE stores SET bot_enabled = 1').run();
  const [a1, b2] = [started.ids.get('A1')!, started.ids.get('B2')!];
  const move = (productId: number, sku: string, oldPrice: number) => ({ productId, sku, cityId: ALMATY, at: T0, anomalies: ['far_under_history' as const, 'rival_collapse' as const], rivalId: '777', rivalName: 'Магазин X', rivalPrice: 50, oldPrice, newPrice: 1_000 });
  const stop: KillSwitchStop = {
    trip: true, cause: 'one_rival', suspect: 2, considered: 3, share: 2 / 3,
    byAnomaly: { far_under_history: 2, rival_collapse: 2 },
    rivals: [{ merchantId: '777', name: 'Магазин X', moves: 2 }],
    productIds: [a1, b2],
    moves: [move(a1, 'A1', 5_000), move(b2, 'B2', 6_000)],
    at: T0,
  };
  await createDemperMemoryRepo(app.db, () => T0).saveStop(1, stop);
  // Started (the stop is read back from the database), then paused: there is no Kaspi in this test.
  await app.dispatcher.dispatch('demper.control', { action: 'start' }, { shell: 'test' });
  await app.dispatcher.dispatch('demper.control', { action: 'pause' }, { shell: 'test' });
  await renderWithQueries(<DemperPage />);
  return { ...started, a1, b2, c3: started.ids.get('C3')! };
}

describe('the Demper page after a kill-switch stop', () => {
  it('says why the store stopped, which products and which rival, also after a restart', async () => {
    await stoppedStore();
    const stop = await screen.findByTestId('kill-switch-stop');
    expect(within(stop).getByTestId('kill-switch-cause').textContent).toMatch(/Магазин X.*товаров: 2/);
    const moves = within(stop).getByTestId('kill-switch-moves').textContent!;
    expect(moves).toMatch(/A1: «Магазин X» 50\s₸; ваша цена 5\s000\s₸ стала бы 1\s000\s₸/);
    expect(moves).toMatch(/B2/);
    expect(stop.textContent).toMatch(/намного ниже всех цен, что были у товара: 2/);
  });

  it('continues only with the products that did not trip it: theirs stay on, the others’ bot is turned off', async () => {
    const { a1, b2, c3 } = await stoppedStore();
    fireEvent.click(await screen.findByTestId('kill-switch-continue-untripped'));
    await waitFor(() => expect(screen.queryByTestId('kill-switch-stop')).toBeNull());
    expect([botOf(app!, a1), botOf(app!, b2), botOf(app!, c3)]).toEqual([0, 0, 1]);
    expect(bridge.calls.find((c) => c.name === 'demper.resetKillSwitch')?.input).toEqual({ storeId: 1, only: 'untripped' });
    // Lifted for good: the next start does not find it.
    expect(app!.db.prepare('SELECT count(*) AS n FROM demper_store_stops').get()).toEqual({ n: 0 });
  });

  it('“continue” keeps every product', async () => {
    const { a1, b2, c3 } = await stoppedStore();
    fireEvent.click(await screen.findByTestId('kill-switch-continue'));
    await waitFor(() => expect(screen.queryByTestId('kill-switch-stop')).toBeNull());
    expect([botOf(app!, a1), botOf(app!, b2), botOf(app!, c3)]).toEqual([1, 1, 1]);
  });
});
