import type { Mutant } from './types';

// The province's content under review (docs/adr/0030): each rule loosened, and the test that must notice.
const unit = ['tests/unit/content.test.ts'];

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
] satisfies Mutant[];
