import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_FAILED_EXIT, type Mutant } from '@/tests/mutants/types';

/**
 * The pure parts of `npm run test:mutants` (scripts/mutants.ts, docs/adr/0022): loading the hand-written
 * lists, the exactly-once check, applying a mutant and reporting. The script adds the processes and files.
 */

export interface ListedMutant extends Mutant {
  /** The list it came from: tests/mutants/<area>.ts. */
  readonly area: string;
}

export type Outcome = 'killed' | 'survived' | 'stale';

export interface Result {
  readonly mutant: ListedMutant;
  readonly outcome: Outcome;
  readonly seconds: number;
  /** Why a mutant is stale, or which command ran. */
  readonly note: string;
}

/** Every tests/mutants/*.ts but types.ts, each default-exporting Mutant[]; ids are unique across lists. */
export async function loadMutants(dir: string): Promise<ListedMutant[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
    .sort();
  const all: ListedMutant[] = [];
  for (const file of files) {
    const area = file.replace(/\.ts$/, '');
    const list: unknown = ((await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown })
      .default;
    if (!Array.isArray(list)) throw new Error(`${file} must default-export an array of mutants`);
    for (const m of list as Mutant[]) {
      const problem = shapeProblem(m);
      if (problem) throw new Error(`${file}: ${m?.id ?? '(no id)'}: ${problem}`);
      if (all.some((other) => other.id === m.id)) throw new Error(`${file}: duplicate mutant id ${m.id}`);
      all.push({ ...m, area });
    }
  }
  return all;
}

function shapeProblem(m: Mutant): string | null {
  if (typeof m !== 'object' || m === null) return 'not an object';
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.id ?? '')) return 'id must be kebab-case';
  for (const field of ['description', 'file', 'find'] as const) {
    if (typeof m[field] !== 'string' || m[field] === '') return `${field} must be a non-empty string`;
  }
  if (typeof m.replace !== 'string') return 'replace must be a string';
  if (m.find === m.replace) return 'replace is the same as find';
  if (!m.tests?.length && !m.command?.length) return 'needs tests or a command';
  // A command given as `tests` would be handed to vitest as file names, fail to start, and count as a kill.
  const notTestFile = m.tests?.find((test) => !/^tests\/[\w/.-]+\.test\.tsx?$/.test(test));
  if (notTestFile !== undefined) return `tests must be vitest files (tests/….test.ts): ${notTestFile}`;
  return null;
}

/** `--only` takes a mutant id or an area (the list's file name). */
export function selectMutants(all: readonly ListedMutant[], only: string | undefined): ListedMutant[] {
  if (!only) return [...all];
  const chosen = all.filter((m) => m.id === only || m.area === only);
  if (chosen.length === 0) throw new Error(`no mutant or area called ${only}`);
  return chosen;
}

export function occurrences(text: string, find: string): number {
  let count = 0;
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) count += 1;
  return count;
}

/**
 * The mutated text, or why the mutant no longer fits its file. A `find` that occurs twice is as stale as
 * one that is gone: the list must say which occurrence it means.
 */
export function applyMutant(
  text: string,
  mutant: Pick<Mutant, 'find' | 'replace'>,
): { text: string } | { stale: string } {
  const count = occurrences(text, mutant.find);
  if (count !== 1)
    return { stale: count === 0 ? 'find text not in file' : `find text occurs ${count} times` };
  const at = text.indexOf(mutant.find);
  return { text: text.slice(0, at) + mutant.replace + text.slice(at + mutant.find.length) };
}

/** The file under mutation now and its original text, for a signal handler to put back. */
let live: { file: string; original: string } | null = null;

/** Puts the file being mutated back as it was; nothing to do between mutants. */
export function restoreLive(): void {
  if (live) writeFileSync(live.file, live.original);
  live = null;
}

/**
 * Writes the mutant into `file`, runs `run` and puts the original text back from memory, whether `run`
 * returns or throws. A stale mutant leaves the file untouched and `run` is not called.
 */
export async function withMutant<T>(
  file: string,
  mutant: Pick<Mutant, 'find' | 'replace'>,
  run: () => Promise<T>,
): Promise<{ ran: T } | { stale: string }> {
  let original: string;
  try {
    original = readFileSync(file, 'utf8');
  } catch {
    return { stale: 'file does not exist' };
  }
  const mutated = applyMutant(original, mutant);
  if ('stale' in mutated) return mutated;
  live = { file, original };
  try {
    writeFileSync(file, mutated.text);
    return { ran: await run() };
  } finally {
    restoreLive();
  }
}

/** What runs for a mutant: its own command, or its vitest files. */
export function commandFor(mutant: Mutant): string[] {
  if (mutant.command?.length) return [...mutant.command];
  return ['npx', 'vitest', 'run', '--reporter=dot', ...(mutant.tests ?? [])];
}

export function report(results: readonly Result[]): string {
  const rows = results.map((r) => [
    r.outcome.toUpperCase(),
    r.mutant.id,
    `${r.seconds.toFixed(1)} s`,
    r.note,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), 0));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell))
      .join('  ')
      .trimEnd(),
  );
  return [...lines, summaryLine(results)].join('\n');
}

export function summaryLine(results: readonly Result[]): string {
  const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
  const ratio = results.length === 0 ? 0 : (100 * count('killed')) / results.length;
  return `${count('killed')} killed, ${count('survived')} survived, ${count('stale')} stale (kill ratio ${ratio.toFixed(0)}%)`;
}

/**
 * A mutant's outcome from its command's exit status: 0 means its tests passed with the bug in place
 * (survived); BUILD_FAILED_EXIT means the mutated source did not build, so no test ran (stale, never
 * killed: a type error is not a test noticing); anything else, a test failed (killed).
 */
export function outcomeOfExit(code: number): { outcome: Outcome; note?: string } {
  if (code === 0) return { outcome: 'survived' };
  if (code === BUILD_FAILED_EXIT) return { outcome: 'stale', note: 'the mutated source does not build' };
  return { outcome: 'killed' };
}

/** Exit status of the whole run: only a list where every mutant was killed passes. */
export function allKilled(results: readonly Result[]): boolean {
  return results.every((r) => r.outcome === 'killed');
}
