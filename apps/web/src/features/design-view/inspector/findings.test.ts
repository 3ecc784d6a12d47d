import type { Diagnostic } from '@gatewright/core';
import { describe, expect, it } from 'vitest';
import { designPointer, messagesAt } from './findings';

const finding = (pointer: string, message: string): Diagnostic => ({
  code: 'validate.lambda-settings',
  severity: 'error',
  message,
  location: { pointer },
});

describe('messagesAt', () => {
  it('takes the findings at a pointer and below it, not its siblings', () => {
    const at = designPointer('operations', 'GET /pets/{id}', 'integration');
    expect(at).toBe('/operations/GET ~1pets~1{id}/integration');
    const findings = [
      finding(at, 'a'),
      finding(`${at}/path`, 'b'),
      finding(`${at}Other`, 'c'),
      finding('/backends/x', 'd'),
    ];
    expect(messagesAt(findings, at)).toEqual(['a', 'b']);
  });
});
