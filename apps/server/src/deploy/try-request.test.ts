import { describe, expect, it } from 'vitest';
import { tryUrl } from './try-request';

const INVOKE = 'http://127.0.0.1:4566/restapis/abc12345/test/_user_request_';

describe('tryUrl', () => {
  it('puts the path and query under the invoke URL', () => {
    expect(tryUrl(INVOKE, '/pets/7?full=true')).toBe(`${INVOKE}/pets/7?full=true`);
    expect(tryUrl('https://x.execute-api.us-east-1.amazonaws.com/prod', '/')).toBe(
      'https://x.execute-api.us-east-1.amazonaws.com/prod/',
    );
  });

  it('refuses a path that climbs out of the deployed API', () => {
    expect(() => tryUrl(INVOKE, '/../../../_ministack/health')).toThrow(/leaves the deployed API/);
    expect(() => tryUrl(INVOKE, '/%2e%2e/%2e%2e/x')).toThrow(/leaves the deployed API/);
  });
});
