/**
 * Voice notes in the page: the recorder against a stand-in microphone and MediaRecorder, the
 * fake API's vault, and a session with a speak step.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { voiceLimits, type Practice } from '../../preload/contract/index.ts';
import { EntryVoice } from '../../renderer/features/journal/voice/entry-voice.svelte.ts';
import { microphoneProblem, PIECE_MS, type MediaPorts, type RecorderLike } from '../../renderer/features/journal/voice/recorder.svelte.ts';
import { SessionRun } from '../../renderer/features/session/session-run.svelte.ts';
import { SessionWriting } from '../../renderer/features/session/writing.svelte.ts';
import { createFakeApi, type FakeApi } from './fake-api.ts';
import { fakeAudio, fakeClock, fakeFrames } from './session-helpers.ts';

class FakeRecorder implements RecorderLike {
  state: RecorderLike['state'] = 'inactive';
  ondataavailable: RecorderLike['ondataavailable'] = null;
  onstop: RecorderLike['onstop'] = null;
  onerror: RecorderLike['onerror'] = null;
  timeslice: number | null = null;
  constructor(readonly options: MediaRecorderOptions) {}
  start(timeslice: number) {
    this.timeslice = timeslice;
    this.state = 'recording';
  }
  pause() {
    this.state = 'paused';
  }
  resume() {
    this.state = 'recording';
  }
  /** What MediaRecorder hands over every timeslice. */
  piece(...bytes: number[]) {
    this.ondataavailable?.({ data: new Blob([new Uint8Array(bytes)]) });
  }
  /** As the browser does: the last piece, then `stop`, both a moment later. */
  stop() {
    if (this.state === 'inactive') return;
    this.state = 'inactive';
    setTimeout(() => {
      this.piece(99);
      this.onstop?.();
    }, 0);
  }
}

