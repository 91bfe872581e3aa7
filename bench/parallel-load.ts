import { fork } from 'node:child_process';
import path from 'node:path';
import type { BenchDialect } from './databases';
import type { Loaded } from './load-data';
import { ProgressBoard } from './progress';

/**
 * Fills every target at once, each in its own process: loading is setup, not a measurement, and
 * on two cores the SQLite load (one writer) and the PostgreSQL load (client and server) overlap
 * well. The scenarios run afterwards, one database at a time, on a quiet machine.
 */
export async function loadInParallel(targets: { dialect: BenchDialect; env: Record<string, string> }[], contacts: number): Promise<Map<BenchDialect, Loaded>> {
  const board = new ProgressBoard();
  const results = await Promise.all(
    targets.map(
      ({ dialect, env }) =>
        new Promise<[BenchDialect, Loaded]>((resolve, reject) => {
          const child = fork(path.join(import.meta.dirname, 'load-child.ts'), [], {
            execArgv: ['--import', 'tsx'],
            env: { ...process.env, ...env, BENCH_CONTACTS: String(contacts) },
          });
          let loaded: Loaded | undefined;
          child.on('message', (m: { progress?: Parameters<ProgressBoard['update']>[1]; loaded?: Loaded }) => {
            if (m.progress) board.update(`${dialect} ${m.progress.label}`.padEnd(24), m.progress);
            if (m.loaded) loaded = m.loaded;
          });
          child.once('error', reject);
          child.once('exit', (code) => (loaded ? resolve([dialect, loaded]) : reject(new Error(`loading ${dialect} failed (exit ${code})`))));
        }),
    ),
  );
  board.done();
  return new Map(results);
}
