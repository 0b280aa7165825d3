import { describe, expect, it } from 'vitest';
import { CHUNK, Reassembler, frameChannel, toFrames } from '../../../src/sync/peer-chunks';

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

/** An RTCDataChannel as simple-peer sees it: `onmessage` is an event-handler attribute, and a
 *  message over 256 KiB is refused, as Chromium does. */
class FakeChannel extends EventTarget {
  other: FakeChannel | null = null;
  readonly sizes: number[] = [];
  #handler: ((e: MessageEvent) => void) | null = null;

  get onmessage() { return this.#handler; }
  set onmessage(h: ((e: MessageEvent) => void) | null) {
    if (this.#handler) this.removeEventListener('message', this.#handler as EventListener);
    this.#handler = h;
    if (h) this.addEventListener('message', h as EventListener);
  }

  send(data: Uint8Array) {
    if (data.length > 256 * 1024) throw new TypeError('message too large');
    this.sizes.push(data.length);
    this.other?.dispatchEvent(new MessageEvent('message', { data: data.slice().buffer }));
  }
}

describe('framed data channels', () => {
  const pair = () => {
    const a = new FakeChannel();
    const b = new FakeChannel();
    a.other = b;
    b.other = a;
    return [frameChannel(a as unknown as RTCDataChannel), frameChannel(b as unknown as RTCDataChannel), a, b] as const;
  };

  it('carries a 1 MB message to the other end whole, in frames the channel accepts', () => {
    const [a, b, rawA] = pair();
    const received: ArrayBuffer[] = [];
    b.onmessage = (e) => received.push(e.data as ArrayBuffer);
    const message = bytes(1024 * 1024);
    a.send(message);
    expect(rawA.sizes.length).toBeGreaterThan(16);
    expect(received).toHaveLength(1);
    expect(same(new Uint8Array(received[0]!), message)).toBe(true);
  });

  it('hands small messages over as they are, both ways', () => {
    const [a, b] = pair();
    const got: string[] = [];
    a.onmessage = (e) => got.push(`a:${new Uint8Array(e.data as ArrayBuffer).join()}`);
    b.onmessage = (e) => got.push(`b:${new Uint8Array(e.data as ArrayBuffer).join()}`);
    a.send(Uint8Array.of(1, 2));
    b.send(Uint8Array.of(3));
    expect(got).toEqual(['b:1,2', 'a:3']);
  });
});
