import { readFileSync } from 'node:fs';
import { run } from '../../../src/cli/main';
import { expectWellFormedPackage } from '../../files/support/build';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI in-process with captured output. Every workbook a command writes is checked on the way: each XML part
 * must parse with a strict, namespace-aware parser (an undeclared prefix fails the test that wrote it).
 */
export async function runCli(argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  const output = argv.indexOf('-o');
  if (code === 0 && output >= 0 && (argv[0] === 'fix' || argv[0] === 'summarize')) {
    expectWellFormedPackage(new Uint8Array(readFileSync(argv[output + 1])));
  }
  return { code, stdout, stderr };
}
