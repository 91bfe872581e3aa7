/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, tz: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant the next calendar day starts in `tz` after `now` (midnight local, DST-aware). */
export function startOfNextDay(now: Date, tz = 'UTC'): Date {
  const local = new Date(now.getTime() + offsetAt(now.getTime(), tz));
  const midnightWall = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1);
  // Wall time → instant: subtract the offset in force then (checked twice around DST changes).
  let guess = midnightWall - offsetAt(midnightWall, tz);
  guess = midnightWall - offsetAt(guess, tz);
  return new Date(guess);
}
