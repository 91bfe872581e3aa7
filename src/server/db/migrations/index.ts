import type { Migration } from 'kysely';
import * as foundation from './20261123120000-foundation';

/** Every migration, by timestamped name. Add new ones at the end; never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '20261123120000-foundation': foundation,
};
