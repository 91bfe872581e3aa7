import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/server/platform/context';
import { createServices } from '../../src/server/services';
import { type TestDatabase, createTestDatabase, testDialects } from '../support/databases';

const dialects = (await testDialects()).filter((d) => d === 'postgres');

describe.runIf(dialects.length > 0)('PostgreSQL statistics after a bulk load', () => {
  let t: TestDatabase;
  let workspaceId: string;
  let emails: string[];

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    const services = createServices(t.database);
    ({ workspaceId } = await services.auth.createWorkspaceWithOwner({ email: 'owner@example.com', password: 'long enough password', name: 'Owner', workspaceName: 'Stats' }));
    const ctx = systemCtx(workspaceId);
    emails = [];
    for (let batch = 0; batch < 3; batch++) {
      const inputs = Array.from({ length: 1000 }, (_, i) => {
        const email = `person.${batch}.${i}@example.com`;
        emails.push(email);
        return { firstName: `Person ${i}`, lastName: `Batch ${batch}`, emails: [{ email }] };
      });
      await services.contacts.bulkCreate(ctx, inputs);
    }
  });
  afterAll(async () => t?.drop());

  const lastAnalyzed = async (table: string) =>
    (await sql<{ last: string | null }>`select coalesce(last_analyze, last_autoanalyze)::text as last from pg_stat_user_tables where schemaname = current_schema() and relname = ${table}`.execute(t.database.db)).rows[0]?.last ?? null;

  it('analyzes the tables a load changed, and the email lookup then uses the whole key', async () => {
    // Statistics reach pg_stat_user_tables up to a second after the writes.
    let analyzed: string[] = [];
    for (let i = 0; i < 50 && !analyzed.includes('contact_emails'); i++) {
      analyzed = [...analyzed, ...(await t.database.statistics!.refresh())];
      if (!analyzed.includes('contact_emails')) await new Promise((r) => setTimeout(r, 200));
    }
    expect(analyzed).toEqual(expect.arrayContaining(['contacts', 'contact_emails']));
    expect(await lastAnalyzed('contact_emails')).not.toBeNull();

    const wanted = emails.slice(0, 5);
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select email, contact_id from contact_emails where workspace_id = ${workspaceId} and email in (${sql.join(wanted)})`.execute(t.database.db);
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Cond: \(\(workspace_id = .*\) AND \(email = ANY/);
    // Nothing changed since: the next check analyzes nothing.
    expect(await t.database.statistics!.refresh()).toEqual([]);
  });
});
