import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Dedup } from '../../server/modules/imports/import-options';
import type { ImportObject, Mapping } from '../../server/modules/imports/import-mapping';
import { runImport } from '../../server/modules/imports/import-runner';
import { systemCtx } from '../../server/platform/context';
import type { Services } from '../../server/services';

export type ImportCliOptions = {
  mapping?: string;
  dedup?: Dedup;
  matchBy?: string;
  dryRun?: boolean;
  /** False with `--no-create-companies`. */
  createCompanies?: boolean;
  encoding?: 'utf8' | 'latin1';
  delimiter?: string;
  saveMapping?: string;
  resume?: string;
  progress?: boolean;
};

/** `--mapping` is JSON, or the path of a JSON file. */
function readMapping(value: string | undefined): Mapping | undefined {
  if (!value) return undefined;
  return JSON.parse(value.trim().startsWith('{') ? value : fs.readFileSync(value, 'utf8')) as Mapping;
}

/**
 * Imports a CSV or vCard file in this process with a progress bar, through the same import as the API
 * (stored file, chunks with a checkpoint, ledger): an interrupted run goes on with `--resume <id>`.
 */
export async function importFile(services: Services, workspaceId: string, object: ImportObject, file: string | undefined, opts: ImportCliOptions) {
  const ctx = systemCtx(workspaceId);
  let id = opts.resume;
  if (!id) {
    if (!file) throw new Error('give the CSV or vCard file (or --resume <import id>)');
    const view = await services.imports.start(ctx, {
      objectType: object,
      // Read from disk a piece at a time as it is stored: a large file never sits in memory.
      content: { path: file },
      fileName: file.split(/[\\/]/).pop() ?? file,
      mapping: readMapping(opts.mapping),
      dedup: opts.dedup,
      matchBy: opts.matchBy,
      dryRun: opts.dryRun,
      createCompanies: opts.createCompanies,
      format: { encoding: opts.encoding, delimiter: opts.delimiter },
      saveMappingAs: opts.saveMapping,
      enqueue: false,
    });
    id = view.id;
    const format = view.format as { encoding: string; delimiter: string; kind?: string };
    console.log(format.kind === 'vcard' ? `Import ${id}: vCard file` : `Import ${id}: ${format.encoding}, "${format.delimiter === '\t' ? '\\t' : format.delimiter}"-separated`);
    for (const [header, target] of Object.entries(view.mapping)) console.log(`  ${header} → ${target}`);
  }
  const bar = opts.progress === false ? null : new SingleBar({ format: ' rows [{bar}] {percentage}% | {value}/{total} | {rate}/s | eta {eta_formatted}' });
  const started = Date.now();
  let begun = false;
  await runImport(services.scoped, workspaceId, id, {
    // A separate process: the server's writers wait for the lock (up to 5 s), they are not blocked.
    chunkBudgetMs: 1500,
    onProgress: (done, total) => {
      if (!begun) bar?.start(total, done, { rate: 0 });
      begun = true;
      const seconds = (Date.now() - started) / 1000;
      bar?.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
  });
  bar?.stop();
  const view = await services.imports.get(ctx, id);
  // Queues the duplicate scan of what was imported; a server or worker runs it.
  if (view.status === 'done' && !view.dryRun) await services.importHooks.afterImport(services.scoped(ctx), object);
  const seconds = (Date.now() - started) / 1000;
  const verb = view.dryRun ? 'would create' : 'created';
  const companies = view.companiesCreated ? ` (and ${view.companiesCreated} new ${view.companiesCreated === 1 ? 'company' : 'companies'})` : '';
  console.log(`${view.dryRun ? 'Dry run: ' : ''}${view.rowsDone} rows in ${seconds.toFixed(1)} s: ${verb} ${view.created}${companies}, updated ${view.updated}, skipped ${view.skipped}, ${view.errorCount} bad`);
  for await (const chunk of services.imports.errorsCsv(ctx, id)) process.stdout.write(view.errorCount ? chunk : '');
  if (view.dryRun) await services.imports.discard(ctx, id);
  else if (view.errorCount) console.log(`The bad rows: GET /api/v1/imports/${id}/errors.csv; undo with POST /api/v1/imports/${id}/revert`);
  return view;
}
