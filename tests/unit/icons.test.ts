import { readFileSync } from 'node:fs';
import { Clock, Sun } from 'lucide';
import { describe, expect, it } from 'vitest';
import { iconId, iconSet, spriteSvg } from '@/components/ui/iconSet';

describe('icon sprite', () => {
  it('is the committed file, made from the icon set (run `npm run icons` after changing it)', () => {
    expect(readFileSync('components/ui/icons.svg', 'utf8')).toBe(spriteSvg());
  });

  it('holds one symbol per icon, with its paths', () => {
    const sprite = spriteSvg();
    for (const id of Object.keys(iconSet)) expect(sprite).toContain(`<symbol id="${id}"`);
    expect(sprite.match(/<symbol /g)).toHaveLength(Object.keys(iconSet).length);
    expect(sprite).toMatch(
      /<symbol id="clock"[^>]*><circle cx="12" cy="12" r="10"\/><path d="[^"]+"\/><\/symbol>/,
    );
  });

  it('names an icon by its id, and refuses one that is not in the set', () => {
    expect(iconId(Clock)).toBe('clock');
    expect(() => iconId(Sun)).toThrow(/missing from components\/ui\/iconSet\.ts/);
  });
});
