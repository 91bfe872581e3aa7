import fs from 'node:fs';
import { once } from 'node:events';
import { SingleBar } from 'cli-progress';
import type { Filter } from '../../contract/filter';
import type { ImportObject } from '../../server/modules/imports/import-mapping';
import { exportList } from '../../server/modules/imports/export.service';
import { systemCtx } from '../../server/platform/context';
import type { Services } from '../../server/services';

export type ExportCliOptions = { format: 'csv' | 'json' | 'vcf'; filter?: string; columns?: string; out?: string; vcardVersion?: '3.0' | '4.0'; progress?: boolean };

/** The list service of each exportable object. */
const listerOf = (services: Services, object: ImportObject) => ({ contacts: services.contacts, companies: services.companies, leads: services.leads, deals: services.deals })[object];

/**
 * Writes a whole list (filter and columns as for the API's export) to a file or stdout, page by
 * page: memory stays one page at a million rows. The progress bar goes to stderr, so stdout
 * stays clean for a pipe.
 */
export async function exportFile(services: Services, workspaceId: string, object: ImportObject, opts: ExportCliOptions): Promise<{ rows: number; seconds: number }> {
  if (opts.format === 'vcf' && object !== 'contacts') throw new Error('--format vcf: vCard is for contacts');
  const ctx = systemCtx(workspaceId);
  const filter = opts.filter ? (JSON.parse(opts.filter) as Filter) : undefined;
  const service = listerOf(services, object);
  const columns = opts.columns?.split(',').map((c) => c.trim()).filter(Boolean);
  const total = (await service.list(ctx, { filter, limit: 1, count: true })).total ?? 0;
  const started = Date.now();
  const out = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
  const bar = opts.progress === false || (!opts.out && !process.stderr.isTTY) ? null : new SingleBar({ stream: process.stderr, format: ' rows [{bar}] {percentage}% | {value}/{total} | {rate}/s | eta {eta_formatted}' });
  bar?.start(total, 0, { rate: 0 });
  let rows = 0;
  const body = await exportList(service as Parameters<typeof exportList>[0], ctx, {
    format: opts.format,
    filter,
    columns,
    vcardVersion: opts.vcardVersion,
    onPage: (n) => {
      rows += n;
      const seconds = (Date.now() - started) / 1000;
      bar?.update(rows, { rate: seconds > 0 ? Math.round(rows / seconds) : 0 });
    },
  });
  for await (const text of body) {
    // Respect back-pressure: a slow disk or pipe must not pile the export up in memory.
    if (!out.write(text)) await once(out, 'drain');
  }
  bar?.stop();
  if (opts.out) {
    out.end();
    await once(out, 'finish');
  }
  return { rows, seconds: (Date.now() - started) / 1000 };
}
