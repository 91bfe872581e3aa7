import { sql } from 'kysely';
import type { WorkspaceDb } from '../../db/scoped';

export type SearchDocument = { objectType: string; recordId: string; title: string; subtitle: string; body: string };
export type SearchHit = { objectType: string; id: string; title: string; subtitle: string; rank: number };

/** Replaces the search documents of these records; call it in the write's transaction. */
export async function upsertSearchDocuments(tx: WorkspaceDb, docs: SearchDocument[], opts: { fresh?: boolean } = {}): Promise<void> {
  if (docs.length === 0) return;
  if (!opts.fresh) {
    await removeSearchDocuments(
      tx,
      docs.map((d) => d.recordId),
    );
  }
  for (let i = 0; i < docs.length; i += 400) {
    await tx
      .insertInto(
        'search_documents',
        docs.slice(i, i + 400).map((d) => ({
          object_type: d.objectType,
          record_id: d.recordId,
          title: d.title,
          subtitle: d.subtitle,
          body: d.body,
        })),
      )
      .execute();
  }
}

export async function removeSearchDocuments(tx: WorkspaceDb, recordIds: string[]): Promise<void> {
  for (let i = 0; i < recordIds.length; i += 500) {
    await tx.deleteFrom('search_documents').where('record_id', 'in', recordIds.slice(i, i + 500)).execute();
  }
}

/** Words of the query as prefix terms, stripped of every character that has meaning to the engines. */
export function queryTerms(q: string): string[] {
  // A phone number typed with spaces or dashes ("415 555-2671") is one term: its digits, which
  // is how searchableParts indexes phones.
  const digits = q.replace(/\D/g, '');
  if (digits.length >= 6 && /^[+\d\s().-]+$/.test(q.trim())) return [digits];
  return q
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

type HitRow = { object_type: string; record_id: string; title: string; subtitle: string; rank: number };

/**
 * Ranking every match of a short prefix such as "sm" means scoring tens of thousands of rows on
 * a large workspace. We score at most CANDIDATES matches: title matches (names) first, then
 * matches anywhere. When a query matches fewer rows than that, the ranking is complete.
 */
const CANDIDATES = 300;

/**
 * An email typed whole ("ann.lee@gmail.com") is searched by its local part's words, which are
 * rare, and kept only where the whole address appears: its domain's words are on a large share
 * of all documents ("gmail", "com"), and intersecting those lists took 300 ms at a million.
 */
export function emailQuery(q: string): { terms: string[]; needle: string } | null {
  const text = q.trim().toLowerCase();
  const m = /^([^\s@]+)@[^\s@]*$/.exec(text);
  if (!m) return null;
  const all = queryTerms(m[1]);
  // The needle keeps only the whole address, so the words only have to narrow the search: the
  // two longest do, and a short piece ("o" of "o'kon") would expand to a large share of all words.
  const long = all.filter((t) => t.length >= 3).sort((a, b) => b.length - a.length).slice(0, 2);
  const terms = long.length ? long : all;
  return terms.length ? { terms, needle: text } : null;
}

/**
 * On PostgreSQL a prefix of up to three letters ("de") expands in the GIN index to every word
 * that starts with it (31,000 titles at a million contacts: 20-50 ms). Titles that begin with it
 * come off a B-tree in order, and they rank first anyway; when there are enough of them, the word
 * index is not asked.
 */
const SHORT_PREFIX = 3;
const titlesStartingWith = (db: WorkspaceDb, term: string, type: string | null) =>
  db.raw<HitRow>(
    (workspaceId) => sql`
      select object_type, record_id, title, subtitle, 0 as rank from search_documents
      where workspace_id = ${workspaceId} and lower(title) collate "C" like ${`${term}%`}
        and (${type}::text is null or object_type = ${type}::text)
      order by lower(title) collate "C" limit ${CANDIDATES}`,
  );

type Found = HitRow & { inTitle: boolean };
const bestHits = (found: Iterable<Found>, limit: number): SearchHit[] =>
  [...found]
    .sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || Number(b.rank) - Number(a.rank) || a.title.length - b.title.length || a.title.localeCompare(b.title))
    .slice(0, limit)
    .map((r) => ({ objectType: r.object_type, id: r.record_id, title: r.title, subtitle: r.subtitle, rank: Number(r.rank) }));

