import type { WebSocket } from 'ws';
import { MAX_ROOMS_PER_SOCKET, PING_INTERVAL_MS, ROOM_NAME } from './limits';
import type { Log } from './log';

/** A y-webrtc signaling server (the protocol of y-webrtc's bin/server.js): peers subscribe to
 *  their room's topic and publish WebRTC offers and answers to everyone else on it. It carries no
 *  document data and keeps nothing once a socket closes. */
export interface Signaling {
  accept(ws: WebSocket, client: string): void;
  /** Topics with at least one subscriber. */
  topics(): number;
  /** Stops the keepalive; the sockets themselves are closed by whoever accepted them. */
  close(): void;
}

interface Peer {
  client: string;
  topics: Set<string>;
  alive: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const PONG = JSON.stringify({ type: 'pong' });

export function createSignaling(log: Log): Signaling {
  const topics = new Map<string, Set<WebSocket>>();
  const peers = new Map<WebSocket, Peer>();

  // A phone that sleeps or leaves the Wi-Fi never closes its socket; without pings its
  // subscriptions would linger and every offer to it would be lost.
  const heartbeat = setInterval(() => {
    for (const [ws, peer] of peers) {
      if (!peer.alive) {
        log('signal-timeout', `${peer.client}: no answer to ping, closing`);
        ws.terminate();
        continue;
      }
      peer.alive = false;
      ws.ping();
    }
  }, PING_INTERVAL_MS);

  function subscribe(ws: WebSocket, peer: Peer, names: string[]): void {
    let refused = 0;
    let invalid = 0;
    for (const name of names) {
      if (peer.topics.has(name)) continue;
      if (!ROOM_NAME.test(name)) invalid++;
      else if (peer.topics.size >= MAX_ROOMS_PER_SOCKET) refused++;
      else {
        peer.topics.add(name);
        let subscribers = topics.get(name);
        if (!subscribers) topics.set(name, (subscribers = new Set()));
        subscribers.add(ws);
      }
    }
    if (invalid) log('signal-bad-topic', `${peer.client}: ignored ${invalid} topic name(s) that are not room names`);
    if (refused) log('signal-too-many-topics', `${peer.client}: ignored ${refused} topic(s) beyond ${MAX_ROOMS_PER_SOCKET}`);
  }

  function unsubscribe(ws: WebSocket, peer: Peer, names: Iterable<string>): void {
    for (const name of names) {
      if (!peer.topics.delete(name)) continue;
      const subscribers = topics.get(name);
      subscribers?.delete(ws);
      if (subscribers?.size === 0) topics.delete(name);
    }
  }

  function publish(message: Record<string, unknown>): void {
    if (typeof message.topic !== 'string') return;
    const receivers = topics.get(message.topic);
    if (!receivers) return;
    const text = JSON.stringify({ ...message, clients: receivers.size });
    for (const receiver of receivers) if (receiver.readyState === receiver.OPEN) receiver.send(text);
  }

  function accept(ws: WebSocket, client: string): void {
    const peer: Peer = { client, topics: new Set(), alive: true };
    peers.set(ws, peer);
    ws.on('pong', () => { peer.alive = true; });
    ws.on('close', () => {
      unsubscribe(ws, peer, [...peer.topics]);
      peers.delete(ws);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        log('signal-malformed', `${client}: binary message ignored`);
        return;
      }
      let message: unknown;
      try {
        // Text frames arrive as one Buffer (the default binaryType), already checked as UTF-8.
        message = JSON.parse(String(data));
      } catch {
        log('signal-malformed', `${client}: message is not JSON, ignored`);
        return;
      }
      if (!isRecord(message)) {
        log('signal-malformed', `${client}: message is not an object, ignored`);
        return;
      }
      switch (message.type) {
        case 'subscribe': subscribe(ws, peer, stringsIn(message.topics)); break;
        case 'unsubscribe': unsubscribe(ws, peer, stringsIn(message.topics)); break;
        case 'publish': publish(message); break;
        case 'ping': ws.send(PONG); break;
        default: log('signal-malformed', `${client}: unknown message type, ignored`);
      }
    });
  }

  return {
    accept,
    topics: () => topics.size,
    close: () => clearInterval(heartbeat),
  };
}
