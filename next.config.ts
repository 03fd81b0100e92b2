import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite ships a WASM build of PostgreSQL that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Uploads arrive through Server Actions: the 5 MB file cap (lib/uploads.ts) plus the form around it.
    serverActions: { bodySizeLimit: '6mb' },
  },
};

export default withNextIntl(nextConfig);
