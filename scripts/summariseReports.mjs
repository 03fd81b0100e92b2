// Sums the runners' own JSON reports into the one line CI reads: "N passed, N failed".
// Exits non-zero if any report is missing or unreadable, so a runner that crashed cannot look green.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'reports';
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
if (files.length === 0) broken = true;
for (const file of files) {
  try {
    const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    if ('numPassedTests' in report) {
      // vitest (jest-compatible JSON)
      passed += report.numPassedTests;
      failed += report.numFailedTests;
      skipped += report.numPendingTests + (report.numTodoTests ?? 0);
      if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites;
    } else if (report.stats) {
      // Playwright: "unexpected" are failures; "flaky" passed only on retry and count as failed here.
      passed += report.stats.expected;
      failed += report.stats.unexpected + report.stats.flaky;
      skipped += report.stats.skipped;
      if (report.errors?.length) failed += report.errors.length;
    } else {
      broken = true;
    }
    console.log(`${file}: read`);
  } catch (error) {
    console.error(`${file}: ${error}`);
    broken = true;
  }
}
if (broken) failed += 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
