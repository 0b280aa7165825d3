/** A facilitated workshop with a health-check board, two partner groups and phones that answer. */
import * as Y from 'yjs';
import { newSealingKeys, type KeyPair } from '../../../../src/core/facilitation/keys';
import { addGroup } from '../../../../src/core/groups';
import { answer, type Answer } from '../../../../src/core/health/sheets';
import { addStatements, listStatements, setStatements } from '../../../../src/core/health/statements';
import { addBoardOf, joinDevice, syncAll, unwrap } from '../helpers';
import { facilitated } from '../facilitation/setup';

export function healthRoom() {
  const { doc: laptop, root, creator } = facilitated();
  const gov = unwrap(addGroup(laptop, 'Government', 'setup'));
  const dp = unwrap(addGroup(laptop, 'Development Partners', 'setup'));
  const board = addBoardOf(laptop, 'health', 'Health check');
  unwrap(addStatements(laptop, board, setStatements('review').map((s) => ({ ...s, text: `Statement ${s.key}` })), 'setup'));
  const statements = listStatements(laptop, board);
  return { laptop, root, creator, gov, dp, board, statements };
}

export interface Phone {
  doc: Y.Doc;
  keys: KeyPair;
  group: string;
}

export const phoneOf = (laptop: Y.Doc, group: string): Phone => ({ doc: joinDevice(laptop), keys: newSealingKeys(), group });

/** `phone` rates the statements at `ratings` (statement id -> rating, or [rating, comment]). */
export function rate(phone: Phone, root: string, board: string, ratings: Record<string, number | [number, string]>): string {
  const changes = Object.fromEntries(Object.entries(ratings).map(([id, r]) =>
    [id, (Array.isArray(r) ? { rating: r[0], comment: r[1] } : { rating: r, comment: '' }) as Answer]));
  return unwrap(answer(phone.doc, root, board, { group: phone.group, changes }, phone.keys, 'phone'));
}

export { syncAll };
