import type { Migration } from './types';
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-donation-arrivals';

/** Every migration, in order. Statically imported so the bundle carries them. */
export const migrations: readonly Migration[] = [migration0010, migration0020];

export const latestVersion = migrations[migrations.length - 1].version;
