import type { Mutant } from './types';

// Staff accounts (docs/adr/0023): each rule deleted or loosened, and the unit tests that must notice.
const roles = ['tests/unit/staffRoles.test.ts'];
const auth = ['tests/unit/staffAuth.test.ts'];

export default [
  {
    id: 'staff-commune-grant-everywhere',
    description: 'A commune grant acts on every commune (a helper of A files for B)',
    file: 'lib/staff/roles.ts',
    find: '    if (grant.communeId !== null && grant.communeId !== scope.commune) return false;\n',
    replace: '',
    tests: roles,
  },
  {
    id: 'staff-translator-any-language',
    description: 'A translator translates into every language',
    file: 'lib/staff/roles.ts',
    find: "    if (grant.role === 'translator' && grant.language !== scope.language) return false;\n",
    replace: '',
    tests: roles,
  },
  {
    id: 'staff-officer-without-second-factor',
    description: 'Commune officers are not asked for a second factor',
    file: 'lib/staff/roles.ts',
    find: "new Set(['province-admin', 'commune-officer'])",
    replace: "new Set(['province-admin'])",
    tests: roles,
  },
  {
    id: 'staff-enrolment-skipped',
    description: 'An admin without a second factor is signed in with the password alone',
    file: 'lib/staff/signIn.ts',
    find: 'if (needsSecondFactor(grants) && !user!.twoFactorEnabled) {',
    replace: 'if (false) {',
    tests: auth,
  },
  {
    id: 'staff-locked-account-checks-password',
    description: 'A locked account is let in by the right password',
    file: 'lib/staff/signIn.ts',
    find: 'if (user?.lockedUntil && user.lockedUntil > now) {',
    replace: 'if (false) {',
    tests: auth,
  },
  {
    id: 'staff-lockout-never',
    description: 'Wrong passwords never lock the account',
    file: 'db/queries/staff.ts',
    find: 'export const MAX_FAILED_SIGN_INS = 5;',
    replace: 'export const MAX_FAILED_SIGN_INS = 5000;',
    tests: auth,
  },
  {
    id: 'staff-no-absolute-session-limit',
    description: 'A session used every hour lives for ever (no 12-hour limit)',
    file: 'lib/staff/session.ts',
    find: 'if (Date.now() - new Date(found.session.createdAt).getTime() > SESSION_ABSOLUTE_SECONDS * 1000) {',
    replace: 'if (false) {',
    tests: auth,
  },
  {
    id: 'staff-audit-update-allowed',
    description: 'The audit trigger refuses only DELETE: entries can be rewritten',
    file: 'db/migrations/0004_staff_accounts.sql',
    find: 'BEFORE UPDATE OR DELETE ON "audit_events"',
    replace: 'BEFORE DELETE ON "audit_events"',
    tests: auth,
  },
] satisfies Mutant[];
