import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/create-app';
import { useTempDir } from '../../support/temp-dir';
import { FAST_PACING } from './support/whatsapp-app';

const tempDir = useTempDir();

describe('WhatsApp while the app closes', () => {
  it('ignores an orders event that comes after the close (the orders sync batches them a second late)', async () => {
    const dataDir = tempDir();
    const app = await createApp({ dataDir, shell: 'headless', appVersion: 'test', autoStartDemper: false, autoStartOrders: false, autoStartReviews: false, proxyHealthChecks: false, whatsappOverrides: FAST_PACING });
    await app.close();
    expect(() => app.events.emit('orders.changed', { storeId: 1, added: 1, changed: 0 })).not.toThrow();
    const log = join(dataDir, 'logs', 'app.log');
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).not.toContain('trigger scan failed');
  });
});
