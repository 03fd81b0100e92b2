/**
 * What a typed value becomes before anything judges or stores it (docs/adr/0018). One function, used by
 * every form read (lib/formData.ts) and again by the validators, so what is validated is exactly what is
 * stored and sent to the province.
 */

// Characters that draw nothing: zero-width space/joiners (U+200B–U+200D), word joiner (U+2060), the BOM
// (U+FEFF), the Mongolian vowel separator (U+180E), soft hyphen, variation selectors, Hangul fillers, tags…
// Copied from Zalo or a web page they ride along unseen, so they are removed, never shown in an error the
// person could not act on. Bidi embeddings, overrides and isolates are default-ignorable too, but they
// can make text read differently from what it holds: they are kept here, and refused as control characters.
const BIDI_CONTROL = '\u202A-\u202E\u2066-\u2069';
const INVISIBLE = new RegExp(`(?![${BIDI_CONTROL}])\\p{Default_Ignorable_Code_Point}`, 'gu');

/**
 * C0/C1 control characters (NUL among them: PostgreSQL's jsonb refuses it), Unicode line and paragraph
 * separators and the bidi controls. Tabs and newlines are allowed only where a question is multi-line.
 */
export const CONTROL = new RegExp(
  `[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u2028\\u2029${BIDI_CONTROL}]`,
  'u',
);
export const CONTROL_INLINE = new RegExp(
  `[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029${BIDI_CONTROL}]`,
  'u',
);
const CONTROL_ALL = new RegExp(CONTROL.source, 'gu');

/**
 * Canonical text: lone surrogates (which no UTF-8 body can carry, and PostgreSQL refuses) replaced by
 * U+FFFD, composed to NFC (a phone's keyboard may send "Nguyễn" as e + two combining marks), invisible
 * characters removed. Control characters are left in, for the validators to refuse.
 */
export function normaliseText(value: string): string {
  return value.toWellFormed().normalize('NFC').replace(INVISIBLE, '');
}

/** Whether the text holds a control character, allowing tabs and newlines if `multiline`. */
export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? CONTROL : CONTROL_INLINE).test(value);
}

/** Canonical text without control characters (tabs and newlines kept): a refused value kept to show again. */
export function displayableText(value: string): string {
  return normaliseText(value).replace(CONTROL_ALL, '');
}
