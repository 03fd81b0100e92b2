import type { Answers } from '@/catalogue/forms/types';
import { province } from '@/catalogue/province';

export const communeIds = province.communes.map((c) => c.id) as readonly string[];

/** The commune whose centre receives the dossier: the one chosen, or where the family lives. */
export function officeCommune(answers: Answers): string | null {
  const chosen = answers['office-commune'] ?? answers['residence-commune'];
  return typeof chosen === 'string' && communeIds.includes(chosen) ? chosen : null;
}
