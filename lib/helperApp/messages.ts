import { journeys } from '@/catalogue/forms/journeys';
import { defaultLocale, type Locale } from '@/i18n/locales';
import { flatMessages, keySource } from '@/i18n/messages';
import { getT, type Namespace } from '@/i18n/translate';
import { provinceStatuses } from '@/lib/provinceStatus';

/**
 * The words the helper app shows, resolved on the server for one language (docs/adr/0029): every
 * question's label, hint, short name and options, the online form's error messages (as templates: their
 * `{field}` is filled in the browser), the consent text, the procedures' names and the app's own words.
 * A Vietnamese fallback is marked with its language, so the app can give it `lang="vi"` (WCAG 3.1.2).
 */
export type ClientMessages = Record<string, { readonly text: string; readonly lang?: string }>;

const placeholders = (template: string) => [
  ...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)),
];

export function helperMessages(locale: Locale): ClientMessages {
  const out: ClientMessages = {};
  const add = (namespace: Namespace, key: string, as: string) => {
    const full = `${namespace}.${key}`;
    const raw = flatMessages(defaultLocale).get(full);
    if (raw === undefined) return;
    // Templates stay templates: each placeholder is given back as itself.
    const values = Object.fromEntries(placeholders(raw).map((name) => [name, `{${name}}`]));
    const text = getT(locale, namespace).text(key as never, values);
    out[as] = keySource(locale, full) === 'fallback' ? { text, lang: defaultLocale } : { text };
  };
  for (const key of flatMessages(defaultLocale).keys()) {
    if (key.startsWith('helperApp.')) add('helperApp', key.slice('helperApp.'.length), key);
    if (key.startsWith('apply.errors.') && !key.endsWith('titlePrefix'))
      add('apply.errors', key.slice('apply.errors.'.length), key);
  }
  for (const status of Object.values(provinceStatuses)) add('apply.track.status', status, `status.${status}`);
  for (const part of ['title', 'intro', 'what', 'why', 'law'])
    add('apply.consent', part, `apply.consent.${part}`);
  for (const journey of journeys) {
    add('catalogue.procedures', `${journey.id}.title`, `procedure.${journey.id}`);
    for (const section of journey.sections) {
      for (const question of section.questions) {
        for (const part of ['label', 'hint', 'short']) {
          add('apply.questions', `${question.id}.${part}`, `q.${question.id}.${part}`);
        }
        if (question.kind === 'choice') {
          for (const option of question.options) {
            add('apply.questions', `${question.id}.options.${option}`, `q.${question.id}.options.${option}`);
          }
        }
      }
    }
  }
  return out;
}
