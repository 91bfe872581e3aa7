import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Task } from '../../../contract/tasks';
import { dueBucket, dueLabel, fromLocalInput, groupByDue, recurrenceLabel, toLocalInput } from './task-format';

const task = (id: string, dueAt: string | null, createdAt = '2026-01-01T00:00:00.000Z'): Task => ({
  id,
  title: id,
  description: null,
  dueAt,
  reminderMinutes: 0,
  assigneeId: null,
  priority: 'normal',
  status: 'open',
  recurrence: null,
  completedAt: null,
  previousId: null,
  links: [],
  createdBy: null,
  createdAt,
  updatedAt: createdAt,
});

// Local times, so the tests hold in any time zone the machine runs in.
const at = (s: string) => dayjs(s).toISOString();
const now = dayjs('2026-11-23T15:00').toDate();

describe('due buckets', () => {
  it('puts a task before now in overdue, even earlier today', () => {
    expect(dueBucket(at('2026-11-23T14:59'), now)).toBe('overdue');
    expect(dueBucket(at('2026-11-20T09:00'), now)).toBe('overdue');
  });
  it('keeps later today apart from tomorrow, at the local midnight', () => {
    expect(dueBucket(at('2026-11-23T15:00'), now)).toBe('today');
    expect(dueBucket(at('2026-11-23T23:59'), now)).toBe('today');
    expect(dueBucket(at('2026-11-24T00:00'), now)).toBe('upcoming');
    expect(dueBucket(null, now)).toBe('undated');
  });
  it('groups and sorts soonest first, undated newest first', () => {
    const g = groupByDue(
      [
        task('later', at('2026-11-30T10:00')),
        task('late2', at('2026-11-23T08:00')),
        task('late1', at('2026-11-22T08:00')),
        task('soon', at('2026-11-25T10:00')),
        task('tonight', at('2026-11-23T20:00')),
        task('old', null, '2026-01-01T00:00:00.000Z'),
        task('new', null, '2026-02-01T00:00:00.000Z'),
      ],
      now,
    );
    expect(g.overdue.map((t) => t.id)).toEqual(['late1', 'late2']);
    expect(g.today.map((t) => t.id)).toEqual(['tonight']);
    expect(g.upcoming.map((t) => t.id)).toEqual(['soon', 'later']);
    expect(g.undated.map((t) => t.id)).toEqual(['new', 'old']);
  });
});

describe('task wording', () => {
  it('names the day relative to today', () => {
    expect(dueLabel(at('2026-11-23T16:30'), now)).toBe('Today 16:30');
    expect(dueLabel(at('2026-11-24T09:00'), now)).toBe('Tomorrow 09:00');
    expect(dueLabel(at('2026-11-22T17:00'), now)).toBe('Yesterday 17:00');
    expect(dueLabel(at('2026-11-27T10:00'), now)).toBe('Fri 27 Nov 10:00');
    expect(dueLabel(at('2027-03-03T10:00'), now)).toBe('3 Mar 2027 10:00');
  });
  it('reads recurrence rules in words', () => {
    expect(recurrenceLabel(null)).toBeNull();
    expect(recurrenceLabel('weekly')).toBe('Every week');
    expect(recurrenceLabel('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('Every weekday');
    expect(recurrenceLabel('FREQ=MONTHLY;INTERVAL=3')).toBe('Every 3 months');
    expect(recurrenceLabel('FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20271231T000000Z')).toBe('Every week on Mon, Wed until 31 Dec 2027');
  });
  it('round-trips the datetime-local value through ISO', () => {
    const iso = at('2026-11-23T16:45');
    expect(toLocalInput(iso)).toBe('2026-11-23T16:45');
    expect(fromLocalInput('2026-11-23T16:45')).toBe(iso);
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});
