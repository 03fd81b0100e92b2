import { findJourney } from '@/catalogue/forms/journeys';

/**
 * A submission's dossiers in its journey's order (`journey.procedures`): the birth bundle is birth
 * registration, then residence, then the health-insurance card, on the receipt and on the tracking page
 * alike. The dossiers of one submission are written in one transaction, so their `created_at` is the same
 * and the database's order among them is nobody's choice; the journey is the one order people are shown.
 * A procedure the journey no longer lists (an older version) goes last, by id.
 */
export function inJourneyOrder<T extends { readonly procedureId: string }>(
  journeyId: string,
  items: readonly T[],
): T[] {
  const order: readonly string[] = findJourney(journeyId)?.procedures ?? [];
  const position = (item: T) => {
    const index = order.indexOf(item.procedureId);
    return index === -1 ? order.length : index;
  };
  return [...items].sort((a, b) => position(a) - position(b) || a.procedureId.localeCompare(b.procedureId));
}
