import { stringify } from 'csv-stringify/sync';
import type { Filter } from '../../../contract/filter';
import type { Ctx } from '../../platform/context';
import { invalid } from '../../platform/errors';
import type { RecordApi } from '../../platform/records/record-spec';
import { toVCard } from './vcard';

type Lister = {
  list(ctx: Ctx, params: { filter?: Filter; cursor?: string; limit?: number; sort?: { field: string; direction: 'asc' | 'desc' }[] }): Promise<{ data: RecordApi[]; nextCursor: string | null }>;
  fields(ctx: Ctx): Promise<Map<string, { key: string }>>;
};

const PAGE = 500;

/** A column's value as text: lists joined, the linked company by name, `custom.key` from custom. */
function cell(record: Record<string, any>, column: string): unknown {
  if (column.startsWith('custom.')) return record.custom?.[column.slice(7)];
  if (column === 'company' || column === 'parent') return record[column]?.name;
  if (column === 'emails') return record.emails?.map((e: { email: string }) => e.email).join('; ');
  if (column === 'phones') return record.phones?.map((p: { phone: string }) => p.phone).join('; ');
  if (column.startsWith('consent.')) return record.consent?.[column.slice(8)];
  if (column.startsWith('address.')) return record.addresses?.[0]?.[column.slice(8)];
  return record[column];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * Streams a whole list (its filter, oldest first) page by page with the list's keyset cursor:
 * memory stays one page however long the list is. The first page is read before returning, so
 * a bad filter or column is an error response, not a broken download.
 */
export async function exportList(
  service: Lister,
  ctx: Ctx,
  opts: { format: 'csv' | 'json' | 'vcf'; filter?: Filter; columns?: string[]; vcardVersion?: '3.0' | '4.0'; onPage?: (rows: number) => void },
): Promise<AsyncGenerator<string>> {
  const fields = await service.fields(ctx);
  const known = new Set([...fields.keys(), 'id', 'company', 'parent', 'emails', 'phones', 'address.street', 'address.city', 'address.region', 'address.postalCode', 'address.country']);
  const columns = opts.columns?.length ? opts.columns : null;
  const bad = columns?.find((c) => !known.has(c));
  if (bad) throw invalid('columns', `"${bad}" is not a field (see the fields endpoint)`);
  const sort = [{ field: 'id', direction: 'asc' as const }];
  const first = await service.list(ctx, { filter: opts.filter, limit: PAGE, sort });
  const pick = (r: RecordApi) => (columns ? Object.fromEntries(columns.map((c) => [c, cell(r, c) ?? null])) : r);

  return (async function* () {
    let page = first;
    let n = 0;
    const header = columns ?? ['id', ...[...fields.keys()].filter((k) => k !== 'id' && k !== 'deletedAt')];
    if (opts.format === 'csv') yield stringify([header]);
    else if (opts.format === 'json') yield '[';
    for (;;) {
      opts.onPage?.(page.data.length);
      if (opts.format === 'vcf') yield page.data.map((r) => toVCard(r as any, opts.vcardVersion)).join('');
      else if (opts.format === 'csv') yield stringify(page.data.map((r) => header.map((c) => text(cell(r, c)))));
      else for (const r of page.data) yield `${n++ ? ',' : ''}\n${JSON.stringify(pick(r))}`;
      if (!page.nextCursor) break;
      page = await service.list(ctx, { filter: opts.filter, limit: PAGE, sort, cursor: page.nextCursor });
    }
    if (opts.format === 'json') yield '\n]\n';
  })();
}
