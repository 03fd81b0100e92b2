/**
 * The facts of a procedure the province manages (lib/content/facts.ts), apart so that the proxy's route
 * check (lib/routes.ts) can know them without the messages the rest of that module reads.
 */
export const factFields = [
  'fee',
  'processingTime',
  'documents',
  'online',
  'legalBasis',
  'nationalCode',
] as const;
export type FactField = (typeof factFields)[number];

export function isFactField(value: unknown): value is FactField {
  return typeof value === 'string' && (factFields as readonly string[]).includes(value);
}
