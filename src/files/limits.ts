import type { Limits } from './types';

/**
 * Bounds against hostile files. A 100k-row report table is about 40 MB of sheet XML, so the defaults leave room for
 * several times that while refusing a zip bomb long before it costs memory or time.
 */
export const DEFAULT_LIMITS: Limits = {
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10000,
};

export function withDefaults(limits?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/** Below this many decompressed bytes the ratio is not checked: small XML parts compress very well and are harmless. */
export const RATIO_FREE_BYTES = 1024 * 1024;
