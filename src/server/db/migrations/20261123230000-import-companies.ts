import type { Kysely } from 'kysely';

// A contacts import creates the companies its rows name when they are not there yet; how many
// it made is shown beside the rows' counts (the companies are not rows of the file).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').addColumn('companies_created_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('companies_created_count').execute();
}
