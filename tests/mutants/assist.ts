import { afterBuild, type Mutant } from './types';

// Assisted mode (docs/adr/0026): each rule loosened, and the tests that must notice.
const unit = ['tests/unit/assist.test.ts'];
/** The browser-level rules need a fresh build, as for any Playwright run (E2E_PORT etc.). */
const spec = afterBuild('test tests/e2e/assist.spec.ts --project=no-js');
const sharedDeviceSpec = afterBuild('test tests/e2e/sharedDevice.spec.ts --project=no-js');

export default [
  {
    id: 'assist-place-any-length',
    description: "A village hall's name of any length is taken",
    file: 'lib/assist.ts',
    find: 'if (name.length > PLACE_NAME_MAX) return',
    replace: 'if (name.length > Infinity) return',
    tests: unit,
  },
  {
    id: 'assist-place-unnamed-hall',
    description: 'A village hall with no name is taken',
    file: 'lib/assist.ts',
    find: "  if (!name) return 'place-name';\n",
    replace: '',
    tests: unit,
  },
  {
    id: 'assist-officer-everywhere',
    description: 'Anyone who may file is recorded as an officer',
    file: 'lib/assist.ts',
    find: "return allows(grants, 'dossiers:process', { commune }) ? 'officer' : 'helper';",
    replace: "return 'officer';",
    tests: unit,
  },
  {
    id: 'assist-any-staff-continues',
    description: 'Any signed-in staff member continues another helper’s villager’s application',
    file: 'lib/assist.ts',
    find: '&& staff.user.id === draft.assistedBy',
    replace: '',
    tests: unit,
  },
  {
    id: 'assist-clear-deletes-submitted',
    description: 'Clearing the device deletes drafts already submitted (and so their receipts’ rows)',
    file: 'db/queries/drafts.ts',
    find: 'eq(drafts.assistedBy, staffId), notSubmitted)',
    replace: 'eq(drafts.assistedBy, staffId))',
    tests: unit,
  },
  {
    id: 'assist-filing-not-audited',
    description: 'An assisted submission leaves no audit entry',
    file: 'db/queries/submissions.ts',
    find: '  if (assisted) {\n    await recordAudit(',
    replace: '  if (!assisted) {\n    await recordAudit(',
    tests: unit,
  },
  {
    id: 'assist-no-channel-check',
    description: 'The database takes a helper channel that names no helper',
    file: 'db/migrations/0005_assisted_mode.sql',
    find: ` AND (("channel" = 'self') = ("helper_id" IS NULL))`,
    replace: '',
    tests: unit,
  },
  {
    id: 'assist-session-kept',
    description: "A new villager's application starts under the last villager's session",
    file: 'app/[locale]/staff/assist/actions.ts',
    find: 'const sessionHash = await newSession();',
    replace: 'const sessionHash = (await currentSessionHash()) ?? (await newSession());',
    command: spec,
  },
  {
    id: 'assist-pages-open-signed-out',
    description: 'The apply pages of an assisted draft open for whoever holds the browser',
    file: 'app/[locale]/apply/[journeyId]/draft.ts',
    find: 'const assistant = await requireAssistant(locale, own.draft);',
    replace: 'const assistant = null;',
    command: spec,
  },
  {
    id: 'shared-device-start-reopens',
    description: "On a shared device, Start silently reopens the last person's unfinished application",
    file: 'app/[locale]/procedures/[procedureId]/apply/actions.ts',
    find: 'redirect(localePath(locale, paths.inProgress(journey.id)))',
    replace: 'redirect(localePath(locale, paths.tasks(journey.id)))',
    command: sharedDeviceSpec,
  },
  {
    id: 'shared-device-fresh-same-session',
    description: '"Start my own" keeps the last person\'s session',
    file: 'app/[locale]/apply/[journeyId]/in-progress/actions.ts',
    find: 'const sessionHash = await newSession();',
    // Imported where it stands, so that the mutant builds: a build failure would look like a kill.
    replace: "const sessionHash = await (await import('@/lib/session')).ensureSessionHash();",
    command: sharedDeviceSpec,
  },
] satisfies Mutant[];
