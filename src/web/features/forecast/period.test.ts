import { describe, expect, it } from 'vitest';
import { isPeriod, periodLabel, periodOf, shiftPeriod, switchKind } from './period';

describe('periods', () => {
  it('finds the month or quarter of a day in UTC', () => {
    expect(periodOf('month', new Date('2026-11-23T10:00:00Z'))).toBe('2026-11');
    expect(periodOf('quarter', new Date('2026-11-23T10:00:00Z'))).toBe('2026-Q4');
    expect(periodOf('month', new Date('2026-01-01T00:00:00Z'))).toBe('2026-01');
    expect(periodOf('quarter', new Date('2026-03-31T23:59:59Z'))).toBe('2026-Q1');
  });

  it('steps across year ends both ways', () => {
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2026-06', -18)).toBe('2024-12');
  });

  it('switches between month and quarter at the same place in time', () => {
    expect(switchKind('2026-11', 'quarter')).toBe('2026-Q4');
    expect(switchKind('2026-Q2', 'month')).toBe('2026-04');
    expect(switchKind('2026-05', 'month')).toBe('2026-05');
  });

  it('names periods and knows what is one', () => {
    expect(periodLabel('2026-11')).toBe('November 2026');
    expect(periodLabel('2026-Q4')).toBe('Q4 2026');
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-Q5')).toBe(false);
    expect(isPeriod('2026-Q3')).toBe(true);
    expect(isPeriod(null)).toBe(false);
  });
});
