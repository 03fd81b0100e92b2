import zlib from 'node:zlib';
import { eq } from 'drizzle-orm';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findQuestion } from '@/catalogue/forms/flow';
import { findJourney } from '@/catalogue/forms/journeys';
import { connect } from '@/db/client';
import { createDraft } from '@/db/queries/drafts';
import { storeFile } from '@/db/queries/files';
import { uploadedFiles } from '@/db/schema';
import { seed } from '@/db/seed';
import { randomCode } from '@/lib/codes';
import { checkUpload, cleanFileName, MAX_UPLOAD_BYTES, uploadRecord } from '@/lib/uploads';
import { databaseTargets } from '../support/db';

// Uploads are judged by decoding them, not by their first bytes (issue 13, item 7).

const asFile = (bytes: Uint8Array | Buffer, name: string) => new File([new Uint8Array(bytes)], name);

async function refusal(bytes: Uint8Array | Buffer, name = 'upload.bin') {
  const checked = await checkUpload(asFile(bytes, name));
  return checked.ok ? 'accepted' : checked.key;
}

/** A phone photo: a real JPEG with GPS coordinates and a camera model in its EXIF. */
async function photoWithGps() {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a6' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '22/1 49/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '104/1 59/1 0/1',
      },
    })
    .toBuffer();
}

async function pdfWith(build?: (doc: PDFDocument) => void, options?: { useObjectStreams: boolean }) {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  build?.(doc);
  return doc.save(options);
}

const javascriptAction = (doc: PDFDocument) =>
  doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') });

describe('photos are decoded and re-encoded', () => {
  it('stores a photo without its EXIF and GPS position', async () => {
    const given = await photoWithGps();
    expect((await sharp(given).metadata()).exif).toBeDefined(); // the fixture really carries it
    const checked = await checkUpload(asFile(given, 'giay-khai-sinh.jpg'));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.mime).toBe('image/jpeg');
    const stored = await sharp(checked.bytes).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    const text = Buffer.from(checked.bytes).toString('latin1');
    expect(text).not.toContain('Exif');
    expect(text).not.toContain('PhoneMaker');
  });

  it('applies the EXIF orientation before dropping it', async () => {
    const sideways = await sharp({ create: { width: 80, height: 40, channels: 3, background: '#fff' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const checked = await checkUpload(asFile(sideways, 'a.jpg'));
    if (!checked.ok) throw new Error(checked.key);
    const stored = await sharp(checked.bytes).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([40, 80, undefined]);
  });

  it('writes a PNG out as a JPEG named .jpg', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: '#0000' } })
      .png()
      .toBuffer();
    const checked = await checkUpload(asFile(png, 'scan.PNG'));
    if (!checked.ok) throw new Error(checked.key);
    expect([checked.mime, checked.name]).toEqual(['image/jpeg', 'scan.jpg']);
    expect(Buffer.from(checked.bytes).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('refuses a 3-byte "JPEG"', async () => {
    expect(await refusal(Buffer.from([0xff, 0xd8, 0xff]), 'a.jpg')).toBe('file-unreadable');
  });

  it('refuses PNG magic followed by HTML', async () => {
    const html = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('<html><script>alert(1)</script></html>'),
    ]);
    expect(await refusal(html, 'a.png')).toBe('file-unreadable');
  });

  // Building 900 megapixels of zeros through deflate takes seconds on a busy machine.
  it('refuses a 30000×30000 PNG decompression bomb without decoding it', { timeout: 60_000 }, async () => {
    const bytes = await pngBomb(30000, 30000);
    expect(bytes.byteLength).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await refusal(bytes, 'bomb.png')).toBe('file-pixels');
  });

  it('refuses an SVG, GIF or WebP whatever its name says', async () => {
    const webp = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
      .webp()
      .toBuffer();
    expect(await refusal(webp, 'a.jpg')).toBe('file-type');
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.png')).toBe(
      'file-type',
    );
  });
});

/**
 * A real, valid 8-bit grey PNG of width×height black pixels: 900 megapixels in under 1 MB, since deflate
 * squeezes zeros about a thousand to one.
 */
