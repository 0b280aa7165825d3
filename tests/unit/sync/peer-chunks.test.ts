import { describe, expect, it } from 'vitest';
import { CHUNK, Reassembler, toFrames } from '../../../src/sync/peer-chunks';

const same = (x: Uint8Array, y: Uint8Array) => Buffer.from(x).equals(Buffer.from(y));
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);

describe('framing of peer messages', () => {
  it('sends a small message as one frame and gets it back', () => {
    const message = bytes(1000);
    const frames = toFrames(message);
    expect(frames).toHaveLength(1);
    expect(new Reassembler().accept(frames[0]!)).toEqual(message);
  });

  it('splits a 1 MB state into frames under the data-channel limit and rebuilds it in any order', () => {
    const message = bytes(1024 * 1024);
    const frames = toFrames(message);
    expect(frames.length).toBeGreaterThan(16);
    expect(Math.max(...frames.map((f) => f.length))).toBeLessThanOrEqual(CHUNK);
    const r = new Reassembler();
    const shuffled = [...frames].reverse();
    const results = shuffled.map((f) => r.accept(f));
    expect(results.slice(0, -1).every((x) => x === null)).toBe(true);
    expect(same(results.at(-1)!, message)).toBe(true);
  });

  it('keeps interleaved messages apart', () => {
    const a = bytes(200_000);
    const b = bytes(150_000).map((x) => 255 - x);
    const fa = toFrames(a);
    const fb = toFrames(b);
    const r = new Reassembler();
    const out: Uint8Array[] = [];
    for (let i = 0; i < Math.max(fa.length, fb.length); i++) {
      for (const f of [fa[i], fb[i]]) {
        const m = f && r.accept(f);
        if (m) out.push(m);
      }
    }
    expect(out).toHaveLength(2);
    expect(same(out[0]!, b) || same(out[0]!, a)).toBe(true);
    expect(out.some((m) => same(m, a)) && out.some((m) => same(m, b))).toBe(true);
  });

  it('drops frames that are not ours or are cut short, instead of passing garbage on', () => {
    const r = new Reassembler();
    expect(r.accept(Uint8Array.of(7, 1, 2, 3))).toBeNull();
    expect(r.accept(Uint8Array.of(1, 0, 0))).toBeNull();
    expect(r.accept(Uint8Array.of(1, 0, 0, 0, 1, 0, 5, 0, 2, 9))).toBeNull();
  });
});
