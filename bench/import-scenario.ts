import { stringify } from 'csv-stringify/sync';
import { makeGenerator } from './generator';
import { Progress } from './progress';

export type ImportResult = { rows: number; seconds: number; rowsPerSecond: number; created: number; skipped: number; errors: number; status: string };

/**
 * A CSV export from another CRM (HubSpot-style headers), one row in ten an email that is already
 * in the workspace, imported with dedup by email (skip) through the HTTP API, timed from upload
 * to the job's "done".
 */
export function importFile(rows: number, existingEmails: string[]): Buffer {
  const gen = makeGenerator(4242);
  const lines: string[][] = [['First Name', 'Last Name', 'Email', 'Phone Number', 'Job Title', 'Lifecycle Stage']];
  for (let i = 0; i < rows; i++) {
    const c = gen.contact(10_000_000 + i, [], '');
    const email = i % 10 === 0 && existingEmails.length ? existingEmails[(i / 10) % existingEmails.length] : c.emails![0].email;
    lines.push([c.firstName ?? '', c.lastName ?? '', email, c.phones![0].phone, c.title ?? '', c.lifecycleStage ?? '']);
  }
  return Buffer.from(stringify(lines));
}

export async function importScenario(port: number, headers: Record<string, string>, file: Buffer, rows: number): Promise<ImportResult> {
  const base = `http://127.0.0.1:${port}/api/v1/imports`;
  const started = performance.now();
  const res = await fetch(`${base}?objectType=contacts&dedup=skip&matchBy=email&fileName=bench.csv`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body: new Uint8Array(file),
  });
  if (res.status !== 202) throw new Error(`import upload answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const progress = new Progress('import', rows);
  let seen = 0;
  let lastProgress = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 200));
    const view = (await (await fetch(`${base}/${id}`, { headers })).json()) as {
      status: string;
      rowsDone: number;
      created: number;
      skipped: number;
      errorCount: number;
    };
    if (view.rowsDone !== seen) lastProgress = performance.now();
    else if (performance.now() - lastProgress > 120_000) throw new Error(`import ${id} made no progress for two minutes (status ${view.status})`);
    progress.add(view.rowsDone - seen);
    seen = view.rowsDone;
    if (view.status === 'done' || view.status === 'failed') {
      progress.done();
      const seconds = (performance.now() - started) / 1000;
      return { rows, seconds, rowsPerSecond: rows / seconds, created: view.created, skipped: view.skipped, errors: view.errorCount, status: view.status };
    }
  }
}
