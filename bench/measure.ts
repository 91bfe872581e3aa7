import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';

export type Server = { port: number; pid: number; peakRssMb(): number; cpuMs(): number; stop(): Promise<void> };

/**
 * Starts a server script in its own process and waits for its "ready <port>" line.
 * BENCH_SERVER_NODE_ARGS adds Node flags to the servers, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export function spawnServer(script: string, env: Record<string, string>): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', path.join(import.meta.dirname, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d) => {
      buf += String(d);
      const m = /ready (\d+)/.exec(buf);
      if (m) {
        resolve({
          port: Number(m[1]),
          pid: child.pid!,
          peakRssMb: () => {
            const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
            return kb / 1024;
          },
          cpuMs: () => processCpuMs(child.pid!),
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
}

/** CPU time a process (all its threads) has used so far, from /proc: user + system, in ms. */
function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
// Linux reports /proc CPU times in clock ticks; USER_HZ is 100 on every architecture Node runs on.
const CLOCK_TICKS = 100;

export type LoadResult = { rps: number; requests: number; p50: number; p99: number; errors: number; non2xx: number };

/** Loads a server from this process (a second process on loopback) for `seconds`. */
export async function hammer(opts: {
  port: number;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  path: (i: number) => string;
  body?: (i: number) => string;
}): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${opts.port}`,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: opts.method ?? 'GET',
        headers: { 'content-type': 'application/json', ...opts.headers },
        setupRequest: (req: any) => {
          const n = i++;
          return { ...req, path: opts.path(n), ...(opts.body ? { body: opts.body(n) } : {}) };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export type Compared = LoadResult & { cpuUsPerRequest: number };

/**
 * Loads two servers in turns (a, b, b, a, a, b…), `rounds` times `seconds` each, so that a passing
 * disturbance (a neighbour, a database's background work) falls on both rather than on one.
 * Requests/s is over all rounds; p50 is their mean and p99 the worst. Also reports each
 * server's CPU time per request, which the load generator's share of the machine does not move.
 */
export async function compare(
  servers: [Server, Server],
  load: [Omit<Parameters<typeof hammer>[0], 'port' | 'seconds'>, Omit<Parameters<typeof hammer>[0], 'port' | 'seconds'>],
  opts: { rounds: number; seconds: number },
): Promise<[Compared, Compared]> {
  const runs: LoadResult[][] = [[], []];
  const cpu = [0, 0];
  for (let r = 0; r < opts.rounds; r++) {
    // a b, b a, a b…: going first after the other server's turn (caches, the CPU's clock) falls
    // to each in turn.
    for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) {
      const before = servers[k].cpuMs();
      runs[k].push(await hammer({ ...load[k], port: servers[k].port, seconds: opts.seconds }));
      cpu[k] += servers[k].cpuMs() - before;
    }
  }
  const combine = (k: number): Compared => {
    const all = runs[k];
    const requests = all.reduce((n, x) => n + x.requests, 0);
    return {
      rps: requests / (opts.rounds * opts.seconds),
      requests,
      p50: all.reduce((n, x) => n + x.p50, 0) / all.length,
      p99: Math.max(...all.map((x) => x.p99)),
      errors: all.reduce((n, x) => n + x.errors, 0),
      non2xx: all.reduce((n, x) => n + x.non2xx, 0),
      cpuUsPerRequest: (cpu[k] * 1000) / requests,
    };
  };
  return [combine(0), combine(1)];
}

export type Latency = { median: number; p99: number; n: number; failures: number };

// One kept-alive connection, as a browser tab holds: node:http allocates far less per request
// than fetch, so the client's own garbage collection does not land in the server's p99.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** Requests one after another and times each, in milliseconds. */
export async function sequential(port: number, paths: string[], headers: Record<string, string> = {}): Promise<Latency> {
  const times: number[] = [];
  let failures = 0;
  // Started with a clean heap (npm run bench passes --expose-gc), for the same reason.
  (globalThis as { gc?: () => void }).gc?.();
  for (const p of paths) {
    const t0 = performance.now();
    const status = await get(port, p, headers);
    times.push(performance.now() - t0);
    if (status < 200 || status >= 300) failures++;
  }
  return { ...percentiles(times), failures };
}

export function percentiles(times: number[]): { median: number; p99: number; n: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99), n: s.length };
}
