import { Cron } from 'croner';

/** The first time after `after` that a 5-field cron expression (UTC) matches. */
export function nextCronRun(expression: string, after: Date): Date {
  const next = new Cron(expression, { paused: true, timezone: 'UTC' }).nextRun(after);
  if (!next) throw new Error(`cron "${expression}" never runs again`);
  return next;
}

/** Throws on anything but a valid 5-field expression. */
export function checkCron(expression: string): void {
  if (expression.trim().split(/\s+/).length !== 5) throw new Error(`cron "${expression}": use 5 fields (minute hour day month weekday)`);
  nextCronRun(expression, new Date());
}
