import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { LogRecordView } from '../../src-shared/contract/maintenance';
import { LOG_LEVELS } from './logger';
import type { LogLevel } from './logger';

export interface LogQuery {
  minLevel: LogLevel;
  module?: string;
  storeId?: number;
  text?: string;
  limit: number;
}

/** Newest first, across the current file and the rotated ones, until `limit` records match. */
export function queryLog(logFile: string, query: LogQuery): { records: LogRecordView[]; modules: string[] } {
  const files = [logFile, ...[1, 2, 3, 4, 5].map((n) => `${logFile}.${n}`)].filter(existsSync);
  const min = LOG_LEVELS.indexOf(query.minLevel);
  const text = query.text?.toLowerCase();
  const records: LogRecordView[] = [];
  const modules = new Set<string>();
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i];
      if (!line) continue;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // a line cut by a crash mid-write
      }
      const { ts, level, module, msg, ...fields } = parsed as { ts: string; level: LogLevel; module: string; msg: string } & Record<string, unknown>;
      modules.add(module);
      if (records.length >= query.limit) continue;
      if (LOG_LEVELS.indexOf(level) < min) continue;
      if (query.module && module !== query.module && !module.startsWith(`${query.module}.`)) continue;
      if (query.storeId !== undefined && fields['storeId'] !== query.storeId) continue;
      if (text && !line.toLowerCase().includes(text)) continue;
      records.push({ ts, level, module, msg, fields });
    }
  }
  return { records, modules: [...modules].sort() };
}

/** Failed-login evidence saved by the Kaspi login: kaspi-login-<time>-<reason>.png (+ .html). */
export function listLoginFailures(dir: string): Array<{ name: string; createdAt: string; reason: string; hasHtml: boolean }> {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir);
  return names
    .filter((name) => name.endsWith('.png'))
    .map((name) => {
      const match = /^kaspi-login-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(.+)\.png$/.exec(name);
      const createdAt = match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z` : new Date(0).toISOString();
      return { name, createdAt, reason: match?.[6] ?? 'unknown', hasHtml: names.includes(name.replace(/\.png$/, '.html')) };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function loginFailureImage(dir: string, name: string): string {
  const path = join(dir, basename(name));
  if (dirname(path) !== dir || !existsSync(path)) throw new Error('not found');
  return `data:image/png;base64,${readFileSync(path).toString('base64')}`;
}
