import { describe, expect, it } from 'vitest';
import { safetyHandlers } from '../../main/core/safety/handlers.ts';
import { crisisLines, numberFor, safetyLinkFor, telLink } from '../../main/core/safety/lookup.ts';
import { countryFromLocale, defaultSettings, dialDigits, SafetyEntry, Settings, webLinkProblem } from '../../preload/contract/index.ts';

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

describe('opening a help website, calling or copying a number', () => {
  const own = [{ name: 'Dr Lee', phone: '+44 (20) 7946-0000', website: 'https://drlee.example/contact' }, { name: 'Sam', phone: 'ask for Jo' }];

  it('main looks the address up from which line it is; the renderer never names a URL', () => {
    const gb = crisisLines.countries.find((c) => c.code === 'GB')!;
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

  it('main looks numbers up the same way: the emergency number, a line’s call or text number, an own entry', () => {
    const gb = crisisLines.countries.find((c) => c.code === 'GB')!;
    const samaritans = gb.lines.findIndex((l) => l.status === 'confirmed' && l.phone === '116 123');
    const shout = gb.lines.findIndex((l) => l.status === 'confirmed' && l.text?.to === '85258');
    expect(numberFor({ source: 'emergency', country: 'GB' }, () => own)).toBe(gb.emergency.phone);
    expect(numberFor({ source: 'crisis', country: 'GB', line: samaritans, route: 'call' }, () => own)).toBe('116 123');
    expect(numberFor({ source: 'crisis', country: 'GB', line: shout, route: 'text' }, () => own)).toBe('85258');
    expect(numberFor({ source: 'own', entry: 0 }, () => own)).toBe('+44 (20) 7946-0000');
    // A line that takes texts only has no number to call; an unknown country or entry has none at all.
    expect(() => numberFor({ source: 'crisis', country: 'GB', line: shout, route: 'call' }, () => own)).toThrow(/not in the list/);
    expect(() => numberFor({ source: 'emergency', country: 'ZZ' }, () => own)).toThrow(/not in the list/);
    expect(() => numberFor({ source: 'own', entry: 3 }, () => own)).toThrow(/not in the list/);
  });

  it('an unconfirmed line never gives a number', () => {
    const withUnconfirmed = crisisLines.countries.flatMap((c) => c.lines.map((l, i) => ({ c, l, i }))).filter(({ l }) => l.status === 'unconfirmed');
    expect(withUnconfirmed.length).toBeGreaterThan(0);
    for (const { c, i } of withUnconfirmed) {
      for (const route of ['call', 'text'] as const) {
        expect(() => numberFor({ source: 'crisis', country: c.code, line: i, route }, () => own)).toThrow(/not in the list/);
      }
    }
  });

  it('dials digits only: a tel: link from a written number, refused when it has words', () => {
    expect(telLink('116 123')).toBe('tel:116123');
    expect(telLink('+44 (20) 7946-0000')).toBe('tel:+442079460000');
    expect(telLink('*4141')).toBe('tel:*4141');
    expect(telLink('#31#')).toBe('tel:%2331%23');
    expect(() => telLink('ask for Jo')).toThrow(/can only be copied/);
    expect(dialDigits('0800 111 0 111')).toBe('08001110111');
    for (const words of ['ask for Jo', '1', '12 34 ext 5', '+', '', '1'.repeat(21)]) expect(dialDigits(words), words).toBeNull();
  });
});

describe('Help right now through main (safety handlers)', () => {
  const setup = (entries: SafetyEntry[] = [], region: string | null = 'gb') => {
    const opened: string[] = [];
    const copied: string[] = [];
    const handlers = safetyHandlers({
      openExternal: (uri) => void opened.push(uri),
      clipboard: { writeText: (text) => void copied.push(text) },
      ownEntries: () => entries,
      region: () => region,
    });
    return { handlers, opened, copied };
  };

  it('Call hands the OS a tel: link for the number looked up; Copy puts the number as written on the clipboard', async () => {
    const { handlers, opened, copied } = setup([{ name: 'Dr Lee', phone: '020 7946 0000' }, { name: 'Jo', phone: 'ask at the desk' }]);
    await handlers['safety.call']({ source: 'emergency', country: 'GB' });
    await handlers['safety.call']({ source: 'own', entry: 0 });
    await handlers['safety.copyNumber']({ source: 'own', entry: 1 });
    expect(opened).toEqual(['tel:999', 'tel:02079460000']);
    expect(copied).toEqual(['ask at the desk']);
    // Words cannot be dialled: refused with a reason, and nothing reaches the OS.
    expect(() => handlers['safety.call']({ source: 'own', entry: 1 })).toThrow(/can only be copied/);
    expect(opened).toHaveLength(2);
  });

  it('reads the OS region as a country code, or nothing', () => {
    expect(setup([], 'gb').handlers['safety.region'](undefined)).toBe('GB');
    expect(setup([], '').handlers['safety.region'](undefined)).toBeNull();
    expect(setup([], null).handlers['safety.region'](undefined)).toBeNull();
    expect(setup([], '419').handlers['safety.region'](undefined)).toBeNull();
  });
});
