import { findProcedure } from '@/catalogue';
import { findJourney, type JourneyId } from '@/catalogue/forms/journeys';
import type { Journey } from '@/catalogue/forms/types';

/** A journey's version is the highest version of the procedures it files; submissions snapshot it. */
export function journeyVersion(journey: Journey): number {
  return Math.max(...journey.procedures.map((id) => findProcedure(id)?.version ?? 1));
}

export function journeyOrNull(id: string): (Journey & { id: JourneyId }) | null {
  return (findJourney(id) as (Journey & { id: JourneyId }) | undefined) ?? null;
}
