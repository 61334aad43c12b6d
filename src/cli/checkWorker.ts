/** A worker thread of `check` over many files: loads the config once, then checks the files it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from './config';
import { checkOne } from './checkOne';
import type { CheckRequest } from './checkOne';

const configPath = (workerData as { config: string | null }).config;
const config = loadConfig(configPath);
const silent = { stdout: () => undefined, stderr: () => undefined };

parentPort?.on('message', (message: { index: number; request: CheckRequest }) => {
  void (async () => {
    try {
      const outcome = await checkOne(message.request, await config, silent);
      parentPort?.postMessage({ index: message.index, outcome });
    } catch (error) {
      parentPort?.postMessage({ index: message.index, failure: error instanceof Error ? error.message : String(error) });
    }
  })();
});
