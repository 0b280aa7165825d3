import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listItems } from '../../../../src/core/items';
import { upsertParticipant } from '../../../../src/core/participants';
import { boardModes, startSilent } from '../../../../src/core/facilitation/board-modes';
import {
  addHiddenNote, deleteHiddenNote, hiddenNoteCount, openHiddenNotes, revealBoard, sealedOf,
} from '../../../../src/core/facilitation/hidden-notes';
import { facilitatorId, newSealingKeys } from '../../../../src/core/facilitation/keys';
import { grantFacilitator } from '../../../../src/core/facilitation/roles';
import { seal, unseal } from '../../../../src/core/facilitation/sealing';
import { utf8 } from '../../../../src/core/facilitation/encoding';
import { exchange, joinDevice, recordWrites, unwrap } from '../helpers';
import { facilitated, otherSigner } from './setup';

const SECRET = 'Ministry data is often late';
const kim = { id: 'kim-participant-1', name: 'Kimhorn Sok', group: 'gov', color: '#123456' };

/** A silent board, a facilitator's laptop and Kim's phone, with Kim's hidden note. */
function silentRoom({ profile = true } = {}) {
  const { doc: laptop, board, root, creator } = facilitated();
  unwrap(startSilent(laptop, creator, board, 'ana'));
  const phone = joinDevice(laptop);
  if (profile) unwrap(upsertParticipant(phone, kim, 'kim'));
  const kimKeys = newSealingKeys();
  const noteId = unwrap(addHiddenNote(phone, root, board, { text: SECRET, createdBy: kim.id, group: kim.group, authorKey: kimKeys.public }, 'kim'));
  const neighbour = joinDevice(phone);
  exchange(laptop, phone);
  return { laptop, phone, neighbour, board, root, creator, kimKeys, noteId };
}

/** Everything a curious participant's device holds, as text: the document with every root
 *  type read (a type received but never asked for has no JSON yet), and its raw bytes. */
function rawCopy(doc: Y.Doc): string[] {
  for (const name of [...doc.share.keys()]) void (name === 'boards' ? doc.getArray(name) : doc.getMap(name));
  const update = Y.encodeStateAsUpdate(doc);
  return [JSON.stringify(doc.toJSON()), new TextDecoder('latin1').decode(update), new TextDecoder().decode(update)];
}

describe('a hidden note before the reveal', () => {
  it('is in no one\'s raw copy: not its text, not its author\'s id, name or group', () => {
    const { neighbour, board, noteId } = silentRoom();
    for (const raw of rawCopy(neighbour)) {
      expect(raw).not.toContain(SECRET);
      expect(raw).not.toContain('Ministry');
      const sealedPart = JSON.stringify(sealedOf(neighbour).toJSON());
      expect(sealedPart).not.toContain(kim.id);
      expect(sealedPart).not.toContain(kim.group);
      expect(raw).toContain(noteId);
    }
    expect(listItems(neighbour, board)).toEqual([]);
    expect(hiddenNoteCount(neighbour, board)).toBe(1);
  });

  it('leaves no trace of an author who has not otherwise joined the document', () => {
    const { neighbour } = silentRoom({ profile: false });
    for (const raw of rawCopy(neighbour)) for (const trace of [SECRET, kim.id, kim.name, 'gov']) expect(raw).not.toContain(trace);
  });

  it('was written by a one-off Yjs client, so presence cannot link it to its author\'s device', () => {
    const { doc: laptop, board, root, creator } = facilitated();
    unwrap(startSilent(laptop, creator, board, 'ana'));
    const phone = joinDevice(laptop);
    const phoneClient = phone.clientID;
    const { result, updates } = recordWrites(phone, () => addHiddenNote(phone, root, board, { text: SECRET, createdBy: kim.id, group: 'gov' }, 'kim'));
    expect(result.ok).toBe(true);
    expect(updates).toBe(1);
    expect(phone.clientID).toBe(phoneClient);
    const writers = Y.decodeUpdate(Y.encodeStateAsUpdate(phone, Y.encodeStateVector(laptop))).structs.map((s) => s.id.client);
    expect(writers.length).toBeGreaterThan(0);
    expect(writers).not.toContain(phoneClient);
    // The phone's own later edits still carry its own id.
    unwrap(upsertParticipant(phone, kim, 'kim'));
    expect(Y.decodeStateVector(Y.encodeStateVector(phone)).has(phoneClient)).toBe(true);
  });

  it('opens for its author\'s key and the facilitator\'s, not for a participant\'s', () => {
    const { neighbour, phone, board, creator, kimKeys } = silentRoom();
    expect(openHiddenNotes(phone, board, kimKeys.secret).map((n) => n.text)).toEqual([SECRET]);
    expect(openHiddenNotes(neighbour, board, creator.keys.sealing.secret)).toMatchObject([{ text: SECRET, createdBy: kim.id, group: 'gov' }]);
    expect(openHiddenNotes(neighbour, board, newSealingKeys().secret)).toEqual([]);
  });

  it('can be taken back by its author', () => {
    const { phone, board, noteId } = silentRoom();
    unwrap(deleteHiddenNote(phone, board, noteId, 'kim'));
    expect(hiddenNoteCount(phone, board)).toBe(0);
    expect(deleteHiddenNote(phone, board, noteId, 'kim')).toEqual({ ok: false, error: 'no-note', detail: noteId });
  });

  it('is refused on a board that is not silent, and checked like any note', () => {
    const { doc, board, root, creator } = facilitated();
    expect(addHiddenNote(doc, root, board, { text: 'x', createdBy: 'p', group: '' }, 'a')).toEqual({ ok: false, error: 'not-silent', detail: board });
    expect(addHiddenNote(doc, root, 'nope', { text: 'x', createdBy: 'p', group: '' }, 'a')).toMatchObject({ error: 'no-board' });
    expect(addHiddenNote(doc, root, board, { text: ' ', createdBy: 'p', group: '' }, 'a')).toMatchObject({ error: 'empty' });
    unwrap(startSilent(doc, creator, board, 'ana'));
    expect(addHiddenNote(doc, root, board, { text: 'x', createdBy: 'p', group: '', authorKey: 'short' }, 'a')).toMatchObject({ error: 'bad-key' });
    expect(addHiddenNote(doc, 'not-a-root', board, { text: 'x', createdBy: 'p', group: '' }, 'a')).toMatchObject({ error: 'bad-root' });
  });
});

