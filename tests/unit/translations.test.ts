import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { connect } from '@/db/client';
import { decideRevision, draftRevision, inReviewByKey } from '@/db/queries/content';
import { auditEvents, contentRevisions } from '@/db/schema';
import { fileTranslation, flatMessages, keySource, publishTranslations } from '@/i18n/messages';
import { getT } from '@/i18n/translate';
import {
  isTranslationValue,
  loadTranslations,
  parseTranslationForm,
  sectionOf,
  toTranslations,
  TRANSLATION_KIND,
  translationSections,
} from '@/lib/content/translations';
import { languageCoverage } from '@/lib/languageCoverage';
import { isKnownPath } from '@/lib/routes';
import { languagesWhere } from '@/lib/staff/roles';
import { databaseTargets } from '../support/db';

// Translations written in the staff area (issue 15, docs/adr/0031): checked as the CSV import checks,
// laid over the message files once published, shown by the pages and counted on the languages page.

const form = (text: string, status = 'reviewed', note = '') => ({ text, status, note });
// A key with a placeholder, and one with a plural (messages/vi.json).
const withPlaceholder = 'staff.translations.sentDone';
const withPlural = 'staff.content.reviewLink';

afterEach(() => publishTranslations([]));

describe('a translator’s form', () => {
  it('keeps a text whose placeholders are the Vietnamese ones', () => {
    expect(
      parseTranslationForm(withPlaceholder, form('  Xúng duyệt {key}.\r\nMí  ', 'draft', ' x  y ')),
    ).toEqual({
      ok: true,
      value: { text: 'Xúng duyệt {key}.\nMí', status: 'draft' },
      note: 'x y',
    });
  });

  it('refuses a changed placeholder, saying which it needs and which it found', () => {
    expect(parseTranslationForm(withPlaceholder, form('Xúng duyệt {khoá}.'))).toEqual({
      ok: false,
      error: { kind: 'placeholders', expected: '{key}', found: '{khoá}' },
    });
    expect(parseTranslationForm(withPlaceholder, form('Xúng duyệt.'))).toMatchObject({
      error: { kind: 'placeholders', found: 'none' },
    });
  });

  it('refuses broken braces, a plural without "other", no text, no status, a long note', () => {
    expect(parseTranslationForm(withPlaceholder, form('Xúng {key'))).toMatchObject({
      error: { kind: 'syntax' },
    });
    expect(parseTranslationForm(withPlural, form('{count, plural, =0 {Mí}}'))).toMatchObject({
      error: { kind: 'no-other' },
    });
    expect(parseTranslationForm(withPlaceholder, form('   '))).toEqual({
      ok: false,
      error: { kind: 'empty' },
    });
    expect(parseTranslationForm(withPlaceholder, form('{key}', 'final'))).toEqual({
      ok: false,
      error: { kind: 'status' },
    });
    expect(parseTranslationForm(withPlaceholder, form('{key}', 'draft', 'x'.repeat(301)))).toEqual({
      ok: false,
      error: { kind: 'note' },
    });
    expect(parseTranslationForm(withPlaceholder, form(`{key}${'x'.repeat(4000)}`))).toEqual({
      ok: false,
      error: { kind: 'too-long' },
    });
  });

  it('refuses markup the Vietnamese has not, and invisible control characters', () => {
    // next-intl reads `<b>` as a tag: a page would show the key instead of the text.
    expect(parseTranslationForm(withPlaceholder, form('Xúng <b>{key}</b>'))).toMatchObject({
      error: { kind: 'placeholders', expected: '{key}', found: '<b> {key}' },
    });
    expect(parseTranslationForm(withPlaceholder, form('Nhấn <Enter> {key}'))).toMatchObject({
      error: { kind: 'syntax' },
    });
    for (const control of ['\u0000', '\u202E', '\u0007']) {
      expect(parseTranslationForm(withPlaceholder, form(`Xúng${control} {key}`))).toEqual({
        ok: false,
        error: { kind: 'control' },
      });
      expect(parseTranslationForm(withPlaceholder, form('{key}', 'draft', `x${control}`))).toEqual({
        ok: false,
        error: { kind: 'note' },
      });
    }
    // A line break is text.
    expect(parseTranslationForm(withPlaceholder, form('Xúng\n{key}')).ok).toBe(true);
    expect(isTranslationValue(withPlaceholder, { text: 'Xúng\u0000 {key}', status: 'reviewed' })).toBe(false);
  });

  it('groups keys into sections a page can hold', () => {
    expect(sectionOf('home.title')).toBe('home');
    expect(sectionOf('apply.questions.child-name.label')).toBe('apply.questions');
    expect(sectionOf('catalogue.procedures.register-birth.title')).toBe(
      'catalogue.procedures.register-birth',
    );
    const sections = translationSections();
    expect([...sections.values()].flat().length).toBe(flatMessages('vi').size);
    expect(Math.max(...[...sections.values()].map((keys) => keys.length))).toBeLessThanOrEqual(300);
  });
});

