/**
 * Rivals that look like the seller's own other store (issue 18): a shop of the same seller that
 * this machine does not run (another Kaspi account, a partner's computer) shows up on the
 * storefront as a rival, and undercutting it is a price war with oneself. The seller's stores on
 * this machine are never rivals (the demper leaves them out by uid); these are the ones it cannot
 * know by uid, found by their name or by how they price against us.
 */

/** A rival as this check weighs it. */
export interface LookalikeCandidate {
  merchantId: string;
  name: string;
  /** Products it was seen in. */
  productIds: number[];
  /** Its price against ours in the looks where both were on sale (rival-scan's vsUs). */
  vsUs: { looks: number; same: number; under: number } | null;
}

export type LookalikeReason = 'same_name' | 'mirrors_us';

export interface Lookalike {
  merchantId: string;
  name: string;
  reason: LookalikeReason;
  /** The store of this machine whose name it carries (same_name). */
  ownStore: string | null;
  productIds: number[];
  looks: number;
  same: number;
  under: number;
}

/** Looks (in at least two products) a mirror needs before it counts: a few equal prices are chance. */
export const MIRROR_MIN_LOOKS = 20;
export const MIRROR_MIN_PRODUCTS = 2;
/** Share of those looks at exactly our price. */
export const MIRROR_SAME_SHARE = 0.9;

/** Kazakh and Russian legal forms and quotes say nothing about who a shop is. */
const LEGAL_FORMS = /(^|\s)(ип|тоо|ао|чп|llp|ip|too|ltd|llc)(?=\s|$)/gu;

/** A store name as people read it: case, quotes, punctuation and legal form left out. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[«»"'`“”„.,\-_()]/gu, ' ')
    .replace(LEGAL_FORMS, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The rivals to suggest excluding: one whose name is one of this machine's store names (legal
 * form and punctuation aside), or one that in enough looks across products sat at exactly our
 * price and was never once under it: a copy of our price list, not a competitor.
 */
export function ownLookalikes(ownStoreNames: readonly string[], candidates: readonly LookalikeCandidate[]): Lookalike[] {
  const own = new Map<string, string>();
  for (const name of ownStoreNames) {
    const key = nameKey(name);
    if (key.length >= 3) own.set(key, name);
  }
  const out: Lookalike[] = [];
  for (const c of candidates) {
    const vs = c.vsUs ?? { looks: 0, same: 0, under: 0 };
    const ownStore = own.get(nameKey(c.name)) ?? null;
    const mirrors = vs.looks >= MIRROR_MIN_LOOKS && c.productIds.length >= MIRROR_MIN_PRODUCTS && vs.under === 0 && vs.same >= vs.looks * MIRROR_SAME_SHARE;
    if (ownStore === null && !mirrors) continue;
    out.push({ merchantId: c.merchantId, name: c.name, reason: ownStore !== null ? 'same_name' : 'mirrors_us', ownStore, productIds: [...c.productIds].sort((a, b) => a - b), looks: vs.looks, same: vs.same, under: vs.under });
  }
  return out.sort((a, b) => b.productIds.length - a.productIds.length || a.merchantId.localeCompare(b.merchantId));
}
