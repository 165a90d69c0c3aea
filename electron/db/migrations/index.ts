import type { Migration } from './types';
import { migration0010 } from './0010-initial';

/** Every migration, in order. Statically imported so the bundle carries them. */
export const migrations: readonly Migration[] = [migration0010];

export const latestVersion = migrations[migrations.length - 1].version;
