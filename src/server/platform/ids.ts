import { randomFillSync } from 'node:crypto';

/*
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then a 31-bit counter that starts at a random
 * value each millisecond and counts up within it (so ids made in the same millisecond still sort
 * in creation order), then random bits. Random bytes are drawn 4 KiB at a time: a bulk write makes
 * two ids per row, and asking the system for 16 bytes each time was a visible cost.
 */
const POOL = 4096;
const pool = Buffer.alloc(POOL);
let poolAt = POOL;
let lastMs = -1;
let seq = 0;

function randomBytes(n: number): number {
  if (poolAt + n > POOL) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function newId(): string {
  let ms = Date.now();
  const r = randomBytes(10);
  if (ms > lastMs) {
    seq = ((pool[r] & 0x7f) << 24) | (pool[r + 1] << 16) | (pool[r + 2] << 8) | pool[r + 3];
    lastMs = ms;
  } else {
    ms = lastMs;
    seq = (seq + 1) | 0;
    // 2^31 ids in one millisecond: borrow the next millisecond rather than wrap around.
    if (seq < 0) {
      seq = 0;
      ms = ++lastMs;
    }
  }
  const b = [
    Math.floor(ms / 0x10000000000) & 0xff,
    Math.floor(ms / 0x100000000) & 0xff,
    Math.floor(ms / 0x1000000) & 0xff,
    Math.floor(ms / 0x10000) & 0xff,
    Math.floor(ms / 0x100) & 0xff,
    ms & 0xff,
    0x70 | ((seq >>> 27) & 0x0f),
    (seq >>> 19) & 0xff,
    0x80 | ((seq >>> 13) & 0x3f),
    (seq >>> 5) & 0xff,
    ((seq << 3) & 0xf8) | (pool[r + 4] & 0x07),
    pool[r + 5],
    pool[r + 6],
    pool[r + 7],
    pool[r + 8],
    pool[r + 9],
  ].map((x) => HEX[x]);
  return `${b[0]}${b[1]}${b[2]}${b[3]}-${b[4]}${b[5]}-${b[6]}${b[7]}-${b[8]}${b[9]}-${b[10]}${b[11]}${b[12]}${b[13]}${b[14]}${b[15]}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are not UUID-shaped cannot exist; checking first keeps PostgreSQL from a cast error. */
export const isId = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const nowIso = (): string => new Date().toISOString();