describe('revealBoard', () => {
  it('publishes every hidden note with its author and group and ends silent mode, in one transaction', () => {
    const { laptop, neighbour, board, root, creator, noteId } = silentRoom();
    const { result, updates, origins } = recordWrites(laptop, () => revealBoard(laptop, creator, board, 'ana'));
    expect(result).toEqual({ ok: true, value: { revealed: 1, unreadable: 0 } });
    expect([updates, origins]).toEqual([1, ['ana']]);
    exchange(laptop, neighbour);
    expect(listItems(neighbour, board)).toMatchObject([{ id: noteId, text: SECRET, createdBy: kim.id, group: 'gov' }]);
    expect(hiddenNoteCount(neighbour, board)).toBe(0);
    expect(boardModes(neighbour, root, board).silent).toBe(false);
  });

  it('needs only the facilitator\'s key: the author may have left long ago', () => {
    const { laptop, phone, board, creator } = silentRoom();
    phone.destroy();
    unwrap(revealBoard(laptop, creator, board, 'ana'));
    expect(listItems(laptop, board).map((i) => i.text)).toEqual([SECRET]);
  });

  it('can be done by a co-facilitator for notes sealed after their grant', () => {
    const { doc: laptop, board, root, creator } = facilitated();
    const co = otherSigner(root);
    unwrap(grantFacilitator(laptop, creator, facilitatorId(co.keys), { participantId: 'p2', name: 'Bo' }, 'ana'));
    unwrap(startSilent(laptop, creator, board, 'ana'));
    const phone = joinDevice(laptop);
    unwrap(addHiddenNote(phone, root, board, { text: SECRET, createdBy: kim.id, group: 'gov' }, 'kim'));
    exchange(laptop, phone);
    expect(revealBoard(phone, co, board, 'bo')).toEqual({ ok: true, value: { revealed: 1, unreadable: 0 } });
  });

  it('is refused to a participant, who cannot read the notes anyway', () => {
    const { neighbour, board, root } = silentRoom();
    expect(revealBoard(neighbour, otherSigner(root), board, 'x')).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(hiddenNoteCount(neighbour, board)).toBe(1);
  });

  it('leaves boxes it cannot open, and refuses a box moved from another note or board', () => {
    const { laptop, board, root, creator, noteId } = silentRoom();
    const box = (sealedOf(laptop).get(noteId) as { box: string }).box;
    laptop.transact(() => {
      sealedOf(laptop).set('copied', { board, box });
      sealedOf(laptop).set('junk', { board, box: 'AAAA' });
      sealedOf(laptop).set('stranger', { board, box: seal(utf8('{}'), [newSealingKeys().public], 'x') });
    });
    expect(revealBoard(laptop, creator, board, 'ana')).toEqual({ ok: true, value: { revealed: 1, unreadable: 3 } });
    expect(hiddenNoteCount(laptop, board)).toBe(3);
    expect(root).toBeTruthy();
  });

  it('checks what a box holds as it checks a typed note', () => {
    const { doc, board, root, creator } = facilitated();
    unwrap(startSilent(doc, creator, board, 'ana'));
    const context = `common-ground/hidden-note/1\n${board}\nlong`;
    const note = { id: 'long', text: 'x'.repeat(501), createdBy: 'p', group: '', createdAt: 1, lane: '', cluster: '' };
    sealedOf(doc).set('long', { board, box: seal(utf8(JSON.stringify(note)), [creator.keys.sealing.public], context) });
    expect(revealBoard(doc, creator, board, 'ana')).toEqual({ ok: true, value: { revealed: 0, unreadable: 1 } });
    expect(root).toBeTruthy();
  });
});

describe('sealed boxes', () => {
  it('are the same size for short and long notes and any number of recipients up to four', () => {
    const [a, b, c] = [newSealingKeys(), newSealingKeys(), newSealingKeys()];
    const short = seal(utf8('hi'), [a.public], 'ctx');
    const long = seal(utf8('x'.repeat(200)), [a.public, b.public, c.public], 'ctx');
    expect(short.length).toBe(long.length);
    expect(new TextDecoder().decode(unseal(long, c.secret, 'ctx'))).toBe('x'.repeat(200));
    expect(unseal(long, c.secret, 'other context')).toBeUndefined();
    expect(unseal(short, b.secret, 'ctx')).toBeUndefined();
  });

  it('do not open once a byte is changed', () => {
    const a = newSealingKeys();
    const box = seal(utf8('hi'), [a.public], 'ctx');
    const flipped = box.slice(0, -5) + (box.at(-5) === 'A' ? 'B' : 'A') + box.slice(-4);
    expect(unseal(flipped, a.secret, 'ctx')).toBeUndefined();
    expect(unseal('', a.secret, 'ctx')).toBeUndefined();
  });
});
