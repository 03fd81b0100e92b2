import type { MetadataRoute } from 'next';
import { printOrigin } from '@/lib/qr';

/** Everything public may be indexed; personal pages say `noindex` themselves. The sitemap lists the rest. */
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: '*', allow: '/' }, sitemap: `${printOrigin()}/sitemap.xml` };
}
