import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Practice, PRACTICE_FILE_MAX_BYTES, type AppError } from '../../preload/contract/index.ts';
import { fileStem } from '../../main/core/practices/handlers.ts';
import { extraFields, practiceFileText, practiceFromFile } from '../../main/core/practices/share-file.ts';

/** The share format (README "Sharing a practice"): the practice alone, read strictly. */

const resources = path.join(import.meta.dirname, '../../resources/practices');
const builtIn = (name: string) => Practice.parse(JSON.parse(fs.readFileSync(path.join(resources, `${name}.json`), 'utf8')));
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const mine = { ...builtIn('open-one-box'), id: 'own-2b1e8f3c-5d0a-4a57-9a39-0f6e2d1c7b44' };
/** A file as a friend would send it. */
const shared = () => JSON.parse(practiceFileText(mine)) as { 'saltwater-practice': number; practice: Record<string, unknown> & { steps: Record<string, unknown>[] } };

function refusal(value: unknown): string {
  try {
    practiceFromFile(bytes(value));
  } catch (error) {
    expect((error as AppError).code).toBe('INVALID_INPUT');
    expect((error as AppError).message).toMatch(/Nothing was imported\.$/);
    return (error as AppError).message;
  }
  throw new Error('the file was accepted');
}

describe('sharing a practice as a file', () => {
  it('writes the practice alone, without its id, in a versioned envelope', () => {
    const file = shared();
    expect(Object.keys(file)).toEqual(['saltwater-practice', 'practice']);
    expect(file['saltwater-practice']).toBe(1);
    expect(file.practice).not.toHaveProperty('id');
    expect(file.practice).not.toHaveProperty('version');
    expect(practiceFileText(mine)).not.toContain(mine.id);
  });

  it('round-trips every built-in practice: what is read back is the practice, under a placeholder id', () => {
    for (const name of fs.readdirSync(resources).map((n) => n.replace(/\.json$/, ''))) {
      const practice = builtIn(name);
      const back = practiceFromFile(bytes(practiceFileText(practice)));
      expect(back.id).toBe('own-new');
      expect({ ...back, id: practice.id }).toEqual(practice);
    }
  });

  it('reads a file with a byte-order mark and Windows line ends', () => {
    const text = `\uFEFF${practiceFileText(mine).replaceAll('\n', '\r\n')}`;
    expect(practiceFromFile(bytes(text)).title).toBe(mine.title);
  });

  it('refuses a file that is not a practice, or not readable', () => {
    expect(refusal('{"title": "half a')).toMatch(/isn’t readable JSON/);
    expect(refusal([1, 2])).toMatch(/isn’t a Saltwater practice/);
    expect(refusal({ practice: shared().practice })).toMatch(/isn’t a Saltwater practice/);
    expect(() => practiceFromFile(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toThrow(/isn’t text/);
    expect(refusal({ 'saltwater-practice': 1 })).toMatch(/no practice in it/);
  });

  it('refuses another version of the format, saying when a newer Saltwater made it', () => {
    expect(refusal({ ...shared(), 'saltwater-practice': 2 })).toMatch(/newer Saltwater \(file format 2\)/);
    expect(refusal({ ...shared(), 'saltwater-practice': '1' })).toMatch(/format Saltwater doesn’t know/);
    expect(refusal({ ...shared(), 'saltwater-practice': 0 })).toMatch(/format Saltwater doesn’t know/);
  });

  it('refuses a step of a kind it does not know, naming the step', () => {
    const file = shared();
    file.practice.steps.splice(2, 0, { kind: 'run-a-script', text: 'rm -rf' });
    expect(refusal(file)).toMatch(/^Step 3 is of a kind this Saltwater doesn’t know \(“run-a-script”\)/);
    const missing = shared();
    missing.practice.steps[0] = { text: 'no kind' };
    expect(refusal(missing)).toMatch(/^Step 1 is of a kind/);
  });

  it('refuses a file over the size limit before reading what is in it', () => {
    const file = shared();
    file.practice.summary = 'x'.repeat(PRACTICE_FILE_MAX_BYTES);
    expect(refusal(file)).toMatch(/too big to be a practice \(a practice file is at most 512 KB\)/);
  });

  it('says where the practice in a file is incomplete', () => {
    const file = shared();
    file.practice.steps[1] = { ...file.practice.steps[1], text: '   ' };
    expect(refusal(file)).toMatch(/^Step 2: Please write what this step says\./);
    const untitled = shared();
    delete untitled.practice.title;
    expect(refusal(untitled)).toMatch(/^The name: Please give your practice a name\./);
    const unclosed = shared();
    unclosed.practice.steps.pop();
    expect(refusal(unclosed)).toMatch(/^The steps: A practice ends with a close step/);
  });

  it('refuses anything beside the practice: journal text, memory, media or ladder ids, names, its own id', () => {
    const cases: [string, (f: ReturnType<typeof shared>) => void][] = [
      ['journal', (f) => Object.assign(f, { journal: [{ body: 'what I wrote last night' }] })],
      ['practice.notes', (f) => Object.assign(f.practice, { notes: 'what I wrote last night' })],
      ['practice.author', (f) => Object.assign(f.practice, { author: 'Sam Lee' })],
      ['practice.id', (f) => Object.assign(f.practice, { id: 'own-0c5f' })],
      ['practice.version', (f) => Object.assign(f.practice, { version: 1 })],
      ['practice.steps[2].memoryId', (f) => Object.assign(f.practice.steps[2]!, { memoryId: 12 })],
      ['practice.steps[2].memory', (f) => Object.assign(f.practice.steps[2]!, { memory: { title: 'Grandad', text: 'his hands' } })],
      // A field of another step kind counts too (seconds belong to arrive, not to a memory step).
      ['practice.steps[2].seconds', (f) => Object.assign(f.practice.steps[2]!, { seconds: 60 })],
      ['practice.steps[1].pattern.custom.note', (f) => Object.assign(f.practice.steps[1]!, { pattern: { custom: { inhale: 4, exhale: 6, note: 'x' } } })],
    ];
    expect(shared().practice.steps[2]!.kind).toBe('memory-open');
    expect(shared().practice.steps[1]!.kind).toBe('breathe');
    for (const [where, change] of cases) {
      const file = shared();
      change(file);
      expect(refusal(file), where).toContain(`(“${where}”)`);
    }
    const media = { ...shared() };
    media.practice.steps = [{ kind: 'media-offer', text: 'Something that moves you', mediaId: 3 }, { kind: 'close', text: 'Thank you.' }];
    expect(refusal(media)).toContain('(“practice.steps[0].mediaId”)');
    const ladder = { ...shared() };
    ladder.practice.steps = [
      { kind: 'ladder-choose', text: 'Choose', track: 'letting-come', stepId: 4 },
      { kind: 'ladder-record', text: 'How was it?' },
      { kind: 'close', text: 'Thank you.' },
    ];
    expect(refusal(ladder)).toContain('(“practice.steps[0].stepId”)');
  });

  it('finds fields the schema dropped, however deep, and nothing else', () => {
    expect(extraFields({ a: 1, b: [{ c: 1, d: 2 }] }, { a: 1, b: [{ c: 1 }] }, 'x')).toEqual(['x.b[0].d']);
    expect(extraFields({ a: 1 }, { a: 1, defaulted: false }, 'x')).toEqual([]);
    expect(extraFields(JSON.parse('{"__proto__": {"polluted": true}}'), {}, 'x')).toEqual(['x.__proto__']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reads the example in the README as the practice it shows', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    const example = /The format, version 1:\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'the README’s example').toBeDefined();
    const practice = practiceFromFile(bytes(example!));
    expect(practice.steps.map((s) => s.kind)).toEqual(['breathe', 'permission', 'prompt', 'close']);
  });

  it('names the file after the practice, without anything a file system would refuse', () => {
    expect(fileStem('Evening: letting go / part 2?')).toBe('Evening letting go part 2');
    expect(fileStem('Før natten – stille')).toBe('Før natten stille');
    expect(fileStem('***')).toBe('Saltwater practice');
    expect(fileStem('../../etc/passwd')).toBe('etc passwd');
  });
});
