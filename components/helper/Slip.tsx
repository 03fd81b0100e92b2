'use client';

import QRCode from 'qrcode';
import { useEffect, useState, type ReactNode } from 'react';
import type { QueuedDossier } from '@/lib/helperApp/store';

/** A slip as printed: the dossier's queue record and the tracking address its QR code carries. */
export interface SlipOf {
  readonly record: QueuedDossier;
  readonly trackingUrl: string;
}

export const formatted = (reference: string) => `${reference.slice(0, 4)}-${reference.slice(4)}`;

/**
 * One receipt slip (docs/adr/0029): the final reference in large type, the procedure, and a QR code that
 * opens tracking with the slip's key. Several fit on an A4 sheet: a slip never breaks across pages.
 */
export function Slip({
  slip,
  procedure,
  qrLabel,
  kept,
  heading,
}: {
  slip: SlipOf;
  procedure: string;
  qrLabel: string;
  kept: ReactNode;
  heading: ReactNode;
}) {
  return (
    <div className="break-inside-avoid border-4 border-slate-900 p-4" data-slip={slip.record.reference}>
      {heading}
      <p className="mt-2 font-mono text-4xl font-bold" data-reference={slip.record.reference}>
        {formatted(slip.record.reference)}
      </p>
      <p className="mt-2">{procedure}</p>
      <SlipQr url={slip.trackingUrl} label={qrLabel} />
      <p className="mt-2">{kept}</p>
    </div>
  );
}

/** The slip's QR code: tracking with its key, which opens once the dossier has reached the portal. */
function SlipQr({ url, label }: { url: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }).then(setSvg);
  }, [url]);
  return (
    <div
      role="img"
      aria-label={label}
      data-slip-qr=""
      className="mt-3 w-48 [&>svg]:h-auto [&>svg]:w-full"
      dangerouslySetInnerHTML={{ __html: svg ?? '' }}
    />
  );
}
