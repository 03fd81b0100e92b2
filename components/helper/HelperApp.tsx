'use client';

import { Serwist } from '@serwist/window';
import { Upload } from 'tus-js-client';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { visibleQuestions } from '@/catalogue/forms/flow';
import { findJourney } from '@/catalogue/forms/journeys';
import type { AnswerValue, Answers } from '@/catalogue/forms/types';
import { signOutStaff } from '@/app/[locale]/staff/account/actions';
import { DataTable } from '@/components/staff/DataTable';
import { answerText, QuestionScreen } from './QuestionScreen';
import { formatted, Slip, type SlipOf } from './Slip';
import { CODE_ALPHABET, TRACKING_KEY_LENGTH } from '@/lib/codeAlphabet';
import type { ClientMessages } from '@/lib/helperApp/messages';
import { photoUploadId, sha256Hex } from '@/lib/helperApp/uploadId';
import {
  enqueue,
  keepReferences,
  markUploaded,
  openDossier,
  openStore,
  photoBlob,
  photosOf,
  queue as readQueue,
  referencesLeft,
  update,
  wipe,
  type QueuedDossier,
  type Store,
} from '@/lib/helperApp/store';

/**
 * The helper app (docs/adr/0029): capture applications with no network, one question per screen with
 * the online form's own questions and validators, keep them sealed in IndexedDB with a final receipt
 * number from the device's reserved block, print the slip, and send them when a connection appears or
 * "Send now" is pressed. JavaScript is required here, and the page says so.
 */

interface Props {
  locale: string;
  messages: ClientMessages;
  journeys: readonly { id: string; version: number }[];
  communes: readonly { id: string; name: string }[];
  languages: readonly { code: string; autonym: string }[];
}

interface Capture {
  clientId: string;
  journeyId: string;
  placeName: string;
  consentReadIn: string;
  answers: Record<string, AnswerValue>;
  /** Photos taken, re-encoded on the device, until the dossier is kept. */
  photos: Record<string, Blob>;
  step: number;
}

type View =
  | { name: 'list' }
  | { name: 'start' }
  | { name: 'consent' }
  | { name: 'question' }
  | { name: 'check' }
  | ({ name: 'slip' } & SlipOf)
  | { name: 'slips'; slips: readonly SlipOf[] };

/** A notice to show once the page has loaded again (after the device's data was deleted). */
const NOTICE_AFTER_RELOAD = 'motcua-helper-notice';

/** Where photos go, one tus upload each (lib/helperUploads.ts). */
const UPLOADS = '/api/helper/v1/uploads';

/** Applications sent at once (bench/assisted.ts sends as many). */
export const SYNC_CONCURRENCY = 2;

/** A tracking key drawn on the device, from the portal's alphabet, without modulo bias. */
function newTrackingKey(): string {
  let key = '';
  while (key.length < TRACKING_KEY_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      if (byte < 256 - (256 % CODE_ALPHABET.length) && key.length < TRACKING_KEY_LENGTH) {
        key += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      }
    }
  }
  return key;
}