/**
 * How well a title matches: whole words beat prefixes, a title that starts with the query beats
 * one that has it later. SQLite's bm25() would need the count of every document holding the
 * prefix, across the whole index, before returning a row (70 ms for "co" at a million).
 */
export function titleScore(title: string, terms: string[]): number {
  const words = queryTerms(title);
  let score = 0;
  for (const t of terms) {
    if (words.includes(t)) score += 3;
    else if (words.some((w) => w.startsWith(t))) score += 2;
  }
  if (words[0]?.startsWith(terms[0])) score += 1;
  return score;
}

export async function searchDocuments(db: WorkspaceDb, q: string, opts: { limit: number; objectType?: string }): Promise<SearchHit[]> {
  const email = emailQuery(q);
  const terms = email?.terms ?? queryTerms(q);
  if (terms.length === 0) return [];
  const type = opts.objectType ?? null;
  const needle = email?.needle ?? null;
  if (db.dialect.name === 'postgres' && !email && terms.length === 1 && terms[0].length <= SHORT_PREFIX) {
    const starting = await titlesStartingWith(db, terms[0], type);
    if (starting.length >= opts.limit) return bestHits(starting.map((r) => ({ ...r, rank: titleScore(r.title, terms), inTitle: true })), opts.limit);
  }
  const candidates =
    db.dialect.name === 'postgres'
      ? (titleOnly: boolean) => {
          // `:*A` restricts a prefix to lexemes of weight A, the title.
          const tsquery = terms.map((t) => `${t}:*${titleOnly ? 'A' : ''}`).join(' & ');
          return db.raw<HitRow>(
            (workspaceId) => sql`
              select object_type, record_id, title, subtitle, ts_rank(tsv, to_tsquery('simple', ${tsquery})) as rank
              from (select * from search_documents
                    where workspace_id = ${workspaceId} and tsv @@ to_tsquery('simple', ${tsquery})
                      and (${type}::text is null or object_type = ${type}::text)
                      and (${needle}::text is null or position(${needle}::text in lower(body)) > 0)
                    limit ${CANDIDATES}) c`,
          );
        }
      : async (titleOnly: boolean) => {
          const phrase = terms.map((t) => `"${t}"*`).join(' ');
          const rows = await db.raw<HitRow>(
            (workspaceId) => sql`
              select d.object_type, d.record_id, d.title, d.subtitle, 0 as rank
              from search_fts join search_documents d on d.rowid = search_fts.rowid
              where search_fts match ${titleOnly ? `title : (${phrase})` : phrase} and d.workspace_id = ${workspaceId}
                and (${type} is null or d.object_type = ${type})
                and (${needle} is null or instr(lower(d.body), ${needle}) > 0)
              limit ${CANDIDATES}`,
          );
          for (const r of rows) r.rank = titleScore(r.title, terms);
          return rows;
        };

  const found = new Map<string, Found>();
  for (const r of await candidates(true)) found.set(r.record_id, { ...r, inTitle: true });
  if (found.size < CANDIDATES) {
    for (const r of await candidates(false)) if (!found.has(r.record_id)) found.set(r.record_id, { ...r, inTitle: false });
  }
  return bestHits(found.values(), opts.limit);
}

/** Splits emails, phones and domains into the pieces people type. */
export function searchableParts(values: (string | null | undefined)[]): string {
  const out = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    out.add(v);
    // PostgreSQL's parser keeps an email or host as one token; spaced pieces make each part findable.
    out.add(v.replace(/[^\p{L}\p{N}]+/gu, ' '));
    if (v.includes('@')) {
      const [local, domain] = v.split('@');
      out.add(local);
      out.add(domain);
    }
    const digits = v.replace(/\D/g, '');
    if (digits.length >= 6 && /^[+\d\s().-]+$/.test(v)) {
      out.add(digits);
      // National number without the country code, as people usually type it.
      if (v.startsWith('+')) for (const cc of [1, 2, 3]) out.add(digits.slice(cc));
    }
  }
  return [...out].join(' ');
}
