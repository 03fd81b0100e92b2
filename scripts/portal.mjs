// `npm run portal`: the production build, started on http://localhost:3000 with the embedded PGlite
// database (.data/pglite), which the server migrates and seeds as it starts (instrumentation.ts).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const port = process.env.PORT ?? '3000';
// Required in production (lib/env.ts): QR codes and redirects lead to it. The local run's own address;
// a deployment sets its public one.
process.env.PUBLIC_ORIGIN ??= `http://localhost:${port}`;
const run = (args) => spawnSync('npx', args, { stdio: 'inherit', env: process.env });

// Server Action ids are derived with this key: keeping it across builds lets a form rendered before a
// redeploy still submit, instead of failing with "409 Server Action unavailable".
if (!process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
  const keyFile = '.data/server-actions.key';
  if (!existsSync(keyFile)) {
    mkdirSync('.data', { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = readFileSync(keyFile, 'utf8').trim();
}

// Staff sessions are signed and TOTP secrets encrypted with this key (lib/staff/auth.ts); kept like the
// action key, so a restart does not sign every staff member out.
if (!process.env.STAFF_AUTH_SECRET) {
  const secretFile = '.data/staff-auth-secret';
  if (!existsSync(secretFile)) {
    mkdirSync('.data', { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.STAFF_AUTH_SECRET = readFileSync(secretFile, 'utf8').trim();
}

console.log('Building the portal (production build)…');
if (run(['next', 'build']).status !== 0) process.exit(1);

// The first province administrator, `admin`, on the first run only (when there is no staff account yet):
// its generated password is written once to .data/admin-password (mode 600). More accounts:
// `npm run staff:create`. Before the server starts, which then holds the PGlite directory.
mkdirSync('.data', { recursive: true });
if (run(['tsx', 'scripts/staffCreate.ts', '--first-admin', '.data/admin-password']).status !== 0)
  process.exit(1);

// The provincial back-end simulator runs beside the portal (docs/province-contract.md).
const simulator = spawn('npx', ['tsx', 'simulator/main.ts'], { stdio: 'inherit', env: process.env });
const server = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.kill(signal);
    simulator.kill(signal);
  });
}

// Report readiness only once the database answers, so "ready" means migrated and seeded.
const deadline = Date.now() + 60_000;
while (Date.now() < deadline) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (res.ok) {
      const health = await res.json();
      console.log(
        `\nPortal ready at http://localhost:${port} (database: ${health.driver}, ${health.communes} communes seeded)` +
          `\nStaff sign-in: http://localhost:${port}/vi/staff/sign-in (user name admin; password in .data/admin-password)`,
      );
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
server.on('exit', (code) => {
  simulator.kill('SIGTERM');
  process.exit(code ?? 0);
});
