import { describe, expect, it } from 'vitest';
import { isTimeZone, startOfNextDay } from './zoned-day';

describe('start of the next day in a time zone', () => {
  it('is UTC midnight by default', () => {
    expect(startOfNextDay(new Date('2030-06-10T23:59:59Z')).toISOString()).toBe('2030-06-11T00:00:00.000Z');
    expect(startOfNextDay(new Date('2030-06-10T00:00:00Z')).toISOString()).toBe('2030-06-11T00:00:00.000Z');
  });

  it('follows the local calendar day', () => {
    // 22:30 UTC is already the 11th in Paris (UTC+2 in summer): the next day starts on the 12th.
    expect(startOfNextDay(new Date('2030-06-10T22:30:00Z'), 'Europe/Paris').toISOString()).toBe('2030-06-11T22:00:00.000Z');
    expect(startOfNextDay(new Date('2030-06-10T10:00:00Z'), 'America/Los_Angeles').toISOString()).toBe('2030-06-11T07:00:00.000Z');
    expect(startOfNextDay(new Date('2030-06-10T10:00:00Z'), 'Asia/Kolkata').toISOString()).toBe('2030-06-10T18:30:00.000Z');
  });

  it('copes with days of 23 and 25 hours', () => {
    // Paris moves to summer time on 2030-03-31 and back on 2030-10-27.
    expect(startOfNextDay(new Date('2030-03-30T12:00:00Z'), 'Europe/Paris').toISOString()).toBe('2030-03-30T23:00:00.000Z');
    expect(startOfNextDay(new Date('2030-03-31T12:00:00Z'), 'Europe/Paris').toISOString()).toBe('2030-03-31T22:00:00.000Z');
    expect(startOfNextDay(new Date('2030-10-27T12:00:00Z'), 'Europe/Paris').toISOString()).toBe('2030-10-27T23:00:00.000Z');
  });

  it('knows real zones only', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
