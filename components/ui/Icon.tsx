import type { IconNode } from 'lucide';
import { iconId } from './iconSet';
import sprite from './icons.svg';

/**
 * A Lucide icon, drawn from the sprite (components/ui/iconSet.ts): the page names the icon, and the
 * sprite — one content-hashed file, cached for good — holds its paths. Always decorative: the text beside
 * an icon carries the meaning.
 */
export function Icon({
  node,
  className,
  strokeWidth = 2,
}: {
  node: IconNode;
  className?: string;
  strokeWidth?: number;
}) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {/* The stroke width is inherited into the symbol; globals.css sets the usual 2. */}
      <use href={`${sprite.src}#${iconId(node)}`} style={strokeWidth === 2 ? undefined : { strokeWidth }} />
    </svg>
  );
}
