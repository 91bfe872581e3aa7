import { type Kysely, sql } from 'kysely';

export type Hit = { table: string; column: string; needle: string; value: string };

/**
 * Every place in the whole database where one of `needles` appears, ignoring case: every column
 * of every table (text, JSON, full-text vectors, and blobs read as Latin-1 text). It reads the
 * catalog, so a table added later is scanned without changing this.
 */
export async function scanDatabase(db: Kysely<any>, dialect: 'sqlite' | 'postgres', needles: string[]): Promise<Hit[]> {
  const lowered = needles.map((n) => n.toLowerCase());
  const hits: Hit[] = [];
  const check = (table: string, column: string, value: unknown) => {
    if (value === null || value === undefined) return;
    const text = (Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : typeof value === 'object' ? JSON.stringify(value) : String(value)).toLowerCase();
    for (const n of lowered) if (text.includes(n)) hits.push({ table, column, needle: n, value: text.slice(Math.max(0, text.indexOf(n) - 40), text.indexOf(n) + n.length + 40) });
  };
  if (dialect === 'sqlite') {
    const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
    for (const { name } of tables.rows) {
      const columns = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(db);
      for (const { name: column } of columns.rows) {
        const rows = await sql<{ v: unknown }>`select ${sql.ref(column)} as v from ${sql.table(name)}`.execute(db);
        for (const r of rows.rows) check(name, column, r.v);
      }
    }
  } else {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select c.table_name, c.column_name, c.data_type from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema()`.execute(db);
    for (const c of columns.rows) {
      const rows = await sql<{ v: unknown }>`select ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)}`.execute(db);
      if (c.data_type === 'bytea') {
        const raw = await sql<{ v: Buffer }>`select ${sql.ref(c.column_name)} as v from ${sql.table(c.table_name)}`.execute(db);
        for (const r of raw.rows) check(c.table_name, c.column_name, r.v);
      } else for (const r of rows.rows) check(c.table_name, c.column_name, r.v);
    }
  }
  return hits;
}

/** How many text columns the scan covered, so a test can show it looked at the whole schema. */
export async function columnCount(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<number> {
  if (dialect === 'sqlite') {
    const r = await sql<{ n: number }>`select count(*) as n from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table' and m.name not like 'sqlite_%'`.execute(db);
    return Number(r.rows[0].n);
  }
  const r = await sql<{ n: string }>`select count(*) as n from information_schema.columns where table_schema = current_schema()`.execute(db);
  return Number(r.rows[0].n);
}
