import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EntryEditor } from '../../renderer/features/journal/editor.svelte.ts';
import { createFakeApi } from './fake-api.ts';

describe('EntryEditor autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('creates a new entry on the first save, then only updates it', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const editor = new EntryEditor(fake.api);
    await editor.open('new');
    expect(fake.spies.journal.create).not.toHaveBeenCalled();

    editor.setBody('I');
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.spies.journal.create).toHaveBeenCalledTimes(1);
    expect(fake.spies.journal.create).toHaveBeenCalledWith({ body: 'I', emotions: [], tags: [] });
    expect(editor.id).toBe(1);

    editor.setBody('I feel');
    editor.addEmotion('sad');
    editor.setIntensity('sad', 7);
    editor.setBodyLocation('sad', ' chest ');
    editor.addTags('Family, evening');
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.spies.journal.create).toHaveBeenCalledTimes(1);
    expect(fake.spies.journal.update).toHaveBeenLastCalledWith({
      id: 1,
      body: 'I feel',
      emotions: [{ word: 'sad', intensity: 7, bodyLocation: 'chest' }],
      tags: ['family', 'evening'],
    });
    expect(editor.status).toBe('saved');

    // Typing alone sends only the text: feelings and tags are rewritten only when they change.
    editor.setBody('I feel heavy');
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.spies.journal.update).toHaveBeenLastCalledWith({ id: 1, body: 'I feel heavy' });
    editor.setIntensity('sad', 8);
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.spies.journal.update).toHaveBeenLastCalledWith({
      id: 1,
      body: 'I feel heavy',
      emotions: [{ word: 'sad', intensity: 8, bodyLocation: 'chest' }],
      tags: ['family', 'evening'],
    });
  });

  it('creates the entry exactly once even when typing continues during a slow first save', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const realCreate = fake.spies.journal.create.getMockImplementation()!;
    fake.spies.journal.create.mockImplementation(async (fields) => {
      await new Promise((r) => setTimeout(r, 2000));
      return realCreate(fields);
    });
    const editor = new EntryEditor(fake.api);
    await editor.open('new');
    for (let i = 1; i <= 30; i++) {
      editor.setBody('x'.repeat(i));
      await vi.advanceTimersByTimeAsync(100);
    }
    await editor.flush();
    expect(fake.spies.journal.create).toHaveBeenCalledTimes(1);
    expect(fake.entries.get(1)?.body).toBe('x'.repeat(30));
  });

  it('an edit is written within a second even while typing never stops', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const editor = new EntryEditor(fake.api);
    await editor.open('new');
    for (let i = 1; i <= 11; i++) {
      editor.setBody(`word ${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    // 1.1 s of typing without a pause: something is already in the vault.
    expect(fake.entries.get(1)?.body).toMatch(/^word \d+$/);
  });

  it('flush() writes the last keystrokes right away (leaving, locking)', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    await fake.api.journal.create({ body: 'old', emotions: [], tags: [] });
    const editor = new EntryEditor(fake.api);
    await editor.open(1);
    expect(editor.body).toBe('old');
    editor.setBody('old and new');
    await editor.flush();
    expect(fake.entries.get(1)?.body).toBe('old and new');
  });

  it('keeps the text and says so when a save fails', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    fake.spies.journal.create.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong.' } } as never);
    const editor = new EntryEditor(fake.api);
    await editor.open('new');
    editor.setBody('precious words');
    await vi.advanceTimersByTimeAsync(400);
    expect(editor.status).toBe('error');
    expect(editor.saveError).toBe('Something went wrong.');
    expect(editor.body).toBe('precious words');
    await vi.advanceTimersByTimeAsync(3000); // the retry
    expect(editor.status).toBe('saved');
    expect(fake.entries.get(1)?.body).toBe('precious words');
  });

  it('tags: lowercased, no duplicates, long ones refused with a message', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const editor = new EntryEditor(fake.api);
    await editor.open('new');
    expect(editor.addTags('Work, work ,  ,Sleep')).toBeNull();
    expect(editor.tags).toEqual(['work', 'sleep']);
    expect(editor.addTags('x'.repeat(41))).toMatch(/up to 40/);
    expect(editor.tags).toEqual(['work', 'sleep']);
  });

  it('discard() forgets the text and saves nothing more', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const editor = new EntryEditor(fake.api);
    await editor.open('new');
    editor.setBody('secret');
    editor.discard();
    await vi.advanceTimersByTimeAsync(5000);
    expect(editor.body).toBe('');
    expect(fake.spies.journal.create).not.toHaveBeenCalled();
  });
});
