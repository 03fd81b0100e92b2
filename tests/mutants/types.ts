/**
 * A deliberate bug for `npm run test:mutants` (scripts/mutants.ts): `find` must occur exactly once in
 * `file`; it is replaced by `replace`, the `tests` are run, and the mutant counts as killed if they fail.
 * Each area keeps its own list in tests/mutants/<area>.ts (default export: Mutant[]), so lists do not
 * collide. Prefer unit tests (vitest file paths); `command` runs something else instead (an argv array,
 * e.g. a single Playwright spec against a fresh build), for the rules only a browser can see.
 */
export interface Mutant {
  /** Stable kebab-case id, e.g. `relay-no-skip-locked`. */
  readonly id: string;
  /** What the bug does, in words, for the report. */
  readonly description: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  /** vitest test files that should fail with this bug in place. */
  readonly tests?: readonly string[];
  readonly command?: readonly string[];
}

/**
 * The exit status of an `afterBuild` command whose build failed: the mutant does not compile (a type error
 * the replacement made), so no test ran, and scripts/mutants.ts counts it stale, never killed.
 */
export const BUILD_FAILED_EXIT = 97;

/**
 * A command that builds the portal with the mutant in place, then runs `playwright` (its arguments). The
 * build needs PUBLIC_ORIGIN (lib/env.ts): without it the build itself would fail. A failed build exits
 * with BUILD_FAILED_EXIT, which is not a kill.
 */
export function afterBuild(playwright: string): readonly string[] {
  return [
    'sh',
    '-c',
    `PUBLIC_ORIGIN=\${PUBLIC_ORIGIN:-http://127.0.0.1:\${E2E_PORT:-3100}} npx next build >/dev/null || exit ${BUILD_FAILED_EXIT}; npx playwright ${playwright}`,
  ];
}
