import { randomUUID } from 'node:crypto';
import { readFile, rm, truncate } from 'node:fs/promises';
import path from 'node:path';
import { FileStore } from '@tus/file-store';
import { Server, type Upload } from '@tus/server';
import { findJourney } from '@/catalogue/forms/journeys';
import type { Database } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { deleteFilesFor, storeFile } from '@/db/queries/files';
import { findSubmissionByDraft } from '@/db/queries/submissions';
import { isLocale } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';
import { photoUploadId, SHA256_HEX } from './helperApp/uploadId';
import { syncingDevice } from './offlineSync';
import { deviceOf } from './staff/devices';
import { checkUpload, MAX_UPLOAD_BYTES } from './uploads';

/**
 * A helper device's photos, one resumable upload each (the tus protocol through @tus/server, docs/adr/0029),
 * so a 3 MB photo survives a 3G link that keeps dropping: the parts wait on disk, and only a complete
 * file is decoded and re-encoded by the same check as the online form's (lib/uploads.ts) and stored for
 * its dossier (the client UUID) and question. The dossier's sync then finds it there.
 */
export const UPLOAD_PATH = '/api/helper/v1/uploads';

const UUID = /^[0-9a-f-]{36}$/;

/** How long an upload may take to finish, and how long a finished one's tombstone answers. */
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;

interface Refusal {
  status_code: number;
  body: string;
}

function refusal(status: number, error: string, locale: string, message?: string): Refusal {
  const language = isLocale(locale) ? locale : 'vi';
  const text = message ?? getT(language, 'helperApp.sync').text(error as KeyIn<'helperApp.sync'>);
  return { status_code: status, body: JSON.stringify({ error, message: text }) };
}

/** The helper app names its language in a header, since tus requests after the first carry no query. */
const localeOf = (request: Request) => request.headers.get('x-helper-locale') ?? 'vi';

/** Metadata a photo must carry: its dossier's client UUID and a file question of that journey. */
function target(
  upload: Upload,
): { clientId: string; questionId: string; name: string; sensitive: boolean } | null {
  const { clientId, journeyId, questionId, filename } = upload.metadata ?? {};
  if (!clientId || !UUID.test(clientId) || !journeyId || !questionId) return null;
  const question = findJourney(journeyId)
    ?.sections.flatMap((s) => s.questions)
    .find((q) => q.id === questionId && q.kind === 'file');
  if (!question || question.kind !== 'file') return null;
  return { clientId, questionId, name: filename ?? 'photo.jpg', sensitive: question.sensitive === true };
}

export function helperUploadServer(database: () => Promise<Database>, directory: string): Server {
  // A day to finish an upload; what is left after that (and every finished upload's tombstone) goes.
  const datastore = new FileStore({ directory, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
  const server: Server = new Server({
    path: UPLOAD_PATH,
    datastore,
    maxSize: MAX_UPLOAD_BYTES,
    // Never a Location built from the request's Host (docs/adr/0016).
    relativeLocation: true,
    respectForwardedHeaders: false,
    // The id the device worked out too (lib/helperApp/uploadId.ts), when it says which photo this is.
    namingFunction: async (_request, metadata) => {
      const { clientId, questionId, sha256 } = metadata ?? {};
      return clientId && UUID.test(clientId) && questionId && sha256 && SHA256_HEX.test(sha256)
        ? photoUploadId(clientId, questionId, sha256)
        : randomUUID().replaceAll('-', '');
    },
    async onIncomingRequest(request) {
      const found = await syncingDevice(await database(), deviceOf(request));
      if ('refused' in found) {
        throw refusal(found.refused === 'device-revoked' ? 403 : 401, found.refused, localeOf(request));
      }
    },
    async onUploadCreate(request, upload) {
      const photo = target(upload);
      if (!photo) throw refusal(400, 'malformed', localeOf(request));
      // A dossier already committed keeps its photos: another one under its UUID is a conflict.
      if (await findSubmissionByDraft(await database(), photo.clientId)) {
        throw refusal(409, 'conflict', localeOf(request));
      }
      return {};
    },
    async onUploadFinish(request, upload) {
      const photo = target(upload)!;
      const file = path.join(directory, upload.id);
      const bytes = await readFile(file);
      const checked = await checkUpload(new File([bytes], photo.name));
      // Its bytes leave the parts directory once read, before anything can fail, and a tombstone of its
      // length (zeros, sparse) stays: a device whose answer was lost asks how far it got and hears
      // "complete" instead of sending the whole photo again. If what follows fails, the upload is forgotten
      // altogether, so the retry starts afresh from the photo the device still holds.
      await truncate(file, 0);
      await truncate(file, upload.size ?? 0);
      void server.cleanUpExpiredUploads().catch(() => 0);
      try {
        return await keep(request, photo, checked);
      } catch (error) {
        await Promise.all([rm(file, { force: true }), rm(`${file}.json`, { force: true })]);
        throw error;
      }
    },
  });
  return server;

  async function keep(
    request: Request,
    photo: NonNullable<ReturnType<typeof target>>,
    checked: Awaited<ReturnType<typeof checkUpload>>,
  ) {
    const locale = localeOf(request);
    if (!checked.ok) {
      const language = isLocale(locale) ? locale : 'vi';
      const message = getT(language, 'apply.errors').text(checked.key as KeyIn<'apply.errors'>, {
        field: getT(language, 'apply.questions').text(
          `${photo.questionId}.short` as KeyIn<'apply.questions'>,
        ),
        max: MAX_UPLOAD_BYTES / 1024 / 1024,
      });
      throw refusal(422, checked.key, locale, message);
    }
    const db = await database();
    const found = await syncingDevice(db, deviceOf(request));
    if ('refused' in found) throw refusal(403, found.refused, locale);
    // The photo of this question: the last complete one (a retaken photo replaces the first), in one
    // transaction with its audit entry (which device sent what, never the photo itself).
    const fileId = await db.transaction(async (tx) => {
      await deleteFilesFor(tx, photo.clientId, photo.questionId);
      const stored = await storeFile(tx, {
        draftId: photo.clientId,
        questionId: photo.questionId,
        fileName: checked.name,
        mimeType: checked.mime,
        size: checked.bytes.byteLength,
        sha256: checked.sha256,
        content: checked.bytes,
        sensitive: photo.sensitive,
      });
      await recordAudit(tx, {
        action: 'photo-received',
        actorId: found.device.userId,
        deviceId: found.device.id,
        detail: { clientId: photo.clientId, questionId: photo.questionId, bytes: checked.bytes.byteLength },
      });
      return stored;
    });
    return { headers: { 'Upload-File-Id': fileId } };
  }
}
