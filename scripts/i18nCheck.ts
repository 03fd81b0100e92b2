import { auditProblems, keysUsedButMissing, portalMessageSets } from '@/lib/i18nAudit';

// `npm run i18n:check`: the same checks the unit tests make, printed for a translator or reviewer.
// tests/unit/i18nAudit.test.ts runs auditProblems on dirty message sets, so each rule is seen to fire.
const problems = auditProblems(portalMessageSets());
for (const p of keysUsedButMissing(process.cwd())) problems.push(`used in code but missing from vi: ${p}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('i18n check passed.');
