/**
 * What a buyer writes to stop our messages: "стоп" / "stop" (the words), and the same in
 * Kazakh and as "unsubscribe". The buyer's words, not ours: they stay as buyers type them.
 */
const STOP_WORDS = new Set(['стоп', 'stop', 'тоқта', 'токта', 'отписаться', 'отписка', 'unsubscribe']);

/** True when a reply, stripped of case, spaces, punctuation and emoji, is one of the stop words. */
export function isStopReply(text: string): boolean {
  const bare = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return STOP_WORDS.has(bare);
}
