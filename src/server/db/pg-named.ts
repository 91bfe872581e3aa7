import pg from 'pg';

/**
 * Named (server-side prepared) statements for the SQL of prepared reads on PostgreSQL.
 *
 * An unnamed statement is parsed and planned on every execution; for a record read by id,
 * planning (two tables with a dozen indexes each) cost PostgreSQL several times what running it
 * did. A named statement is parsed once per connection and, after a few runs, keeps a generic
 * plan. Only SQL registered here (by WorkspaceDb.prepare) runs named; everything else as before.
 */
const names = new Map<string, string>();
let generation = 0;
let counter = 0;

export function nameStatement(sql: string): void {
  if (!names.has(sql)) names.set(sql, `rapport_${++counter}_${generation}`);
}

/**
 * A migration run by another node can add a column to a table read with `table.*`: a statement
 * prepared before then fails with "cached plan must not change result type" (0A000). Then every
 * registered statement moves to a fresh name (parsed again on first use) and the query is retried.
 */
function renameAll(): void {
  generation++;
  for (const sql of names.keys()) names.set(sql, `rapport_${++counter}_${generation}`);
}

/** A pg client that runs registered SQL as named statements (pg parses each name once per connection). */
export class NamedStatementClient extends pg.Client {
  // pg's query has many overloads; only (text, values) without a callback, as Kysely calls it, is changed.
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    const name = typeof text === 'string' && typeof values !== 'function' && callback === undefined ? names.get(text) : undefined;
    if (name === undefined) return (super.query as (...a: any[]) => any)(...args);
    const run = (statement: string) => super.query({ name: statement, text, values });
    return run(name).catch((err: unknown) => {
      if ((err as { code?: string } | null)?.code !== '0A000') throw err;
      if (names.get(text) === name) renameAll();
      return run(names.get(text)!);
    });
  }
}
