import { afterEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src-shared/i18n';
import { parseProxyList } from '../../../src-main/proxies/parse';
import { emptyLaneStats } from '../../../src-main/proxies/lane-stats';
import { DIRECT_LANE_ID } from '../../../src-main/proxies/proxy-store';
import { DuplicateProxyError } from '../../../src-main/db/repos/proxies-repo';
import { proxy as proxySchema } from '../../../src-shared/domain/proxy';
import { ProxyDb } from './support/proxy-db';

let env: ProxyDb;
afterEach(() => env.destroy());

describe('SQLite proxy store', () => {
  it('merges a re-import of the same proxy instead of adding it twice, updating its password', () => {
    env = new ProxyDb();
    const first = env.store.importMany(parseProxyList('u:old@10.0.0.1:8080\n10.0.0.2:8080').ok);
    const second = env.store.importMany(parseProxyList('http://u:new@10.0.0.1:8080\n10.0.0.3:8080').ok, { storeId: 4 });
    expect(first).toMatchObject({ created: 2, updated: 0 });
    expect(second).toMatchObject({ created: 1, updated: 1 });
    expect(second.ids[0]).toBe(first.ids[0]);
    expect(env.store.list().map((p) => [p.host, p.storeId])).toEqual([
      ['10.0.0.1', 4],
      ['10.0.0.2', null],
      ['10.0.0.3', 4],
    ]);
    expect(env.store.endpoints()[0]).toMatchObject({ username: 'u', password: 'new' });
  });

  it('stores the valid lines of a pasted list and reports each bad line with a Russian message', () => {
    env = new ProxyDb();
    const pasted = ['# мои прокси', '10.0.0.1:8080:shop:pw1', '10.0.0.2', 'socks4://10.0.0.3:1080', '', 'http://10.0.0.1:8080', 'shop:pw2@10.0.0.1:8080', '10.0.0.4:70000'].join('\n');
    const parsed = parseProxyList(pasted);
    env.store.importMany(parsed.ok, { storeId: 2 });

    expect(env.store.list().map((p) => [p.host, p.port, p.username, p.storeId])).toEqual([
      ['10.0.0.1', 8080, 'shop', 2],
      ['10.0.0.1', 8080, null, 2],
    ]);
    expect(env.store.endpoints()[0]!.password).toBe('pw2');
    expect(parsed.merged).toEqual([{ line: 7, intoLine: 2 }]);
    expect(parsed.errors.map((e) => e.message.code)).toEqual(['proxy_import.missingPort', 'proxy_import.unsupportedProtocol', 'proxy_import.invalidPort']);
    expect(parsed.errors.map((e) => [e.line, renderMessage(e.message, 'ru')])).toEqual([
      [3, 'Не указан порт: ожидается адрес:порт, например 10.0.0.1:8080'],
      [4, 'Протокол «socks4» не поддерживается: используйте http, https или socks5'],
      [8, 'Порт «70000» должен быть числом от 1 до 65535'],
    ]);
  });

  it('gives the UI a valid shape without passwords, and applies edits', () => {
    env = new ProxyDb();
    const { ids } = env.store.importMany(parseProxyList('u:secret@10.0.0.1:8080').ok);
    const id = ids[0]!;
    for (const shown of env.store.list()) expect(proxySchema.parse(shown)).toEqual(shown);
    expect(JSON.stringify(env.store.list())).not.toContain('secret');

    expect(env.store.update(id, { label: 'Алматы', enabled: false, storeId: 2 })).toMatchObject({ label: 'Алматы', enabled: false, status: 'disabled', storeId: 2 });
    expect(env.store.update(id, { username: null })).toMatchObject({ username: null, hasPassword: false });
    expect(env.store.update(id, { username: 'v', password: 'p2' })).toMatchObject({ username: 'v', hasPassword: true });
    expect(env.store.endpoints()[0]).toMatchObject({ username: 'v', password: 'p2', enabled: false });
    expect(env.store.update(999, { label: 'x' })).toBeNull();

    // Renaming the user into another stored proxy's identity is refused, not a raw SQLite error.
    const [other] = env.store.importMany(parseProxyList('w:x@10.0.0.1:8080').ok).ids;
    expect(() => env.store.update(other!, { username: 'v' })).toThrow(DuplicateProxyError);
  });

  it('removes a proxy together with its statistics, and keeps the direct lane’s', () => {
    env = new ProxyDb();
    const [id] = env.store.importMany(parseProxyList('10.0.0.1:8080').ok).ids;
    env.store.saveStats(id!, { ...emptyLaneStats(1), requests: 5 });
    env.store.saveStats(DIRECT_LANE_ID, { ...emptyLaneStats(1), requests: 7 });
    expect(env.store.remove(id!)).toBe(true);
    expect(env.store.loadStats(id!)).toBeNull();
    expect(env.store.loadStats(DIRECT_LANE_ID)).toMatchObject({ requests: 7 });
    expect(env.store.list()).toEqual([]);
  });
});
