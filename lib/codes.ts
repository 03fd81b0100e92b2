import { randomInt } from 'node:crypto';
import { CODE_ALPHABET } from './codeAlphabet';

export { CODE_ALPHABET, TRACKING_KEY_LENGTH } from './codeAlphabet';

export function randomCode(length = 8): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** "ABCD2345" → "ABCD-2345", easier to read back over the phone. */
export function formatCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** What a person typed ("abcd 2345", "ABCD-2345") → the stored form, or null if it cannot be a code. */
export function parseCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== 8) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}
