import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { mergedMessages } from './messages';
import { routing } from './routing';

// Pages translate through i18n/translate.tsx, which adds the `lang="vi"` fallback wrapping and the
// formatting locale; this config serves next-intl's own hooks (the error page) with the same messages.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: mergedMessages(locale), timeZone: 'Asia/Ho_Chi_Minh' };
});
