import { z } from 'zod';

/**
 * Every failure that crosses the IPC boundary is one of these codes. The renderer translates the
 * code (its catalogs hold the texts); `message` is a Russian fallback for codes it does not know.
 */
export const ERROR_CODES = [
  'unknown_call',
  'invalid_input',
  'invalid_output',
  'not_found',
  'conflict',
  'unauthorized',
  'unavailable',
  'internal',
] as const;

export const appErrorShape = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorShape>;

export class AppError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(code: (typeof ERROR_CODES)[number] | (string & {}), message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
  static from(shape: AppErrorShape): AppError {
    return new AppError(shape.code, shape.message, shape.details);
  }
}

/** What a call returns on the wire: never a thrown exception, always one of these. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** Zod issues as short lines a person can act on: "floor: должно быть целым числом". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
