// A TCP proxy on loopback that makes a link behave like a crowded Wi-Fi network: each chunk
// waits a one-way delay with jitter, and now and then a long stall, as TCP does while it
// recovers a lost segment (the kernel's netem is not available on these machines). Counts the
// bytes each way, so a benchmark can say what a device sent and received.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface Impairment {
  /** One-way delay of each chunk, and how far either side of it a chunk may land. */
  delayMs: number;
  jitterMs: number;
  /** The share of chunks held back by a further stall of between `stallMs[0]` and `stallMs[1]`. */
  stallChance: number;
  stallMs: [number, number];
}

/** 100 ms round trip ±30 ms, and a 200–400 ms stall on 5 % of chunks. */
export const BAD_WIFI: Impairment = { delayMs: 50, jitterMs: 15, stallChance: 0.05, stallMs: [200, 400] };

export interface ImpairProxy {
  port: number;
  /** http://127.0.0.1:<port>: the app's origin for a device behind this proxy. */
  origin: string;
  /** Bytes from the devices to the hub (up) and back (down), since start or the last reset. */
  bytes: { up: number; down: number };
  reset(): void;
  close(): Promise<void>;
}

/** Delays what `from` sends by `delay()` each chunk and hands it to `to`, never reordering: a
 *  chunk leaves no earlier than the one before it, as on one TCP stream. */
function impairedPipe(from: Socket, to: Socket, delay: () => number, count: (n: number) => void): void {
  const queue: { at: number; chunk: Buffer | null }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    timer = undefined;
    while (queue.length > 0 && queue[0]!.at <= Date.now()) {
      const { chunk } = queue.shift()!;
      if (chunk) to.write(chunk);
      else to.end();
    }
    if (queue.length > 0) timer = setTimeout(pump, queue[0]!.at - Date.now());
  };
  const push = (chunk: Buffer | null) => {
    const last = queue.at(-1)?.at ?? 0;
    queue.push({ at: Math.max(last, Date.now() + delay()), chunk });
    if (!timer) timer = setTimeout(pump, queue[0]!.at - Date.now());
  };
  from.on('data', (chunk: Buffer) => {
    count(chunk.length);
    push(chunk);
  });
  from.on('end', () => push(null));
  from.on('close', () => {
    if (queue.length === 0) to.destroy();
  });
}

export async function startImpairProxy(targetPort: number, impairment: Impairment = BAD_WIFI, random = Math.random): Promise<ImpairProxy> {
  const delay = () => {
    const [low, high] = impairment.stallMs;
    const stall = random() < impairment.stallChance ? low + random() * (high - low) : 0;
    return impairment.delayMs + (random() * 2 - 1) * impairment.jitterMs + stall;
  };
  const bytes = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  const server = createServer({ noDelay: true }, (device) => {
    const hub = connect({ port: targetPort, host: '127.0.0.1', noDelay: true });
    for (const s of [device, hub]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => { device.destroy(); hub.destroy(); });
    }
    impairedPipe(device, hub, delay, (n) => { bytes.up += n; });
    impairedPipe(hub, device, delay, (n) => { bytes.down += n; });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    bytes,
    reset: () => { bytes.up = 0; bytes.down = 0; },
    close: () => new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    }),
  };
}
