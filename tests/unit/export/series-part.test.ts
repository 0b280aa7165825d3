import { describe, expect, it } from 'vitest';
import { sourceText } from '../../../src/export/series-part';
import { t } from './helpers';

describe('where an action, decision or parked item came from', () => {
  it('names every kind of item it can be made from', () => {
    expect(['note', 'proposal', 'stakeholder', 'risk', 'pledge', 'parked'].map((kind) => sourceText({ kind, label: 'X' }, t))).toEqual([
      'From note “X”', 'From proposal “X”', 'From stakeholder “X”', 'From risk “X”', 'From pledge “X”', 'From parked item “X”',
    ]);
  });
});
