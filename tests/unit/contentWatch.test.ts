import { describe, expect, it } from 'vitest';
import { serialised } from '@/lib/content/watch';

// The content watcher's looks (lib/content/watch.ts): one at a time, and a notification that arrives while
// a look runs is not lost.

describe('serialised', () => {
  it('runs once more after the running call for any number of calls made meanwhile', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const look = serialised(async () => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    const first = look();
    const during = [look(), look(), look()];
    expect(runs).toBe(1);
    release();
    await Promise.all([first, ...during]);
    expect(runs).toBe(2);
    await look();
    expect(runs).toBe(3);
  });

  it('never runs two at once', async () => {
    let active = 0;
    let most = 0;
    const look = serialised(async () => {
      active += 1;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
    });
    await Promise.all(Array.from({ length: 10 }, () => look()));
    expect(most).toBe(1);
  });
});
