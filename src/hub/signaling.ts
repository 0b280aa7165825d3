import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import { acceptChannel, onThisMachine, type ChannelOptions, type ChannelSocket } from './channel';
import { PING_INTERVAL_MS } from './limits';

/** A y-webrtc signaling server (the protocol of y-webrtc's bin/server.js) behind the same
 *  encrypted channel as the relay (./channel.ts): a device proves it holds a room's key, and may
 *  then subscribe to that room's topic, and to no other, and publish its WebRTC offers and
 *  answers to everyone else on it. It carries no document data and keeps nothing once a socket
 *  closes. */
export interface Signaling {
  accept(ws: WebSocket, request: IncomingMessage, client: string): void;
  /** Topics with at least one subscriber. */
  topics(): number;
  /** Stops the keepalive; the sockets themselves are closed by whoever accepted them. */
  close(): void;
}

interface Peer {
  client: string;
  /** The one topic this socket may use: the room whose key it proved. */
  room: string;
  subscribed: boolean;
  alive: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringsIn = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const PONG = JSON.stringify({ type: 'pong' });
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parse(data: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(data));
  } catch {
    return undefined;
  }
}

export function createSignaling(channel: ChannelOptions): Signaling {
  const { log } = channel;
  const topics = new Map<string, Set<ChannelSocket>>();
  const peers = new Map<ChannelSocket, Peer>();

  // A phone that sleeps or leaves the Wi-Fi never closes its socket; without pings its
  // subscriptions would linger and every offer to it would be lost.
  const heartbeat = setInterval(() => {
    for (const [socket, peer] of peers) {
      if (!peer.alive) {
        log('signal-timeout', `${peer.client}: no answer to ping, closing`);
        socket.terminate();
        continue;
      }
      peer.alive = false;
      socket.ping();
    }
  }, PING_INTERVAL_MS);

  const send = (socket: ChannelSocket, text: string) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(Buffer.from(text));
  };

  /** Topics other than the socket's room are refused: a device's key opens its own room only.
   *  y-webrtc subscribes to every room open in the tab, so one line says how many were left out. */
  function subscribe(socket: ChannelSocket, peer: Peer, names: string[]): void {
    const others = names.filter((name) => name !== peer.room).length;
    if (others) log('signal-topic-refused', `${peer.client}: ${others} topic(s) of other rooms`);
    if (peer.subscribed || others === names.length) return;
    peer.subscribed = true;
    let subscribers = topics.get(peer.room);
    if (!subscribers) topics.set(peer.room, (subscribers = new Set()));
    subscribers.add(socket);
  }

  function unsubscribe(socket: ChannelSocket, peer: Peer): void {
    if (!peer.subscribed) return;
    peer.subscribed = false;
    const subscribers = topics.get(peer.room);
    subscribers?.delete(socket);
    if (subscribers?.size === 0) topics.delete(peer.room);
  }

  function publish(peer: Peer, message: Record<string, unknown>): void {
    if (message.topic !== peer.room) {
      log('signal-topic-refused', `${peer.client}: a publish to another room`);
      return;
    }
    const receivers = topics.get(peer.room);
    if (!receivers) return;
    const text = JSON.stringify({ ...message, clients: receivers.size });
    for (const receiver of receivers) send(receiver, text);
  }

  function serve(socket: ChannelSocket, client: string, room: string): void {
    const peer: Peer = { client, room, subscribed: false, alive: true };
    peers.set(socket, peer);
    socket.on('pong', () => { peer.alive = true; });
    socket.on('close', () => {
      unsubscribe(socket, peer);
      peers.delete(socket);
    });
    socket.on('message', (data: Buffer) => {
      const message = parse(data);
      if (!isRecord(message)) {
        log('signal-malformed', `${client}: message is not a JSON object, ignored`);
        return;
      }
      switch (message.type) {
        case 'subscribe': subscribe(socket, peer, stringsIn(message.topics)); break;
        case 'unsubscribe': if (stringsIn(message.topics).includes(room)) unsubscribe(socket, peer); break;
        case 'publish': publish(peer, message); break;
        case 'ping': send(socket, PONG); break;
        default: log('signal-malformed', `${client}: unknown message type, ignored`);
      }
    });
  }

  return {
    accept: (ws, request, client) => acceptChannel(ws, client, onThisMachine(request.socket), channel, (socket, room) => serve(socket, client, room)),
    topics: () => topics.size,
    close: () => clearInterval(heartbeat),
  };
}
