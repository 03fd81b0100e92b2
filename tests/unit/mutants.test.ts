import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  allKilled,
  applyMutant,
  commandFor,
  loadMutants,
  occurrences,
  outcomeOfExit,
  report,
  selectMutants,
  restoreLive,
  summaryLine,
  withMutant,
  type ListedMutant,
  type Result,
} from '@/lib/mutants';
import { afterBuild, BUILD_FAILED_EXIT } from '@/tests/mutants/types';

// The pure parts of `npm run test:mutants` (scripts/mutants.ts): a runner that miscounted would report a
// kill ratio nobody could trust.

const scratch = mkdtempSync(path.join(tmpdir(), 'mutants-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const mutant = (over: Partial<ListedMutant> = {}): ListedMutant => ({
  id: 'some-bug',
  description: 'A bug',
  file: 'lib/x.ts',
  find: 'a === b',
  replace: 'true',
  tests: ['tests/unit/x.test.ts'],
  area: 'area',
  ...over,
});

function listDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(scratch, 'list-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const entry = (id: string) =>
  `{ id: '${id}', description: 'd', file: 'f.ts', find: 'x', replace: 'y', tests: ['tests/unit/t.test.ts'] }`;

describe('loading the lists', () => {
  it('reads every list but types.ts, naming each mutant’s area after its file', async () => {
    const dir = listDir({
      'types.ts': 'export default [1, 2, 3];',
      'b.ts': `export default [${entry('b-one')}];`,
      'a.ts': `export default [${entry('a-one')}, ${entry('a-two')}];`,
      'notes.md': 'not a list',
    });
    const all = await loadMutants(dir);
    expect(all.map((m) => [m.area, m.id])).toEqual([
      ['a', 'a-one'],
      ['a', 'a-two'],
      ['b', 'b-one'],
    ]);
  });

  it('refuses a duplicate id, a mutant without tests and a list that is not an array', async () => {
    await expect(
      loadMutants(listDir({ 'a.ts': `export default [${entry('x')}, ${entry('x')}];` })),
    ).rejects.toThrow(/duplicate mutant id x/);
    const noTests = `export default [{ id: 'x', description: 'd', file: 'f.ts', find: 'x', replace: 'y' }];`;
    await expect(loadMutants(listDir({ 'a.ts': noTests }))).rejects.toThrow(/needs tests or a command/);
    await expect(loadMutants(listDir({ 'a.ts': 'export default {};' }))).rejects.toThrow(/array/);
  });

  it('refuses a command given as tests: vitest would fail to start on it, which would count as a kill', async () => {
    const asTests = `export default [{ id: 'x', description: 'd', file: 'f.ts', find: 'x', replace: 'y', tests: ['sh', '-c', 'npx playwright test'] }];`;
    await expect(loadMutants(listDir({ 'a.ts': asTests }))).rejects.toThrow(/tests must be vitest files/);
  });

  it('loads the project’s own lists', async () => {
    const all = await loadMutants(path.join(process.cwd(), 'tests', 'mutants'));
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((m) => m.area === 'tests')).toBe(true);
  });

  it('finds every mutant’s text exactly once in its file, so none goes stale when code moves', async () => {
    const all = await loadMutants(path.join(process.cwd(), 'tests', 'mutants'));
    const stale = all
      .map((m) => ({ id: m.id, file: m.file, n: occurrences(readFileSync(m.file, 'utf8'), m.find) }))
      .filter(({ n }) => n !== 1);
    expect(stale).toEqual([]);
  });
});

describe('choosing mutants', () => {
  const all = [
    mutant({ id: 'one', area: 'x' }),
    mutant({ id: 'two', area: 'y' }),
    mutant({ id: 'three', area: 'y' }),
  ];
  it('takes an id or an area, and says when neither matches', () => {
    expect(selectMutants(all, undefined)).toHaveLength(3);
    expect(selectMutants(all, 'one').map((m) => m.id)).toEqual(['one']);
    expect(selectMutants(all, 'y').map((m) => m.id)).toEqual(['two', 'three']);
    expect(() => selectMutants(all, 'nope')).toThrow(/no mutant or area/);
  });
});

