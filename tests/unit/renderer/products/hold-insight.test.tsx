// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { App } from '../../../../src-main/app/create-app';
import { createDemperMemoryRepo } from '../../../../src-main/db/repos/demper-memory-repo';
import { emptyMemory } from '../../../../src-shared/pricing';
import { ALMATY, offer, recordMarket, T0 } from '../../../integration/rules/seed';
import { useTempDir } from '../../../support/temp-dir';
import { giveScrollerAViewport } from './app-bridge';

const bridge = await vi.hoisted(async () => (await import('./app-bridge')).installBridge());
const { renderWithQueries, startSeededApp } = await import('./app-bridge');
const { ProductsPage } = await import('../../../../src-renderer/pages/products/products-page');

const tempDir = useTempDir();
let app: App | undefined;
beforeAll(() => giveScrollerAViewport(600));
afterEach(async () => { cleanup(); await app?.close(); app = undefined; });

const SHOP = '30000001';

describe('the product drawer shows what the demper has learnt', () => {
  it('how long first place holds after a change, the approach it takes and each rival’s floor and speed', async () => {
    const started = await startSeededApp(bridge, tempDir(), [{ name: 'Мой магазин', uid: SHOP, products: [{ sku: 'A1', title: 'Чайник', rules: { floor: { kind: 'fixed', price: 1_000 } }, bot: true, price: 5_000 }] }]);
    app = started.app;
    app.db.prepare('UPDATE stores SET bot_enabled = 1').run();
    const a1 = started.ids.get('A1')!;
    recordMarket(app.db, a1, [offer(SHOP, 'Мой магазин', 5_000), offer('777', 'Магазин X', 3_000), offer('888', 'Магазин Y', 3_500)], [SHOP], T0);
    // Learnt before the restart: X answers in 20 s and stopped following at 2 500 ₸; one lost spell of 80 min.
    const memory = { ...emptyMemory(), firstMs: 80 * 60_000, losses: 1, rangeLow: 2_500, rangeHigh: 5_000, rangeSince: T0 };
    memory.rivals['777'] = { price: 3_000, seenAt: T0, movedAt: T0, low: 2_500, heldAt: 2_500, undercutSince: null, war: 0, warAt: T0, answerMs: 20_000 };
    await createDemperMemoryRepo(app.db, () => T0).savePairs([{ productId: a1, cityId: ALMATY, memory }]);
    // There is no Kaspi here: the demper starts (reading the memory back) outside its working hours.
    const hhmm = (ms: number) => new Date(ms + 5 * 3_600_000).toISOString().slice(11, 16);
    await app.dispatcher.dispatch('demper.settings.update', { workingHours: { enabled: true, from: hhmm(Date.now() + 6 * 3_600_000), to: hhmm(Date.now() + 7 * 3_600_000) } }, { shell: 'test' });
    await app.dispatcher.dispatch('demper.control', { action: 'start' }, { shell: 'test' });

    await renderWithQueries(<ProductsPage />);
    await waitFor(() => expect(screen.getAllByTestId('product-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('open-A1'));
    const drawer = await screen.findByTestId('product-drawer');
    const hold = await within(drawer).findByTestId(`hold-${ALMATY}`);
    // (80 min + the 30 min prior) over 2 spells.
    expect(hold.textContent).toMatch(/1-е место держится ~55 мин/);
    expect(hold.textContent).toMatch(/узнано по потерям 1-го места: 1/);
    expect(within(hold).getByTestId(`approach-${ALMATY}`).textContent).toMatch(/чуть ниже минимума конкурента/);
    expect(hold.textContent).toMatch(/Магазин X — 3\s000\s₸; его минимум ≈ 2\s500\s₸; отвечает за ~20 с/);
    // The preview is the engine's decision with what it learnt: one step under X's floor.
    expect(within(drawer).getByTestId('decision-preview').textContent).toMatch(/2\s499/);
  });
});
