import type { Guard, Reason, ReasonCode } from '../domain/decision';
import { msg } from '../i18n/message';
import type { Message } from '../i18n/message';

/** Reasons that speak for themselves with one catalogue text (the others name the rival they follow). */
type OwnWordsCode = Exclude<ReasonCode, 'undercut' | 'match' | 'top_n' | 'raise_gap' | 'not_listed'>;
const why = (code: OwnWordsCode): Message => msg(`decision.why.${code}`);
const guardWords = (guard: Exclude<Guard, 'floor' | 'ceiling'>): Message => msg(`decision.guard.${guard}`);

/**
 * One line a seller can read, as a catalogue message: what happened to the price, because of whom,
 * and which limit held it, e.g. "Снижено до 12 990 ₸: на 10 ₸ ниже «Магазин X»; минимум 12 500 ₸".
 * The renderer shows it with useSay(); main renders it with renderMessage in the seller's language.
 */
export function reasonMessage(reason: Reason): Message {
  if (reason.code === 'not_listed' || reason.price === null) return msg('decision.not_listed');
  const previous = reason.previousPrice ?? reason.price;
  const head = msg(reason.price < previous ? 'decision.lowered' : reason.price > previous ? 'decision.raised' : 'decision.kept', { price: reason.price });

  const parts: Message[] = [];
  const target = reason.target;
  const stepUnderTarget = (rival: string) => msg('decision.step_under', { step: reason.step, rival });
  // A guard held the price: say what the strategy wanted, so "10 ₸ below X" is not read as done.
  if (reason.price === previous && reason.proposedPrice !== null && reason.proposedPrice !== previous) parts.push(msg('decision.wanted', { price: reason.proposedPrice }));
  switch (reason.code) {
    case 'undercut':
    case 'top_n':
    case 'raise_gap':
      if (target) parts.push(reason.step > 0 ? stepUnderTarget(target.merchantName) : msg('decision.same_as', { rival: target.merchantName }));
      if (target && reason.code === 'top_n') parts.push(msg('decision.place', { place: target.place }));
      break;
    case 'match':
      if (target) parts.push(msg('decision.same_as', { rival: target.merchantName }));
      break;
    case 'rival_below_floor_next':
    case 'price_war_next':
    case 'rival_floor':
      parts.push(why(reason.code));
      if (target) parts.push(stepUnderTarget(target.merchantName));
      break;
    default:
      parts.push(why(reason.code));
  }
  if (reason.stockUnits !== null && reason.stockUnits !== undefined && reason.stockUnits > 0) parts.push(msg('decision.units', { units: reason.stockUnits }));
  for (const guard of reason.guards) {
    if (guard === 'floor') parts.push(msg('decision.floor', { price: reason.floor }));
    else if (guard === 'ceiling' && reason.ceiling !== null) parts.push(msg('decision.ceiling', { price: reason.ceiling }));
    else if (guard !== 'ceiling') parts.push(guardWords(guard));
  }
  // The floor is the number sellers ask about most: show it whenever a price went down.
  if (reason.price < previous && !reason.guards.includes('floor')) parts.push(msg('decision.floor', { price: reason.floor }));
  return parts.length > 0 ? msg('decision.line', { head, parts }) : head;
}
