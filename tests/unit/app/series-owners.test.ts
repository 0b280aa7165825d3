import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ownerChoices } from '../../../src/app/series-owners';
import { addGroup } from '../../../src/core/groups';
import { exchange, newWorkshop, unwrap } from '../core/helpers';

describe('owner choices', () => {
  it('list a group once though two devices each made it (one key per option)', () => {
    const a = newWorkshop('Meeting 2');
    const b = new Y.Doc();
    exchange(a, b);
    unwrap(addGroup(a, 'Government', 'a'));
    unwrap(addGroup(b, 'government', 'b'));
    unwrap(addGroup(a, 'Development Partners', 'a'));
    exchange(a, b);
    expect(ownerChoices(a).groups.map((g) => g.key)).toEqual(['development partners', 'government']);
  });
});
