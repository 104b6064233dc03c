import { z } from 'zod';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored object read field by field: a field that no longer passes its schema (written by an
 * older release, edited by hand, cut short) falls back to its default alone, and a group of
 * fields (an object inside) is read the same way, so one bad field never resets its neighbours.
 * `dropped` names what fell back ("kaspi.idmcUrl"), for the log.
 */
export function parseByField<T extends Record<string, unknown>>(schema: z.ZodObject, stored: unknown, defaults: T): { value: T; dropped: string[] } {
  const source = isRecord(stored) ? stored : {};
  const dropped: string[] = stored === undefined || isRecord(stored) ? [] : ['(all)'];
  const value: Record<string, unknown> = {};
  for (const [field, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const fallback = defaults[field];
    const raw = source[field];
    if (raw === undefined) {
      value[field] = fallback;
    } else if (fieldSchema instanceof z.ZodObject && isRecord(fallback)) {
      const group = parseByField(fieldSchema, raw, fallback);
      value[field] = group.value;
      dropped.push(...group.dropped.map((inner) => `${field}.${inner}`));
    } else {
      const parsed = fieldSchema.safeParse(raw);
      value[field] = parsed.success ? parsed.data : fallback;
      if (!parsed.success) dropped.push(field);
    }
  }
  // A rule across fields (none today) still holds: then the defaults, whole.
  const whole = schema.safeParse(value);
  return whole.success ? { value: whole.data as T, dropped } : { value: defaults, dropped: ['(all)'] };
}
