/**
 * Journal-like text for benchmarks: sentences drawn from a Zipf-weighted vocabulary of
 * everyday and feeling words, 60–250 words an entry, a few Markdown touches.
 */
const words = (
  'i the and to a of it was my that in me but felt feel like so just not today again when about ' +
  'with for had this what really still think know could would been after before because maybe ' +
  'mother father friend work home night morning sleep tired long quiet room walk call talk cry ' +
  'tears eyes throat chest heavy tight warm cold soft breath breathing slowly letting stay sitting ' +
  'sad angry afraid lonely grateful relieved numb overwhelmed anxious calm tender ashamed hopeful ' +
  'grief loss memory letter song film rain window kitchen garden dog coffee phone message hug ' +
  'remember forgot wanted needed tried couldn\'t didn\'t held hand heart stomach shoulders face ' +
  'therapist appointment week weekend sunday monday holiday birthday anniversary hospital school'
).split(' ');

export function makeRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weights = words.map((_, i) => 1 / (i + 1));
const total = weights.reduce((a, b) => a + b, 0);
const cumulative = weights.map(((sum) => (w: number) => (sum += w / total))(0));

export function word(random: () => number): string {
  const r = random();
  const i = cumulative.findIndex((c) => c >= r);
  return words[i < 0 ? words.length - 1 : i]!;
}

export function entryText(random: () => number): string {
  const count = 60 + Math.floor(random() * 190);
  const parts: string[] = [];
  let sentence: string[] = [];
  for (let i = 0; i < count; i++) {
    sentence.push(word(random));
    if (sentence.length > 6 + random() * 12) {
      parts.push(`${sentence.join(' ')}.`);
      sentence = [];
      if (random() < 0.15) parts.push('\n\n');
    }
  }
  parts.push(`${sentence.join(' ')}.`);
  const body = parts.join(' ');
  return random() < 0.3 ? `# ${word(random)} ${word(random)}\n\n${body}` : body;
}

/** Search words people would type: mid-frequency feeling and everyday words. */
export const searchTerms = ['tears', 'mother', 'throat', 'lonely', 'relieved', 'garden', 'anniversary', 'tight chest', 'call friend', 'overwh'];
