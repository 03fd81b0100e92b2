import { describe, expect, it } from 'vitest';
import { flattenMessages, ownMessages, statusFiles } from '@/i18n/messages';
import { exportCsv, importCsv, TranslationImportError } from '@/lib/translationCsv';

const source = ownMessages.vi;
const rowOf = (csv: string, key: string) => csv.split('\n').find((line) => line.startsWith(`${key},`))!;

describe('translation spreadsheets', () => {
  it('export then import gives back the same messages and statuses, for every minority language', () => {
    for (const locale of ['hmn', 'tyz', 'ium', 'nut'] as const) {
      const csv = exportCsv(source, ownMessages[locale], statusFiles[locale]!);
      const result = importCsv(csv, source, statusFiles[locale]!);
      expect(flattenMessages(result.messages)).toEqual(flattenMessages(ownMessages[locale]));
      expect(result.status.keys).toEqual(statusFiles[locale]!.keys);
    }
  });

  it('takes a translator’s new rows, plurals included, as drafts unless marked reviewed', () => {
    const csv = exportCsv(source, ownMessages.tyz, statusFiles.tyz!)
      .replace(rowOf(exportCsv(source, {}, { keys: {} }), 'home.title'), 'home.title,x,Mì rì pây?,,')
      .replace(
        /^apply\.errors\.titlePrefix,.*$/m,
        'apply.errors.titlePrefix,x,"({count, plural, other {# lỗi}})",reviewed,checked by A. Reviewer',
      );
    const result = importCsv(csv, source, statusFiles.tyz!);
    const flat = flattenMessages(result.messages);
    expect(flat.get('home.title')).toBe('Mì rì pây?');
    expect(result.status.keys['home.title']).toEqual({ status: 'draft' });
    expect(result.status.keys['apply.errors.titlePrefix']).toEqual({
      status: 'reviewed',
      note: 'checked by A. Reviewer',
    });
    expect(result.translated).toBe(flattenMessages(ownMessages.tyz).size + 2);
  });

  it('refuses a file that would break a message, naming the key, and changes nothing', () => {
    const base = exportCsv(source, {}, { keys: {} });
    const broken = base
      .replace(/^apply\.track\.title,.*$/m, 'apply.track\.title,x,Tình trạng {ref},draft,')
      .replace(
        /^apply\.errors\.titlePrefix,.*$/m,
        'apply.errors.titlePrefix,x,"{count, plural, one {# x}}",draft,',
      )
      .replace(/^home\.title,.*$/m, 'home.title,x,"Broken {",draft,')
      .replace(/^home\.intro,.*$/m, 'home.intro,x,Ok,maybe,');
    let error: unknown;
    try {
      importCsv(`${broken}no.such.key,x,text,draft,\n`, source, { keys: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TranslationImportError);
    const problems = (error as TranslationImportError).problems.join('\n');
    expect(problems).toContain('apply.track.title');
    expect(problems).toContain('placeholders must be {reference}');
    expect(problems).toContain('apply.errors.titlePrefix');
    expect(problems).toContain('needs an "other" form');
    expect(problems).toContain('home.title');
    expect(problems).toContain('not a valid message');
    expect(problems).toContain('status must be "draft" or "reviewed"');
    expect(problems).toContain('no.such.key');
  });

  it('refuses a file without the expected columns', () => {
    expect(() => importCsv('key,text\nhome.title,x\n', source, { keys: {} })).toThrow(/first row must be/);
  });
});
