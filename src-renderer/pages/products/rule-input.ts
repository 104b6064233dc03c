import type { ProductTableRow } from '../../../src-shared/contract/products';
import { parseStep, parseStrategy, readTenge } from '../../../src-shared/csv/rules-columns';
import type { TengeProblem } from '../../../src-shared/csv/rules-columns';
import type { ProductRuleOverrides, Strategy } from '../../../src-shared/domain/rules';
import { formatTenge } from '../../../src-shared/pricing/format-tenge';
import type { MessageKey } from '../../i18n/catalog';

/** What the seller typed; a field left undefined is not being changed. */
export interface RuleDraft {
  floor?: string;
  ceiling?: string;
  step?: string;
  strategy?: string;
}
export type DraftField = keyof RuleDraft;

export interface FieldProblem {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface CheckedDraft {
  set: Partial<ProductRuleOverrides>;
  unset: Array<'ceiling' | 'step' | 'strategy'>;
  errors: Partial<Record<DraftField, FieldProblem>>;
}

const TENGE_KEYS: Record<TengeProblem, MessageKey> = {
  not_number: 'products.err.notNumber',
  fraction: 'products.err.fraction',
  negative: 'products.err.negative',
  too_small: 'products.err.tooSmall',
  too_big: 'products.err.tooBig',
};

/** Strategy names as the seller may type them: any language's label, or the CSV words. */
export function readStrategy(text: string, labels: Record<Strategy, string>): Strategy | null {
  const t = text.trim().toLowerCase();
  const hit = (Object.entries(labels) as Array<[Strategy, string]>).find(([, label]) => label.toLowerCase() === t);
  if (hit) return hit[0];
  const parsed = parseStrategy(text);
  return parsed.ok ? parsed.value : null;
}

/**
 * Checks an edit before anything is sent: each value on its own, then floor against ceiling for
 * every product it would apply to. An empty ceiling, step or strategy goes back to the store default.
 */
export function checkDraft(draft: RuleDraft, rows: readonly Pick<ProductTableRow, 'floor' | 'ceiling'>[], labels: Record<Strategy, string>): CheckedDraft {
  const out: CheckedDraft = { set: {}, unset: [], errors: {} };
  if (draft.floor !== undefined) {
    const r = readTenge(draft.floor);
    if (draft.floor.trim() === '') out.errors.floor = { key: 'products.err.floorRequired' };
    else if (!r.ok) out.errors.floor = { key: TENGE_KEYS[r.problem] };
    else out.set.floor = { kind: 'fixed', price: r.value };
  }
  if (draft.ceiling !== undefined) {
    const r = readTenge(draft.ceiling);
    if (draft.ceiling.trim() === '') out.unset.push('ceiling');
    else if (!r.ok) out.errors.ceiling = { key: TENGE_KEYS[r.problem] };
    else out.set.ceiling = r.value;
  }
  if (draft.step !== undefined) {
    if (draft.step.trim() === '') out.unset.push('step');
    else {
      const r = parseStep(draft.step);
      if (r.ok) out.set.step = r.value;
      else out.errors.step = { key: 'products.err.step' };
    }
  }
  if (draft.strategy !== undefined) {
    if (draft.strategy.trim() === '') out.unset.push('strategy');
    else {
      const s = readStrategy(draft.strategy, labels);
      if (s) out.set.strategy = s;
      else out.errors.strategy = { key: 'products.err.strategy', params: { value: draft.strategy.trim() } };
    }
  }
  if (out.errors.floor || out.errors.ceiling) return out;

  const newFloor = out.set.floor?.kind === 'fixed' ? out.set.floor.price : undefined;
  const crossing = rows.filter((row) => {
    const floor = newFloor ?? row.floor;
    // An unset ceiling falls back to a store default the renderer does not hold: main checks that one.
    const ceiling = out.unset.includes('ceiling') ? null : out.set.ceiling !== undefined ? out.set.ceiling : row.ceiling;
    return floor !== null && ceiling !== null && floor > ceiling;
  });
  if (crossing.length > 0) {
    const first = crossing[0]!;
    const floor = newFloor ?? first.floor!;
    const ceiling = out.set.ceiling ?? first.ceiling!;
    const problem: FieldProblem = crossing.length === 1
      ? { key: 'products.err.floorAboveCeiling', params: { floor: formatTenge(floor), ceiling: formatTenge(ceiling) } }
      : { key: 'products.err.floorAboveCeilingMany', params: { count: crossing.length, floor: formatTenge(floor), ceiling: formatTenge(ceiling) } };
    out.errors[newFloor !== undefined ? 'floor' : 'ceiling'] = problem;
  }
  return out;
}

export const hasErrors = (c: CheckedDraft) => Object.keys(c.errors).length > 0;
export const isEmpty = (c: CheckedDraft) => Object.keys(c.set).length === 0 && c.unset.length === 0;
