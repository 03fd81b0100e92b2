import { parse as parseIcu, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { flattenMessages, type MessageTree, type StatusFile, type TranslationStatus } from '@/i18n/messages';

/**
 * The translators' spreadsheet round trip (issue 5): one row per message key with the Vietnamese source,
 * the current text, its status (draft / reviewed) and a note. Import checks the whole file first and
 * writes nothing if any row would break a message: unknown or repeated keys, ICU syntax errors,
 * arguments that differ from the Vietnamese, a plural without its `other` form, an unknown status.
 */

export const CSV_COLUMNS = ['key', 'vietnamese', 'text', 'status', 'note'] as const;

export function exportCsv(source: MessageTree, own: MessageTree, status: StatusFile): string {
  const texts = flattenMessages(own);
  const rows = [...flattenMessages(source)].map(([key, vietnamese]) => [
    key,
    vietnamese,
    texts.get(key) ?? '',
    texts.has(key) ? (status.keys[key]?.status ?? 'draft') : '',
    status.keys[key]?.note ?? '',
  ]);
  // A byte-order mark so spreadsheet programs open the file as UTF-8 (Vietnamese diacritics).
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows])}`;
}

export class TranslationImportError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The file was not imported; nothing was changed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

interface Shape {
  /** Arguments by name, and tags (`<b>`) as next-intl reads them, which must match the Vietnamese too. */
  readonly args: Map<string, 'plain' | 'plural' | 'select' | 'other' | 'tag'>;
  readonly pluralsWithoutOther: string[];
}

function shapeOf(message: string): Shape {
  const args: Shape['args'] = new Map();
  const pluralsWithoutOther: string[] = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) args.set(el.value, 'plain');
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        args.set(el.value, el.type === TYPE.plural ? 'plural' : 'select');
        if (!('other' in el.options)) pluralsWithoutOther.push(el.value);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        args.set(`<${el.value}>`, 'tag');
        walk(el.children);
      } else if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
        args.set(el.value, 'other');
    }
  };
  // Tags parsed as next-intl parses them: `<b>` in a text is markup it renders, or fails on.
  walk(parseIcu(message));
  return { args, pluralsWithoutOther };
}

/** `{count, plural} {name}`: the arguments in a stable order, to compare and to show translators. */
const describe = (args: Shape['args']) =>
  [...args]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, kind]) => (kind === 'tag' ? name : kind === 'plain' ? `{${name}}` : `{${name}, ${kind}}`))
    .join(' ') || 'none';

/** What is wrong with a translated message against its Vietnamese original, or null: the import's checks. */
export type MessageProblem =
  | { readonly kind: 'syntax'; readonly code: string }
  | { readonly kind: 'no-other'; readonly argument: string }
  | { readonly kind: 'placeholders'; readonly expected: string; readonly found: string };

/** A message's placeholders as a translator must keep them, e.g. `{count, plural} {name}`, or 'none'. */
export function placeholdersOf(message: string): string {
  return describe(shapeOf(message).args);
}

export function messageProblem(text: string, original: string): MessageProblem | null {
  let translated: Shape;
  try {
    translated = shapeOf(text);
  } catch (error) {
    const code = (error as Error).message;
    return code === 'MISSING_OTHER_CLAUSE' ? { kind: 'no-other', argument: '' } : { kind: 'syntax', code };
  }
  const expected = describe(shapeOf(original).args);
  const found = describe(translated.args);
  if (found !== expected) return { kind: 'placeholders', expected, found };
  const [argument] = translated.pluralsWithoutOther;
  return argument === undefined ? null : { kind: 'no-other', argument };
}

function problemText(problem: MessageProblem): string {
  switch (problem.kind) {
    case 'syntax':
      return `the text is not a valid message (${problem.code}; check the braces)`;
    case 'no-other':
      return problem.argument
        ? `{${problem.argument}, plural} needs an "other" form`
        : 'a plural or select needs an "other" form';
    case 'placeholders':
      return `placeholders must be ${problem.expected} as in Vietnamese, found ${problem.found}`;
  }
}

export function importCsv(
  csv: string,
  source: MessageTree,
  existing: StatusFile,
): { messages: MessageTree; status: StatusFile; translated: number } {
  const vietnamese = flattenMessages(source);
  const problems: string[] = [];
  let rows: string[][];
  try {
    rows = parseCsv(csv.replace(/^\uFEFF/, ''), { relax_column_count: false, skip_empty_lines: true });
  } catch (error) {
    throw new TranslationImportError([`not a readable CSV file: ${(error as Error).message}`]);
  }
  const [header, ...body] = rows;
  if (!header || header.join(',') !== CSV_COLUMNS.join(',')) {
    throw new TranslationImportError([`the first row must be: ${CSV_COLUMNS.join(', ')}`]);
  }
  const seen = new Set<string>();
  const texts = new Map<string, string>();
  const keys: Record<string, { status: TranslationStatus; note?: string }> = {};
  body.forEach(([key = '', , text = '', status = '', note = ''], index) => {
    const where = `row ${index + 2} (${key || 'no key'})`;
    const original = vietnamese.get(key);
    if (original === undefined) return problems.push(`${where}: no such message key`);
    if (seen.has(key)) return problems.push(`${where}: the key appears twice`);
    seen.add(key);
    if (!text.trim()) return;
    if (status !== 'draft' && status !== 'reviewed' && status !== '') {
      return problems.push(`${where}: status must be "draft" or "reviewed", not "${status}"`);
    }
    const problem = messageProblem(text, original);
    if (problem) return problems.push(`${where}: ${problemText(problem)}`);
    texts.set(key, text);
    keys[key] = { status: status === 'reviewed' ? 'reviewed' : 'draft', ...(note ? { note } : {}) };
  });
  if (problems.length) throw new TranslationImportError(problems);

  // Rebuilt in the Vietnamese file's order, so diffs stay small.
  const messages: Record<string, unknown> = {};
  for (const key of vietnamese.keys()) {
    const text = texts.get(key);
    if (text === undefined) continue;
    const parts = key.split('.');
    let node = messages;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = text;
  }
  return {
    messages: messages as MessageTree,
    status: { ...(existing.orthography ? { orthography: existing.orthography } : {}), keys },
    translated: texts.size,
  };
}
