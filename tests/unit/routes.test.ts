import { describe, expect, it } from 'vitest';
import { lifeEvents, procedures } from '@/catalogue';
import { isKnownPath, safeReturnPath } from '@/lib/routes';
import { paths } from '@/lib/paths';

const segments = (path: string) => path.split('?')[0]!.split('/').filter(Boolean);

describe('route table used by the proxy', () => {
  it('knows every page the portal links to', () => {
    expect(isKnownPath(segments(paths.home()))).toBe(true);
    expect(isKnownPath(segments(paths.search('sinh con')))).toBe(true);
    for (const e of lifeEvents) expect(isKnownPath(segments(paths.lifeEvent(e.id))), e.id).toBe(true);
    for (const p of procedures) {
      expect(isKnownPath(segments(paths.procedure(p.id))), p.id).toBe(true);
      expect(isKnownPath(segments(paths.apply(p.id))), p.id).toBe(true);
    }
  });

  it('knows the application pages, checking journey and question ids', () => {
    expect(isKnownPath(['apply', 'resume'])).toBe(true);
    expect(isKnownPath(['apply', 'birth-bundle'])).toBe(true);
    expect(isKnownPath(['apply', 'birth-bundle', 'check'])).toBe(true);
    expect(isKnownPath(segments(paths.inProgress('birth-bundle')))).toBe(true);
    expect(isKnownPath(['apply', 'birth-bundle', 'elsewhere'])).toBe(false);
    expect(isKnownPath(['apply', 'birth-bundle', 'q', 'child-name'])).toBe(true);
    expect(isKnownPath(['apply', 'birth-bundle', 'q', 'no-such-question'])).toBe(false);
    expect(isKnownPath(['apply', 'register-permanent-residence'])).toBe(false);
    expect(isKnownPath(['receipts', 'ABCD2345'])).toBe(true);
    expect(isKnownPath(['receipts', 'ABCD0000'])).toBe(false);
    expect(isKnownPath(['track', 'ABCD2345', 'x'])).toBe(false);
  });

  it('knows leaflets (with an optional place), screens and the languages page', () => {
    for (const guide of [
      { kind: 'procedure' as const, id: 'register-birth' },
      { kind: 'life-event' as const, id: 'having-a-baby' },
    ]) {
      expect(isKnownPath(segments(paths.leaflet(guide)))).toBe(true);
      expect(isKnownPath(segments(paths.leaflet(guide, 'cho-phien')))).toBe(true);
      expect(isKnownPath([...segments(paths.leaflet(guide)), 'Bad Place'])).toBe(false);
      expect(isKnownPath([...segments(paths.leaflet(guide, 'a')), 'b'])).toBe(false);
    }
    expect(isKnownPath(['procedures', 'nope', 'leaflet'])).toBe(false);
    expect(isKnownPath(segments(paths.screen('nam-dan-1')))).toBe(true);
    expect(isKnownPath(['screens'])).toBe(false);
    expect(isKnownPath(segments(paths.languages()))).toBe(true);
    expect(isKnownPath(segments(paths.helperApp()))).toBe(true);
    expect(isKnownPath(['helper', 'x'])).toBe(false);
  });

  it('knows the staff pages, a desk dossier by its reference’s shape, and nothing else under staff', () => {
    for (const path of [
      paths.staffSignIn(),
      paths.staffAccount(),
      paths.staffAssist(),
      paths.staffSlips(),
      paths.staffDesk('lo thi my'),
      paths.staffDossier('ABCD2345'),
      paths.staffAudit(),
      paths.staffTeam(),
      paths.staffDevice(),
      paths.staffContent(),
      paths.staffFact('register-birth', 'fee'),
      paths.staffFact('register-marriage', 'nationalCode'),
      paths.staffReview(),
      paths.staffDevice('a-token'),
    ]) {
      expect(isKnownPath(segments(path)), path).toBe(true);
    }
    expect(isKnownPath(['staff', 'desk', 'ABCD0000'])).toBe(false);
    expect(isKnownPath(['staff', 'desk', 'ABCD2345', 'x'])).toBe(false);
    expect(isKnownPath(['staff', 'assist', 'other'])).toBe(false);
    expect(isKnownPath(['staff', 'audit', 'x'])).toBe(false);
    expect(isKnownPath(['staff', 'nope'])).toBe(false);
    expect(isKnownPath(['staff', 'content', 'register-birth'])).toBe(false);
    expect(isKnownPath(['staff', 'content', 'nope', 'fee'])).toBe(false);
    expect(isKnownPath(['staff', 'content', 'register-birth', 'colour'])).toBe(false);
    expect(isKnownPath(['staff', 'content', 'register-birth', 'fee', 'x'])).toBe(false);
    expect(isKnownPath(['staff', 'review', 'x'])).toBe(false);
  });

  it('rejects unknown ids and extra segments', () => {
    expect(isKnownPath(['life-events', 'nope'])).toBe(false);
    expect(isKnownPath(['procedures', 'nope'])).toBe(false);
    expect(isKnownPath(['procedures', 'register-birth', 'nope'])).toBe(false);
    expect(isKnownPath(['search', 'x'])).toBe(false);
    expect(isKnownPath(['life-events'])).toBe(false);
    expect(isKnownPath(['_unmatched'])).toBe(false);
  });
});

describe('safeReturnPath', () => {
  it('keeps a page of this portal in this locale, with its query', () => {
    expect(safeReturnPath('en', '/en/apply/register-birth/q/child-name?change=1')).toBe(
      '/en/apply/register-birth/q/child-name?change=1',
    );
    expect(safeReturnPath('vi', '/vi/apply/resume')).toBe('/vi/apply/resume');
  });

  it('refuses other sites, other locales, unknown pages and itself', () => {
    for (const from of [
      '//evil.example/vi',
      'https://evil.example/vi/apply/resume',
      '/\\evil.example',
      '/en/apply/resume',
      '/vi/no-such-page',
      '/vi/form-expired',
      'javascript:alert(1)',
      undefined,
      ['/vi'],
      `/vi/${'a'.repeat(600)}`,
    ]) {
      expect(safeReturnPath('vi', from), String(from)).toBeNull();
    }
  });
});
