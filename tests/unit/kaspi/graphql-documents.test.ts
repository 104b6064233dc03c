import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getVariableValues, parse, validate, type OperationDefinitionNode } from 'graphql';
import { CABINET_DOCUMENTS } from '../../../src-main/kaspi/graphql';
import { createCabinetClient } from '../../../src-main/kaspi/cabinet';
import { cabinetSchema } from '../../sim/kaspi/cabinet-schema';

/**
 * kaspi-api.md §3, §7a: every GraphQL document the client sends validates against the schema
 * file of the cabinet's types (graphql-js, the reference implementation: unknown fields, variables
 * declared and never used, types and nullability, fields that cannot merge), and the variables
 * the client really sends coerce to the declared types.
 */
describe('cabinet GraphQL documents', () => {
  it.each(Object.entries(CABINET_DOCUMENTS))('%s validates against the cabinet schema', (name, source) => {
    const doc = parse(source);
    expect(validate(cabinetSchema(), doc).map((e) => e.message)).toEqual([]);
    const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    expect(ops.map((o) => o.name?.value)).toEqual([name]);
  });

  it('declares getOrders with the live variable types', () => {
    const op = parse(CABINET_DOCUMENTS['getOrders']!).definitions[0] as OperationDefinitionNode;
    const types = Object.fromEntries((op.variableDefinitions ?? []).map((v) => [v.variable.name.value, source(v.type.loc)]));
    expect(types).toEqual({ merchantUid: 'String!', input: 'MerchantOrderInput!', advancedInput: 'MerchantOrderAdvancedInput!', withAdvancedOrders: 'Boolean!', page: 'Int!', size: 'Int', sort: '[String!]' });
  });

  it('lists every document of the client: no query text outside graphql.ts', () => {
    const dir = join(process.cwd(), 'src-main');
    const offenders: string[] = [];
    const walk = (path: string): void => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const full = join(path, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name) && !full.endsWith(join('kaspi', 'graphql.ts')) && /\b(query|mutation)\s+\w+\s*[({]/.test(readFileSync(full, 'utf8'))) offenders.push(full);
      }
    };
    walk(dir);
    expect(offenders).toEqual([]);
  });

  describe('what the client sends', () => {
    const bodies: { operationName: string; query: string; variables: Record<string, unknown> }[] = [];
    let server: Server;
    let url = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        let text = '';
        req.on('data', (c: Buffer) => (text += c.toString()));
        req.on('end', () => {
          bodies.push(JSON.parse(text) as (typeof bodies)[number]);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { merchant: { id: '1', name: 'x', points: [], orders: { orders: { total: 0, orders: [] }, counts: [] }, orderDetail: { code: '1' } }, cities: [] } }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('sends variables that coerce to the declared types in every call', async () => {
      const client = createCabinetClient({ endpoints: { idmcUrl: url, mcUrl: url, storefrontUrl: url }, cookies: [{ name: 'mc-session', value: 's' }, { name: 'mc-sid', value: 'i' }], retry: { attempts: 1 } });
      await client.merchant('30067228');
      await client.cities();
      await client.orders({ merchantUid: '30067228', tab: 'NEW', page: 0 });
      await client.orders({ merchantUid: '30067228', tab: 'ARCHIVED', page: 3, archive: { fromDate: '2026-01-01T00:00:00+05:00', toDate: '2026-01-14T23:59:59+05:00', statuses: ['COMPLETED', 'CANCELLED', 'RETURNED'] } });
      await client.orderCounters('30067228');
      await client.orderDetails('30067228', '512345678');
      expect(bodies.map((b) => b.operationName)).toEqual(['getMerchant', 'getCities', 'getOrders', 'getOrders', 'getOrderCounters', 'getOrderDetails']);
      for (const body of bodies) {
        expect(body.query).toBe(CABINET_DOCUMENTS[body.operationName]);
        const op = parse(body.query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
        const coerced = getVariableValues(cabinetSchema(), op.variableDefinitions ?? [], body.variables);
        expect(coerced.errors?.map((e) => e.message), body.operationName).toBeUndefined();
      }
      expect(bodies[2]?.variables['size']).toBe(10);
    });
  });
});

function source(loc: { source: { body: string }; start: number; end: number } | undefined): string {
  return loc ? loc.source.body.slice(loc.start, loc.end) : '';
}
