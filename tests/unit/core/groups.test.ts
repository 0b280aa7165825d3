import { describe, expect, it } from 'vitest';
import {
  SUGGESTED_GROUPS, addGroup, deleteGroup, ensureGroup, findGroupByName, listGroups, updateGroup,
} from '../../../src/core/groups';
import { GROUP_COLORS } from '../../../src/core/palette';
import { exchange, joinDevice, newWorkshop, recordWrites, unwrap } from './helpers';

describe('addGroup', () => {
  it('adds a group with a cleaned name in one transaction with the origin', () => {
    const doc = newWorkshop();
    const { result, updates, origins } = recordWrites(doc, () => addGroup(doc, '  Local\tgovernment ', 'me'));
    const id = unwrap(result);
    expect(id).toMatch(/^[0-9a-z]{16}$/);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(listGroups(doc)).toEqual([{ id, name: 'Local government', color: expect.toBeOneOf([...GROUP_COLORS]) }]);
  });

  it('keeps a given colour', () => {
    const doc = newWorkshop();
    const id = unwrap(addGroup(doc, 'Donors', 'me', '#123abc'));
    expect(listGroups(doc)).toEqual([{ id, name: 'Donors', color: '#123abc' }]);
  });

  it('gives each group a colour no other group has while the palette lasts, then reuses one', () => {
    const doc = newWorkshop();
    for (let i = 0; i <= GROUP_COLORS.length; i++) addGroup(doc, `Group ${i}`, 'me');
    const colors = listGroups(doc).map((g) => g.color);
    expect(new Set(colors.slice(0, GROUP_COLORS.length))).toEqual(new Set(GROUP_COLORS));
    expect(GROUP_COLORS).toContain(colors.at(-1));
  });

  it('gives the suggested groups, created offline by devices that each know only their own, different colours', () => {
    const colors = SUGGESTED_GROUPS.map((name) => {
      const doc = newWorkshop();
      const id = unwrap(addGroup(doc, name, 'me'));
      return listGroups(doc).find((g) => g.id === id)!.color;
    });
    expect(new Set(colors).size).toBe(SUGGESTED_GROUPS.length);
  });

  it.each(['government', 'Government', ' GOVERNMENT ', 'Gövernment'])(
    'rejects %j as a duplicate of "government"', (name) => {
      const doc = newWorkshop();
      addGroup(doc, 'government', 'me');
      const { result, updates } = recordWrites(doc, () => addGroup(doc, name, 'me'));
      expect(result).toMatchObject({ ok: false, error: 'duplicate' });
      expect(updates).toBe(0);
      expect(listGroups(doc)).toHaveLength(1);
    });

  it.each([
    ['empty', '  ', 'empty'],
    ['too long', 'x'.repeat(61), 'too-long'],
  ] as const)('rejects an %s name', (_what, name, error) => {
    const doc = newWorkshop();
    expect(addGroup(doc, name, 'me')).toMatchObject({ ok: false, error });
    expect(listGroups(doc)).toEqual([]);
  });

  it.each(['red', '#12345', '#1234567', '123456', '#gggggg', ''])('rejects the colour %j', (color) => {
    const doc = newWorkshop();
    expect(addGroup(doc, 'Donors', 'me', color)).toEqual({ ok: false, error: 'bad-color', detail: color });
    expect(listGroups(doc)).toEqual([]);
  });

  it('lists groups by name', () => {
    const doc = newWorkshop();
    for (const name of ['NGOs', 'Donors', 'Community', 'academia']) addGroup(doc, name, 'me');
    expect(listGroups(doc).map((g) => g.name)).toEqual(['academia', 'Community', 'Donors', 'NGOs']);
  });
});

