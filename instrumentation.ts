export async function register() {
  // Migrate and seed at server start, in the Node.js runtime only (the proxy never touches the database).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/prepare');
    await prepareDatabase();
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
