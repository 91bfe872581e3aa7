import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('time spent in a stage', () => {
  it('reads in its two largest units, leaving out zeros', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(60)).toBe('1 min');
    expect(formatDuration(3_600)).toBe('1 h');
    expect(formatDuration(3_660)).toBe('1 h 1 min');
    expect(formatDuration(86_400)).toBe('1 d');
    expect(formatDuration(93_784)).toBe('1 d 2 h');
    expect(formatDuration(86_400 + 59)).toBe('1 d');
    expect(formatDuration(40 * 86_400 + 3_600)).toBe('40 d 1 h');
  });
});
