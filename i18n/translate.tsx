import {
  createTranslator,
  type MessageKeys,
  type NamespaceKeys,
  type NestedKeyOf,
  type NestedValueOf,
} from 'next-intl';
import type { ReactNode } from 'react';
import { defaultLocale, formattingLocale, type Locale } from './locales';
import { flatMessages, keySource, ownTree, type Messages } from './messages';

export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
export type KeyIn<NS extends Namespace> = MessageKeys<
  NestedValueOf<Messages, NS>,
  NestedKeyOf<NestedValueOf<Messages, NS>>
>;
export type Values = Record<string, string | number>;

type LooseTranslator = ((key: string, values?: Values) => string) & {
  rich: (key: string, values: RichValues) => ReactNode;
};
/** Values that are elements: a language's name in its own `lang`, say, inside a sentence of another. */
export type RichValues = Record<string, ReactNode>;

function translator(messageLanguage: Locale, intlLocale: Locale, namespace: string): LooseTranslator {
  // The translator gets the *formatting* locale, so plural rules and `{n, number}` follow Vietnamese
  // conventions on Hmong, Tày, Dao and Nùng pages instead of falling back to en-US.
  return createTranslator({
    locale: formattingLocale(intlLocale),
    messages: ownTree(messageLanguage) as Messages,
    namespace: namespace as Namespace,
  }) as unknown as LooseTranslator;
}

export interface Translate<NS extends Namespace> {
  /** Text for the page body: a Vietnamese fallback comes wrapped in `<span lang="vi">` (WCAG 3.1.2). */
  (key: KeyIn<NS>, values?: Values): ReactNode;
  /**
   * Like the call, with values that may be elements: a fragment in another language keeps its own
   * `lang` inside the sentence (WCAG 3.1.2), e.g. "Tiếng Việt" in a Hmong sentence. Give elements a `key`.
   */
  rich(key: KeyIn<NS>, values: RichValues): ReactNode;
  /** Plain text for attributes and `<title>`, where no element can carry `lang`. */
  text(key: KeyIn<NS>, values?: Values): string;
  /** Whether the key is shown in the page's own language (reviewed or draft). */
  isOwn(key: KeyIn<NS>): boolean;
}

export function getT<NS extends Namespace>(locale: Locale, namespace: NS): Translate<NS> {
  const own = translator(locale, locale, namespace);
  const fallback = translator(defaultLocale, locale, namespace);
  const isOwn = (key: string) => keySource(locale, `${namespace}.${key}`) !== 'fallback';
  const text = (key: string, values?: Values) => (isOwn(key) ? own(key, values) : fallback(key, values));
  const t = (key: string, values?: Values): ReactNode =>
    isOwn(key) ? own(key, values) : <span lang={defaultLocale}>{fallback(key, values)}</span>;
  const rich = (key: string, values: RichValues): ReactNode =>
    isOwn(key) ? own.rich(key, values) : <span lang={defaultLocale}>{fallback.rich(key, values)}</span>;
  return Object.assign(t, { text, rich, isOwn }) as Translate<NS>;
}

/** Whether any key under the given prefixes is shown as a draft or as Vietnamese fallback in `locale`. */
export function translationGaps(
  locale: Locale,
  prefixes: readonly string[],
): { draft: boolean; fallback: boolean } {
  let draft = false;
  let fallback = false;
  for (const key of flatMessages(defaultLocale).keys()) {
    if (!prefixes.some((p) => key === p || key.startsWith(`${p}.`))) continue;
    const source = keySource(locale, key);
    if (source === 'draft') draft = true;
    if (source === 'fallback') fallback = true;
  }
  return { draft, fallback };
}
