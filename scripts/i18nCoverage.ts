import { allLocales, coverage } from '@/lib/i18nAudit';

// `npm run i18n:coverage`: how much of the interface each language shows in its own words.
const rows = allLocales.map((locale) => {
  const c = coverage(locale);
  const pct = (n: number) => `${((100 * n) / c.total).toFixed(1)}%`;
  return {
    locale,
    strings: c.total,
    reviewed: pct(c.reviewed),
    draft: pct(c.draft),
    'Vietnamese fallback': pct(c.fallback),
  };
});
console.table(rows);
