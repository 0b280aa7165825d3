import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seatAt, tablesByGroup, tablesFor, tablesMixed, tablesRandom, type Seat } from '../../../src/core/tables';

const seat = (id: string, group: string): Seat => ({ id, group });
/** Two per group, as the browser test's room: Government and Development Partners. */
const room = [seat('sokha', 'Government'), seat('chan', 'Government'), seat('vanna', 'Development Partners'), seat('dara', 'Development Partners')];
const groupOf = (seats: readonly Seat[]) => new Map(seats.map((s) => [s.id, s.group]));
const groupsAt = (tables: string[][], seats: readonly Seat[]) => tables.map((t) => new Set(t.map((id) => groupOf(seats).get(id))).size);
const sizes = (tables: string[][]) => tables.map((t) => t.length);

const seats = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), group: fc.constantFrom('', 'Gov', 'DP', 'NGO', 'Business') }), { selector: (s) => s.id, maxLength: 60 });
const count = fc.integer({ min: 2, max: 8 });

describe('tables', () => {
  it('by group: one table per group', () => {
    const tables = tablesByGroup(room);
    expect(tables).toEqual([['dara', 'vanna'], ['chan', 'sokha']]);
  });

  it('by group: past eight groups, the smallest tables take the rest', () => {
    const many = Array.from({ length: 10 }, (_, i) => seat(`p${i}`, `g${i}`));
    const tables = tablesByGroup(many);
    expect(tables).toHaveLength(8);
    expect(tables.flat().sort()).toEqual(many.map((s) => s.id).sort());
  });

  it('mixed: every table mixes the groups of a room of two groups of two', () => {
    const tables = tablesMixed(room, 2);
    expect(groupsAt(tables, room)).toEqual([2, 2]);
  });

  it('mixed: every table has every group when each group can fill every table', () => {
    const big = ['Gov', 'DP', 'NGO'].flatMap((g) => Array.from({ length: 4 + g.length }, (_, i) => seat(`${g}${i}`, g)));
    for (const n of [2, 3, 4]) expect(groupsAt(tablesMixed(big, n), big).every((k) => k === 3)).toBe(true);
  });

  it('mixed and random: everyone seated once, sizes differ by at most one', () => {
    fc.assert(fc.property(seats, count, fc.nat(), (people, n, seed) => {
      for (const tables of [tablesMixed(people, n), tablesRandom(people, n, seed)]) {
        expect(tables).toHaveLength(n);
        expect(tables.flat().sort()).toEqual(people.map((p) => p.id).sort());
        expect(Math.max(...sizes(tables)) - Math.min(...sizes(tables))).toBeLessThanOrEqual(1);
      }
    }));
  });

  it('mixed: a group of k people sits at min(k, tables) different tables', () => {
    fc.assert(fc.property(seats, count, (people, n) => {
      const tables = tablesMixed(people, n);
      for (const group of new Set(people.map((p) => p.group))) {
        const members = people.filter((p) => p.group === group).map((p) => p.id);
        const at = new Set(members.map((id) => tables.findIndex((t) => t.includes(id))));
        expect(at.size).toBe(Math.min(members.length, n));
      }
    }));
  });

  it('random: the same seed deals the same tables, another seed usually others', () => {
    const people = Array.from({ length: 20 }, (_, i) => seat(`p${i}`, i % 2 ? 'Gov' : 'DP'));
    expect(tablesRandom(people, 4, 7)).toEqual(tablesRandom(people, 4, 7));
    expect(tablesRandom(people, 4, 7)).not.toEqual(tablesRandom(people, 4, 8));
  });

  it('by hand: moves one person to another table', () => {
    const tables = tablesFor('hand', room, 2, 1);
    const moved = seatAt(tables, 'sokha', 1);
    expect(moved[1]).toContain('sokha');
    expect(moved.flat().filter((id) => id === 'sokha')).toHaveLength(1);
  });
});
