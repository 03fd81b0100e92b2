import { Award, Baby, FileText, Flower2, HandHelping, HeartHandshake, House, type LucideIcon } from 'lucide-react';
import type { Pictogram as PictogramName } from '@/catalogue/types';

const icons: Record<PictogramName, LucideIcon> = {
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
  const Icon = icons[name];
  return <Icon aria-hidden="true" focusable="false" className={className} strokeWidth={1.75} />;
}
