import { CompanyCreate } from '../../../contract/companies';
import type { Ctx } from '../../platform/context';
import { MAX_BULK } from '../../platform/records/record-service';
import { checked } from './import-check';
import type { RecordOps } from './import-targets';
import { COMPANY_CREATED, type LedgerRow } from './imports.repository';

/** What the company step needs of a contact row. */
export type NamingRow = { line: number; input?: Record<string, any>; companyName?: string; error?: string };
/** Stands for one new company in a bulk call, so a refusal of that item can be told apart from a row's. */
export type Carrier = { error?: string };

export type CompanyStep = {
  ctx: Ctx;
  importId: string;
  companies: RecordOps;
  dryRun: boolean;
  /** One per missing name (lowercased), kept across retries of the chunk: a refused company stays refused. */
  carriers: Map<string, Carrier>;
  /** Dry run: names made (and rolled back) by earlier chunks, so each is counted once. */
  madeBefore: Set<string>;
  setPhase(items: Carrier[]): void;
};

const keyOf = (name: string) => name.trim().toLowerCase();

/** Links each row to the existing company it names (case-insensitive, as the list filter compares). */
export async function linkExisting(companies: RecordOps, ctx: Ctx, rows: NamingRow[]): Promise<void> {
  // A retried chunk starts again: an id from its rolled-back attempt may name nothing now.
  for (const r of rows) if (r.companyName) delete r.input!.companyId;
  const names = [...new Set(rows.map((r) => r.companyName?.trim()).filter((n): n is string => !!n))];
  if (names.length === 0) return;
  const found = await companies.list(ctx, { filter: { field: 'name', op: 'in', value: names }, limit: names.length * 2 + 10 });
  const byName = new Map<string, string>();
  for (const c of found.data as unknown as { id: string; name: string }[]) if (!byName.has(keyOf(c.name))) byName.set(keyOf(c.name), c.id);
  for (const r of rows) {
    const id = r.companyName ? byName.get(keyOf(r.companyName)) : undefined;
    if (id) r.input!.companyId = id;
  }
}

/**
 * Creates the companies the rows name that are not here yet (one per name; the file's first
 * spelling wins) through the companies service inside the chunk's transaction, links the rows
 * to them, and returns their ledger entries. A name the service refuses makes its rows errors.
 */
export async function createMissing(step: CompanyStep, rows: NamingRow[]): Promise<LedgerRow[]> {
  const missing = new Map<string, { name: string; line: number; rows: NamingRow[] }>();
  for (const r of rows) {
    if (r.error || !r.companyName?.trim() || r.input!.companyId) continue;
    const key = keyOf(r.companyName);
    if (step.dryRun && step.madeBefore.has(key)) continue;
    const entry = missing.get(key) ?? { name: r.companyName.trim(), line: r.line, rows: [] };
    entry.rows.push(r);
    missing.set(key, entry);
  }
  const make: { key: string; name: string; line: number; rows: NamingRow[]; carrier: Carrier }[] = [];
  for (const [key, entry] of missing) {
    // The service checks what the API's schema would not (blank names); the schema the rest (length).
    const fit = checked(CompanyCreate, { name: entry.name });
    const carrier = step.carriers.get(key) ?? {};
    step.carriers.set(key, carrier);
    const refused = 'error' in fit ? fit.error : carrier.error;
    if (refused) for (const r of entry.rows) r.error = `companyName: company "${entry.name}" cannot be created (${refused})`;
    else make.push({ key, ...entry, carrier });
  }
  const ledger: LedgerRow[] = [];
  for (let i = 0; i < make.length; i += MAX_BULK) {
    const piece = make.slice(i, i + MAX_BULK);
    step.setPhase(piece.map((m) => m.carrier));
    const created = await step.companies.bulkCreate(step.ctx, piece.map((m) => ({ name: m.name })));
    created.forEach((c, j) => {
      const m = piece[j];
      for (const r of m.rows) r.input!.companyId = c.id;
      // A dry run's company is rolled back: its entry only says that it would have been made.
      ledger.push({ import_id: step.importId, row_no: -m.line, outcome: COMPANY_CREATED, record_id: step.dryRun ? null : c.id, before: null, raw: null, message: m.name });
    });
  }
  step.setPhase([]);
  return ledger;
}
