import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrisisLinesFile, dialDigits, type CrisisLinesFile as Data } from '../../preload/contract/index.ts';

/**
 * The rules a release of resources/crisis-lines.json must meet. A wrong or dead number is the
 * worst defect Saltwater can have: every line people are asked to call shows the public pages
 * it was checked against, its hours and when it was checked, and the list is checked again
 * within a year (this test starts failing when that is overdue, on purpose).
 */

const file = path.join(import.meta.dirname, '../../resources/crisis-lines.json');
const raw = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> & { countries: Array<Record<string, unknown> & { lines: Array<Record<string, unknown>> }> };
const data: Data = CrisisLinesFile.parse(raw());
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;
const compact = (n: string) => n.replace(/\s/g, '');

const everyLine = data.countries.flatMap((country) => country.lines.map((line) => ({ country, line, label: `${country.code} ${line.name}` })));
const confirmed = everyLine.flatMap(({ country, line, label }) => (line.status === 'confirmed' ? [{ country, line, label }] : []));

describe('crisis lines data (resources/crisis-lines.json)', () => {
  it('every line to call has a phone or text route, evidence with a date, hours and a checked date', () => {
    expect(confirmed.length).toBeGreaterThan(40);
    for (const { line, label } of confirmed) {
      expect(line.phone ?? line.text?.to, `${label}: a number to call or text`).toBeTruthy();
      expect(line.evidence.length, `${label}: evidence`).toBeGreaterThan(0);
      expect(line.evidence.some((e) => e.date !== 'undated'), `${label}: at least one dated page`).toBe(true);
      for (const e of line.evidence) expect(e.url, label).toMatch(/^https?:\/\//);
      expect(line.hours, `${label}: hours`).toBeDefined();
      expect(Number.isNaN(Date.parse(line.lastChecked)), `${label}: checked date`).toBe(false);
    }
  });

  it('every country has its emergency number with evidence, and at least one line open any time or confirmed', () => {
    for (const country of data.countries) {
      expect(dialDigits(country.emergency.phone), country.code).not.toBeNull();
      expect(country.emergency.words, country.code).toContain(country.emergency.phone);
      expect(country.emergency.evidence.length, country.code).toBeGreaterThan(0);
      expect(country.lines.some((l) => l.status === 'confirmed'), `${country.code} has a confirmed line`).toBe(true);
    }
  });

  it('was checked within the last year, every line and the world-wide list', () => {
    const now = Date.now();
    for (const { line, label } of everyLine) {
      expect(now - Date.parse(line.lastChecked), `${label} was last checked on ${line.lastChecked}: check it again`).toBeLessThan(YEAR_MS);
      expect(Date.parse(line.lastChecked), `${label}: a checked date in the future`).toBeLessThanOrEqual(now + 24 * 60 * 60 * 1000);
    }
    expect(now - Date.parse(data.elsewhere.lastChecked)).toBeLessThan(YEAR_MS);
  });

  it('has no number twice in a country (a line that takes calls and texts on one number counts once)', () => {
    for (const country of data.countries) {
      const numbers = country.lines.flatMap((l) => (l.status === 'confirmed' ? [...new Set([l.phone, l.text?.to].filter((n): n is string => Boolean(n)).map(compact))] : []));
      const twice = numbers.filter((n, i) => numbers.indexOf(n) !== i);
      expect(twice, `${country.code} lists a number twice`).toEqual([]);
      expect(numbers, `${country.code}: a line repeats the emergency number`).not.toContain(compact(country.emergency.phone));
    }
  });

  it('never offers a retired line, and keeps why it was retired', () => {
    expect(data.retired.length).toBeGreaterThan(0);
    for (const old of data.retired) {
      const country = data.countries.find((c) => c.code === old.country);
      const numbers = (country?.lines ?? []).flatMap((l) => (l.status === 'confirmed' ? [l.phone, l.text?.to] : [])).filter(Boolean).map((n) => compact(n!));
      expect(numbers, `${old.country} ${old.name}`).not.toContain(compact(old.phone));
    }
  });

  it('shows unconfirmed lines only as a website, with the reason kept for whoever checks next', () => {
    for (const { line, label } of everyLine) {
      if (line.status !== 'unconfirmed') continue;
      expect(line.website, label).toMatch(/^https:\/\//);
      expect(line.why.length, label).toBeGreaterThan(10);
      expect(line, label).not.toHaveProperty('phone');
    }
  });

  it('has the countries people will look for and more, sorted by name for the picker', () => {
    const codes = data.countries.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['US', 'GB', 'CA', 'AU', 'NZ', 'IE', 'DE', 'FR', 'KR', 'AR', 'TR', 'IL', 'PH', 'ID', 'CL', 'CO', 'CZ', 'GR']));
    const names = data.countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('says how the list is kept current', () => {
    expect(data.upkeep).toMatch(/year/);
  });
});

describe('the crisis lines schema refuses an incomplete line', () => {
  const firstConfirmed = (d: ReturnType<typeof raw>) => d.countries.flatMap((c) => c.lines).find((l) => l.status === 'confirmed')!;
  const refuses = (edit: (d: ReturnType<typeof raw>) => void) => {
    const d = raw();
    edit(d);
    return !CrisisLinesFile.safeParse(d).success;
  };

  it('accepts the file as it is', () => {
    expect(refuses(() => {})).toBe(false);
  });

  it('refuses a confirmed line without evidence, hours or a checked date, or with a bad number, zone or link', () => {
    expect(refuses((d) => delete firstConfirmed(d).evidence)).toBe(true);
    expect(refuses((d) => (firstConfirmed(d).evidence = []))).toBe(true);
    expect(refuses((d) => delete firstConfirmed(d).hours)).toBe(true);
    expect(refuses((d) => delete firstConfirmed(d).lastChecked)).toBe(true);
    expect(refuses((d) => (firstConfirmed(d).lastChecked = 'last spring'))).toBe(true);
    expect(refuses((d) => (firstConfirmed(d).phone = '0800-CALL-NOW'))).toBe(true);
    expect(refuses((d) => (firstConfirmed(d).hours = { zone: 'Mars/Olympus', open: [{ days: ['mon'], from: '09:00', to: '17:00' }] }))).toBe(true);
    expect(refuses((d) => (firstConfirmed(d).hours = { zone: 'Europe/Rome', open: [{ days: ['mon'], from: '9am', to: '17:00' }] }))).toBe(true);
    expect(refuses((d) => (firstConfirmed(d).website = 'javascript:alert(1)'))).toBe(true);
    expect(refuses((d) => ((firstConfirmed(d).evidence as Array<{ date: string }>)[0]!.date = 'recently'))).toBe(true);
  });

  it('refuses an unconfirmed line that gives a number, or a country twice', () => {
    expect(refuses((d) => d.countries[0]!.lines.push({ status: 'unconfirmed', name: 'x', website: 'https://example.org', why: 'no page', lastChecked: '2026-12-03', phone: '123' }))).toBe(false);
    // zod strips unknown keys: the parsed line has no number to hand out.
    const d = raw();
    d.countries[0]!.lines.push({ status: 'unconfirmed', name: 'x', website: 'https://example.org', why: 'no page', lastChecked: '2026-12-03', phone: '123' });
    expect(CrisisLinesFile.parse(d).countries[0]!.lines.at(-1)).not.toHaveProperty('phone');
    expect(refuses((d2) => d2.countries.push(d2.countries[0]!))).toBe(true);
  });
});
