import type { IconNode } from 'lucide';
import { createElement } from 'react';

/**
 * A Lucide icon drawn on the server. lucide-react's icons are client components, which would ship their
 * JavaScript and serialise every path into the page's RSC payload; these are plain SVG in the HTML.
 * Always decorative: the text beside an icon carries the meaning.
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
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {node.map(([tag, attrs], index) => createElement(tag, { key: index, ...attrs }))}
    </svg>
  );
}
