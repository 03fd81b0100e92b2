import type { Mutant } from './types';

const tests = ['tests/unit/uploads.test.ts'];

const mutants: Mutant[] = [
  {
    id: 'uploads-no-pixel-limit',
    description: 'images decoded without a pixel limit (a 30000×30000 PNG bomb is decoded)',
    file: 'lib/uploads.ts',
    find: 'limitInputPixels: MAX_IMAGE_PIXELS',
    replace: 'limitInputPixels: false',
    tests,
  },
  {
    id: 'uploads-no-reencode',
    description: 'photos stored as given instead of re-encoded (EXIF and GPS kept, trailing bytes kept)',
    file: 'lib/uploads.ts',
    find: "return { ok: true, mime: 'image/jpeg', bytes: new Uint8Array(out) };",
    replace: 'return { ok: true, mime: claimed, bytes };',
    tests,
  },
  {
    id: 'uploads-pdf-script-allowed',
    description: 'PDF objects not checked for scripts and actions',
    file: 'lib/uploads.ts',
    find: "if (isActive(object)) return { ok: false, key: 'file-pdf-active' };",
    replace: 'void object;',
    tests,
  },
  {
    id: 'uploads-name-bidi-kept',
    description: 'file names keep direction overrides and isolates (only C0 stripped, as before)',
    file: 'lib/uploads.ts',
    find: ".replace(/[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]/g, '')",
    replace: ".replace(/[\\u0000-\\u001f\\u007f]/g, '')",
    tests,
  },
  {
    id: 'uploads-not-sensitive',
    description: 'uploads stored as not sensitive, whatever the question says',
    file: 'lib/uploads.ts',
    find: 'sensitive: question.sensitive ?? false,',
    replace: 'sensitive: false,',
    tests,
  },
];

export default mutants;
