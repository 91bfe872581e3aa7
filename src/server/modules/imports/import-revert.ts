import type { WorkspaceDb } from '../../db/scoped';
import type { Ctx } from '../../platform/context';
import type { ImportObject } from './import-mapping';
import { type RecordOps, WRITABLE, importServices } from './import-targets';
import { COMPANY_CREATED, COMPANY_LEDGER_START, ledgerPage } from './imports.repository';

/** The changes that bring `now` back to `before` (custom values the import added are cleared). */
function restoring(object: ImportObject, before: Record<string, any>, now: Record<string, any>): Record<string, unknown> {
  const changes: Record<string, unknown> = Object.fromEntries(WRITABLE[object].map((k) => [k, before[k]]));
  const custom: Record<string, unknown> = { ...before.custom };
  for (const k of Object.keys(now.custom ?? {})) if (!(k in custom)) custom[k] = null;
  changes.custom = custom;
  return changes;
}

const PAGE = 1000;

/** Trashes the records a ledger's entries of `outcome` created that are not in the trash yet; how many. */
async function trashCreated(tx: WorkspaceDb, ctx: Ctx, service: RecordOps, importId: string, outcome: string, start: number): Promise<number> {
  let removed = 0;
  for (let after = start; ; ) {
    const page = await ledgerPage(tx, importId, { after, outcomes: [outcome], limit: PAGE });
    if (page.length === 0) break;
    after = page[page.length - 1].row_no;
    const alive = (await service.getIn(tx, ctx, page.map((l) => l.record_id!))).filter((r) => r.deletedAt === null).map((r) => r.id);
    if (alive.length) await service.bulkRemove(ctx, alive);
    removed += alive.length;
  }
  return removed;
}

/**
 * Undoes an import inside the caller's transaction, through the record service (events and
 * search follow): updated records get their earlier state back, created ones go to the trash,
 * then the companies a contacts import created for the names its rows gave.
 */
export async function revertImport(tx: WorkspaceDb, ctx: Ctx, importId: string, object: ImportObject): Promise<{ restored: number; removed: number; companiesRemoved: number }> {
  const services = importServices(() => tx).records;
  const service = services[object];
  let restored = 0;
  let removed = 0;
  const seen = new Set<string>();
  for (let after = 0; ; ) {
    const page = await ledgerPage(tx, importId, { after, outcomes: ['updated'], limit: PAGE });
    if (page.length === 0) break;
    after = page[page.length - 1].row_no;
    const now = new Map((await service.getIn(tx, ctx, page.map((l) => l.record_id!))).map((r) => [r.id, r]));
    const items = page
      .filter((l) => now.get(l.record_id!)?.deletedAt === null)
      .map((l) => ({ id: l.record_id!, changes: restoring(object, tx.dialect.json.read<any>(l.before, {}), now.get(l.record_id!)!) as any }));
    // A record updated by two rows of one import is restored to the state before the first.
    const first = new Map<string, (typeof items)[number]>();
    for (const item of items) {
      if (seen.has(item.id)) continue;
      first.set(item.id, item);
      seen.add(item.id);
    }
    if (first.size) await service.bulkUpdate(ctx, [...first.values()]);
    restored += first.size;
  }
  removed += await trashCreated(tx, ctx, service, importId, 'created', 0);
  // After the contacts: they were linked to these companies while both were alive.
  const companiesRemoved = object === 'contacts' ? await trashCreated(tx, ctx, services.companies, importId, COMPANY_CREATED, COMPANY_LEDGER_START) : 0;
  return { restored, removed, companiesRemoved };
}
