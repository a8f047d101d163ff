import type { Api } from '../../../preload/create-api.ts';
import {
  confirmationMatches,
  cryptoRandomInt,
  keyGroups,
  pickGroupsToConfirm,
  type RandomInt,
} from '../../lib/recovery-key.ts';

export type SetupStep = 'welcome' | 'restore' | 'passphrase' | 'key' | 'confirm';

/** First run: welcome → passphrase → recovery key (shown once) → typing part of it back. */
export class SetupFlow {
  step = $state<SetupStep>('welcome');
  busy = $state(false);
  error = $state<string | null>(null);
  /** The recovery key, held only until the person confirms they saved it. */
  recoveryKey = $state<string | null>(null);
  /** 0-based indexes of the groups asked for in the confirmation. */
  asked = $state.raw<number[]>([]);

  readonly #api: Api;
  readonly #random: RandomInt;

  constructor(api: Api, random: RandomInt = cryptoRandomInt) {
    this.#api = api;
    this.#random = random;
  }

  get groups(): string[] {
    return this.recoveryKey ? keyGroups(this.recoveryKey) : [];
  }

  begin(): void {
    this.step = 'passphrase';
  }

  async create(passphrase: string): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      const result = await this.#api.vault.create({ passphrase });
      if (!result.ok) {
        this.error = result.error.message;
        return false;
      }
      this.recoveryKey = result.value.recoveryKey;
      this.asked = pickGroupsToConfirm(this.groups.length, 2, this.#random);
      this.step = 'key';
      return true;
    } finally {
      this.busy = false;
    }
  }

  toConfirm(): void {
    this.step = 'confirm';
  }

  backToKey(): void {
    this.step = 'key';
  }

  check(typed: readonly string[]): boolean {
    return confirmationMatches(this.groups, this.asked, typed);
  }

  /** A vault made earlier whose key was never confirmed: its key step again, from the start. */
  showAgain(recoveryKey: string): void {
    this.recoveryKey = recoveryKey;
    this.asked = pickGroupsToConfirm(this.groups.length, 2, this.#random);
    this.step = 'key';
  }

  /** The person has their key: the vault stops asking, and the key is forgotten here. */
  async finish(): Promise<void> {
    this.recoveryKey = null;
    this.asked = [];
    // If this fails, the key is simply shown again after the next unlock.
    await this.#api.vault.confirmKey();
  }
}
