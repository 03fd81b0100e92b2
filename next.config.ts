import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { MAX_FORM_BODY_MB } from './lib/uploadLimits';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/**
 * Security headers on every response (OWASP ASVS 14.4). Scripts are the framework's own, some inline
 * (hydration data), so script-src allows 'self' and inline but nothing from elsewhere; nothing may frame
 * the portal, post forms elsewhere or change the base URL. No referrer leaves the site (tracking addresses
 * carry a key); same-origin requests keep theirs, since `no-referrer` would send `Origin: null` with form
 * posts, which Next.js refuses as cross-site.
 * Directives that would only repeat `default-src 'self'` are left out (fonts, fetches; workers fall back to
 * script-src, which is 'self' too): the policy travels with every page, and the budget counts its bytes.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** On every response, the build's own CSS and JavaScript files included. */
const transportHeaders = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];

/**
 * On everything but the build's content-hashed files under `/_next/static/` and the recordings' passive
 * files under `/media/` (posters, captions, audio, video): these headers govern a document, and on a
 * stylesheet, a poster or a captions file they do nothing but add ~0.6 KB to each request. Anything else
 * there (an SVG, say, which can carry script) keeps them.
 */
const documentHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const nextConfig: NextConfig = {
  async headers() {
    return [
      { source: '/:path*', headers: transportHeaders },
      { source: '/((?!_next/static/|media/.+\\.(?:jpg|webp|vtt|mp3|mp4)$).*)', headers: documentHeaders },
    ];
  },
  // PGlite ships a WASM build of PostgreSQL that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Unmatched URLs render app/global-not-found.tsx, which alone reads the proxy's locale header; a root
    // not-found.tsx would be rendered into every page and make the information pages dynamic (ADR 0012).
    globalNotFound: true,
    // Uploads arrive through Server Actions. Our own cap is 5 MB (lib/uploads.ts) and answered next to the
    // field; the transport limit is far above it so that a 12 MB camera photo still gets that message.
    // Both limits are MAX_FORM_BODY_MB in lib/uploadLimits.ts: a body above it is cut off before the proxy
    // reads it, so the proxy answers 413 from Content-Length rather than failing to parse it.
    serverActions: { bodySizeLimit: `${MAX_FORM_BODY_MB}mb` },
    proxyClientMaxBodySize: `${MAX_FORM_BODY_MB}mb`,
    // A page rendered again after a publication (docs/adr/0030) stays in this instance's memory and is not
    // written over the build's files: instances sharing a build directory would otherwise serve one
    // another's renders, and a restarted instance would start from whatever the last one wrote, not from
    // the build and the database it revalidates against at start.
    isrFlushToDisk: false,
  },
};

export default withNextIntl(nextConfig);
