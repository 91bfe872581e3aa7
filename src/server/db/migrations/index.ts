import type { Migration } from 'kysely';
import * as foundation from './20261123120000-foundation';
import * as interactions from './20261123140000-interactions';
import * as sales from './20261123150000-sales';
import * as imports from './20261123160000-imports';
import * as duplicates from './20261123170000-duplicates';
import * as privacy from './20261123180000-privacy';
import * as importsMore from './20261123190000-imports-more';
import * as leanTrashIndexes from './20261123210000-lean-trash-indexes';
import * as duplicateScanRuns from './20261123220000-duplicate-scan-runs';
import * as importCompanies from './20261123230000-import-companies';
import * as sortIndexesNullsFirst from './20261204120000-sort-indexes-nulls-first';
import * as searchTitlePrefix from './20261204130000-search-title-prefix';
import * as nameIndexesCarryStage from './20261206120000-name-indexes-carry-stage';

/** Every migration, by timestamped name. Add new ones at the end; never edit a landed one. */
export const migrations: Record<string, Migration> = {
  '20261123120000-foundation': foundation,
  '20261123140000-interactions': interactions,
  '20261123150000-sales': sales,
  '20261123160000-imports': imports,
  '20261123170000-duplicates': duplicates,
  '20261123180000-privacy': privacy,
  '20261123190000-imports-more': importsMore,
  '20261123210000-lean-trash-indexes': leanTrashIndexes,
  '20261123220000-duplicate-scan-runs': duplicateScanRuns,
  '20261123230000-import-companies': importCompanies,
  '20261204120000-sort-indexes-nulls-first': sortIndexesNullsFirst,
  '20261204130000-search-title-prefix': searchTitlePrefix,
  '20261206120000-name-indexes-carry-stage': nameIndexesCarryStage,
};
