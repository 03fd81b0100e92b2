import { createHash } from 'node:crypto';
import * as z from 'zod';
import { findJourney } from '@/catalogue/forms/journeys';
import type { Answers } from '@/catalogue/forms/types';
import type { Database } from '@/db/client';
import { deviceBySecret } from '@/db/queries/devices';
import { filesOfDraft } from '@/db/queries/files';
import { commitOfflineSubmission } from '@/db/queries/offline';
import { grantsOf } from '@/db/queries/staff';
import { staffUsers, type HelperDevice, type Submission } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { isLocale, type Locale } from '@/i18n/locales';
import { getT, type KeyIn } from '@/i18n/translate';
import { channelFor, parsePlace } from './assist';
import { journeyVersion } from '@/lib/application/journeys';
import { TRACKING_KEY_PATTERN } from './codeAlphabet';
import { parseCode } from './codes';
import { trackingUrl } from './qr';
import { allows } from './staff/roles';
import { recheckAnswers, submissionFields } from '@/lib/application/rules';

/**
 * The helper app's sync (docs/adr/0029), independent of Next.js so unit tests drive it: a dossier
 * captured offline arrives as JSON under its client UUID, from an enrolled device (its cookie), and
 * passes the same rules, with the same messages, as the online form (lib/application/rules.ts). The
 * answer is a status and a JSON body the app shows the helper as it is.
 */

export const SYNC_VERSION = 1;
/** A dossier's answers are a few kilobytes; photos travel on their own. */
export const MAX_SYNC_BYTES = 64 * 1024;

const answerValue = z.union([
  z.string().max(2000),
  z.object({ day: z.string().max(4), month: z.string().max(4), year: z.string().max(6) }).strict(),
]);

export const syncPayload = z
  .object({
    clientId: z.uuid(),
    reference: z.string().max(20),
    journeyId: z.string().max(60),
    journeyVersion: z.number().int().positive(),
    answers: z.record(z.string().max(60), answerValue),
    place: z.object({ kind: z.string().max(20), name: z.string().max(200) }).strict(),
    /** The language the consent text was read aloud in, confirmed by the helper on the device. */
    consentReadIn: z.string().max(10),
    capturedAt: z.iso.datetime(),
    /**
     * The tracking key the device drew for the slip's QR code (the portal's alphabet and length), so the
     * slip printed in the village opens tracking once the dossier is in; without it, the portal draws one.
     */
    trackingKey: z.string().regex(TRACKING_KEY_PATTERN).optional(),
  })
  .strict();
export type SyncPayload = z.infer<typeof syncPayload>;

export interface SyncProblem {
  readonly questionId: string;
  readonly field: string;
  readonly message: string;
}

export type SyncResponse =
  | {
      readonly status: 200 | 201;
      readonly body: { reference: string; trackingUrl: string; submittedAt: string; duplicate: boolean };
    }
  | {
      readonly status: 400 | 401 | 403 | 409 | 413 | 422;
      readonly body: {
        error: string;
        message: string;
        problems?: SyncProblem[];
        catalogueChanged?: boolean;
      };
    };

/** The same JSON for the same content, whatever the order of its keys: what a UUID's content is. */
export function contentHash(payload: SyncPayload): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The device a request's cookie names, if enrolled, live, and its holder may still file. */
export async function syncingDevice(
  db: Database,
  cookie: { deviceId: string; secret: string } | null,
): Promise<{ device: HelperDevice } | { refused: 'unknown-device' | 'device-revoked' }> {
  const device = cookie ? await deviceBySecret(db, cookie.deviceId, cookie.secret) : null;
  if (!device) return { refused: 'unknown-device' };
  if (device.revokedAt) return { refused: 'device-revoked' };
  return { device };
}

function refusal(
  locale: Locale,
  status: 400 | 401 | 403 | 409 | 413 | 422,
  error: string,
  extra: { problems?: SyncProblem[]; catalogueChanged?: boolean } = {},
): SyncResponse {
  const t = getT(locale, 'helperApp.sync');
  return { status, body: { error, message: t.text(error as KeyIn<'helperApp.sync'>), ...extra } };
}

/**
 * One dossier from a device: parsed, checked by the online rules, committed once per client UUID with the
 * reference the device printed. The same content again: 200 and the same receipt. Other content under a
 * used UUID: 409. A revoked device: 403, said so; nothing it holds is touched.
 */
