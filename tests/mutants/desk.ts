import { afterBuild, type Mutant } from './types';

// The officer's desk and the afternoon's slips (docs/adr/0027): each rule loosened, and the tests that must notice.
const unit = ['tests/unit/desk.test.ts'];
const spec = afterBuild('test tests/e2e/desk.spec.ts --project=no-js');

export default [
  {
    id: 'desk-search-every-commune',
    description: 'A search lists dossiers of communes the officer does not work for',
    file: 'db/queries/desk.ts',
    find: 'and(inArray(submissions.officeCommuneId, [...communes]), searching ? or(...matches) : undefined)',
    replace: 'searching ? or(...matches) : undefined',
    tests: unit,
  },
  {
    id: 'desk-fold-keeps-marks',
    description: 'A name typed without tone marks does not find one written with them',
    file: 'db/queries/desk.ts',
    find: "    .replace(/\\p{M}/gu, '')\n",
    replace: '',
    tests: unit,
  },
  {
    id: 'desk-like-unescaped',
    description: 'A % or _ in the query matches anything',
    file: 'db/queries/desk.ts',
    find: 'const likeEscape = (text: string) => text.replace(/[\\\\%_]/g, (c) => `\\\\${c}`);',
    replace: 'const likeEscape = (text: string) => text;',
    tests: unit,
  },
  {
    id: 'desk-one-letter-search',
    description: 'One letter is searched as a name',
    file: 'db/queries/desk.ts',
    find: 'folded.length >= NAME_QUERY_MIN &&',
    replace: 'folded.length >= 1 &&',
    tests: unit,
  },
  {
    id: 'desk-originals-twice',
    description: 'Originals can be recorded again, by a second officer over the first',
    file: 'db/queries/desk.ts',
    find: 'and(eq(submissions.id, submissionId), isNull(submissions.originalsReceivedAt))',
    replace: 'eq(submissions.id, submissionId)',
    tests: unit,
  },
  {
    id: 'desk-worst-delivery-ignored',
    description: 'A bundle with a dead dossier shows as delivered or waiting',
    file: 'db/queries/desk.ts',
    find: '(deliveryRank[s.delivery] < deliveryRank[worst] ? s.delivery : worst)',
    replace: '(deliveryRank[s.delivery] > deliveryRank[worst] ? s.delivery : worst)',
    tests: unit,
  },
  {
    id: 'desk-queue-with-delivered',
    description: "The commune's queue lists delivered dossiers too",
    file: 'db/queries/desk.ts',
    find: "and(inArray(submissions.officeCommuneId, [...communes]), ne(outboxMessages.status, 'delivered'))",
    replace: 'inArray(submissions.officeCommuneId, [...communes])',
    tests: unit,
  },
  {
    id: 'desk-helpers-at-the-desk',
    description: 'Anyone who may file (a helper) gets the desk',
    file: 'app/[locale]/staff/desk/page.tsx',
    find: "communesWhere(staff.grants, 'dossiers:process', communeIds)",
    replace: "communesWhere(staff.grants, 'dossiers:file', communeIds)",
    command: spec,
  },
  {
    id: 'desk-open-any-commune',
    description: "An officer opens another commune's dossier by its address",
    file: 'app/[locale]/staff/desk/[reference]/page.tsx',
    find: "allows(staff.grants, 'dossiers:process', { commune: found.submission.officeCommuneId })",
    // Kept a boolean expression of `found`, so that TypeScript's narrowing still lets the page build.
    replace:
      "(allows(staff.grants, 'dossiers:process', { commune: found.submission.officeCommuneId }) || true)",
    command: spec,
  },
  {
    id: 'desk-opening-not-audited',
    description: 'Opening a dossier leaves no audit entry',
    file: 'app/[locale]/staff/desk/[reference]/page.tsx',
    find: "    action: 'dossier-opened',",
    replace: "    action: 'slips-opened',",
    command: spec,
  },
  {
    id: 'desk-file-for-anyone',
    description: 'Any signed-in staff member gets any attachment',
    file: 'app/api/staff/files/[fileId]/route.ts',
    find: "if (!found || !allows(staff.grants, 'dossiers:process', { commune: found.officeCommuneId })) {",
    replace: 'if (!found) {',
    command: spec,
  },
  {
    id: 'desk-list-shows-full-id',
    description: 'The search list shows citizen IDs in full',
    file: 'app/[locale]/staff/desk/page.tsx',
    find: "{id ? maskCitizenId(id) : ''}",
    replace: "{id ?? ''}",
    command: spec,
  },
] satisfies Mutant[];
