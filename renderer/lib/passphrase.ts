import { limits } from '../../preload/contract/constants.ts';

export interface PassphraseProblems {
  passphrase?: string;
  repeat?: string;
}

/** Checks a new passphrase and its repetition; empty object when both are fine. */
export function checkNewPassphrase(passphrase: string, repeat: string): PassphraseProblems {
  const problems: PassphraseProblems = {};
  if (passphrase.length === 0) {
    problems.passphrase = 'Please choose a passphrase.';
  } else if (passphrase.length < limits.passphraseMin) {
    problems.passphrase = `Please use at least ${limits.passphraseMin} characters. A few ordinary words in a row work well.`;
  } else if (passphrase.length > limits.passphraseMax) {
    problems.passphrase = 'That passphrase is longer than Saltwater can take. Please choose a shorter one.';
  }
  if (!problems.passphrase) {
    if (repeat.length === 0) problems.repeat = 'Please type the passphrase a second time.';
    else if (repeat !== passphrase) problems.repeat = 'The two passphrases are not the same yet. Please check the second one.';
  }
  return problems;
}

export interface StrengthHint {
  /** 0 (very easy to guess) … 4 (very hard). */
  score: 0 | 1 | 2 | 3 | 4;
  /** A few calm words about the strength. */
  label: string;
  /** An optional tip from the estimator. */
  tip: string;
}

const labels = [
  'Easy to guess. A few more words would make it much stronger.',
  'Easy to guess. A few more words would make it much stronger.',
  'Fair. One or two more words would help.',
  'Good. This would be hard to guess.',
  'Strong. This would be very hard to guess.',
] as const;

type Check = (password: string) => { score: 0 | 1 | 2 | 3 | 4; feedback: { warning: string | null; suggestions: string[] } };

let checker: Promise<Check> | null = null;

/** Loads the estimator and its word lists once, only when first needed. */
function loadChecker(): Promise<Check> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    const zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return (password: string) => zxcvbn.check(password) as ReturnType<Check>;
  })();
  return checker;
}

/** A strength hint for the passphrase, or null when there is nothing to rate yet. */
export async function passphraseStrength(passphrase: string): Promise<StrengthHint | null> {
  if (passphrase.length === 0) return null;
  const check = await loadChecker();
  // Very long passphrases are slow to analyse and strong anyway.
  const result = check(passphrase.slice(0, 100));
  let score = result.score;
  if (passphrase.length < limits.passphraseMin) score = Math.min(score, 1) as StrengthHint['score'];
  const tip = result.feedback.warning || result.feedback.suggestions[0] || '';
  return { score, label: labels[score], tip: score >= 3 ? '' : tip };
}
