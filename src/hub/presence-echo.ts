import { Document } from '@hocuspocus/server';

type Changes = { added: number[]; updated: number[]; removed: number[] };
const ECHOLESS = Symbol('echoless');

interface Broadcasting {
  handleAwarenessUpdate(changes: Changes, origin: unknown): unknown;
  getConnections(): { webSocket: unknown }[];
}

/** Hocuspocus sends each change of presence to every connection of its room, the one it came from
 *  included: each device got its own presence back every time it changed and every 15 s as it
 *  renewed it, a kilobyte a minute for nothing on an idle phone. This makes a room's broadcast of
 *  presence skip its origin (the socket it came in on). A room's document binds the method when it
 *  is made, so this runs before the first room opens; running it twice changes nothing. */
export function stopPresenceEcho(): void {
  const prototype = Document.prototype as unknown as Broadcasting;
  const broadcast = prototype.handleAwarenessUpdate;
  if (ECHOLESS in broadcast) return;
  prototype.handleAwarenessUpdate = Object.assign(function (this: Broadcasting, changes: Changes, origin: unknown) {
    const everyone = this.getConnections;
    this.getConnections = () => everyone.call(this).filter((connection) => connection.webSocket !== origin);
    try {
      return broadcast.call(this, changes, origin);
    } finally {
      delete (this as Partial<Broadcasting>).getConnections;
    }
  }, { [ECHOLESS]: true });
}
