import { describe, expect, it } from 'vitest';
import { actionIdsIn, namesUnknownAction } from '@/lib/serverActions';

const known = new Set(['40aa', '60bb']);

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe('Server Action ids named by a form posted without JavaScript', () => {
  it('reads plain and bound action fields', () => {
    expect(actionIdsIn(form({ $ACTION_ID_40aa: '', name: 'x' }))).toEqual(['40aa']);
    expect(
      actionIdsIn(
        form({ $ACTION_REF_1: '', '$ACTION_1:0': '{"id":"60bb","bound":"$@1"}', '$ACTION_1:1': '[]' }),
      ),
    ).toEqual(['60bb']);
    expect(actionIdsIn(form({ q: 'search' }))).toEqual([]);
  });

  it('flags an id this build lacks, and a garbled bound field', () => {
    expect(namesUnknownAction(form({ $ACTION_ID_40aa: '' }), known)).toBe(false);
    expect(namesUnknownAction(form({ $ACTION_ID_40cc: '' }), known)).toBe(true);
    expect(namesUnknownAction(form({ '$ACTION_1:0': 'not json' }), known)).toBe(true);
    expect(namesUnknownAction(form({ code: 'ABCD' }), known)).toBe(false);
  });

  it('refuses nothing when the build’s ids cannot be known', () => {
    expect(namesUnknownAction(form({ $ACTION_ID_40cc: '' }), null)).toBe(false);
  });
});
