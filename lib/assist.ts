import type { AssistPlace, Channel, Draft } from '@/db/schema';
import { isLocale, type Locale } from '@/i18n/locales';
import { displayableText } from '@/catalogue/forms/text';
import { allows, communesWhere, type Grant } from './staff/roles';
import type { Staff } from './staff/session';

/**
 * Assisted mode (docs/adr/0026): a helper or officer files for a villager on the citizen journey itself.
 * The applicant stays the villager; these rules say who may, where, and what is recorded.
 */

export const PLACE_NAME_MAX = 80;

export type PlaceProblem = 'place-kind' | 'place-name' | 'place-name-long';

/** The place as the start form gave it, or what is wrong with it. */
export function parsePlace(kind: string, rawName: string): AssistPlace | PlaceProblem {
  const name = displayableText(rawName).trim();
  if (kind === 'commune-office') return { kind, name: '' };
  if (kind !== 'village-hall') return 'place-kind';
  if (!name) return 'place-name';
  if (name.length > PLACE_NAME_MAX) return 'place-name-long';
  return { kind, name };
}

/** The communes a staff member may file for: those where one of their grants gives `dossiers:file`. */
export function filingCommunes(grants: readonly Grant[], communeIds: readonly string[]): string[] {
  return communesWhere(grants, 'dossiers:file', communeIds);
}

/** An officer processes the commune's dossiers at its desk; anyone else who may file is a helper. */
export function channelFor(grants: readonly Grant[], commune: string): Exclude<Channel, 'self'> {
  return allows(grants, 'dossiers:process', { commune }) ? 'officer' : 'helper';
}

/**
 * Whether `staff` may go on with an assisted draft: only the staff member who started it, and only while
 * signed in. Anyone else (another helper on the same laptop, nobody) is refused.
 */
export function mayContinue(draft: Pick<Draft, 'assistedBy'>, staff: Staff | null): boolean {
  return draft.assistedBy !== null && staff !== null && staff.user.id === draft.assistedBy;
}

/** The language the helper says they read the consent text aloud in, or null if it is not one we know. */
export function readAloudLanguage(value: string): Locale | null {
  return isLocale(value) ? value : null;
}

/** Midnight in Vietnam (UTC+7, no daylight saving): the start of "today" for the afternoon's list. */
export function startOfTodayInVietnam(now = new Date()): Date {
  const shifted = new Date(now.getTime() + 7 * 3600_000);
  shifted.setUTCHours(0, 0, 0, 0);
  return new Date(shifted.getTime() - 7 * 3600_000);
}

/**
 * A villager's name as a slip prints it: the given name (last word) whole, the others as initials —
 * "Lò Thị Mỷ" → "L. T. Mỷ". Enough for the helper to hand each slip to the right person; little for anyone
 * who finds a lost one.
 */
export function nameOnSlip(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words[0] ?? '';
  const given = words[words.length - 1]!;
  return [...words.slice(0, -1).map((w) => `${[...w][0]!.toLocaleUpperCase('vi')}.`), given].join(' ');
}
