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

const flatOwn = new Map<Locale, Map<string, string>>();
export function flatMessages(locale: Locale): Map<string, string> {
  let flat = flatOwn.get(locale);
  if (!flat) {
    flat = flattenMessages(ownMessages[locale]);
    flatOwn.set(locale, flat);
  }
  return flat;
}

/** How a key will be shown in a locale: its own reviewed text, its own draft, or the Vietnamese fallback. */
export type KeySource = 'own' | 'draft' | 'fallback';

export function keySource(locale: Locale, key: string): KeySource {
  if (!flatMessages(locale).has(key)) return 'fallback';
  if (locale === defaultLocale || locale === 'en') return 'own';
  return statusFiles[locale]?.keys[key]?.status === 'reviewed' ? 'own' : 'draft';
}

/** Messages for next-intl: the locale's own strings laid over the Vietnamese ones. */
export function mergedMessages(locale: Locale): MessageTree {
  return deepMerge(ownMessages[defaultLocale], ownMessages[locale]);
}

function deepMerge(base: MessageTree, over: MessageTree): MessageTree {
  const out: Record<string, string | MessageTree> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] = typeof value === 'object' && typeof prev === 'object' ? deepMerge(prev, value) : value;
  }
  return out;
}