async function pngBomb(width: number, height: number) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const deflate = zlib.createDeflate({ level: 9 });
  const compressed: Buffer[] = [];
  deflate.on('data', (part: Buffer) => compressed.push(part));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const rows = Buffer.alloc((width + 1) * 1000); // each row: filter byte 0, then zeros
  for (let written = 0; written < height; written += 1000) deflate.write(rows);
  deflate.end();
  await ended;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(compressed)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PDFs are parsed and refused when they act on opening', () => {
  it('accepts a plain PDF, stored as given', async () => {
    const plain = await pdfWith();
    const checked = await checkUpload(asFile(plain, 'to-khai.pdf'));
    expect(checked.ok && checked.mime).toBe('application/pdf');
  });

  it('refuses a PDF that does not parse', async () => {
    expect(await refusal(Buffer.from('%PDF-1.7\n<html>not a pdf</html>'), 'a.pdf')).toBe('file-unreadable');
  });

  it('refuses JavaScript run by /OpenAction', async () => {
    const pdf = await pdfWith((doc) =>
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(javascriptAction(doc))),
    );
    expect(await refusal(pdf, 'a.pdf')).toBe('file-pdf-active');
  });

  it('refuses JavaScript hidden in a compressed object stream', async () => {
    const pdf = await pdfWith(
      (doc) => doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(javascriptAction(doc))),
      { useObjectStreams: true },
    );
    // The action is not readable in the file's bytes: only a parser that opens object streams finds it.
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('/JavaScript');
    expect(await refusal(pdf, 'a.pdf')).toBe('file-pdf-active');
  });

  it('refuses document-level scripts in the /Names tree', async () => {
    const pdf = await pdfWith((doc) => {
      const scripts = doc.context.obj({
        Names: [PDFString.of('x'), doc.context.register(javascriptAction(doc))],
      });
      doc.catalog.set(PDFName.of('Names'), doc.context.obj({ JavaScript: scripts }));
    });
    expect(await refusal(pdf, 'a.pdf')).toBe('file-pdf-active');
  });

  it('refuses a launch action and automatic /AA actions on a page', async () => {
    const launch = await pdfWith((doc) =>
      doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'Launch', F: PDFString.of('cmd.exe') })),
    );
    expect(await refusal(launch, 'a.pdf')).toBe('file-pdf-active');
    const aa = await pdfWith((doc) =>
      doc
        .getPage(0)
        .node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.obj({ S: 'Named', N: 'NextPage' }) })),
    );
    expect(await refusal(aa, 'a.pdf')).toBe('file-pdf-active');
  });

  it('refuses a hex-escaped /J#53 key', async () => {
    const pdf = Buffer.from(
      await pdfWith((doc) => doc.catalog.set(PDFName.of('OpenAction'), javascriptAction(doc)), {
        useObjectStreams: false,
      }),
    );
    const escaped = Buffer.from(pdf.toString('latin1').replace('/JS ', '/J#53 '), 'latin1');
    expect(escaped.toString('latin1')).toContain('/J#53');
    expect(await refusal(escaped, 'a.pdf')).toBe('file-pdf-active');
  });
});

describe('file names', () => {
  it('removes direction overrides, isolates, marks and control characters', () => {
    expect(cleanFileName('photo\u202Egpj.exe', 'application/pdf')).toBe('photogpj.exe');
    expect(cleanFileName('a\u2066b\u2069c\u200ed\u200f.pdf', 'application/pdf')).toBe('abcd.pdf');
    expect(cleanFileName('x\u0000y\u001bz\u0085\u009f.pdf', 'application/pdf')).toBe('xyz.pdf');
    expect(cleanFileName('C:\\Users\\an\\Giấy khai sinh.pdf', 'application/pdf')).toBe('Giấy khai sinh.pdf');
    expect(cleanFileName('\u202E\u202D', 'application/pdf')).toBe('file');
  });

  it('cleans the name of an accepted upload', async () => {
    const checked = await checkUpload(asFile(await pdfWith(), 'photo\u202Egpj.exe'));
    expect(checked.ok && checked.name).toBe('photogpj.exe');
  });
});

describe.each(databaseTargets)('stored uploads on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
  });
  afterAll(() => conn.close());

  it('stores an ID-card photo as sensitive, and a birth notice not', async () => {
    const draft = await createDraft(db, {
      sessionHash: 'u'.repeat(64),
      journeyId: 'certify-marital-status',
      journeyVersion: 1,
      resumeCode: randomCode(),
      lifetimeDays: 30,
    });
    const checked = await checkUpload(asFile(await photoWithGps(), 'cccd.jpg'));
    if (!checked.ok) throw new Error(checked.key);
    const idCard = findQuestion(findJourney('certify-marital-status')!, 'id-card-photo')!.question;
    const notice = findQuestion(findJourney('birth-bundle')!, 'birth-notice')!.question;
    if (idCard.kind !== 'file' || notice.kind !== 'file') throw new Error('not file questions');
    const idCardId = await storeFile(db, uploadRecord(idCard, draft.id, checked));
    const noticeId = await storeFile(db, uploadRecord(notice, draft.id, checked));
    const [idRow] = await db.select().from(uploadedFiles).where(eq(uploadedFiles.id, idCardId));
    const [noticeRow] = await db.select().from(uploadedFiles).where(eq(uploadedFiles.id, noticeId));
    expect(idRow?.sensitive).toBe(true);
    expect(noticeRow?.sensitive).toBe(false);
    expect(Buffer.from(idRow!.content).toString('latin1')).not.toContain('Exif');
  });
});
