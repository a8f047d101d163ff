import { describe, expect, it } from 'vitest';
import { parseClock, parseDateTime } from '../../main/core/import/dates.ts';
import { dayOneText } from '../../main/core/import/day-one.ts';
import { feelingFor, noteText } from '../../main/core/import/daylio.ts';
import { cleanTags } from '../../main/core/import/source-text.ts';

describe('dates as exports write them', () => {
  it('reads instants with a zone as written, and wall times in the zone given', () => {
    expect(parseDateTime('2024-03-24T18:28:37Z', 'Asia/Tokyo')).toBe(Date.UTC(2024, 2, 24, 18, 28, 37));
    expect(parseDateTime('2024-03-24T18:28:37.250Z', 'UTC')).toBe(Date.UTC(2024, 2, 24, 18, 28, 37, 250));
    expect(parseDateTime('2024-03-24T18:28+05:30', 'UTC')).toBe(Date.UTC(2024, 2, 24, 12, 58));
    expect(parseDateTime('2024-07-01 09:15', 'Europe/London')).toBe(Date.UTC(2024, 6, 1, 8, 15));
    expect(parseDateTime('2024-01-01 09:15', 'Europe/London')).toBe(Date.UTC(2024, 0, 1, 9, 15));
    expect(parseDateTime('2024-01-01', 'America/New_York')).toBe(Date.UTC(2024, 0, 1, 17, 0));
  });

  it('refuses dates that do not exist or are not dates', () => {
    for (const text of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-01-01 24:00', 'yesterday', '', '12/03/2024']) {
      expect(parseDateTime(text, 'UTC'), text).toBeNull();
    }
  });

  it("reads the phone's clock both ways", () => {
    expect(parseClock('10:00 pm')).toEqual({ hour: 22, minute: 0 });
    expect(parseClock('12:30 AM')).toEqual({ hour: 0, minute: 30 });
    expect(parseClock('12:05 p.m.')).toEqual({ hour: 12, minute: 5 });
    expect(parseClock('07:43:00 PM')).toEqual({ hour: 19, minute: 43 });
    expect(parseClock('18.45')).toEqual({ hour: 18, minute: 45 });
    for (const text of ['13:00 pm', '24:00', '9', 'noon']) expect(parseClock(text), text).toBeNull();
  });
});

describe('tags', () => {
  it('follow Saltwater’s rules: no # or @, one line, lowercase, 40 characters, each once', () => {
    expect(cleanTags(['@Work', '#river', ' Movies  /  TV ', 'work', '', '  ', 'a\nb', 'é'.repeat(45)]).tags).toEqual([
      'work',
      'river',
      'movies / tv',
      'a b',
      'é'.repeat(40),
    ]);
  });

  it('never split a character when cut', () => {
    const [tag] = cleanTags(['a' + '😀'.repeat(30)]).tags;
    expect(tag!.length).toBeLessThanOrEqual(40);
    expect(tag).toBe('a' + '😀'.repeat(19));
  });
});

describe('Day One text', () => {
  it('drops every kind of attachment placeholder', () => {
    const text = 'Top\n![](dayone-moment://AB12)\n![](dayone-moment:/video/CD34)\n![](dayone-moment:/audio/EF56)\n![](dayone-moment:/pdfAttachment/GH78)\nEnd';
    expect(dayOneText(text)).toBe('Top\n\nEnd');
  });

  it('keeps escapes that stop Markdown from forming, and real images', () => {
    expect(dayOneText('\\# not a heading\nA \\*literal\\* star\\. ![cat](https://example.com/c.png)')).toBe(
      '\\# not a heading\nA \\*literal\\* star. ![cat](https://example.com/c.png)',
    );
  });
});

describe('Daylio', () => {
  const known = new Set(['joyful', 'glad', 'low', 'sad', 'anxious']);

  it('maps default moods where a word fits, and moods named like a feeling word to that word', () => {
    expect(['rad', 'Good', 'meh', 'bad', 'awful', 'Sad ', 'anxious', 'average', ''].map((m) => feelingFor(m, known))).toEqual([
      'joyful',
      'glad',
      null,
      'low',
      null,
      'sad',
      'anxious',
      null,
      null,
    ]);
  });

  it('turns note HTML into Markdown and leaves other angle brackets alone', () => {
    expect(noteText('One<br>two<br/><b>bold</b> &amp; <i>soft</i><ul><li>a</li><li>b</li></ul> I <3 you &lt;3')).toBe(
      'One\ntwo\n**bold** & *soft*\n- a\n- b I <3 you <3',
    );
  });
});
