import { describe, expect, it } from 'vitest';
import { makeDesign, makeModel } from '../../../test/fixtures';
import type { CorsSettings } from '../../design/types';
import { validate } from '../validate';

function findings(cors: CorsSettings) {
  return validate(makeModel([]), makeDesign({ cors }))
    .filter((d) => d.code.startsWith('validate.cors-'))
    .map((d) => [d.code, d.severity, d.location.pointer, d.message]);
}

describe('CORS settings', () => {
  it('accepts one origin with credentials, and any origin without', () => {
    expect(
      findings({ enabled: true, allowOrigins: ['https://a.example'], allowCredentials: true }),
    ).toEqual([]);
    expect(findings({ enabled: true })).toEqual([]);
    expect(findings({ enabled: false, allowOrigins: ['*', 'x'], allowCredentials: true })).toEqual(
      [],
    );
  });

  it('warns that browsers refuse credentials with the * origin, listed or by default', () => {
    const expected = [
      [
        'validate.cors-credentials-wildcard',
        'warning',
        '/cors/allowCredentials',
        expect.stringContaining('"*"'),
      ],
    ];
    expect(findings({ enabled: true, allowCredentials: true })).toEqual(expected);
    expect(findings({ enabled: true, allowOrigins: ['*'], allowCredentials: true })).toEqual(
      expected,
    );
  });

  it('warns that only the first of several origins is sent, naming the others', () => {
    expect(
      findings({
        enabled: true,
        allowOrigins: ['https://a.example', 'https://b.example', 'https://c.example'],
      }),
    ).toEqual([
      [
        'validate.cors-multiple-origins',
        'warning',
        '/cors/allowOrigins',
        expect.stringMatching(
          /only "https:\/\/a\.example" is sent and "https:\/\/b\.example", "https:\/\/c\.example" will be refused/,
        ),
      ],
    ]);
  });
});
