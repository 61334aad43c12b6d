import { pinyin } from 'pinyin-pro';

/**
 * Sound of Chinese text, for typos a Chinese input method makes: the clerk types the right pinyin and picks the
 * wrong character (梁明建 → 梁明健, both liáng míng jiàn), or a near one (z/zh, n/l, an/ang) on a fuzzy setting.
 */

const cache = new Map<string, string[]>();

/** One syllable per character, tone as a digit ("jian4"); a character that is not Han stands for itself. */
export function syllables(text: string): string[] {
  let out = cache.get(text);
  if (!out) {
    if (cache.size > 20_000) cache.clear();
    out = pinyin(text, { type: 'array', toneType: 'num', nonZh: 'consecutive', v: true });
    cache.set(text, out);
  }
  return out;
}

const toneless = (s: string) => s.replace(/\d$/, '');

/** Initials and finals that fuzzy pinyin input treats as one (模糊音). */
function fuzzy(s: string): string {
  return s
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^n/, 'l')
    .replace(/^h(?=u)/, 'f')
    .replace(/ang$/, 'an')
    .replace(/eng$/, 'en')
    .replace(/ing$/, 'in');
}

/** 1 same syllable and tone, 0.9 same syllable, 0.7 a fuzzy-pinyin twin, 0 otherwise. */
export function syllableSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = toneless(a);
  const y = toneless(b);
  if (x === y) return 0.9;
  if (fuzzy(x) === fuzzy(y)) return 0.7;
  return 0;
}

/** Every character sounds the same (tones aside): 梁明健 / 梁明建. */
export function sameSound(a: string, b: string): boolean {
  const x = syllables(a);
  const y = syllables(b);
  return x.length === y.length && x.every((s, i) => toneless(s) === toneless(y[i]));
}

/**
 * How alike two names sound, 0..1: an alignment of their syllables (a name may lose or gain a character), each
 * substitution costing what the two syllables do not share.
 */
export function soundSimilarity(a: string, b: string): number {
  const x = syllables(a);
  const y = syllables(b);
  if (x.length === 0 || y.length === 0) return 0;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + 1 - syllableSimilarity(x[i - 1], y[j - 1]));
    prev = cur;
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

/** Syllables as tokens for the abbreviation-aware unit similarity: with their tones, or toneless and fuzzy. */
export function soundTokens(text: string, tones: boolean): string[] {
  return tones ? syllables(text) : syllables(text).map((s) => fuzzy(toneless(s)));
}
