// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client';
import {
  RefusalWithFindings,
  describeListedWriteRefusal,
  ensureOkWithFindings,
  refusalPlace,
} from './refusal';

describe('refusals', () => {
  it('keeps the findings a refusal carries, and only well-formed ones', async () => {
    const response = Response.json(
      {
        error: {
          code: 'invalid-input',
          message: 'Not a description.',
          details: { findings: [{ severity: 'error', message: 'Bad.' }, { nonsense: true }] },
        },
      },
      { status: 400 },
    );
    const error: unknown = await ensureOkWithFindings(response).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusalWithFindings);
    expect((error as RefusalWithFindings).findings).toEqual([
      { severity: 'error', message: 'Bad.' },
    ]);
  });

  it('is a plain refusal without findings, and passes a success through', async () => {
    const error: unknown = await ensureOkWithFindings(
      Response.json({ error: { code: 'already-exists', message: 'Taken.' } }, { status: 409 }),
    ).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(RefusalWithFindings);
    expect(error).toMatchObject({ status: 409, code: 'already-exists' });
    const ok = Response.json({});
    expect(await ensureOkWithFindings(ok)).toBe(ok);
  });

  it('puts each refusal beside what it is about', () => {
    expect(refusalPlace(new RefusalWithFindings(400, 'invalid-input', 'x', []))).toBe('text');
    expect(refusalPlace(new ApiRequestError(409, 'already-exists', 'x'))).toBe('path');
    expect(refusalPlace(new ApiRequestError(400, 'invalid-id', 'x'))).toBe('path');
    expect(refusalPlace(new ApiRequestError(409, 'unusable-files', 'x'))).toBe('form');
    expect(refusalPlace(new TypeError('Failed to fetch'))).toBe('form');
  });

  it('says a listed design changed or went elsewhere in the list’s terms', () => {
    expect(
      describeListedWriteRefusal(new ApiRequestError(412, 'revision-conflict', 'x'), 'Orders'),
    ).toContain('Orders changed since the list was loaded');
    expect(
      describeListedWriteRefusal(new ApiRequestError(404, 'not-found', 'x'), 'Orders'),
    ).toContain('no longer in the workspace');
    expect(
      describeListedWriteRefusal(new ApiRequestError(409, 'already-exists', 'Taken.'), 'O'),
    ).toBe('Taken.');
  });
});
