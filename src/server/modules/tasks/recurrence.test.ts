import { describe, expect, it } from 'vitest';
import { formatRecurrence, nextOccurrence, parseRecurrence } from './recurrence';

const next = (rule: string, from: string) => nextOccurrence(parseRecurrence(rule), new Date(from))?.toISOString() ?? null;

describe('task recurrence', () => {
  it('repeats daily, weekly, monthly and yearly at the same time of day', () => {
    expect(next('daily', '2030-01-30T09:00:00.000Z')).toBe('2030-01-31T09:00:00.000Z');
    expect(next('weekly', '2030-01-30T09:00:00.000Z')).toBe('2030-02-06T09:00:00.000Z');
    expect(next('FREQ=DAILY;INTERVAL=3', '2030-12-30T09:00:00.000Z')).toBe('2031-01-02T09:00:00.000Z');
    expect(next('yearly', '2030-05-01T00:00:00.000Z')).toBe('2031-05-01T00:00:00.000Z');
  });

  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(next('monthly', '2030-01-15T10:00:00.000Z')).toBe('2030-02-15T10:00:00.000Z');
    expect(next('monthly', '2030-01-31T10:00:00.000Z')).toBe('2030-02-28T10:00:00.000Z');
    expect(next('monthly', '2031-12-31T10:00:00.000Z')).toBe('2032-01-31T10:00:00.000Z');
    expect(next('FREQ=YEARLY', '2032-02-29T10:00:00.000Z')).toBe('2033-02-28T10:00:00.000Z');
  });

  it('walks the chosen weekdays, every n weeks', () => {
    // 2030-01-07 is a Monday.
    expect(next('FREQ=WEEKLY;BYDAY=MO,WE', '2030-01-07T08:00:00.000Z')).toBe('2030-01-09T08:00:00.000Z');
    expect(next('FREQ=WEEKLY;BYDAY=MO,WE', '2030-01-09T08:00:00.000Z')).toBe('2030-01-14T08:00:00.000Z');
    expect(next('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE', '2030-01-09T08:00:00.000Z')).toBe('2030-01-21T08:00:00.000Z');
    expect(next('FREQ=WEEKLY;BYDAY=SU', '2030-01-07T08:00:00.000Z')).toBe('2030-01-13T08:00:00.000Z');
  });

  it('stops after UNTIL', () => {
    expect(next('FREQ=DAILY;UNTIL=20300102', '2030-01-01T09:00:00.000Z')).toBe('2030-01-02T09:00:00.000Z');
    expect(next('FREQ=DAILY;UNTIL=20300102', '2030-01-02T09:00:00.000Z')).toBeNull();
  });

  it('stores a canonical form and refuses what it does not support', () => {
    expect(formatRecurrence(parseRecurrence('rrule:freq=weekly;byday=we,mo;interval=2'))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE');
    expect(formatRecurrence(parseRecurrence('Daily'))).toBe('FREQ=DAILY');
    for (const bad of ['hourly', 'FREQ=DAILY;COUNT=3', 'FREQ=MONTHLY;BYDAY=MO', 'FREQ=DAILY;INTERVAL=0', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=DAILY;UNTIL=tomorrow', 'FREQ=DAILY;FREQ=DAILY']) {
      expect(() => parseRecurrence(bad), bad).toThrow();
    }
  });
});
