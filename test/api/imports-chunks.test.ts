import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/server/modules/imports/import-runner';
import { systemCtx } from '../../src/server/platform/context';
import { countOf, createField } from '../support/api';
import { testDialects } from '../support/databases';
import { type Harness, signUp, startHarness } from '../support/harness';

// Chunks grow past the 1,000 items a bulk call takes: a chunk is written in several bulk calls in
// one transaction, and a row refused by the second call must still be reported on its own line.
describe.each(await testDialects())('large import chunks on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(dialect);
  });
  afterAll(async () => h?.close());

  it('imports 4,000 rows in growing chunks, reporting bad rows wherever they sit in a chunk', async () => {
    const { client, workspaceId } = await signUp(h.app);
    await createField(client, { objectType: 'contacts', key: 'age', label: 'Age', type: 'number' });
    const bad = new Set([700, 1_700, 2_900, 3_950]);
    const lines = ['First Name,Last Name,Email,Age'];
    for (let i = 1; i <= 4_000; i++) lines.push(`Row${i},Person,row${i}@chunks.example,${bad.has(i) ? 'old' : i % 90}`);
    // Line 4,001 repeats an email of the file: skipped as a duplicate within the import.
    lines.push('Again,Person,row10@chunks.example,1');
    const ctx = systemCtx(workspaceId);
    const started = await h.services.imports.start(ctx, { objectType: 'contacts', content: Buffer.from(lines.join('\n')), fileName: 'big.csv', enqueue: false });
    const seen: number[] = [];
    // A generous budget makes every chunk double: 500, 1,000, 2,000 (two bulk calls), then the rest.
    await runImport(h.services.scoped, workspaceId, started.id, { chunkBudgetMs: 600_000, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([0, 500, 1_500, 3_500, 4_001]);

    const view = await h.services.imports.get(ctx, started.id);
    expect(view).toMatchObject({ status: 'done', rowsDone: 4_001, created: 3_996, skipped: 1, errorCount: 4 });
    // Lines count the header: row i is on line i + 1.
    expect(view.errors.map((e: { line: number }) => e.line)).toEqual([...bad].map((i) => i + 1));
    for (const e of view.errors) expect(e.message).toMatch(/custom\.age/);
    expect(await countOf(client, 'contacts')).toBe(3_996);
  });
});
