import type { AppConfig } from '../../../../src-main/app/create-app';
import type { PreorderSenderSettings } from '../../../../src-main/preorders/preorder-sender';
import type { PreorderView } from '../../../../src-shared/domain/preorder';
import type { KaspiSim, KaspiSimOptions } from '../../../sim/kaspi';
import { call, connectedApp } from '../../../support/demper-on-sim';

export const MERCHANT = '30000001';
export const PP1 = `${MERCHANT}_PP1`;
export const PP2 = `${MERCHANT}_PP2`;

/** Read-back and blocks shrunk for a simulator at time scale 0.001. */
export const FAST_PREORDERS: Partial<PreorderSenderSettings> = { verifyDelayMs: 100, verifyAttempts: 8, accountBlockMs: 1_500 };

/** The app connected to the simulator's `small` store with the pre-order sender's timings shrunk. */
export async function preordersApp(dataDir: string, sim: KaspiSimOptions = {}, config: Partial<AppConfig> = {}) {
  const env = await connectedApp(dataDir, sim, {}, { preorderOverrides: FAST_PREORDERS, ...config });
  const list = () => call<PreorderView[]>(env.app, 'preorders.list', {});
  const entry = async (sku: string) => (await list()).find((e) => e.sku === sku);
  return { ...env, list, entry };
}

/** The offer's points as Kaspi holds them now: store id → pre-order days (available ones only). */
export function preOrdersAtKaspi(sim: KaspiSim, sku: string): Record<string, number> {
  const offer = sim.state.world.ownOffer(MERCHANT, sku);
  return Object.fromEntries((offer?.availabilities ?? []).filter((a) => a.available === 'yes').map((a) => [a.storeId, a.preOrder]));
}

/** Accepted requests that changed pre-orders, by SKU: one per push, one per row of a file. */
export function acceptedPreorderChanges(sim: KaspiSim): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of sim.pushes({ merchantUid: MERCHANT })) {
    if (p.status !== 200) continue;
    const body = p.body as { sku?: string; availabilities?: Array<{ preOrder?: number }>; rows?: Array<{ sku: string }> };
    const skus = body.rows ? body.rows.map((r) => r.sku) : body.sku && body.availabilities?.some((a) => a.preOrder !== undefined) ? [body.sku] : [];
    for (const sku of skus) out.set(sku, (out.get(sku) ?? 0) + 1);
  }
  return out;
}
