import type { Mutant } from './types';

// Delivery (issue 13): the bugs the simulator's own deduplication used to hide, and the retry policy's
// rules. The row-lock mutant is only visible with two database connections, so only on PostgreSQL
// (TEST_DATABASE_URL set); PGlite serves one connection and runs transactions one at a time.
const relay = ['tests/unit/relay.test.ts'];
const province = ['tests/unit/province.test.ts'];

const mutants: Mutant[] = [
  {
    id: 'relay-no-row-lock',
    description: 'The claim reads due rows without FOR UPDATE SKIP LOCKED (PostgreSQL only)',
    file: 'db/queries/outbox.ts',
    find: ".for('update', { skipLocked: true })",
    replace: '',
    tests: relay,
  },
  {
    id: 'relay-no-lease',
    description: 'A claimed row is not leased: it stays due while one worker delivers it',
    file: 'db/queries/outbox.ts',
    find: 'nextAttemptAt: sql`now() + make_interval(secs => ${leaseMs / 1000})`,',
    replace: '',
    tests: relay,
  },
  {
    id: 'relay-4xx-retried-forever',
    description: 'The relay retries a refusal instead of making it a dead letter',
    file: 'worker/relay.ts',
    find: 'const dead = verdict.permanent || expired;',
    replace: 'const dead = expired;',
    tests: relay,
  },
  {
    id: 'province-4xx-retryable',
    description: 'errors.ts classifies every 4xx refusal as retryable',
    file: 'adapters/province/errors.ts',
    find: 'return new ProvincePermanentError(`Back end refused (${status}): ${body.slice(0, 200)}`, status);',
    replace: 'return new ProvinceRetryableError(`Back end refused (${status})`, undefined, status);',
    tests: [...province, ...relay],
  },
  {
    id: 'relay-window-never-ends',
    description: 'The 14-day retry window never ends: a failing row is retried for ever',
    file: 'worker/relay.ts',
    find: 'const dead = verdict.permanent || expired;',
    replace: 'const dead = verdict.permanent;',
    tests: relay,
  },
  {
    id: 'relay-backoff-ignores-attempts',
    description: 'The relay backs off as if every failure were the first',
    file: 'worker/relay.ts',
    find: 'backoffMs(message.attempts, options)',
    replace: 'backoffMs(1, options)',
    tests: relay,
  },
  {
    id: 'backoff-not-exponential',
    description: 'backoffMs ignores the attempt number',
    file: 'worker/relay.ts',
    find: 'base * 2 ** Math.min(attempt, 30)',
    replace: 'base * 2',
    tests: relay,
  },
  {
    id: 'province-401-no-new-token',
    description: 'A 401 is not answered with a new token and one more try (a restarted back end)',
    file: 'adapters/province/http.ts',
    find: "if (response.status === 401 && path !== '/oauth/token') {",
    replace: 'if (response.status === 0) {',
    tests: [...province, ...relay],
  },
  {
    id: 'province-401-permanent',
    description: 'A 401 after a fresh token is a refusal (every dossier in flight dead-lettered)',
    file: 'adapters/province/errors.ts',
    find: 'const NOT_NOW = new Set([401, 408, 409, 425, 429]);',
    replace: 'const NOT_NOW = new Set([408, 409, 425, 429]);',
    tests: province,
  },
  {
    id: 'province-408-409-permanent',
    description: '408 and 409 (key still in progress) are refusals',
    file: 'adapters/province/errors.ts',
    find: 'const NOT_NOW = new Set([401, 408, 409, 425, 429]);',
    replace: 'const NOT_NOW = new Set([401, 425, 429]);',
    tests: province,
  },
  {
    id: 'province-retry-after-date-ignored',
    description: 'A Retry-After given as an HTTP date is ignored',
    file: 'adapters/province/errors.ts',
    find: 'const at = value ? Date.parse(value) : NaN;',
    replace: 'const at = NaN;',
    tests: province,
  },
];

export default mutants;
