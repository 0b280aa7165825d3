import { describe, expect, it } from 'vitest';
import { mayChange, shownAuthor } from '../../../src/core/room-rules';

describe('own words stay one\'s own', () => {
  const author = { participantId: 'sokha', facilitating: false };
  const other = { participantId: 'vanna', facilitating: false };
  const facilitator = { participantId: 'dara', facilitating: true };

  it('by default only the author and facilitators may change an entry', () => {
    expect(mayChange('sokha', author, 'own')).toBe(true);
    expect(mayChange('sokha', other, 'own')).toBe(false);
    expect(mayChange('sokha', facilitator, 'own')).toBe(true);
  });

  it('an entry without an author is nobody\'s own', () => {
    expect(mayChange('', { participantId: '', facilitating: false }, 'own')).toBe(false);
  });

  it('a board open to editing lets everyone change everything', () => {
    expect(mayChange('sokha', other, 'everyone')).toBe(true);
  });
});

describe('anonymity', () => {
  const person = { name: 'Sokha' };
  const group = { name: 'Government' };
  it('shows name and group, the group only, or nothing', () => {
    expect(shownAuthor('names', person, group)).toEqual({ author: person, group });
    expect(shownAuthor('group', person, group)).toEqual({ author: undefined, group });
    expect(shownAuthor('none', person, group)).toEqual({ author: undefined, group: undefined });
  });
});
