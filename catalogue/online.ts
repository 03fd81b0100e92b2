import { findJourney } from './forms/journeys';
import type { OnlineLevel, Procedure } from './types';

/**
 * What a guide may say about applying online, derived from one fact: whether the portal has a journey for
 * the procedure (catalogue/forms/journeys.ts). `procedure.online` is what the law allows; without a
 * journey the portal cannot deliver it, and four guides once said "fully online" above an apply button
 * that led to "coming soon". So: a journey, and the guide says what the law allows and shows the button;
 * none, and it says "not yet online" (or "in person", where that is the law's answer) and shows no button.
 */
export type OnlineClaim = OnlineLevel | 'not-yet';

export function canApplyOnline(procedure: Pick<Procedure, 'id'>): boolean {
  return findJourney(procedure.id) !== undefined;
}

export function onlineClaim(procedure: Pick<Procedure, 'id' | 'online'>): OnlineClaim {
  if (procedure.online.value === 'in-person') return 'in-person';
  return canApplyOnline(procedure) ? procedure.online.value : 'not-yet';
}
