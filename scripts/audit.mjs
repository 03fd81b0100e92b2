// The dependency gate of `npm test`: `npm audit` over the production dependencies, failing on a high or
// critical advisory. Exit codes: 0 checked and clean, 1 high or critical findings (or npm failed for a
// reason of the project's, or printed what we cannot read), 2 not checked because the registry did not
// serve advisories (the mirror here answers 405; an unreachable registry is the same).
// Extra arguments go to npm, e.g. `--registry http://127.0.0.1:4999/` (the unit test's advisory server).
import { spawnSync } from 'node:child_process';

const GATE = ['high', 'critical'];

const run = spawnSync('npm', ['audit', '--omit=dev', '--json', ...process.argv.slice(2)], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});

let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no report (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}

if (typeof report.message === 'string' && report.message.includes('/security/advisories/')) {
  // The registry refused or could not be reached: say so, never pass silently.
  console.log(`npm audit: NOT CHECKED, the registry did not serve security advisories (${report.message})`);
  process.exit(2);
}
if (report.error) {
  // Anything else (no lockfile, a broken tree) is the project's own problem: fail.
  console.error(
    `npm audit failed: ${report.error.code ?? ''} ${report.error.summary ?? report.message ?? ''}`,
  );
  process.exit(1);
}

const counts = report.metadata?.vulnerabilities;
if (!counts || typeof report.vulnerabilities !== 'object') {
  console.error('npm audit: the report has no vulnerability counts');
  process.exit(1);
}

const blocking = Object.values(report.vulnerabilities).filter((v) => GATE.includes(v.severity));
const summary = ['critical', 'high', 'moderate', 'low', 'info']
  .map((level) => `${counts[level] ?? 0} ${level}`)
  .join(', ');
console.log(`npm audit (production dependencies): ${summary}`);
for (const v of blocking) {
  const advisories = v.via.filter((via) => typeof via === 'object');
  const titles = advisories.map((a) => `${a.title} ${a.url}`).join('; ');
  const through = advisories.length ? titles : `through ${v.via.join(', ')}`;
  console.log(`  ${v.severity.toUpperCase()} ${v.name} ${v.range}: ${through}`);
}
process.exit(blocking.length ? 1 : 0);
