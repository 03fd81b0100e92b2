import type { Database } from '@/db/client';
import { publishedContent, type Published } from '@/db/queries/content';
import {
  flatMessages,
  publishTranslations,
  type PublishedTranslation,
  type TranslationStatus,
} from '@/i18n/messages';
import { defaultLocale, isLocale, type Locale } from '@/i18n/locales';
import { hasControlCharacters } from '@/catalogue/forms/text';
import { messageProblem, type MessageProblem } from '@/lib/translationCsv';

/**
 * Interface and guide texts translated in the staff area (issue 15, docs/adr/0031): content items of kind
 * `translation`, keyed by the message key, with the language as the item's locale; the value is the text
 * and its translation status (draft: nobody fluent has checked it; reviewed). A translation goes through
 * review like a fact; once published it is laid over the message files (i18n/messages.ts) on every
 * instance. The checks are the CSV import's (lib/translationCsv.ts), so the two roads refuse the same
 * broken messages.
 */

export const TRANSLATION_KIND = 'translation';

export const TRANSLATION_LIMITS = { maxText: 4000, maxNote: 300 } as const;

export interface TranslationValue {
  readonly text: string;
  readonly status: TranslationStatus;
}

/** The languages translated here: every portal language but the source, Vietnamese. */
export function isTranslatedLanguage(value: unknown): value is Exclude<Locale, 'vi'> {
  return isLocale(value) && value !== defaultLocale;
}

/** The Vietnamese source of a message key, or undefined for a key the portal does not have. */
export function sourceText(key: string): string | undefined {
  return sourceFlat().get(key);
}

// The source is the file's, never an overlay's: Vietnamese is not translated here.
let source: Map<string, string> | undefined;
function sourceFlat(): Map<string, string> {
  source ??= new Map(flatMessages(defaultLocale));
  return source;
}

/**
 * The groups a translator works through, one page each: a message key's first part (`home`), two for the
 * large ones (`apply.questions`), three in the catalogue (`catalogue.procedures.register-birth`).
 */
export function sectionOf(key: string): string {
  const parts = key.split('.');
  const depth = parts[0] === 'catalogue' ? 3 : parts[0] === 'apply' || parts[0] === 'staff' ? 2 : 1;
  return parts.slice(0, Math.min(depth, parts.length - 1)).join('.') || parts[0]!;
}

/** Every section, in the Vietnamese file's order, with its keys. */
export function translationSections(): ReadonlyMap<string, readonly string[]> {
  const sections = new Map<string, string[]>();
  for (const key of sourceFlat().keys()) {
    const section = sectionOf(key);
    const keys = sections.get(section) ?? [];
    keys.push(key);
    sections.set(section, keys);
  }
  return sections;
}

export type TranslationError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long' }
  | { readonly kind: 'control' }
  | { readonly kind: 'status' }
  | { readonly kind: 'note' }
  | MessageProblem;

export type ParsedTranslation =
  | { readonly ok: true; readonly value: TranslationValue; readonly note: string }
  | { readonly ok: false; readonly error: TranslationError };

/** A translator's form for one key: the text, its status and an optional note, checked as the import is. */
export function parseTranslationForm(
  key: string,
  form: { readonly text: string; readonly status: string; readonly note: string },
): ParsedTranslation {
  const original = sourceText(key);
  if (original === undefined) throw new Error(`no such message key: ${key}`);
  // Line ends as a browser sends them (CRLF) are the file's LF; outer spaces are never meant.
  const text = form.text.replace(/\r\n?/g, '\n').trim();
  if (!text) return { ok: false, error: { kind: 'empty' } };
  if (text.length > TRANSLATION_LIMITS.maxText) return { ok: false, error: { kind: 'too-long' } };
  // Line breaks are text; any other control character (NUL, a direction override) never is.
  if (hasControlCharacters(text, true)) return { ok: false, error: { kind: 'control' } };
  if (form.status !== 'draft' && form.status !== 'reviewed') return { ok: false, error: { kind: 'status' } };
  const note = form.note.trim().replace(/\s+/g, ' ');
  if (note.length > TRANSLATION_LIMITS.maxNote || hasControlCharacters(note)) {
    return { ok: false, error: { kind: 'note' } };
  }
  const problem = messageProblem(text, original);
  if (problem) return { ok: false, error: problem };
  return { ok: true, value: { text, status: form.status }, note };
}

/** Whether a stored value is a translation that may be shown for `key`: the same checks as on entry. */
export function isTranslationValue(key: string, value: unknown): value is TranslationValue {
  const v = value as Partial<TranslationValue> | null;
  const original = sourceText(key);
  return (
    original !== undefined &&
    typeof v === 'object' &&
    v !== null &&
    typeof v.text === 'string' &&
    v.text.trim() !== '' &&
    v.text.length <= TRANSLATION_LIMITS.maxText &&
    !hasControlCharacters(v.text, true) &&
    (v.status === 'draft' || v.status === 'reviewed') &&
    messageProblem(v.text, original) === null
  );
}

/** The published revisions that can be laid over the files; anything else stays unshown. */
export function toTranslations(published: readonly Published[]): PublishedTranslation[] {
  return published.flatMap((p) =>
    isTranslatedLanguage(p.locale) && isTranslationValue(p.key, p.value)
      ? [{ locale: p.locale, key: p.key, text: p.value.text, status: p.value.status }]
      : [],
  );
}

/** Reads what is published and lays it over this process's messages: before its pages are revalidated. */
export async function loadTranslations(db: Database): Promise<number> {
  const translations = toTranslations(await publishedContent(db, TRANSLATION_KIND));
  publishTranslations(translations);
  return translations.length;
}
