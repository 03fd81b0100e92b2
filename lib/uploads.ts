import { createHash } from 'node:crypto';

/** The cap stated on every upload page. A phone photo is 1–4 MB; a scanned PDF page less. */
export const MAX_UPLOAD_MB = 5;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

export type AcceptedMime = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The type a file really is, from its first bytes; the name and the browser's claimed type are ignored. */
export function sniffMime(bytes: Uint8Array): AcceptedMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // "%PDF-"
  return null;
}

export type UploadCheck =
  | { ok: true; mime: AcceptedMime; bytes: Uint8Array; sha256: string; name: string }
  | { ok: false; key: 'file-empty' | 'file-too-big' | 'file-type' | 'required-file' };

export async function checkUpload(file: File | null): Promise<UploadCheck> {
  if (!file || file.size === 0) return { ok: false, key: file && file.name ? 'file-empty' : 'required-file' };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, key: 'file-too-big' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = sniffMime(bytes);
  if (!mime) return { ok: false, key: 'file-type' };
  // The name is only shown back to its owner; strip path parts and control characters all the same.
  const name =
    (file.name.split(/[\\/]/).pop() ?? 'file').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120) || 'file';
  return { ok: true, mime, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), name };
}
