'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

export interface ScreenItem {
  readonly key: string;
  /** `<recording id>:<captions language>`, as the screen reports what it plays. */
  readonly playing: string;
  readonly title: string;
  readonly titleLang: string;
  readonly video: string;
  readonly videoType: string;
  readonly poster: string | null;
  readonly captions: { readonly src: string; readonly lang: string; readonly label: string } | null;
  readonly qrSvg: string;
  readonly link: string;
  readonly guideHref: string;
}

/** Shared with public/screen-sw.js, which answers from the same cache when the network is gone. */
const CACHE = 'motcua-screen-v1';
/** After every item has failed in a row (offline, nothing cached yet), wait before trying again. */
const RETRY_AFTER_MS = 10_000;
/** Reload now and then while online, to pick up a new build (a changed playlist is heard of sooner). */
const RELOAD_AFTER_MS = 60 * 60 * 1000;

/**
 * Plays a screen's playlist in a loop, muted with captions showing, unattended. Media are copied into the
 * Cache Storage and played from blob: URLs, so playing never waits for the network (and the video element
 * never makes range requests a cache cannot answer); the service worker serves the page itself and its
 * scripts from the same cache when the page reloads without a network. A video that fails is skipped.
 */
export function ScreenPlayer({
  items,
  scope,
  labels,
  seenUrl,
  version,
  checkSeconds,
}: {
  items: readonly ScreenItem[];
  scope: string;
  labels: { scan: string; nowPlaying: string; empty: string; waiting: string };
  /** Where the screen says it is alive and what it plays (app/api/screens/[screenId]/seen). */
  seenUrl: string;
  /** The version of the playlist this page plays: another one answered means the playlist changed. */
  version: string;
  checkSeconds: number;
}) {
  const [index, setIndex] = useState(0);
  const [sources, setSources] = useState<{ video: string; captions: string | null } | null>(null);
  const [waiting, setWaiting] = useState(false);
  const failures = useRef(0);
  const item = items[index];

  const next = useCallback(() => {
    setSources(null);
    setIndex((i) => (items.length === 0 ? 0 : (i + 1) % items.length));
  }, [items.length]);

  const fail = useCallback(() => {
    failures.current += 1;
    if (failures.current >= items.length) {
      // Everything failed in a row: wait, then start the round again (the network may be back).
      setWaiting(true);
      setTimeout(() => {
        failures.current = 0;
        setWaiting(false);
        next();
      }, RETRY_AFTER_MS);
    } else {
      next();
    }
  }, [items.length, next]);

  // Offline support: register the worker, keep this page and its scripts in the cache, fetch every
  // item's files into the cache in the background.
  useEffect(() => {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/screen-sw.js', { scope }).catch(() => undefined);
    }
    if (!('caches' in window)) return;
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.startsWith('/_next/static/'));
    const files = items.flatMap((i) => [
      i.video,
      ...(i.captions ? [i.captions.src] : []),
      ...(i.poster ? [i.poster] : []),
    ]);
    void (async () => {
      const cache = await caches.open(CACHE);
      for (const url of [window.location.pathname, ...assets, ...files]) {
        try {
          if (!(await cache.match(url))) await cache.add(url);
        } catch {
          // Offline or a missing file: tried again on the next load.
        }
      }
      // What this playlist and this build no longer need goes: a screen's storage is not a museum of
      // every deploy's scripts and every video it ever played.
      const kept = new Set([...assets, ...files].map((url) => new URL(url, window.location.href).pathname));
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        const prunable = path.startsWith('/media/') || path.startsWith('/_next/static/');
        if (prunable && !kept.has(path)) await cache.delete(request);
      }
    })();
    const reload = setInterval(() => {
      if (navigator.onLine) window.location.reload();
    }, RELOAD_AFTER_MS);
    return () => clearInterval(reload);
  }, [items, scope]);

  // Alive, and what it plays: every checkSeconds; a playlist changed meanwhile is loaded when online.
  const playing = item?.playing ?? null;
  const playingRef = useRef(playing);
  useEffect(() => {
    playingRef.current = playing;
  }, [playing]);
  useEffect(() => {
    // The report at load never reloads: a page the service worker served from its cache (a slow network)
    // would otherwise reload at once, again and again; the next check, checkSeconds later, does.
    const check = async (mayReload: boolean) => {
      try {
        const response = await fetch(seenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ playing: playingRef.current }),
        });
        if (!response.ok) return;
        const answer = (await response.json()) as { version?: unknown };
        if (
          mayReload &&
          typeof answer.version === 'string' &&
          answer.version !== version &&
          navigator.onLine
        ) {
          window.location.reload();
        }
      } catch {
        // Offline: the screen plays from its cache and says so when the network is back.
      }
    };
    void check(false);
    const timer = setInterval(() => void check(true), checkSeconds * 1000);
    return () => clearInterval(timer);
  }, [seenUrl, version, checkSeconds]);

  // Load the current item from the cache (or the network, caching it), as blob: URLs.
  useEffect(() => {
    if (!item) return;
    let cancelled = false;
    const created: string[] = [];
    const blobUrl = async (url: string) => {
      const cache = 'caches' in window ? await caches.open(CACHE) : null;
      let response = await cache?.match(url);
      if (!response) {
        response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache?.put(url, response.clone());
      }
      const objectUrl = URL.createObjectURL(await response.blob());
      created.push(objectUrl);
      return objectUrl;
    };
    (async () => {
      try {
        const video = await blobUrl(item.video);
        const captions = item.captions ? await blobUrl(item.captions.src).catch(() => null) : null;
        if (!cancelled) setSources({ video, captions });
      } catch {
        if (!cancelled) fail();
      }
    })();
    return () => {
      cancelled = true;
      created.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [item, fail]);

  if (!item) {
    return (
      <main id="main-content" className="flex flex-1 items-center justify-center p-8">
        <h1 className="text-[4vw]">{labels.empty}</h1>
      </main>
    );
  }

  return (
    <main
      id="main-content"
      className="grid h-screen grid-cols-[1fr_28vw] gap-[2vw] overflow-hidden bg-black p-[2vw] text-white"
    >
      <div className="flex min-h-0 flex-col justify-center">
        <h1 lang={item.titleLang} className="mb-[1vw] text-[3.2vw] leading-tight">
          {item.title}
        </h1>
        {sources ? (
          <video
            key={item.key}
            src={sources.video}
            autoPlay
            muted
            playsInline
            poster={item.poster ?? undefined}
            onEnded={() => {
              failures.current = 0;
              next();
            }}
            onError={fail}
            className="max-h-[80vh] w-full bg-black object-contain"
            data-playing={item.key}
          >
            {sources.captions && item.captions && (
              <track
                kind="captions"
                src={sources.captions}
                srcLang={item.captions.lang}
                label={item.captions.label}
                default
              />
            )}
          </video>
        ) : (
          <div className="flex aspect-video w-full items-center justify-center bg-slate-900 text-[2vw]">
            {waiting ? labels.waiting : null}
          </div>
        )}
        <p className="mt-[1vw] text-[1.6vw]" aria-live="polite">
          {labels.nowPlaying.replace('{current}', String(index + 1)).replace('{total}', String(items.length))}
        </p>
      </div>
      <aside className="flex flex-col items-center justify-center gap-[1vw] rounded-[1vw] bg-white p-[1.5vw] text-center text-black">
        <div
          role="img"
          aria-label={item.link}
          className="w-full [&>svg]:h-auto [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: item.qrSvg }}
        />
        <p className="text-[1.8vw] leading-snug font-bold">{labels.scan}</p>
        <p className="font-mono text-[1.6vw] font-bold break-all">{item.link}</p>
      </aside>
    </main>
  );
}
