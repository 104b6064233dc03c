import type { Database } from 'better-sqlite3';
import { relaxedCommit } from '../relaxed-commit';
import { countsAsSale } from '../../../src-shared/domain/order';
import { dayOfDate, kzDay, kzDayStart } from '../../../src-shared/domain/kazakhstan-time';
import type { OrderEntryView, OrderOutcome, OrderSource, OrderState, OrderStatusChange } from '../../../src-shared/domain/order';
import type { OrderDetail, OrderRow, OrdersFilter, OrdersSort } from '../../../src-shared/contract/orders';

/** An order as either source gives it, in the app's terms (src-main/orders/order-mapping.ts). */
export interface SyncedOrder {
  code: string;
  /** The shop API's id (entries and status changes need it); null from the cabinet. */
  kaspiId: string | null;
  source: OrderSource;
  state: OrderState;
  outcome: OrderOutcome | null;
  status: string | null;
  kaspiTab: string | null;
  createdMs: number;
  totalPrice: number;
  deliveryCost: number | null;
  deliveryMode: string | null;
  kaspiDelivery: boolean | null;
  paymentMode: string | null;
  cityId: string | null;
  cityName: string | null;
  pointId: string | null;
  address: string | null;
  customerName: string | null;
  /** The real number (shop API); never the cabinet's mask. */
  phone: string | null;
  phoneMasked: boolean;
  plannedDeliveryMs: number | null;
  acceptDeadlineMs: number | null;
  cancelReason: string | null;
  /** When Kaspi says the order last changed; a status change is dated by it when known. */
  changedMs: number | null;
  /** null: not read yet (the shop API lists entries separately). */
  entries: SyncedEntry[] | null;
}

export interface SyncedEntry {
  masterSku: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  totalPrice: number;
}

/** A product's unit economics from its cost-based floor; none without a cost. */
export interface CostBasis {
  unitCost: number;
  fixedFee: number;
  commissionBp: number;
}

export interface AddedOrder {
  id: number;
  code: string;
  state: OrderState;
  createdMs: number;
  totalPrice: number;
  firstItem: string | null;
  acceptDeadlineMs: number | null;
}

export interface OrdersRepoDeps {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  costOf(productId: number): CostBasis | null;
}

interface OrderRowDb {
  id: number;
  store_id: number;
  code: string;
  kaspi_id: string | null;
  source: OrderSource;
  state: OrderState;
  outcome: OrderOutcome | null;
  status: string | null;
  kaspi_tab: string | null;
  created_ms: number;
  total_price: number;
  delivery_cost: number | null;
  delivery_mode: string | null;
  kaspi_delivery: number | null;
  payment_mode: string | null;
  city_id: string | null;
  city_name: string | null;
  point_id: string | null;
  address: string | null;
  customer_name: string | null;
  phone_enc: string | null;
  phone_last4: string | null;
  phone_masked: number;
  planned_delivery_ms: number | null;
  accept_deadline_ms: number | null;
  cancel_reason: string | null;
  entries_state: 'pending' | 'complete';
  units: number;
  first_seen_ms: number;
  status_changed_ms: number;
  first_item: string | null;
  entry_count: number;
}

const DAY_MS = 86_400_000;
/** Orders upserted per transaction by upsertInSteps: a few milliseconds of main's time on a shared laptop core. */
export const UPSERT_STEP = 25;
/** A market seen this long before an order still describes it, unless the bot was watching then. */
const MARKET_FRESH_MS = DAY_MS;

const SORT_SQL: Record<OrdersSort['key'], string> = {
  created: 'o.created_ms',
  total: 'o.total_price',
  code: 'o.code',
};

const LIST_COLUMNS = `o.*, (SELECT name FROM order_entries e WHERE e.order_id = o.id ORDER BY e.entry_no LIMIT 1) AS first_item,
  (SELECT count(*) FROM order_entries e WHERE e.order_id = o.id) AS entry_count`;

const digitsOf = (text: string): string => text.replace(/\D/g, '');

/**
 * Orders in SQLite (migration 6). Writes are upserts by (store, code) inside one transaction per
 * page, so a sync cut short and run again adds nothing twice; every change of state or status
 * appends a history row dated by Kaspi when it says when. Reads serve the Orders page a window at
 * a time: filter, sort and count happen here, over indexes.
 */
