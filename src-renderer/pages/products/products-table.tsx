import { useMemo } from 'react';
import type { ProductTableRow } from '../../../src-shared/contract/products';
import { STRATEGIES } from '../../../src-shared/domain/rules';
import { VirtualTable } from '../../components/virtual-table';
import type { Column } from '../../components/virtual-table';
import { useSay, useT } from '../../i18n/use-t';
import { useLanguage } from '../../store/ui-store';
import { InlineEdit } from './inline-edit';
import type { RuleDraft } from './rule-input';
import { dateTime, strategyLabels, tenge } from './format';
import { needsAttention } from './table-model';
import type { SortKey, TableQuery } from './table-model';

export interface ProductsTableProps {
  rows: readonly ProductTableRow[];
  sort: TableQuery['sort'];
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<number>;
  onSelect: (id: number, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onOpen: (id: number) => void;
  /** Resolve to an error to show at the field, or null when saved. */
  onSaveRules: (row: ProductTableRow, draft: RuleDraft) => Promise<string | null>;
  onSetBot: (row: ProductTableRow, enabled: boolean) => Promise<string | null>;
  height?: string;
}

const STRATEGY_LIST = 'products-strategy-list';

export function ProductsTable({ rows, sort, onSort, selected, onSelect, onSelectAll, onOpen, onSaveRules, onSetBot, height }: ProductsTableProps) {
  const t = useT();
  const say = useSay();
  const language = useLanguage();
  const labels = useMemo(() => strategyLabels(t), [t]);
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const columns = useMemo<Column<ProductTableRow>[]>(() => [
    {
      id: 'select', width: '36px',
      header: <input type="checkbox" aria-label={t('products.selectAll')} checked={allSelected} onChange={(e) => onSelectAll(e.target.checked)} data-testid="select-all" />,
      cell: (r) => <input type="checkbox" aria-label={t('products.selectRow', { sku: r.sku })} checked={selected.has(r.id)} onChange={(e) => onSelect(r.id, e.target.checked)} data-testid={`select-${r.sku}`} />,
    },
    {
      id: 'title', width: 'minmax(160px, 3fr)', sortKey: 'title', header: t('products.col.title'),
      cell: (r) => (
        <button type="button" className="link title-cell" onClick={() => onOpen(r.id)} title={r.title} translate="no" data-testid={`open-${r.sku}`}>
          {needsAttention(r) && <span className="attention-dot" title={r.rulesError ? say(r.rulesError) : t('products.attention.botNoFloor')} aria-label={t('products.filter.attention')} />}
          {r.title}
        </button>
      ),
    },
    { id: 'sku', width: 'minmax(80px, 1fr)', sortKey: 'sku', header: t('products.col.sku'), cell: (r) => <span className="mono">{r.sku}</span> },
    { id: 'ourPrice', width: '96px', sortKey: 'ourPrice', numeric: true, header: t('products.col.ourPrice'), cell: (r) => tenge(r.ourPrice) },
    {
      id: 'bestRival', width: '128px', sortKey: 'bestRivalPrice', numeric: true, header: t('products.col.bestRival'),
      cell: (r) => (r.marketAt === null ? <span className="muted" title={t('products.notChecked')}>—</span>
        : r.bestRivalPrice === null ? <span className="muted">{t('products.noRivals')}</span>
        : <span title={r.bestRivalName ?? ''} translate="no">{tenge(r.bestRivalPrice)}</span>),
    },
    { id: 'position', width: '56px', sortKey: 'position', numeric: true, header: t('products.col.position'), cell: (r) => (r.position === null ? '—' : <span className={r.position === 1 ? 'pos first' : 'pos'}>{r.position}</span>) },
    {
      id: 'floor', width: '104px', sortKey: 'floor', numeric: true, header: t('products.col.floor'),
      cell: (r) => <InlineEdit display={tenge(r.floor)} initial={r.floor?.toString() ?? ''} label={t('products.field.floor')} testId={`floor-${r.sku}`} onSubmit={(text) => onSaveRules(r, { floor: text })} />,
    },
    {
      id: 'ceiling', width: '104px', sortKey: 'ceiling', numeric: true, header: t('products.col.ceiling'),
      cell: (r) => <InlineEdit display={r.ceiling === null ? t('products.noCeilingShort') : tenge(r.ceiling)} initial={r.ceiling?.toString() ?? ''} label={t('products.field.ceiling')} testId={`ceiling-${r.sku}`} onSubmit={(text) => onSaveRules(r, { ceiling: text })} />,
    },
    {
      id: 'strategy', width: '150px', sortKey: 'strategy', header: t('products.col.strategy'),
      cell: (r) => <InlineEdit display={r.strategy ? labels[r.strategy] : '—'} initial={r.strategy ? labels[r.strategy] : ''} label={t('products.field.strategy')} listId={STRATEGY_LIST} testId={`strategy-${r.sku}`} onSubmit={(text) => onSaveRules(r, { strategy: text })} />,
    },
    {
      id: 'bot', width: '48px', sortKey: 'botEnabled', header: t('products.col.bot'),
      cell: (r) => <BotSwitch row={r} label={t('products.botFor', { sku: r.sku })} onSetBot={onSetBot} />,
    },
    { id: 'lastChange', width: '104px', sortKey: 'lastChangeAt', header: t('products.col.lastChange'), cell: (r) => <span className="muted">{dateTime(r.lastChangeAt, language)}</span> },
  ], [t, labels, language, allSelected, selected, onSelect, onSelectAll, onOpen, onSaveRules, onSetBot]);

  return (
    <>
      <datalist id={STRATEGY_LIST}>{STRATEGIES.map((s) => <option key={s} value={labels[s]} />)}</datalist>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.id}
        sort={sort}
        onSort={(key) => onSort(key as SortKey)}
        label={t('nav.products')}
        height={height}
        rowClassName={(r) => (selected.has(r.id) ? 'selected' : undefined)}
        testId="products-table"
        rowTestId="product-row"
      />
    </>
  );
}

function BotSwitch({ row, label, onSetBot }: { row: ProductTableRow; label: string; onSetBot: ProductsTableProps['onSetBot'] }) {
  return (
    <input
      type="checkbox"
      role="switch"
      className="switch"
      aria-label={label}
      checked={row.botEnabled}
      data-testid={`bot-${row.sku}`}
      onChange={(e) => { void onSetBot(row, e.target.checked); }}
    />
  );
}
