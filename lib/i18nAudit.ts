import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultLocale, locales, type Locale } from '@/i18n/locales';
import { flatMessages, statusFiles } from '@/i18n/messages';
import { stringShare } from './languageCoverage';

/**
 * Static checks over the message files, shared by the unit tests (which fail on any problem) and the
 * `npm run i18n:check` / `npm run i18n:coverage` scripts.
 */

/** Keys present in Vietnamese but absent from a locale. */
export function missingKeys(locale: Locale): string[] {
  const own = flatMessages(locale);
  return [...flatMessages(defaultLocale).keys()].filter((key) => !own.has(key));
}

/** Keys a locale has that Vietnamese does not: typos or leftovers that would never be shown. */
export function orphanKeys(locale: Locale): string[] {
  const vi = flatMessages(defaultLocale);
  return [...flatMessages(locale).keys()].filter((key) => !vi.has(key));
}

/** ICU arguments (`{name}`, `{count, plural, …}`) must be the same set in a translation as in Vietnamese. */
export function placeholderMismatches(locale: Locale): string[] {
  const vi = flatMessages(defaultLocale);
  const bad: string[] = [];
  for (const [key, text] of flatMessages(locale)) {
    const source = vi.get(key);
    if (source !== undefined && !sameSet(icuArguments(source), icuArguments(text))) bad.push(key);
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
  const status = statusFiles[locale];
  if (!status) return [];
  const own = flatMessages(locale);
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

export const allLocales = locales;