describe('ensureGroup', () => {
  it('creates the group on first use', () => {
    const doc = newWorkshop();
    const id = unwrap(ensureGroup(doc, 'government', 'me'));
    expect(listGroups(doc)).toEqual([{ id, name: 'government', color: GROUP_COLORS[0] }]);
  });

  it('lands "Government" in the existing "government" group rather than a twin', () => {
    const doc = newWorkshop();
    const id = unwrap(addGroup(doc, 'government', 'me'));
    const { result, updates } = recordWrites(doc, () => ensureGroup(doc, ' Government ', 'phone'));
    expect(result).toEqual({ ok: true, value: id });
    expect(updates).toBe(0);
    expect(listGroups(doc)).toHaveLength(1);
  });

  it('finds the existing group when the typed name differs only in what cleaning removes', () => {
    const doc = newWorkshop();
    const id = unwrap(addGroup(doc, 'Civil society', 'me'));
    expect(ensureGroup(doc, 'Civil\tsociety', 'phone')).toEqual({ ok: true, value: id });
    expect(ensureGroup(doc, 'Civil society\u200E', 'phone')).toEqual({ ok: true, value: id });
    expect(listGroups(doc)).toHaveLength(1);
  });

  it('passes on validation errors', () => {
    const doc = newWorkshop();
    expect(ensureGroup(doc, '   ', 'me')).toMatchObject({ ok: false, error: 'empty' });
  });
});

describe('updateGroup', () => {
  it('renames and recolours in one transaction', () => {
    const doc = newWorkshop();
    const id = unwrap(addGroup(doc, 'Gov', 'me'));
    const { result, updates, origins } = recordWrites(doc, () =>
      updateGroup(doc, id, { name: ' Government ', color: '#000000' }, 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(listGroups(doc)).toEqual([{ id, name: 'Government', color: '#000000' }]);
  });

  it('allows changing only the case of its own name', () => {
    const doc = newWorkshop();
    const id = unwrap(addGroup(doc, 'government', 'me'));
    expect(updateGroup(doc, id, { name: 'Government' }, 'me').ok).toBe(true);
    expect(findGroupByName(doc, 'GOVERNMENT')).toMatchObject({ id, name: 'Government' });
  });

  it('rejects renaming to another group\'s name, in any case', () => {
    const doc = newWorkshop();
    addGroup(doc, 'Donors', 'me');
    const id = unwrap(addGroup(doc, 'NGOs', 'me'));
    expect(updateGroup(doc, id, { name: 'donors' }, 'me')).toEqual({ ok: false, error: 'duplicate', detail: 'donors' });
    expect(listGroups(doc).map((g) => g.name)).toEqual(['Donors', 'NGOs']);
  });

  it('rejects a bad colour or empty name and changes nothing', () => {
    const doc = newWorkshop();
    const id = unwrap(addGroup(doc, 'NGOs', 'me'));
    const before = listGroups(doc);
    expect(updateGroup(doc, id, { name: 'Civil society', color: 'blue' }, 'me')).toMatchObject({ ok: false, error: 'bad-color' });
    expect(updateGroup(doc, id, { name: ' ', color: '#000000' }, 'me')).toMatchObject({ ok: false, error: 'empty' });
    expect(listGroups(doc)).toEqual(before);
  });

  it('reports a missing group', () => {
    expect(updateGroup(newWorkshop(), 'nope', { name: 'X' }, 'me')).toEqual({ ok: false, error: 'no-group', detail: 'nope' });
  });
});

describe('deleteGroup', () => {
  it('removes the group in one transaction', () => {
    const doc = newWorkshop();
    const keep = unwrap(addGroup(doc, 'Donors', 'me'));
    const id = unwrap(addGroup(doc, 'NGOs', 'me'));
    const { result, updates, origins } = recordWrites(doc, () => deleteGroup(doc, id, 'me'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(origins).toEqual(['me']);
    expect(listGroups(doc).map((g) => g.id)).toEqual([keep]);
    expect(findGroupByName(doc, 'NGOs')).toBeUndefined();
  });

  it('reports a missing or already deleted group', () => {
    const doc = newWorkshop();
    const id = unwrap(addGroup(doc, 'NGOs', 'me'));
    deleteGroup(doc, id, 'me');
    expect(deleteGroup(doc, id, 'me')).toEqual({ ok: false, error: 'no-group', detail: id });
  });

  it('frees the name for a new group', () => {
    const doc = newWorkshop();
    deleteGroup(doc, unwrap(addGroup(doc, 'NGOs', 'me')), 'me');
    expect(addGroup(doc, 'ngos', 'me').ok).toBe(true);
  });

  it('wins over a concurrent rename on another device', () => {
    const a = newWorkshop();
    const id = unwrap(addGroup(a, 'NGOs', 'a'));
    const b = joinDevice(a);
    deleteGroup(a, id, 'a');
    updateGroup(b, id, { name: 'Civil society' }, 'b');
    exchange(a, b);
    expect(listGroups(a)).toEqual([]);
    expect(listGroups(b)).toEqual([]);
  });
});
