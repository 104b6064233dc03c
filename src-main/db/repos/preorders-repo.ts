import type { Database } from 'better-sqlite3';
import type { Message } from '../../../src-shared/i18n/message';
import type { PreorderPoint, PreorderStatus, PreorderView } from '../../../src-shared/domain/preorder';

/** What a send asked Kaspi for: each point's days (0: back to regular sale) and stock to send. */
export type SendPoints = PreorderPoint[];
export type SendState = 'planned' | 'sent' | 'unknown' | 'refused' | 'blocked' | 'verified' | 'mismatch';

export interface PreorderSend {
  id: number;
  preorderId: number;
  storeId: number;
  via: 'push' | 'file';
  uploadId: number | null;
  points: SendPoints;
  state: SendState;
  jobId: string | null;
  createdAt: string;
  answeredAt: string | null;
  checks: number;
}

/** An entry with what sending it needs: its store's account and merchant, its offer (if synced). */
export interface SendableEntry {
  id: number;
  storeId: number;
  accountId: number;
  merchantUid: string;
  productId: number | null;
  sku: string;
  name: string;
  brand: string | null;
  price: number;
  points: PreorderPoint[];
}

interface EntryRow {
  id: number;
  store_id: number;
  store_name: string;
  product_id: number | null;
  sku: string;
  name: string;
  brand: string | null;
  price: number;
  status: PreorderStatus;
  error_json: string | null;
  created_at: string;
  updated_at: string;
  via: 'push' | 'file' | null;
  sent_at: string | null;
}

interface SendRow {
  id: number;
  preorder_id: number;
  store_id: number;
  via: 'push' | 'file';
  upload_id: number | null;
  points_json: string;
  state: SendState;
  job_id: string | null;
  created_at: string;
  answered_at: string | null;
  checks: number;
}

const toSend = (r: SendRow): PreorderSend => ({
  id: r.id,
  preorderId: r.preorder_id,
  storeId: r.store_id,
  via: r.via,
  uploadId: r.upload_id,
  points: JSON.parse(r.points_json) as SendPoints,
  state: r.state,
  jobId: r.job_id,
  createdAt: r.created_at,
  answeredAt: r.answered_at,
  checks: r.checks,
});

