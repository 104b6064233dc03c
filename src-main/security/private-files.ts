import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The data folder holds the database, its WAL, logs, backups, the key and login screenshots: on a
 * shared machine none of it is anyone else's business. At every start, whatever mode the folder
 * was created with, folders become 0700 and files 0600 (links are left alone, never followed).
 * SQLite gives the WAL and SHM files the database's own mode. Windows keeps its ACLs.
 */
export function makePrivate(dir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if ((stat.mode & 0o777) !== 0o600) {
      chmodSync(path, 0o600);
    }
  };
  visit(dir);
}

/** Folders the app writes into later (screenshots, backups, logs): created private, before anything lands in them. */
export function privateFolders(...dirs: string[]): void {
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }
}