describe('published translations', () => {
  it('are shown by the pages in their language, as reviewed or draft', () => {
    const key = 'home.title';
    expect(keySource('tyz', key)).toBe('fallback');
    const hmong = getT('hmn', 'home').text('title');
    publishTranslations([
      { locale: 'tyz', key, text: 'Mừng mà', status: 'reviewed' },
      { locale: 'tyz', key: 'home.intro', text: 'Nẳm', status: 'draft' },
    ]);
    expect(getT('tyz', 'home').text('title')).toBe('Mừng mà');
    expect(keySource('tyz', key)).toBe('own');
    expect(keySource('tyz', 'home.intro')).toBe('draft');
    // Other languages and the files are untouched.
    expect(getT('hmn', 'home').text('title')).toBe(hmong);
    expect(fileTranslation('tyz', key)).toBeUndefined();
    // Publishing again replaces what was laid before.
    publishTranslations([]);
    expect(keySource('tyz', key)).toBe('fallback');
  });

  it('keep their draft mark in English too', () => {
    expect(keySource('en', 'home.title')).toBe('own');
    publishTranslations([{ locale: 'en', key: 'home.title', text: 'What do you need?', status: 'draft' }]);
    expect(keySource('en', 'home.title')).toBe('draft');
  });

  it('never change Vietnamese, nor add a key the portal does not have', () => {
    const vietnamese = getT('vi', 'home').text('title');
    publishTranslations([
      { locale: 'vi', key: 'home.title', text: 'Đổi', status: 'reviewed' },
      { locale: 'tyz', key: 'home.nope', text: 'Mí', status: 'reviewed' },
    ]);
    expect(getT('vi', 'home').text('title')).toBe(vietnamese);
    expect(flatMessages('tyz').has('home.nope')).toBe(false);
  });

  it('raise the language’s coverage', () => {
    const before = languageCoverage('tyz').interface;
    publishTranslations([
      { locale: 'tyz', key: 'home.title', text: 'Mừng mà', status: 'reviewed' },
      { locale: 'tyz', key: 'home.intro', text: 'Nẳm', status: 'draft' },
    ]);
    const after = languageCoverage('tyz').interface;
    expect(after.reviewed).toBe(before.reviewed + 1);
    expect(after.draft).toBe(before.draft + 1);
  });

  it('leave out a stored value that would break its message', () => {
    expect(isTranslationValue(withPlaceholder, { text: 'Xúng {khoá}', status: 'reviewed' })).toBe(false);
    expect(isTranslationValue(withPlaceholder, { text: 'Xúng {key}', status: 'final' })).toBe(false);
    expect(isTranslationValue('home.nope', { text: 'Mí', status: 'reviewed' })).toBe(false);
    const published = (locale: string, key: string, value: unknown) => ({
      key,
      locale,
      value,
      source: null,
      checkedOn: null,
      publishedAt: new Date(),
    });
    expect(
      toTranslations([
        published('tyz', withPlaceholder, { text: 'Xúng {key}', status: 'reviewed' }),
        published('tyz', withPlaceholder, { text: 'Xúng {khoá}', status: 'reviewed' }),
        published('vi', withPlaceholder, { text: 'Xúng {key}', status: 'reviewed' }),
        published('xx', withPlaceholder, { text: 'Xúng {key}', status: 'reviewed' }),
      ]),
    ).toEqual([{ locale: 'tyz', key: withPlaceholder, text: 'Xúng {key}', status: 'reviewed' }]);
  });
});

describe('who translates where', () => {
  it('a translator for Tày translates Tày only', () => {
    const grants = [{ role: 'translator' as const, communeId: null, language: 'tyz' }];
    expect(languagesWhere(grants, 'content:translate', ['vi', 'hmn', 'tyz', 'en'])).toEqual(['tyz']);
    expect(
      languagesWhere([{ role: 'reviewer', communeId: null, language: null }], 'content:translate', ['tyz']),
    ).toEqual([]);
  });

  it('has a page per language but Vietnamese', () => {
    expect(isKnownPath(['staff', 'translations'])).toBe(true);
    expect(isKnownPath(['staff', 'translations', 'tyz'])).toBe(true);
    expect(isKnownPath(['staff', 'translations', 'vi'])).toBe(false);
    expect(isKnownPath(['staff', 'translations', 'xx'])).toBe(false);
  });
});

describe.each(databaseTargets)('translations in the database on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  const run = `${process.pid}${Date.now().toString(36)}`;
  const translator = `translator-${run}`;
  const reviewer = `reviewer-${run}`;
  const key = 'home.title';
  const locale = 'tyz';

  beforeAll(() => conn.migrate());
  afterAll(() => conn.close());

  it('a translation is sent as it is written, audited, and laid over the files once approved', async () => {
    const sent = await draftRevision(db, {
      kind: TRANSLATION_KIND,
      key,
      locale,
      value: { text: `Mừng mà ${run}`, status: 'reviewed' },
      note: '',
      authorId: translator,
      submit: true,
    });
    expect(sent.state).toBe('in-review');
    expect(sent.submittedAt).not.toBeNull();
    expect((await inReviewByKey(db, TRANSLATION_KIND, locale)).get(key)?.id).toBe(sent.id);
    expect((await inReviewByKey(db, TRANSLATION_KIND, 'hmn')).has(key)).toBe(false);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorId, translator));
    expect(audit.map((a) => a.action).sort()).toEqual(['content-drafted', 'content-submitted']);

    await loadTranslations(db);
    expect(getT('tyz', 'home').text('title')).not.toBe(`Mừng mà ${run}`);
    expect((await decideRevision(db, { revisionId: sent.id, reviewerId: reviewer, approve: true })).ok).toBe(
      true,
    );
    expect(await loadTranslations(db)).toBeGreaterThan(0);
    expect(getT('tyz', 'home').text('title')).toBe(`Mừng mà ${run}`);
    expect(keySource('tyz', key)).toBe('own');
    expect((await inReviewByKey(db, TRANSLATION_KIND, locale)).has(key)).toBe(false);
    // Nothing of it was changed on the way.
    const [stored] = await db.select().from(contentRevisions).where(eq(contentRevisions.id, sent.id));
    expect(stored?.value).toEqual({ text: `Mừng mà ${run}`, status: 'reviewed' });
  });
});
