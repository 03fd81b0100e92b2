import { headers } from 'next/headers';
import QRCode from 'qrcode';

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

/** The portal's public origin for links that leave the screen (QR codes): PUBLIC_ORIGIN, else the request's. */
export async function publicOrigin(): Promise<string> {
  if (process.env.PUBLIC_ORIGIN) return process.env.PUBLIC_ORIGIN.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto =
    h.get('x-forwarded-proto') ??
    (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

/**
 * The origin printed on leaflets. Leaflets are prerendered, so there is no request to read a host from:
 * production sets PUBLIC_ORIGIN at build time; without it, `npm run portal`'s own address.
 */
export function printOrigin(): string {
  return (process.env.PUBLIC_ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}
