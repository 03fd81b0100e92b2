// Service worker for one-stop office screens (components/screens/ScreenPlayer.tsx), registered with the
// scope /<locale>/screens/ only. The page reloads from the cache when the network is gone, and never shows
// the browser's error page; its scripts and media come from the cache the page itself fills.
const CACHE = 'motcua-screen-v1';
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/media/')) {
    event.respondWith(cacheFirst(request));
  }
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    const cached = await cache.match(request, { ignoreSearch: true });
    return cached ?? offlinePage();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.status === 200) await cache.put(request, response.clone());
  return response;
}

// Never the browser's error page: a dark screen that tries again by itself every 30 seconds.
function offlinePage() {
  return new Response(
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="30">' +
      '<title>Một cửa</title></head><body style="background:#000;color:#fff;font:4vw system-ui;' +
      'display:flex;align-items:center;justify-content:center;height:100vh;margin:0">' +
      '<p>Đang chờ mạng…</p></body></html>',
    { headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}
