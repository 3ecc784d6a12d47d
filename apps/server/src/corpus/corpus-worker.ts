// Runs descriptions one at a time for the corpus command, in a child process so
// that a file that never finishes can be stopped without stopping the whole run.
import { processDescription } from './process-description';

process.on('message', (file: string) => {
  processDescription(file).then(
    (line) => process.send?.({ ok: true, line }),
    (error: unknown) =>
      process.send?.({
        ok: false,
        file,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
