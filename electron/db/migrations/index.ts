import type { Migration } from './types';
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-donation-arrivals';
import { migration0030 } from './0030-decisions';
import { migration0040 } from './0040-unit-aliases';
import { migration0050 } from './0050-list-dates';
import { migration0060 } from './0060-donation-source-index';

/** Every migration, in order. Statically imported so the bundle carries them. */
export const migrations: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060];

export const latestVersion = migrations[migrations.length - 1].version;
