import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';
import sharp from 'sharp';
import type { Question } from '@/catalogue/forms/types';
import { MAX_UPLOAD_BYTES } from './uploadLimits';

export { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from './uploadLimits';

export type AcceptedMime = 'image/jpeg' | 'image/png' | 'application/pdf';

/**
 * Decoding stops above this many pixels (sharp's `limitInputPixels`, checked from the header before any
 * pixel is decoded): a 30000×30000 PNG of a few kilobytes would otherwise need 2.7 GB. 64 megapixels is
 * above any phone camera (the largest write 50 MP, 8160×6144).
 */
export const MAX_IMAGE_PIXELS = 64_000_000;

/** Re-encoded photos fit in this box: a document stays legible, and the province gets a modest file. */
const MAX_IMAGE_SIDE = 3000;

/** The type a file claims to be by its first bytes; only a hint of what to decode it as (see checkUpload). */
export function sniffMime(bytes: Uint8Array): AcceptedMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // "%PDF-"
  return null;
}

export type UploadRefusal =
  | 'file-empty'
  | 'file-too-big'
  | 'file-type'
  | 'required-file'
  | 'file-unreadable'
  | 'file-pixels'
  | 'file-pdf-active';

export type UploadCheck =
  | { ok: true; mime: AcceptedMime; bytes: Uint8Array; sha256: string; name: string }
  | { ok: false; key: UploadRefusal };

/**
 * A file is accepted only when a real decoder reads it whole: photos are decoded and re-encoded (so what is
 * stored and sent is pixels we produced, never the bytes we were given), PDFs are parsed object by object.
 */
export async function checkUpload(file: File | null): Promise<UploadCheck> {
  if (!file || file.size === 0) return { ok: false, key: file && file.name ? 'file-empty' : 'required-file' };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, key: 'file-too-big' };
  const given = new Uint8Array(await file.arrayBuffer());
  const claimed = sniffMime(given);
  if (!claimed) return { ok: false, key: 'file-type' };
  const judged = claimed === 'application/pdf' ? await checkPdf(given) : await reencodeImage(given, claimed);
  if (!judged.ok) return judged;
  const name = cleanFileName(file.name, judged.mime);
  const { bytes, mime } = judged;
  return { ok: true, mime, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), name };
}

type Judged = { ok: true; mime: AcceptedMime; bytes: Uint8Array } | { ok: false; key: UploadRefusal };

/**
 * Decode under the pixel limit, apply the EXIF orientation (`rotate()`), flatten transparency, and write a
 * fresh JPEG. sharp writes no metadata unless asked, so EXIF — with the GPS position phones record — and
 * any bytes smuggled after the image data are gone.
 */
export async function reencodeImage(bytes: Uint8Array, claimed: 'image/jpeg' | 'image/png'): Promise<Judged> {
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
  let format: string | undefined;
  try {
    ({ format } = await image.metadata());
  } catch (error) {
    return { ok: false, key: refusalFor(error) };
  }
  // The magic bytes and the decoder must agree: sharp also reads SVG, GIF, TIFF, WebP…, which we do not take.
  if (format !== (claimed === 'image/jpeg' ? 'jpeg' : 'png')) return { ok: false, key: 'file-type' };
  try {
    const out = await image
      .rotate()
      .resize(MAX_IMAGE_SIDE, MAX_IMAGE_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
    return { ok: true, mime: 'image/jpeg', bytes: new Uint8Array(out) };
  } catch (error) {
    return { ok: false, key: refusalFor(error) };
  }
}

/** sharp refuses an image over `limitInputPixels` from its header, before decoding a pixel. */
const refusalFor = (error: unknown): UploadRefusal =>
  /exceeds pixel limit/i.test(String(error)) ? 'file-pixels' : 'file-unreadable';

/** Names that make a PDF act when opened: scripts, launched programs, submitted or imported data. */
const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'AA', 'Launch', 'EmbeddedFiles', 'RichMedia', 'XFA']);
const ACTIVE_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'ImportData',
  'SubmitForm',
  'GoToE',
  'RichMediaExecute',
]);

/**
 * A PDF must parse (pdf-lib reads the cross-reference table and the compressed object streams), and no
 * object in it may hold a script, an automatic action, a launch or an embedded file. Every indirect object
 * is walked, with its nested dictionaries and arrays, so an action hidden in an object stream or reached
 * through /OpenAction, /Names or a page's /Annots is found all the same. Names are compared decoded
 * (`/J#53` is `/JS`). The file is stored as given: we refuse what we cannot vouch for rather than rewrite it.
 */
export async function checkPdf(bytes: Uint8Array): Promise<Judged> {
  let doc: PDFDocument;
  try {
    // Encrypted PDFs are refused: their streams, object streams included, cannot be read to be checked.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    if (doc.getPageCount() === 0) return { ok: false, key: 'file-unreadable' };
  } catch {
    return { ok: false, key: 'file-unreadable' };
  }
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (isActive(object)) return { ok: false, key: 'file-pdf-active' };
  }
  return { ok: true, mime: 'application/pdf', bytes };
}

function isActive(object: PDFObject, depth = 0): boolean {
  if (depth > 64) return true; // Nesting no real document has: refuse rather than recurse without end.
  if (object instanceof PDFRawStream) return isActive(object.dict, depth + 1);
  if (object instanceof PDFArray) return object.asArray().some((item) => isActive(item, depth + 1));
  if (!(object instanceof PDFDict)) return false;
  for (const [key, value] of object.entries()) {
    const name = key.decodeText();
    if (ACTIVE_KEYS.has(name)) return true;
    if (name === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(value.decodeText())) return true;
    // References are visited as indirect objects of their own; only direct values are walked here.
    if (!(value instanceof PDFRef) && isActive(value, depth + 1)) return true;
  }
  return false;
}

/**
 * The name is shown to its owner and sent to the province as the document's title. Path parts, control
 * characters (C0, C1) and the invisible direction marks are removed: with U+202E, "photo\u202Egpj.exe"
 * shows as "photoexe.jpg". A photo re-encoded from PNG is named .jpg.
 */
export function cleanFileName(given: string, mime: AcceptedMime): string {
  const base = (given.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim();
  const renamed = mime === 'image/jpeg' ? base.replace(/\.png$/i, '.jpg') : base;
  return renamed.slice(0, 120) || 'file';
}

/** The row to store for an accepted upload: an ID-card photo keeps its question's sensitive flag. */
export function uploadRecord(
  question: Extract<Question, { kind: 'file' }>,
  draftId: string,
  checked: Extract<UploadCheck, { ok: true }>,
) {
  return {
    draftId,
    questionId: question.id,
    fileName: checked.name,
    mimeType: checked.mime,
    size: checked.bytes.byteLength,
    sha256: checked.sha256,
    content: checked.bytes,
    sensitive: question.sensitive ?? false,
  };
}
