import { afterBuild, type Mutant } from './types';

// The province's content under review (docs/adr/0030): each rule loosened, and the test that must notice.
const unit = ['tests/unit/content.test.ts'];
const facts = ['tests/unit/facts.test.ts'];
const spec = afterBuild('test tests/e2e/content.spec.ts --project=no-js');

export default [
  {
    id: 'content-own-approval',
    description: 'An editor approves their own change',
    file: 'db/queries/content.ts',
    find: "    if (found.authorId === decision.reviewerId) return { ok: false, refused: 'own-change' };\n",
    replace: '',
    tests: unit,
  },
  {
    id: 'content-decided-twice',
    description: 'A revision no longer in review is decided again',
    file: 'db/queries/content.ts',
    find: ".where(and(eq(contentRevisions.id, decision.revisionId), eq(contentRevisions.state, 'in-review')))",
    replace: '.where(and(eq(contentRevisions.id, decision.revisionId)))',
    tests: unit,
  },
  {
    id: 'content-submitted-by-anyone',
    description: 'Anyone sends someone else’s draft for review',
    file: 'db/queries/content.ts',
    find: "    if (found.authorId !== authorId) return { ok: false, refused: 'not-yours' };\n",
    replace: '',
    tests: unit,
  },
  {
    id: 'content-schedule-ignored',
    description: 'A change scheduled for a later day shows at once',
    file: 'db/queries/content.ts',
    find: '        lte(contentRevisions.publishAt, now),\n',
    replace: '',
    tests: unit,
  },
  {
    id: 'fact-verified-without-date',
    description: 'A published fact with a source but no check date counts as checked',
    file: 'lib/content/facts.ts',
    find: '  return published.source && published.checkedOn\n',
    replace: '  return published.source\n',
    tests: facts,
  },
  {
    id: 'fact-source-alone',
    description: 'A source is taken without the day it was checked',
    file: 'lib/content/facts.ts',
    find: "  if (source && !checkedOn) return { ok: false, error: 'checked-needed' };\n",
    replace: '',
    tests: facts,
  },
  {
    id: 'fact-shape-unchecked',
    description: 'A stored value of the wrong shape replaces the catalogue’s on the guide',
    file: 'lib/content/facts.ts',
    find: '    if (!live || !isFactValue(field, live.value)) continue;\n',
    replace: '    if (!live) continue;\n',
    tests: facts,
  },
  {
    id: 'content-not-notified',
    description: 'An approval tells no other instance',
    file: 'db/queries/content.ts',
    find: '    if (decision.approve) await tx.execute(sql`select pg_notify(${CONTENT_CHANNEL}, ${decided.id})`);\n',
    replace: '',
    command: spec,
  },
  {
    id: 'content-renders-flushed',
    description:
      'A page rendered after a publication is written over the build’s file, for every instance to read',
    file: 'next.config.ts',
    find: '    isrFlushToDisk: false,\n',
    replace: '',
    command: spec,
  },
  {
    id: 'content-no-first-look',
    description: 'A started instance takes the build’s pages as current until something is published again',
    file: 'lib/content/watch.ts',
    find: '  let seen: string | null = null;\n',
    replace:
      "  let seen: string | null = '';\n  void (async () => (seen = await contentGeneration(db)))();\n",
    command: spec,
  },
  {
    id: 'content-revalidation-open',
    description: 'Anyone may make an instance render its pages again',
    file: 'app/api/internal/content/route.ts',
    find: '  if (!isOwnRevalidation(request.headers.get(REVALIDATION_HEADER))) {\n',
    replace: '  if (false) {\n',
    command: spec,
  },
  {
    id: 'content-notification-dropped',
    description: 'A notification that arrives while the watcher is looking is dropped',
    file: 'lib/content/watch.ts',
    find: '      again = true;\n',
    replace: '',
    tests: ['tests/unit/contentWatch.test.ts'],
  },
  {
    id: 'fact-written-by-anyone',
    description: 'Any signed-in staff member writes a change to a fact',
    file: 'app/[locale]/staff/content/actions.ts',
    find: "export async function saveFactAction(form: FormData) {\n  const locale = localeOf(form);\n  await signedInStaff(locale);\n  const staff = await requireStaff(locale, 'content:edit');",
    replace:
      'export async function saveFactAction(form: FormData) {\n  const locale = localeOf(form);\n  const staff = await signedInStaff(locale);',
    command: spec,
  },
  {
    id: 'fact-decided-by-anyone',
    description: 'Any signed-in staff member approves a change',
    file: 'app/[locale]/staff/content/actions.ts',
    find: "  const staff = await requireStaff(locale, 'content:review');",
    replace: '  const staff = await signedInStaff(locale);',
    command: spec,
  },
  {
    id: 'fact-typed-unbounded',
    description: 'A refused form carries back whatever was typed, however long',
    file: 'app/[locale]/staff/content/actions.ts',
    find: 'typed.length > MAX_TYPED ? query : `${query}&typed=${typed}`',
    replace: '`${query}&typed=${typed}`',
    command: spec,
  },
] satisfies Mutant[];