export async function syncDossier(
  db: Database,
  request: {
    cookie: { deviceId: string; secret: string } | null;
    text: string | null;
    locale: string;
    now?: Date;
  },
): Promise<SyncResponse> {
  const locale: Locale = isLocale(request.locale) ? request.locale : 'vi';
  const found = await syncingDevice(db, request.cookie);
  if ('refused' in found)
    return refusal(locale, found.refused === 'device-revoked' ? 403 : 401, found.refused);
  const { device } = found;
  if (request.text === null) return refusal(locale, 413, 'too-large');
  let json: unknown;
  try {
    json = JSON.parse(request.text);
  } catch {
    return refusal(locale, 400, 'malformed');
  }
  const parsed = syncPayload.safeParse(json);
  if (!parsed.success) return refusal(locale, 400, 'malformed');
  const payload = parsed.data;
  const journey = findJourney(payload.journeyId);
  const reference = parseCode(payload.reference);
  if (!journey) return refusal(locale, 422, 'unknown-journey');
  if (!reference) return refusal(locale, 422, 'reference');
  const place = parsePlace(payload.place.kind, payload.place.name);
  if (typeof place === 'string') return refusal(locale, 422, 'place');
  // Silence is never consent: the helper confirmed on the device that it was read aloud, in a language.
  if (!isLocale(payload.consentReadIn)) return refusal(locale, 422, 'consent');

  // A photo is never an answer in the payload: it is the file uploaded for this dossier and question
  // (lib/helperUploads.ts), checked there; a file answer sent as text is ignored.
  const fileQuestions = new Set(
    journey.sections.flatMap((section) =>
      section.questions.filter((q) => q.kind === 'file').map((q) => q.id),
    ),
  );
  const uploaded = Object.fromEntries(
    (await filesOfDraft(db, payload.clientId))
      .filter((file) => fileQuestions.has(file.questionId))
      .map((file) => [file.questionId, { fileId: file.id, name: file.fileName, size: file.size }]),
  );
  const given: Answers = {
    ...Object.fromEntries(Object.entries(payload.answers).filter(([id]) => !fileQuestions.has(id))),
    ...uploaded,
  };
  const checked = recheckAnswers(journey, given, request.now ?? new Date());
  const catalogueChanged = payload.journeyVersion !== journeyVersion(journey);
  if (checked.problems.length > 0) {
    const errors = getT(locale, 'apply.errors');
    const questions = getT(locale, 'apply.questions');
    const problems = checked.problems.flatMap(({ question, errors: list }) =>
      list.map((e) => ({
        questionId: question.id,
        field: e.field,
        message: errors.text(e.key as KeyIn<'apply.errors'>, {
          field: questions.text(`${question.id}.short` as KeyIn<'apply.questions'>),
          ...(e.values ?? {}),
        }),
      })),
    );
    return refusal(locale, 422, catalogueChanged ? 'catalogue-changed' : 'invalid', {
      problems,
      catalogueChanged,
    });
  }
  const fields = submissionFields(journey, checked.answers, journeyVersion(journey));
  if (!fields) return refusal(locale, 422, 'invalid');
  const grants = await grantsOf(db, device.userId);
  if (!allows(grants, 'dossiers:file', { commune: fields.officeCommuneId })) {
    return refusal(locale, 403, 'commune');
  }
  const [holder] = await db.select().from(staffUsers).where(eq(staffUsers.id, device.userId));
  const committed = await commitOfflineSubmission(db, {
    deviceId: device.id,
    userId: device.userId,
    clientId: payload.clientId,
    contentHash: contentHash(payload),
    reference,
    submission: {
      ...fields,
      ...(payload.trackingKey && { trackingKey: payload.trackingKey }),
      assisted: {
        channel: channelFor(grants, fields.officeCommuneId),
        helperId: device.userId,
        helperDeviceId: device.id,
        helperName: holder?.name ?? '',
        place,
        consentReadIn: payload.consentReadIn,
      },
    },
  });
  switch (committed.kind) {
    case 'conflict':
      return refusal(locale, 409, 'conflict');
    case 'reference':
      return refusal(locale, 422, 'reference');
    default:
      return receipt(committed.submission, locale, committed.kind === 'same');
  }
}

function receipt(submission: Submission, locale: Locale, duplicate: boolean): SyncResponse {
  return {
    status: duplicate ? 200 : 201,
    body: {
      reference: submission.reference,
      trackingUrl: trackingUrl(locale, submission),
      submittedAt: submission.submittedAt.toISOString(),
      duplicate,
    },
  };
}
