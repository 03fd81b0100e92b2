import { Award, Baby, FileText, Flower2, HandHelping, HeartHandshake, House, type IconNode } from 'lucide';
import { Icon } from './Icon';
import type { Pictogram as PictogramName } from '@/catalogue/types';

const icons: Record<PictogramName, IconNode> = {
  baby: Baby,
  rings: HeartHandshake,
  candle: Flower2,
  house: House,
  hands: HandHelping,
  document: FileText,
  award: Award,
};

/** A picture beside a life event's name for people who read poorly; decorative to screen readers. */
export function Pictogram({ name, className }: { name: PictogramName; className?: string }) {
  return <Icon node={icons[name]} className={className} strokeWidth={1.75} />;
}
