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
    // Uploads arrive through Server Actions. Our own cap is 5 MB (lib/uploads.ts) and answered with a clear
    // message; the transport limit is far above it so that a 12 MB camera photo still gets that message.
    serverActions: { bodySizeLimit: '25mb' },
    // The proxy reads form bodies too (to answer a malformed one clearly, see proxy.ts): same limit.
    proxyClientMaxBodySize: '25mb',
  },
};

export default withNextIntl(nextConfig);
