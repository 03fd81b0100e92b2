import { describe, expect, it } from 'vitest';
import { bundlesContaining, lifeEvents, procedures, province } from '@/catalogue';
import type { Fact } from '@/catalogue/types';
import { locales } from '@/i18n/locales';
import { flatMessages } from '@/i18n/messages';

const procedureIds = procedures.map((p) => p.id) as string[];
const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('catalogue integrity', () => {
  it('has unique kebab-case ids', () => {
    const ids = [...procedureIds, ...lifeEvents.map((e) => e.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(kebab);
    for (const event of lifeEvents) {
      const stepIds = event.steps.map((s) => s.id);
      expect(new Set(stepIds).size, event.id).toBe(stepIds.length);
    }
  });

  it('holds the ten pilot procedures and both national bundles', () => {
    for (const id of [
      'register-birth',
      'register-marriage',
      'register-death',
      'birth-bundle',
      'copy-civil-status-extract',
      'certify-marital-status',
      'recognise-poor-household',
      'recognise-household-leaving-poverty',
      'monthly-social-allowance',
      'cultural-family-title',
      'death-bundle',
    ]) {
      expect(procedureIds).toContain(id);
    }
  });

  it("refers only to procedures that exist, from every life event's steps", () => {
    for (const event of lifeEvents) {
      expect(event.steps.length, event.id).toBeGreaterThan(0);
      for (const step of event.steps) {
        expect(step.procedures.length).toBeGreaterThan(0);
        for (const id of step.procedures) expect(procedureIds, `${event.id}/${step.id}`).toContain(id);
        if (step.connector === 'or') expect(step.procedures.length).toBeGreaterThan(1);
        if ('coveredBy' in step) {
          expect(procedures.find((p) => p.id === step.coveredBy)?.kind).toBe('bundle');
        }
      }
    }
  });

  it('builds bundles from existing, non-bundle procedures', () => {
    const bundles = procedures.filter((p) => p.kind === 'bundle');
    expect(bundles.map((b) => b.id).sort()).toEqual(['birth-bundle', 'death-bundle']);
    for (const bundle of bundles) {
      const parts = 'parts' in bundle ? (bundle.parts as readonly string[]) : [];
      expect(parts.length, bundle.id).toBeGreaterThan(1);
      for (const part of parts) expect(procedures.find((p) => p.id === part)?.kind, part).toBe('procedure');
    }
  });

  it('reaches every procedure from a life event, directly or through a bundle', () => {
    const listed = new Set(
      lifeEvents.flatMap((e) => e.steps.flatMap((s) => s.procedures as readonly string[])),
    );
    for (const p of procedures) {
      const viaBundle = bundlesContaining(p.id).some((b) => listed.has(b.id));
      expect(listed.has(p.id) || viaBundle, p.id).toBe(true);
    }
  });

  it('lets one procedure belong to several life events', () => {
    const eventsOf = (id: string) =>
      lifeEvents.filter((e) => e.steps.some((s) => (s.procedures as readonly string[]).includes(id)));
    expect(eventsOf('certify-marital-status').length).toBeGreaterThan(1);
  });

  it('gives every fact a status, and every verified fact a source', () => {
    const facts: [string, Fact<unknown>][] = procedures.flatMap((p) => {
      const list: [string, Fact<unknown>][] = [
        [`${p.id}.online`, p.online],
        [`${p.id}.documents`, p.documents],
        [`${p.id}.fee`, p.fee],
        [`${p.id}.processingTime`, p.processingTime],
        [`${p.id}.legalBasis`, p.legalBasis],
      ];
      if (p.nationalCode) list.push([`${p.id}.nationalCode`, p.nationalCode]);
      return list;
    });
    for (const event of lifeEvents)
      for (const step of event.steps)
        if ('deadline' in step) facts.push([`${event.id}.${step.id}`, step.deadline]);
    facts.push(['province.agencyCode', province.agencyCode], ['province.helpline', province.helpline]);
    for (const c of province.communes) facts.push([`commune ${c.id}`, c.agencyCode]);

    for (const [name, fact] of facts) {
      expect(['verified', 'sample'], name).toContain(fact.status);
      if (fact.status === 'verified') expect(fact.source.trim().length, name).toBeGreaterThan(0);
    }
  });

  it('has Vietnamese and English text for every catalogue entry', () => {
    for (const locale of ['vi', 'en'] as const) {
      const messages = flatMessages(locale);
      const need = (key: string) => expect(messages.has(key), `${locale}: ${key}`).toBe(true);
      for (const p of procedures) {
        for (const field of ['title', 'summary', 'who', 'keywords'])
          need(`catalogue.procedures.${p.id}.${field}`);
        for (const doc of p.documents.value) need(`catalogue.documents.${doc}`);
      }
      for (const e of lifeEvents) {
        for (const field of ['title', 'summary', 'keywords']) need(`catalogue.lifeEvents.${e.id}.${field}`);
        for (const s of e.steps) {
          need(`catalogue.lifeEvents.${e.id}.steps.${s.id}.title`);
          need(`catalogue.lifeEvents.${e.id}.steps.${s.id}.body`);
        }
      }
    }
  });
});

describe('province configuration', () => {
  it('offers only languages the portal supports, Vietnamese first', () => {
    for (const l of province.languages) expect(locales).toContain(l);
    expect(province.languages[0]).toBe('vi');
  });

  it('marks the pilot communes and their codes as sample data', () => {
    expect(province.communes.map((c) => c.name)).toEqual(['Tân Quang', 'Tân Lập', 'Quảng Nguyên', 'Nậm Dần']);
    for (const c of province.communes) {
      expect(c.isPilot).toBe(true);
      expect(c.agencyCode.status).toBe('sample');
      expect(c.agencyCode.value).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/);
    }
  });
});
