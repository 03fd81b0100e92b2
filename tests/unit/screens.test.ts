import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '@/db/client';
import { findScreen, listScreens, recordScreenSeen } from '@/db/queries/screens';
import { seed } from '@/db/seed';
import { parsePlaying, playlistVersion } from '@/lib/screens';
import { databaseTargets } from '../support/db';

// Office screens report that they are alive and what they play, and hear their playlist's version back
// (issue 15): the version follows the playlist, and only a real video and language count as "playing".

describe('a screen’s playlist version', () => {
  const items = [
    { recording: 'register-birth-video-vi', captions: 'hmn' },
    { recording: 'register-death-video-vi', captions: 'vi' },
  ];

  it('stays while the playlist stays, and changes with any change to it', () => {
    expect(playlistVersion(items)).toBe(playlistVersion(structuredClone(items)));
    expect(playlistVersion(items)).toMatch(/^[0-9a-f]{16}$/);
    expect(playlistVersion([items[1]!, items[0]!])).not.toBe(playlistVersion(items));
    expect(playlistVersion([{ ...items[0]!, captions: 'vi' }, items[1]!])).not.toBe(playlistVersion(items));
    expect(playlistVersion(items.slice(1))).not.toBe(playlistVersion(items));
  });

  it('takes as playing only a video the catalogue has, in a portal language', () => {
    expect(parsePlaying('register-birth-video-vi:hmn')).toEqual({
      recording: 'register-birth-video-vi',
      language: 'hmn',
    });
    for (const bad of [
      'register-birth-audio-vi:vi',
      'nope:vi',
      'register-birth-video-vi:fr',
      'a:b:c',
      7,
      null,
    ]) {
      expect(parsePlaying(bad), String(bad)).toBeNull();
    }
  });
});

describe.each(databaseTargets)('screens seen on $name', ({ options }) => {
  const conn = connect(options);
  const db = conn.db;

  beforeAll(async () => {
    await conn.migrate();
    await seed(db);
  });
  afterAll(() => conn.close());

  it('records when a screen was last seen and what it played, for a screen that exists', async () => {
    const at = new Date('2026-12-03T08:00:00Z');
    const seen = await recordScreenSeen(db, 'tan-quang-1', 'register-birth-video-vi:vi', at);
    expect(seen).toMatchObject({
      id: 'tan-quang-1',
      lastSeenAt: at,
      lastPlaying: 'register-birth-video-vi:vi',
    });
    expect(await recordScreenSeen(db, 'no-such-screen', null, at)).toBeUndefined();
    expect((await findScreen(db, 'tan-quang-1'))?.lastSeenAt).toEqual(at);
    expect((await listScreens(db)).map((s) => s.id)).toEqual(
      expect.arrayContaining(['tan-quang-1', 'nam-dan-1']),
    );
  });
});
