export async function register() {
  // Migrate and seed at server start, in the Node.js runtime only (the proxy never touches the database).
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareDatabase } = await import('./db/prepare');
    await prepareDatabase();
  }
}
