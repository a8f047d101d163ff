import { describe, expect, it } from 'vitest';
import { escapeText, fold, NEUTRAL_WORDS, schedulesToIcs, vtimezone } from '../../main/core/scheduler/ics.ts';
import type { ScheduleRow } from '../../main/core/scheduler/schedules-store.ts';

const row = (over: Partial<ScheduleRow> = {}): ScheduleRow => ({
  id: 7,
  practiceId: 'open-one-box',
  private: true,
  text: 'Time for your reflection',
  dtstart: '2025-11-23T20:00',
  tzid: 'Europe/London',
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
  leadMinutes: 0,
  paused: false,
  settledThrough: '',
  createdAt: 1_763_000_000_000,
  updatedAt: 1_763_000_000_000,
  ...over,
});
const options = { now: Date.parse('2025-11-20T12:00:00Z'), deviceZone: 'America/New_York', practiceTitle: (id: string) => ({ 'open-one-box': 'Open one box' })[id] };

const unfold = (text: string) => text.replace(/\r\n /g, '');
const unescape = (text: string) => text.replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1');

describe('iCalendar export', () => {
  it('one VEVENT per schedule with DTSTART;TZID, RRULE, alarm; CRLF lines; balanced components', () => {
    const ics = schedulesToIcs([{ row: row({ leadMinutes: 15 }), skipped: ['2025-11-30T20:00'] }], options);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    for (const component of ['VCALENDAR', 'VTIMEZONE', 'VEVENT', 'VALARM']) {
      expect(lines.filter((l) => l === `BEGIN:${component}`).length).toBe(lines.filter((l) => l === `END:${component}`).length);
    }
    const event = ics.slice(ics.indexOf('BEGIN:VEVENT'), ics.indexOf('END:VEVENT'));
    expect(event.split('\r\n')).toEqual([
      'BEGIN:VEVENT',
      'UID:saltwater-schedule-7-1763000000000',
      'DTSTAMP:20251120T120000Z',
      'DTSTART;TZID=Europe/London:20251123T200000',
      'RRULE:FREQ=WEEKLY;BYDAY=SU',
      'EXDATE;TZID=Europe/London:20251130T200000',
      `SUMMARY:${NEUTRAL_WORDS}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${NEUTRAL_WORDS}`,
      'TRIGGER:-PT15M',
      'END:VALARM',
      '',
    ]);
  });

  it('private schedules carry neutral words only, not even their own reminder words; others may carry the practice name', () => {
    const privateOne = schedulesToIcs([{ row: row({ text: 'Sunday: open the box about Dad' }), skipped: [] }], options);
    expect(privateOne).not.toContain('Open one box');
    expect(privateOne).not.toContain('open-one-box');
    expect(privateOne).not.toContain('Dad');
    expect(privateOne).toContain(`SUMMARY:${NEUTRAL_WORDS}\r\n`);
    expect(privateOne).toContain(`DESCRIPTION:${NEUTRAL_WORDS}\r\n`);
    expect(schedulesToIcs([{ row: row({ private: false }), skipped: [] }], options)).toContain('SUMMARY:Open one box\r\n');
  });

  it('floating schedules are exported in the zone the computer is in now; one-offs have no RRULE', () => {
    const ics = schedulesToIcs([{ row: row({ tzid: null, rrule: null }), skipped: [] }], options);
    expect(ics).toContain('DTSTART;TZID=America/New_York:20251123T200000\r\nSUMMARY');
    expect(ics).toContain('TZID:America/New_York');
  });

  it('UNTIL becomes UTC, as RFC 5545 requires with a TZID', () => {
    const ics = schedulesToIcs([{ row: row({ rrule: 'FREQ=DAILY;UNTIL=20260328T235959' }), skipped: [] }], options);
    expect(ics).toContain('RRULE:FREQ=DAILY;UNTIL=20260328T235959Z');
    const summer = schedulesToIcs([{ row: row({ rrule: 'FREQ=DAILY;UNTIL=20260628T235959' }), skipped: [] }], options);
    expect(summer).toContain('RRULE:FREQ=DAILY;UNTIL=20260628T225959Z');
  });

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    const text = 'Breathe, rest; then write: "back\\slash" — and a long tail of words to push this well past one line 🌊🌊🌊';
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const ics = schedulesToIcs([{ row: row({ text, private: false, practiceId: 'unknown' }), skipped: [] }], options);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const summary = unfold(ics)
      .split('\r\n')
      .find((l) => l.startsWith('SUMMARY:'))!;
    expect(unescape(summary.slice('SUMMARY:'.length))).toBe(text);
    const folded = fold(`SUMMARY:${'🌊'.repeat(40)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'🌊'.repeat(40)}`);
    expect(folded).not.toContain('\uFFFD');
  });
});

describe('VTIMEZONE from Intl', () => {
  const block = (zone: string, year: number) => vtimezone(zone, year).join('\n');
  it('Europe/London: last Sunday of March and October', () => {
    const z = block('Europe/London', 2025);
    expect(z).toContain('BEGIN:DAYLIGHT\nDTSTART:20250330T010000\nTZOFFSETFROM:+0000\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT');
    expect(z).toContain('BEGIN:STANDARD\nDTSTART:20251026T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD');
  });
  it('America/New_York: second Sunday of March, first of November', () => {
    const z = block('America/New_York', 2025);
    expect(z).toContain('DTSTART:20250309T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
    expect(z).toContain('DTSTART:20251102T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
  });
  it('Australia/Sydney: first Sunday of April and October', () => {
    const z = block('Australia/Sydney', 2025);
    expect(z).toContain('DTSTART:20250406T030000\nTZOFFSETFROM:+1100\nTZOFFSETTO:+1000\nRRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU');
    expect(z).toContain('DTSTART:20251005T020000\nTZOFFSETFROM:+1000\nTZOFFSETTO:+1100\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU');
  });
  it('a zone without DST has one fixed observance', () => {
    expect(block('Asia/Kolkata', 2025)).toBe(
      'BEGIN:VTIMEZONE\nTZID:Asia/Kolkata\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+0530\nTZOFFSETTO:+0530\nEND:STANDARD\nEND:VTIMEZONE',
    );
  });
});
