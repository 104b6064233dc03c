import { z } from 'zod';

/**
 * A fault on WAHA's API, set through the control API. Requests whose path starts with `path` (or
 * matches `/regex/`) get it, at most `times` times:
 *
 * - `status`: answered at once with that HTTP status (a 5xx WAHA, a 502 of a proxy in front of it);
 * - `slow`: answered after `delayMs` real milliseconds (exercises the client's timeouts);
 * - `hang`: held unanswered and not acted on; a client that gives up (or dies) has sent nothing,
 *   `POST /release` lets held requests go on;
 * - `deliver_then_hang`: acted on (the message goes out) but never answered: WAHA sent, the
 *   client cannot know;
 * - `reset`: the connection is dropped before anything happens.
 */
export const wahaFaultSchema = z.object({
  path: z.string().optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
  kind: z.enum(['status', 'slow', 'hang', 'deliver_then_hang', 'reset']),
  status: z.number().int().min(400).max(599).default(500),
  delayMs: z.number().nonnegative().default(0),
  times: z.number().int().positive().optional(),
});
export type WahaFaultInput = z.input<typeof wahaFaultSchema>;
export type WahaFault = z.infer<typeof wahaFaultSchema> & { id: string; hits: number };

export class WahaFaults {
  private rules: WahaFault[] = [];
  private seq = 0;

  add(input: WahaFaultInput): WahaFault {
    const rule: WahaFault = { ...wahaFaultSchema.parse(input), id: `w${++this.seq}`, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  clear(): void {
    this.rules = [];
  }

  list(): WahaFault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The first rule that fires for this request; spends one of its `times`. */
  draw(method: string, path: string): WahaFault | null {
    const rule = this.rules.find((r) => (r.method === undefined || r.method === method) && (r.path === undefined || matches(r.path, path)));
    if (!rule) return null;
    rule.hits++;
    this.rules = this.rules.filter((r) => r.times === undefined || r.hits < r.times);
    return rule;
  }
}

function matches(pattern: string, path: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) return new RegExp(pattern.slice(1, -1)).test(path);
  return path.startsWith(pattern);
}
