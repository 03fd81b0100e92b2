import QRCode from 'qrcode';
import { env } from '@/lib/env';
import type { Locale } from '@/i18n/locales';
import { localePath, paths } from '@/lib/paths';

/**
 * QR codes as inline SVG, drawn on the server. Error correction M and a 4-module quiet zone (the
 * standard's minimum) scan reliably from paper with cheap phone cameras.
 */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

/**
 * The portal's public origin for links that leave the screen (QR codes, redirects): PUBLIC_ORIGIN, which
 * production requires (lib/env.ts); in development and tests, `npm run portal`'s own address. Never the
 * request's Host or X-Forwarded-Host: anyone can send those, and behind a proxy they name the proxy's
 * upstream (docs/adr/0016). Leaflets are prerendered, so the build's PUBLIC_ORIGIN is the one printed.
 */
export function publicOrigin(): string {
  return env().PUBLIC_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/** The origin printed on leaflets: the same as every other link's. */
export function printOrigin(): string {
  return publicOrigin();
}

/** What a receipt's QR code opens: tracking in `locale`, with the key, so no second factor is asked. */
export function trackingUrl(
  locale: Locale,
  submission: { readonly reference: string; readonly trackingKey: string | null },
): string {
  return `${publicOrigin()}${localePath(locale, paths.track(submission.reference, submission.trackingKey ?? undefined))}`;
}
