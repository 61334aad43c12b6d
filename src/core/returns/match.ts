/**
 * Placing returned tasks on the master's: by task text first (a unit renumbers, reorders and retypes), the number
 * only as support. Never by row position.
 */
import { normalizeNumber } from './text';
import type { MasterTask, ReturnedTask } from './types';

/** Task texts at least this alike (Dice over character bigrams) are the same task whatever their numbers. */
export const MATCH_THRESHOLD = 0.6;
/** With the same 序号 a retyped text is accepted down to this: a clause rewritten, a target changed. */
export const MATCH_THRESHOLD_SAME_NUMBER = 0.4;

export interface Placement {
  master: MasterTask;
  returned: ReturnedTask;
  score: number;
  sameNumber: boolean;
}

export interface MatchOptions {
  /** Master tasks the sender is responsible for win a tie against others (two tasks worded alike in two sections). */
  prefer?: (task: MasterTask) => boolean;
}

/**
 * Each returned task to at most one master task and each master task to at most one returned task of this return,
 * best pairs first (a greedy assignment over all pairs above the threshold, highest similarity first).
 */
export function matchTasks(master: readonly MasterTask[], returned: readonly ReturnedTask[], options: MatchOptions = {}): { placed: Placement[]; unmatched: ReturnedTask[] } {
  const pairs: Array<Placement & { rank: number }> = [];
  const preferred = options.prefer ? master.map((m) => options.prefer?.(m) ?? false) : null;
  const index = bigramIndex(master);
  const shared = new Float64Array(master.length);
  for (const r of returned) {
    const number = normalizeNumber(r.number);
    const ref = normalizeNumber(r.ref);
    // Shared bigrams with every master task at once, through the index: only tasks with a bigram in common are touched.
    shared.fill(0);
    for (const [gram, n] of r.key.grams) {
      const postings = index.get(gram);
      if (postings) for (let k = 0; k < postings.tasks.length; k++) shared[postings.tasks[k]] += Math.min(n, postings.counts[k]);
    }
    master.forEach((m, i) => {
      const score = m.key.normalized === r.key.normalized ? (m.key.normalized === '' ? 0 : 1) : r.key.count + m.key.count === 0 ? 0 : (2 * shared[i]) / (r.key.count + m.key.count);
      if (score < MATCH_THRESHOLD_SAME_NUMBER) return;
      // A unit's sheet shows section.number; a return in the master's own layout has sections and plain numbers.
      const masterRef = normalizeNumber(m.ref);
      const sameNumber = number !== '' && (number === masterRef || (ref === masterRef && ref !== number));
      if (score < MATCH_THRESHOLD && !sameNumber) return;
      // The number and the sender's own tasks break near-ties; they never outweigh a clearly better text.
      const rank = score + (sameNumber ? 0.03 : 0) + (preferred?.[i] ? 0.02 : 0);
      pairs.push({ master: m, returned: r, score, sameNumber, rank });
    });
  }
  pairs.sort((a, b) => b.rank - a.rank || a.master.row - b.master.row || a.returned.row - b.returned.row);
  const usedMaster = new Set<MasterTask>();
  const usedReturned = new Set<ReturnedTask>();
  const placed: Placement[] = [];
  for (const p of pairs) {
    if (usedMaster.has(p.master) || usedReturned.has(p.returned)) continue;
    usedMaster.add(p.master);
    usedReturned.add(p.returned);
    placed.push({ master: p.master, returned: p.returned, score: p.score, sameNumber: p.sameNumber });
  }
  placed.sort((a, b) => a.returned.row - b.returned.row);
  return { placed, unmatched: returned.filter((r) => !usedReturned.has(r)) };
}

interface Postings {
  tasks: number[];
  counts: number[];
}

const indexes = new WeakMap<readonly MasterTask[], Map<string, Postings>>();

/** Bigram → the master tasks holding it (and how often), built once per master list. */
function bigramIndex(master: readonly MasterTask[]): Map<string, Postings> {
  const index = indexes.get(master);
  if (index) return index;
  const built = new Map<string, Postings>();
  master.forEach((m, i) => {
    for (const [gram, n] of m.key.grams) {
      let postings = built.get(gram);
      if (!postings) {
        postings = { tasks: [], counts: [] };
        built.set(gram, postings);
      }
      postings.tasks.push(i);
      postings.counts.push(n);
    }
  });
  indexes.set(master, built);
  return built;
}
