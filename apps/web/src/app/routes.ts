/** A page of the app, as its URL names it. */
export type Route = { page: 'home' } | { page: 'design'; designId: string } | { page: 'not-found' };

const DESIGN_PREFIX = '/designs/';

/**
 * The page for a design: its id travels as ONE URL-encoded segment, as in the
 * API (`/designs/petstore%2Fopenapi.yaml`), which is also the URL the
 * `gatewright` command prints.
 */
export function designPagePath(designId: string): string {
  return DESIGN_PREFIX + encodeURIComponent(designId);
}

/** The route a pathname leads to; a malformed encoding is a page that does not exist. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' };
  if (pathname.startsWith(DESIGN_PREFIX)) {
    const segment = pathname.slice(DESIGN_PREFIX.length);
    if (segment === '' || segment.includes('/')) return { page: 'not-found' };
    try {
      return { page: 'design', designId: decodeURIComponent(segment) };
    } catch {
      return { page: 'not-found' };
    }
  }
  return { page: 'not-found' };
}
