/**
 * Load a bundled file of the CLI (build/commands.js) with V8's code cache: compiling 1.2 MB of JavaScript is a third
 * of what `check` on a clerk's one-page table costs. The cache sits next to the bundle (only who may change the
 * bundle may change it), is written after a command has run (so it holds the functions that command compiled), and
 * is ignored when V8 rejects it (another Node version) or cannot be written (a read-only install). V8 checks only the
 * source's length, so a rebuilt bundle of the same length (a constant changed from 3 to 5) would run the old code: the
 * cache starts with a digest of the bundle it was made from and is used only with that bundle.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

type Wrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export function requireBundle<T>(file: string): { exports: T; saveCache: () => void } {
  const cacheFile = `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  let cachedData: Buffer | undefined;
  try {
    const saved = fs.readFileSync(cacheFile);
    cachedData = saved.subarray(0, digest.length).equals(digest) ? saved.subarray(digest.length) : undefined;
  } catch {
    cachedData = undefined;
  }
  // The same wrapper Node puts around a CommonJS file.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  // A module of Node's own, in require's cache like any loaded file (a later require of the file gets these exports).
  const module = new Module(file);
  module.filename = file;
  const require = createRequire(file);
  (script.runInThisContext() as Wrapper)(module.exports, require, module, file, path.dirname(file));
  module.loaded = true;
  require.cache[file] = module;
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports as T,
    saveCache: () => {
      if (!stale) return;
      // Written aside and renamed, so a run starting meanwhile (or a worker of `check`) never reads half a file.
      const aside = `${cacheFile}.${process.pid}`;
      try {
        fs.writeFileSync(aside, Buffer.concat([digest, script.createCachedData()]));
        fs.renameSync(aside, cacheFile);
      } catch {
        fs.rmSync(aside, { force: true });
        // A read-only install: every run compiles, as without the cache.
      }
    },
  };
}
