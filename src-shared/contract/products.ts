import { z } from 'zod';
import { call } from './define';
import { offer } from '../domain/offer';
import { pricingRules, productRuleOverrides, storeRuleDefaults, STRATEGIES } from '../domain/rules';
import type { ProductRuleOverrides } from '../domain/rules';
import { productRow } from '../domain/store';
import { message, messageCode } from '../i18n/message';

const id = z.number().int().positive();

/** Rule fields a product may hand back to its store's defaults (the floor is always its own). */
export const UNSETTABLE_RULES = Object.keys(productRuleOverrides.shape).filter((k) => k !== 'floor') as [
  Exclude<keyof typeof productRuleOverrides.shape, 'floor'>,
  ...Array<Exclude<keyof typeof productRuleOverrides.shape, 'floor'>>,
];

/** Why a rules change was refused, per field and per product: the renderer shows each at its field. */
export const rulesRejection = z.object({
  fieldErrors: z.record(z.string(), message),
  products: z.array(z.object({ productId: id, sku: z.string(), errors: z.array(message) })),
});
export type RulesRejection = z.infer<typeof rulesRejection>;

/** One line of the products table: what the seller scans 10,000 of. Prices are whole tenge. */
export const productTableRow = z.object({
  id,
  storeId: id,
  storeName: z.string(),
  title: z.string(),
  sku: z.string(),
  masterSku: z.string().nullable(),
  /** The city shown in the row: the product's first priced city. */
  cityId: z.string().nullable(),
  ourPrice: z.number().int().nullable(),
  bestRivalPrice: z.number().int().nullable(),
  bestRivalName: z.string().nullable(),
  position: z.number().int().nullable(),
  rivalsCount: z.number().int(),
  /** When the storefront was last looked at for this row's city; null: never (rivals unknown, not "none"). */
  marketAt: z.string().nullable(),
  floor: z.number().int().nullable(),
  ceiling: z.number().int().nullable(),
  strategy: z.enum(STRATEGIES).nullable(),
  botEnabled: z.boolean(),
  active: z.boolean(),
  lastChangeAt: z.string().nullable(),
  /** Rules that do not resolve (no floor, floor above ceiling): the bot cannot price it. */
  rulesError: message.nullable(),
});
export type ProductTableRow = z.infer<typeof productTableRow>;

/** Quick filters a seller toggles on the table; each narrows the rows further. */
export const PRODUCT_FLAGS = ['firstLost', 'atFloor', 'noRivals', 'attention'] as const;
export type ProductFlag = (typeof PRODUCT_FLAGS)[number];

/** What the table sorts by; empty values (no rival, never checked) go last in either direction. */
export const PRODUCT_SORT_KEYS = ['title', 'sku', 'ourPrice', 'bestRivalPrice', 'position', 'floor', 'ceiling', 'strategy', 'botEnabled', 'lastChangeAt'] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];

/** Which products the table shows: a store, a search in title, SKU and catalogue id, the bot, quick filters. */
export const productsQuery = z.object({
  storeId: id.optional(),
  search: z.string().max(200).default(''),
  bot: z.enum(['all', 'on', 'off']).default('all'),
  flags: z.array(z.enum(PRODUCT_FLAGS)).max(PRODUCT_FLAGS.length).default([]),
});
export type ProductsQuery = z.input<typeof productsQuery>;
const everyProduct = { search: '', bot: 'all', flags: [] } as const satisfies z.output<typeof productsQuery>;

export const productsSort = z.object({ key: z.enum(PRODUCT_SORT_KEYS).default('title'), dir: z.enum(['asc', 'desc']).default('asc') });
export type ProductsSort = z.infer<typeof productsSort>;

