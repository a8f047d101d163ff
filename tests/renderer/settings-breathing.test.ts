/** Settings → Breathing: the pattern (four built-in and your own), calmer visuals, sound and volume. */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SettingsPage from '../../renderer/features/settings/Page.svelte';
import { checkCustomBreath } from '../../renderer/features/settings/settings.svelte.ts';
import { byLabel, settle } from './dom-helpers.ts';
import { createFakeApi } from './fake-api.ts';
import { mountWithApi, unmountAll } from './mount.ts';

let target: HTMLElement;
afterEach(unmountAll);

function change(input: HTMLInputElement, value?: string) {
  if (input.type === 'checkbox' || input.type === 'radio') input.checked = value === undefined ? !input.checked : value === 'on';
  else input.value = value!;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

describe('Settings: Breathing', () => {
  it('saves each choice at once', async () => {
    const fake = createFakeApi({ state: 'unlocked' });
    target = mountWithApi(SettingsPage, fake.api, { onshowhelp: () => {} });
    await settle();
    const section = target.querySelector('section[aria-labelledby="breathing-title"]')!;
    expect(section.querySelector('h2')!.textContent).toBe('Breathing');
    const radios = [...section.querySelectorAll<HTMLInputElement>('input[name="breath-pattern"]')];
    expect(radios.map((r) => r.value)).toEqual(['4-7-8', 'box', 'coherent', 'sigh', 'custom']);
    expect(radios.find((r) => r.checked)?.value).toBe('coherent');

    change(radios[1]!, 'on');
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ breathPattern: 'box' });

    change(radios[4]!, 'on');
    await settle();
    change(byLabel(section, 'Breathe in') as HTMLInputElement, '5');
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ breathPattern: { custom: { inhale: 5, hold: 0, exhale: 6, rest: 0 } } });

    change(byLabel(section, 'Calmer visuals') as HTMLInputElement, 'on');
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ motion: 'reduce' });

    change(byLabel(section, 'Sound in sessions') as HTMLInputElement, 'on');
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ audioEnabled: true });

    change(byLabel(section, 'Tone volume') as HTMLInputElement, '30');
    await settle();
    expect(fake.spies.settings.update).toHaveBeenLastCalledWith({ audioVolume: 0.3 });
  });

  it('checks a custom pattern kindly', () => {
    expect(checkCustomBreath({ inhale: '4', hold: '2', exhale: '6,5', rest: '0' })).toEqual({ custom: { inhale: 4, hold: 2, exhale: 6.5, rest: 0 } });
    expect(checkCustomBreath({ inhale: '', hold: '0', exhale: '6', rest: '0' })).toEqual({ problem: 'Breathe in: please type a number of seconds.' });
    expect(checkCustomBreath({ inhale: '4', hold: '0', exhale: '0', rest: '0' })).toEqual({ problem: 'Breathe out: please choose between 1 and 30 seconds.' });
  });
});
