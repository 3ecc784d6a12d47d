// Runs descriptions one at a time for the corpus command, in a worker so that a
// file that never finishes can be stopped without stopping the whole run.
import { parentPort } from 'node:worker_threads';
import { processDescription } from './process-description';

parentPort?.on('message', (file: string) => {
  processDescription(file).then(
    (line) => parentPort?.postMessage({ ok: true, line }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, file, error: error instanceof Error ? error.message : String(error) }),
  );
});
