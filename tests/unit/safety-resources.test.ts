import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countryFromLocale, CrisisLinesFile, defaultSettings, SafetyEntry, Settings, webLinkProblem } from '../../preload/contract/index.ts';

const file = path.join(import.meta.dirname, '../../resources/crisis-lines.json');

describe('crisis lines (resources/crisis-lines.json)', () => {
  const data = CrisisLinesFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));

  it('covers at least 15 countries, each line with a source and a last-checked date', () => {
    expect(data.countries.length).toBeGreaterThanOrEqual(15);
    for (const country of data.countries) {
      for (const line of country.lines) {
        expect(line.source, `${country.code} ${line.name}`).toMatch(/^https:\/\//);
        expect(Number.isNaN(Date.parse(line.lastChecked)), `${country.code} ${line.name}`).toBe(false);
      }
    }
  });

  it('has the countries most people will look for, sorted by name for the picker', () => {
    const codes = data.countries.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['US', 'GB', 'CA', 'AU', 'NZ', 'IE', 'DE', 'FR']));
    const names = data.countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('refuses a file with a duplicate country, a line without a source, or a non-web link', () => {
    const good = JSON.parse(fs.readFileSync(file, 'utf8')) as { countries: Array<Record<string, unknown> & { lines: Array<Record<string, unknown>> }> };
    const dup = structuredClone(good);
    dup.countries.push(dup.countries[0]!);
    expect(CrisisLinesFile.safeParse(dup).success).toBe(false);
    const noSource = structuredClone(good);
    delete noSource.countries[0]!.lines[0]!.source;
    expect(CrisisLinesFile.safeParse(noSource).success).toBe(false);
    const badLink = structuredClone(good);
    badLink.countries[0]!.lines[0]!.website = 'javascript:alert(1)';
    expect(CrisisLinesFile.safeParse(badLink).success).toBe(false);
  });
});

describe('country from the computer language', () => {
  it('reads the region, and guesses the likely one for a bare language', () => {
    expect(countryFromLocale('en-GB')).toBe('GB');
    expect(countryFromLocale('de-AT')).toBe('AT');
    expect(countryFromLocale('en')).toBe('US');
    expect(countryFromLocale('fr')).toBe('FR');
    expect(countryFromLocale(undefined)).toBeNull();
    expect(countryFromLocale('not a locale!')).toBeNull();
  });
});

describe('the person\'s own entries and web links', () => {
  it('keeps a trimmed entry with a number or a website', () => {
    expect(SafetyEntry.parse({ name: '  Dr Lee ', phone: ' 020 7946 0000 ' })).toEqual({ name: 'Dr Lee', phone: '020 7946 0000' });
    expect(SafetyEntry.safeParse({ name: 'Dr Lee' }).success).toBe(false);
    expect(SafetyEntry.safeParse({ name: ' ', phone: '1' }).success).toBe(false);
    expect(SafetyEntry.safeParse({ name: 'x'.repeat(61), phone: '1' }).success).toBe(false);
  });

  it('opens only plain http(s) links, saying why in words', () => {
    expect(webLinkProblem('https://www.samaritans.org')).toBeUndefined();
    expect(webLinkProblem('http://example.org/page?q=1#part')).toBeUndefined();
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'mailto:a@b.c', 'ftp://x.org', 'https://user:pw@x.org', 'https://@x.org', 'https:x.org', 'www.x.org', 'https://x.org/a b', '', `https://x.org/${'a'.repeat(2049)}`]) {
      expect(webLinkProblem(bad), bad).toMatch(/\w/);
    }
  });

  it('settings hold the country and up to 8 entries', () => {
    const base = { ...defaultSettings };
    expect(Settings.safeParse({ ...base, crisisCountry: 'GB', safetyEntries: [] }).success).toBe(true);
    expect(Settings.safeParse({ ...base, crisisCountry: 'gb', safetyEntries: [] }).success).toBe(false);
    const nine = Array.from({ length: 9 }, (_, i) => ({ name: `n${i}`, phone: '1' }));
    expect(Settings.safeParse({ ...base, crisisCountry: null, safetyEntries: nine }).success).toBe(false);
  });
});

describe('opening a help website', () => {
  it('main looks the address up from which line it is; the renderer never names a URL', async () => {
    const { safetyLinkFor, crisisLines } = await import('../../main/core/safety/safety-links.ts');
    const gb = crisisLines.countries.find((c) => c.code === 'GB')!;
    const own = [{ name: 'Dr Lee', phone: '1', website: 'https://drlee.example/contact' }, { name: 'Sam', phone: '2' }];
    expect(safetyLinkFor({ source: 'crisis', country: 'GB', line: 0 }, () => own)).toBe(gb.lines[0]!.website);
    expect(safetyLinkFor({ source: 'own', entry: 0 }, () => own)).toBe('https://drlee.example/contact');
    expect(safetyLinkFor({ source: 'elsewhere' }, () => own)).toBe(crisisLines.elsewhere.website);
    for (const ref of [
      { source: 'own', entry: 1 },
      { source: 'own', entry: 5 },
      { source: 'crisis', country: 'GB', line: 5 },
      { source: 'crisis', country: 'ZZ', line: 0 },
    ] as const) {
      expect(() => safetyLinkFor(ref, () => own), JSON.stringify(ref)).toThrow(/not in the list/);
    }
  });
});