function fakeMedia(deny?: string) {
  let t = 0;
  const ticks = new Set<() => void>();
  const tracks: { stopped: boolean }[] = [];
  const recorders: FakeRecorder[] = [];
  const asked: MediaStreamConstraints[] = [];
  const ports: MediaPorts = {
    async getUserMedia(constraints) {
      asked.push(constraints);
      if (deny) throw new DOMException('Permission denied', deny);
      const track = { stopped: false, stop() {
        this.stopped = true;
      } };
      tracks.push(track);
      return { getTracks: () => [track] } as unknown as MediaStream;
    },
    createRecorder(_stream, options) {
      const recorder = new FakeRecorder(options);
      recorders.push(recorder);
      return recorder;
    },
    isTypeSupported: (type) => type === 'audio/webm;codecs=opus',
    now: () => t,
    every(_ms, tick) {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  };
  return {
    ports,
    tracks,
    recorders,
    asked,
    /** Time passes while recording (the display ticks). */
    advance(ms: number) {
      t += ms;
      for (const tick of [...ticks]) tick();
    },
    ticking: () => ticks.size,
  };
}

const bytesOf = async (fake: FakeApi, id: number) => {
  const result = await fake.api.voice.audio({ id });
  if (!result.ok) throw new Error(result.error.message);
  return [...result.value.audio];
};

describe('recording a voice note', () => {
  let fake: FakeApi;
  let entryId: number;
  beforeEach(async () => {
    fake = createFakeApi({ state: 'unlocked' });
    const created = await fake.api.journal.create({ body: 'x' });
    if (!created.ok) throw new Error('no entry');
    entryId = created.value.id;
  });

  /** A note being recorded for the entry, with its stand-in microphone and MediaRecorder. */
  async function recording() {
    const media = fakeMedia();
    const voice = new EntryVoice(fake.api, async () => entryId, media.ports);
    await voice.recorder.start();
    return { media, voice, recorder: media.recorders[0]! };
  }

  /** As `recording`, once its first piece (the byte 1) is in the vault. */
  async function recordingWithAPieceKept() {
    const started = await recording();
    started.recorder.piece(1);
    await vi.waitFor(() => expect(fake.spies.voice.begin).toHaveBeenCalled());
    return started;
  }

  it('asks for the microphone alone, sends each piece as it comes, and Stop keeps everything with the mic given back', async () => {
    const media = fakeMedia();
    const voice = new EntryVoice(fake.api, async () => entryId, media.ports);
    expect(media.asked).toEqual([]);
    await voice.recorder.start();
    expect(media.asked).toEqual([{ audio: { echoCancellation: true, noiseSuppression: true }, video: false }]);
    const recorder = media.recorders[0]!;
    expect(recorder.options).toEqual({ mimeType: 'audio/webm;codecs=opus', audioBitsPerSecond: 32_000 });
    expect(recorder.timeslice).toBe(PIECE_MS);
    expect(voice.recorder.state).toBe('recording');

    media.advance(2000);
    recorder.piece(1, 2);
    media.advance(2000);
    recorder.piece(3);
    expect(voice.recorder.elapsedMs).toBe(4000);
    await vi.waitFor(() => expect(fake.spies.voice.append).toHaveBeenCalledTimes(1));
    expect(fake.spies.voice.begin).toHaveBeenCalledWith(expect.objectContaining({ entryId, mimeType: 'audio/webm;codecs=opus', durationMs: 2000 }));
    expect(fake.spies.voice.append).toHaveBeenCalledWith(expect.objectContaining({ index: 1, durationMs: 4000 }));

    media.advance(500);
    await voice.recorder.stop();
    expect(voice.recorder.state).toBe('idle');
    expect(media.tracks.every((t) => t.stopped)).toBe(true);
    expect(media.ticking()).toBe(0);
    expect(voice.notes).toHaveLength(1);
    expect(voice.notes[0]).toMatchObject({ durationMs: 4500, bytes: 4 });
    expect(await bytesOf(fake, voice.notes[0]!.id)).toEqual([1, 2, 3, 99]);
    expect(voice.recorder.notice).toBe('Your voice note is saved: 4 seconds.');
    expect(voice.holdsAny).toBe(true);
  });

  it('a denied microphone gets a kind word, and nothing is asked of the journal', async () => {
    for (const denial of ['NotAllowedError', 'NotFoundError', 'NotReadableError']) {
      const media = fakeMedia(denial);
      const entry = vi.fn(async () => entryId);
      const voice = new EntryVoice(fake.api, entry, media.ports);
      await voice.recorder.start();
      expect(voice.recorder.state).toBe('idle');
      expect(voice.recorder.problem).toBe(microphoneProblem({ name: denial }));
      expect(voice.recorder.problem).toMatch(/nothing was recorded/);
      expect(entry).not.toHaveBeenCalled();
      expect(media.recorders).toEqual([]);
    }
    expect(microphoneProblem({ name: 'NotAllowedError' })).toMatch(/not allowed to use the microphone/);
    expect(microphoneProblem({ name: 'NotAllowedError' })).not.toMatch(/fail|error|denied/i);
    expect(fake.spies.voice.begin).not.toHaveBeenCalled();
    expect(fake.voiceNotes.size).toBe(0);
  });

  it('stops by itself at the longest a note may be, and keeps it', async () => {
    const { media, voice, recorder } = await recording();
    recorder.piece(1);
    media.advance(voiceLimits.maxMs - 1000);
    expect(voice.recorder.state).toBe('recording');
    media.advance(1000);
    await vi.waitFor(() => expect(voice.recorder.state).toBe('idle'));
    expect(voice.recorder.problem).toMatch(/30 minutes.*kept/);
    expect(voice.notes[0]).toMatchObject({ durationMs: voiceLimits.maxMs });
    expect(media.tracks[0]!.stopped).toBe(true);
  });

  it('when a piece cannot be saved, recording stops and what came before is kept', async () => {
    const { media, voice, recorder } = await recordingWithAPieceKept();
    fake.spies.voice.append.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_INPUT', message: 'This voice note is as long as a note can be, so recording stopped. Everything before is kept.' } });
    recorder.piece(2);
    await vi.waitFor(() => expect(voice.recorder.state).toBe('idle'));
    expect(voice.recorder.problem).toMatch(/Everything before is kept/);
    expect(await bytesOf(fake, voice.notes[0]!.id)).toEqual([1]);
    expect(media.tracks[0]!.stopped).toBe(true);
  });

  it('when sending a piece throws, Stop still finishes, says so kindly, and keeps what was stored', async () => {
    const { media, voice } = await recordingWithAPieceKept();
    fake.spies.voice.append.mockRejectedValueOnce(new Error('the connection went away'));
    await voice.recorder.stop();
    expect(voice.recorder.state).toBe('idle');
    expect(voice.recorder.problem).toMatch(/could not be saved.*before that is kept/);
    expect(voice.recorder.problem).not.toMatch(/connection|error/i);
    expect(media.tracks[0]!.stopped).toBe(true);
    expect(await bytesOf(fake, voice.notes[0]!.id)).toEqual([1]);
  });

  it('when a piece cannot be read, recording stops by itself and a later Stop resolves', async () => {
    const { media, voice, recorder } = await recording();
    const broken = new Blob([new Uint8Array([1])]);
    broken.arrayBuffer = () => Promise.reject(new Error('unreadable'));
    recorder.ondataavailable?.({ data: broken });
    await vi.waitFor(() => expect(voice.recorder.state).toBe('idle'));
    await voice.recorder.stop();
    expect(voice.recorder.problem).toMatch(/nothing was recorded/);
    expect(fake.spies.voice.begin).not.toHaveBeenCalled();
    expect(media.tracks[0]!.stopped).toBe(true);
  });

  it('a pause asked for while the microphone question is open is kept once recording starts', async () => {
    const media = fakeMedia();
    const voice = new EntryVoice(fake.api, async () => entryId, media.ports);
    const starting = voice.recorder.start();
    expect(voice.recorder.state).toBe('asking');
    voice.recorder.pause();
    await starting;
    const recorder = media.recorders[0]!;
    expect(recorder.state).toBe('paused');
    expect(voice.recorder.state).toBe('paused');
    media.advance(5000);
    expect(voice.recorder.elapsedMs).toBe(0);
    voice.recorder.resume();
    expect(recorder.state).toBe('recording');
    media.advance(1000);
    expect(voice.recorder.elapsedMs).toBe(1000);

    // Paused and resumed again before the answer: it simply records.
    const other = new EntryVoice(fake.api, async () => entryId, media.ports);
    const again = other.recorder.start();
    other.recorder.pause();
    other.recorder.resume();
    await again;
    expect(other.recorder.state).toBe('recording');
    expect(media.recorders[1]!.state).toBe('recording');
  });

  it('a lock gives the microphone back at once', async () => {
    const { media, voice } = await recording();
    voice.recorder.discard();
    expect(voice.recorder.state).toBe('idle');
    expect(media.tracks[0]!.stopped).toBe(true);
    expect(media.recorders[0]!.state).toBe('inactive');
  });
});

describe('a speak step in a session', () => {
  const speaking: Practice = {
    id: 'say-it',
    version: 1,
    title: 'Say it',
    summary: 'Say it.',
    suits: ['a test'],
    intensity: 'gentle',
    steps: [
      { kind: 'speak', text: 'Say what is here, out loud. Nobody hears this but you.' },
      { kind: 'silence', text: 'Rest.', focus: 'silence', seconds: 60 },
      { kind: 'close', text: 'Done.', aftercare: [] },
    ],
  };

  async function running(fake: FakeApi) {
    const media = fakeMedia();
    const clock = fakeClock();
    const run = new SessionRun(fake.api, structuredClone(speaking), { pattern: 'coherent', clock: () => clock, frames: fakeFrames(), audio: fakeAudio(), voiceMedia: media.ports });
    expect(await run.begin({})).toBe(true);
    await run.settled();
    return { run, media };
  }

  it('keeps the note with the session’s journal entry; Pause holds it, Stop ends it and keeps what was said', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [speaking] });
    const { run, media } = await running(fake);
    await run.voice.recorder.start();
    const entry = [...fake.entries.values()][0]!;
    expect(entry).toMatchObject({ body: '', sessionId: run.sessionId });
    const recorder = media.recorders[0]!;
    recorder.piece(1);
    run.pause();
    expect(recorder.state).toBe('paused');
    expect(run.voice.recorder.state).toBe('paused');
    run.resume();
    expect(recorder.state).toBe('recording');
    recorder.piece(2);

    run.stop();
    await vi.waitFor(() => expect(run.voice.recorder.state).toBe('idle'));
    expect(media.tracks[0]!.stopped).toBe(true);
    expect(run.voice.notes).toHaveLength(1);
    expect(run.voice.notes[0]!.entryId).toBe(entry.id);
    expect(await bytesOf(fake, run.voice.notes[0]!.id)).toEqual([1, 2, 99]);
  });

  it('Next ends the recording and keeps it', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [speaking] });
    const { run, media } = await running(fake);
    await run.voice.recorder.start();
    media.recorders[0]!.piece(5);
    run.next();
    await vi.waitFor(() => expect(run.voice.recorder.state).toBe('idle'));
    expect(run.stepIndex).toBe(1);
    expect(await bytesOf(fake, run.voice.notes[0]!.id)).toEqual([5, 99]);
  });

  it('writing and a voice note at the same moment make one entry, not two', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const p: Practice = { ...structuredClone(speaking), steps: [{ kind: 'prompt', text: 'Write.', writing: true }, ...structuredClone(speaking).steps] };
    const writing = new SessionWriting(fake.api, p, () => 7);
    writing.set(0, 'a few words');
    const [a, b] = await Promise.all([writing.ensureEntry(), writing.ensureEntry(), writing.flush()]);
    expect(a).toBe(b);
    expect(fake.spies.journal.create).toHaveBeenCalledTimes(1);
    await writing.flush();
    expect([...fake.entries.values()].map((e) => e.body)).toEqual(['### Writing\n\na few words']);
  });
});
