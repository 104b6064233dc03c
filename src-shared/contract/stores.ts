import { z } from 'zod';
import { call } from './define';
import { storeSummary, productRow } from '../domain/store';
import { messageCode } from '../i18n/message';

const id = z.number().int().positive();

/** What the seller types to log in. The password is sent once and never comes back out of main. */
export const loginInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('email'), login: z.email({ message: messageCode('stores.email_format') }), password: z.string().min(1, messageCode('stores.password_empty')) }),
  z.object({ method: z.literal('phone'), login: z.string().regex(/^\+?7\s?\(?\d{3}\)?\s?\d{3}-?\d{2}-?\d{2}$/, messageCode('stores.phone_format')) }),
]);
export type LoginInput = z.infer<typeof loginInput>;

export const merchantChoice = z.object({ uid: z.string(), name: z.string(), alreadyAdded: z.boolean() });

export const LOGIN_STEPS = ['starting', 'browser', 'credentials', 'code', 'merchants', 'done'] as const;

export const storesCalls = {
  'stores.list': call(z.object({}), z.array(storeSummary)),
  /** Logs in (a real browser), asking for the SMS or e-mail code through `stores.codeRequested` when Kaspi wants one. */
  'stores.login': call(
    z.object({ loginId: z.string().min(8), credentials: loginInput }),
    z.object({ accountId: id, merchants: z.array(merchantChoice) }),
  ),
  'stores.submitCode': call(z.object({ loginId: z.string(), code: z.string().regex(/^\d{4,8}$/, messageCode('stores.code_format')) }), z.object({})),
  'stores.cancelLogin': call(z.object({ loginId: z.string() }), z.object({})),
  'stores.add': call(z.object({ accountId: id, merchantUids: z.array(z.string()).min(1, messageCode('stores.pick_one')) }), z.array(storeSummary)),
  'stores.relogin': call(z.object({ storeId: id, loginId: z.string().min(8), password: z.string().optional() }), storeSummary),
  'stores.sync': call(z.object({ storeId: id }), z.object({ added: z.number().int(), updated: z.number().int(), removed: z.number().int(), total: z.number().int() })),
  'stores.setShopToken': call(z.object({ storeId: id, token: z.string().trim().min(20, messageCode('stores.token_format')).nullable() }), storeSummary),
  'stores.remove': call(z.object({ storeId: id, deleteHistory: z.boolean() }), z.object({})),
  'products.list': call(
    z.object({ storeId: id.optional(), search: z.string().max(200).optional(), limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }),
    z.object({ total: z.number().int(), items: z.array(productRow) }),
  ),
};

export const storesEvents = {
  'stores.loginProgress': z.object({ loginId: z.string(), step: z.enum(LOGIN_STEPS) }),
  /** kind: where Kaspi sent the code (an employee's e-mail login gets it by e-mail, §1d); sentTo: that phone or address. */
  'stores.codeRequested': z.object({ loginId: z.string(), kind: z.enum(['sms', 'email']), sentTo: z.string().nullable(), expiresInSeconds: z.number().int() }),
  'stores.syncProgress': z.object({ storeId: id, done: z.number().int(), total: z.number().int(), finished: z.boolean() }),
  'stores.changed': z.object({ storeId: id.nullable() }),
};
