import { chmodSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { connect } from '@/db/client';
import { DatabaseLockedError } from '@/db/lock';
import { exitLocked } from '@/db/prepare';
import { countStaff, createStaffAccount, StaffAccountError } from '@/db/queries/staff';
import { seed } from '@/db/seed';
import { hashPassword } from '@/lib/staff/auth';
import { grantProblem, isRole, roles, type Grant } from '@/lib/staff/roles';

// `npm run staff:create -- --username lan.nguyen --role helper --commune tan-quang`: a staff account with
// one role and a generated password, printed once (only its argon2id hash is kept). `--language` for a
// translator. `--first-admin <file>`: what `npm run portal` runs — the sample province's first admin,
// `admin`, only if there is no staff account yet, its password written once to <file> (mode 600).
// On a PGlite directory a running portal holds, it refuses: stop the portal, or use PostgreSQL.
const usage = `usage: npm run staff:create -- --username <name> --role <${roles.join('|')}> [--commune <id>] [--language <locale>] [--name "<full name>"]`;

async function main() {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      commune: { type: 'string' },
      language: { type: 'string' },
      name: { type: 'string' },
      'first-admin': { type: 'string' },
    },
  });
  const firstAdmin = values['first-admin'];
  const role = firstAdmin ? 'province-admin' : values.role;
  const username = firstAdmin ? 'admin' : values.username;
  if (!username || !isRole(role)) fail(usage);
  const grant: Grant = { role, communeId: values.commune ?? null, language: values.language ?? null };
  const problem = grantProblem(grant);
  if (problem) fail(problem);

  const conn = connect();
  try {
    await conn.migrate();
    await seed(conn.db);
    if (firstAdmin && (await countStaff(conn.db)) > 0) return;
    const { password } = await createStaffAccount(
      conn.db,
      { username, name: values.name, grant, createdBy: null },
      hashPassword,
    );
    if (firstAdmin) {
      // Written only when the database had no staff account: a file left from a database since removed
      // holds a password nothing accepts, so it is replaced.
      writeFileSync(firstAdmin, `${password}\n`, { mode: 0o600 });
      chmodSync(firstAdmin, 0o600);
      console.log(`Created the province administrator "admin"; password in ${firstAdmin}`);
    } else {
      console.log(
        `Created ${username} (${role}${grant.communeId ? `, ${grant.communeId}` : ''}${grant.language ? `, ${grant.language}` : ''}).`,
      );
      console.log(`Password, shown once: ${password}`);
    }
  } catch (error) {
    if (error instanceof StaffAccountError) fail(error.message);
    throw error;
  } finally {
    await conn.close();
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseLockedError) exitLocked(error);
  throw error;
});
