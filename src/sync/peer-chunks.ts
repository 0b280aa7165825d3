/** y-webrtc sends a whole document state as one data-channel message, and Chromium refuses
 *  messages over 256 KiB, so a newcomer to a large workshop would never receive it from peers.
 *  Every message on our peers' data channels is framed: [0] + payload, or, when large, parts of
 *  [1][message id u32][index u16][count u16] + slice, reassembled before y-webrtc sees them.
 *  [2] + payload is this app's own control traffic (heartbeats, signaling relayed between peers),
 *  which y-webrtc never sees. */
export const CHUNK = 60 * 1024;
const HEADER = 9;
const WHOLE = 0;
const PART = 1;
const CONTROL = 2;

/** A data channel's control traffic: small messages beside y-webrtc's. */
export interface ControlLine {
  send(payload: Uint8Array): void;
  /** Set by whoever listens; also told of every other message, as proof the peer is alive. */
  onmessage: ((payload: Uint8Array | null) => void) | null;
}

const controlLines = new WeakMap<RTCDataChannel, ControlLine>();

/** The control line of a channel framed by `frameChannel`. */
export function controlLine(channel: RTCDataChannel): ControlLine | undefined {
  return controlLines.get(channel);
}

let nextMessageId = 1;

/** The frames that carry `bytes`, each at most CHUNK long. */
export function toFrames(bytes: Uint8Array): Uint8Array<ArrayBuffer>[] {
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
  readonly #pending = new Map<number, { parts: Uint8Array<ArrayBuffer>[]; received: number }>();

  accept(frame: Uint8Array): Uint8Array<ArrayBuffer> | null {
    if (frame[0] === WHOLE) return frame.slice(1);
    if (frame[0] !== PART || frame.length < HEADER) return null;
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const id = view.getUint32(1);
    const index = view.getUint16(5);
    const count = view.getUint16(7);
    if (index >= count) return null;
    const entry = this.#pending.get(id) ?? { parts: new Array<Uint8Array<ArrayBuffer>>(count), received: 0 };
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

/** What simple-peer's `wrtc` option takes. */
export interface WebRtc {
  RTCPeerConnection: typeof RTCPeerConnection;
  RTCSessionDescription: typeof RTCSessionDescription;
  RTCIceCandidate: typeof RTCIceCandidate;
}

/** The browser's WebRTC, for y-webrtc's `peerOpts.wrtc`, except that every data channel of these
 *  connections (and of no others on the page) frames its messages. Both ends run this app, so
 *  both speak the framing. Undefined where there is no WebRTC. */
export function framedWebRtc(): WebRtc | undefined {
  if (typeof RTCPeerConnection === 'undefined') return undefined;
  class FramedPeerConnection extends RTCPeerConnection {
    constructor(config?: RTCConfiguration) {
      super(config);
      // Added before simple-peer sets `ondatachannel`, so it runs first and the channel simple-peer
      // receives already frames.
      this.addEventListener('datachannel', (event) => frameChannel(event.channel));
    }

    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      return frameChannel(super.createDataChannel(label, init));
    }
  }
  return { RTCPeerConnection: FramedPeerConnection, RTCSessionDescription, RTCIceCandidate };
}

/** Makes `send` frame and `onmessage` receive whole messages, through the channel's public API. */
export function frameChannel(channel: RTCDataChannel): RTCDataChannel {
  const send = channel.send.bind(channel);
  channel.send = (data: string | Blob | ArrayBuffer | ArrayBufferView) => {
    for (const frame of toFrames(bytesOf(data))) send(frame);
  };
  let handler: RTCDataChannel['onmessage'] = null;
  Object.defineProperty(channel, 'onmessage', { get: () => handler, set: (h: RTCDataChannel['onmessage']) => { handler = h; } });
  const reassembler = new Reassembler();
  const control: ControlLine = {
    send: (payload) => {
      const framed = new Uint8Array(payload.length + 1);
      framed[0] = CONTROL;
      framed.set(payload, 1);
      send(framed);
    },
    onmessage: null,
  };
  controlLines.set(channel, control);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!(event.data instanceof ArrayBuffer)) return;
    const frame = new Uint8Array(event.data);
    if (frame[0] === CONTROL) {
      control.onmessage?.(frame.subarray(1));
      return;
    }
    control.onmessage?.(null);
    const message = reassembler.accept(frame);
    if (message) handler?.call(channel, new MessageEvent('message', { data: message.buffer }));
  });
  return channel;
}

function bytesOf(data: string | Blob | ArrayBuffer | ArrayBufferView): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('peer messages are binary');
}
