import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../../src-main/logging/logger';
import { RotatingFile } from '../../../src-main/logging/rotating-file';
import { useTempDir } from '../../support/temp-dir';
import { KaspiError } from '../../../src-shared/domain/kaspi-error';
import { msg } from '../../../src-shared/i18n';

const tempDir = useTempDir();

describe('logger', () => {
  it('writes structured, levelled lines per module', () => {
    const path = join(tempDir(), 'app.log');
    const { logger } = createLogger({ file: new RotatingFile(path), level: 'info' });
    const kaspi = logger.child('kaspi');
    kaspi.debug('not written below info');
    kaspi.child('login').info('logged in', { merchant: '30067228' });
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', module: 'kaspi.login', msg: 'logged in', merchant: '30067228' });
  });

  it("writes an error the seller reads in their language in English, with the seller's values", () => {
    const path = join(tempDir(), 'app.log');
    const { logger } = createLogger({ file: new RotatingFile(path) });
    const error = new KaspiError('not-json', msg('kaspi.unexpected_format', { what: msg('kaspi.what.cities') }));
    logger.child('stores').warn('sync failed', { error, store: 'ИП Тестовый магазин' });
    const [line] = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(line.error.message).toBe('Kaspi returned the list of cities in an unexpected format. Try again later.');
    expect(line.error.stack).toMatch(/^KaspiError: Kaspi returned the list of cities/);
    expect(JSON.stringify(line.error)).not.toMatch(/[А-Яа-яЁё]/);
    expect(line.store).toBe('ИП Тестовый магазин');
  });

  it('never writes a password, a session cookie or a token to the file', () => {
    const path = join(tempDir(), 'app.log');
    const { logger, redactor } = createLogger({ file: new RotatingFile(path) });
    const password = 'Qwerty!2026secret';
    const cookie = 'mc-session=abc123SESSIONvalue; mc-sid=zzz987SIDvalue';
    const token = 'dGhpcyBpcyBhIHNob3AgdG9rZW4gZm9yIHRlc3Rz=';
    redactor.register(password);
    const log = logger.child('kaspi');
    log.info('login attempt', { login: 'seller@shop.kz', password, headers: { cookie, 'X-Auth-Token': token } });
    log.error(`request failed with cookie ${cookie} for user who typed ${password}`);
    log.warn('shop api', { url: `https://kaspi.kz/shop/api/v2/orders?token=${token}` });
    log.info('proxy', { proxy: 'http://user:pr0xyPa55@10.0.0.1:3128' });
    log.error('failure', { error: new Error(`Bearer ${token} rejected`) });
    const text = readFileSync(path, 'utf8');
    for (const secret of [password, 'abc123SESSIONvalue', 'zzz987SIDvalue', token, 'pr0xyPa55']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('seller@shop.kz');
    expect(text).toContain('[redacted]');
  });

  it("never writes a buyer's phone number, whatever its shape or field", () => {
    const path = join(tempDir(), 'app.log');
    const { logger } = createLogger({ file: new RotatingFile(path) });
    const log = logger.child('whatsapp');
    log.info('order synced', { order: '512345678', buyerPhone: '+77012345678', total: 125000 });
    log.warn('send failed to 8 (701) 234-56-78, chat 77012345678@c.us, also +7 701 234 56 78');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toMatch(/701\D*234\D*56\D*78/);
    expect(text).toContain('512345678');
    expect(text).toContain('125000');
    expect(text).toContain('[phone]@c.us');
  });

  it('rotates the file when it grows past its limit and keeps a bounded number of old files', () => {
    const path = join(tempDir(), 'app.log');
    const { logger } = createLogger({ file: new RotatingFile(path, 2000, 2) });
    for (let i = 0; i < 100; i++) logger.info(`line ${i}`, { pad: 'x'.repeat(50) });
    expect(existsSync(`${path}.1`)).toBe(true);
    expect(existsSync(`${path}.2`)).toBe(true);
    expect(existsSync(`${path}.3`)).toBe(false);
    expect(readFileSync(path, 'utf8')).toContain('line 99');
  });
});