describe('applying a mutant', () => {
  it('counts non-overlapping occurrences', () => {
    expect(occurrences('aaa', 'aa')).toBe(1);
    expect(occurrences('x y x', 'x')).toBe(2);
    expect(occurrences('x', 'z')).toBe(0);
  });

  it('replaces text that occurs exactly once, leaving the rest as it was', () => {
    expect(applyMutant('if (a === b) go();', mutant())).toEqual({ text: 'if (true) go();' });
    expect(applyMutant('$& $1', mutant({ find: '$1', replace: '$&' }))).toEqual({ text: '$& $&' });
  });

  it('calls a mutant stale when its text is gone or ambiguous', () => {
    expect(applyMutant('if (a == b) go();', mutant())).toEqual({ stale: 'find text not in file' });
    expect(applyMutant('a === b || a === b', mutant())).toEqual({ stale: 'find text occurs 2 times' });
  });

  it('runs the listed vitest files, or the mutant’s own command', () => {
    expect(commandFor(mutant())).toEqual(['npx', 'vitest', 'run', '--reporter=dot', 'tests/unit/x.test.ts']);
    expect(
      commandFor(mutant({ tests: undefined, command: ['npx', 'playwright', 'test', 'x.spec.ts'] })),
    ).toEqual(['npx', 'playwright', 'test', 'x.spec.ts']);
  });
});

describe('mutating a file', () => {
  const source = 'export const allowed = (a: number, b: number) => a === b;\n';
  const fileWith = (text: string) => {
    const file = path.join(mkdtempSync(path.join(scratch, 'src-')), 'x.ts');
    writeFileSync(file, text);
    return file;
  };

  it('runs with the mutant in place and puts the original back', async () => {
    const file = fileWith(source);
    const seen = await withMutant(file, mutant(), async () => readFileSync(file, 'utf8'));
    expect(seen).toEqual({ ran: source.replace('a === b', 'true') });
    expect(readFileSync(file, 'utf8')).toBe(source);
  });

  it('puts the original back when the run throws', async () => {
    const file = fileWith(source);
    await expect(
      withMutant(file, mutant(), async () => {
        throw new Error('test runner crashed');
      }),
    ).rejects.toThrow(/crashed/);
    expect(readFileSync(file, 'utf8')).toBe(source);
  });

  it('lets a signal handler restore the file mid-run', async () => {
    const file = fileWith(source);
    await withMutant(file, mutant(), async () => {
      restoreLive();
      expect(readFileSync(file, 'utf8')).toBe(source);
    });
    expect(readFileSync(file, 'utf8')).toBe(source);
  });

  it('leaves the file alone and runs nothing for a stale mutant', async () => {
    const file = fileWith(source.replace('===', '=='));
    let ran = false;
    const outcome = await withMutant(file, mutant(), async () => {
      ran = true;
    });
    expect(outcome).toEqual({ stale: 'find text not in file' });
    expect(ran).toBe(false);
    expect(await withMutant(path.join(scratch, 'gone.ts'), mutant(), async () => 0)).toEqual({
      stale: 'file does not exist',
    });
  });
});

describe('the report', () => {
  const result = (id: string, outcome: Result['outcome']): Result => ({
    mutant: mutant({ id }),
    outcome,
    seconds: 1.25,
    note: 'tests/unit/x.test.ts',
  });

  it('ends with the counts and the kill ratio, and passes only when everything was killed', () => {
    const results = [
      result('a', 'killed'),
      result('b', 'killed'),
      result('c', 'survived'),
      result('d', 'stale'),
    ];
    expect(summaryLine(results)).toBe('2 killed, 1 survived, 1 stale (kill ratio 50%)');
    expect(report(results).split('\n')).toHaveLength(5);
    expect(report(results)).toMatch(/^KILLED\s+a\s+1\.3 s\s+tests\/unit\/x\.test\.ts$/m);
    expect(allKilled(results)).toBe(false);
    expect(allKilled(results.slice(0, 2))).toBe(true);
    expect(summaryLine([])).toBe('0 killed, 0 survived, 0 stale (kill ratio 0%)');
  });

  it('counts a mutant whose source does not build as stale, never as killed', () => {
    expect(outcomeOfExit(0).outcome).toBe('survived');
    expect(outcomeOfExit(1).outcome).toBe('killed');
    expect(outcomeOfExit(-1).outcome).toBe('killed');
    expect(outcomeOfExit(BUILD_FAILED_EXIT)).toEqual({
      outcome: 'stale',
      note: 'the mutated source does not build',
    });
    // The build-then-Playwright command really exits with that status when its build fails.
    const [shell, flag, script] = afterBuild('test nothing');
    expect([shell, flag]).toEqual(['sh', '-c']);
    expect(script).toContain(`npx next build >/dev/null || exit ${BUILD_FAILED_EXIT};`);
  });
});
