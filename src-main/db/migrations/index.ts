import type { Migration } from './types';
import { initial } from './001-initial';

/** In order; a version is never reused or edited once released. */
export const MIGRATIONS: readonly Migration[] = [initial];
export type { Migration };
