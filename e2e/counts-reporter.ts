import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestCase } from '@playwright/test/reporter';

const OUTPUT = fileURLToPath(new URL('test-results/vitest.json', import.meta.url));

type Outcome = 'passed' | 'failed' | 'skipped';

/**
 * Writes the run's counts under vitest's JSON report names
 * (`numPassedTests`...), the file `scripts/test-all.mjs` adds up per package,
 * so the browser tests can count beside the unit tests.
 */
export default class CountsReporter implements Reporter {
  #outcomes = new Map<string, Outcome>();

  onTestEnd(test: TestCase): void {
    const outcome = test.outcome();
    this.#outcomes.set(
      test.id,
      outcome === 'expected' || outcome === 'flaky'
        ? 'passed'
        : outcome === 'skipped'
          ? 'skipped'
          : 'failed',
    );
  }

  onEnd(): void {
    const outcomes = [...this.#outcomes.values()];
    const count = (kind: Outcome) => outcomes.filter((outcome) => outcome === kind).length;
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(
      OUTPUT,
      JSON.stringify({
        numPassedTests: count('passed'),
        numFailedTests: count('failed'),
        numPendingTests: count('skipped'),
        numTodoTests: 0,
      }),
    );
  }
}
