/// <reference lib="webworker" />
import type { PrecacheEntry, SerwistGlobalConfig } from 'serwist';
import { CacheFirst, NetworkFirst, Serwist } from 'serwist';

/**
 * The helper app's service worker (docs/adr/0029), built by Serwist (app/serwist/[path]/route.ts). It
 * precaches the helper app in every language and the build's scripts and styles, so the app opens with no
 * network; it answers nothing else. Every other request of the portal goes to the network untouched.
 */
declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const helperPage = /^\/[a-z]{2,3}\/helper$/;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // The app itself: fresh when online, the precached copy when not.
      matcher: ({ url, sameOrigin, request }) =>
        sameOrigin && request.mode === 'navigate' && helperPage.test(url.pathname),
      handler: new NetworkFirst({ cacheName: 'helper-app', networkTimeoutSeconds: 4 }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: 'helper-static' }),
    },
  ],
});

serwist.addEventListeners();