export function HelperApp({ locale, messages, journeys, communes, languages }: Props) {
  const say = useCallback(
    (key: string, values: Record<string, string | number> = {}): string => {
      const template = messages[key]?.text ?? key;
      return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
    },
    [messages],
  );
  /** Text with its language when it is the Vietnamese fallback. */
  const sayNode = (k: string, values?: Record<string, string | number>): ReactNode =>
    messages[k]?.lang ? <span lang={messages[k].lang}>{say(k, values)}</span> : say(k, values);

  const [store, setStore] = useState<Store | null>(null);
  const [items, setItems] = useState<QueuedDossier[]>([]);
  const [left, setLeft] = useState(0);
  const [online, setOnline] = useState(true);
  const [device, setDevice] = useState<'ok' | 'unknown' | 'revoked'>('ok');
  const [lastTry, setLastTry] = useState<string | null>(null);
  const [storageLow, setStorageLow] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [view, setView] = useState<View>({ name: 'list' });
  const [capture, setCapture] = useState<Capture | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const syncing = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const refresh = useCallback(async (db: Store) => {
    setItems(await readQueue(db));
    setLeft(await referencesLeft(db));
  }, []);

  /**
   * The dossier's photos, one resumable upload each (tus): a dropped link resumes where it stopped, and
   * the queue line shows how far it got. 'done' when the portal has them all.
   */
  const uploadPhotos = useCallback(
    async (db: Store, record: QueuedDossier): Promise<'done' | { refused: boolean; message: string }> => {
      for (const photo of await photosOf(db, record.clientId)) {
        if (photo.uploaded) continue;
        const blob = await photoBlob(db, photo);
        const sha256 = await sha256Hex(await blob.arrayBuffer());
        const id = await photoUploadId(record.clientId, photo.questionId, sha256);
        const outcome = await new Promise<'done' | { refused: boolean; message: string }>((resolve) => {
          const upload = new Upload(blob, {
            endpoint: UPLOADS,
            // Its id is known before it exists (lib/helperApp/uploadId.ts): a HEAD first says how much of it
            // the portal has, even when the answer to its creation was lost.
            uploadUrl: `${UPLOADS}/${id}`,
            headers: { 'X-Helper-Locale': locale },
            metadata: {
              clientId: record.clientId,
              journeyId: record.journeyId,
              questionId: photo.questionId,
              filename: `${photo.questionId}.jpg`,
              sha256,
            },
            // One request per photo, its bytes sent with its creation: on a long-RTT link every extra round trip
            // costs more than the bytes; a cut leaves what arrived on the portal, and the rest follows from there.
            uploadDataDuringCreation: true,
            retryDelays: [0, 1000, 3000, 5000, 10000],
            onProgress: (sent, total) =>
              setProgress((p) => ({ ...p, [record.clientId]: Math.round((sent / total) * 100) })),
            onSuccess: () => resolve('done'),
            onError: (error) => {
              const response = (error as { originalResponse?: { getStatus(): number; getBody(): string } })
                .originalResponse;
              const status = response?.getStatus() ?? 0;
              let message = say('helperApp.ui.sendFailed');
              try {
                message = (JSON.parse(response?.getBody() ?? '') as { message?: string }).message ?? message;
              } catch {
                // not a refusal of ours: the connection went
              }
              resolve({
                refused: status === 400 || status === 409 || status === 413 || status === 422,
                message,
              });
            },
          });
          upload.start();
        });
        if (outcome !== 'done') return outcome;
        await markUploaded(db, photo);
      }
      return 'done';
    },
    [locale, say],
  );

  /** Sends every waiting application, one request each; stops at the first sign of no connection. */
  const sync = useCallback(
    async (db: Store) => {
      if (syncing.current || !navigator.onLine) return;
      syncing.current = true;
      let wiped = false;
      try {
        const reserved = await fetch('/api/helper/v1/references', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }).catch(() => null);
        if (reserved?.ok) {
          setDevice('ok');
          await keepReferences(db, ((await reserved.json()) as { references: string[] }).references);
        } else if (reserved && (reserved.status === 401 || reserved.status === 403)) {
          setDevice(reserved.status === 403 ? 'revoked' : 'unknown');
          // Revoked with nothing left to send: the key and the data go at once (docs/adr/0029). With
          // anything unsent they stay, sealed, until the laptop is enrolled again or cleared.
          if (reserved.status === 403 && (await readQueue(db)).every((r) => r.state === 'sent')) {
            await wipe(db);
            wiped = true;
            sessionStorage.setItem(NOTICE_AFTER_RELOAD, 'helperApp.ui.revokedCleared');
            location.reload();
            return;
          }
        }
        /** One application: its photos, then itself. False when the rest should wait (no connection). */
        const sendOne = async (record: QueuedDossier): Promise<boolean> => {
          const now = new Date().toISOString();
          setLastTry(now);
          await update(db, record.clientId, { state: 'sending', lastTryAt: now });
          await refresh(db);
          const photos = await uploadPhotos(db, record);
          if (photos !== 'done') {
            if (photos.refused) {
              await update(db, record.clientId, { state: 'refused', message: photos.message });
              return true;
            }
            await update(db, record.clientId, { state: 'waiting', message: photos.message });
            return false;
          }
          const payload = await openDossier(db, record);
          const answer = await fetch(`/api/helper/v1/dossiers?locale=${locale}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(payload),
          }).catch(() => null);
          if (!answer) {
            await update(db, record.clientId, { state: 'waiting', message: say('helperApp.ui.sendFailed') });
            return false;
          }
          const body = (await answer.json().catch(() => ({}))) as {
            error?: string;
            trackingUrl?: string;
            message?: string;
            problems?: { questionId: string; message: string }[];
          };
          if (answer.status === 200 || answer.status === 201) {
            await update(db, record.clientId, {
              state: 'sent',
              trackingUrl: body.trackingUrl,
              message: undefined,
            });
          } else if (answer.status === 401 || answer.status === 403) {
            // A device problem (not enrolled, revoked) or a commune refused: nothing is lost, it waits.
            await update(db, record.clientId, { state: 'waiting', message: body.message });
            if (body.error === 'unknown-device') setDevice('unknown');
            if (body.error === 'device-revoked') setDevice('revoked');
            return false;
          } else if (answer.status >= 500 || answer.status === 429) {
            await update(db, record.clientId, { state: 'waiting', message: say('helperApp.ui.serverBusy') });
            return false;
          } else {
            await update(db, record.clientId, {
              state: 'refused',
              message: body.message,
              problems: body.problems,
            });
          }
          return true;
        };
        // Two at a time: one's round trips overlap the other's bytes, so a long-RTT link stays busy.
        const pending = (await readQueue(db)).filter((r) => r.state !== 'sent' && r.state !== 'refused');
        let stop = false;
        await Promise.all(
          Array.from({ length: SYNC_CONCURRENCY }, async () => {
            for (let next = pending.shift(); next && !stop; next = pending.shift()) {
              if (!(await sendOne(next))) stop = true;
            }
          }),
        );
        // What the province made of those already sent: which villager to go back to.
        const sent = (await readQueue(db)).filter((r) => r.state === 'sent');
        if (!stop && sent.length > 0) {
          const asked = await fetch('/api/helper/v1/statuses', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ references: sent.map((r) => r.reference) }),
          }).catch(() => null);
          if (asked?.ok) {
            const { statuses } = (await asked.json()) as { statuses: Record<string, (string | null)[]> };
            for (const record of sent) {
              const now = statuses[record.reference];
              if (now) await update(db, record.clientId, { provinceStatuses: now });
            }
          }
        }
      } finally {
        syncing.current = false;
        if (!wiped) await refresh(db);
      }
    },
    [locale, refresh, say, uploadPhotos],
  );

  useEffect(() => {
    let db: Store | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    const goOnline = () => {
      setOnline(true);
      if (db) void sync(db);
    };
    const goOffline = () => setOnline(false);
    void (async () => {
      if ('serviceWorker' in navigator) {
        void new Serwist('/serwist/sw.js', { scope: '/', type: 'module' }).register();
      }
      db = await openStore();
      setStore(db);
      const after = sessionStorage.getItem(NOTICE_AFTER_RELOAD);
      if (after) {
        sessionStorage.removeItem(NOTICE_AFTER_RELOAD);
        setNotice(say(after));
      }
      setOnline(navigator.onLine);
      await navigator.storage?.persist?.().catch(() => false);
      const estimate = await navigator.storage?.estimate?.().catch(() => null);
      if (estimate?.quota && estimate.usage !== undefined && estimate.usage / estimate.quota > 0.8) {
        setStorageLow(Math.round((estimate.usage / estimate.quota) * 100));
      }
      await refresh(db);
      void sync(db);
      timer = setInterval(() => db && void sync(db), 30_000);
    })();
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      if (timer) clearInterval(timer);
    };
  }, [refresh, say, sync]);

  // After each step the new screen's heading takes focus, so a screen reader starts reading there; not on
  // the first render, which is an ordinary page load.
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [view, capture?.step]);

  const journey = capture ? findJourney(capture.journeyId) : undefined;
  const visible = journey && capture ? visibleQuestions(journey, capture.answers as Answers) : [];
  const counts = (state: QueuedDossier['state']) => items.filter((i) => i.state === state).length;

  /** A queued dossier's slip again: its tracking key is in the sealed payload, as the device drew it. */
  async function slipOf(record: QueuedDossier): Promise<SlipOf> {
    const { trackingKey } = await openDossier<{ trackingKey?: string }>(store!, record);
    const address = `${location.origin}/${locale}/track/${record.reference}`;
    return { record, trackingUrl: trackingKey ? `${address}?k=${trackingKey}` : address };
  }
  const slipText = (slip: SlipOf) => ({
    procedure: say(`procedure.${slip.record.journeyId}`),
    qrLabel: say('helperApp.ui.slipQr'),
    kept: sayNode('helperApp.ui.slipKept'),
  });
  const today = items.filter((i) => new Date(i.createdAt).toDateString() === new Date().toDateString());

  async function exportQueue() {
    if (!store) return;
    const all = await Promise.all(
      items.map(async (item) => ({ ...item, sealed: undefined, content: await openDossier(store, item) })),
    );
    const blob = new Blob([JSON.stringify(all, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `motcua-helper-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  /** Deletes the device's database, key included; false when the helper keeps what is not sent yet. */
  async function wipeDevice(): Promise<boolean> {
    if (!store) return false;
    const waiting = items.filter((i) => i.state !== 'sent').length;
    if (waiting > 0 && !window.confirm(say('helperApp.ui.clearWaiting', { count: waiting }))) return false;
    await wipe(store);
    return true;
  }

  async function clearDevice() {
    if (await wipeDevice()) await afterWipe();
  }

  /** A fresh, empty store after the old one (and its key) was deleted. */
  async function afterWipe() {
    const fresh = await openStore();
    setStore(fresh);
    setCapture(null);
    setView({ name: 'list' });
    setNotice(say('helperApp.ui.cleared'));
    await refresh(fresh);
  }

  const field = (id: string, label: ReactNode, input: ReactNode, hint?: ReactNode) => (
    <div className={`mt-4 ${error?.field === id ? 'border-l-4 border-red-700 pl-3' : ''}`}>
      <label htmlFor={id} className="block text-lg font-bold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-slate-700">
          {hint}
        </p>
      )}
      {error?.field === id && (
        <p id={`${id}-error`} className="font-bold text-red-800">
          {error.message}
        </p>
      )}
      {input}
    </div>
  );
  const described = (id: string, hint: boolean) =>
    [hint ? `${id}-hint` : null, error?.field === id ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  const inputClass = 'mt-1 min-h-12 w-full max-w-md rounded border-2 border-slate-900 px-3 text-xl';
  const button = 'inline-flex min-h-12 items-center rounded px-5 text-lg font-bold';

  if (view.name === 'start') {
    return (
      <form
        className="mt-6"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const placeName = String(form.get('placeName') ?? '').trim();
          if (!placeName || placeName.length > 80) {
            setError({ field: 'placeName', message: say('helperApp.ui.placeError') });
            return;
          }
          setError(null);
          setCapture({
            clientId: crypto.randomUUID(),
            journeyId: String(form.get('journeyId')),
            placeName,
            consentReadIn: '',
            answers: {},
            photos: {},
            step: 0,
          });
          setView({ name: 'consent' });
        }}
      >
        <h2 ref={heading} tabIndex={-1} className="text-2xl">
          {sayNode('helperApp.ui.startTitle')}
        </h2>
        {field(
          'journeyId',
          sayNode('helperApp.ui.journey'),
          <select id="journeyId" name="journeyId" className={inputClass}>
            {journeys.map((j) => (
              <option key={j.id} value={j.id}>
                {say(`procedure.${j.id}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'placeName',
          sayNode('helperApp.ui.placeName'),
          <input
            id="placeName"
            name="placeName"
            maxLength={80}
            className={inputClass}
            aria-describedby={described('placeName', true)}
            aria-invalid={error?.field === 'placeName' || undefined}
          />,
          sayNode('helperApp.ui.placeHint'),
        )}
        <p className="mt-6 flex flex-wrap gap-4">
          <button data-action="start" type="submit" className={`${button} bg-green-800 text-white`}>
            {sayNode('helperApp.ui.start')}
          </button>
          <button
            type="button"
            className={`${button} border-2 border-slate-900`}
            onClick={() => setView({ name: 'list' })}
          >
            {sayNode('helperApp.ui.cancel')}
          </button>
        </p>
      </form>
    );
  }

  if (view.name === 'consent' && capture) {
    return (
      <form
        className="mt-6"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          if (form.get('agreed') !== 'yes') {
            setError({ field: 'agreed', message: say('helperApp.ui.consentError') });
            return;
          }
          setError(null);
          setCapture({ ...capture, consentReadIn: String(form.get('readIn')), step: 0 });
          setView({ name: 'question' });
        }}
      >
        <h2 ref={heading} tabIndex={-1} className="text-2xl">
          {sayNode('helperApp.ui.consentTitle')}
        </h2>
        <div className="mt-2 max-w-prose space-y-2 border-l-4 border-slate-400 pl-3">
          <p>
            {sayNode('apply.consent.intro')} {sayNode('apply.consent.what')}.
          </p>
          <p>{sayNode('apply.consent.why')}</p>
          <p>{sayNode('apply.consent.law')}</p>
        </div>
        {field(
          'readIn',
          sayNode('helperApp.ui.readIn'),
          <select id="readIn" name="readIn" className={inputClass} defaultValue={locale}>
            {languages.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.autonym}
              </option>
            ))}
          </select>,
        )}
        <div className={`mt-4 ${error?.field === 'agreed' ? 'border-l-4 border-red-700 pl-3' : ''}`}>
          {error?.field === 'agreed' && (
            <p id="agreed-error" className="font-bold text-red-800">
              {error.message}
            </p>
          )}
          <p className="flex items-start gap-3">
            <input
              id="agreed"
              name="agreed"
              type="checkbox"
              value="yes"
              className="mt-1 h-8 w-8"
              aria-describedby={error?.field === 'agreed' ? 'agreed-error' : undefined}
              aria-invalid={error?.field === 'agreed' || undefined}
            />
            <label htmlFor="agreed" className="text-lg">
              {sayNode('helperApp.ui.readAloud')}
            </label>
          </p>
        </div>
        <p className="mt-6">
          <button data-action="continue" type="submit" className={`${button} bg-green-800 text-white`}>
            {sayNode('helperApp.ui.continue')}
          </button>
        </p>
      </form>
    );
  }

  const current = view.name === 'question' && capture ? visible[capture.step] : undefined;
  if (current && capture) {
    const question = current.question;
    return (
      <QuestionScreen
        key={question.id}
        question={question}
        answers={capture.answers}
        communes={communes}
        say={say}
        sayNode={sayNode}
        error={error}
        field={field}
        described={described}
        inputClass={inputClass}
        button={button}
        step={capture.step}
        total={visible.length}
        onBack={() => {
          setError(null);
          if (capture.step === 0) setView({ name: 'consent' });
          else setCapture({ ...capture, step: capture.step - 1 });
        }}
        onAnswer={(value, photo) => {
          setError(null);
          const answers = { ...capture.answers };
          const photos = { ...capture.photos };
          if (value === undefined) delete answers[question.id];
          else answers[question.id] = value;
          if (photo) photos[question.id] = photo;
          setCapture({ ...capture, answers, photos, step: capture.step + 1 });
        }}
        onError={(problem) => setError(problem)}
      />
    );
  }

  if ((view.name === 'check' || view.name === 'question') && capture && journey) {
    return (
      <section className="mt-6" aria-labelledby="check-title">
        <h2 id="check-title" ref={heading} tabIndex={-1} className="text-2xl">
          {sayNode('helperApp.ui.checkTitle')}
        </h2>
        <dl className="mt-2">
          {visible.map(({ question }) => (
            <div key={question.id} className="border-b border-slate-300 py-2">
              <dt className="font-bold">{sayNode(`q.${question.id}.label`)}</dt>
              <dd>{answerText(question, capture.answers[question.id], say, communes)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-6 flex flex-wrap gap-4">
          <button
            type="button"
            className={`${button} bg-green-800 text-white`}
            onClick={async () => {
              if (!store) return;
              const version = journeys.find((j) => j.id === capture.journeyId)?.version ?? 1;
              // Photos travel on their own (tus); the payload's answers are what was typed and chosen.
              const relevant = Object.fromEntries(
                visible
                  .filter(({ question }) => question.kind !== 'file')
                  .map(({ question }) => [question.id, capture.answers[question.id]])
                  .filter(([, v]) => v !== undefined),
              );
              const photos = Object.fromEntries(
                visible
                  .filter(({ question }) => question.kind === 'file' && capture.photos[question.id])
                  .map(({ question }) => [question.id, capture.photos[question.id]!]),
              );
              const trackingKey = newTrackingKey();
              const record = await enqueue(store, {
                clientId: capture.clientId,
                journeyId: capture.journeyId,
                photos,
                payload: {
                  trackingKey,
                  clientId: capture.clientId,
                  journeyId: capture.journeyId,
                  journeyVersion: version,
                  answers: relevant,
                  place: { kind: 'village-hall', name: capture.placeName },
                  consentReadIn: capture.consentReadIn,
                  capturedAt: new Date().toISOString(),
                },
              });
              if (!record) {
                setNotice(say('helperApp.ui.noReferences'));
                return;
              }
              setCapture(null);
              await refresh(store);
              setView({ name: 'slip', ...(await slipOf(record)) });
              void sync(store);
            }}
          >
            {sayNode('helperApp.ui.save')}
          </button>
          <button
            type="button"
            className={`${button} border-2 border-slate-900`}
            onClick={() => {
              setCapture({ ...capture, step: Math.max(0, visible.length - 1) });
              setView({ name: 'question' });
            }}
          >
            {sayNode('helperApp.ui.back')}
          </button>
        </p>
      </section>
    );
  }

  const printOrBack = (
    <p className="mt-6 flex flex-wrap gap-4 print:hidden">
      <button type="button" className={`${button} bg-green-800 text-white`} onClick={() => window.print()}>
        {sayNode('helperApp.ui.print')}
      </button>
      <button
        type="button"
        className={`${button} border-2 border-slate-900`}
        onClick={() => setView({ name: 'list' })}
      >
        {sayNode('helperApp.ui.done')}
      </button>
    </p>
  );

  if (view.name === 'slip') {
    return (
      <section className="mt-6" aria-labelledby="slip-title">
        <Slip
          slip={view}
          {...slipText(view)}
          heading={
            <h2 id="slip-title" ref={heading} tabIndex={-1} className="text-2xl">
              {sayNode('helperApp.ui.slipTitle')}
            </h2>
          }
        />
        {printOrBack}
      </section>
    );
  }

  if (view.name === 'slips') {
    return (
      <section className="mt-6" aria-labelledby="slips-title">
        <h2 id="slips-title" ref={heading} tabIndex={-1} className="text-2xl print:hidden">
          {sayNode('helperApp.ui.slipsTitle')}
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2 print:grid-cols-2">
          {view.slips.map((slip) => (
            <Slip
              key={slip.record.clientId}
              slip={slip}
              {...slipText(slip)}
              heading={<h3 className="text-xl">{sayNode('helperApp.ui.slipTitle')}</h3>}
            />
          ))}
        </div>
        {printOrBack}
      </section>
    );
  }

  return (
    <div className="mt-6">
      <div role="status" aria-live="polite" className="border-l-4 border-slate-900 bg-slate-50 p-3">
        <p className="font-bold" data-online={online ? 'yes' : 'no'}>
          {online ? sayNode('helperApp.ui.online') : sayNode('helperApp.ui.offline')}
        </p>
        <p data-queue-summary="">
          {say('helperApp.ui.summary', {
            waiting: counts('waiting'),
            sending: counts('sending'),
            sent: counts('sent'),
            refused: counts('refused'),
          })}
          {'. '}
          {lastTry
            ? say('helperApp.ui.lastTry', {
                time: new Date(lastTry).toLocaleTimeString('vi', { hour: '2-digit', minute: '2-digit' }),
              })
            : say('helperApp.ui.never')}
        </p>
        <p>
          {left > 0 ? say('helperApp.ui.referencesLeft', { count: left }) : say('helperApp.ui.noReferences')}
        </p>
        {notice && <p className="font-bold">{notice}</p>}
      </div>
      {device !== 'ok' && (
        <p className="mt-4 border-l-4 border-red-700 bg-red-50 p-3 font-bold">
          {device === 'revoked' ? say('helperApp.sync.device-revoked') : say('helperApp.ui.notEnrolled')}{' '}
          <a href={`/${locale}/staff/device`}>{say('helperApp.ui.enrolLink')}</a>
        </p>
      )}
      {storageLow !== null && (
        <p className="mt-4 border-l-4 border-red-700 bg-red-50 p-3 font-bold">
          {say('helperApp.ui.storageLow', { percent: storageLow })}
        </p>
      )}
      <p className="mt-6 flex flex-wrap gap-4">
        <button
          data-action="new"
          type="button"
          className={`${button} bg-green-800 text-white`}
          disabled={!store}
          onClick={() => {
            setNotice(null);
            setCapture(null);
            setView({ name: 'start' });
          }}
        >
          {sayNode('helperApp.ui.new')}
        </button>
        <button
          data-action="send"
          type="button"
          className={`${button} border-2 border-slate-900`}
          disabled={!store}
          onClick={() => store && void sync(store)}
        >
          {sayNode('helperApp.ui.sendNow')}
        </button>
      </p>
      <h2 ref={heading} tabIndex={-1} id="queue-title" className="mt-8 text-2xl">
        {sayNode('helperApp.ui.queueTitle')}
      </h2>
      {today.length > 0 && (
        <p className="mt-2">
          <button
            type="button"
            data-action="print-all"
            className={`${button} border-2 border-slate-900`}
            onClick={async () => setView({ name: 'slips', slips: await Promise.all(today.map(slipOf)) })}
          >
            {sayNode('helperApp.ui.printAll')}
          </button>
        </p>
      )}
      {items.length === 0 ? (
        <p className="mt-2">{sayNode('helperApp.ui.queueEmpty')}</p>
      ) : (
        <DataTable
          labelledBy="queue-title"
          columns={[
            sayNode('helperApp.ui.colReference'),
            sayNode('helperApp.ui.colProcedure'),
            sayNode('helperApp.ui.colState'),
          ]}
        >
          {items.map((item) => (
            <tr
              key={item.clientId}
              data-queue-item={item.reference}
              data-state={item.state}
              className="border-b border-slate-300 align-top"
            >
              <td className="py-2 pr-3 font-mono">{formatted(item.reference)}</td>
              <td className="py-2 pr-3">{say(`procedure.${item.journeyId}`)}</td>
              <td className="py-2 pr-3">
                <span className="font-bold">
                  {say(`helperApp.ui.state-${item.state}`)}
                  {item.state === 'sending' &&
                    progress[item.clientId] !== undefined &&
                    ` ${progress[item.clientId]} %`}
                </span>
                {item.message && <span className="block">{item.message}</span>}
                {item.problems && (
                  <ul className="list-disc pl-5">
                    {item.problems.map((p) => (
                      <li key={`${p.questionId}${p.message}`}>{p.message}</li>
                    ))}
                  </ul>
                )}
                {item.provinceStatuses?.includes('more-documents-needed') ? (
                  <strong className="block text-red-800" data-sent-back="">
                    {say('helperApp.ui.sentBack')}
                  </strong>
                ) : (
                  item.provinceStatuses?.[0] && (
                    <span className="block" data-province-status={item.provinceStatuses[0]}>
                      {say('helperApp.ui.provinceStatus', {
                        status: say(`status.${item.provinceStatuses[0]}`),
                      })}
                    </span>
                  )
                )}
                {item.trackingUrl && (
                  <a className="block" href={item.trackingUrl}>
                    {say('helperApp.ui.track')}
                  </a>
                )}
                <button
                  type="button"
                  data-action="reprint"
                  className="mt-1 min-h-11 underline"
                  onClick={async () => setView({ name: 'slip', ...(await slipOf(item)) })}
                >
                  {sayNode('helperApp.ui.reprint')}
                  <span className="sr-only"> {formatted(item.reference)}</span>
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="mt-8 flex flex-wrap gap-4">
        <button
          type="button"
          className={`${button} border-2 border-slate-900`}
          disabled={items.length === 0}
          onClick={() => void exportQueue()}
        >
          {sayNode('helperApp.ui.export')}
        </button>
        <button
          type="button"
          className={`${button} bg-red-800 text-white`}
          disabled={!store}
          onClick={() => void clearDevice()}
        >
          {sayNode('helperApp.ui.clear')}
        </button>
      </p>
      {/* Signing out destroys the key first, then ends the staff session (the staff area's own action,
          called as a function: no form to lose). With no network the data is gone all the same, and the
          device says it was cleared; the session ends by itself after 8 idle hours. */}
      <div className="mt-4">
        <p id="sign-out-hint">{sayNode('helperApp.ui.signOutHint')}</p>
        <button
          type="button"
          data-action="sign-out"
          aria-describedby="sign-out-hint"
          className={`${button} mt-2 border-2 border-red-800 text-red-800`}
          disabled={!store}
          onClick={async () => {
            if (!(await wipeDevice())) return;
            const form = new FormData();
            form.set('locale', locale);
            // The action redirects to the sign-in page. With no network the device is cleared all the same
            // and says so; nothing opens the store again (a fresh one would be a new database).
            await signOutStaff(form).catch(() => {
              setStore(null);
              setItems([]);
              setLeft(0);
              setNotice(say('helperApp.ui.cleared'));
            });
          }}
        >
          {sayNode('helperApp.ui.signOut')}
        </button>
      </div>
    </div>
  );
}
