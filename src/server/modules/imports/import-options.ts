import type { Role } from '../../../contract/roles';
import type { Ctx } from '../../platform/context';
import type { CsvFormat } from './csv-source';
import type { ImportObject, Mapping } from './import-mapping';

export type Dedup = 'skip' | 'update' | 'create';
export const FINAL_STATUSES = ['done', 'failed', 'reverted'];

/** What an import was asked to do, stored with it so a resumed run does the same. */
export type ImportOptions = {
  mapping: Mapping;
  dedup: Dedup;
  /** `email` (contacts, leads), `domain` or `name` (companies, leads and deals by name), or a custom field `custom.<key>` holding an external id. */
  matchBy: string;
  dryRun: boolean;
  /**
   * Contacts only: a company a row names that is not here yet is created and linked. Absent in
   * imports stored before the option existed, which resume as they began (unlinked).
   */
  createCompanies?: boolean;
  format: CsvFormat;
  /** Who started it: the import writes as them. */
  actor: { role: Role; userId: string | null; type: Ctx['actor']['type']; id: string | null };
};

const DEFAULT_MATCH: Record<ImportObject, string> = { contacts: 'email', companies: 'domain', leads: 'email', deals: 'name' };
export const defaultMatchBy = (object: ImportObject) => DEFAULT_MATCH[object];

export const ctxOfImport = (workspaceId: string, o: ImportOptions): Ctx => ({
  workspaceId,
  role: o.actor.role,
  userId: o.actor.userId,
  actor: { type: o.actor.type, id: o.actor.id },
});
