import { describe, expect, it } from 'vitest';
import { encodeRecord, readRecords } from '../../../src/hub/journal';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('the journal\'s record format', () => {
  it('reads back every record written, in order', () => {
    const payloads = [bytes(1), bytes(), bytes(...Array.from({ length: 300 }, (_, i) => i % 256))];
    const file = Buffer.concat(payloads.map(encodeRecord));
    expect(readRecords(file)).toEqual({ records: payloads, goodBytes: file.length });
  });

  it('is a length, a checksum and the payload', () => {
    const record = encodeRecord(bytes(7, 8, 9));
    expect(record.length).toBe(8 + 3);
    expect(record.readUInt32BE(0)).toBe(3);
    expect([...record.subarray(8)]).toEqual([7, 8, 9]);
  });

  it('stops at a record cut short, anywhere in it, keeping the ones before', () => {
    const first = encodeRecord(bytes(1, 2, 3));
    const second = encodeRecord(bytes(4, 5, 6, 7));
    for (let cut = 0; cut < second.length; cut++) {
      const read = readRecords(Buffer.concat([first, second.subarray(0, cut)]));
      expect(read).toEqual({ records: [bytes(1, 2, 3)], goodBytes: first.length });
    }
  });

  it('stops at a record whose payload, checksum or length was changed, and at everything after it', () => {
    const good = encodeRecord(bytes(1, 2, 3));
    for (const at of [0, 3, 4, 8, 10]) {
      const damaged = encodeRecord(bytes(4, 5, 6));
      damaged[at] = damaged[at]! ^ 0x01;
      const read = readRecords(Buffer.concat([good, damaged, encodeRecord(bytes(9))]));
      expect(read).toEqual({ records: [bytes(1, 2, 3)], goodBytes: good.length });
    }
  });
});
