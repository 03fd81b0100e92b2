import {
  ArrowRight,
  Award,
  Baby,
  Banknote,
  Clock,
  Download,
  FileText,
  Flower2,
  HandHelping,
  Headphones,
  HeartHandshake,
  House,
  Info,
  Laptop,
  ListOrdered,
  MapPin,
  Phone,
  Scale,
  Search,
  Users,
  Video,
  type IconNode,
} from 'lucide';

/**
 * Every Lucide icon the portal draws, by the id it has in the sprite (components/ui/icons.svg, made from
 * this list by `npm run icons`). A page names an icon (`<use href="…icons.svg#clock">`) instead of
 * carrying its paths twice (in the HTML and again in the RSC payload); the sprite is one file, cached
 * for good after the first page (ADR 0015). To use another icon, add it here and run `npm run icons`.
 */
export const iconSet: Readonly<Record<string, IconNode>> = {
  'arrow-right': ArrowRight,
  award: Award,
  baby: Baby,
  banknote: Banknote,
  clock: Clock,
  download: Download,
  'file-text': FileText,
  'flower-2': Flower2,
  'hand-helping': HandHelping,
  headphones: Headphones,
  'heart-handshake': HeartHandshake,
  house: House,
  info: Info,
  laptop: Laptop,
  'list-ordered': ListOrdered,
  'map-pin': MapPin,
  phone: Phone,
  scale: Scale,
  search: Search,
  users: Users,
  video: Video,
};

const idByNode = new Map(Object.entries(iconSet).map(([id, node]) => [node, id]));

/** The sprite id of a Lucide icon; throws for one missing from the set (and so fails the build). */
export function iconId(node: IconNode): string {
  const id = idByNode.get(node);
  if (!id) throw new Error('An icon missing from components/ui/iconSet.ts: add it and run `npm run icons`');
  return id;
}

const attributes = (attrs: Record<string, string | number | undefined>) =>
  Object.entries(attrs)
    .filter(([key, value]) => key !== 'key' && value !== undefined)
    .map(([key, value]) => ` ${key}="${String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');

/**
 * The sprite's text. Each symbol carries Lucide's stroke style except its width, which the page sets
 * (globals.css: 2 by default), so that a pictogram can be drawn finer.
 */
export function spriteSvg(): string {
  const symbols = Object.entries(iconSet).map(
    ([id, node]) =>
      `<symbol id="${id}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round">` +
      node.map(([tag, attrs]) => `<${tag}${attributes(attrs)}/>`).join('') +
      '</symbol>',
  );
  // The viewBox is for the bundler, which reads an imported SVG's size; the symbols carry their own.
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">\n${symbols.join('\n')}\n</svg>\n`;
}
