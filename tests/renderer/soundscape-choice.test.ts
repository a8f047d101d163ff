/**
 * Which background sound a session begins with, and the control beside the tones' volume
 * (happy-dom, fake api, a fake sound module that records what it is asked).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SoundscapeId } from '../../preload/contract/soundscape.ts';
import { LATE_AUDIO_WAIT_MS, PracticesState } from '../../renderer/features/practices/practices.svelte.ts';
import type { SessionAudio, SessionAudioOptions } from '../../renderer/features/session/audio/session-audio.ts';
import { soundscapeFor } from '../../renderer/features/session/soundscape-choice.ts';
import { byButton, byLabel, check, click, pressEscape, selectOption, settle } from './dom-helpers.ts';
import { createFakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';
import SettingsPage from '../../renderer/features/settings/Page.svelte';
import { beginInPage, fakeClock, fakeFrames, practice } from './session-helpers.ts';

afterEach(unmountAll);

describe('soundscapeFor', () => {
  it('the person’s choice wins; “each practice’s own” lets the practice choose; nothing by default', () => {
    expect(soundscapeFor('none', { soundscape: 'rain' })).toBeNull();
    expect(soundscapeFor('waves', { soundscape: 'rain' })).toBe('waves');
    expect(soundscapeFor('waves', null)).toBe('waves');
    expect(soundscapeFor('practice', { soundscape: 'rain' })).toBe('rain');
    expect(soundscapeFor('practice', { soundscape: 'none' })).toBeNull();
    expect(soundscapeFor('practice', {})).toBeNull();
    expect(soundscapeFor('practice', null)).toBeNull();
  });
});

function fakeSound() {
  const started: SessionAudioOptions[] = [];
  let soundscape: SoundscapeId | null = null;
  const audio = {
    ready: Promise.resolve(),
    clock: { now: () => 0, source: 'test', speed: 1 },
    setEnabled: vi.fn(),
    setVolume: vi.fn(),
    setSoundscape: vi.fn((id: SoundscapeId | null) => void (soundscape = id)),
    setSoundscapeVolume: vi.fn(),
    armBreath: vi.fn(),
    clearCues: vi.fn(),
    pause: vi.fn(),
    resume: vi.fn(),
    finish: vi.fn(),
    stop: vi.fn(),
    dispose: vi.fn(),
    soundscape: () => soundscape,
    gain: () => 1,
    running: () => true,
  } satisfies SessionAudio;
  const module = {
    startSessionAudio: (options: SessionAudioOptions) => {
      started.push(options);
      soundscape = options.soundscape ?? null;
      return audio;
    },
  };
  return { audio, started, module };
}

type SettingsChange = Parameters<ReturnType<typeof createFakeApi>['api']['settings']['update']>[0];

/** Begin pressed; the sound module arrives at once, or when `arrived` resolves. */
async function begin(settings: SettingsChange, arrived: Promise<unknown> = Promise.resolve(), lateAudioWaitMs?: number) {
  const withRain = { ...practice('arrive-and-breathe'), soundscape: 'rain' as const };
  const fake = createFakeApi({ state: 'unlocked', practices: [withRain, practice('permission')] });
  await fake.api.settings.update(settings);
  const sound = fakeSound();
  const loadAudio = () => arrived.then(() => sound.module);
  const practices = new PracticesState(fake.api, { loadAudio, speed: null, clock: fakeClock(), frames: fakeFrames(), ...(lateAudioWaitMs ? { lateAudioWaitMs } : {}) });
  const target = await beginInPage(practices, fake.api, 'Arrive and breathe');
  return { fake, sound, practices, target, text: () => target.textContent!.replace(/\s+/g, ' ') };
}

