/** Where the CLI writes: the process streams, or buffers in tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A passing status line for long work ("正在读取 a.xlsx…"); null clears it. Shown only on a terminal. */
  progress?(text: string | null): void;
}

export type Stage = 'reading' | 'analyzing' | 'writing';

const STAGES: Record<Stage, { 'zh-CN': string; 'en-US': string }> = {
  reading: { 'zh-CN': '正在读取', 'en-US': 'Reading' },
  analyzing: { 'zh-CN': '正在整理和校验', 'en-US': 'Repairing and checking' },
  writing: { 'zh-CN': '正在写入', 'en-US': 'Writing' },
};

/** A progress reporter for one file, in the user's language. */
export function stageReporter(io: CliIO, file: string, lang: 'zh-CN' | 'en-US'): (stage: Stage) => void {
  return (stage) => io.progress?.(`${STAGES[stage][lang]} ${file}…`);
}

let pipeGuarded = false;

/** `report-tables check … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace. */
function guardClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export const processIO: CliIO = {
  stdout: (text) => {
    guardClosedPipe();
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  progress: (text) => {
    // Only a person at a terminal wants a moving status line; pipes and CI logs stay clean.
    if (!process.stderr.isTTY) return;
    process.stderr.write(text === null ? '\r\x1b[K' : `\r\x1b[K${text}`);
  },
};
