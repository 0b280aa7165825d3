import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateIn } from '../../../src/hub/acknowledged';

/** A relay message as the Hocuspocus provider sends one: room name, message type, then the body. */
const message = (type: number, ...parts: ((e: encoding.Encoder) => void)[]) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'cg-room');
  encoding.writeVarUint(encoder, type);
  parts.forEach((part) => part(encoder));
  return encoding.toUint8Array(encoder);
};
const sync = (step: number, payload: Uint8Array) =>
  message(0, (e) => encoding.writeVarUint(e, step), (e) => encoding.writeVarUint8Array(e, payload));

describe('the update a relay message carries', () => {
  const doc = new Y.Doc();
  doc.getMap('notes').set('n1', 'text');
  const update = Y.encodeStateAsUpdate(doc);

  it('is found in a sync step 2 and in an update, the two messages Hocuspocus acknowledges', () => {
    expect(updateIn(sync(1, update))).toEqual(update);
    expect(updateIn(sync(2, update))).toEqual(update);
  });

  it('is none in a state vector (sync step 1), in awareness, or in an update that changes nothing', () => {
    expect(updateIn(sync(0, Y.encodeStateVector(doc)))).toBeNull();
    expect(updateIn(message(1, (e) => encoding.writeVarUint8Array(e, new Uint8Array([1, 2]))))).toBeNull();
    expect(updateIn(sync(2, Y.encodeStateAsUpdate(new Y.Doc())))).toBeNull();
  });

  it('is none in bytes that do not decode, which Hocuspocus refuses itself', () => {
    expect(updateIn(new Uint8Array([0xff]))).toBeNull();
    expect(updateIn(sync(2, update).subarray(0, 12))).toBeNull();
  });
});
