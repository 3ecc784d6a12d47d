import type { Diagnostic } from '@gatewright/core';

/** What a command did: the CLI prints findings and messages and exits with the code. */
export interface CommandResult {
  exitCode: number;
  findings: Diagnostic[];
  /** Lines for the person (to stderr, so stdout carries only the output asked for). */
  messages: string[];
  /** The output asked for on standard output, when no --out was given. */
  stdout?: string;
}

/** A mistake in how a command was called (arguments, a path it cannot use): the CLI prints the usage and exits with 2. */
export class UsageError extends Error {}
