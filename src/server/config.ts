import type { DatabaseConfig } from './db/database';

export type Config = {
  host: string;
  port: number;
  databaseUrl?: string;
  sqlitePath: string;
  /** SQLite page cache (MB): bulk writes with random keys slow down sharply once the indexes they touch no longer fit. */
  sqliteCacheMb: number;
  /** How long a SQLite write waits for another connection's transaction (the job thread's) before the request answers 503. */
  sqliteBusyMs: number;
  /** Address people reach the app at; used in links such as invitations. */
  publicUrl: string;
  logLevel: string;
  /** Secure cookies unless the public URL is plain http (local use). */
  secureCookies: boolean;
  trustProxy: boolean;
  webRoot?: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const port = Number(env.PORT ?? 3000);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    host: env.HOST ?? '0.0.0.0',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.RAPPORT_DB ?? './data/rapport.db',
    sqliteCacheMb: Number(env.RAPPORT_SQLITE_CACHE_MB ?? 256),
    sqliteBusyMs: Number(env.RAPPORT_SQLITE_BUSY_MS ?? 5000),
    publicUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: publicUrl.startsWith('https:'),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    ...overrides,
  };
}

/** How the server (and its job thread) open the database this configuration names. */
export const databaseConfig = (config: Config): DatabaseConfig => ({
  databaseUrl: config.databaseUrl,
  sqlitePath: config.sqlitePath,
  sqliteCacheMb: config.sqliteCacheMb,
  sqliteBusyMs: config.sqliteBusyMs,
  backgroundCheckpoints: true,
});