export function ordersRepo(db: Database, deps: OrdersRepoDeps) {
  const byCode = db.prepare<[number, string], Pick<OrderRowDb, 'id' | 'state' | 'outcome' | 'status' | 'kaspi_tab' | 'entries_state' | 'phone_enc' | 'source' | 'kaspi_id'>>(
    'SELECT id, state, outcome, status, kaspi_tab, entries_state, phone_enc, source, kaspi_id FROM orders WHERE store_id = ? AND code = ?',
  );
  const insertOrder = db.prepare(`
    INSERT INTO orders (store_id, code, kaspi_id, source, state, outcome, status, kaspi_tab, created_ms, day, total_price, delivery_cost,
      delivery_mode, kaspi_delivery, payment_mode, city_id, city_name, point_id, address, customer_name, phone_enc, phone_last4, phone_masked,
      planned_delivery_ms, accept_deadline_ms, cancel_reason, entries_state, units, first_seen_ms, status_changed_ms, updated_ms)
    VALUES (@storeId, @code, @kaspiId, @source, @state, @outcome, @status, @kaspiTab, @createdMs, @day, @totalPrice, @deliveryCost,
      @deliveryMode, @kaspiDelivery, @paymentMode, @cityId, @cityName, @pointId, @address, @customerName, @phoneEnc, @phoneLast4, @phoneMasked,
      @plannedDeliveryMs, @acceptDeadlineMs, @cancelReason, @entriesState, @units, @now, @changedAt, @now)`);
  const updateStatus = db.prepare('UPDATE orders SET state = ?, outcome = ?, status = ?, kaspi_tab = ?, status_changed_ms = ? WHERE id = ?');
  const updateDetails = db.prepare(`
    UPDATE orders SET total_price = @totalPrice, delivery_cost = coalesce(@deliveryCost, delivery_cost), delivery_mode = coalesce(@deliveryMode, delivery_mode),
      kaspi_delivery = coalesce(@kaspiDelivery, kaspi_delivery), payment_mode = coalesce(@paymentMode, payment_mode),
      city_id = coalesce(@cityId, city_id), city_name = coalesce(@cityName, city_name), point_id = coalesce(@pointId, point_id),
      address = coalesce(@address, address), customer_name = coalesce(@customerName, customer_name),
      planned_delivery_ms = coalesce(@plannedDeliveryMs, planned_delivery_ms), accept_deadline_ms = @acceptDeadlineMs,
      cancel_reason = coalesce(@cancelReason, cancel_reason), updated_ms = @now,
      source = CASE WHEN @source = 'shop_api' THEN 'shop_api' ELSE source END, kaspi_id = coalesce(@kaspiId, kaspi_id)
    WHERE id = @id`);
  const setPhone = db.prepare('UPDATE orders SET phone_enc = ?, phone_last4 = ?, phone_masked = 0 WHERE id = ?');
  const setEntriesDone = db.prepare("UPDATE orders SET entries_state = 'complete', units = ? WHERE id = ?");
  const setCounted = db.prepare('UPDATE order_entries SET counted = ? WHERE order_id = ?');
  const insertHistory = db.prepare('INSERT INTO order_status_history (order_id, at_ms, observed_ms, state, outcome, status, kaspi_tab) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertEntry = db.prepare(`
    INSERT OR IGNORE INTO order_entries (order_id, entry_no, store_id, product_id, master_sku, sku, name, quantity, total_price, created_ms, day, city_id, counted,
      position_at_sale, our_price_at_sale, rival_price_at_sale, market_at_ms, unit_cost, fixed_fee, commission_bp)
    VALUES (@orderId, @entryNo, @storeId, @productId, @masterSku, @sku, @name, @quantity, @totalPrice, @createdMs, @day, @cityId, @counted,
      @position, @ourPrice, @rivalPrice, @marketAt, @unitCost, @fixedFee, @commissionBp)`);
  const productBySku = db.prepare<[number, string], { id: number }>('SELECT id FROM products WHERE store_id = ? AND sku = ?');
  const productByMaster = db.prepare<[number, string], { id: number }>('SELECT id FROM products WHERE store_id = ? AND master_sku = ? ORDER BY removed_at IS NOT NULL, id LIMIT 1');
  const snapshotBefore = db.prepare<[number, string, string], { our_position: number | null; our_price: number | null; best_rival_price: number | null; taken_at: string }>(
    'SELECT our_position, our_price, best_rival_price, taken_at FROM offer_snapshots WHERE product_id = ? AND city_id = ? AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1',
  );
  const spanAt = db.prepare<[number, string, number], { to_ms: number }>('SELECT to_ms FROM position_spans WHERE product_id = ? AND city_id = ? AND from_ms <= ? ORDER BY from_ms DESC LIMIT 1');
  const unlinked = db.prepare<[number], { order_id: number; entry_no: number; master_sku: string | null; sku: string | null; created_ms: number; city_id: string | null }>(
    'SELECT order_id, entry_no, master_sku, sku, created_ms, city_id FROM order_entries WHERE store_id = ? AND product_id IS NULL',
  );
  const linkEntry = db.prepare(`UPDATE order_entries SET product_id = @productId, position_at_sale = @position, our_price_at_sale = @ourPrice, rival_price_at_sale = @rivalPrice,
    market_at_ms = @marketAt, unit_cost = @unitCost, fixed_fee = @fixedFee, commission_bp = @commissionBp WHERE order_id = @orderId AND entry_no = @entryNo`);

  const linkProduct = (storeId: number, sku: string | null, masterSku: string | null): number | null =>
    (sku ? productBySku.get(storeId, sku)?.id : undefined) ?? (masterSku ? productByMaster.get(storeId, masterSku)?.id : undefined) ?? null;

  /** What the bot last saw of the product in the buyer's city before the order came in. */
  const marketAt = (productId: number | null, cityId: string | null, createdMs: number) => {
    const none = { position: null, ourPrice: null, rivalPrice: null, marketAt: null };
    if (productId === null || cityId === null) return none;
    const snap = snapshotBefore.get(productId, cityId, new Date(createdMs).toISOString());
    if (!snap) return none;
    const at = Date.parse(snap.taken_at);
    if (createdMs - at > MARKET_FRESH_MS && (spanAt.get(productId, cityId, createdMs)?.to_ms ?? 0) < createdMs) return none;
    return { position: snap.our_position, ourPrice: snap.our_price, rivalPrice: snap.best_rival_price, marketAt: at };
  };
  const costColumns = (productId: number | null) => {
    const cost = productId === null ? null : deps.costOf(productId);
    return { unitCost: cost?.unitCost ?? null, fixedFee: cost?.fixedFee ?? null, commissionBp: cost?.commissionBp ?? null };
  };

  const writeEntries = (orderId: number, storeId: number, order: Pick<SyncedOrder, 'createdMs' | 'cityId' | 'outcome'>, entries: readonly SyncedEntry[]): number => {
    let units = 0;
    entries.forEach((e, entryNo) => {
      const productId = linkProduct(storeId, e.sku, e.masterSku);
      units += e.quantity;
      insertEntry.run({
        orderId, entryNo, storeId, productId, masterSku: e.masterSku, sku: e.sku, name: e.name, quantity: e.quantity, totalPrice: e.totalPrice,
        createdMs: order.createdMs, day: kzDay(order.createdMs), cityId: order.cityId, counted: countsAsSale(order.outcome) ? 1 : 0,
        ...marketAt(productId, order.cityId, order.createdMs), ...costColumns(productId),
      });
    });
    setEntriesDone.run(units, orderId);
    return units;
  };

  const phoneColumns = (phone: string | null) => {
    const digits = phone ? digitsOf(phone) : '';
    return digits.length >= 4 ? { phoneEnc: deps.encrypt(digits), phoneLast4: digits.slice(-4) } : { phoneEnc: null, phoneLast4: null };
  };

  /** Orders from Kaspi upserted by code (run inside a transaction: `upsert` is one page, all or nothing). */
  const upsertWork = (storeId: number, orders: readonly SyncedOrder[], now: number): { added: AddedOrder[]; changed: number } => {
    const added: AddedOrder[] = [];
    let changed = 0;
    for (const o of orders) {
      const existing = byCode.get(storeId, o.code);
      const fields = {
        storeId, code: o.code, kaspiId: o.kaspiId, source: o.source, state: o.state, outcome: o.outcome, status: o.status, kaspiTab: o.kaspiTab,
        createdMs: o.createdMs, day: kzDay(o.createdMs), totalPrice: o.totalPrice, deliveryCost: o.deliveryCost, deliveryMode: o.deliveryMode,
        kaspiDelivery: o.kaspiDelivery === null ? null : o.kaspiDelivery ? 1 : 0, paymentMode: o.paymentMode, cityId: o.cityId, cityName: o.cityName,
        pointId: o.pointId, address: o.address, customerName: o.customerName, plannedDeliveryMs: o.plannedDeliveryMs,
        acceptDeadlineMs: o.state === 'new' || o.state === 'sign_required' ? o.acceptDeadlineMs : null, cancelReason: o.cancelReason, now,
      };
      if (!existing) {
        // A new order's first state dates from its creation; one first seen later, from Kaspi's last change.
        const changedAt = o.state === 'new' || o.state === 'sign_required' ? o.createdMs : (o.changedMs ?? now);
        const id = Number(insertOrder.run({ ...fields, ...phoneColumns(o.phone), phoneMasked: o.phoneMasked && !o.phone ? 1 : 0, entriesState: 'pending', units: 0, changedAt }).lastInsertRowid);
        insertHistory.run(id, changedAt, now, o.state, o.outcome, o.status, o.kaspiTab);
        if (o.entries) writeEntries(id, storeId, o, o.entries);
        added.push({ id, code: o.code, state: o.state, createdMs: o.createdMs, totalPrice: o.totalPrice, firstItem: o.entries?.[0]?.name ?? null, acceptDeadlineMs: fields.acceptDeadlineMs });
        continue;
      }
      updateDetails.run({ ...fields, id: existing.id });
      if (existing.state !== o.state || existing.outcome !== o.outcome || existing.status !== o.status || (o.kaspiTab !== null && existing.kaspi_tab !== o.kaspiTab)) {
        const at = Math.min(o.changedMs ?? now, now);
        updateStatus.run(o.state, o.outcome, o.status, o.kaspiTab ?? existing.kaspi_tab, at, existing.id);
        insertHistory.run(existing.id, at, now, o.state, o.outcome, o.status, o.kaspiTab ?? existing.kaspi_tab);
        if (countsAsSale(existing.outcome) !== countsAsSale(o.outcome)) setCounted.run(countsAsSale(o.outcome) ? 1 : 0, existing.id);
        changed++;
      }
      if (!existing.phone_enc && o.phone) {
        const phone = phoneColumns(o.phone);
        if (phone.phoneEnc) setPhone.run(phone.phoneEnc, phone.phoneLast4, existing.id);
      }
      if (existing.entries_state === 'pending' && o.entries) writeEntries(existing.id, storeId, o, o.entries);
    }
    return { added, changed };
  };
  const upsert = db.transaction(upsertWork);
  const upsertRelaxed = relaxedCommit(db, upsertWork);

  /**
   * A page of orders upserted UPSERT_STEP at a time, a turn of the event loop between steps, so a
   * page of 100 (phones sealed, history and entries written) never holds the main process at once.
   * Every step but the last commits without waiting for the disk; the last waits, and in WAL mode
   * takes the earlier ones down with it: the page is durable when this resolves, as one
   * transaction was. A crash between steps leaves orders an upsert by code reads again once.
   */
  const upsertInSteps = async (storeId: number, orders: readonly SyncedOrder[], now: number): Promise<{ added: AddedOrder[]; changed: number }> => {
    const total = { added: [] as AddedOrder[], changed: 0 };
    for (let from = 0; from < orders.length; from += UPSERT_STEP) {
      if (from > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const step = orders.slice(from, from + UPSERT_STEP);
      const result = from + UPSERT_STEP >= orders.length ? upsert(storeId, step, now) : upsertRelaxed(storeId, step, now);
      total.added.push(...result.added);
      total.changed += result.changed;
    }
    return total;
  };

  // ---- reads ----

  /** The filter as SQL over `orders o`; a phone search is resolved to ids first (phones are sealed). */
  function where(filter: OrdersFilter, withTab: boolean): { sql: string; params: Record<string, unknown> } {
    const clauses: string[] = [];
    const params: Record<string, unknown> = {};
    const tab = filter.tab ?? 'all';
    if (withTab && tab !== 'all') {
      clauses.push('o.state = @tab');
      params['tab'] = tab;
      if (tab === 'archive' && filter.outcome) {
        clauses.push('o.outcome = @outcome');
        params['outcome'] = filter.outcome;
      }
    }
    if (filter.storeId !== undefined) { clauses.push('o.store_id = @storeId'); params['storeId'] = filter.storeId; }
    if (filter.cityId) { clauses.push('o.city_id = @cityId'); params['cityId'] = filter.cityId; }
    if (filter.status) { clauses.push('o.status = @status'); params['status'] = filter.status; }
    // Days as instants, so the date-ordered indexes serve the range too.
    if (filter.from) { clauses.push('o.created_ms >= @fromMs'); params['fromMs'] = kzDayStart(dayOfDate(filter.from)); }
    if (filter.to) { clauses.push('o.created_ms < @toMs'); params['toMs'] = kzDayStart(dayOfDate(filter.to) + 1); }
    if (filter.productId !== undefined) {
      clauses.push('o.id IN (SELECT order_id FROM order_entries WHERE product_id = @productId)');
      params['productId'] = filter.productId;
    }
    const search = filter.search?.trim();
    if (search) {
      const digits = digitsOf(search);
      if (digits.length > 0 && digits.length >= search.replace(/[\s()+-]/g, '').length) {
        const phoneIds = digits.length >= 4 ? phoneMatches(digits) : [];
        // One subquery per index (code, then the unsealed phone matches): an OR would scan the table.
        clauses.push(`o.id IN (SELECT id FROM orders WHERE code GLOB @codePrefix${phoneIds.length ? ` UNION ALL SELECT id FROM orders WHERE id IN (${phoneIds.join(',')})` : ''})`);
        params['codePrefix'] = `${digits}*`;
      } else {
        clauses.push("o.customer_name LIKE @name ESCAPE '\\'");
        params['name'] = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      }
    }
    return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
  }

  const byLast4 = db.prepare<[string], { id: number; phone_enc: string }>('SELECT id, phone_enc FROM orders WHERE phone_last4 = ? AND phone_enc IS NOT NULL');
  /** Orders whose buyer's number ends with the digits typed: candidates by the last four, then unsealed. */
  function phoneMatches(digits: string): number[] {
    return byLast4.all(digits.slice(-4)).filter((r) => {
      try {
        return deps.decrypt(r.phone_enc).endsWith(digits);
      } catch {
        return false;
      }
    }).map((r) => r.id);
  }

  const toRow = (r: OrderRowDb): OrderRow => ({
    id: r.id,
    storeId: r.store_id,
    code: r.code,
    source: r.source,
    state: r.state,
    outcome: r.outcome,
    status: r.status,
    createdAt: r.created_ms,
    totalPrice: r.total_price,
    units: r.units,
    firstItem: r.first_item,
    moreItems: Math.max(0, r.entry_count - 1),
    cityName: r.city_name,
    customerName: r.customer_name,
    phoneTail: r.phone_last4,
    phoneMasked: r.phone_masked === 1,
    deliveryMode: r.delivery_mode,
    kaspiDelivery: r.kaspi_delivery === null ? null : r.kaspi_delivery === 1,
    acceptDeadline: r.accept_deadline_ms,
    entriesPending: r.entries_state === 'pending',
  });

  const entriesOf = db.prepare<[number], { entry_no: number; product_id: number | null; master_sku: string | null; sku: string | null; name: string; quantity: number; total_price: number; position_at_sale: number | null; our_price_at_sale: number | null; rival_price_at_sale: number | null; market_at_ms: number | null }>(
    'SELECT * FROM order_entries WHERE order_id = ? ORDER BY entry_no',
  );
  const historyOf = db.prepare<[number], { at_ms: number; observed_ms: number; state: OrderState; outcome: OrderOutcome | null; status: string | null; kaspi_tab: string | null }>(
    'SELECT * FROM order_status_history WHERE order_id = ? ORDER BY id',
  );
  const actionsOf = db.prepare<[number], { action: 'accept'; status: 'planned' | 'done' | 'failed'; error: string | null; created_ms: number }>('SELECT * FROM order_actions WHERE order_id = ? ORDER BY id');

  function get(orderId: number): (OrderRowDb & { entries: OrderEntryView[]; history: OrderStatusChange[] }) | undefined {
    const r = db.prepare(`SELECT ${LIST_COLUMNS} FROM orders o WHERE o.id = ?`).get(orderId) as OrderRowDb | undefined;
    if (!r) return undefined;
    return {
      ...r,
      entries: entriesOf.all(orderId).map((e) => ({
        entryNo: e.entry_no, productId: e.product_id, masterSku: e.master_sku, sku: e.sku, name: e.name, quantity: e.quantity, totalPrice: e.total_price,
        unitPrice: Math.round(e.total_price / Math.max(1, e.quantity)), positionAtSale: e.position_at_sale, ourPriceAtSale: e.our_price_at_sale,
        rivalPriceAtSale: e.rival_price_at_sale, marketAt: e.market_at_ms,
      })),
      history: historyOf.all(orderId).map((h) => ({ at: h.at_ms, observedAt: h.observed_ms, state: h.state, outcome: h.outcome, status: h.status, kaspiTab: h.kaspi_tab })),
    };
  }

  return {
    upsert,
    upsertInSteps,
    get,

    /** Orders still waiting for their entries (shop API), newest first. */
    pendingEntries: db.prepare<[number, number], { id: number; kaspi_id: string | null; created_ms: number; city_id: string | null; outcome: OrderOutcome | null }>(
      "SELECT id, kaspi_id, created_ms, city_id, outcome FROM orders INDEXED BY orders_entries_pending WHERE store_id = ? AND entries_state = 'pending' ORDER BY created_ms DESC LIMIT ?",
    ),

    countPending(storeId: number): number {
      return (db.prepare("SELECT count(*) AS n FROM orders INDEXED BY orders_entries_pending WHERE store_id = ? AND entries_state = 'pending'").get(storeId) as { n: number }).n;
    },

    countOrders(storeId: number): number {
      return (db.prepare('SELECT count(*) AS n FROM orders WHERE store_id = ?').get(storeId) as { n: number }).n;
    },

    saveEntries: db.transaction((orderId: number, storeId: number, order: { createdMs: number; cityId: string | null; outcome: OrderOutcome | null }, entries: readonly SyncedEntry[]) => {
      writeEntries(orderId, storeId, order, entries);
    }),

    /** Entries of orders that came before their products were synced: linked once the products exist. */
    linkEntries: db.transaction((storeId: number): number => {
      let linked = 0;
      for (const e of unlinked.all(storeId)) {
        const productId = linkProduct(storeId, e.sku, e.master_sku);
        if (productId === null) continue;
        linkEntry.run({ orderId: e.order_id, entryNo: e.entry_no, productId, ...marketAt(productId, e.city_id, e.created_ms), ...costColumns(productId) });
        linked++;
      }
      return linked;
    }),

    /** A product's cost changed: its sales are re-costed (margin is always by today's cost). Null: every product with sales. */
    restampCosts: db.transaction((productIds: readonly number[] | null) => {
      const stamp = db.prepare('UPDATE order_entries SET unit_cost = @unitCost, fixed_fee = @fixedFee, commission_bp = @commissionBp WHERE product_id = @productId');
      const ids = productIds ?? db.prepare<[], { id: number }>('SELECT DISTINCT product_id AS id FROM order_entries WHERE product_id IS NOT NULL').all().map((r) => r.id);
      for (const productId of ids) stamp.run({ productId, ...costColumns(productId) });
    }),

    /** Orders waiting for the seller whose deadline falls before `until`. */
    waitingUntil(storeId: number, until: number): { id: number; code: string; total_price: number; accept_deadline_ms: number }[] {
      return db.prepare("SELECT id, code, total_price, accept_deadline_ms FROM orders WHERE store_id = ? AND state IN ('new', 'sign_required') AND accept_deadline_ms IS NOT NULL AND accept_deadline_ms <= ?").all(storeId, until) as never;
    },

    /** Active orders older than `before`: they are looked at by code in the full pass. */
    oldestActive(storeId: number): number | null {
      return (db.prepare("SELECT min(created_ms) AS at FROM orders WHERE store_id = ? AND state <> 'archive'").get(storeId) as { at: number | null }).at;
    },

    list(filter: OrdersFilter, sort: OrdersSort, offset: number, limit: number): { total: number; rows: OrderRow[] } {
      const w = where(filter, true);
      const total = (db.prepare(`SELECT count(*) AS n FROM orders o ${w.sql}`).get(w.params) as { n: number }).n;
      const order = `${SORT_SQL[sort.key]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, o.id ${sort.dir === 'asc' ? 'ASC' : 'DESC'}`;
      const rows = db.prepare(`SELECT ${LIST_COLUMNS} FROM orders o ${w.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...w.params, limit, offset }) as OrderRowDb[];
      return { total, rows: rows.map(toRow) };
    },

    /** Every row the filter matches, in order, for export (a page at a time, by keyset on position). */
    *iterate(filter: OrdersFilter, sort: OrdersSort): Generator<OrderRow & { phone: string | null; address: string | null }> {
      const w = where(filter, true);
      const order = `${SORT_SQL[sort.key]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, o.id ${sort.dir === 'asc' ? 'ASC' : 'DESC'}`;
      const statement = db.prepare(`SELECT ${LIST_COLUMNS} FROM orders o ${w.sql} ORDER BY ${order}`);
      for (const r of statement.iterate(w.params) as Iterable<OrderRowDb>) {
        yield { ...toRow(r), phone: r.phone_enc ? safeDecrypt(r.phone_enc) : null, address: r.address };
      }
    },

    counts(filter: OrdersFilter): Record<string, number> {
      const w = where(filter, false);
      const rows = db.prepare(`SELECT o.state, o.outcome, count(*) AS n FROM orders o ${w.sql} GROUP BY o.state, o.outcome`).all(w.params) as { state: OrderState; outcome: OrderOutcome | null; n: number }[];
      const out: Record<string, number> = { new: 0, sign_required: 0, pickup: 0, delivery: 0, kaspi_delivery: 0, archive: 0, all: 0, completed: 0, cancelled: 0, returned: 0 };
      for (const r of rows) {
        out[r.state] = (out[r.state] ?? 0) + r.n;
        out['all'] = (out['all'] ?? 0) + r.n;
        if (r.state === 'archive' && r.outcome) out[r.outcome] = (out[r.outcome] ?? 0) + r.n;
      }
      return out;
    },

    detail(orderId: number, canAccept: (r: OrderRowDb) => boolean): OrderDetail | undefined {
      const r = get(orderId);
      if (!r) return undefined;
      return {
        ...toRow(r),
        kaspiId: r.kaspi_id,
        kaspiTab: r.kaspi_tab,
        cityId: r.city_id,
        pointId: r.point_id,
        address: r.address,
        phone: r.phone_enc ? safeDecrypt(r.phone_enc) : null,
        paymentMode: r.payment_mode,
        deliveryCost: r.delivery_cost,
        plannedDelivery: r.planned_delivery_ms,
        cancelReason: r.cancel_reason,
        firstSeenAt: r.first_seen_ms,
        entries: r.entries,
        history: r.history,
        canAccept: canAccept(r),
        actions: actionsOf.all(orderId).map((a) => ({ action: a.action, status: a.status, error: a.error, at: a.created_ms })),
      };
    },

    /** The accept journal: planned before the call, settled after (one open row per order). */
    planAction(orderId: number, now: number): number {
      return Number(db.prepare("INSERT INTO order_actions (order_id, action, status, created_ms) VALUES (?, 'accept', 'planned', ?)").run(orderId, now).lastInsertRowid);
    },
    settleAction(actionId: number, status: 'done' | 'failed', error: string | null, now: number): void {
      db.prepare('UPDATE order_actions SET status = ?, error = ?, done_ms = ? WHERE id = ?').run(status, error, now, actionId);
    },
    openActions(): { id: number; order_id: number }[] {
      return db.prepare("SELECT id, order_id FROM order_actions WHERE status = 'planned'").all() as never;
    },
  };

  function safeDecrypt(sealed: string): string | null {
    try {
      return deps.decrypt(sealed);
    } catch {
      return null;
    }
  }
}
export type OrdersRepo = ReturnType<typeof ordersRepo>;
export type { OrderRowDb };
