import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLifeEventId, isProcedureId } from '@/catalogue';
import { recordings, recordingsForPage, textFor } from '@/catalogue/media';
import { screenSeeds } from '@/catalogue/screens';
import { allShortCodes, parseShortCode, shortCode, shortPath, sourceSlug } from '@/catalogue/shortLinks';
import { connect } from '@/db/client';
import { scanTotals, recordScan } from '@/db/queries/scans';
import { findScreen } from '@/db/queries/screens';
import { seed } from '@/db/seed';
import { languageCoverage } from '@/lib/languageCoverage';
import { cueTexts } from '@/lib/webVtt';
import { databaseTargets } from '../support/db';

const publicFile = (file: string) => path.join(process.cwd(), 'public', file);

describe('recordings catalogue', () => {
  it.each(recordings.map((r) => [r.id, r] as const))('%s: files exist and are described truly', (_, r) => {
    expect(r.guide.kind === 'procedure' ? isProcedureId(r.guide.id) : isLifeEventId(r.guide.id)).toBe(true);
    expect(statSync(publicFile(r.file)).size).toBe(r.bytes);
    if (r.kind === 'video') expect(existsSync(publicFile(r.poster!))).toBe(true);
    expect(r.texts.length).toBeGreaterThan(0);
    const cueCounts = r.texts.map((t) => {
      const vtt = readFileSync(publicFile(t.file), 'utf8');
      expect(vtt.startsWith('WEBVTT'), t.file).toBe(true);
      return cueTexts(vtt).length;
    });
    // Every language's words follow the same cues.
    expect(new Set(cueCounts).size).toBe(1);
    expect(cueCounts[0]).toBeGreaterThan(0);
  });

  it('sample recordings stay small: video ≤ 150 kbit/s with ≤ 48 kbit/s audio, audio alone ≤ 48 kbit/s', () => {
    for (const r of recordings.filter((x) => x.origin === 'sample')) {
      const kbps = (r.bytes * 8) / r.durationSeconds / 1000;
      expect(kbps, r.id).toBeLessThanOrEqual(r.kind === 'video' ? 150 + 48 : 48);
    }
  });

  it('a page offers recordings in its own language first, then the others', () => {
    const hmn = recordingsForPage({ kind: 'procedure', id: 'register-birth' }, 'hmn');
    expect(hmn[0]!.language).toBe('hmn');
    expect(hmn.map((r) => r.language)).toContain('vi');
    const video = recordings.find((r) => r.id === 'register-birth-video-vi')!;
    expect(textFor(video, 'hmn')!.status).toBe('draft');
    // No Tày captions: the words in the language spoken.
    expect(textFor(video, 'tyz')!.language).toBe('vi');
  });

  it('cueTexts reads cue text, not numbers, timings or tags', () => {
    const vtt =
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nHello <b>there</b>\n\n2\n00:00:01.000 --> 00:00:02.000\nTwo\nlines\n';
    expect(cueTexts(vtt)).toEqual(['Hello there', 'Two lines']);
  });
});

describe('short links', () => {
  it('codes printed on paper never change (a frozen sample) and are unique', () => {
    expect(shortCode({ kind: 'procedure', id: 'register-birth' }, 'hmn')).toBe('ksh');
    expect(shortCode({ kind: 'procedure', id: 'register-birth' }, 'vi')).toBe('ksv');
    expect(shortCode({ kind: 'life-event', id: 'having-a-baby' }, 'tyz')).toBe('sct');
    expect(shortCode({ kind: 'procedure', id: 'cultural-family-title' }, 'ium')).toBe('vhd');
    expect(shortPath({ kind: 'procedure', id: 'register-death' }, 'nut', 'cho-phien')).toBe(
      '/q/ktn/cho-phien',
    );
    const codes = allShortCodes();
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });

  it('every procedure and life event has one, and each code parses back to its guide and language', () => {
    for (const { code, guide, locale } of allShortCodes())
      expect(parseShortCode(code)).toEqual({ guide, locale });
    expect(allShortCodes()).toHaveLength((15 + 7) * 6);
    for (const bad of ['', 'ks', 'ksx', 'ksvv', 'zzv', 'KSV']) expect(parseShortCode(bad), bad).toBeNull();
  });

  it('a place typed by a person becomes a safe source', () => {
    expect(sourceSlug('UBND xã Nậm Dần')).toBe('ubnd-xa-nam-dan');
    expect(sourceSlug('  Chợ phiên / Đồng Văn!! ')).toBe('cho-phien-dong-van');
    expect(sourceSlug('---')).toBeNull();
    expect(sourceSlug('<script>')).toBe('script');
    expect(sourceSlug('a'.repeat(80))).toHaveLength(40);
  });
});

describe('office screens', () => {
  it('seed playlists play videos that exist, with captions they have', () => {
    for (const screen of screenSeeds) {
      for (const item of screen.items) {
        const recording = recordings.find((r) => r.id === item.recording);
        expect(recording?.kind, `${screen.id}: ${item.recording}`).toBe('video');
        expect(recording!.texts.map((t) => t.language)).toContain(item.captions);
      }
    }
  });
});

describe('language coverage', () => {
  it('counts recordings and captions per language, samples as drafts', () => {
    const hmn = languageCoverage('hmn');
    expect(hmn.audio.draft).toBe(1);
    expect(hmn.audio.reviewed).toBe(0);
    expect(hmn.captions.draft).toBe(1);
    expect(languageCoverage('tyz').captions.reviewed + languageCoverage('tyz').captions.draft).toBe(0);
    expect(languageCoverage('vi').interface.reviewed).toBe(languageCoverage('vi').interface.total);
  });
});

describe.each(databaseTargets)('scans and screens on $name', ({ options }) => {
  const conn = connect(options);
  beforeAll(async () => {
    await conn.migrate();
    await seed(conn.db);
  });
  afterAll(() => conn.close());

  it('counts every scan once per code, place and day, in parallel', async () => {
    const code = `t${Math.random().toString(36).slice(2, 8)}`;
    await Promise.all(Array.from({ length: 7 }, () => recordScan(conn.db, code, '')));
    await recordScan(conn.db, code, 'cho-phien');
    const rows = (await scanTotals(conn.db)).filter((r) => r.code === code);
    expect(rows).toEqual([
      { code, source: '', scans: 7 },
      { code, source: 'cho-phien', scans: 1 },
    ]);
  });

  it('seeds the pilot screens and keeps a playlist the province changed', async () => {
    const { screens } = await import('@/db/schema');
    const { eq } = await import('drizzle-orm');
    await conn.db
      .update(screens)
      .set({ items: [{ recording: 'register-death-video-vi', captions: 'en' }] })
      .where(eq(screens.id, 'tan-quang-1'));
    await seed(conn.db);
    expect((await findScreen(conn.db, 'tan-quang-1'))!.items).toEqual([
      { recording: 'register-death-video-vi', captions: 'en' },
    ]);
    expect((await findScreen(conn.db, 'nam-dan-1'))!.items).toHaveLength(3);
    // Put it back for other tests sharing this database.
    await conn.db.delete(screens).where(eq(screens.id, 'tan-quang-1'));
    await seed(conn.db);
  });
});
