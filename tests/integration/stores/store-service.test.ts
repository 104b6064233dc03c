import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startAppOnSim } from '../../support/app-on-sim';
import { useTempDir } from '../../support/temp-dir';
import { call as callApp } from '../../support/call-app';
import { SCENARIO_CREDENTIALS } from '../../sim/kaspi/scenarios';

const tempDir = useTempDir();
let stop: (() => Promise<void>) | undefined;
afterEach(async () => { await stop?.(); stop = undefined; });

const small = SCENARIO_CREDENTIALS.small;

async function setup() {
  const env = await startAppOnSim(tempDir());
  stop = env.close;
  return { ...env, call: (name: string, input: unknown) => callApp(env.app, name, input) };
}

describe('store service against the simulator (real Chromium login)', () => {
  it("logs in with an employee's e-mail code step, adds the store and syncs every product, inactive ones included", async () => {
    const { app, sim, call } = await setup();
    const codes: string[] = [];
    const asked: unknown[] = [];
    app.events.subscribe((event, payload) => {
      if (event !== 'stores.codeRequested') return;
      const { loginId } = payload as { loginId: string };
      asked.push(payload);
      const code = sim.lastSmsCode('mfa@small.test')!;
      codes.push(code);
      void call('stores.submitCode', { loginId, code });
    });
    const { accountId, merchants } = await call('stores.login', { loginId: 'login-test-1', credentials: { method: 'email', login: 'mfa@small.test', password: 'small-pass-2' } }) as { accountId: number; merchants: Array<{ uid: string; name: string }> };
    expect(codes).toHaveLength(1);
    expect(asked).toEqual([expect.objectContaining({ kind: 'email', sentTo: 'mfa@small.test' })]);
    expect(merchants).toEqual([{ uid: '30000001', name: 'ИП Тестовый магазин', alreadyAdded: false }]);

    const [store] = await call('stores.add', { accountId, merchantUids: ['30000001'] }) as Array<{ id: number; points: unknown[]; cities: Array<{ id: string }> }>;
    expect(store!.points).toHaveLength(2);
    expect(store!.cities.map((c) => c.id).sort()).toEqual(['710000000', '750000000']);

    const progress: Array<{ done: number; finished: boolean }> = [];
    app.events.subscribe((event, payload) => { if (event === 'stores.syncProgress') progress.push(payload as never); });
    const result = await call('stores.sync', { storeId: store!.id });
    expect(result).toMatchObject({ total: 12, added: 12, removed: 0 });
    expect(progress.at(-1)).toMatchObject({ done: 12, finished: true });

    const list = await call('products.list', { storeId: store!.id, limit: 100 }) as { total: number; items: Array<{ sku: string; masterSku: string; active: boolean; cityPrices: Array<{ cityId: string; price: number }> }> };
    expect(list.total).toBe(12);
    const offSale = list.items.filter((p) => !p.active);
    expect(offSale.map((p) => p.masterSku)).toEqual(['100000008']);
    const split = list.items.find((p) => p.masterSku === '100000009')!;
    expect(split.cityPrices.sort((a, b) => a.price - b.price)).toEqual([{ cityId: '750000000', price: 160000 }, { cityId: '710000000', price: 165000 }]);

    // Nothing secret reached the log or the renderer's view of the store.
    const log = readFileSync(app.paths.logFile, 'utf8');
    expect(log).not.toContain('small-pass-2');
    expect(JSON.stringify(await call('stores.list', {}))).not.toMatch(/small-pass-2|mc-session|mc-sid/);
  });

  it('re-logs in on its own when the session expires and carries on syncing', async () => {
    const { app, sim, call } = await setup();
    const { accountId } = await call('stores.login', { loginId: 'login-test-2', credentials: { method: 'email', login: 'owner@small.test', password: 'small-pass-1' } }) as { accountId: number };
    const [store] = await call('stores.add', { accountId, merchantUids: ['30000001'] }) as Array<{ id: number }>;
    sim.expireSessions({ login: 'owner@small.test' });
    await expect(call('stores.sync', { storeId: store!.id })).resolves.toMatchObject({ total: 12 });
    const [after] = await call('stores.list', {}) as Array<{ sessionStatus: string }>;
    expect(after!.sessionStatus).toBe('valid');
    expect(readFileSync(app.paths.logFile, 'utf8')).toContain('session renewed');
  });

  it('marks the store "needs login" when a re-login would need an SMS code nobody is there to type', async () => {
    const { app, sim, call } = await setup();
    app.events.subscribe((event, payload) => {
      if (event === 'stores.codeRequested') void call('stores.submitCode', { loginId: (payload as { loginId: string }).loginId, code: sim.lastSmsCode(small.phone.phone)! });
    });
    const { accountId } = await call('stores.login', { loginId: 'login-test-3', credentials: { method: 'phone', login: small.phone.phone } }) as { accountId: number };
    const [store] = await call('stores.add', { accountId, merchantUids: ['30000001'] }) as Array<{ id: number }>;
    sim.expireSessions({ login: small.phone.phone });
    await expect(call('stores.sync', { storeId: store!.id })).rejects.toMatchObject({ code: 'kaspi.session-expired' });
    const [after] = await call('stores.list', {}) as Array<{ sessionStatus: string }>;
    expect(after!.sessionStatus).toBe('needs_login');
  });

  it('says clearly when the password is wrong and stores nothing', async () => {
    const { call } = await setup();
    await expect(call('stores.login', { loginId: 'login-test-4', credentials: { method: 'email', login: 'owner@small.test', password: 'wrong-password' } }))
      .rejects.toMatchObject({ code: 'kaspi.wrong-credentials' });
    expect(await call('stores.list', {})).toEqual([]);
  });
});
