import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { connect } from '@/db/client';
import { createLeafletRun, leafletRunsWithScans } from '@/db/queries/leafletRuns';
import { recordScan } from '@/db/queries/scans';
import { auditEvents } from '@/db/schema';
import { parseRunForm, printableGuides, sourceFromLabel } from '@/lib/leafletRuns';
import { databaseTargets } from '../support/db';

// Leaflet print runs (issue 15): the form's checks, the source made from a place's name, one run per
// leaflet and source, audited, counted by the scans of its own QR code only.

const form = (over: Partial<Parameters<typeof parseRunForm>[0]> = {}) => ({
  guide: 'procedure:register-birth',
  language: 'hmn',
  place: 'event',
  label: '  Chợ phiên   Đồng Văn ',
  source: '',
  copies: '1.500',
  ...over,
});

describe('a print run’s form', () => {
  it('makes the source from the place’s name, as a person could type it', () => {
    expect(sourceFromLabel('Chợ phiên Đồng Văn')).toBe('cho-phien-dong-van');
    expect(sourceFromLabel('UBND xã Tân Quang (bộ phận 1 cửa)')).toBe('ubnd-xa-tan-quang-bo-phan-1-cua');
    expect(sourceFromLabel('—')).toBe('');
  });

  it('keeps a good run, with the guide’s short code in its language', () => {
    expect(parseRunForm(form())).toEqual({
      ok: true,
      run: {
        guide: { kind: 'procedure', id: 'register-birth' },
        locale: 'hmn',
        code: 'ksh',
        source: 'cho-phien-dong-van',
        place: 'event',
        label: 'Chợ phiên Đồng Văn',
        copies: 1500,
      },
    });
    expect(parseRunForm(form({ source: 'Cho-2026', copies: '' }))).toMatchObject({
      run: { source: 'cho-2026', copies: null },
    });
    expect(printableGuides.length).toBeGreaterThan(15);
  });

  it('refuses each bad field by name', () => {
    expect(parseRunForm(form({ guide: 'procedure:nope' }))).toEqual({ ok: false, error: 'guide' });
    expect(parseRunForm(form({ language: 'fr' }))).toEqual({ ok: false, error: 'language' });
    expect(parseRunForm(form({ place: 'market' }))).toEqual({ ok: false, error: 'place' });
    expect(parseRunForm(form({ label: ' ' }))).toEqual({ ok: false, error: 'label' });
    expect(parseRunForm(form({ label: 'x'.repeat(101) }))).toEqual({ ok: false, error: 'label' });
    expect(parseRunForm(form({ label: '—' }))).toEqual({ ok: false, error: 'source' });
    expect(parseRunForm(form({ source: 'chợ phiên' }))).toEqual({ ok: false, error: 'source' });
    // A screen's own source: its scans would be counted as the run's.
    expect(parseRunForm(form({ source: 'screen-tan-quang-1' }))).toEqual({ ok: false, error: 'source' });
    expect(parseRunForm(form({ copies: '1,500' }))).toMatchObject({ run: { copies: 1500 } });
    expect(parseRunForm(form({ copies: '1500' }))).toMatchObject({ run: { copies: 1500 } });
    for (const copies of ['0', '-3', '1,5', '1.5', '12.34', 'nhiều', '100001', '100.001']) {
      expect(parseRunForm(form({ copies })), copies).toEqual({ ok: false, error: 'copies' });
    }
  });
});

describe.each(databaseTargets)('print runs on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;
  const run = `${process.pid}${Date.now().toString(36)}`;
  const editor = `editor-${run}`;

  beforeAll(() => conn.migrate());
  afterAll(() => conn.close());

  it('records a run once per leaflet and source, audited, and counts only its own scans', async () => {
    const parsed = parseRunForm(form({ source: `cho-${run}` }));
    if (!parsed.ok) throw new Error(parsed.error);
    const created = await createLeafletRun(db, parsed.run, editor);
    expect(created.ok).toBe(true);
    // The same leaflet and source again is refused; the same source on another leaflet is its own run.
    expect(await createLeafletRun(db, parsed.run, editor)).toEqual({ ok: false, refused: 'taken' });
    const other = { ...parsed.run, locale: 'vi' as const, code: 'ksv' };
    expect((await createLeafletRun(db, other, editor)).ok).toBe(true);

    await recordScan(db, 'ksh', `cho-${run}`);
    await recordScan(db, 'ksh', `cho-${run}`);
    await recordScan(db, 'ksh', '');
    await recordScan(db, 'ksv', `other-${run}`);
    const rows = (await leafletRunsWithScans(db)).filter((r) => r.run.source === `cho-${run}`);
    expect(rows.map((r) => [r.run.code, r.scans]).sort()).toEqual([
      ['ksh', 2],
      ['ksv', 0],
    ]);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.actorId, editor));
    expect(audit.map((a) => a.action)).toEqual(['leaflet-run-created', 'leaflet-run-created']);
  });
});
