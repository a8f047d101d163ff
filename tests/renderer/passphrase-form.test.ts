import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import PassphraseForm from '../../renderer/features/setup/PassphraseForm.svelte';
import { checkNewPassphrase } from '../../renderer/lib/passphrase.ts';
import { byButton, byLabel, click, settle, type } from './dom-helpers.ts';
import { mountInBody, unmountAll } from './mount.ts';

describe('checkNewPassphrase', () => {
  it('refuses fewer than 8 characters, with a clear message', () => {
    expect(checkNewPassphrase('short', 'short').passphrase).toMatch(/at least 8 characters/);
    expect(checkNewPassphrase('1234567', '1234567').passphrase).toBeDefined();
    expect(checkNewPassphrase('12345678', '12345678')).toEqual({});
  });

  it('asks for the same passphrase twice', () => {
    expect(checkNewPassphrase('river stone moon', 'river stone mon').repeat).toMatch(/not the same/);
    expect(checkNewPassphrase('river stone moon', '').repeat).toMatch(/second time/);
  });

  it('asks for something when empty', () => {
    expect(checkNewPassphrase('', '').passphrase).toMatch(/choose a passphrase/i);
  });
});

describe('<PassphraseForm> (first run)', () => {
  let target: HTMLElement;
  let onsubmit: ReturnType<typeof vi.fn<(passphrase: string) => void>>;

  beforeEach(() => {
    onsubmit = vi.fn<(passphrase: string) => void>();
    target = mountInBody(PassphraseForm, { onsubmit });
    flushSync();
  });

  afterEach(unmountAll);

  it('refuses a short passphrase, explains why, and does not submit', async () => {
    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'abc');
    type(byLabel(target, 'Repeat passphrase') as HTMLInputElement, 'abc');
    click(byButton(target, 'Create my journal'));
    await settle();
    expect(onsubmit).not.toHaveBeenCalled();
    expect(target.textContent).toContain('Please use at least 8 characters');
    const field = byLabel(target, 'Passphrase');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field for screen readers.
    const describedBy = field.getAttribute('aria-describedby') ?? '';
    const message = describedBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(message).toContain('at least 8 characters');
  });

  it('refuses two different passphrases', async () => {
    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'quiet river morning');
    type(byLabel(target, 'Repeat passphrase') as HTMLInputElement, 'quiet river evening');
    click(byButton(target, 'Create my journal'));
    await settle();
    expect(onsubmit).not.toHaveBeenCalled();
    expect(target.textContent).toContain('not the same');
  });

  it('submits a good passphrase typed twice', async () => {
    type(byLabel(target, 'Passphrase') as HTMLInputElement, 'quiet river morning');
    type(byLabel(target, 'Repeat passphrase') as HTMLInputElement, 'quiet river morning');
    click(byButton(target, 'Create my journal'));
    await settle();
    expect(onsubmit).toHaveBeenCalledWith('quiet river morning');
  });

  it('shows and hides both fields with one toggle', () => {
    const first = byLabel(target, 'Passphrase') as HTMLInputElement;
    const second = byLabel(target, 'Repeat passphrase') as HTMLInputElement;
    expect(first.type).toBe('password');
    click(byButton(target, 'Show passphrase'));
    expect(first.type).toBe('text');
    expect(second.type).toBe('text');
    click(byButton(target, 'Hide passphrase'));
    expect(first.type).toBe('password');
  });
});
