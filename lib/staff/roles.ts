import { province } from '@/catalogue/province';
import { isLocale, type Locale } from '@/i18n/locales';

/**
 * Who may do what, and where (docs/adr/0023). A role is granted for one commune, or for the whole
 * province (commune null); a translator's grant also names its language. Pages and actions never test a
 * role: they ask for a permission through requireStaff (lib/staff/session.ts), which asks `allows` here.
 */
export const roles = [
  'province-admin',
  'commune-officer',
  'digital-team-leader',
  'helper',
  'content-editor',
  'reviewer',
  'translator',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** The operations page (outbox health, QR scans): province-wide only. */
  'ops:view',
  /** Send a dead letter again (audited). */
  'ops:retry',
  /** Create accounts and grant roles. */
  'staff:manage',
  /** Read the audit log. */
  'audit:view',
  /** See and process dossiers filed at the commune's one-stop desk. */
  'dossiers:process',
  /** File an application for a villager (assisted mode). */
  'dossiers:file',
  /** Manage the commune's community digital team (its helpers and their devices). */
  'team:manage',
  /** Edit guide texts; review them before publication; translate them into one language. */
  'content:edit',
  'content:review',
  'content:translate',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * The role → permission table. `province` marks a permission a commune-scoped grant cannot give (the
 * outbox is the whole province's, whatever commune a person works in).
 */
const rolePermissions: Record<Role, readonly Permission[]> = {
  'province-admin': [
    'ops:view',
    'ops:retry',
    'staff:manage',
    'audit:view',
    'dossiers:process',
    'dossiers:file',
    'team:manage',
  ],
  'commune-officer': ['dossiers:process', 'dossiers:file', 'team:manage'],
  'digital-team-leader': ['dossiers:file', 'team:manage'],
  helper: ['dossiers:file'],
  'content-editor': ['content:edit'],
  reviewer: ['content:review'],
  translator: ['content:translate'],
};

/** Where each role may be granted: one commune, the province, or (content) always province-wide. */
export const roleScope: Record<Role, 'province' | 'commune'> = {
  'province-admin': 'province',
  'commune-officer': 'commune',
  'digital-team-leader': 'commune',
  helper: 'commune',
  'content-editor': 'province',
  reviewer: 'province',
  translator: 'province',
};

/** Roles whose holders must use a second factor (TOTP) before any staff page opens. */
const secondFactorRoles: ReadonlySet<Role> = new Set(['province-admin', 'commune-officer']);

export interface Grant {
  readonly role: Role;
  /** null: the whole province. */
  readonly communeId: string | null;
  /** Translators only: the language they translate into. */
  readonly language: string | null;
}

export interface Scope {
  /** The commune the action concerns (a dossier's office, a team); omitted for province-wide things. */
  readonly commune?: string;
  /** The language the action concerns (translation). */
  readonly language?: Locale;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/**
 * Whether one of `grants` gives `permission` for `scope`. A commune grant covers that commune only, and
 * never a province-wide question (no `scope.commune`); a translator's grant covers its language only.
 */
export function allows(grants: readonly Grant[], permission: Permission, scope: Scope = {}): boolean {
  return grants.some((grant) => {
    if (!rolePermissions[grant.role].includes(permission)) return false;
    if (grant.communeId !== null && grant.communeId !== scope.commune) return false;
    if (grant.role === 'translator' && grant.language !== scope.language) return false;
    return true;
  });
}

/** The communes among `communeIds` where one of `grants` gives `permission`. */
export function communesWhere(
  grants: readonly Grant[],
  permission: Permission,
  communeIds: readonly string[],
): string[] {
  return communeIds.filter((commune) => allows(grants, permission, { commune }));
}

/** The languages among `languages` where one of `grants` gives `permission`: what a translator may translate. */
export function languagesWhere<L extends Locale>(
  grants: readonly Grant[],
  permission: Permission,
  languages: readonly L[],
): L[] {
  return languages.filter((language) => allows(grants, permission, { language }));
}

export function needsSecondFactor(grants: readonly Grant[]): boolean {
  return grants.some((grant) => secondFactorRoles.has(grant.role));
}

/** What is wrong with a grant before it is stored, or null: a message for the command line. */
export function grantProblem(grant: Grant): string | null {
  const communeIds: readonly string[] = province.communes.map((c) => c.id);
  if (roleScope[grant.role] === 'commune') {
    if (grant.communeId === null) return `${grant.role} is granted for one commune: give --commune`;
    if (!communeIds.includes(grant.communeId)) {
      return `unknown commune ${grant.communeId} (one of ${communeIds.join(', ')})`;
    }
  } else if (grant.communeId !== null) {
    return `${grant.role} is province-wide: leave out --commune`;
  }
  if (grant.role === 'translator') {
    if (grant.language === null || !isLocale(grant.language) || grant.language === 'vi') {
      return 'translator needs --language, one of the portal languages other than vi';
    }
  } else if (grant.language !== null) {
    return '--language is for translators only';
  }
  return null;
}

/** The table itself, for the unit test that walks every role. */
export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}
