import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newSealingKeys } from '../../../../src/core/facilitation/keys';
import { answer, mySheet, openSheets, sheetCount } from '../../../../src/core/health/sheets';
import { exchange, recordWrites, unwrap } from '../helpers';
import { healthRoom, phoneOf, rate, syncAll } from './fixture';

const COMMENT = 'The ministry hears about decisions last';

/** Everything a device holds, as text: its document as JSON and its raw bytes both ways. */
function rawCopy(doc: Y.Doc): string[] {
  for (const name of [...doc.share.keys()]) void (name === 'boards' ? doc.getArray(name) : doc.getMap(name));
  const update = Y.encodeStateAsUpdate(doc);
  return [JSON.stringify(doc.toJSON()), new TextDecoder('latin1').decode(update), new TextDecoder().decode(update)];
}

/** The room: a Government phone answers with a comment while a neighbour's device records every
 *  update it receives, and both publish presence as the app does (participant id and name). */
function answered() {
  const room = healthRoom();
  const { laptop, root, board, statements, gov } = room;
  const phone = phoneOf(laptop, gov);
  const neighbour = phoneOf(laptop, gov);
  const received: Uint8Array[] = [];
  neighbour.doc.on('update', (u: Uint8Array, origin: unknown) => { if (origin === 'remote') received.push(u); });
  const presence = [phone, neighbour].map((p, i) => {
    const a = new Awareness(p.doc);
    a.setLocalState({ participant: `p${i + 2}`, name: i === 0 ? 'Sokha' : 'Dara', group: p.group });
    return a;
  });
  const { result, updates } = recordWrites(phone.doc, () => answer(phone.doc, root, board, {
    group: gov, changes: { [statements[0]!.id]: { rating: 2, comment: COMMENT }, [statements[1]!.id]: { rating: 0, comment: '' } },
  }, phone.keys, 'phone'));
  const sent = Y.encodeStateAsUpdate(phone.doc, Y.encodeStateVector(neighbour.doc));
  exchange(phone.doc, laptop);
  exchange(laptop, neighbour.doc);
  return { ...room, phone, neighbour, received, presence, sheet: unwrap(result), updates, sent };
}

