import { z } from 'zod';
import type { Prng } from './prng';

export const HOSTS = ['idmc', 'mc', 'storefront'] as const;
export type HostName = (typeof HOSTS)[number];

/**
 * A fault rule, injected through the control API. Matching requests (host and path prefix, or a
 * /regex/) get the fault with probability `rate`, at most `times` times. Latency is real
 * milliseconds, never time-scaled: it exists to exercise the client's own timeouts.
 */
export const faultSchema = z.object({
  host: z.enum([...HOSTS, '*']).default('*'),
  path: z.string().optional(),
  kind: z.enum(['error', 'latency', 'html', 'captcha', 'hang']),
  rate: z.number().min(0).max(1).default(1),
  status: z.number().int().min(400).max(599).default(503),
  latencyMs: z.number().nonnegative().default(0),
  times: z.number().int().positive().optional(),
});
export type FaultInput = z.input<typeof faultSchema>;
export type Fault = z.infer<typeof faultSchema> & { id: string; hits: number };

export class Faults {
  private rules: Fault[] = [];
  private seq = 0;

  constructor(private readonly rng: Prng) {}

  add(input: FaultInput): Fault {
    const rule: Fault = { ...faultSchema.parse(input), id: `f${++this.seq}`, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): Fault[] {
    return this.rules.map((r) => ({ ...r }));
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** The faults that fire for this request, in rule order; spends one of each rule's `times`. */
  draw(host: HostName, path: string): Fault[] {
    if (this.rules.length === 0) return [];
    const fired: Fault[] = [];
    for (const rule of this.rules) {
      if (rule.host !== '*' && rule.host !== host) continue;
      if (rule.path !== undefined && !pathMatches(rule.path, path)) continue;
      if (rule.rate < 1 && !this.rng.chance(rule.rate)) continue;
      rule.hits++;
      fired.push(rule);
    }
    this.rules = this.rules.filter((r) => r.times === undefined || r.hits < r.times);
    return fired;
  }
}

function pathMatches(pattern: string, path: string): boolean {
  if (pattern.length > 2 && pattern.startsWith('/') && pattern.endsWith('/')) return new RegExp(pattern.slice(1, -1)).test(path);
  return path.startsWith(pattern);
}