describe('the background sound in a session', () => {
  it('begins with the practice’s own when Settings say so, at its own volume, under Sound', async () => {
    const { sound, target } = await begin({ audioEnabled: true, soundscape: 'practice', soundscapeVolume: 0.3 });
    expect(sound.started).toEqual([expect.objectContaining({ enabled: true, soundscape: 'rain', soundscapeVolume: 0.3 })]);
    const select = byLabel(target, 'Background') as HTMLSelectElement;
    expect(select.value).toBe('rain');
    expect([...select.options].map((o) => o.textContent)).toEqual(['None', 'Rain', 'Waves', 'Brown noise', 'Low drone']);
    expect((byLabel(target, 'Background volume') as HTMLInputElement).value).toBe('30');
    expect(byLabel(target, 'Tones')).toBeTruthy();
    // The controls sit in the bar, never instead of Help or Stop.
    byButton(target, 'Stop');
    byButton(target, 'Help right now');
  });

  it('Begin pressed before the sound has loaded: the session waits for it, then plays it and drives it', async () => {
    let arrive!: () => void;
    const { sound, practices, target } = await begin({ audioEnabled: true, soundscape: 'practice' }, new Promise<void>((r) => (arrive = r)));
    expect(sound.started).toEqual([]);
    expect(practices.run?.phase).toBe('starting');
    arrive();
    await settle();
    expect(sound.started).toEqual([expect.objectContaining({ enabled: true, soundscape: 'rain' })]);
    expect(practices.run?.phase).toBe('running');
    expect((byLabel(target, 'Background') as HTMLSelectElement).value).toBe('rain');
    pressEscape();
    expect(sound.audio.stop).toHaveBeenCalledTimes(1);
  });

  it('stopped or left while the sound was still loading, nothing starts when it arrives', async () => {
    let arrive!: () => void;
    const { sound, practices } = await begin({ audioEnabled: true, soundscape: 'rain' }, new Promise<void>((r) => (arrive = r)));
    pressEscape();
    await settle();
    expect(practices.run?.phase).toBe('stopped');
    arrive();
    await settle();
    expect(sound.started).toEqual([]);
  });

  it('a sound that never loads holds Begin only a moment: the session runs without it', async () => {
    expect(LATE_AUDIO_WAIT_MS).toBeLessThanOrEqual(3000);
    const { sound, practices } = await begin({ audioEnabled: true }, new Promise<void>(() => {}), 200);
    expect(practices.run?.phase).toBe('starting');
    await new Promise((r) => setTimeout(r, 250));
    await settle();
    expect(practices.run?.phase).toBe('running');
    expect(sound.started).toEqual([]);
  });

  it('a sound module that failed to load is tried again when the next practice is opened', async () => {
    const fake = createFakeApi({ state: 'unlocked', practices: [practice('arrive-and-breathe')] });
    await fake.api.settings.update({ audioEnabled: true });
    const sound = fakeSound();
    const loadAudio = vi.fn().mockResolvedValueOnce(null).mockResolvedValue(sound.module);
    const practices = new PracticesState(fake.api, { loadAudio, speed: null, clock: fakeClock(), frames: fakeFrames() });
    await practices.refresh();
    expect(await practices.preloadAudio()).toBeNull();
    expect(await practices.preloadAudio()).toBe(sound.module);
    expect(loadAudio).toHaveBeenCalledTimes(2);
    expect(await practices.preloadAudio()).toBe(sound.module);
    expect(loadAudio).toHaveBeenCalledTimes(2);
  });

  it('is off by default: nothing is asked for, and the choice reads None', async () => {
    const { sound, target } = await begin({ audioEnabled: true });
    expect(sound.started[0]!.soundscape).toBeNull();
    const select = byLabel(target, 'Background') as HTMLSelectElement;
    expect(select.value).toBe('none');
    expect(() => byLabel(target, 'Background volume')).toThrow();
  });

  it('a change is for this session only until the person keeps it; its volume is remembered', async () => {
    const { sound, fake, target, text } = await begin({ audioEnabled: true, soundscape: 'practice' });
    selectOption(byLabel(target, 'Background') as HTMLSelectElement, 'waves');
    await settle();
    expect(sound.audio.setSoundscape).toHaveBeenLastCalledWith('waves');
    expect(text()).toContain('Waves for this session only.');
    expect(fake.spies.settings.update).not.toHaveBeenCalledWith({ soundscape: 'waves' });
    click(byButton(target, 'Keep it for every session'));
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ soundscape: 'waves' });
    expect(text()).toContain('Saved: sessions start with waves.');
    expect(document.activeElement).toBe(byLabel(target, 'Background'));

    const volume = byLabel(target, 'Background volume') as HTMLInputElement;
    volume.value = '70';
    volume.dispatchEvent(new Event('input', { bubbles: true }));
    volume.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(sound.audio.setSoundscapeVolume).toHaveBeenLastCalledWith(0.7);
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ soundscapeVolume: 0.7 });

    selectOption(byLabel(target, 'Background') as HTMLSelectElement, 'none');
    await settle();
    expect(sound.audio.setSoundscape).toHaveBeenLastCalledWith(null);
    expect(text()).toContain('No background sound for this session only.');
    expect(() => byLabel(target, 'Background volume')).toThrow();
  });

  it('Sound off hides it with the rest (the mute covers it); Esc stops everything through one call', async () => {
    const { sound, target } = await begin({ audioEnabled: true, soundscape: 'drone' });
    expect(sound.started[0]!.soundscape).toBe('drone');
    click(byButton(target, 'Sound'));
    await settle();
    expect(sound.audio.setEnabled).toHaveBeenLastCalledWith(false);
    expect(() => byLabel(target, 'Background')).toThrow();
    pressEscape();
    expect(sound.audio.stop).toHaveBeenCalledTimes(1);
  });
});

describe('Settings: background sound', () => {
  it('offers none (the default), each practice’s own and the four sounds, saved at once with its volume', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    const target = mountWithApi(SettingsPage, fake.api, { onshowhelp: () => {} });
    await settle();
    const group = [...target.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Background sound')!;
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).toEqual(['none', 'practice', 'rain', 'waves', 'brown-noise', 'drone']);
    expect(radios.find((r) => r.checked)?.value).toBe('none');
    check(radios[3]!);
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ soundscape: 'waves' });
    // Sound in sessions is off: it says when it will be heard.
    expect(target.textContent).toContain('You will hear it once sound in sessions is on.');
    const volume = byLabel(target, 'Background volume') as HTMLInputElement;
    volume.value = '20';
    volume.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ soundscapeVolume: 0.2 });
  });
});
