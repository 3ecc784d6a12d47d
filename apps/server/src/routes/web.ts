import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { DesignStore, DesignSummary } from '../workspace/design-store';

export interface WebOptions {
  store: DesignStore;
  token: string;
  /** The built web app (`apps/web/dist`); while it does not exist, a plain page lists the designs. */
  webRoot?: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The page's tag carrying the per-launch token that mutating requests must send back. */
function tokenMeta(token: string): string {
  return `<meta name="gatewright-token" content="${escapeHtml(token)}">`;
}

/** The web app's address for a design: one URL-encoded segment, as in the API. */
export function designPagePath(id: string): string {
  return `/designs/${encodeURIComponent(id)}`;
}

function placeholderPage(token: string, root: string, designs: DesignSummary[]): string {
  const items = designs
    .map((design) => {
      const api = `/api/designs/${encodeURIComponent(design.id)}`;
      return `<li><strong>${escapeHtml(design.name)}</strong> (${escapeHtml(design.id)}, ${design.integratedCount}/${design.operationCount} operations integrated):
  <a href="${api}">design</a> · <a href="${api}/openapi?format=yaml">OpenAPI</a> · <a href="${api}/cdk?language=typescript">CDK app (zip)</a></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${tokenMeta(token)}
<title>Gatewright</title>
</head>
<body>
<h1>Gatewright</h1>
<p>The API server is running, but the web designer is not built yet (no <code>apps/web/dist</code>). Build it and reload this page; until then, use the API described at <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>Workspace: <code>${escapeHtml(root)}</code></p>
${designs.length === 0 ? '<p>No designs in this workspace yet.</p>' : `<ul>\n${items}\n</ul>`}
</body>
</html>
`;
}

/**
 * The page and its assets: the built web app with the token injected into its
 * `index.html` (every path that is not a file gets it, so the app's own routes
 * such as `/designs/<id>` load), or the placeholder page.
 */
export function webRoutes(options: WebOptions) {
  const { store, token, webRoot } = options;
  // Decided at start: the app built later is served after a restart.
  const indexFile = webRoot && join(webRoot, 'index.html');
  const built = indexFile !== undefined && existsSync(indexFile);

  const page = async (c: Context) => {
    c.header('Cache-Control', 'no-store');
    if (built) {
      const html = await readFile(indexFile, 'utf8');
      const meta = tokenMeta(token);
      return c.html(
        html.includes('</head>') ? html.replace('</head>', `${meta}\n</head>`) : meta + html,
      );
    }
    return c.html(placeholderPage(token, store.root, await store.list()));
  };

  const web = new Hono();
  web.get('/', page);
  web.get('/index.html', page);
  if (built) web.use('*', serveStatic({ root: webRoot }));
  web.get('*', page);
  return web;
}
