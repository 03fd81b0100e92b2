import { afterBuild, type Mutant } from './types';

// The rules of issue 13 items 1, 2, 15 and 17 (unknown codes), docs/adr/0016.
const notFoundE2e = afterBuild('test tests/e2e/pages.spec.ts --project=no-js -g "is not found"');

const mutants: Mutant[] = [
  {
    id: 'pglite-lock-not-taken',
    description: 'PGlite opens its directory without taking the one-process lock',
    file: 'db/client.ts',
    find: 'unlock = lockDirectory(dataDir);',
    replace: 'unlock = () => {};',
    tests: ['tests/unit/dbLock.test.ts'],
  },
  {
    id: 'pglite-lock-holder-never-alive',
    description: 'A live holder is taken for stale, so a second process opens the directory anyway',
    file: 'db/lock.ts',
    find: 'if (holder && isAlive(holder.pid)) {',
    replace: 'if (holder && false) {',
    tests: ['tests/unit/dbLock.test.ts'],
  },
  {
    id: 'pglite-lock-stale-never-taken-over',
    description: 'Every existing lock counts as held, so a SIGKILLed portal blocks the next start',
    file: 'db/lock.ts',
    find: 'if (holder && isAlive(holder.pid)) {',
    replace: 'if (true) {',
    tests: ['tests/unit/dbLock.test.ts'],
  },
  {
    id: 'pglite-lock-zombie-alive',
    description: 'A killed but unreaped holder (zombie) counts as alive',
    file: 'db/lock.ts',
    find: String.raw`return !/^\d+ \(.*\) Z/s.test(`,
    replace: String.raw`return !/^\d+ \(.*\) NOSTATE/s.test(`,
    tests: ['tests/unit/dbLock.test.ts'],
  },
  {
    id: 'short-link-redirect-request-origin',
    description: '/q/<code> redirects to the server-side origin instead of PUBLIC_ORIGIN',
    file: 'app/q/[...path]/route.ts',
    find: 'new URL(path, publicOrigin())',
    replace: "new URL(path, 'http://localhost:3000')",
    tests: ['tests/unit/publicOrigin.test.ts'],
  },
  {
    id: 'screen-redirect-request-origin',
    description: '/screens/<id> redirects to the server-side origin instead of PUBLIC_ORIGIN',
    file: 'app/screens/[screenId]/route.ts',
    find: 'new URL(path, publicOrigin())',
    replace: "new URL(path, 'http://localhost:3000')",
    tests: ['tests/unit/publicOrigin.test.ts'],
  },
  {
    id: 'public-origin-optional-in-production',
    description: 'Production starts without PUBLIC_ORIGIN',
    file: 'lib/env.ts',
    find: "(e) => e.NODE_ENV !== 'production' || e.PUBLIC_ORIGIN",
    replace: '() => true',
    tests: ['tests/unit/publicOrigin.test.ts'],
  },
  {
    id: 'housekeeping-not-called',
    description: 'The relay loop never runs housekeeping, so rate_limits grows forever',
    file: 'worker/loop.ts',
    find: '      if (ticks % 300 === 1) await housekeeping(db);\n',
    replace: '',
    tests: ['tests/unit/housekeeping.test.ts'],
  },
  {
    id: 'housekeeping-prunes-nothing',
    description: 'Housekeeping forgets to prune the rate-limit counters',
    file: 'worker/housekeeping.ts',
    find: 'await pruneRateLimits(db);',
    replace: '',
    tests: ['tests/unit/housekeeping.test.ts'],
  },
  {
    id: 'short-link-unknown-code-resolves',
    description: 'An unknown short code counts as known',
    file: 'catalogue/shortLinks.ts',
    find: 'if (!parsed || rest.length > 0',
    replace: 'if (!parsed && false',
    tests: ['tests/unit/notFound.test.ts'],
  },
  {
    id: 'short-link-unknown-code-not-404',
    description: 'The proxy lets an unknown short code through (it used to go home, 302)',
    file: 'proxy.ts',
    find: "path.startsWith('/q/') && !resolveShortLink(",
    replace: "path.startsWith('/never/') && !resolveShortLink(",
    command: notFoundE2e,
  },
];

export default mutants;
