import { allLanguageCoverage, percent, type Share } from '@/lib/languageCoverage';

// `npm run i18n:coverage`: what each language has in its own words and recordings (the same figures as
// the public /<locale>/languages page). "own" counts reviewed and draft together; drafts in brackets.
const cell = (s: Share) =>
  `${percent(s.reviewed + s.draft, s.total).toFixed(1)}% (draft ${percent(s.draft, s.total).toFixed(1)}%)`;

console.table(
  allLanguageCoverage().map((c) => ({
    locale: c.locale,
    interface: cell(c.interface),
    'guide texts': cell(c.guides),
    audio: cell(c.audio),
    video: cell(c.video),
    captions: cell(c.captions),
  })),
);
