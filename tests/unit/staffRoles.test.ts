import { describe, expect, it } from 'vitest';
import {
  allows,
  grantProblem,
  needsSecondFactor,
  permissions,
  permissionsOf,
  roles,
  type Grant,
  type Permission,
  type Role,
} from '@/lib/staff/roles';

// The role → permission table, walked for every role and permission: what each may do, where.

const expected: Record<Role, readonly Permission[]> = {
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

const grant = (role: Role, communeId: string | null = null, language: string | null = null): Grant => ({
  role,
  communeId,
  language,
});

describe('staff roles', () => {
  it.each(roles)('%s has exactly its permissions', (role) => {
    expect([...permissionsOf(role)].sort()).toEqual([...expected[role]].sort());
  });

  it.each(roles)('%s is allowed its permissions in its own scope and no other permission', (role) => {
    const scoped =
      role === 'commune-officer' || role === 'digital-team-leader' || role === 'helper'
        ? grant(role, 'tan-quang')
        : grant(role, null, role === 'translator' ? 'hmn' : null);
    for (const permission of permissions) {
      const scope = { commune: 'tan-quang', ...(role === 'translator' ? { language: 'hmn' as const } : {}) };
      expect(allows([scoped], permission, scope), `${role} ${permission}`).toBe(
        expected[role].includes(permission),
      );
    }
  });

  it('a commune grant acts on its own commune only, and never on a province-wide question', () => {
    for (const role of ['commune-officer', 'digital-team-leader', 'helper'] as const) {
      const inA = [grant(role, 'tan-quang')];
      expect(allows(inA, 'dossiers:file', { commune: 'tan-quang' })).toBe(true);
      expect(allows(inA, 'dossiers:file', { commune: 'nam-dan' }), role).toBe(false);
      expect(allows(inA, 'dossiers:file'), role).toBe(false);
    }
  });

  it('a province admin acts on every commune and on the operations page; no commune role opens it', () => {
    expect(allows([grant('province-admin')], 'dossiers:process', { commune: 'nam-dan' })).toBe(true);
    expect(allows([grant('province-admin')], 'ops:view')).toBe(true);
    for (const role of ['commune-officer', 'digital-team-leader', 'helper'] as const) {
      expect(allows([grant(role, 'tan-quang')], 'ops:view', { commune: 'tan-quang' })).toBe(false);
    }
  });

  it('a translator translates into their own language only', () => {
    const hmong = [grant('translator', null, 'hmn')];
    expect(allows(hmong, 'content:translate', { language: 'hmn' })).toBe(true);
    expect(allows(hmong, 'content:translate', { language: 'tyz' })).toBe(false);
    expect(allows(hmong, 'content:translate')).toBe(false);
  });

  it('several grants add up, each in its own scope', () => {
    const both = [grant('helper', 'tan-quang'), grant('commune-officer', 'nam-dan')];
    expect(allows(both, 'dossiers:process', { commune: 'nam-dan' })).toBe(true);
    expect(allows(both, 'dossiers:process', { commune: 'tan-quang' })).toBe(false);
    expect(allows([], 'dossiers:file', { commune: 'tan-quang' })).toBe(false);
  });

  it('asks province admins and commune officers, and nobody else, for a second factor', () => {
    for (const role of roles) {
      const needs = role === 'province-admin' || role === 'commune-officer';
      expect(needsSecondFactor([grant(role, 'tan-quang')]), role).toBe(needs);
    }
    expect(needsSecondFactor([grant('helper', 'tan-quang'), grant('commune-officer', 'nam-dan')])).toBe(true);
  });

  it('refuses grants in the wrong scope', () => {
    expect(grantProblem(grant('helper'))).toMatch(/--commune/);
    expect(grantProblem(grant('helper', 'atlantis'))).toMatch(/unknown commune/);
    expect(grantProblem(grant('province-admin', 'tan-quang'))).toMatch(/province-wide/);
    expect(grantProblem(grant('translator'))).toMatch(/--language/);
    expect(grantProblem(grant('translator', null, 'vi'))).toMatch(/--language/);
    expect(grantProblem(grant('reviewer', null, 'hmn'))).toMatch(/translators only/);
    expect(grantProblem(grant('helper', 'tan-quang'))).toBeNull();
    expect(grantProblem(grant('translator', null, 'hmn'))).toBeNull();
    expect(grantProblem(grant('province-admin'))).toBeNull();
  });
});