describe('a health-check answer sheet', () => {
  it('is in no other participant\'s copy, nor in any update it receives: no rating, comment or group', () => {
    const { neighbour, received, sent, updates, board, gov } = answered();
    expect(updates).toBe(1);
    expect(received.length).toBeGreaterThan(0);
    const texts = [...rawCopy(neighbour.doc), ...[sent, ...received].flatMap((u) => [new TextDecoder('latin1').decode(u), new TextDecoder().decode(u)])];
    for (const raw of texts) {
      expect(raw).not.toContain(COMMENT);
      expect(raw).not.toContain('ministry');
      expect(raw).not.toContain('"rating"');
    }
    expect(JSON.stringify(neighbour.doc.getMap(`board:${board}`).get('sheets'))).not.toContain(gov);
    expect(openSheets(neighbour.doc, board, neighbour.keys.secret)).toEqual([]);
    expect(sheetCount(neighbour.doc, board)).toBe(1);
  });

  it('was written by a one-off Yjs client that no presence state names', () => {
    const { phone, sent, received, presence } = answered();
    const writers = [sent, ...received].flatMap((u) => Y.decodeUpdate(u).structs.map((s) => s.id.client));
    expect(writers.length).toBeGreaterThan(0);
    const present = presence.flatMap((a) => [...a.getStates().keys()]);
    expect(present).toContain(phone.doc.clientID);
    for (const w of writers) expect(present).not.toContain(w);
    const presenceBytes = presence.map((a) => new TextDecoder().decode(encodeAwarenessUpdate(a, [a.clientID])));
    for (const p of presenceBytes) expect(p).not.toContain(COMMENT);
  });

  it('holds no participant id, name or time, opens for its author and the facilitators only', () => {
    const { phone, neighbour, creator, board, statements, gov } = answered();
    const [forFacilitator] = openSheets(neighbour.doc, board, creator.keys.sealing.secret);
    expect(Object.keys(forFacilitator!).sort()).toEqual(['answers', 'group', 'id', 'owner', 'rev']);
    expect(forFacilitator).toMatchObject({ group: gov, answers: { [statements[0]!.id]: { rating: 2, comment: COMMENT } } });
    expect(JSON.stringify(forFacilitator)).not.toMatch(/p2|Sokha/);
    expect(mySheet(neighbour.doc, board, phone.keys)).toEqual(forFacilitator);
    expect(mySheet(neighbour.doc, board, neighbour.keys)).toBeUndefined();
    expect(openSheets(neighbour.doc, board, newSealingKeys().secret)).toEqual([]);
  });

  it('changing answers rewrites the same sheet: still one sheet per device', () => {
    const { phone, laptop, creator, root, board, statements, sheet } = answered();
    const again = rate(phone, root, board, { [statements[0]!.id]: 4, [statements[2]!.id]: [5, 'Good'] });
    expect(again).toBe(sheet);
    unwrap(answer(phone.doc, root, board, { group: phone.group, changes: { [statements[1]!.id]: null } }, phone.keys, 'phone'));
    exchange(phone.doc, laptop);
    const sheets = openSheets(laptop, board, creator.keys.sealing.secret);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]!.answers).toEqual({
      [statements[0]!.id]: { rating: 4, comment: '' }, [statements[2]!.id]: { rating: 5, comment: 'Good' },
    });
    expect(sheetCount(laptop, board)).toBe(1);
  });

  it('a facilitator who answers finds their own sheet among all they open', () => {
    const { laptop, creator, root, board, statements, gov } = answered();
    const keys = creator.keys.sealing;
    unwrap(answer(laptop, root, board, { group: gov, changes: { [statements[0]!.id]: { rating: 5, comment: '' } } }, keys, 'f'));
    expect(openSheets(laptop, board, keys.secret)).toHaveLength(2);
    expect(mySheet(laptop, board, keys)?.answers).toEqual({ [statements[0]!.id]: { rating: 5, comment: '' } });
  });

  it('refuses unknown statements, bad ratings, long comments and a workshop without facilitators', () => {
    const { phone, root, board, statements } = answered();
    const one = (change: object, r = root) => answer(phone.doc, r, board, { group: '', changes: { [statements[0]!.id]: change as never } }, phone.keys, 'p');
    expect(answer(phone.doc, root, board, { group: '', changes: { ghost: { rating: 3, comment: '' } } }, phone.keys, 'p')).toMatchObject({ error: 'no-statement' });
    expect(one({ rating: 6, comment: '' })).toMatchObject({ error: 'bad-rating' });
    expect(one({ rating: 2.5, comment: '' })).toMatchObject({ error: 'bad-rating' });
    expect(one({ rating: 3, comment: 'x'.repeat(501) })).toMatchObject({ error: 'too-long' });
    expect(one({ rating: 3, comment: '' }, 'not-a-root')).toMatchObject({ error: 'bad-root' });
    expect(answer(phone.doc, root, 'nope', { group: '', changes: {} }, phone.keys, 'p')).toMatchObject({ error: 'no-board' });
  });

  it('sheets from many phones merge, whatever order they arrive in', () => {
    const { laptop, root, board, statements, gov, dp, creator } = healthRoom();
    const phones = [gov, gov, dp, dp].map((g) => phoneOf(laptop, g));
    phones.forEach((p, i) => rate(p, root, board, { [statements[0]!.id]: i + 1 }));
    syncAll([...phones.map((p) => p.doc).reverse(), laptop]);
    expect(openSheets(laptop, board, creator.keys.sealing.secret).map((s) => s.answers[statements[0]!.id]!.rating).sort()).toEqual([1, 2, 3, 4]);
  });
});
