import en from '@/messages/en.json';
import hmn from '@/messages/hmn.json';
import ium from '@/messages/ium.json';
import nut from '@/messages/nut.json';
import tyz from '@/messages/tyz.json';
import vi from '@/messages/vi.json';
import hmnStatus from '@/messages/status/hmn.json';
import iumStatus from '@/messages/status/ium.json';
import nutStatus from '@/messages/status/nut.json';
import tyzStatus from '@/messages/status/tyz.json';
import { defaultLocale, type Locale } from './locales';

/** The shape every locale is checked against: Vietnamese is the source language. */
export type Messages = typeof vi;

export type MessageTree = { readonly [key: string]: string | MessageTree };

/** Review state of one translated string; see messages/status/README.md. */
export type TranslationStatus = 'draft' | 'reviewed';

export interface StatusFile {
  readonly orthography?: string;
  readonly keys: Readonly<Record<string, { readonly status: TranslationStatus; readonly note?: string }>>;
}

export const ownMessages: Record<Locale, MessageTree> = { vi, en, hmn, tyz, ium, nut };

/**
 * Vietnamese and English are written and reviewed by the team; every string in a minority-language file
 * is listed in its status file, so a draft can never pass for a reviewed translation.
 */
export const statusFiles: Partial<Record<Locale, StatusFile>> = {
  hmn: hmnStatus as StatusFile,
  tyz: tyzStatus as StatusFile,
  ium: iumStatus as StatusFile,
  nut: nutStatus as StatusFile,
};

/** Flattens a message tree into dotted keys, e.g. `layout.skipLink`. */
export function flattenMessages(tree: MessageTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [k, v] of flattenMessages(value, path)) flat.set(k, v);
  }
  return flat;
}

/**
 * Translations published in the staff area (issue 15, docs/adr/0031), laid over the files: each instance
 * loads them from the database when what is published changes (lib/content/translations.ts), before it
 * revalidates its pages. Kept on globalThis: Next.js bundles this module more than once in one process
 * (the instrumentation hook, the pages), and all of them must see the same translations.
 */
export interface PublishedTranslation {
  readonly locale: Locale;
  readonly key: string;
  readonly text: string;
  readonly status: TranslationStatus;
}

interface Overlay {
  readonly trees: Partial<Record<Locale, MessageTree>>;
  readonly status: ReadonlyMap<string, TranslationStatus>;
  readonly flat: Map<Locale, Map<string, string>>;
}

const holder = globalThis as unknown as { motcuaTranslations?: Overlay };

function withText(tree: MessageTree, path: readonly string[], text: string): MessageTree {
  const [head, ...rest] = path;
  if (head === undefined) return tree;
  const below = tree[head];
  return {
    ...tree,
    [head]: rest.length === 0 ? text : withText(typeof below === 'object' ? below : {}, rest, text),
  };
}

/**
 * Lays `translations` over the files, replacing what was laid before. Only keys the Vietnamese file has,
 * and never Vietnamese itself: the source language stays code.
 */
export function publishTranslations(translations: readonly PublishedTranslation[]): void {
  const source = fileFlat(defaultLocale);
  const trees: Partial<Record<Locale, MessageTree>> = {};
  const status = new Map<string, TranslationStatus>();
  for (const t of translations) {
    if (t.locale === defaultLocale || !source.has(t.key)) continue;
    trees[t.locale] = withText(trees[t.locale] ?? ownMessages[t.locale], t.key.split('.'), t.text);
    status.set(`${t.locale}:${t.key}`, t.status);
  }
  holder.motcuaTranslations = { trees, status, flat: new Map() };
}

/** A locale's own messages: its file, with what the staff area published laid over it. */
export function ownTree(locale: Locale): MessageTree {
  return holder.motcuaTranslations?.trees[locale] ?? ownMessages[locale];
}

const flatFiles = new Map<Locale, Map<string, string>>();
function fileFlat(locale: Locale): Map<string, string> {
  let flat = flatFiles.get(locale);
  if (!flat) {
    flat = flattenMessages(ownMessages[locale]);
    flatFiles.set(locale, flat);
  }
  return flat;
}

/** A key's text and status in the locale's own file, before anything published is laid over it. */
export function fileTranslation(
  locale: Locale,
  key: string,
): { readonly text: string; readonly status: TranslationStatus } | undefined {
  const text = fileFlat(locale).get(key);
  if (text === undefined) return undefined;
  const reviewed =
    locale === defaultLocale || locale === 'en' || statusFiles[locale]?.keys[key]?.status === 'reviewed';
  return { text, status: reviewed ? 'reviewed' : 'draft' };
}

export function flatMessages(locale: Locale): Map<string, string> {
  const overlay = holder.motcuaTranslations;
  if (!overlay?.trees[locale]) return fileFlat(locale);
  let flat = overlay.flat.get(locale);
  if (!flat) {
    flat = flattenMessages(overlay.trees[locale]);
    overlay.flat.set(locale, flat);
  }
  return flat;
}

/** How a key will be shown in a locale: its own reviewed text, its own draft, or the Vietnamese fallback. */
export type KeySource = 'own' | 'draft' | 'fallback';

export function keySource(locale: Locale, key: string): KeySource {
  if (!flatMessages(locale).has(key)) return 'fallback';
  if (locale === defaultLocale) return 'own';
  // A published translation's own mark counts in every language, English too; the English file is the
  // team's and reviewed.
  const published = holder.motcuaTranslations?.status.get(`${locale}:${key}`);
  const status = published ?? (locale === 'en' ? 'reviewed' : statusFiles[locale]?.keys[key]?.status);
  return status === 'reviewed' ? 'own' : 'draft';
}

/** Messages for next-intl: the locale's own strings laid over the Vietnamese ones. */
export function mergedMessages(locale: Locale): MessageTree {
  return deepMerge(ownMessages[defaultLocale], ownTree(locale));
}

function deepMerge(base: MessageTree, over: MessageTree): MessageTree {
  const out: Record<string, string | MessageTree> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] = typeof value === 'object' && typeof prev === 'object' ? deepMerge(prev, value) : value;
  }
  return out;
}
