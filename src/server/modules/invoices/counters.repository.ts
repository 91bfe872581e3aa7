import { sql } from 'kysely';
import type { WorkspaceDb } from '../../db/scoped';

/**
 * The next number of a per-workspace sequence (invoices, quotes), taken inside the caller's
 * transaction: the row stays locked until it commits, so concurrent writers queue and each gets
 * the next number; a rollback gives the number back. Hence no gaps and no duplicates.
 */
export async function nextNumber(tx: WorkspaceDb, name: string): Promise<number> {
  const bump = () => tx.updateTable('counters').set({ value: sql`value + 1` as any }).where('name', '=', name).returning('value').executeTakeFirst();
  let row = await bump();
  if (!row) {
    // First use: create the row (a concurrent first use waits on the key, then does nothing).
    await tx
      .insertInto('counters', { name, value: 0 })
      .onConflict((oc) => oc.columns(['workspace_id', 'name']).doNothing())
      .execute();
    row = await bump();
  }
  return Number(row!.value);
}
