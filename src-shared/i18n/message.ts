import { z } from 'zod';
import { CATALOGUE } from './catalogue';
import type { MessageCode } from './catalogue';
import { templateParams } from './template';

export type { MessageCode };

/** A parameter: plain text or a number (formatted by the template), or messages rendered in place. */
export type MessageParam = string | number | Message | Message[];
export type MessageParams = Record<string, MessageParam>;

/**
 * What main says to a person, in no language yet: a catalogue code and its parameters. Main
 * returns these (errors, row problems, states); the renderer, the tray and notifications render
 * them in the seller's language with renderMessage.
 */
export interface Message {
  code: MessageCode;
  params?: MessageParams;
}

let strict = false;

/** Tests turn this on: a message built with parameters its template does not name (or lacks) throws. */
export function setStrictMessages(on: boolean): void {
  strict = on;
}

export function msg(code: MessageCode, params?: MessageParams): Message {
  if (strict) checkParams(code, params);
  return params === undefined ? { code } : { code, params };
}

function checkParams(code: MessageCode, params: MessageParams | undefined): void {
  const entry = CATALOGUE[code] as (typeof CATALOGUE)[MessageCode] | undefined;
  if (!entry) throw new Error(`message code "${code}" is not in the catalogue`);
  const wanted = [...templateParams(entry.ru)].sort();
  const given = Object.keys(params ?? {}).sort();
  if (wanted.join() !== given.join()) throw new Error(`message "${code}" takes {${wanted.join(', ')}}, got {${given.join(', ')}}`);
}

export const isMessageCode = (code: unknown): code is MessageCode => typeof code === 'string' && Object.hasOwn(CATALOGUE, code);

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && isMessageCode((value as { code?: unknown }).code);
}

/** A message all the way down: a known code, and parameters that are text, numbers or messages. */
function isWellFormed(value: unknown, depth = 0): value is Message {
  if (depth > 8 || !isMessage(value)) return false;
  const { params } = value as { params?: unknown };
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  return Object.values(params).every((param) =>
    typeof param === 'string' || typeof param === 'number' || (Array.isArray(param) ? param.every((m) => isWellFormed(m, depth + 1)) : isWellFormed(param, depth + 1)),
  );
}

/**
 * The contract's shape of a message. Checked by hand rather than as a recursive zod schema:
 * z.lazy costs ~25 times more, and a table of 10,000 rows, each with its rules problems, must
 * leave main in a few milliseconds.
 */
export const message = z.custom<Message>((value) => isWellFormed(value), { message: 'not a message of the catalogue' });

/** A catalogue code as a schema's own message (`.min(1, messageCode('stores.pick_one'))`); issues.ts reads it back. */
export const messageCode = <C extends MessageCode>(code: C): C => code;
