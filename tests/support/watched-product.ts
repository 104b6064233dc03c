import { call, connectedApp, ownPriceOnStorefront, waitFor } from './demper-on-sim';

/**
 * The simulator's store connected, product 100000001 given a floor and repriced live until the
 * storefront shows the first cut (399,499 ₸): a recorded market, a push and a journal to read.
 */
export async function watchedProduct(dataDir: string) {
  const env = await connectedApp(dataDir);
  const { app, storeId } = env;
  const watched = env.product('100000001');
  await call(app, 'rules.update', { productIds: [watched.id], set: { floor: { kind: 'fixed', price: 390_000 } } });
  await call(app, 'products.setBot', { productIds: [watched.id], enabled: true });
  await call(app, 'demper.settings.update', { dryRun: false });
  await call(app, 'demper.control', { action: 'start', storeId });
  await call(app, 'demper.control', { action: 'start' });
  await waitFor(() => ownPriceOnStorefront(env.sim, '100000001'), (p) => p === 399_499);
  return { ...env, watched };
}
