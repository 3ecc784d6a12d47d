import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError, apiNotFound, onError } from './middleware/errors';
import { hostCheck } from './middleware/host-check';
import { mutationGuard } from './middleware/mutation-guard';
import { DeployService } from './deploy/deploy-service';
import { deployRoutes } from './routes/deploy';
import { designRoutes } from './routes/designs';
import { eventRoutes } from './routes/events';
import { exportRoutes } from './routes/exports';
import { trashRoutes } from './routes/trash';
import { validateRoutes } from './routes/validate';
import { webRoutes } from './routes/web';
import type { DesignStore } from './workspace/design-store';

/** Room for the largest real descriptions (GitHub's is about 10 MB as JSON) twice over. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface AppOptions {
  store: DesignStore;
  /** The per-launch secret mutating requests must carry (`x-gatewright-token`). */
  token: string;
  /** `host:port` names the server answers to: `127.0.0.1:4321`, `localhost:4321`, `[::1]:4321`. */
  allowedHosts: readonly string[];
  /** The built web app's folder. @default none: a placeholder page lists the designs */
  webRoot?: string;
  /** @default MAX_BODY_BYTES */
  maxBodyBytes?: number;
  /** Deploy targets and runs. @default one for the sandbox at GATEWRIGHT_SANDBOX_ENDPOINT */
  deploy?: DeployService;
  /** Where unexpected errors are reported. @default standard error */
  log?: (line: string) => void;
}

/**
 * The Gatewright server as a Hono app, independent of how it is served:
 * `main.ts` runs it on Node; tests call `app.request()`. Request order: the
 * Host check, then (under /api) the Origin and token check for changes and
 * the body limit, all before any route reads a body.
 */
export function createApp(options: AppOptions) {
  const { store, token, allowedHosts } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const maxSize = options.maxBodyBytes ?? MAX_BODY_BYTES;

  const app = new OpenAPIHono();
  app.onError(onError(log));
  app.use('*', hostCheck(allowedHosts));
  app.use(
    '*',
    secureHeaders({
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: false,
      // The page carries the token: no script but our own may run, nothing may frame it.
      // Monaco styles itself inline and starts its workers from blob: URLs.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
    compress({
      contentTypeFilter: (type) =>
        COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) || type.startsWith('application/yaml'),
    }),
  );
  app.use(
    '/api/*',
    mutationGuard({ token, allowedOrigins: allowedHosts.map((host) => `http://${host}`) }),
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(
          413,
          'payload-too-large',
          `The request body is over ${Math.round(maxSize / 1024 / 1024)} MB, the most this server accepts.`,
        );
      },
    }),
  );

  const routes = app
    .route('/api', designRoutes(store))
    .route('/api', trashRoutes(store))
    .route('/api', eventRoutes(store))
    .route('/api', validateRoutes(store))
    .route('/api', exportRoutes(store))
    .route('/api', deployRoutes(store, options.deploy ?? new DeployService()));

  routes.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Gatewright',
      version: '0.1.0',
      description:
        "The Gatewright designer's API. Design ids contain '/': send each as one URL-encoded path segment (`petstore%2Fopenapi.yaml`). Changes (POST, PUT, DELETE) need the `x-gatewright-token` header from the served page's `<meta name=\"gatewright-token\">` and, from a browser, this server's own Origin; writes need `If-Match` with the revision read.",
    },
  });
  app.all('/api/*', apiNotFound);
  app.route('/', webRoutes({ store, token, webRoot: options.webRoot }));
  return routes;
}

/** The server's routes and their types, for the web app's typed client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
