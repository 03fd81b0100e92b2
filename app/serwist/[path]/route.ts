import { randomUUID } from 'node:crypto';
import { createSerwistRoute } from '@serwist/turbopack';
import { locales } from '@/i18n/locales';

/**
 * Serves the helper app's service worker (lib/helperApp/sw.ts), bundled at build time by Serwist's
 * Turbopack route (docs/adr/0029). Its precache: the build's scripts and styles, and the helper app in
 * every language, revised at every build so a new build replaces the old copies.
 */
const revision = randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'lib/helperApp/sw.ts',
  useNativeEsbuild: true,
  globPatterns: ['.next/static/**/*.{js,css}'],
  additionalPrecacheEntries: locales.map((locale) => ({ url: `/${locale}/helper`, revision })),
});
