import {
  allLocales,
  keysUsedButMissing,
  missingKeys,
  orphanKeys,
  placeholderMismatches,
  statusProblems,
} from '@/lib/i18nAudit';

// `npm run i18n:check`: the same checks the unit tests make, printed for a translator or reviewer.
const problems: string[] = [];
for (const key of missingKeys('en')) problems.push(`en is missing ${key}`);
for (const locale of allLocales) {
  for (const key of orphanKeys(locale)) problems.push(`${locale} has ${key}, which vi does not`);
  for (const key of placeholderMismatches(locale))
    problems.push(`${locale}: placeholders differ from vi in ${key}`);
  for (const p of statusProblems(locale)) problems.push(`${locale}: ${p}`);
}
for (const p of keysUsedButMissing(process.cwd())) problems.push(`used in code but missing from vi: ${p}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('i18n check passed.');
