import { describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  TOKEN_HEADER,
  createApiClient,
  designParam,
  ensureOk,
  readToken,
} from './client';

describe('the API client', () => {
  it('reads the token the server injects into the page', () => {
    document.head.innerHTML = '<meta name="gatewright-token" content="s3cret">';
    expect(readToken(document)).toBe('s3cret');
    document.head.innerHTML = '';
    expect(readToken(document)).toBe('');
  });

  it('sends a design id as one encoded segment, with the token', async () => {
    const requests: Request[] = [];
    const api = createApiClient({
      baseUrl: 'http://127.0.0.1:4321',
      token: 's3cret',
      fetch: async (input, init) => {
        requests.push(new Request(input, init));
        return Response.json({});
      },
    });
    await api.api.designs[':id'].$get({ param: designParam('petstore/openapi.yaml') });
    expect(requests[0]?.url).toBe('http://127.0.0.1:4321/api/designs/petstore%2Fopenapi.yaml');
    expect(requests[0]?.headers.get(TOKEN_HEADER)).toBe('s3cret');
  });

  it('turns a refusal into an error with the server’s code and message', async () => {
    const refusal = Response.json(
      { error: { code: 'not-found', message: 'No design petstore/x.yaml.' } },
      { status: 404 },
    );
    await expect(ensureOk(refusal)).rejects.toEqual(
      new ApiRequestError(404, 'not-found', 'No design petstore/x.yaml.'),
    );
    const page = new Response('<html>bad gateway</html>', { status: 502 });
    await expect(ensureOk(page)).rejects.toMatchObject({ status: 502, code: 'http-502' });
  });
});
