import { databaseConfig, loadConfig } from '../server/config';
import { type Database, migrateToLatest, openDatabase } from '../server/db/database';
import { createServices } from '../server/services';

/** Opens the configured database (DATABASE_URL or the SQLite file), migrated. */
export async function openForCli() {
  const config = loadConfig();
  const database: Database = openDatabase(databaseConfig(config));
  const applied = await migrateToLatest(database.db);
  return { config, database, services: createServices(database), applied };
}

export const where = (config: { databaseUrl?: string; sqlitePath: string }) =>
  config.databaseUrl ? `PostgreSQL (${config.databaseUrl.replace(/\/\/[^@]*@/, '//…@')})` : `SQLite (${config.sqlitePath})`;

export async function resolveWorkspaceId(database: Database, ref: string): Promise<string> {
  const row = await database.db
    .selectFrom('workspaces')
    .select('id')
    .where((eb) => eb.or([eb('slug', '=', ref), ...(/^[0-9a-f-]{36}$/i.test(ref) ? [eb('id', '=', ref)] : [])]))
    .executeTakeFirst();
  if (!row) throw new Error(`No workspace "${ref}" (give its id or slug)`);
  return row.id;
}

/** The workspace named by `--workspace`, or the only one there is. */
export async function onlyOrGivenWorkspace(database: Database, ref: string | undefined): Promise<string> {
  if (ref) return resolveWorkspaceId(database, ref);
  const all = await database.db.selectFrom('workspaces').select('id').limit(2).execute();
  if (all.length !== 1) throw new Error('There are several workspaces (or none): give --workspace <slug>');
  return all[0].id;
}
