import type { Instrumentation } from 'next';

export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, so that nothing Next.js or a library prints — a failed query's parameters are the person's
    // answers — reaches stdout without the logger's redaction (docs/adr/0013, 0018).
    const { routeConsoleThroughLogger } = await import('./lib/log');
    routeConsoleThroughLogger();
  }
  // Migrate and seed at server start, in the Node.js runtime only (the proxy never touches the database).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // First, so no request reaches a page without its socket's address in X-Forwarded-For.
    const { appendPeerAddress } = await import('./lib/clientAddress');
    await appendPeerAddress();
    const { prepareDatabase } = await import('./db/prepare');
    await prepareDatabase();
    // Each instance keeps its prerendered pages in step with what the staff area publishes (ADR 0030).
    const [{ startContentWatch }, { connection }, { env }] = await Promise.all([
      import('./lib/content/watch'),
      import('./db/client'),
      import('./lib/env'),
    ]);
    startContentWatch(connection().db, env().DATABASE_URL);
    // PGlite serves one process, so the outbox relay runs inside the portal; with PostgreSQL it runs as
    // `npm run worker`, as many instances as needed.
    if (!process.env.DATABASE_URL && process.env.OUTBOX_RELAY !== 'off') {
      const [{ startRelayLoop }, { connection }] = await Promise.all([
        import('./worker/loop'),
        import('./db/client'),
      ]);
      startRelayLoop(connection().db);
    }
  }
}

/**
 * Any error a page, Server Action, route handler or the proxy throws, with the request's id (so it can be
 * matched with the response's `x-request-id` and the digest the error page shows) and its path without the
 * query string, which may carry a tracking key. Next.js's own report goes through the same logger (above).
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { pathOnly, requestLogger } = await import('./lib/log');
  const header = (name: string) => [request.headers[name]].flat()[0] ?? null;
  requestLogger({ get: header }).error(
    {
      err: error,
      method: request.method,
      path: pathOnly(request.path),
      route: context.routePath,
      routeType: context.routeType,
    },
    'Request failed',
  );
};
