import { relative } from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommandResult } from './command';
import { findDescriptions } from '../corpus/find-descriptions';
import type { CorpusLine } from '../corpus/process-description';

type Outcome = { ok: true; line: CorpusLine } | { ok: false; file: string; error: string };

/** A file still unfinished after this long is reported as hung and the run goes on. */
const PER_FILE_TIMEOUT_MILLIS = 120_000;

/**
 * Imports, renders and validates every description under a folder; one line per
 * file and a summary. Exits 0 when every file was processed, whatever was found.
 */
export async function corpus(root: string, print: (line: string) => void): Promise<CommandResult> {
  const files = findDescriptions(root);
  const pool = new CorpusWorker();
  const totals = { files: 0, operations: 0, error: 0, warning: 0, info: 0, millis: 0, failed: 0 };
  try {
    for (const file of files) {
      const outcome = await pool.run(file);
      const name = relative(root, file) || file;
      totals.files += 1;
      if (!outcome.ok) {
        totals.failed += 1;
        print(`${name}\tFAILED\t${outcome.error}`);
        continue;
      }
      const { operations, findings, millis } = outcome.line;
      Object.assign(totals, {
        operations: totals.operations + operations,
        error: totals.error + findings.error,
        warning: totals.warning + findings.warning,
        info: totals.info + findings.info,
        millis: totals.millis + millis,
      });
      print(
        `${name}\t${operations} operations\t${findings.error} errors, ${findings.warning} warnings, ${findings.info} infos\t${millis.toFixed(0)} ms`,
      );
    }
  } finally {
    pool.close();
  }
  return {
    exitCode: totals.failed > 0 ? 1 : 0,
    findings: [],
    messages: [
      `${totals.files} descriptions, ${totals.operations} operations, ${totals.error} errors, ${totals.warning} warnings, ${totals.info} infos, ${totals.millis.toFixed(0)} ms; ${totals.failed} not processed`,
    ],
  };
}

/**
 * One child process at a time, replaced when a file hangs or crashes it. A
 * process (not a worker thread) so that even running out of memory on one file
 * leaves the run going.
 */
class CorpusWorker {
  private child?: ChildProcess;

  run(file: string): Promise<Outcome> {
    const child = (this.child ??= fork(
      fileURLToPath(new URL('../corpus/corpus-worker.ts', import.meta.url)),
      {
        // The child loads TypeScript too: give it the same loader as this process.
        execArgv: ['--import', import.meta.resolve('tsx')],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      },
    ));
    return new Promise((resolve) => {
      const done = (outcome: Outcome) => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (outcome: Outcome) => done(outcome);
      const onExit = (code: number | null, signal: string | null) => {
        this.child = undefined;
        done({ ok: false, file, error: `crashed (${signal ?? `exit code ${code}`})` });
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        this.child = undefined;
        done({
          ok: false,
          file,
          error: `no result after ${PER_FILE_TIMEOUT_MILLIS / 1000} s; stopped`,
        });
      }, PER_FILE_TIMEOUT_MILLIS);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(file);
    });
  }

  close(): void {
    this.child?.kill();
  }
}
