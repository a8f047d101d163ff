import { describe, expect, it } from 'vitest';
import { parse } from '../../main/core/journal/validate.ts';
import { linkProblem, MediaInput, normaliseLink } from '../../preload/contract/media.ts';
import { refusal as refusalBy } from '../helpers/refusal.ts';

const withLink = (link: unknown) => ({ title: 'Big Fish', kind: 'film', link });

const refusal = (input: unknown) => refusalBy(MediaInput, input);

describe('linkProblem', () => {
  it('accepts web links to any site, http or https, with paths, queries, ports and fragments', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=abc123&t=42s',
      'http://example.org/',
      'https://music.example:8443/album/7#track-3',
      'HTTPS://Example.ORG/Songs',
      'http://localhost:3000/film',
      'http://192.168.1.20/book.pdf',
      'https://xn--bcher-kva.example/',
    ]) {
      expect(linkProblem(url), url).toBeUndefined();
    }
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT://example.org/%0Aalert(1)',
    'javascript://example.org/',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'file://server/share/song.mp3',
    'data:text/html,<script>alert(1)</script>',
    'data:text/plain;base64,aGk=',
    'blob:https://example.org/1234',
    'ftp://example.org/film.mp4',
    'mailto:sam@example.org',
    'sms:+441234567',
    'tel:+441234567',
    'about:blank',
    'chrome://settings',
    'ms-settings:privacy',
    'smb://server/share',
    'ws://example.org/socket',
    'wss://example.org/socket',
    'view-source:https://example.org',
    'steam://run/1',
  ])('refuses the scheme of %s', (url) => {
    const message = linkProblem(url);
    expect(message).toBeDefined();
    expect(message).toMatch(/https:\/\//);
    // Never repeats the rest of the link back.
    expect(message).not.toContain(url.slice(url.indexOf(':') + 1));
  });

  it.each([
    ['https://user:secret@example.org/film', /name or password/],
    ['https://token@example.org/film', /name or password/],
    ['https://@example.org/film', /name or password/],
    ['http://a:b@example.org', /name or password/],
    ['https://example.org/a b', /spaces or line breaks/],
    [' https://example.org/', /spaces or line breaks/],
    ['https://example.org/\nhttps://evil.example', /spaces or line breaks/],
    ['https://exa\tmple.org/', /spaces or line breaks/],
    ['java\tscript:alert(1)', /spaces or line breaks/],
    ['https://example.org/\u0000', /spaces or line breaks/],
    ['www.example.org/film', /https:\/\//],
    ['//example.org/film', /https:\/\//],
    ['%6Aavascript:alert(1)', /https:\/\//],
    ['ｊavascript:alert(1)', /https:\/\//],
    ['https:example.org', /complete web address/],
    ['http:/example.org', /complete web address/],
    ['https:\\\\example.org', /complete web address/],
    ['https://', /complete web address|no site name/],
    ['https://exa mple.org', /spaces/],
    ['https://[::1', /complete web address/],
    ['', /enter a web address/],
    [`https://example.org/${'a'.repeat(2048)}`, /too long \(at most 2048/],
  ])('refuses %j', (url, message) => {
    expect(linkProblem(url)).toMatch(message);
  });

  it('counts the length of the form it is kept in, which can be longer than what was typed', () => {
    const typed = `https://example.org/${'é'.repeat(1000)}`;
    expect(typed.length).toBeLessThanOrEqual(2048);
    expect(normaliseLink(typed).length).toBeGreaterThan(2048);
    expect(linkProblem(typed)).toMatch(/too long/);
  });
});

describe('a media item', () => {
  it('keeps the link in its normal form, and an empty or missing link as none', () => {
    expect(parse(MediaInput, withLink('  HTTPS://Example.ORG/Songs?q=1  ')).link).toBe('https://example.org/Songs?q=1');
    expect(parse(MediaInput, withLink('https://example.org')).link).toBe('https://example.org/');
    expect(parse(MediaInput, withLink('   ')).link).toBeNull();
    expect(parse(MediaInput, withLink(null)).link).toBeNull();
    expect(parse(MediaInput, { title: 'Big Fish', kind: 'film' })).toEqual({ title: 'Big Fish', kind: 'film', note: '', link: null });
  });

  it('refuses a bad link in the input with the same plain message', () => {
    expect(refusal(withLink('javascript:alert(1)'))).toBe(linkProblem('javascript:alert(1)') + ' (link)');
    expect(refusal(withLink('file:///etc/passwd'))).toMatch(/https:\/\//);
    expect(refusal(withLink(42))).toMatch(/link should be a web address/);
  });

  it('needs a title and a kind; the note is short', () => {
    expect(parse(MediaInput, { title: '  Up  ', kind: 'film', note: ' the first ten minutes\nevery time ' })).toMatchObject({
      title: 'Up',
      note: 'the first ten minutes\nevery time',
    });
    expect(refusal({ title: '   ', kind: 'film' })).toMatch(/give it a title/);
    expect(refusal({ kind: 'film' })).toMatch(/give it a title/);
    expect(refusal({ title: 'x'.repeat(121), kind: 'film' })).toMatch(/at most 120/);
    parse(MediaInput, { title: '💙'.repeat(120), kind: 'film' });
    expect(refusal({ title: 'a\nb', kind: 'film' })).toMatch(/line breaks/);
    expect(refusal({ title: 'Up', kind: 'podcast' })).toMatch(/a film, a song, a book, a video or something else/);
    expect(refusal({ title: 'Up', kind: 'film', note: 'n'.repeat(281) })).toMatch(/280 characters/);
    expect(refusal({ title: 'Up', kind: 'film', note: 'bell\u0007' })).toMatch(/cannot be kept/);
  });
});