/** Pre-order entries, their points, the send journal, the uploads and the history (migration 7). SQL lives here. */
export function preordersRepo(db: Database) {
  const entrySelect = `
    SELECT o.id, o.store_id, s.name AS store_name, o.product_id, o.sku, o.name, o.brand, o.price, o.status, o.error_json, o.created_at, o.updated_at,
           (SELECT via FROM preorder_sends x WHERE x.preorder_id = o.id ORDER BY x.id DESC LIMIT 1) AS via,
           (SELECT answered_at FROM preorder_sends x WHERE x.preorder_id = o.id ORDER BY x.id DESC LIMIT 1) AS sent_at
      FROM preorders o JOIN stores s ON s.id = o.store_id`;
  const list = db.prepare<[], EntryRow>(`${entrySelect} WHERE s.removed_at IS NULL ORDER BY o.updated_at DESC, o.id DESC`);
  const one = db.prepare<[number], EntryRow>(`${entrySelect} WHERE o.id = ?`);
  const pointsOf = db.prepare<[number], { point_id: string; days: number; stock_count: number | null }>('SELECT point_id, days, stock_count FROM preorder_points WHERE preorder_id = ? ORDER BY point_id');
  const bySku = db.prepare<[number, string], { id: number }>('SELECT id FROM preorders WHERE store_id = ? AND sku = ?');
  const insert = db.prepare(
    `INSERT INTO preorders (store_id, product_id, sku, name, brand, price, status, created_at, updated_at)
     VALUES (@storeId, @productId, @sku, @name, @brand, @price, 'draft', @at, @at) RETURNING id`,
  );
  const updateEntry = db.prepare('UPDATE preorders SET name = @name, brand = @brand, price = @price, updated_at = @at WHERE id = @id');
  const clearPoints = db.prepare('DELETE FROM preorder_points WHERE preorder_id = ?');
  const addPoint = db.prepare('INSERT INTO preorder_points (preorder_id, point_id, days, stock_count) VALUES (?, ?, ?, ?)');
  const setStatus = db.prepare('UPDATE preorders SET status = ?, error_json = ?, updated_at = ? WHERE id = ?');
  const addHistory = db.prepare('INSERT INTO preorder_history (preorder_id, at, event, status, detail_json) VALUES (?, ?, ?, ?, ?)');
  const history = db.prepare<[number], { at: string; event: string; status: PreorderStatus; detail_json: string | null }>('SELECT at, event, status, detail_json FROM preorder_history WHERE preorder_id = ? ORDER BY id');
  const remove = db.prepare('DELETE FROM preorders WHERE id = ?');
  const sendable = db.prepare<[number], { id: number; store_id: number; account_id: number; merchant_uid: string; product_id: number | null; sku: string; name: string; brand: string | null; price: number }>(
    `SELECT o.id, o.store_id, s.account_id, s.merchant_uid, o.product_id, o.sku, o.name, o.brand, o.price
       FROM preorders o JOIN stores s ON s.id = o.store_id WHERE o.id = ? AND s.removed_at IS NULL`,
  );
  /**
   * Entries waiting to be sent: processing, and their last send is none, one to send again (a 429,
   * or one that never answered and did not land), or one settled before this change was asked for.
   */
  const toSendIds = db.prepare<[], { id: number }>(
    `SELECT o.id FROM preorders o
       LEFT JOIN preorder_sends x ON x.id = (SELECT max(id) FROM preorder_sends y WHERE y.preorder_id = o.id)
      WHERE o.status = 'processing'
        AND (x.id IS NULL OR x.state = 'blocked' OR (x.state IN ('verified', 'mismatch', 'refused') AND x.created_at < o.updated_at))
      ORDER BY o.updated_at, o.id`,
  );
  const sendCount = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM preorder_sends WHERE preorder_id = ?');
  const openSends = db.prepare<[], SendRow>(`SELECT * FROM preorder_sends WHERE state IN ('planned', 'sent', 'unknown') ORDER BY id`);
  const plan = db.prepare(
    `INSERT INTO preorder_sends (preorder_id, store_id, via, upload_id, points_json, state, created_at) VALUES (?, ?, ?, ?, ?, 'planned', ?) RETURNING id`,
  );
  const answer = db.prepare('UPDATE preorder_sends SET state = ?, job_id = ?, error_json = ?, answered_at = ? WHERE id = ?');
  const checked = db.prepare('UPDATE preorder_sends SET state = ?, checks = checks + 1, checked_at = ? WHERE id = ?');
  const planUpload = db.prepare(`INSERT INTO preorder_uploads (store_id, file_name, row_count, state, created_at) VALUES (?, ?, ?, 'planned', ?) RETURNING id`);
  const answerUpload = db.prepare('UPDATE preorder_uploads SET state = ?, job_id = ?, error_json = ?, answered_at = ? WHERE id = ?');
  const answeredSince = db.prepare<[string], { merchant_uid: string; answered_at: string; n: number }>(
    `SELECT s.merchant_uid, coalesce(u.answered_at, x.answered_at) AS answered_at, count(*) AS n
       FROM preorder_sends x JOIN stores s ON s.id = x.store_id LEFT JOIN preorder_uploads u ON u.id = x.upload_id
      WHERE x.answered_at >= ? AND x.state NOT IN ('planned', 'blocked', 'refused')
      GROUP BY s.merchant_uid, coalesce(x.upload_id, -x.id)`,
  );

  const storePoints = db.prepare<[number], { point_id: string; name: string; city_id: string | null }>('SELECT point_id, name, city_id FROM store_points WHERE store_id = ? ORDER BY name');
  const stores = db.prepare<[], { id: number; name: string; merchant_uid: string }>('SELECT id, name, merchant_uid FROM stores WHERE removed_at IS NULL ORDER BY id');
  const productById = db.prepare<[number], { id: number; store_id: number; sku: string; title: string; brand: string | null; price: number | null }>(
    `SELECT p.id, p.store_id, p.sku, p.title, p.brand, (SELECT min(price) FROM product_city_prices c WHERE c.product_id = p.id) AS price
       FROM products p JOIN stores s ON s.id = p.store_id WHERE p.id = ? AND s.removed_at IS NULL`,
  );
  const productBySku = db.prepare<[number, string], { id: number; title: string; brand: string | null; price: number | null }>(
    'SELECT p.id, p.title, p.brand, (SELECT min(price) FROM product_city_prices c WHERE c.product_id = p.id) AS price FROM products p WHERE p.store_id = ? AND p.sku = ? AND p.removed_at IS NULL',
  );

  const toView = (r: EntryRow): PreorderView => ({
    id: r.id,
    storeId: r.store_id,
    storeName: r.store_name,
    productId: r.product_id,
    sku: r.sku,
    name: r.name,
    brand: r.brand,
    price: r.price,
    status: r.status,
    error: r.error_json ? (JSON.parse(r.error_json) as Message) : null,
    points: pointsOf.all(r.id).map((p) => ({ pointId: p.point_id, days: p.days, stock: p.stock_count })),
    via: r.via,
    sentAt: r.sent_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  const writePoints = (id: number, points: readonly PreorderPoint[]): void => {
    clearPoints.run(id);
    for (const p of points) addPoint.run(id, p.pointId, p.days, p.stock);
  };

  type NewEntry = { storeId: number; productId: number | null; sku: string; name: string; brand: string | null; price: number; points: readonly PreorderPoint[] };
  const create = (e: NewEntry, at: string): number => {
    const { id } = insert.get({ ...e, at }) as { id: number };
    writePoints(id, e.points);
    addHistory.run(id, at, 'created', 'draft', JSON.stringify({ points: e.points }));
    return id;
  };
  /** The seller's edit: name, price, points; the entry goes back to draft until sent. */
  const edit = (id: number, e: { name: string; brand: string | null; price: number; points: readonly PreorderPoint[] }, at: string): void => {
    updateEntry.run({ id, ...e, at });
    writePoints(id, e.points);
    setStatus.run('draft', null, at, id);
    addHistory.run(id, at, 'edited', 'draft', JSON.stringify({ price: e.price, points: e.points }));
  };

  return {
    stores: () => stores.all().map((s) => ({ id: s.id, name: s.name, merchantUid: s.merchant_uid })),
    storePoints: (storeId: number) => storePoints.all(storeId).map((p) => ({ pointId: p.point_id, name: p.name, cityId: p.city_id })),
    /** A synced product as a new entry starts from it: its title, brand and lowest city price. */
    product: (id: number) => {
      const p = productById.get(id);
      return p ? { id: p.id, storeId: p.store_id, sku: p.sku, title: p.title, brand: p.brand, price: p.price } : null;
    },
    productBySku: (storeId: number, sku: string) => productBySku.get(storeId, sku) ?? null,
    /** New entries and edits of existing ones, in one transaction: ids in order. */
    saveMany: db.transaction((rows: ReadonlyArray<{ existingId: number | null; entry: NewEntry }>, at: string): number[] =>
      rows.map((r) => {
        if (r.existingId === null) return create(r.entry, at);
        edit(r.existingId, r.entry, at);
        return r.existingId;
      }),
    ),
    /** Entries to processing with the points to send (journaled and sent by the sender), in one transaction. */
    queue: db.transaction((rows: ReadonlyArray<{ id: number; points: readonly PreorderPoint[] | null }>, event: string, at: string): void => {
      for (const r of rows) {
        if (r.points) writePoints(r.id, r.points);
        setStatus.run('processing', null, at, r.id);
        addHistory.run(r.id, at, event, 'processing', r.points ? JSON.stringify({ points: r.points }) : null);
      }
    }),
    removeMany: db.transaction((ids: readonly number[]): void => {
      for (const id of ids) remove.run(id);
    }),
    list: (): PreorderView[] => list.all().map(toView),
    get: (id: number): PreorderView | null => {
      const row = one.get(id);
      return row ? toView(row) : null;
    },
    idBySku: (storeId: number, sku: string): number | null => bySku.get(storeId, sku)?.id ?? null,
    edit: db.transaction(edit),
    setPoints: (id: number, points: readonly PreorderPoint[]): void => writePoints(id, points),
    status(id: number, status: PreorderStatus, event: string, at: string, error: Message | null = null, detail: unknown = null): void {
      setStatus.run(status, error ? JSON.stringify(error) : null, at, id);
      addHistory.run(id, at, event, status, detail === null ? null : JSON.stringify(detail));
    },
    history: (id: number) => history.all(id).map((h) => ({ at: h.at, event: h.event, status: h.status, detail: h.detail_json ? (JSON.parse(h.detail_json) as unknown) : null })),
    remove: (id: number): void => void remove.run(id),
    sendable(id: number): SendableEntry | null {
      const r = sendable.get(id);
      if (!r) return null;
      return { id: r.id, storeId: r.store_id, accountId: r.account_id, merchantUid: r.merchant_uid, productId: r.product_id, sku: r.sku, name: r.name, brand: r.brand, price: r.price, points: pointsOf.all(r.id).map((p) => ({ pointId: p.point_id, days: p.days, stock: p.stock_count })) };
    },
    waitingIds: (): number[] => toSendIds.all().map((r) => r.id),
    openSends: (): PreorderSend[] => openSends.all().map(toSend),
    sendCount: (preorderId: number): number => sendCount.get(preorderId)?.n ?? 0,
    /** Journal first: the rows are on disk before the request leaves (one per entry; a file's share an upload). */
    planSends: db.transaction((rows: Array<{ entry: SendableEntry; points: SendPoints }>, via: 'push' | 'file', upload: { fileName: string } | null, at: string): { uploadId: number | null; sendIds: number[] } => {
      const uploadId = upload ? (planUpload.get(rows[0]?.entry.storeId ?? 0, upload.fileName, rows.length, at) as { id: number }).id : null;
      const sendIds = rows.map((r) => (plan.get(r.entry.id, r.entry.storeId, via, uploadId, JSON.stringify(r.points), at) as { id: number }).id);
      return { uploadId, sendIds };
    }),
    answerSends: db.transaction((sendIds: readonly number[], uploadId: number | null, state: SendState, jobId: string | null, error: Message | null, at: string): void => {
      for (const id of sendIds) answer.run(state, jobId, error ? JSON.stringify(error) : null, at, id);
      if (uploadId !== null) answerUpload.run(state === 'sent' ? 'accepted' : state === 'unknown' ? 'unknown' : 'refused', jobId, error ? JSON.stringify(error) : null, at, uploadId);
    }),
    checked: (sendId: number, state: SendState, at: string): void => void checked.run(state, at, sendId),
    /** Requests Kaspi counted since `since` (one per push, one per file row), by merchant and when they answered: the budget after a restart. */
    countedSince: (since: string) => answeredSince.all(since).map((r) => ({ merchantUid: r.merchant_uid, at: Date.parse(r.answered_at), count: r.n })),
  };
}
export type PreordersRepo = ReturnType<typeof preordersRepo>;
