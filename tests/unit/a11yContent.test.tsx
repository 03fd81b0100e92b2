import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { procedures } from '@/catalogue';
import { findJourney } from '@/catalogue/forms/journeys';
import { recordings } from '@/catalogue/media';
import { canApplyOnline, onlineClaim } from '@/catalogue/online';
import { namedSvg } from '@/components/leaflet/Leaflet';
import { RecordingFigure } from '@/components/media/GuideMedia';
import { formatDate, formatDateTime } from '@/i18n/format';
import { locales } from '@/i18n/locales';
import { getT } from '@/i18n/translate';
import { inJourneyOrder } from '@/lib/dossierOrder';
import { qrSvg } from '@/lib/qr';

/**
 * Each text run of server-rendered markup with the language it is read in: the nearest `lang` around it.
 * Void and self-closing elements do not open a scope. Enough for React's own output, not for any HTML.
 */
function textRuns(html: string, pageLang: string): { text: string; lang: string }[] {
  const voids = new Set(['br', 'wbr', 'img', 'input', 'source', 'track', 'hr', 'meta', 'link']);
  const stack: string[] = [pageLang];
  const runs: { text: string; lang: string }[] = [];
  for (const [, close, name, attrs, text] of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) runs.push({ text, lang: stack.at(-1)! });
    else if (close) stack.pop();
    else if (!voids.has(name!.toLowerCase()) && !attrs!.endsWith('/'))
      stack.push(/\slang="([^"]+)"/.exec(attrs!)?.[1] ?? stack.at(-1)!);
  }
  return runs;
}

describe('fragments in another language carry their own lang (WCAG 3.1.2)', () => {
  it('hmn: "Tiếng Việt" and "(bản nháp)" inside Hmong sentences are marked lang="vi"', () => {
    const vietnamese = ['Tiếng Việt', 'bản nháp'];
    let seen = 0;
    for (const recording of recordings.filter((r) => r.language === 'vi')) {
      const html = renderToStaticMarkup(<RecordingFigure recording={recording} locale="hmn" />);
      for (const run of textRuns(html, 'hmn')) {
        if (!vietnamese.some((words) => run.text.includes(words))) continue;
        seen += 1;
        expect(run.lang, `"${run.text}" in ${recording.id}`).toBe('vi');
      }
    }
    // The recordings include a Vietnamese video with a draft Hmong transcript: both fragments occur.
    expect(seen).toBeGreaterThanOrEqual(2);
  });
});

describe("the leaflet's QR code", () => {
  it('is an image named after what it opens, on the <svg> itself', async () => {
    const svg = namedSvg(
      await qrSvg('https://motcua.example/q/ksh'),
      'Mã QR mở https://motcua.example/q/ksh',
    );
    expect(svg).toMatch(/^<svg\b[^>]* role="img" aria-label="Mã QR mở https:\/\/motcua\.example\/q\/ksh"/);
    expect(svg).toContain('<title>Mã QR mở https://motcua.example/q/ksh</title>');
    expect(namedSvg('<svg viewBox="0 0 1 1"></svg>', 'a "b" <c> & d')).toContain(
      'aria-label="a &quot;b&quot; &lt;c&gt; &amp; d"',
    );
  });
});

describe('a guide promises online only what the portal has', () => {
  it.each(procedures.map((p) => [p.id, p] as const))('%s', (id, procedure) => {
    const claim = onlineClaim(procedure);
    expect(canApplyOnline(procedure)).toBe(findJourney(id) !== undefined);
    if (claim === 'full' || claim === 'partial')
      expect(findJourney(id), `${id} says "${claim}"`).toBeDefined();
    if (!findJourney(id) && (procedure.online.value as string) !== 'in-person') expect(claim).toBe('not-yet');
    if (findJourney(id)) expect(claim).toBe(procedure.online.value);
    // Every claim has its words in every language.
    for (const locale of locales) expect(getT(locale, 'procedure').text(`online.${claim}`)).not.toBe('');
  });
  it('the three parts of the birth bundle that have no journey of their own say "not yet online"', () => {
    for (const id of ['register-permanent-residence', 'issue-child-health-insurance-card']) {
      expect(onlineClaim(procedures.find((p) => p.id === id)!)).toBe('not-yet');
    }
  });
});

describe('one date format per locale', () => {
  const moment = new Date('2026-12-02T06:08:00Z'); // 13:08 in Asia/Ho_Chi_Minh
  const expected: Record<string, [string, string]> = {
    vi: ['2 tháng 12, 2026', '2 tháng 12, 2026, 13:08'],
    en: ['December 2, 2026', 'December 2, 2026, 13:08'],
    hmn: ['2 tháng 12, 2026', '2 tháng 12, 2026, 13:08'],
    tyz: ['2 tháng 12, 2026', '2 tháng 12, 2026, 13:08'],
    ium: ['2 tháng 12, 2026', '2 tháng 12, 2026, 13:08'],
    nut: ['2 tháng 12, 2026', '2 tháng 12, 2026, 13:08'],
  };
  it.each(locales.map((l) => [l] as const))(
    '%s: a date and a date with its time write the date alike',
    (locale) => {
      expect(formatDate(moment, locale)).toBe(expected[locale]![0]);
      expect(formatDateTime(moment, locale)).toBe(expected[locale]![1]);
      expect(formatDateTime(moment, locale).startsWith(formatDate(moment, locale))).toBe(true);
      expect(formatDateTime(moment, locale)).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    },
  );
});

describe("a submission's dossiers in its journey's order", () => {
  it("the birth bundle's three dossiers, whatever order the database returned them in", () => {
    const rows = ['issue-child-health-insurance-card', 'register-permanent-residence', 'register-birth'].map(
      (procedureId) => ({ procedureId }),
    );
    expect(inJourneyOrder('birth-bundle', rows).map((r) => r.procedureId)).toEqual(
      findJourney('birth-bundle')!.procedures,
    );
  });
});
