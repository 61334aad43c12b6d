import { soundTokens } from '../text/pinyin';

/**
 * How close two Chinese unit names are. Edit distance says little here: 市发改局 and 市发展改革局 differ by
 * three characters yet name the same office. Abbreviations keep the characters in order, so a subsequence
 * match scores high; otherwise character bigrams, with a bonus for the same level (市/区) and the same kind (局/委/政府).
 */
export function unitSimilarity(written: string, candidate: string): number {
  // By characters, and by sound: 市发展改格局 is a slip of the input method for 市发展改革局 (gé / gé).
  const byChars = tokenSimilarity([...written], [...candidate]);
  if (byChars === 1) return 1;
  // The same tones first: 市水物局 is 市水务局 (shuǐ wù) before 市税务局 (shuì wù).
  const bySound = Math.max(0.95 * tokenSimilarity(soundTokens(written, true), soundTokens(candidate, true)), 0.9 * tokenSimilarity(soundTokens(written, false), soundTokens(candidate, false)));
  return Math.max(byChars, bySound);
}

function tokenSimilarity(written: string[], candidate: string[]): number {
  if (written.length === candidate.length && written.every((t, i) => t === candidate[i])) return 1;
  if (isSubsequence(written, candidate)) return 0.8 + 0.2 * (written.length / candidate.length);
  if (isSubsequence(candidate, written)) return 0.75 + 0.2 * (candidate.length / written.length);
  let score = dice(bigrams(written), bigrams(candidate));
  if (written[0] === candidate[0]) score += 0.1;
  if (written[written.length - 1] === candidate[candidate.length - 1]) score += 0.1;
  return Math.min(score, 0.95);
}

function isSubsequence(short: string[], long: string[]): boolean {
  if (short.length < 2 || short.length > long.length) return false;
  let i = 0;
  for (const t of long) if (t === short[i]) i++;
  return i === short.length && short[0] === long[0];
}

function bigrams(tokens: string[]): string[] {
  if (tokens.length < 2) return tokens;
  const out: string[] = [];
  for (let i = 0; i < tokens.length - 1; i++) out.push(`${tokens[i]}\u0000${tokens[i + 1]}`);
  return out;
}

function dice(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of a) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of b) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** The closest names, best first, above a floor that keeps noise out. */
export function closest(written: string, names: string[], limit = 3, floor = 0.45): string[] {
  return names
    .map((name) => ({ name, score: unitSimilarity(written, name) }))
    .filter((s) => s.score >= floor)
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length)
    .slice(0, limit)
    .map((s) => s.name);
}

/** Levenshtein distance, for short status words. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}
