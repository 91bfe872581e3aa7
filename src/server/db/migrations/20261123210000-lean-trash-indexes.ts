import type { Kysely } from 'kysely';
import { ciIndex } from './migration-kit';

// The trash indexes covered every row, so every insert paid for one more B-tree. Only trashed
// rows need them: partial indexes over those, ordered by id as the trash list is, cost live
// rows nothing.
const TABLES = ['contacts', 'companies', 'leads', 'deals'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await db.schema.dropIndex(`${t}_ws_trash`).execute();
    await ciIndex(db, `${t}_ws_trash`, t, ['workspace_id', 'id'], 'deleted_at is not null');
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of TABLES) {
    await db.schema.dropIndex(`${t}_ws_trash`).execute();
    await ciIndex(db, `${t}_ws_trash`, t, ['workspace_id', 'deleted_at']);
  }
}
