import { describe, expect, it } from 'vitest';
import { plainDate, plainDateTime } from '../../renderer/lib/dates.ts';

describe('dates in plain words', () => {
  const now = new Date(2026, 11, 2, 10, 0);
  const at = (y: number, m: number, d: number, h: number, min: number) => new Date(y, m - 1, d, h, min).getTime();

  it('says today, yesterday and the weekday with the time; further back, the day alone', () => {
    expect(plainDate(at(2026, 12, 2, 9, 41), now, 'en-GB')).toBe('Today at 9:41');
    expect(plainDate(at(2026, 12, 1, 22, 10), now, 'en-GB')).toBe('Yesterday at 22:10');
    expect(plainDate(at(2026, 11, 30, 8, 5), now, 'en-GB')).toBe('Monday at 8:05');
    expect(plainDate(at(2026, 3, 3, 9, 41), now, 'en-GB')).toBe('3 March');
    expect(plainDate(at(2024, 3, 3, 9, 41), now, 'en-GB')).toBe('3 March 2024');
  });

  it('keeps the time further back too where the time matters (the signals sent)', () => {
    expect(plainDateTime(at(2026, 12, 2, 9, 41), now, 'en-GB')).toBe('Today at 9:41');
    expect(plainDateTime(at(2026, 3, 3, 9, 41), now, 'en-GB')).toBe('3 March at 9:41');
    expect(plainDateTime(at(2024, 3, 3, 21, 5), now, 'en-GB')).toBe('3 March 2024 at 21:05');
  });
});
