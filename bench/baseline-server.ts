// The ceiling: a bare Fastify server answering the same reads and writes with hand-written SQL,
// no auth, no validation layer, no events — what the database and HTTP alone cost.
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

const workspaceId = process.env.BENCH_WORKSPACE!;
type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;
let query: Query;
let dialect: 'sqlite' | 'postgres';

if (process.env.DATABASE_URL) {
  dialect = 'postgres';
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  query = async (sql, params) => {
    let i = 0;
    return (await pool.query(sql.replace(/\?/g, () => `$${++i}`), params)).rows;
  };
} else {
  dialect = 'sqlite';
  const db = new SQLite(process.env.RAPPORT_DB!);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const cache = new Map<string, SQLite.Statement>();
  query = async (sql, params) => {
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare(sql);
      cache.set(sql, st);
    }
    return st.reader ? st.all(...(params as unknown[])) : (st.run(...(params as unknown[])), []);
  };
}

const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/contacts/:id', async (req, reply) => {
  // The same read as the product's: the contact with its company's name.
  const [row] = await query(
    `select c.*, co.name as company_name from contacts c
     left join companies co on co.id = c.company_id and co.workspace_id = c.workspace_id
     where c.workspace_id = ? and c.id = ?`,
    [workspaceId, req.params.id],
  );
  if (!row) return reply.status(404).send({ error: 'not found' });
  return row;
});

// Same shape as the product's list scenario: last name prefix + lifecycle stage, sorted by last
// name, with each contact's company name as the product returns it.
app.get<{ Querystring: { prefix: string; stage: string } }>('/contacts', async (req) => {
  const { prefix, stage } = req.query;
  const rows =
    dialect === 'sqlite'
      ? await query(
          `select c.*, co.name as company_name from contacts c
           left join companies co on co.id = c.company_id and co.workspace_id = c.workspace_id
           where c.workspace_id = ? and c.deleted_at is null
             and c.last_name collate nocase >= ? and c.last_name collate nocase < ? and c.lifecycle_stage = ?
           order by c.last_name collate nocase asc, c.id asc limit 50`,
          [workspaceId, prefix, `${prefix}\u{10FFFF}`, stage],
        )
      : await query(
          `select c.*, co.name as company_name from contacts c
           left join companies co on co.id = c.company_id and co.workspace_id = c.workspace_id
           where c.workspace_id = ? and c.deleted_at is null
             and lower(c.last_name) collate "C" like ? and c.lifecycle_stage = ?
           order by lower(c.last_name) collate "C" asc nulls first, c.id asc limit 50`,
          [workspaceId, `${prefix.toLowerCase()}%`, stage],
        );
  return { data: rows };
});

app.get<{ Querystring: { q: string } }>('/search', async (req) => {
  const terms = req.query.q.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!terms.length) return { data: [] };
  const rows =
    dialect === 'sqlite'
      ? await query(
          `select d.object_type, d.record_id, d.title from search_fts join search_documents d on d.rowid = search_fts.rowid
           where search_fts match ? and d.workspace_id = ? order by bm25(search_fts, 10.0, 1.0) limit 10`,
          [terms.map((t) => `"${t}"*`).join(' '), workspaceId],
        )
      : await query(
          `select object_type, record_id, title from search_documents
           where tsv @@ to_tsquery('simple', ?) and workspace_id = ? order by ts_rank(tsv, to_tsquery('simple', ?)) desc limit 10`,
          [terms.map((t) => `${t}:*`).join(' & '), workspaceId, terms.map((t) => `${t}:*`).join(' & ')],
        );
  return { data: rows };
});

// A contact's timeline: its newest 25 activities and the newest 25 events about it.
app.get<{ Params: { id: string } }>('/timeline/:id', async (req) => {
  const activities = await query(
    `select a.* from record_links l join activities a on a.id = l.source_id
     where l.workspace_id = ? and l.object_type = 'contacts' and l.object_id = ? and l.source_type = 'activity'
     order by a.occurred_at desc, a.id desc limit 25`,
    [workspaceId, req.params.id],
  );
  const events = await query('select * from events where workspace_id = ? and object_id = ? order by id desc limit 25', [workspaceId, req.params.id]);
  return { activities, events };
});

// Deals by stage: the column totals of a pipeline and the first 25 deals of each column.
app.get<{ Params: { id: string } }>('/board/:id', async (req) => {
  const totals = await query(
    `select d.stage_id, d.currency, count(*) as n, sum(d.amount) as amount, sum(d.amount * s.probability) as weighted
     from deals d join pipeline_stages s on s.id = d.stage_id
     where d.workspace_id = ? and d.pipeline_id = ? and d.deleted_at is null group by d.stage_id, d.currency`,
    [workspaceId, req.params.id],
  );
  const stages = (await query('select id from pipeline_stages where workspace_id = ? and pipeline_id = ? order by position', [workspaceId, req.params.id])) as { id: string }[];
  const columns = [];
  for (const stage of stages) {
    columns.push(await query('select * from deals where workspace_id = ? and stage_id = ? and deleted_at is null order by position, id limit 25', [workspaceId, stage.id]));
  }
  return { totals, columns };
});

app.post<{ Body: { firstName: string; lastName: string; email: string } }>('/contacts', async (req, reply) => {
  const { firstName, lastName, email } = req.body;
  const at = new Date().toISOString();
  await query(
    `insert into contacts (id, workspace_id, first_name, last_name, full_name, email, emails, phones, addresses, tags, custom, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, '[]', '[]', '[]', '{}', 1, ?, ?)`,
    [randomUUID(), workspaceId, firstName, lastName, `${firstName} ${lastName}`, email, JSON.stringify([{ email }]), at, at],
  );
  return reply.status(201).send({ ok: true });
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
process.on('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
