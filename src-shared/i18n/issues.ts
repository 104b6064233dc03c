import type { z } from 'zod';
import { CATALOGUE } from './catalogue';
import { isMessageCode, msg } from './message';
import type { Message, MessageParams } from './message';
import { templateParams } from './template';

type Issue = z.core.$ZodIssue;

/**
 * A zod issue in the catalogue's words. A schema names its own message by code
 * (`.min(1, messageCode('stores.pick_one'))`, `{ error: messageCode('rules.price_whole') }`, a refinement's
 * `params`); an issue without one gets the generic message for its kind.
 */
export function issueMessage(issue: Issue): Message {
  if (isMessageCode(issue.message)) {
    const wanted = templateParams(CATALOGUE[issue.message].ru);
    const available: MessageParams = { ...(issue.code === 'custom' ? issue.params : {}), ...limits(issue) };
    return msg(issue.message, Object.fromEntries(Object.entries(available).filter(([name]) => wanted.has(name))));
  }
  switch (issue.code) {
    case 'invalid_type':
      return msg('validation.invalid_type', { expected: issue.expected });
    case 'too_small':
      return issue.origin === 'string'
        ? msg('validation.too_short', { minimum: Number(issue.minimum) })
        : issue.origin === 'array' || issue.origin === 'set'
          ? msg('validation.too_few', { minimum: Number(issue.minimum) })
          : msg('validation.too_small', { minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? msg('validation.too_long', { maximum: Number(issue.maximum) })
        : issue.origin === 'array' || issue.origin === 'set'
          ? msg('validation.too_many', { maximum: Number(issue.maximum) })
          : msg('validation.too_big', { maximum: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? msg('validation.invalid_email') : issue.format === 'url' ? msg('validation.invalid_url') : msg('validation.invalid_format');
    case 'unrecognized_keys':
      return msg('validation.unrecognized_keys', { keys: issue.keys.join(', ') });
    default:
      return msg('validation.invalid_value');
  }
}

function limits(issue: Issue): MessageParams {
  if (issue.code === 'too_small') return { minimum: Number(issue.minimum) };
  if (issue.code === 'too_big') return { maximum: Number(issue.maximum) };
  return {};
}

/** Each issue as "path: problem" ("floor.price: цена — целое число тенге"), for lists. */
export function issueMessages(error: z.ZodError): Message[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const problem = issueMessage(issue);
    return path ? msg('validation.at_path', { path, problem }) : problem;
  });
}
