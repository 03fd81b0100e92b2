import { lifeEvents, type LifeEventId } from './lifeEvents';
import { procedures, type ProcedureId } from './procedures';

export { lifeEvents, type LifeEventId } from './lifeEvents';
export { procedures, type ProcedureId } from './procedures';
export { province } from './province';
export type * from './types';

export type CatalogueProcedure = (typeof procedures)[number];
export type CatalogueLifeEvent = (typeof lifeEvents)[number];

export function findProcedure(id: string): CatalogueProcedure | undefined {
  return procedures.find((p) => p.id === id);
}

export function findLifeEvent(id: string): CatalogueLifeEvent | undefined {
  return lifeEvents.find((e) => e.id === id);
}

/** The life events whose steps mention a procedure, directly or through a bundle that contains it. */
export function lifeEventsFor(procedureId: ProcedureId): CatalogueLifeEvent[] {
  return lifeEvents.filter((event) =>
    event.steps.some((step) => (step.procedures as readonly string[]).includes(procedureId)),
  );
}

/** Bundles that file this procedure as one of their parts. */
export function bundlesContaining(procedureId: ProcedureId): CatalogueProcedure[] {
  return procedures.filter((p) => 'parts' in p && (p.parts as readonly string[]).includes(procedureId));
}

export function isLifeEventId(id: string): id is LifeEventId {
  return findLifeEvent(id) !== undefined;
}

export function isProcedureId(id: string): id is ProcedureId {
  return findProcedure(id) !== undefined;
}

/** When the catalogue's texts and facts were last reviewed by the team (not by an official source). */
export const catalogueUpdatedOn = new Date('2026-11-24T00:00:00+07:00');
