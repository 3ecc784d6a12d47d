import { existsSync } from 'node:fs';

/** Debian's Chromium: the tests use the system browser, never a downloaded one. */
export const CHROMIUM_PATH = process.env['GATEWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';

/** Flags for a quiet, repeatable headless run in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Fails the run up front, with the fix, rather than with a launch error in every test. */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}. Install it with \`apt-get update && apt-get install -y chromium\` (CI's .ci/run does), or set GATEWRIGHT_CHROMIUM to its path.`,
    );
  }
}
