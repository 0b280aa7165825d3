import Peer from 'simple-peer/simplepeer.min.js';

/** y-webrtc sends a whole document state as one data-channel message, and Chromium drops
 *  messages over 256 KiB, so a newcomer to a large workshop would never receive it from peers.
 *  Every message between our peers is framed: [0] + payload, or, when large, parts of
 *  [1][message id u32][index u16][count u16] + slice, reassembled before y-webrtc sees them. */
export const CHUNK = 60 * 1024;
const HEADER = 9;
const WHOLE = 0;
const PART = 1;

let nextMessageId = 1;

/** The frames that carry `bytes`, each at most CHUNK long. */
export function toFrames(bytes: Uint8Array): Uint8Array[] {
  if (bytes.length + 1 <= CHUNK) {
    const framed = new Uint8Array(bytes.length + 1);
    framed[0] = WHOLE;
    framed.set(bytes, 1);
    return [framed];
  }
  const id = nextMessageId++ >>> 0;
  const size = CHUNK - HEADER;
  const count = Math.ceil(bytes.length / size);
  return Array.from({ length: count }, (_, index) => {
    const part = bytes.subarray(index * size, (index + 1) * size);
    const framed = new Uint8Array(part.length + HEADER);
    const view = new DataView(framed.buffer);
    framed[0] = PART;
    view.setUint32(1, id);
    view.setUint16(5, index);
    view.setUint16(7, count);
    framed.set(part, HEADER);
    return framed;
  });
}

/** Collects frames from one peer; returns each message once it is complete. Frames that are
 *  not ours (or truncated) are dropped rather than handed to y-webrtc half-read. */
export class Reassembler {
  readonly #pending = new Map<number, { parts: Uint8Array[]; received: number }>();

  accept(frame: Uint8Array): Uint8Array | null {
    if (frame[0] === WHOLE) return frame.subarray(1);
    if (frame[0] !== PART || frame.length < HEADER) return null;
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(1);
    const index = view.getUint16(5);
    const count = view.getUint16(7);
    if (index >= count) return null;
    const entry = this.#pending.get(id) ?? { parts: new Array<Uint8Array>(count), received: 0 };
    this.#pending.set(id, entry);
    if (!entry.parts[index]) entry.received++;
    entry.parts[index] = frame.slice(HEADER);
    if (entry.received < count) return null;
    this.#pending.delete(id);
    const whole = new Uint8Array(entry.parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of entry.parts) { whole.set(part, offset); offset += part.length; }
    return whole;
  }
}

type PeerInternals = {
  send(data: Uint8Array): void;
  _onChannelMessage(event: { data: ArrayBuffer | Uint8Array }): void;
  __reassembler?: Reassembler;
};

let installed = false;

/** Patches simple-peer (the WebRTC wrapper inside y-webrtc) so that every peer connection of
 *  this page frames its messages. Both ends run this app, so both speak the framing. */
export function installPeerChunking(): void {
  if (installed) return;
  installed = true;
  const proto = (Peer as unknown as { prototype: PeerInternals }).prototype;
  const send = proto.send;
  const receive = proto._onChannelMessage;
  proto.send = function (this: PeerInternals, data: Uint8Array) {
    for (const frame of toFrames(data)) send.call(this, frame);
  };
  proto._onChannelMessage = function (this: PeerInternals, event: { data: ArrayBuffer | Uint8Array }) {
    const frame = event.data instanceof Uint8Array ? event.data : new Uint8Array(event.data);
    const message = (this.__reassembler ??= new Reassembler()).accept(frame);
    if (message) receive.call(this, { data: message });
  };
}
