import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultLocale, locales, type Locale } from '@/i18n/locales';
import { flatMessages, statusFiles, type StatusFile } from '@/i18n/messages';
import { stringShare } from './languageCoverage';

/**
 * Static checks over the message files, shared by the unit tests (which fail on any problem) and the
 * `npm run i18n:check` / `npm run i18n:coverage` scripts.
 */

/** Flat messages per locale, with the minority languages' status files: what the checks read. */
export interface MessageSets {
  readonly messages: Readonly<Record<Locale, ReadonlyMap<string, string>>>;
  readonly status: Partial<Record<Locale, StatusFile>>;
}

/** The portal's own message files. Tests hand the checks dirty sets of their own instead. */
export function portalMessageSets(): MessageSets {
  return {
    messages: Object.fromEntries(locales.map((l) => [l, flatMessages(l)])) as Record<
      Locale,
      Map<string, string>
    >,
    status: statusFiles,
  };
}

/** Every problem `npm run i18n:check` reports (besides keys used in code), one line each. */
export function auditProblems(sets: MessageSets): string[] {
  const source = sets.messages[defaultLocale];
  const problems: string[] = [];
  for (const key of keysAbsent(source, sets.messages.en)) problems.push(`en is missing ${key}`);
  for (const locale of locales) {
    const own = sets.messages[locale];
    for (const key of keysExtra(source, own)) problems.push(`${locale} has ${key}, which vi does not`);
    for (const key of placeholdersDiffering(source, own))
      problems.push(`${locale}: placeholders differ from vi in ${key}`);
    for (const p of statusMismatches(own, sets.status[locale])) problems.push(`${locale}: ${p}`);
  }
  return problems;
}

/** Keys present in Vietnamese but absent from a locale. */
export function missingKeys(locale: Locale): string[] {
  return keysAbsent(flatMessages(defaultLocale), flatMessages(locale));
}

function keysAbsent(source: ReadonlyMap<string, string>, own: ReadonlyMap<string, string>): string[] {
  return [...source.keys()].filter((key) => !own.has(key));
}

/** Keys a locale has that Vietnamese does not: typos or leftovers that would never be shown. */
export function orphanKeys(locale: Locale): string[] {
  return keysExtra(flatMessages(defaultLocale), flatMessages(locale));
}

function keysExtra(source: ReadonlyMap<string, string>, own: ReadonlyMap<string, string>): string[] {
  return [...own.keys()].filter((key) => !source.has(key));
}

/** ICU arguments (`{name}`, `{count, plural, …}`) must be the same set in a translation as in Vietnamese. */
export function placeholderMismatches(locale: Locale): string[] {
  return placeholdersDiffering(flatMessages(defaultLocale), flatMessages(locale));
}

function placeholdersDiffering(source: ReadonlyMap<string, string>, own: ReadonlyMap<string, string>) {
  const bad: string[] = [];
  for (const [key, text] of own) {
    const original = source.get(key);
    if (original !== undefined && !sameSet(icuArguments(original), icuArguments(text))) bad.push(key);
  }
  return bad;
}

export function icuArguments(message: string): Set<string> {
  // Top-level argument names only: `{name}`, `{name, plural, …}`; plural branches' text is ignored.
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i += 1) {
    const ch = message[i];
    if (ch === '{') {
      if (depth === 0) {
        const match = /^\{\s*([\p{L}\p{N}_]+)/u.exec(message.slice(i));
        if (match?.[1]) names.add(match[1]);
      }
      depth += 1;
    } else if (ch === '}') depth -= 1;
  }
  return names;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Problems between a minority locale's messages and its status file. */
export function statusProblems(locale: Locale): string[] {
  return statusMismatches(flatMessages(locale), statusFiles[locale]);
}

function statusMismatches(own: ReadonlyMap<string, string>, status: StatusFile | undefined): string[] {
  if (!status) return [];
  const problems: string[] = [];
  for (const key of own.keys()) if (!status.keys[key]) problems.push(`${key}: translated but has no status`);
  for (const key of Object.keys(status.keys)) if (!own.has(key)) problems.push(`${key}: status but no text`);
  return problems;
}

/** Per-locale coverage: strings in the page's own language, split into reviewed and draft. */
export function coverage(locale: Locale) {
  const { reviewed, draft, total } = stringShare(locale, [...flatMessages(defaultLocale).keys()]);
  return { locale, total, reviewed, draft, fallback: total - reviewed - draft };
}

const SOURCE_DIRS = ['app', 'components', 'lib', 'catalogue', 'i18n'];

/**
 * Message keys written literally in code (`const t = getT(locale, 'home')` then `t('title')` or
 * `t.text('title')`) that Vietnamese does not have. Keys built from catalogue ids are checked by the
 * catalogue tests instead.
 */
export function keysUsedButMissing(root: string): string[] {
  const vi = flatMessages(defaultLocale);
  const missing: string[] = [];
  for (const file of sourceFiles(root)) {
    const code = readFileSync(file, 'utf8');
    const translators = new Map<string, string>();
    for (const m of code.matchAll(/(?:const|let)\s+(\w+)\s*=\s*getT\(\s*[\w.]+\s*,\s*'([^']+)'\s*\)/g)) {
      translators.set(m[1]!, m[2]!);
    }
    for (const [name, namespace] of translators) {
      const call = new RegExp(`\\b${name}(?:\\.text|\\.isOwn)?\\(\\s*'([^']+)'`, 'g');
      for (const m of code.matchAll(call)) {
        const key = `${namespace}.${m[1]}`;
        if (!vi.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
  }
  return missing;
}

function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry)) out.push(full);
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir));
  return out;
}
