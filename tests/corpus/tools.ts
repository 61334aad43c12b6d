/**
 * The programs the corpus runs: the built CLI (one process per command, as a clerk runs it), Debian's python3 with
 * openpyxl and python-docx, LibreOffice headless; and the strict XML check every output part must pass.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'report-tables.js');
/** Debian's python (python3-openpyxl, python3-docx); the python3 first on PATH may be another one without them. */
export const PYTHON = '/usr/bin/python3';
const INSTALL_HINT = 'run `sudo bash scripts/install-test-deps.sh` (npm test runs it first)';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runProcess(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // Its own process group, so a timeout kills what it started too (soffice is a script that starts soffice.bin,
    // which would otherwise keep the pipes open and the test waiting).
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, options.timeoutMs)
      : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code: timedOut ? null : code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The installed command, as `report-tables …` runs it (bin/report-tables.js over the compiled build). */
export function cli(args: string[], cwd: string, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ProcessResult> {
  // A command still running after the timeout is killed (exit code null): the suite stays quick whatever the CLI does.
  return runProcess(process.execPath, [BIN, ...args], { cwd, env: options.env, timeoutMs: options.timeoutMs ?? 30_000 });
}

/** The same, also measuring the process's peak resident memory (MB; null when it did not exit by itself). */
export async function cliWithMemory(args: string[], cwd: string, rssFile: string, timeoutMs: number): Promise<ProcessResult & { maxRssMb: number | null }> {
  const preload = path.join(__dirname, 'maxRss.mjs');
  const result = await runProcess(process.execPath, ['--import', preload, BIN, ...args], {
    cwd,
    env: { ...process.env, CORPUS_MAX_RSS_FILE: rssFile },
    timeoutMs,
  });
  const kilobytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { ...result, maxRssMb: Number.isFinite(kilobytes) ? Math.round(kilobytes / 1024) : null };
}

/** Run tasks, at most `limit` at a time (the machine has few cores; every CLI call is its own process). */
export async function pool<T>(tasks: Array<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export function requireTools(): void {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: ${INSTALL_HINT}`);
  // bin/report-tables.js loads the bundle (build/cli.js); earlier builds compiled to build/cli/main.js.
  if (!['cli.js', path.join('cli', 'main.js')].some((file) => existsSync(path.join(ROOT, 'build', file)))) {
    throw new Error('the CLI is not built: run `npm run build:cli`');
  }
}

export async function python(script: string, args: string[]): Promise<string> {
  const result = await runProcess(PYTHON, [path.join(ROOT, 'scripts', 'corpus', script), ...args], { timeoutMs: 180_000 });
  if (result.code !== 0) throw new Error(`${script} failed (${INSTALL_HINT} if openpyxl or docx is missing):\n${result.stderr}`);
  return result.stdout;
}

/**
 * One LibreOffice call converting many files with one filter. A private profile keeps it from meeting a LibreOffice
 * the user has open (and from another test's). Returns LibreOffice's own output for diagnostics.
 */
export function soffice(profileDir: string, convertTo: string, outDir: string, files: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    execFile('soffice', ['--version'], (error) => {
      if (error) {
        reject(new Error(`soffice (LibreOffice) is missing: ${INSTALL_HINT}`));
        return;
      }
      runProcess('soffice', [`-env:UserInstallation=file://${profileDir}`, '--headless', '--norestore', '--convert-to', convertTo, '--outdir', outDir, ...files], {
        timeoutMs: 120_000,
      }).then(resolve, reject);
    });
  });
}

/**
 * Parse one XML part as a strict, namespace-aware reader does (saxes with xmlns): any well-formedness error, undeclared
 * prefix or DOCTYPE is a failure. Returns the problems found (none for a sound part).
 */
export function strictXmlProblems(text: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (error) => {
    problems.push(error.message);
  });
  parser.on('doctype', () => problems.push('DOCTYPE in an output part'));
  parser.write(text).close();
  return problems;
}
