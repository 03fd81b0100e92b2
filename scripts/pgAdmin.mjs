// Creates or drops the per-run test database: node scripts/pgAdmin.mjs create|drop <admin-url> <name>
import postgres from 'postgres';

const [action, adminUrl, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? '')) throw new Error(`Bad database name: ${name}`);
const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
try {
  if (action === 'create') await sql.unsafe(`CREATE DATABASE ${name}`);
  else if (action === 'drop') await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  else throw new Error(`Unknown action ${action}`);
} catch (error) {
  console.error(String(error));
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 2 });
}