export const journalEntryView = z.object({
  id,
  storeId: id,
  productId: id,
  cityId: z.string(),
  oldPrice: z.number().int().nullable(),
  newPrice: z.number().int(),
  /** The engine's reason object (src-shared/domain/decision): the renderer words it in the user's language. */
  reason: z.unknown(),
  status: z.enum(['planned', 'pushed', 'failed', 'verified', 'mismatch', 'dry_run']),
  error: z.string().nullable(),
  createdAt: z.string(),
  pushedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
export type JournalEntryView = z.infer<typeof journalEntryView>;

export const snapshotView = z.object({
  cityId: z.string(),
  takenAt: z.string(),
  ourPrice: z.number().int().nullable(),
  ourPosition: z.number().int().nullable(),
  bestRivalPrice: z.number().int().nullable(),
  offers: z.array(offer),
});

export const productsCalls = {
  /** A window of the filtered, sorted table and how many rows the filter matches (sorted and filtered in SQLite). */
  'products.page': call(
    z.object({ query: productsQuery.default(everyProduct), sort: productsSort.default({ key: 'title', dir: 'asc' }), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(200) }),
    z.object({ total: z.number().int(), rows: z.array(productTableRow) }),
  ),
  /** Every product id the filter matches, in table order: "select all" beyond the rows on screen. */
  'products.ids': call(z.object({ query: productsQuery.default(everyProduct), sort: productsSort.default({ key: 'title', dir: 'asc' }) }), z.array(id)),
  /** Titles and SKUs of the given products (the Demper page's decision feed names what it changed). */
  'products.titles': call(z.object({ productIds: z.array(id).max(1000) }), z.array(z.object({ id, title: z.string(), sku: z.string() }))),
  'products.detail': call(
    z.object({ productId: id, historyDays: z.number().int().min(1).max(365).default(7) }),
    z.object({
      product: productRow,
      /** What the product sets itself (stored as given; may lack a floor). */
      overrides: z.record(z.string(), z.unknown()),
      storeDefaults: storeRuleDefaults,
      /** Overrides merged with the store defaults; null when they do not resolve (see rulesError). */
      rules: pricingRules.nullable(),
      rulesError: message.nullable(),
      ownMerchantIds: z.array(z.string()),
      /** Latest look at the storefront per city, offers sorted by price. */
      markets: z.array(snapshotView),
      history: z.array(snapshotView.omit({ offers: true })),
      journal: z.array(journalEntryView),
    }),
  ),
  /**
   * Sets the given fields (and resets `unset` ones to the store default) on every product given,
   * all or none (one transaction). A failure is `invalid_input` with details { fieldErrors, products }.
   */
  'rules.update': call(
    z.object({
      productIds: z.array(id).min(1).max(20_000),
      /** Checked by the service, not here, so the seller reads messages named after the field. */
      set: z.custom<Partial<ProductRuleOverrides>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), messageCode('rules.object_expected')).default({}),
      unset: z.array(z.enum(UNSETTABLE_RULES)).default([]),
    }),
    z.object({ updated: z.number().int() }),
  ),
  'products.setBot': call(z.object({ productIds: z.array(id).min(1).max(20_000), enabled: z.boolean() }), z.object({ updated: z.number().int() })),
  'rules.storeDefaults.get': call(z.object({ storeId: id }), storeRuleDefaults),
  'rules.storeDefaults.update': call(z.object({ storeId: id, defaults: storeRuleDefaults }), storeRuleDefaults),
  /**
   * The rules as CSV, a part at a time: `csv` of the rows from `offset` (the header and byte-order
   * mark with the first part), `next` the offset of the next part or null after the last.
   */
  'rules.exportCsv': call(
    z.object({ storeId: id.optional(), language: z.enum(['ru', 'en']).default('ru'), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(2000) }),
    z.object({ fileName: z.string(), csv: z.string(), next: z.number().int().nullable() }),
  ),
  /** Parses and checks a CSV; with apply=false nothing is written (the preview). */
  'rules.importCsv': call(
    z.object({ csv: z.string().max(20_000_000), apply: z.boolean() }),
    z.object({
      rows: z.array(
        z.object({
          line: z.number().int(),
          sku: z.string(),
          productId: id.nullable(),
          title: z.string().nullable(),
          changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
          errors: z.array(message),
        }),
      ),
      fileErrors: z.array(message),
      applied: z.number().int(),
    }),
  ),
  'journal.list': call(z.object({ storeId: id.optional(), productId: id.optional(), limit: z.number().int().min(1).max(1000).default(100) }), z.array(journalEntryView)),
};

export const productsEvents = {
  'products.changed': z.object({ productIds: z.array(id).nullable() }),
  /**
   * Table rows that changed (a price, a place, rules, the last change), as they are now: open
   * pages patch them in. `ids` null: too many to list, read the table again. A changed id without
   * a row left the table (removed).
   */
  'products.rows': z.object({ ids: z.array(id).nullable(), rows: z.array(productTableRow) }),
};
