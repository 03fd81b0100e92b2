import { describe, expect, it } from 'vitest';
import { normalise, searchCatalogue } from '@/catalogue/search';
import { buildSearchDocuments } from '@/lib/searchIndex';

const documents = buildSearchDocuments(['vi', 'en']);
const top = (query: string) => searchCatalogue(query, documents)[0]?.id;
const ids = (query: string) => searchCatalogue(query, documents).map((h) => h.id);

describe('plain-words search', () => {
  it('strips tone marks and folds đ', () => {
    expect(normalise('Giấy KHAI SINH, đăng ký!')).toBe('giay khai sinh dang ky');
  });

  it('finds having a baby from everyday words', () => {
    expect(top('sinh con')).toBe('having-a-baby');
    expect(top('đẻ')).toBe('having-a-baby');
    expect(ids('giấy khai sinh').slice(0, 3)).toContain('register-birth');
  });

  it('finds a death in the family with or without tone marks', () => {
    expect(top('chết')).toBe('death-in-the-family');
    expect(top('chet')).toBe('death-in-the-family');
  });

  it('finds English words too', () => {
    expect(top('baby')).toBe('having-a-baby');
    expect(ids('marriage').slice(0, 2)).toContain('getting-married');
  });

  it('finds nothing for nonsense or an empty query', () => {
    expect(ids('xyzzy qwerty')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('<script>alert(1)</script>')).toEqual([]);
  });
});
