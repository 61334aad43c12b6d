/** Where the CLI writes: the process streams, or buffers in tests. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
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
};
